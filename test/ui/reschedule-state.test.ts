// The pure parts of rescheduling from the TUI: which permission each method needs, permission
// refusals folded into a plan, the dialog's text, and the status bar's count.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { PodPermissions, RescheduleStep } from '../../source/ui/tui-actions.js';
import { mayReschedule, missingPermissions, planDialog, withPermissions, wrapText } from '../../source/ui/state/reschedule-plan.js';
import { runStatusText, type RunSnapshot } from '../../source/ui/state/run-progress.js';

const perms = (o: Partial<PodPermissions> = {}): PodPermissions => ({ namespace: 'test', canEvict: true, canDelete: true, canCreate: true, missing: [], ...o });

function step(key: string, method: RescheduleStep['method'], warnings: string[] = []): RescheduleStep {
  const [namespace, name] = key.split('/') as [string, string];
  return {
    key,
    pod: { namespace, name, uid: `uid-${name}` },
    method,
    owner: method === 'recreate' ? null : { kind: 'ReplicaSet', name: `${name}-rs` },
    from: { runsOn: 'ec2', profile: null, node: 'ip-1' },
    to: { runsOn: 'fargate', profile: 'fp-test' },
    reason: method === 'refuse' ? 'it already runs where the profiles say (EC2)' : 'EC2 -> Fargate (fp-test)',
    warnings,
    group: key,
  };
}

describe('permissions per method', () => {
  const cases = [
    { rule: 'eviction needs create pods/eviction', p: perms({ canEvict: false }), method: 'evict' as const, missing: ['create pods/eviction in test'] },
    { rule: 'eviction does not need delete', p: perms({ canDelete: false }), method: 'evict' as const, missing: [] },
    { rule: 'a bare pod needs delete and create', p: perms({ canDelete: false, canCreate: false }), method: 'recreate' as const, missing: ['delete pods in test', 'create pods in test'] },
    { rule: 'a bare pod does not need eviction', p: perms({ canEvict: false }), method: 'recreate' as const, missing: [] },
    { rule: 'cluster scope is named "all namespaces"', p: perms({ namespace: null, canCreate: false }), method: 'recreate' as const, missing: ['create pods in all namespaces'] },
    { rule: 'a failed check allows nothing', p: perms({ error: 'could not check permissions: boom' }), method: 'evict' as const, missing: ['could not check permissions: boom'] },
  ];
  for (const c of cases) {
    test(c.rule, () => assert.deepEqual(missingPermissions(c.p, c.method), c.missing));
  }

  test('the keys are offered when either method is allowed', () => {
    assert.equal(mayReschedule(perms({ canEvict: false })), true);
    assert.equal(mayReschedule(perms({ canDelete: false })), true);
    assert.equal(mayReschedule(perms({ canEvict: false, canCreate: false })), false);
  });
});

describe('the plan shown', () => {
  test('steps without permission become refusals naming it, listed last', () => {
    const steps = withPermissions([step('test/a', 'evict'), step('test/b', 'recreate'), step('ok/c', 'evict')], (ns) => (ns === 'test' ? perms({ canEvict: false }) : perms({ namespace: ns })));
    assert.deepEqual(steps.map((s) => [s.key, s.method]), [['test/b', 'recreate'], ['ok/c', 'evict'], ['test/a', 'refuse']]);
    assert.equal(steps[2]!.reason, 'missing permission: create pods/eviction in test');
  });

  test('the dialog lists pod, method, from -> to and warnings; a plan of refusals has no title', () => {
    const dialog = planDialog([step('test/test', 'recreate', ['bare pod: it is deleted']), step('test/x', 'refuse')], { width: 100, maxLines: 20, backupDir: '/b' });
    assert.equal(dialog.title, 'Reschedule test/test? (1 refused)');
    assert.deepEqual(dialog.lines, [
      'test/test  re-create  EC2 -> Fargate (fp-test)',
      '  ! bare pod: it is deleted',
      'test/x     refused    it already runs where the profiles say (EC2)',
      'Bare pods are backed up to /b before the delete.',
    ]);
    assert.equal(planDialog([step('test/x', 'refuse')], { width: 100, maxLines: 20 }).title, null);
  });

  test('a long plan shows as many pods as fit, one line each, and counts the rest', () => {
    const steps = Array.from({ length: 10 }, (_, i) => step(`test/p${i}`, 'evict'));
    const dialog = planDialog(steps, { width: 100, maxLines: 4 });
    assert.deepEqual(dialog.lines, ['test/p0  evict  EC2 -> Fargate (fp-test)', 'test/p1  evict  EC2 -> Fargate (fp-test)', 'test/p2  evict  EC2 -> Fargate (fp-test)', '… and 7 more (10 pods in the plan)']);
    assert.deepEqual(planDialog(steps, { width: 100, maxLines: 1 }).lines, ['test/p0 and 9 more']);
  });

  test('when warnings do not fit, every pod still gets its line and the rest is said to be hidden', () => {
    const steps = [step('test/a', 'recreate', ['bare pod: it is deleted and re-created from a backup']), step('test/b', 'evict', ['a warning'])];
    const dialog = planDialog(steps, { width: 30, maxLines: 3 });
    assert.deepEqual(dialog.lines, ['test/a  re-create  EC2 -> Far…', 'test/b  evict  EC2 -> Fargate…', '(a larger terminal shows the …']);
  });

  test('wrapping keeps the indentation', () => {
    assert.deepEqual(wrapText('  ! one two three', 9, '    '), ['  ! one', '    two', '    three']);
  });
});

describe('the status bar count', () => {
  const run = (done: number, finished: boolean, outcomes: Array<'succeeded' | 'failed'> = []): RunSnapshot => {
    const steps = Array.from({ length: 5 }, (_, i) => step(`test/p${i}`, 'evict'));
    const results = outcomes.slice(0, done).map((outcome, i) => ({ pod: steps[i]!.key, namespace: 'test', name: `p${i}`, method: 'evict' as const, outcome, from: steps[i]!.from, to: steps[i]!.to, landed: null, message: '' }));
    return { steps, events: [], results, finished, cancelling: false };
  };
  const cases = [
    { rule: 'only the pods done are counted (the dialog\'s count is the total)', r: run(1, false, ['succeeded']), text: 'rescheduling: 1 of 5 done' },
    { rule: 'before the first result', r: run(0, false), text: 'rescheduling: 0 of 5 done' },
    { rule: 'finished: the outcomes', r: run(5, true, ['succeeded', 'succeeded', 'failed', 'succeeded', 'succeeded']), text: 'rescheduled: 5 of 5 done: 4 succeeded, 1 failed' },
  ];
  for (const c of cases) test(c.rule, () => assert.equal(runStatusText(c.r).text, c.text));
});
