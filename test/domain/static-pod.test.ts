// Static pods (spec: the kubelet owns them; deleting the API's mirror does not move them) are
// never rescheduled: verdict ok with the reason, whatever the profiles say.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { placePod } from '../../source/domain/placement.js';
import { isStaticPod } from '../../source/domain/static-pod.js';
import type { PodRecord, Verdict } from '../../source/domain/types.js';
import { EC2_NODE, container, ctx, pod, profile } from '../helpers/records.js';

// fp-system selects kube-system and was created after the pods (createdAt 1000).
const CTX = ctx([profile('fp-system', 'kube-system', 'ACTIVE', { createdAt: 5_000 })]);
const NODE_OWNER = { kind: 'Node', name: EC2_NODE };

const cases: { rule: string; pod: PodRecord; verdict: Verdict }[] = [
  { rule: 'a mirror pod (kubernetes.io/config.mirror) in a namespace a profile selects is ok, not drifted', pod: pod({ namespace: 'kube-system', mirror: true, owner: NODE_OWNER }), verdict: 'ok' },
  { rule: 'an owner reference of kind Node alone marks a static pod', pod: pod({ namespace: 'kube-system', owner: NODE_OWNER }), verdict: 'ok' },
  { rule: 'the annotation alone marks a static pod (no owner reference)', pod: pod({ namespace: 'kube-system', mirror: true }), verdict: 'ok' },
  { rule: 'a static pod with Fargate blockers is still ok: Fargate never gets it', pod: pod({ namespace: 'kube-system', mirror: true, owner: NODE_OWNER, hostNetwork: true, containers: [container({ privileged: true })] }), verdict: 'ok' },
  { rule: 'a completed static pod is completed', pod: pod({ namespace: 'kube-system', mirror: true, owner: NODE_OWNER, phase: 'Succeeded' }), verdict: 'completed' },
];

describe('static (mirror) pods', () => {
  for (const c of cases) {
    test(c.rule, () => {
      const p = placePod(c.pod, CTX);
      assert.equal(p.verdict, c.verdict, p.reasons.join('\n'));
      assert.equal(p.needsReschedule, false);
      if (c.verdict === 'ok') assert.ok(p.reasons.includes(`static pod (kubernetes.io/config.mirror): the kubelet on ${EC2_NODE} owns it; deleting it does not move it`), p.reasons.join('\n'));
    });
  }

  test('the same pod without the marks is drifted (the rule is what keeps it put)', () => {
    assert.equal(placePod(pod({ namespace: 'kube-system' }), CTX).verdict, 'reschedule');
  });

  test('isStaticPod: mirror annotation or Node owner; other owners are not', () => {
    assert.equal(isStaticPod({ mirror: true, owner: null }), true);
    assert.equal(isStaticPod({ owner: NODE_OWNER }), true);
    assert.equal(isStaticPod({ owner: { kind: 'ReplicaSet', name: 'x' } }), false);
    assert.equal(isStaticPod({ owner: null }), false);
  });
});
