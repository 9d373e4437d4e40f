// How a workload's pods are recycled: which way keeps a Ready replica, from the workload's own
// spec (Kubernetes' rolling-update arithmetic; `kubectl rollout restart`).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assessWorkload, chooseStrategy, deploymentFenceposts, type Strategy, type WorkloadSpec } from '../../source/domain/rollout.js';

const deployment = (o: Partial<WorkloadSpec> = {}): WorkloadSpec => ({ kind: 'Deployment', name: 'cart', replicas: 1, readyReplicas: 1, strategy: 'RollingUpdate', ...o });
const statefulSet = (o: Partial<WorkloadSpec> = {}): WorkloadSpec => ({ kind: 'StatefulSet', name: 'sessions', replicas: 2, readyReplicas: 2, strategy: 'RollingUpdate', ...o });

describe('deploymentFenceposts', () => {
  const cases: { rule: string; spec: Partial<WorkloadSpec>; surge: number; unavailable: number }[] = [
    { rule: 'defaults 25%/25% of one replica: surge rounds up to 1, unavailable down to 0', spec: { replicas: 1 }, surge: 1, unavailable: 0 },
    { rule: 'defaults of four replicas: 1 and 1', spec: { replicas: 4 }, surge: 1, unavailable: 1 },
    { rule: 'integers are taken as they are', spec: { replicas: 3, maxSurge: 2, maxUnavailable: 0 }, surge: 2, unavailable: 0 },
    { rule: 'both zero would stall the rollout: one may be unavailable', spec: { replicas: 3, maxSurge: 0, maxUnavailable: '10%' }, surge: 0, unavailable: 1 },
    { rule: 'unavailable is never more than the replicas', spec: { replicas: 2, maxSurge: 0, maxUnavailable: 5 }, surge: 0, unavailable: 2 },
  ];
  for (const c of cases) test(c.rule, () => assert.deepEqual(deploymentFenceposts(deployment(c.spec)), { surge: c.surge, unavailable: c.unavailable }));
});

describe('assessWorkload', () => {
  const cases: { rule: string; spec: WorkloadSpec; restartable: boolean; keepsOne: boolean; evictNone: boolean }[] = [
    { rule: 'a one-replica Deployment with the default rolling update keeps its pod Ready during a restart; eviction does not', spec: deployment(), restartable: true, keepsOne: true, evictNone: true },
    { rule: 'maxUnavailable 1 of one replica lets a restart stop the only pod first', spec: deployment({ maxSurge: 1, maxUnavailable: 1 }), restartable: true, keepsOne: false, evictNone: true },
    { rule: 'three replicas: eviction of one leaves two Ready', spec: deployment({ replicas: 3, readyReplicas: 3 }), restartable: true, keepsOne: true, evictNone: false },
    { rule: 'three replicas of which one is Ready: evicting it leaves none', spec: deployment({ replicas: 3, readyReplicas: 1 }), restartable: true, keepsOne: true, evictNone: true },
    { rule: 'no replica Ready at all: evicting takes nothing down that was up', spec: deployment({ replicas: 2, readyReplicas: 0 }), restartable: true, keepsOne: true, evictNone: false },
    { rule: 'Recreate stops every replica before starting new ones', spec: deployment({ strategy: 'Recreate', replicas: 3, readyReplicas: 3 }), restartable: true, keepsOne: false, evictNone: false },
    { rule: 'a paused Deployment does not roll out', spec: deployment({ paused: true }), restartable: false, keepsOne: true, evictNone: true },
    { rule: 'a StatefulSet replaces one pod at a time: two replicas keep one Ready', spec: statefulSet(), restartable: true, keepsOne: true, evictNone: false },
    { rule: 'a one-replica StatefulSet has no surge: its pod is down during a restart', spec: statefulSet({ replicas: 1, readyReplicas: 1 }), restartable: true, keepsOne: false, evictNone: true },
    { rule: 'OnDelete: a restart replaces no pod', spec: statefulSet({ strategy: 'OnDelete' }), restartable: false, keepsOne: false, evictNone: false },
    { rule: 'a partition leaves the pods below it alone', spec: statefulSet({ partition: 1 }), restartable: false, keepsOne: false, evictNone: false },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const a = assessWorkload(c.spec);
      assert.deepEqual({ restartable: a.notRestartable === null, keepsOne: a.restartKeepsOneReady, evictNone: a.evictLeavesNoneReady }, { restartable: c.restartable, keepsOne: c.keepsOne, evictNone: c.evictNone });
    });
  }
});

describe('chooseStrategy', () => {
  const cases: { rule: string; spec: WorkloadSpec; asked?: Strategy; expected: Strategy | null; why?: RegExp }[] = [
    { rule: 'default: a one-replica Deployment is restarted (its rolling update keeps it Ready)', spec: deployment(), expected: 'restart', why: /no Ready replica.*starts the new pod first/ },
    { rule: 'default: a Deployment with several Ready replicas is evicted pod by pod', spec: deployment({ replicas: 3, readyReplicas: 3 }), expected: 'evict' },
    { rule: 'default: a one-replica Deployment whose restart would stop it first is evicted (PodDisruptionBudgets decide)', spec: deployment({ maxUnavailable: 1 }), expected: 'evict' },
    { rule: 'default: a paused one-replica Deployment is evicted', spec: deployment({ paused: true }), expected: 'evict' },
    { rule: 'default: a Deployment with no Ready replica (Pending pods) is evicted', spec: deployment({ replicas: 2, readyReplicas: 0 }), expected: 'evict' },
    { rule: 'default: a StatefulSet is evicted (a restart has no surge and ignores PodDisruptionBudgets)', spec: statefulSet({ replicas: 1, readyReplicas: 1 }), expected: 'evict' },
    { rule: '--strategy restart restarts a StatefulSet', spec: statefulSet(), asked: 'restart', expected: 'restart' },
    { rule: '--strategy restart restarts a three-replica Deployment', spec: deployment({ replicas: 3, readyReplicas: 3 }), asked: 'restart', expected: 'restart' },
    { rule: '--strategy restart refuses what a restart would not recycle (OnDelete), naming the way out', spec: statefulSet({ strategy: 'OnDelete' }), asked: 'restart', expected: null, why: /OnDelete.*use --strategy evict/ },
    { rule: '--strategy evict evicts even a one-replica Deployment', spec: deployment(), asked: 'evict', expected: 'evict' },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const choice = chooseStrategy(c.spec, c.asked);
      assert.equal(choice.strategy, c.expected);
      if (c.why) assert.match(choice.why, c.why);
    });
  }
});
