// planReschedule: the method per pod, refusals with their reason, warnings, one-controller grouping.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { planForKeys, planReschedule, planSummary, podsNeedingReschedule } from '../../source/actions/plan.js';
import { placePod } from '../../source/domain/placement.js';
import type { PlacementContext, PodRecord } from '../../source/domain/types.js';
import type { PodView } from '../../source/view-model/cluster-view.js';
import { ctx, fargatePod, pod, profile, container } from '../helpers/records.js';

// fp-test selects namespace test and was created after the pods (createdAt 1000).
const CTX = ctx([profile('fp-test', 'test', 'ACTIVE', { createdAt: 5_000 }), profile('fp-default', 'default')]);

function view(record: PodRecord, context: PlacementContext = CTX): PodView {
  return { key: `${record.namespace}/${record.name}`, pod: record, placement: placePod(record, context), events: [] };
}

const drifted = (o: Partial<PodRecord> = {}) => pod({ namespace: 'test', name: 'p', ...o });

describe('planReschedule: method per pod', () => {
  const cases: { rule: string; pod: PodRecord; context?: PlacementContext; method: string; reason?: RegExp; warning?: RegExp }[] = [
    { rule: 'a bare pod that drifted is re-created (nothing else would bring it back)', pod: drifted(), method: 'recreate', reason: /EC2 -> Fargate \(fp-test\)/, warning: /bare pod.*backup/ },
    { rule: 'a ReplicaSet pod is evicted (PodDisruptionBudgets apply)', pod: drifted({ owner: { kind: 'ReplicaSet', name: 'web-1' } }), method: 'evict' },
    { rule: 'a StatefulSet pod is evicted and warned that it keeps its name', pod: drifted({ owner: { kind: 'StatefulSet', name: 'db' } }), method: 'evict', warning: /same name/ },
    { rule: 'a Job pod is allowed, with a warning that its work restarts', pod: drifted({ owner: { kind: 'Job', name: 'report' } }), method: 'evict', warning: /work.*restarts/ },
    { rule: 'another controller kind is evicted and expected to re-create the pod', pod: drifted({ owner: { kind: 'Rollout', name: 'r' } }), method: 'evict', warning: /Rollout r: its controller/ },
    { rule: 'a DaemonSet pod is refused: re-creating it would not help', pod: drifted({ owner: { kind: 'DaemonSet', name: 'aws-node' } }), method: 'refuse', reason: /DaemonSet aws-node.*would not help/ },
    { rule: 'a static (mirror) pod is refused, even when named: its kubelet writes it back on the same node', pod: drifted({ mirror: true, owner: { kind: 'Node', name: 'ip-10-0-0-1.ec2.internal' } }), method: 'refuse', reason: /^static pod \(kubernetes\.io\/config\.mirror\): the kubelet on ip-10-0-0-1\.ec2\.internal owns it; deleting it does not move it$/ },
    { rule: 'a pod whose owner is a Node is refused (a mirror pod without the annotation)', pod: drifted({ owner: { kind: 'Node', name: 'n1' } }), method: 'refuse', reason: /^static pod/ },
    { rule: 'a pod with Fargate blockers headed for Fargate is refused with the blockers', pod: drifted({ containers: [container({ privileged: true })] }), method: 'refuse', reason: /would not help: it cannot run on Fargate \(.*rivileged/ },
    { rule: 'a pod already where the profiles say is refused, even when named', pod: fargatePod('fp-default', { name: 'ok' }), method: 'refuse', reason: /already runs where the profiles say \(Fargate \(fp-default\)\)/ },
    { rule: 'a completed pod is refused', pod: drifted({ phase: 'Succeeded', status: 'Completed' }), method: 'refuse', reason: /completed \(Succeeded\)/ },
    { rule: 'a pod being deleted is refused', pod: drifted({ deleting: true }), method: 'refuse', reason: /being deleted/ },
    { rule: 'unknown profiles: refused, where it would go cannot be told', pod: drifted(), context: { ...CTX, profiles: [], profilesKnown: false }, method: 'refuse', reason: /profiles are unknown/ },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const [step] = planReschedule([view(c.pod, c.context)]);
      assert.ok(step);
      assert.equal(step.method, c.method, step.reason);
      if (c.reason) assert.match(step.reason, c.reason);
      if (c.warning) assert.ok(step.warnings.some((w) => c.warning!.test(w)), step.warnings.join(' | '));
      if (c.method === 'refuse') assert.deepEqual(step.warnings, []);
    });
  }

  test('from/to: where it runs now and where the profiles send it', () => {
    const [step] = planReschedule([view(drifted({ nodeName: 'ip-10-0-0-1.ec2.internal' }))]);
    assert.deepEqual(step!.from, { runsOn: 'ec2', profile: null, node: 'ip-10-0-0-1.ec2.internal' });
    assert.deepEqual(step!.to, { runsOn: 'fargate', profile: 'fp-test' });
  });
});

describe('planReschedule: ordering', () => {
  test('pods of one controller are adjacent (they run one at a time), refusals last', () => {
    const rs = { kind: 'ReplicaSet', name: 'web-1' };
    const steps = planReschedule([
      view(drifted({ name: 'a', uid: 'a', owner: rs })),
      view(drifted({ name: 'ds', uid: 'ds', owner: { kind: 'DaemonSet', name: 'd' } })),
      view(drifted({ name: 'bare', uid: 'bare' })),
      view(drifted({ name: 'b', uid: 'b', owner: rs })),
    ]);
    assert.deepEqual(steps.map((s) => s.pod.name), ['a', 'b', 'bare', 'ds']);
    assert.equal(steps[0]!.group, steps[1]!.group);
    assert.notEqual(steps[1]!.group, steps[2]!.group);
  });

  test('--all takes only the pods whose placement drifted', () => {
    const views = [view(drifted({ name: 'x' })), view(fargatePod('fp-default', { name: 'ok' }))];
    assert.deepEqual(podsNeedingReschedule(views).map((v) => v.pod.name), ['x']);
  });
});

describe('planSummary: the confirmation question', () => {
  test('counts what will be done and what is refused, in the title the TUI asks too', () => {
    const summary = planSummary(planReschedule([view(drifted({ name: 'x' })), view(drifted({ name: 'j', owner: { kind: 'Job', name: 'report' } })), view(drifted({ name: 'd', owner: { kind: 'DaemonSet', name: 'ds' } }))]));
    assert.equal(summary.title, 'Reschedule 2 pods? (1 refused)');
    assert.equal(summary.actionable, 2);
    assert.equal(summary.refused, 1);
  });

  test('one pod is named', () => {
    assert.equal(planSummary(planReschedule([view(drifted({ name: 'x' }))])).title, 'Reschedule test/x?');
  });

  test('nothing to do: no title (no confirmation to ask)', () => {
    assert.equal(planSummary(planReschedule([view(fargatePod('fp-default'))])).title, null);
  });
});

test('planForKeys: the TUI marks pods by key; keys that vanished are skipped, duplicates once', () => {
  const views = [view(drifted({ name: 'a', uid: 'a' })), view(drifted({ name: 'b', uid: 'b' }))];
  assert.deepEqual(planForKeys(views, ['test/b', 'test/gone', 'test/b']).map((s) => s.key), ['test/b']);
});
