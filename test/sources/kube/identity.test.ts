import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeConfig } from '@kubernetes/client-node';
import { inferClusterIdentity, missingIdentityHint, type IdentityOverrides } from '../../../source/sources/kube/identity.js';
import type { ClusterIdentity } from '../../../source/store/snapshot.js';

interface Setup {
  context: string;
  cluster?: string;
  server?: string;
  exec?: { command: string; args?: string[]; env?: { name: string; value: string }[] };
}

function kubeconfig(setup: Setup): KubeConfig {
  const kc = new KubeConfig();
  const cluster = setup.cluster ?? 'c';
  kc.loadFromOptions({
    clusters: [{ name: cluster, server: setup.server ?? 'https://127.0.0.1:6443', skipTLSVerify: false }],
    users: [{ name: 'u', ...(setup.exec ? { exec: setup.exec } : {}) }],
    contexts: [{ name: setup.context, cluster, user: 'u' }],
    currentContext: setup.context,
  });
  return kc;
}

const EKS_SERVER = 'https://0123456789ABCDEF0123456789ABCDEF.gr7.eu-west-1.eks.amazonaws.com';
const ARN = 'arn:aws:eks:us-east-1:111122223333:cluster/demo';

interface Case {
  rule: string;
  setup: Setup;
  overrides?: IdentityOverrides;
  expect: Partial<ClusterIdentity>;
}

const cases: Case[] = [
  {
    rule: 'aws eks update-kubeconfig: the context name is the cluster ARN',
    setup: { context: ARN, cluster: ARN },
    expect: { clusterName: 'demo', region: 'us-east-1', accountId: '111122223333', inferredFrom: 'arn' },
  },
  {
    rule: 'update-kubeconfig --alias: the cluster entry keeps the ARN',
    setup: { context: 'prod', cluster: 'arn:aws-cn:eks:cn-north-1:444455556666:cluster/prod-cn' },
    expect: { clusterName: 'prod-cn', region: 'cn-north-1', accountId: '444455556666', inferredFrom: 'arn' },
  },
  {
    rule: 'the cluster entry names the server used: its ARN beats the context name (kubectl --cluster picks another entry)',
    setup: { context: ARN, cluster: 'arn:aws:eks:eu-west-1:111122223333:cluster/other' },
    expect: { clusterName: 'other', region: 'eu-west-1', inferredFrom: 'arn' },
  },
  {
    rule: 'eksctl context user@NAME.REGION.eksctl.io',
    setup: { context: 'alice@cluster-16.ap-northeast-1.eksctl.io', cluster: 'cluster-16.ap-northeast-1.eksctl.io' },
    expect: { clusterName: 'cluster-16', region: 'ap-northeast-1', inferredFrom: 'eksctl' },
  },
  {
    rule: 'eksctl cluster entry when the context was renamed',
    setup: { context: 'staging', cluster: 'stg.us-west-2.eksctl.io' },
    expect: { clusterName: 'stg', region: 'us-west-2', inferredFrom: 'eksctl' },
  },
  {
    rule: 'aws eks get-token exec args give name, region, profile and role',
    setup: {
      context: 'work',
      exec: {
        command: 'aws',
        args: ['--region', 'eu-central-1', 'eks', 'get-token', '--cluster-name', 'payments', '--output', 'json', '--role', 'arn:aws:iam::1:role/r'],
        env: [{ name: 'AWS_PROFILE', value: 'payments-admin' }],
      },
    },
    expect: { clusterName: 'payments', region: 'eu-central-1', awsProfile: 'payments-admin', roleArn: 'arn:aws:iam::1:role/r', inferredFrom: 'exec' },
  },
  {
    rule: 'aws eks get-token --cluster-id (Outposts local cluster)',
    setup: { context: 'edge', exec: { command: 'aws', args: ['eks', 'get-token', '--cluster-id', 'abc-123', '--region=us-east-2'] } },
    expect: { clusterName: 'abc-123', region: 'us-east-2', inferredFrom: 'exec' },
  },
  {
    rule: 'aws-iam-authenticator token -i NAME with AWS_DEFAULT_REGION in the exec env',
    setup: {
      context: 'legacy',
      exec: {
        command: 'aws-iam-authenticator',
        args: ['token', '-i', 'old-cluster', '-r', 'arn:aws:iam::2:role/admin'],
        env: [{ name: 'AWS_DEFAULT_REGION', value: 'sa-east-1' }],
      },
    },
    expect: { clusterName: 'old-cluster', region: 'sa-east-1', roleArn: 'arn:aws:iam::2:role/admin', inferredFrom: 'exec' },
  },
  {
    rule: 'AWS_REGION in the exec env is preferred to AWS_DEFAULT_REGION',
    setup: {
      context: 'x',
      exec: {
        command: 'aws',
        args: ['eks', 'get-token', '--cluster-name', 'n'],
        env: [{ name: 'AWS_DEFAULT_REGION', value: 'us-east-1' }, { name: 'AWS_REGION', value: 'us-west-1' }],
      },
    },
    expect: { clusterName: 'n', region: 'us-west-1' },
  },
  {
    rule: 'name from the exec args, region from the server host',
    setup: { context: 'x', server: EKS_SERVER, exec: { command: 'aws', args: ['eks', 'get-token', '--cluster-name', 'n'] } },
    expect: { clusterName: 'n', region: 'eu-west-1', inferredFrom: 'exec' },
  },
  {
    rule: 'the server host gives the region only',
    setup: { context: 'renamed', server: EKS_SERVER },
    expect: { clusterName: null, region: 'eu-west-1', inferredFrom: 'server' },
  },
  {
    rule: 'the ARN wins over conflicting exec args',
    setup: { context: ARN, cluster: ARN, exec: { command: 'aws', args: ['eks', 'get-token', '--cluster-name', 'other', '--region', 'eu-west-3'] } },
    expect: { clusterName: 'demo', region: 'us-east-1', inferredFrom: 'arn' },
  },
  {
    rule: 'flags override everything inferred',
    setup: { context: ARN, cluster: ARN, exec: { command: 'aws', args: [], env: [{ name: 'AWS_PROFILE', value: 'p' }] } },
    overrides: { eksCluster: 'other', region: 'eu-north-1', profile: 'flagged' },
    expect: { clusterName: 'other', region: 'eu-north-1', accountId: null, awsProfile: 'flagged', inferredFrom: 'flag' },
  },
  {
    rule: '--eks-cluster ARN gives the name, region and account',
    setup: { context: 'kind-kind', server: 'https://127.0.0.1:41235' },
    overrides: { eksCluster: 'arn:aws:eks:eu-west-2:999988887777:cluster/prod' },
    expect: { clusterName: 'prod', region: 'eu-west-2', accountId: '999988887777', inferredFrom: 'flag' },
  },
  {
    rule: '--region alone completes a name inferred elsewhere',
    setup: { context: 'x', exec: { command: 'aws', args: ['eks', 'get-token', '--cluster-name', 'n'] } },
    overrides: { region: 'ca-central-1' },
    expect: { clusterName: 'n', region: 'ca-central-1', inferredFrom: 'exec' },
  },
  {
    rule: 'a local cluster (kind, minikube) is not inferable',
    setup: { context: 'kind-kind', server: 'https://127.0.0.1:41235' },
    expect: { clusterName: null, region: null, accountId: null, awsProfile: null, inferredFrom: null },
  },
];

describe('inferClusterIdentity (fargate-domain.md §6.4 order)', () => {
  for (const c of cases) {
    test(c.rule, () => {
      const identity = inferClusterIdentity(kubeconfig(c.setup), c.setup.context, c.overrides);
      assert.equal(identity.context, c.setup.context);
      for (const [key, value] of Object.entries(c.expect)) {
        assert.equal(identity[key as keyof ClusterIdentity], value, key);
      }
    });
  }
});

describe('missingIdentityHint', () => {
  const base: ClusterIdentity = { context: 'kind-kind', clusterName: null, region: null, accountId: null, awsProfile: null, roleArn: null, inferredFrom: null };
  test('no name: pass --eks-cluster (and --region)', () => {
    assert.equal(missingIdentityHint(base), 'cannot tell the EKS cluster name for context "kind-kind": pass --eks-cluster NAME (and --region REGION)');
  });
  test('no name but a region: only --eks-cluster', () => {
    assert.equal(missingIdentityHint({ ...base, region: 'us-east-1' }), 'cannot tell the EKS cluster name for context "kind-kind": pass --eks-cluster NAME');
  });
  test('a name but no region: --region', () => {
    assert.match(missingIdentityHint({ ...base, clusterName: 'demo' })!, /region of EKS cluster "demo".*pass --region REGION/);
  });
  test('both known: null', () => {
    assert.equal(missingIdentityHint({ ...base, clusterName: 'demo', region: 'us-east-1' }), null);
  });
});
