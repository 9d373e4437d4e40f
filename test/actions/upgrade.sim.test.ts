// Recycling the pods that block the next control-plane upgrade, against the after-upgrade sim over
// real HTTP: the plan (--outdated, strategies per workload), a rollout restart that keeps a
// one-replica Deployment Ready, its journal, its server dry run, and a rollout that never ends.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { outdatedPods, planReschedule } from '../../source/actions/plan.js';
import { reschedule } from '../../source/actions/reschedule.js';
import { describeWorkloads } from '../../source/actions/workloads.js';
import type { RescheduleEvent, RescheduleStep } from '../../source/actions/types.js';
import { parseJournal } from '../../source/actions/journal-entries.js';
import { AFTER_UPGRADE_CONTROL_PLANE, AFTER_UPGRADE_EXPECTED, isDryRun } from '../../source/sim/index.js';
import { clusterView, rescheduleOptionsFor } from './helpers.js';
import { actionSimForFile } from '../helpers/sim.js';
import { journalsUnder } from '../helpers/files.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = any;

const s = actionSimForFile({ scenario: 'after-upgrade', timing: { graceMsPerSecond: 20, maxGraceMs: 300 } });

const options = rescheduleOptionsFor(s, { backupPrefix: 'kf-upgrade-', timeoutMs: 20_000, pdbWaitMs: 300 });

async function outdatedPlan(namespace: string | null = null): Promise<RescheduleStep[]> {
  const view = await clusterView(s, namespace);
  return planReschedule(outdatedPods(view.pods), { purpose: 'upgrade', controlPlane: view.upgrade.controlPlane });
}

const methods = (steps: readonly RescheduleStep[]) => Object.fromEntries(steps.map((x) => [x.key.replace(/-[a-z0-9]+-[a-z0-9]+$|-[a-z0-9]{5}$/, ''), x.method]));

/** Ready, not terminating pods of a Deployment, sampled on every change the sim makes. */
function readySamples(namespace: string, app: string) {
  const ready = () =>
    s.sim.cluster
      .listPods(namespace)
      .filter((p: Obj) => p.metadata.labels?.app === app && !p.metadata.deletionTimestamp && (p.status?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True')).length;
  const samples: number[] = [ready()];
  const stop = s.sim.cluster.onChange((c) => {
    if (c.rid === 'pods' && c.entry.ns === namespace) samples.push(ready());
  });
  return { samples, stop };
}

describe('the plan (runs first: before anything is recycled)', () => {
  test('--outdated takes exactly the Fargate pods created before the upgrade (AFTER_UPGRADE_EXPECTED)', async () => {
    const steps = await outdatedPlan();
    const expected = AFTER_UPGRADE_EXPECTED.filter((e) => e.outdated);
    assert.equal(steps.length, expected.reduce((n, e) => n + e.count, 0));
    for (const step of steps) {
      const row = expected.find((e) => e.namespace === step.pod.namespace && (e.prefix === true ? step.pod.name.startsWith(e.name) : step.pod.name === e.name));
      assert.ok(row, `${step.key} is expected to be outdated`);
      assert.equal(step.method, row.owner === null ? 'recreate' : 'evict', step.key);
      assert.equal(step.upgrade?.controlPlane, AFTER_UPGRADE_CONTROL_PLANE);
      assert.match(step.reason, /\(kubelet 1\.32 -> 1\.33\)$/);
    }
  });

  test('strategies per workload: by default only the one-replica Deployment is restarted; --strategy restart restarts Deployments and StatefulSets; --strategy evict warns', async () => {
    const planned = await outdatedPlan('shop');
    const byDefault = await describeWorkloads(s.kc, planned, undefined);
    assert.deepEqual(methods(byDefault), { 'shop/cart': 'restart', 'shop/catalog': 'evict', 'shop/sessions-0': 'evict', 'shop/sessions-1': 'evict', 'shop/toolbox': 'recreate' });
    const cart = byDefault.find((x) => x.key.startsWith('shop/cart'))!;
    assert.equal(cart.group, 'shop/Deployment/cart');
    assert.deepEqual({ kind: cart.workload?.kind, name: cart.workload?.name, replicas: cart.workload?.replicas }, { kind: 'Deployment', name: 'cart', replicas: 1 });
    assert.match(cart.warnings.join('\n'), /Deployment cart is restarted \(kubectl rollout restart\): its controller re-creates its 1 replica \(rolling, maxSurge 1, maxUnavailable 0\)/);

    const restart = await describeWorkloads(s.kc, planned, 'restart');
    assert.deepEqual(new Set(restart.map((x) => `${x.method}:${x.group}`)), new Set(['restart:shop/Deployment/cart', 'restart:shop/Deployment/catalog', 'restart:shop/StatefulSet/sessions', 'recreate:shop/toolbox']));
    const catalog = restart.filter((x) => x.group === 'shop/Deployment/catalog');
    assert.equal(catalog.length, 3);
    assert.ok(restart.indexOf(catalog[2]!) - restart.indexOf(catalog[0]!) === 2, "a workload's pods are one block of the plan");

    const evict = await describeWorkloads(s.kc, planned, 'evict');
    const evictCart = evict.find((x) => x.key.startsWith('shop/cart'))!;
    assert.equal(evictCart.method, 'evict');
    assert.match(evictCart.warnings.join('\n'), /evicting leaves Deployment cart with no Ready replica until its replacement is Ready \(--strategy restart starts the new pod first\)/);
  });

  test("--strategy restart: a Job's pod is evicted, saying why", async () => {
    const steps = await describeWorkloads(s.kc, await outdatedPlan('batch'), 'restart');
    assert.equal(steps[0]?.method, 'evict');
    assert.match(steps[0]!.warnings.join('\n'), /Job backfill is neither a Deployment nor a StatefulSet: evicted \(a restart applies to Deployments and StatefulSets\)/);
  });
});

describe('restart', () => {
  test('--dry-run=server: the restart patch is sent with dryRun=All and nothing changes', async () => {
    const steps = (await describeWorkloads(s.kc, await outdatedPlan('shop'), 'restart')).filter((x) => x.group === 'shop/Deployment/catalog');
    const generation = s.sim.cluster.get('deployments.apps', 'shop', 'catalog')!.metadata.generation;
    s.sim.requests.clear();
    const results = await reschedule(s.kc, steps, options({ dryRun: 'server' }));
    assert.deepEqual(results.map((r) => r.outcome), ['succeeded', 'succeeded', 'succeeded']);
    assert.match(results[0]!.message, /^dry run \(server\): the API server accepts the restart of Deployment catalog; nothing was changed$/);
    const writes = s.sim.requests.writes();
    assert.ok(writes.length === 1 && writes[0]!.method === 'PATCH' && isDryRun(writes[0]!), JSON.stringify(writes));
    assert.equal(s.sim.cluster.get('deployments.apps', 'shop', 'catalog')!.metadata.generation, generation);
  });

  test('a rollout that never completes times out: failed, saying how to follow it; the journal says it was restarted', async () => {
    const steps = (await describeWorkloads(s.kc, await outdatedPlan('shop'), 'restart')).filter((x) => x.group === 'shop/StatefulSet/sessions');
    s.sim.cluster.pause('fargate-scheduler');
    const opts = options({ timeoutMs: 800 });
    const results = await reschedule(s.kc, steps, opts);
    s.sim.cluster.resume('fargate-scheduler');
    assert.deepEqual(results.map((r) => r.outcome), ['failed', 'failed']);
    assert.match(results[0]!.message, /^restarted StatefulSet sessions, but timed out after 800ms waiting for StatefulSet sessions to roll out \(.*\); the rollout goes on: kubectl rollout status statefulset\/sessions -n shop$/);
    const [journal] = journalsUnder(opts.backupDir);
    const entries = parseJournal(readFileSync(journal!, 'utf8'));
    const restarting = entries.find((e) => e.event === 'restarting');
    assert.deepEqual({ workload: restarting?.workload, pods: restarting?.pods }, { workload: 'shop/StatefulSet/sessions', pods: ['shop/sessions-0', 'shop/sessions-1'] });
    assert.match(restarting?.note ?? '', /^kubectl\.kubernetes\.io\/restartedAt=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.ok(entries.findIndex((e) => e.event === 'restarting') < entries.findIndex((e) => e.event === 'ended'));
    await s.sim.cluster.waitFor(() => s.sim.cluster.get('statefulsets.apps', 'shop', 'sessions')?.status?.currentRevision === s.sim.cluster.get('statefulsets.apps', 'shop', 'sessions')?.status?.updateRevision, 10_000, 'sessions rolled out');
  });

  test('the one-replica Deployment is restarted and never has zero Ready replicas; its new pod runs the 1.33 kubelet', async () => {
    const steps = (await describeWorkloads(s.kc, await outdatedPlan('shop'), undefined)).filter((x) => x.group === 'shop/Deployment/cart');
    assert.equal(steps.length, 1);
    const readiness = readySamples('shop', 'cart');
    const events: RescheduleEvent[] = [];
    const opts = options({ events });
    let results;
    try {
      results = await reschedule(s.kc, steps, opts);
    } finally {
      readiness.stop();
    }
    assert.equal(results[0]!.outcome, 'succeeded', results[0]!.message);
    assert.match(results[0]!.message, /^restarted Deployment cart \(rolled out, 1 pod\); replacement cart-[a-z0-9]+-[a-z0-9]+ now on Fargate under fp-shop \(kubelet 1\.33\)$/);
    assert.ok(readiness.samples.length > 3, `sampled ${readiness.samples.length} times`);
    assert.ok(readiness.samples.every((n) => n >= 1), `Ready replicas over the run: ${readiness.samples.join(',')}`);
    assert.ok(readiness.samples.some((n) => n === 2), 'the new pod was Ready before the old one went (surge)');
    assert.deepEqual([...new Set(events.map((e) => e.step))], ['restart', 'wait-rollout', 'wait-gone', 'done']);
    const journal = parseJournal(readFileSync(journalsUnder(opts.backupDir)[0]!, 'utf8')).map((e) => e.event);
    assert.deepEqual(journal, ['started', 'restarting', 'rolled-out', 'ended', 'done']);
    const pod = s.sim.cluster.listPods('shop').find((p: Obj) => p.metadata.labels?.app === 'cart')!;
    assert.match(s.sim.cluster.get('nodes', '', pod.spec.nodeName)!.status.nodeInfo.kubeletVersion, /^v1\.33\./);
  });

  test('evicting the one-replica Deployment instead leaves it with no Ready replica for a while (what the plan warns about)', async () => {
    // The control for the test above: the sampler does see a gap when there is one. cart runs
    // 1.33 now (restarted above), so its plan refuses it: the step is made an eviction by hand.
    const view = await clusterView(s, 'shop');
    const cartPod = view.pods.find((v) => v.pod.name.startsWith('cart-'))!;
    const [planned] = planReschedule([cartPod]);
    const readiness = readySamples('shop', 'cart');
    try {
      const [result] = await reschedule(s.kc, [{ ...planned!, method: 'evict', reason: 'control', warnings: [] }], options());
      assert.equal(result?.outcome, 'succeeded', result?.message);
    } finally {
      readiness.stop();
    }
    assert.ok(readiness.samples.some((n) => n === 0), `Ready replicas over the run: ${readiness.samples.join(',')}`);
  });
});
