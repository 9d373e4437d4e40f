// Rescheduling from the TUI with a fake host: marks, the plan dialog, typed confirmation for a
// whole namespace, the live progress view and its status-bar count, one run at a time, quitting
// mid-run, --read-only and missing permissions unbinding the keys.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lineWith, press, renderApp, selectedLine, type as typeText, waitForFrame, type AppHarness } from './helpers.js';
import { NOW, scenePod } from '../helpers/scene.js';
import { waitUntil } from '../helpers/waiting.js';
import { denying, fakeActions, type FakeActions } from './fake-actions.js';

let tui: AppHarness | null = null;
afterEach(() => {
  tui?.unmount();
  tui = null;
});

/** The fixture's `test` namespace plus two ReplicaSet pods that fp-test (app=te*) would now capture. */
async function inTest(fake: FakeActions, props: Parameters<typeof renderApp>[0] = {}, rows = 40): Promise<AppHarness> {
  const t = await renderApp({ namespace: 'test', actions: fake.actions, ...props }, { rows, columns: 120 });
  tui = t;
  for (const name of ['tea-6b7f9c8d4-aaaaa', 'tea-6b7f9c8d4-bbbbb']) {
    t.store.upsert('pods', scenePod('test', name, { labels: { app: 'tea' }, owner: { kind: 'ReplicaSet', name: 'tea-6b7f9c8d4' }, createdAt: NOW - 5 * 3_600_000 }));
  }
  await waitForFrame(t, (f) => f.includes('Pods(test) [3]'));
  // Permissions answered: the keys are bound.
  if (!props.readOnly) await waitForFrame(t, (f) => f.includes('r reschedule'));
  return t;
}

const statusLine = (frame: string): string => frame.split('\n')[1] ?? '';

describe('marks and the plan dialog', () => {
  test('space marks pods, r plans only the marked ones and shows pod, method, from -> to and warnings', async () => {
    const fake = fakeActions();
    const t = await inTest(fake);
    assert.match(selectedLine(t), /tea-6b7f9c8d4-aaaaa/);
    await press(t, ' ');
    await press(t, ' ');
    let frame = await waitForFrame(t, (f) => f.includes('2 marked'));
    assert.match(lineWith(frame, 'tea-6b7f9c8d4-aaaaa'), /^✓ /);
    assert.match(lineWith(frame, 'tea-6b7f9c8d4-bbbbb'), /^✓ /);
    assert.match(lineWith(frame, ' test '), /^ {2}test/, 'the cursor moved on, test is not marked');

    await press(t, 'r');
    frame = await waitForFrame(t, (f) => f.includes('Reschedule 2 pods?'));
    assert.deepEqual(fake.plans, [['test/tea-6b7f9c8d4-aaaaa', 'test/tea-6b7f9c8d4-bbbbb']]);
    assert.match(lineWith(frame, 'test/tea-6b7f9c8d4-aaaaa'), /evict\s+EC2 -> Fargate \(fp-test\)/);
    assert.match(lineWith(frame, 'test/tea-6b7f9c8d4-bbbbb'), /evict\s+EC2 -> Fargate \(fp-test\)/);
    assert.doesNotMatch(frame, /test\/test\s/);

    await press(t, 'n');
    frame = await waitForFrame(t, (f) => !f.includes('Reschedule 2 pods?'));
    assert.equal(fake.runs.length, 0, 'n starts nothing');
    assert.match(frame, /2 marked/, 'cancelling keeps the marks');
    await press(t, 'r');
    await waitForFrame(t, (f) => f.includes('Reschedule 2 pods?'));
    await press(t, 'esc');
    await waitForFrame(t, (f) => !f.includes('Reschedule 2 pods?'));
    assert.equal(fake.runs.length, 0, 'esc starts nothing');
  });

  test('a bare pod: re-create with its warning and where the backup goes; y starts exactly the plan shown', async () => {
    const fake = fakeActions();
    const t = await inTest(fake);
    await press(t, 'G');
    assert.match(selectedLine(t), / test /);
    await press(t, 'r');
    const frame = await waitForFrame(t, (f) => f.includes('Reschedule test/test?'));
    assert.match(lineWith(frame, 'test/test  '), /re-create\s+EC2 -> Fargate \(fp-test\)/);
    assert.match(frame, /! bare pod: it is deleted and re-created from a backup/);
    assert.match(frame, /backed up to \/var\/backups\/kf/);
    await press(t, 'y');
    await waitForFrame(t, (f) => f.includes('Reschedule progress'));
    assert.equal(fake.runs.length, 1);
    assert.deepEqual(fake.runs[0]!.steps.map((s) => [s.key, s.method]), [['test/test', 'recreate']]);
  });

  test('a pod that needs nothing is not offered: the status bar says why', async () => {
    const fake = fakeActions();
    tui = await renderApp({ namespace: 'default', actions: fake.actions }, { rows: 40 });
    await waitForFrame(tui, (f) => f.includes('r reschedule'));
    await press(tui, 'r');
    await waitForFrame(tui, (f) => /Nothing to reschedule: default\/web-1: it already runs where the profiles say/.test(f));
    assert.equal(fake.runs.length, 0);
  });
});

describe('ctrl-r: every pod needing it in the namespace', () => {
  test('needs the exact namespace typed; the plan lists every pod needing it', async () => {
    const fake = fakeActions();
    const t = await inTest(fake);
    await press(t, 'ctrlR');
    let frame = await waitForFrame(t, (f) => f.includes('Type test to confirm'));
    assert.match(frame, /Reschedule all 3 pods needing it in test\?/);
    for (const key of ['test/test', 'test/tea-6b7f9c8d4-aaaaa', 'test/tea-6b7f9c8d4-bbbbb']) assert.ok(frame.includes(key), key);
    await typeText(t, 'tes');
    await press(t, 'enter');
    assert.equal(fake.runs.length, 0, 'a partial name does not confirm');
    await typeText(t, 'tx');
    await press(t, 'enter');
    assert.equal(fake.runs.length, 0, 'a wrong name does not confirm');
    await press(t, 'backspace');
    frame = await waitForFrame(t, (f) => f.includes('> test '));
    await press(t, 'enter');
    await waitForFrame(t, (f) => f.includes('Reschedule progress'));
    assert.equal(fake.runs.length, 1);
    assert.deepEqual(new Set(fake.runs[0]!.steps.map((s) => s.key)), new Set(['test/test', 'test/tea-6b7f9c8d4-aaaaa', 'test/tea-6b7f9c8d4-bbbbb']));
  });

  test('esc cancels the typed confirmation', async () => {
    const fake = fakeActions();
    const t = await inTest(fake);
    await press(t, 'ctrlR');
    await waitForFrame(t, (f) => f.includes('Type test to confirm'));
    await typeText(t, 'test');
    await press(t, 'esc');
    await waitForFrame(t, (f) => f.includes('Pods(test)') && !f.includes('Type test'));
    assert.equal(fake.runs.length, 0);
  });

  test('in all namespaces ctrl-r asks for one namespace first', async () => {
    const fake = fakeActions();
    tui = await renderApp({ namespace: null, actions: fake.actions }, { rows: 40 });
    await press(tui, 'tab');
    await waitForFrame(tui, (f) => f.includes('Pods(all)') && f.includes('r reschedule'));
    await press(tui, 'ctrlR');
    await waitForFrame(tui, (f) => f.includes('ctrl-r works on one namespace'));
    assert.deepEqual(fake.plans, []);
  });
});

describe('the progress view', () => {
  test('shows each pod live; esc leaves it while the status bar keeps the count; w brings it back', async () => {
    const fake = fakeActions();
    const t = await inTest(fake);
    await press(t, 'ctrlR');
    await waitForFrame(t, (f) => f.includes('Type test to confirm'));
    await typeText(t, 'test');
    await press(t, 'enter');
    let frame = await waitForFrame(t, (f) => f.includes('Reschedule progress'));
    const run = fake.runs[0]!;
    const [first, second, third] = run.steps.map((s) => s.key);
    assert.match(frame, /Reschedule: 0 of 3 done · running/);
    assert.match(statusLine(frame), /^rescheduling: 0 of 3 done/);

    run.emit(0, 'evict', 'evicting it (the Eviction API: PodDisruptionBudgets apply)');
    frame = await waitForFrame(t, (f) => f.includes('evicting it (the Eviction API'));
    assert.match(lineWith(frame, first!), /▸ \[1\/3\].*in progress/);
    run.emit(0, 'wait-replacement', 'evicted; waiting for ReplicaSet tea-6b7f9c8d4 to start a Ready replacement');
    await waitForFrame(t, (f) => f.includes('waiting for ReplicaSet tea-6b7f9c8d4'));
    run.result(0, 'succeeded', 'evicted; replacement tea-6b7f9c8d4-zzzzz now on Fargate under fp-test');
    frame = await waitForFrame(t, (f) => f.includes('now on Fargate under fp-test'));
    assert.match(lineWith(frame, first!), /✓ \[1\/3\].*succeeded/);
    assert.match(statusLine(frame), /^rescheduling: 1 of 3 done/);

    // Leave the view: the run goes on, the status bar keeps counting.
    await press(t, 'esc');
    frame = await waitForFrame(t, (f) => f.includes('Pods(test)'));
    assert.match(statusLine(frame), /^rescheduling: 1 of 3 done/);
    assert.match(frame.split('\n').at(-1) ?? '', /w progress/);
    run.emit(1, 'evict', 'evicting it');
    run.result(1, 'blocked', 'blocked: Cannot evict pod as it would violate the pod\'s disruption budget; the pod was left running');
    frame = await waitForFrame(t, (f) => /^rescheduling: 2 of 3 done/.test(statusLine(f)));

    // One run at a time, and the status bar says so.
    await press(t, 'r');
    frame = await waitForFrame(t, (f) => f.includes('already running'));
    assert.equal(fake.runs.length, 1);
    assert.doesNotMatch(frame, /Reschedule .*\?/);

    await press(t, 'w');
    frame = await waitForFrame(t, (f) => f.includes('Reschedule progress'));
    assert.match(lineWith(frame, second!), /! \[2\/3\].*blocked/);
    assert.match(frame, /→ blocked: Cannot evict pod/);

    run.emit(2, 'backup', 'saved to /var/backups/kf/ctx/test/test-1.yaml');
    run.emit(2, 'dry-run', 'the API server accepts the manifest (dry run)');
    run.emit(2, 'delete', 'deleting it (grace period 30s)');
    run.emit(2, 'create', 're-creating it from /var/backups/kf/ctx/test/test-1.yaml');
    run.result(2, 'failed', 'deleted, but re-creating it failed: quota exceeded; restore it: kubectl fargate restore /var/backups/kf/ctx/test/test-1.yaml', {
      backupFile: '/var/backups/kf/ctx/test/test-1.yaml',
      restoreHint: 'restore it: kubectl fargate restore /var/backups/kf/ctx/test/test-1.yaml',
    });
    run.end();
    frame = await waitForFrame(t, (f) => f.includes('Reschedule: 3 of 3 done · finished'));
    assert.match(lineWith(frame, third!), /✗ \[3\/3\].*failed/);
    assert.match(lineWith(frame, '    backup '), /\/var\/backups\/kf\/ctx\/test\/test-1\.yaml/);
    assert.match(lineWith(frame, '    restore '), /kubectl fargate restore \/var\/backups\/kf\/ctx\/test\/test-1\.yaml/);
    assert.match(lineWith(frame, 'deleting it'), /delete\s+deleting it \(grace period 30s\)/, 'the failed pod keeps its steps');
    assert.match(statusLine(frame), /^rescheduled: 3 of 3 done: 1 succeeded, 1 failed, 1 blocked/);
    await waitForFrame(t, (f) => f.includes('Reschedule finished: 1 succeeded, 1 failed, 1 blocked (w shows why)'));

    // Over: a new run may start.
    await press(t, 'esc');
    await press(t, 'G');
    await press(t, 'r');
    await waitForFrame(t, (f) => f.includes('Reschedule test/test?'));
  });

  test('q during a run cancels it and waits for the pod in flight before quitting', async () => {
    const fake = fakeActions();
    const t = await inTest(fake);
    await press(t, 'G');
    await press(t, 'r');
    await waitForFrame(t, (f) => f.includes('Reschedule test/test?'));
    await press(t, 'y');
    const run = fake.runs[0]!;
    run.emit(0, 'delete', 'deleting it (grace period 30s)');
    await waitForFrame(t, (f) => f.includes('deleting it'));
    await press(t, 'q');
    let frame = await waitForFrame(t, (f) => f.includes('finishing the pod in flight'));
    assert.match(frame, /finishing the pod in flight \(test\/test\)/);
    assert.equal(run.cancelled, true);
    assert.equal(t.quits, 0, 'not before the pod in flight is done');
    await press(t, 'j');
    await press(t, 'q');
    assert.equal(t.quits, 0);
    run.emit(0, 'create', 're-creating it');
    run.result(0, 'interrupted', 're-created; stopped waiting for it to be scheduled (interrupted)');
    run.end();
    await waitUntil('the quit once the run ended', () => t.quits > 0, 2000);
    assert.equal(t.quits, 1);
  });

  test('ctrl-c quits at once when nothing runs', async () => {
    const fake = fakeActions();
    const t = await inTest(fake);
    await press(t, '\u0003');
    assert.equal(t.quits, 1);
  });

  test('ctrl-c quits from the : prompt and from the dialog too, and starts nothing', async () => {
    for (const open of [':po', 'r'] as const) {
      const fake = fakeActions();
      const t = await inTest(fake);
      await press(t, 'G');
      await press(t, open);
      await waitForFrame(t, (f) => (open === 'r' ? f.includes('Reschedule test/test?') : f.split('\n')[3]!.startsWith(':po')));
      await press(t, '\u0003');
      assert.equal(t.quits, 1, `ctrl-c after ${open}`);
      assert.equal(fake.runs.length, 0);
      t.unmount();
    }
  });
});

describe('who may reschedule', () => {
  test('--read-only: no mark/reschedule keys in help or footer, and pressing them does nothing', async () => {
    const fake = fakeActions();
    const t = await inTest(fake, { readOnly: true });
    const footer = t.frame().split('\n').at(-1) ?? '';
    assert.doesNotMatch(footer, /mark|reschedule/);
    await press(t, ' ');
    await press(t, 'r');
    await press(t, 'ctrlR');
    const frame = t.frame();
    assert.doesNotMatch(frame, /marked|Reschedule|Type test/);
    assert.deepEqual(fake.plans, []);
    assert.deepEqual(fake.permissionChecks, [], 'read-only never even asks');
    await press(t, '?');
    const help = await waitForFrame(t, (f) => f.includes('Keys for the pods view'));
    assert.doesNotMatch(help, /\bspace\b|ctrl-r|Reschedule the marked|RESCHEDULE/);
  });

  test('without any of the permissions the keys are not bound and the detail names what is missing', async () => {
    const fake = fakeActions(denying('test', { evict: true, delete: true, create: true }));
    tui = await renderApp({ namespace: 'test', actions: fake.actions }, { rows: 60 });
    await waitForFrame(tui, (f) => f.includes('Pods(test) [1]'));
    await waitForFrame(tui, () => fake.permissionChecks.includes('test'));
    await press(tui, 'r');
    await press(tui, ' ');
    assert.doesNotMatch(tui.frame(), /Reschedule|marked/);
    assert.doesNotMatch(tui.frame().split('\n').at(-1) ?? '', /reschedule|mark/);
    await press(tui, '?');
    assert.doesNotMatch(await waitForFrame(tui, (f) => f.includes('Keys for the pods view')), /ctrl-r|Reschedule the marked/);
    await press(tui, '?');
    await press(tui, 'enter');
    const frame = await waitForFrame(tui, (f) => f.includes('not allowed'));
    assert.match(frame, /✗ not allowed: missing permission delete pods in test, create pods in test/);
    await press(tui, 'r');
    assert.doesNotMatch(tui.frame(), /Reschedule test\/test\?/);
    assert.deepEqual(fake.plans, []);
  });

  test('eviction denied: bare pods may still be re-created; an evict-only pod is unbound in its detail and refused in a plan', async () => {
    const fake = fakeActions(denying('test', { evict: true }));
    const t = await inTest(fake, {}, 60);
    // The detail of a ReplicaSet pod: r is not bound there, and it says why.
    await press(t, 'enter');
    let frame = await waitForFrame(t, (f) => f.includes('Pod test/tea-6b7f9c8d4-aaaaa') && f.includes('not allowed'));
    assert.match(frame, /missing permission create pods\/eviction in test/);
    await press(t, 'r');
    assert.doesNotMatch(t.frame(), /Reschedule .*\?/);
    await press(t, 'esc');
    // The whole namespace: the ReplicaSet pods are refused, the bare pod is planned.
    await press(t, 'ctrlR');
    frame = await waitForFrame(t, (f) => f.includes('Type test to confirm'));
    assert.match(frame, /Reschedule all 1 pod needing it in test\? \(2 refused\)/);
    assert.match(lineWith(frame, 'test/tea-6b7f9c8d4-aaaaa'), /refused\s+missing permission: create pods\/eviction in test/);
    assert.match(lineWith(frame, 'test/test '), /re-create/);
  });

  test('the detail of an allowed pod says how r would move it', async () => {
    const fake = fakeActions();
    const t = await inTest(fake, {}, 60);
    await press(t, 'G');
    await press(t, 'enter');
    const frame = await waitForFrame(t, (f) => f.includes('Pod test/test') && f.includes('re-create it from a backup'));
    assert.match(frame, /r re-create it from a backup \(bare pod: backup, delete, create\)/);
    assert.match(frame.split('\n').at(-1) ?? '', /r reschedule/);
  });
});
