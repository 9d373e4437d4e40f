// reschedule({dryRun: 'server'}) and the beforeStart gate, against the sim over real HTTP: what
// was sent is read from the sim's request log.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { planReschedule, podsNeedingReschedule } from '../../source/actions/plan.js';
import { reschedule, startReschedule } from '../../source/actions/reschedule.js';
import { admissionVerdict } from '../../source/actions/server-dry-run.js';
import { UsageError } from '../../source/errors.js';
import { isDryRun } from '../../source/sim/index.js';
import { clusterView } from './helpers.js';
import { actionSimForFile } from '../helpers/sim.js';
import { filesUnder, tempDir } from '../helpers/files.js';

const s = actionSimForFile();

const uids = () => new Map(s.sim.cluster.listPods().map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, String(p.metadata.uid)]));

describe('reschedule with dryRun: server', () => {
  test('every pod of the walkthrough plan: only dryRun=All writes, no backup, nothing changed', async () => {
    const steps = planReschedule(podsNeedingReschedule((await clusterView(s)).pods));
    const before = uids();
    const backupDir = tempDir('kf-server-dry-');
    s.sim.requests.clear();
    const results = await reschedule(s.kc, steps, { backupDir, context: s.identity.context, timeoutMs: 10_000, dryRun: 'server' });
    assert.equal(results.length, steps.length);
    for (const r of results) if (r.outcome !== 'refused') assert.match(r.message, /^dry run \(server\): /);
    const writes = s.sim.requests.writes();
    assert.ok(writes.length >= steps.filter((x) => x.method !== 'refuse').length);
    assert.deepEqual(writes.filter((w) => !isDryRun(w)), []);
    assert.deepEqual(filesUnder(backupDir), []);
    assert.deepEqual(uids(), before);
  });
});

describe('beforeStart: a refusal refuses every pod and sends nothing', () => {
  test('the TUI\'s run with a failing cluster check', async () => {
    const steps = planReschedule(podsNeedingReschedule((await clusterView(s)).pods));
    s.sim.requests.clear();
    const run = startReschedule(s.kc, steps, {
      backupDir: tempDir('kf-gate-'),
      context: s.identity.context,
      timeoutMs: 10_000,
      beforeStart: () => Promise.reject(new UsageError('refusing to change anything: EKS cluster prod (us-east-1) is not the cluster of context "x"')),
    });
    const results = await run.done;
    assert.ok(results.length > 0);
    for (const r of results) assert.equal(r.outcome, 'refused');
    assert.ok(results.some((r) => /is not the cluster of context/.test(r.message)));
    assert.deepEqual(s.sim.requests.writes(), []);
  });
});

describe('admissionVerdict: the dry-run admission against the plan', () => {
  const cases = [
    { rule: 'Fargate under the planned profile', to: { runsOn: 'fargate' as const, profile: 'fp-a' }, admitted: { fargate: true, profile: 'fp-a' }, asPlanned: true, text: /admits it to Fargate under fp-a$/ },
    { rule: 'Fargate under another profile', to: { runsOn: 'fargate' as const, profile: 'fp-a' }, admitted: { fargate: true, profile: 'fp-b' }, asPlanned: false, text: /under fp-b, not under fp-a as planned/ },
    { rule: 'not admitted to Fargate although planned', to: { runsOn: 'fargate' as const, profile: 'fp-a' }, admitted: { fargate: false, profile: null }, asPlanned: false, text: /would not admit it to Fargate \(expected profile fp-a\)/ },
    { rule: 'EC2 as planned', to: { runsOn: 'ec2' as const, profile: null }, admitted: { fargate: false, profile: null }, asPlanned: true, text: /on EC2, as planned/ },
    { rule: 'Fargate although EC2 was planned', to: { runsOn: 'ec2' as const, profile: null }, admitted: { fargate: true, profile: 'fp-x' }, asPlanned: false, text: /although the plan expected EC2/ },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const verdict = admissionVerdict({ to: c.to }, c.admitted);
      assert.equal(verdict.asPlanned, c.asPlanned);
      assert.match(verdict.text, c.text);
    });
  }
});
