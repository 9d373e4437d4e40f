// --contexts / --all-contexts through the built CLI, against several sims in this process and a
// context whose server refuses connections. EKS is not consulted (--no-aws): every sim would need
// its own EKS endpoint, and the profiles come from one --profiles-file for all of them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { startSim, type RunningSim } from '../../source/sim/index.js';
import type { ReportDocument } from '../../source/report/document.js';
import type { MultiClusterDocument } from '../../source/report/multi-cluster.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/files.js';
import { closedPortUrl, multiContextKubeconfig } from '../helpers/kubeconfigs.js';

describe('several clusters at once', () => {
  let prodA: RunningSim;
  let prodB: RunningSim;
  let stage: RunningSim;
  let env: NodeJS.ProcessEnv;
  let profiles: string;
  before(async () => {
    [prodA, prodB, stage] = await Promise.all([
      startSim({ scenario: 'walkthrough' }),
      startSim({ scenario: 'walkthrough', seed: 7 }),
      startSim({ scenario: 'empty' }),
    ]);
    const kubeconfig = multiContextKubeconfig([
      { name: 'prod-a', server: prodA.url },
      { name: 'broken', server: await closedPortUrl() },
      { name: 'prod-b', server: prodB.url },
      { name: 'stage-1', server: stage.url },
    ]);
    env = { ...process.env, KUBECONFIG: kubeconfig };
    delete env.CI;
    profiles = join(tempDir('kf-multi-'), 'profiles.yaml');
    writeFileSync(profiles, 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: demo, region: us-east-1}\nfargateProfiles:\n  - name: fp-test\n    selectors: [{namespace: test}]\n');
  });
  after(async () => {
    await Promise.all([prodA?.close(), prodB?.close(), stage?.close()]);
  });
  const noAws = () => ['--no-aws', '--profiles-file', profiles];

  test('--json: one document, clusters in the order asked, each in the one-cluster shape; a refused server is {context, error} in place', async () => {
    const { code, stdout, stderr } = await runCli(['--contexts', 'prod-a,broken,prod-b', ...noAws(), '--json'], env);
    assert.equal(code, 1, 'a cluster could not be read');
    assert.equal(stdout, `${JSON.stringify(JSON.parse(stdout), null, 2)}\n`, 'the pieces make the same text as JSON.stringify');
    const doc = JSON.parse(stdout) as MultiClusterDocument;
    assert.equal(doc.apiVersion, 'kubectl-fargate/v1');
    assert.equal(doc.kind, 'FargatePlacementReportList');
    assert.deepEqual(doc.clusters.map((c) => c.context), ['prod-a', 'broken', 'prod-b']);
    const broken = doc.clusters[1]!;
    assert.deepEqual(Object.keys(broken), ['context', 'error']);
    assert.match((broken as { error: string }).error, /^cannot reach the API server at http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED[^\n]*$/);
    assert.match(stderr, /^error: context "broken": cannot reach the API server/m);

    // Each healthy cluster is exactly what --context NAME alone prints (but the time it was made).
    for (const [i, name] of [[0, 'prod-a'], [2, 'prod-b']] as const) {
      const single = await runCli(['--context', name, ...noAws(), '--json'], env);
      assert.equal(single.code, 0, single.stderr);
      const one = JSON.parse(single.stdout) as ReportDocument;
      const many = doc.clusters[i] as ReportDocument;
      assert.deepEqual({ ...many, generatedAt: '' }, { ...one, generatedAt: '' }, name);
      assert.ok(many.pods.length > 0);
    }
  });

  test('globs pick contexts by name: * and ? (in kubeconfig order), names match only themselves', async () => {
    const names = async (contexts: string) => {
      const { code, stdout, stderr } = await runCli(['--contexts', contexts, ...noAws(), '-o', 'yaml'], env);
      assert.equal(code, 0, stderr);
      return (parse(stdout) as MultiClusterDocument).clusters.map((c) => c.context);
    };
    assert.deepEqual(await names('prod-*'), ['prod-a', 'prod-b']);
    assert.deepEqual(await names('stage-?,prod-?'), ['stage-1', 'prod-a', 'prod-b']);
    assert.deepEqual(await names('prod-b,prod-*'), ['prod-b', 'prod-a'], 'each context once, first mention first');
    const none = await runCli(['--contexts', 'dev-*', ...noAws(), '--json'], env);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^error: --contexts "dev-\*" matches no context in kubeconfig \S+ \(contexts: prod-a, broken, prod-b, stage-1\); `kubectl config get-contexts -o name` lists them\n$/);
    const missing = await runCli(['--contexts', 'prod', ...noAws(), '--json'], env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^error: context "prod" not found in kubeconfig/);
  });

  test('--all-contexts -o yaml: every context of the kubeconfig', async () => {
    const { code, stdout } = await runCli(['--all-contexts', ...noAws(), '-o', 'yaml'], env);
    assert.equal(code, 1);
    const doc = parse(stdout) as MultiClusterDocument;
    assert.deepEqual(doc.clusters.map((c) => c.context), ['prod-a', 'broken', 'prod-b', 'stage-1']);
    assert.ok('error' in doc.clusters[1]!);
    assert.ok(!('error' in doc.clusters[3]!));
  });

  test('tables get a CONTEXT column; -o wide too', async () => {
    const { code, stdout } = await runCli(['--contexts', 'prod-*', ...noAws(), '-n', 'test'], env);
    assert.equal(code, 0);
    assert.match(stdout, /^CONTEXT\s+NAME\s+STATUS\s+NODE-TYPE\s+CURRENT\s+EXPECTED\s+VERDICT\n/);
    assert.match(stdout, /^prod-a\s+test\s+Running\s+EC2\s+<none>\s+fp-test\*\s+reschedule$/m);
    assert.match(stdout, /^prod-b\s+test\s+Running\s+EC2\s+<none>\s+fp-test\*\s+reschedule$/m);
    const wide = await runCli(['--contexts', 'prod-a', ...noAws(), '-o', 'wide', '--no-headers', '-n', 'test'], env);
    assert.equal(wide.code, 0);
    assert.match(wide.stdout, /^prod-a\s+test\s+Running\s+EC2\s+<none>\s+fp-test\*\s+reschedule\s+ip-/m);
  });

  test('check: 1 when any cluster has findings, 3 when none has but one could not be read, 0 when all are clean', async () => {
    const findings = await runCli(['check', '--contexts', 'stage-1,prod-a,broken', ...noAws()], env);
    assert.equal(findings.code, 1, findings.stderr);
    assert.match(findings.stdout, /^CONTEXT\s+NAMESPACE\s+NAME\s+VERDICT/);
    assert.match(findings.stdout, /^prod-a\s+test\s+test\s+reschedule/m);
    assert.match(findings.stderr, /^context "stage-1": ok: /m);
    assert.match(findings.stderr, /^context "prod-a": \d+ pods need rescheduling/m);
    assert.match(findings.stderr, /^error: context "broken": /m);

    const unknown = await runCli(['check', '--contexts', 'stage-1,broken', ...noAws(), '--json'], env);
    assert.equal(unknown.code, 3, unknown.stderr);
    const doc = JSON.parse(unknown.stdout) as MultiClusterDocument;
    assert.equal(doc.kind, 'FargateCheckList');
    assert.deepEqual((doc.clusters[0] as ReportDocument).pods, []);
    assert.ok('error' in doc.clusters[1]!);

    const clean = await runCli(['check', '--contexts', 'stage-1', ...noAws()], env);
    assert.equal(clean.code, 0, clean.stderr);
    assert.equal(clean.stdout, '');
  });

  test('check: a cluster whose profiles are unknown could not be told (exit 3), in place', async () => {
    // Without --no-aws: the contexts name no EKS cluster, so its profiles cannot be read.
    const { code, stdout } = await runCli(['check', '--contexts', 'stage-1', '--json'], env);
    assert.equal(code, 3);
    const [entry] = (JSON.parse(stdout) as MultiClusterDocument).clusters;
    assert.match((entry as { error: string }).error, /^cannot check placement: the Fargate profiles are unknown/);
  });
});
