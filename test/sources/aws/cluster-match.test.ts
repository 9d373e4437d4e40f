// The cluster check's rules that need no EKS call (the DescribeCluster paths run against the sim
// in test/cli/cluster-check.cli.test.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkClusterMatch, sameServer } from '../../../source/sources/aws/cluster-match.js';
import type { ClusterIdentity } from '../../../source/store/snapshot.js';

const id = (o: Partial<ClusterIdentity>): ClusterIdentity => ({ context: 'ctx', clusterName: null, region: null, accountId: null, awsProfile: null, roleArn: null, inferredFrom: null, ...o });
const SERVER = 'https://ABCDEF.gr7.us-east-1.eks.amazonaws.com';

describe('checkClusterMatch without a call to EKS', () => {
  const cases: Array<{ rule: string; identity: Partial<ClusterIdentity>; claim: Partial<ClusterIdentity>; server?: string; state: string; message?: RegExp }> = [
    { rule: 'the kubeconfig\'s ARN names the same cluster', identity: { clusterName: 'demo', region: 'us-east-1', inferredFrom: 'arn' }, claim: { clusterName: 'demo', region: 'us-east-1', inferredFrom: 'arn' }, state: 'match' },
    { rule: 'the kubeconfig\'s ARN names another cluster', identity: { clusterName: 'prod', region: 'us-east-1', inferredFrom: 'flag' }, claim: { clusterName: 'demo', region: 'us-east-1', inferredFrom: 'arn' }, state: 'mismatch', message: /^EKS cluster prod \(us-east-1\) is not the cluster of context "ctx", which is EKS cluster demo \(us-east-1\)$/ },
    { rule: 'same name, another region (eksctl name)', identity: { clusterName: 'demo', region: 'eu-west-1', inferredFrom: 'eksctl' }, claim: { clusterName: 'demo', region: 'us-east-1', inferredFrom: 'eksctl' }, state: 'mismatch', message: /which is EKS cluster demo \(us-east-1\)$/ },
    { rule: 'the exec plugin\'s --cluster-name names it (its region is only where tokens are made)', identity: { clusterName: 'demo', region: 'eu-west-1' }, claim: { clusterName: 'demo', region: 'us-east-1', inferredFrom: 'exec' }, server: 'https://127.0.0.1:6443', state: 'match' },
    { rule: 'the EKS server host is in another region', identity: { clusterName: 'demo', region: 'eu-west-1', inferredFrom: 'flag' }, claim: { region: 'us-east-1', inferredFrom: 'server' }, state: 'mismatch', message: /which is an EKS cluster in us-east-1$/ },
    { rule: 'no EKS cluster is read at all', identity: {}, claim: {}, state: 'not-applicable' },
  ];
  for (const c of cases) {
    test(c.rule, async () => {
      const match = await checkClusterMatch({ identity: id(c.identity), claim: id(c.claim), server: c.server ?? SERVER }, { endpoint: 'http://127.0.0.1:9', maxAttempts: 1 });
      assert.equal(match.state, c.state);
      if (c.message) assert.match(match.message ?? '', c.message);
    });
  }
});

describe('sameServer: scheme, host and port', () => {
  const cases: Array<[string, string, boolean]> = [
    ['https://ABC.gr7.us-east-1.eks.amazonaws.com', 'https://abc.gr7.us-east-1.eks.amazonaws.com/', true],
    ['https://abc.example', 'https://abc.example:443', true],
    ['https://abc.example', 'abc.example', true],
    ['https://abc.example', 'http://abc.example', false],
    ['https://abc.example:6443', 'https://abc.example', false],
    ['https://abc.example', 'https://abd.example', false],
    ['http://127.0.0.1:8080', 'http://localhost:8080', false],
  ];
  for (const [a, b, same] of cases) test(`${a} vs ${b}: ${same}`, () => assert.equal(sameServer(a, b), same));
});
