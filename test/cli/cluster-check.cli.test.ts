// --cluster is kubectl's (a kubeconfig cluster entry); --eks-cluster names the EKS cluster whose
// Fargate profiles are read. Before any write the tool checks the two are the same cluster. Two
// sims: "demo" and "prod", each its own API server and EKS API; the kubeconfig points at one,
// AWS_ENDPOINT_URL_EKS at one.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { startSim, type RunningSim } from '../../source/sim/index.js';
import { FAST } from '../helpers/sim.js';
import { simEnv, builtCliCopy, runCli, type CliResult } from '../helpers/cli.js';
import { tempDir } from '../helpers/files.js';

let demo: RunningSim;
let prod: RunningSim;
let dir: string;
let CLI: string;
let removeCli: () => void;

before(async () => {
  ({ cli: CLI, remove: removeCli } = await builtCliCopy());
  demo = await startSim({ scenario: 'walkthrough', timing: FAST });
  prod = await startSim({ scenario: 'walkthrough', clusterName: 'prod', timing: FAST });
  dir = tempDir('kf-cluster-check-');
});
after(async () => {
  await demo?.close();
  await prod?.close();
  removeCli();
});
afterEach(() => {
  demo.faults.reset();
  prod.faults.reset();
});

const arnOf = (sim: RunningSim) => sim.contextName;

/** A kubeconfig that names no EKS cluster (context "ctx", cluster entry "c"), at this sim's server. */
function plainKubeconfig(sim: RunningSim): string {
  const file = path.join(dir, `plain-${sim.clusterName}.yaml`);
  writeFileSync(
    file,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'c', cluster: { server: sim.url } }],
      // Plain http: no token (the tool would not send it; the sim serves anonymous requests).
      users: [{ name: 'u', user: {} }],
      contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u' } }],
      'current-context': 'ctx',
    }),
  );
  return file;
}

/** Context "ctx" on demo's entry; prod's entry is there too (anonymous user: both sims serve it). */
function twoClusterKubeconfig(): string {
  const file = path.join(dir, 'two.yaml');
  writeFileSync(
    file,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        { name: arnOf(demo), cluster: { server: demo.url, 'insecure-skip-tls-verify': true } },
        { name: arnOf(prod), cluster: { server: prod.url, 'insecure-skip-tls-verify': true } },
      ],
      users: [{ name: 'anonymous', user: {} }],
      contexts: [{ name: 'ctx', context: { cluster: arnOf(demo), user: 'anonymous' } }],
      'current-context': 'ctx',
    }),
  );
  return file;
}

interface Setup {
  /** The kubeconfig file. */
  kubeconfig: () => string;
  /** Whose EKS API answers. */
  eks: () => RunningSim;
}

function cli(setup: Setup, args: string[]): Promise<CliResult> {
  for (const sim of [demo, prod]) sim.requests.clear();
  const env = simEnv(demo, { KUBECONFIG: setup.kubeconfig(), AWS_ENDPOINT_URL_EKS: setup.eks().url, XDG_STATE_HOME: dir, NO_COLOR: '1' });
  return runCli(args, env, { cli: CLI });
}

const kubeWrites = () => [...demo.requests.writes(), ...prod.requests.writes()];
const describedCluster = (sim: RunningSim) => sim.requests.all.some((r) => r.api === 'eks' && /^\/clusters\/[^/]+$/.test(r.path));

describe('writes are refused unless the EKS cluster is the kubeconfig\'s cluster', () => {
  const rows: Array<{ rule: string; setup: Setup; args: string[]; exit: number; stderr: RegExp; describes?: boolean }> = [
    {
      rule: 'an ARN-named context of demo, --eks-cluster prod (EKS has its profiles): refused by name, no call needed',
      setup: { kubeconfig: () => demo.kubeconfigPath, eks: () => prod },
      args: ['reschedule', '--all', '-n', 'test', '--yes', '--eks-cluster', 'prod'],
      exit: 2,
      stderr: /^error: refusing to change anything: EKS cluster prod \(us-east-1\) is not the cluster of context "arn:aws:eks:us-east-1:111122223333:cluster\/demo", which is EKS cluster demo \(us-east-1\); drop --eks-cluster\/--region to use the context's own cluster, or pick the right context with --context\n$/,
      describes: false,
    },
    {
      rule: 'a server dry run is refused the same way',
      setup: { kubeconfig: () => demo.kubeconfigPath, eks: () => prod },
      args: ['reschedule', '-n', 'test', 'test', '--dry-run=server', '--eks-cluster', 'prod'],
      exit: 2,
      stderr: /^error: refusing to change anything: EKS cluster prod \(us-east-1\) is not the cluster of context/,
    },
    {
      rule: 'a kubeconfig naming no EKS cluster, at demo\'s server, --eks-cluster prod: DescribeCluster\'s endpoint is another server',
      setup: { kubeconfig: () => plainKubeconfig(demo), eks: () => prod },
      args: ['reschedule', '--all', '-n', 'test', '--yes', '--eks-cluster', 'arn:aws:eks:us-east-1:111122223333:cluster/prod'],
      exit: 2,
      stderr: /^error: refusing to change anything: EKS cluster prod \(us-east-1\) is not the cluster of context "ctx": its API server is http:\/\/127\.0\.0\.1:\d+, the context's is http:\/\/127\.0\.0\.1:\d+; pass the --eks-cluster of this context; if it is the same cluster behind another address, name the context or its cluster entry by the cluster's ARN/,
      describes: true,
    },
    {
      rule: 'a kubeconfig naming no EKS cluster and DescribeCluster not allowed: cannot tell, refused (exit 1)',
      setup: { kubeconfig: () => plainKubeconfig(demo), eks: () => demo },
      args: ['reschedule', '-n', 'test', 'test', '--yes', '--eks-cluster', 'demo', '--region', 'us-east-1'],
      exit: 1,
      stderr: /^error: refusing to change anything: cannot confirm that EKS cluster demo \(us-east-1\) is the cluster of context "ctx": the kubeconfig names no EKS cluster and DescribeCluster failed \(eks:DescribeCluster is not allowed\); allow eks:DescribeCluster, or use a context named by the cluster's ARN/,
    },
  ];
  for (const row of rows) {
    test(row.rule, async () => {
      if (row.exit === 1) demo.faults.eksFail({ operation: 'DescribeCluster', error: 'AccessDeniedException', count: 100 });
      const r = await cli(row.setup, row.args);
      assert.equal(r.code, row.exit, r.stderr);
      assert.match(r.stderr, row.stderr);
      assert.equal(r.stderr.trim().split('\n').length, 1, `one line\n${r.stderr}`);
      assert.deepEqual(kubeWrites(), [], 'nothing was sent that writes');
      if (row.describes !== undefined) assert.equal(describedCluster(row.setup.eks()), row.describes, 'DescribeCluster called');
    });
  }
});

describe('writes go ahead when the clusters match', () => {
  test('a kubeconfig naming no EKS cluster: DescribeCluster\'s endpoint is the context\'s server', async () => {
    const r = await cli({ kubeconfig: () => plainKubeconfig(demo), eks: () => demo }, ['reschedule', '-n', 'test', 'test', '--dry-run=server', '--eks-cluster', 'arn:aws:eks:us-east-1:111122223333:cluster/demo']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /test\/test\s+succeeded\s+dry run \(server\)/);
    assert.ok(describedCluster(demo), 'DescribeCluster was asked');
  });

  test('an ARN-named context needs no DescribeCluster (not even allowed here)', async () => {
    demo.faults.eksFail({ operation: 'DescribeCluster', error: 'AccessDeniedException', count: 100 });
    const r = await cli({ kubeconfig: () => demo.kubeconfigPath, eks: () => demo }, ['reschedule', '-n', 'test', 'test', '--dry-run=server']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(describedCluster(demo), false);
  });
});

describe('views warn and go on', () => {
  test('-o json with --eks-cluster prod on demo\'s context: a warning on stderr and in the document', async () => {
    const r = await cli({ kubeconfig: () => demo.kubeconfigPath, eks: () => prod }, ['-n', 'test', '-o', 'json', '--eks-cluster', 'prod']);
    assert.equal(r.code, 0, r.stderr);
    const line = /^warning: EKS cluster prod \(us-east-1\) is not the cluster of context "arn:aws:eks:us-east-1:111122223333:cluster\/demo", which is EKS cluster demo \(us-east-1\): the verdicts use that EKS cluster's Fargate profiles$/m;
    assert.match(r.stderr, line);
    const doc = JSON.parse(r.stdout);
    assert.ok(doc.warnings.some((w: string) => line.test(`warning: ${w}`)), JSON.stringify(doc.warnings));
  });

  test('a table: the same warning on stderr', async () => {
    const r = await cli({ kubeconfig: () => plainKubeconfig(demo), eks: () => prod }, ['-n', 'test', '--eks-cluster', 'prod', '--region', 'us-east-1']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^warning: EKS cluster prod \(us-east-1\) is not the cluster of context "ctx": its API server is \S+, the context's is \S+: the verdicts use that EKS cluster's Fargate profiles$/m);
  });
});

describe('--cluster is kubectl\'s: the kubeconfig cluster entry', () => {
  test('--cluster picks the entry (and its server); its ARN names the EKS cluster', async () => {
    const r = await cli({ kubeconfig: twoClusterKubeconfig, eks: () => prod }, ['-n', 'test', '-o', 'json', '--cluster', arnOf(prod)]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const doc = JSON.parse(r.stdout);
    assert.deepEqual(doc.cluster, { name: 'prod', region: 'us-east-1', version: '1.32' });
    assert.equal(doc.aws.state, 'ok');
    assert.ok(prod.requests.all.some((q) => q.api === 'kube' && q.path === '/api/v1/namespaces/test/pods'), 'pods listed from prod');
    assert.equal(demo.requests.all.filter((q) => q.api === 'kube').length, 0, 'nothing asked of demo');
  });
});
