// The built CLI against the simulated cluster over real HTTP (real client-node, real AWS SDK).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { startSim, expectationFor, WALKTHROUGH_EXPECTED, type RunningSim } from '../../source/sim/index.js';
import type { ReportDocument } from '../../source/report/document.js';
import { runCli, simEnv } from '../helpers/cli.js';

describe('kubectl fargate against the walkthrough sim', () => {
  let sim: RunningSim;
  before(async () => {
    sim = await startSim({ scenario: 'walkthrough' });
  });
  after(() => sim.close());

  test('--json: every pod gets the expected runsOn, profiles, needsReschedule and blockers', async () => {
    const { code, stdout, stderr } = await runCli(['--json'], simEnv(sim));
    assert.equal(code, 0, stderr);
    const doc = JSON.parse(stdout) as ReportDocument;
    // Cluster and region come from the ARN-named context.
    assert.equal(doc.context, 'arn:aws:eks:us-east-1:111122223333:cluster/demo');
    assert.deepEqual(doc.cluster, { name: 'demo', region: 'us-east-1', version: '1.32' });
    assert.equal(doc.aws.state, 'ok');
    assert.equal(doc.profilesKnown, true);

    const counted = new Map<object, number>();
    for (const pod of doc.pods) {
      const expected = expectationFor({ metadata: { namespace: pod.namespace, name: pod.name }, status: { phase: pod.phase } });
      assert.ok(expected, `no expectation covers ${pod.namespace}/${pod.name}`);
      counted.set(expected, (counted.get(expected) ?? 0) + 1);
      const where = `${pod.namespace}/${pod.name} (${expected.why})`;
      assert.equal(pod.runsOn, expected.runsOn, `runsOn of ${where}`);
      assert.equal(pod.currentProfile, expected.currentProfile, `currentProfile of ${where}`);
      assert.equal(pod.expectedProfile, expected.expectedProfile, `expectedProfile of ${where}`);
      assert.equal(pod.verdict, expected.verdict, `verdict of ${where}`);
      assert.equal(pod.needsReschedule, expected.verdict === 'reschedule', `needsReschedule of ${where}`);
      assert.deepEqual(pod.blockers.map((b) => b.code).sort(), [...(expected.blockers ?? [])].sort(), `blockers of ${where}`);
      assert.ok(pod.reasons.length > 0, `reasons of ${where}`);
    }
    for (const expected of WALKTHROUGH_EXPECTED) {
      assert.equal(counted.get(expected) ?? 0, expected.count, `pods matching ${expected.namespace}/${expected.name}`);
    }
    const test = doc.namespaces.find((n) => n.name === 'test');
    assert.deepEqual(test, { name: 'test', pods: 1, onFargate: 0, needsReschedule: 1, outdated: 0, profiles: ['fp-test'], hourlyUsd: 0 });
    const analytics = doc.profiles.find((p) => p.name === 'fp-analytics');
    assert.equal(analytics?.status, 'CREATING');
  });

  test('-o yaml is the same document', async () => {
    const { code, stdout } = await runCli(['-o', 'yaml', '-n', 'test'], simEnv(sim));
    assert.equal(code, 0);
    const doc = parse(stdout) as ReportDocument;
    assert.equal(doc.kind, 'FargatePlacementReport');
    assert.deepEqual(doc.pods.map((p) => `${p.namespace}/${p.name}`), ['test/test']);
  });

  test('a table when stdout is not a terminal; -n hides the NAMESPACE column', async () => {
    const { code, stdout } = await runCli(['-n', 'test'], simEnv(sim));
    assert.equal(code, 0);
    assert.match(stdout, /^NAME\s+STATUS\s+NODE-TYPE\s+CURRENT\s+EXPECTED\s+VERDICT\n/);
    assert.match(stdout, /^test\s+Running\s+EC2\s+<none>\s+fp-test\s+reschedule$/m);
    assert.ok(!stdout.includes('\u001B['), 'no colours when piped');
  });

  test('-l filters pods by label', async () => {
    const { stdout } = await runCli(['-A', '-l', 'k8s-app=kube-dns', '--no-headers'], simEnv(sim));
    const names = stdout.trim().split('\n').map((l) => l.split(/\s+/)[1]);
    assert.equal(names.length, 2);
    assert.ok(names.every((n) => n?.startsWith('coredns-')));
  });

  test('check: exits 1 and lists pods needing reschedule or blocked', async () => {
    const { code, stdout, stderr } = await runCli(['check'], simEnv(sim));
    assert.equal(code, 1);
    assert.match(stdout, /^test\s+test\s+reschedule\s+<none>\s+fp-test\s+/m);
    assert.match(stdout, /^default\s+node-debugger\s+blocked/m);
    assert.match(stderr, /pods need rescheduling, \d+ pods are blocked from Fargate/);
  });

  test('check: exits 0 in a namespace where everything is in place', async () => {
    const { code, stdout, stderr } = await runCli(['check', '-n', 'legacy'], simEnv(sim));
    assert.equal(code, 0, stderr);
    assert.equal(stdout, '');
    assert.match(stderr, /^ok: all 2 pods run where the Fargate profiles say/m);
  });

  test('check -o json lists only the findings', async () => {
    const { code, stdout } = await runCli(['check', '-n', 'test', '-o', 'json'], simEnv(sim));
    assert.equal(code, 1);
    const doc = JSON.parse(stdout) as ReportDocument;
    assert.equal(doc.kind, 'FargateCheck');
    assert.deepEqual(doc.pods.map((p) => p.name), ['test']);
  });

  test('--profiles-file --no-aws: a what-if with only the file profiles', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kf-whatif-'));
    const file = join(dir, 'cluster.yaml');
    writeFileSync(
      file,
      'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: demo, region: us-east-1}\nfargateProfiles:\n  - name: fp-legacy\n    selectors:\n      - namespace: legacy\n',
    );
    const { code, stdout, stderr } = await runCli(['--json', '--no-aws', '--profiles-file', file, '-n', 'legacy'], simEnv(sim));
    assert.equal(code, 0, stderr);
    const doc = JSON.parse(stdout) as ReportDocument;
    assert.equal(doc.aws.state, 'file-only');
    assert.deepEqual(doc.profiles.map((p) => [p.name, p.source, p.status]), [['fp-legacy', 'file', 'ACTIVE']]);
    assert.ok(doc.pods.length === 2 && doc.pods.every((p) => p.expectedProfile === 'fp-legacy' && p.needsReschedule === true));
  });

  test('AccessDenied from EKS: a warning naming the IAM actions, observed placement still shown', async () => {
    sim.faults.eksFail({ operation: '*', error: 'AccessDeniedException', count: 100 });
    try {
      const { code, stdout, stderr } = await runCli(['--json'], simEnv(sim));
      assert.equal(code, 0, stderr);
      assert.match(stderr, /^warning: .*eks:ListFargateProfiles/m);
      assert.equal(stderr.trim().split('\n').length, 1, 'one warning line');
      const doc = JSON.parse(stdout) as ReportDocument;
      assert.equal(doc.aws.state, 'access-denied');
      assert.equal(doc.profilesKnown, false);
      assert.ok(doc.warnings.some((w) => w.includes('eks:ListFargateProfiles')));
      const web = doc.pods.find((p) => p.name.startsWith('web-'))!;
      assert.equal(web.runsOn, 'fargate');
      assert.equal(web.currentProfile, 'fp-default');
      assert.equal(web.needsReschedule, null);
      assert.equal(web.verdict, 'unknown');
    } finally {
      sim.faults.reset();
    }
  });

  test('check refuses to pass when the profiles are unknown: exit 3, could not tell', async () => {
    sim.faults.eksFail({ operation: '*', error: 'AccessDeniedException', count: 100 });
    try {
      const { code, stderr } = await runCli(['check'], simEnv(sim));
      assert.equal(code, 3);
      assert.match(stderr, /^error: cannot check placement: the Fargate profiles are unknown/m);
    } finally {
      sim.faults.reset();
    }
  });
});

describe('kubectl fargate --demo', () => {
  test('--json --demo runs against the built-in sim', async () => {
    const env = { ...process.env };
    delete env.KUBECONFIG;
    const { code, stdout, stderr } = await runCli(['--json', '--demo', '-n', 'test'], env);
    assert.equal(code, 0, stderr);
    const doc = JSON.parse(stdout) as ReportDocument;
    assert.equal(doc.cluster.name, 'demo');
    assert.equal(doc.pods[0]?.expectedProfile, 'fp-test');
  });
});
