// The rolling-update arithmetic of the sim's Deployment controller, case by case against what
// kube-controller-manager does (pkg/controller/deployment/util and rolling.go).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newReplicaSetReplicas, resolveFenceposts, scaleDownOld } from '../../source/sim/controllers/rollout-math.js';

describe('rollout arithmetic', () => {
  const fenceposts = [
    { rule: 'defaults 25%/25% of 1 replica: surge rounds up to 1, unavailable down to 0', ru: undefined, replicas: 1, want: { surge: 1, unavailable: 0 } },
    { rule: 'defaults of 4 replicas: 1 and 1', ru: undefined, replicas: 4, want: { surge: 1, unavailable: 1 } },
    { rule: 'defaults of 10 replicas: surge ceil(2.5) = 3, unavailable floor(2.5) = 2', ru: undefined, replicas: 10, want: { surge: 3, unavailable: 2 } },
    { rule: 'absolute numbers are taken as they are', ru: { maxSurge: 2, maxUnavailable: 0 }, replicas: 3, want: { surge: 2, unavailable: 0 } },
    { rule: 'both zero would stall: one may be unavailable', ru: { maxSurge: 0, maxUnavailable: 0 }, replicas: 3, want: { surge: 0, unavailable: 1 } },
    { rule: '100% surge of 2 replicas is 2', ru: { maxSurge: '100%', maxUnavailable: 0 }, replicas: 2, want: { surge: 2, unavailable: 0 } },
    { rule: 'a missing field takes its default', ru: { maxSurge: 0 }, replicas: 4, want: { surge: 0, unavailable: 1 } },
  ];
  for (const c of fenceposts) test(c.rule, () => assert.deepEqual(resolveFenceposts(c.ru, c.replicas), c.want));

  const growth = [
    { rule: 'a new ReplicaSet of a 1-replica Deployment starts at 1 (surge 1)', args: [1, 1, 0, 1], want: 1 },
    { rule: 'no growth while the total is at replicas + surge', args: [3, 1, 1, 4], want: 1 },
    { rule: 'growth fills the room under replicas + surge', args: [4, 1, 1, 3], want: 3 },
    { rule: 'never beyond replicas', args: [3, 5, 0, 3], want: 3 },
    { rule: 'a new Deployment (nothing yet) starts at full size', args: [3, 1, 0, 0], want: 3 },
    { rule: 'scaling down the new ReplicaSet goes straight to replicas', args: [2, 1, 5, 5], want: 2 },
  ] as const;
  for (const c of growth) test(c.rule, () => assert.equal(newReplicaSetReplicas(c.args[0], c.args[1], c.args[2], c.args[3]), c.want));

  const shrink = [
    { rule: '1 replica, surge 1, unavailable 0: the old one stays until the new one is available', args: [1, 0, { spec: 1, available: 0 }, [{ spec: 1, available: 1 }]], want: [1] },
    { rule: '1 replica: once the new one is available the old one goes', args: [1, 0, { spec: 1, available: 1 }, [{ spec: 1, available: 1 }]], want: [0] },
    { rule: 'maxUnavailable 1 lets one old pod go before any new one is available', args: [3, 1, { spec: 0, available: 0 }, [{ spec: 3, available: 3 }]], want: [2] },
    { rule: 'unhealthy old replicas go first, costing no availability', args: [3, 0, { spec: 1, available: 1 }, [{ spec: 3, available: 2 }]], want: [2] },
    { rule: 'oldest ReplicaSets shrink first', args: [4, 0, { spec: 2, available: 2 }, [{ spec: 1, available: 1 }, { spec: 2, available: 2 }]], want: [0, 2] },
  ] as const;
  for (const c of shrink) test(c.rule, () => assert.deepEqual(scaleDownOld(c.args[0], c.args[1], c.args[2], c.args[3]), c.want));
});
