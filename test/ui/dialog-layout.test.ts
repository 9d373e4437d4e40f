// The confirmation dialog laid out for the body it gets: the answer line and at least one pod
// name always, then the count and as many names as fit ("… and N more"), then the details.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { layoutDialog } from '../../source/ui/state/dialog-layout.js';
import type { Modal } from '../../source/ui/state/navigation.js';
import type { RescheduleStep } from '../../source/ui/tui-actions.js';

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

const BARE = step('test/test', 'recreate', ['bare pod: it is deleted and re-created from a backup, so it is down until the new one starts and gets a new IP']);
const MANY = Array.from({ length: 12 }, (_, i) => step(`apps/web-5d4f8-${String(i).padStart(2, '0')}`, 'evict'));
const confirm = (steps: RescheduleStep[], hint?: string): Modal => ({ kind: 'confirm', podKeys: steps.map((s) => s.key), steps, backupDir: '/b', ...(hint ? { hint } : {}) });
const typed = (steps: RescheduleStep[], typedText = ''): Modal => ({ kind: 'typed-confirm', podKeys: steps.map((s) => s.key), steps, expected: 'apps', typed: typedText });
/** `U`'s dialog: a plan for the upgrade, made with `strategy`. */
const recycle = (steps: RescheduleStep[], typedText = '', strategy?: 'evict' | 'restart'): Modal => ({
  ...typed(steps, typedText),
  options: { purpose: 'upgrade', controlPlane: '1.33', ...(strategy ? { strategy } : {}) },
});

/** Body size App gives the dialog in a terminal of `columns` x `rows` (5 lines of chrome). */
const body = (columns: number, rows: number) => [columns, Math.max(3, rows - 5)] as const;
const linesOf = (d: ReturnType<typeof layoutDialog>) => [...d.title, ...d.strategy, ...d.plan, ...(d.gap ? [''] : []), ...d.instruction, ...(d.input === null ? [] : [d.input])];

describe('the dialog at every terminal size', () => {
  for (const [columns, rows] of [[40, 10], [60, 15], [80, 24], [120, 40], [30, 8]] as const) {
    const [width, height] = body(columns, rows);
    const inner = height - (height >= 10 ? 2 : 0);
    test(`${columns}x${rows}: fits, shows the answer and the pods`, () => {
      for (const modal of [confirm([BARE]), confirm(MANY), confirm(MANY, 'enter does not confirm: press y to run it, n or esc to cancel'), typed(MANY, 'ap'), recycle(MANY, 'ap', 'restart')]) {
        const d = layoutDialog(modal, width, height);
        const lines = linesOf(d);
        assert.ok(lines.length <= inner, `${lines.length} lines in ${inner}:\n${lines.join('\n')}`);
        for (const line of lines) assert.ok(line.length <= d.width, `too wide (${d.width}): ${line}`);
        assert.ok(d.instruction.length >= 1);
        assert.ok(d.plan.some((l) => /(test\/test|apps\/web-5d4f8-)/.test(l)), `a pod name:\n${lines.join('\n')}`);
        if (modal.steps.length > 1 && !modal.steps.every((s) => lines.some((l) => l.includes(s.key)))) {
          assert.ok(lines.some((l) => /and \d+ more/.test(l)), `the rest counted:\n${lines.join('\n')}`);
        }
        if (modal.kind === 'typed-confirm') assert.equal(d.input, '> ap');
      }
    });
  }

  test("U's dialog says its strategy (and what tab chooses next) down to 40x10; other dialogs say none", () => {
    for (const [columns, rows] of [[40, 10], [120, 40]] as const) {
      assert.match(layoutDialog(recycle(MANY, 'ap', 'restart'), ...body(columns, rows)).strategy.join(''), /^Strategy: restart \(tab: default\)/);
      assert.match(layoutDialog(recycle(MANY, 'ap'), ...body(columns, rows)).strategy.join(''), /^Strategy: default \(tab: evict\)/);
      assert.deepEqual(layoutDialog(typed(MANY, 'ap'), ...body(columns, rows)).strategy, []);
      assert.deepEqual(layoutDialog(confirm(MANY), ...body(columns, rows)).strategy, []);
    }
    const planning = layoutDialog({ ...recycle(MANY, 'ap', 'evict'), replanning: 'restart' }, ...body(120, 40));
    assert.match(planning.strategy.join(''), /^Strategy: evict, planning with restart…/);
  });

  test('40x10: no border, the title, one name per pod and the count of the rest', () => {
    const d = layoutDialog(confirm(MANY), ...body(40, 10));
    assert.equal(d.border, false);
    assert.deepEqual(d.title, ['Reschedule 12 pods?']);
    assert.deepEqual(d.plan, ['apps/web-5d4f8-00  evict  EC2 -> Farg…', 'apps/web-5d4f8-01  evict  EC2 -> Farg…', '… and 10 more (12 pods in the plan)']);
    assert.deepEqual(d.instruction, ['y confirm · n/esc cancel']);
  });

  test('a wide terminal shows the whole plan, its warnings and where the backup goes', () => {
    const d = layoutDialog(confirm([BARE]), ...body(120, 40));
    assert.equal(d.border, true);
    assert.deepEqual(d.title, ['Reschedule test/test?']);
    assert.match(d.plan.join('\n'), /! bare pod: it is deleted/);
    assert.match(d.plan.join('\n'), /backed up to \/b/);
    assert.deepEqual(d.instruction, ['y confirm · n/esc cancel (enter does not confirm)']);
  });

  test('a hint takes the place of the answer line, wrapped at word boundaries', () => {
    const d = layoutDialog(confirm([BARE], 'enter does not confirm: press y to run it, n or esc to cancel'), ...body(40, 10));
    assert.deepEqual(d.instruction, ['enter does not confirm: press y to run', 'it, n or esc to cancel']);
    assert.equal(d.hinted, true);
    assert.match(d.plan[0]!, /^test\/test/);
  });
});

describe('a profile delete dialog (x)', () => {
  const deletion: Modal = {
    kind: 'typed-confirm',
    podKeys: [],
    steps: [],
    expected: 'fp-test',
    typed: 'fp',
    profile: { action: 'delete', name: 'fp-test', preview: { title: 'Delete Fargate profile fp-test?', lines: ['Deleting profile fp-test makes EKS stop the 2 pods it launched:', 'test/a  stopped and lost: a bare pod', 'test/b  stopped; its controller replaces it'] } },
  };
  for (const [columns, rows] of [[40, 10], [80, 24], [120, 40]] as const) {
    test(`${columns}x${rows}: the question, how to answer and the typed name are shown; the plan's words are the host's, never a reschedule plan`, () => {
      const d = layoutDialog(deletion, ...body(columns, rows));
      assert.equal(d.title[0], 'Delete Fargate profile fp-test?');
      assert.match(d.instruction.join(' '), /fp-test/);
      assert.equal(d.input, '> fp');
      assert.match(d.plan[0] ?? '', /^Deleting profile fp-test/);
      assert.doesNotMatch([...d.title, ...d.plan].join('\n'), /Reschedule|Nothing to reschedule/);
    });
  }
});
