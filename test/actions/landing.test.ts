// Where a pod landed vs. where the plan said; which PDB refused an eviction. Pure rules.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeLanding } from '../../source/actions/landing.js';
import { pdbRefusal, pdbSelects } from '../../source/actions/pdb.js';
import type { Landed, RescheduleStep } from '../../source/actions/types.js';

const ec2 = { runsOn: 'ec2' as const, profile: null, node: 'ip-1' };
const step = (to: RescheduleStep['to'], from: RescheduleStep['from'] = ec2) => ({ from, to });
const landed = (o: Partial<Landed>): Landed => ({ name: 'p', runsOn: 'fargate', profile: 'fp-test', node: 'fargate-ip-1', ...o });

describe('judgeLanding', () => {
  const cases = [
    { rule: 'Fargate under the expected profile: as expected', step: step({ runsOn: 'fargate', profile: 'fp-test' }), landed: landed({}), ok: true, text: /^now on Fargate under fp-test$/ },
    { rule: 'Fargate under another profile: not as expected, says which', step: step({ runsOn: 'fargate', profile: 'fp-a' }), landed: landed({ profile: 'fp-b' }), ok: false, text: /under fp-b, not under fp-a as expected/ },
    { rule: 'expected Fargate, still on EC2: says EKS did not admit it', step: step({ runsOn: 'fargate', profile: 'fp-test' }), landed: landed({ runsOn: 'ec2', profile: null, node: 'ip-2' }), ok: false, text: /^still on EC2 \(node ip-2\): EKS did not admit it to Fargate \(expected profile fp-test\)/ },
    { rule: 'expected EC2 (no profile now), lands on EC2: as expected', step: step({ runsOn: 'ec2', profile: null }, { runsOn: 'fargate', profile: 'old', node: 'f' }), landed: landed({ runsOn: 'ec2', profile: null, node: 'ip-2' }), ok: true, text: /^now on EC2 \(node ip-2\)$/ },
    { rule: 'Pending: the FailedScheduling reason is given', step: step({ runsOn: 'fargate', profile: 'fp-test' }), landed: landed({ runsOn: 'pending', node: null }), why: 'FailedScheduling: Pod not supported on Fargate', ok: false, text: /not running: Pending \(FailedScheduling: Pod not supported on Fargate\)/ },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const verdict = judgeLanding(c.step, c.landed, c.why ?? null);
      assert.equal(verdict.asExpected, c.ok);
      assert.match(verdict.text, c.text);
    });
  }
});

describe('pdbSelects (policy/v1 selector rules)', () => {
  const labels = { app: 'web', tier: 'front' };
  const cases = [
    { rule: 'matchLabels must all be present', selector: { matchLabels: { app: 'web', tier: 'front' } }, want: true },
    { rule: 'a differing label value does not match', selector: { matchLabels: { app: 'api' } }, want: false },
    { rule: 'an empty selector selects every pod of the namespace', selector: {}, want: true },
    { rule: 'a missing selector selects none', selector: undefined, want: false },
    { rule: 'In', selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] }, want: true },
    { rule: 'NotIn', selector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] }, want: false },
    { rule: 'Exists', selector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] }, want: true },
    { rule: 'DoesNotExist', selector: { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, want: false },
  ];
  for (const c of cases) test(c.rule, () => assert.equal(pdbSelects({ spec: { selector: c.selector } }, labels), c.want));

  test('the refusal names the budget, its rule and its numbers', () => {
    assert.equal(pdbRefusal({ metadata: { name: 'web' }, spec: { minAvailable: 2 }, status: { currentHealthy: 2, desiredHealthy: 2 } }), 'PodDisruptionBudget web allows no disruption now (minAvailable 2: 2 healthy, needs 2)');
  });
});
