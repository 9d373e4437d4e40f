// Keys in the TUI never fall through to an action: the `:` prompt takes what k9s users type by
// reflex (`:crd⏎` used to press r and confirm with enter), dialogs confirm only on a lone `y` or a
// typed name, ignored keys say so, and the dialog shows the pods it acts on at every size.
// "Nothing was sent" is checked on the actions the UI calls (the fake records every call).
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lineWith, press, renderApp, type as typeText, waitForFrame, type AppHarness } from './helpers.js';
import { NOW, scenePod } from '../helpers/scene.js';
import { fakeActions, type FakeActions } from './fake-actions.js';
import type { TuiActions } from '../../source/ui/tui-actions.js';

let tui: AppHarness | null = null;
afterEach(() => {
  tui?.unmount();
  tui = null;
});

/** Namespace `test`: the bare pod `test` and two ReplicaSet pods, all needing a reschedule; keys bound. */
async function inTest(fake: FakeActions, size?: { columns: number; rows: number }, actions: TuiActions = fake.actions): Promise<AppHarness> {
  const t = await renderApp({ namespace: 'test', actions }, { columns: 120, rows: 40 });
  tui = t;
  for (const name of ['tea-6b7f9c8d4-aaaaa', 'tea-6b7f9c8d4-bbbbb']) {
    t.store.upsert('pods', scenePod('test', name, { labels: { app: 'tea' }, owner: { kind: 'ReplicaSet', name: 'tea-6b7f9c8d4' }, createdAt: NOW - 5 * 3_600_000 }));
  }
  // Permissions answered: the keys are bound (the footer says so while it is wide enough).
  await waitForFrame(t, (f) => f.includes('Pods(test) [3]') && f.includes('r reschedule'));
  if (size) {
    t.resize(size.columns, size.rows);
    await waitForFrame(t, (f) => f.split('\n').length <= size.rows);
  }
  return t;
}

/** Nothing reached the actions layer: no plan was made, no run started. */
function assertNothingSent(fake: FakeActions, what: string): void {
  assert.deepEqual(fake.plans, [], `${what}: no plan`);
  assert.equal(fake.runs.length, 0, `${what}: no run`);
}

const promptLine = (frame: string): string => frame.split('\n')[3] ?? '';
const footer = (frame: string): string => frame.split('\n').at(-1) ?? '';

describe('the : prompt', () => {
  for (const typed of ['crd', 'secret']) {
    for (const how of ['key by key', 'as one chunk'] as const) {
      test(`:${typed}⏎ typed ${how} on a pod needing reschedule sends nothing and names the unknown command`, async () => {
        const fake = fakeActions();
        const t = await inTest(fake);
        await press(t, 'G');
        if (how === 'key by key') {
          await typeText(t, `:${typed}`);
          await press(t, 'enter');
        } else {
          await press(t, `:${typed}\r`);
        }
        assertNothingSent(fake, `:${typed}⏎`);
        const frame = await waitForFrame(t, (f) => f.includes(`unknown command: ${typed}`));
        assert.match(promptLine(frame), new RegExp(`^:${typed} +unknown command: ${typed}$`));
        assert.doesNotMatch(frame, /Reschedule .*\?|Reschedule progress/);
        // What else a reflex adds (y, enter) still goes to the open prompt.
        await press(t, 'y');
        await press(t, 'enter');
        assertNothingSent(fake, `:${typed}⏎`);
        assert.equal(t.quits, 0);
        await press(t, 'esc');
        const after = await waitForFrame(t, (f) => f.includes('Pods(test) [3]'));
        assert.match(footer(after), /r reschedule/, 'esc closes the prompt; the screen keys are back');
        assertNothingSent(fake, 'after esc');
      });
    }
  }

  test('the same on the pod detail, where r is bound too', async () => {
    const fake = fakeActions();
    const t = await inTest(fake);
    await press(t, 'G');
    await press(t, 'enter');
    await waitForFrame(t, (f) => f.includes('Pod test/test') && /r reschedule/.test(footer(f)));
    await press(t, ':secret\r');
    assertNothingSent(fake, ':secret⏎ on the detail');
    await waitForFrame(t, (f) => f.includes('unknown command: secret'));
    await press(t, 'esc');
    await typeText(t, ':crd');
    await press(t, 'enter');
    assertNothingSent(fake, ':crd⏎ on the detail');
    await waitForFrame(t, (f) => f.includes('unknown command: crd'));
  });

  test(':pods NAMESPACE, :ns, :profiles, :fp and :pods all move between views', async () => {
    const fake = fakeActions();
    tui = await renderApp({ actions: fake.actions }, { rows: 40 });
    await typeText(tui, ':pods default');
    await press(tui, 'enter');
    await waitForFrame(tui, (f) => f.includes('Pods(default) [2]'));
    await press(tui, ':ns\r');
    await waitForFrame(tui, (f) => f.includes('Namespaces ['));
    await press(tui, ':profiles\r');
    await waitForFrame(tui, (f) => f.includes('Profiles ['));
    await press(tui, ':po all\r');
    await waitForFrame(tui, (f) => f.includes('Pods(all)'));
    await press(tui, ':fp\r');
    await waitForFrame(tui, (f) => f.includes('Profiles ['));
    await press(tui, ':po\r');
    await waitForFrame(tui, (f) => f.includes('Pods(all)'), 2000);
    assertNothingSent(fake, 'navigation');
  });

  test('bad arguments and unknown namespaces are said in the prompt line; nothing moves', async () => {
    const fake = fakeActions();
    tui = await renderApp({ actions: fake.actions }, { rows: 40 });
    await press(tui, ':pods nope\r');
    const frame = await waitForFrame(tui, (f) => f.includes('namespace nope not found'));
    assert.match(promptLine(frame), /^:pods nope +namespace nope not found$/);
    await press(tui, 'esc');
    await waitForFrame(tui, (f) => f.includes('Namespaces ['));
    await press(tui, ':ns extra\r');
    await waitForFrame(tui, (f) => f.includes(':ns takes no arguments: :ns'));
    await press(tui, 'esc');
    await waitForFrame(tui, (f) => f.includes('Namespaces ['));
    await press(tui, ':\r');
    await waitForFrame(tui, (f) => f.includes('type a command'));
    assertNothingSent(fake, 'bad commands');
  });

  test('with -n the other namespaces are not watched, and :pods says so', async () => {
    const fake = fakeActions();
    const t = await inTest(fake);
    await press(t, ':pods default\r');
    await waitForFrame(t, (f) => f.includes('only namespace test is watched (started with -n test)'));
  });

  test(':q and :quit quit; esc only closes the prompt', async () => {
    tui = await renderApp({}, { rows: 30 });
    await typeText(tui, ':q');
    await press(tui, 'esc');
    assert.equal(tui.quits, 0);
    await waitForFrame(tui, (f) => f.includes('Namespaces ['));
    await press(tui, ':quit\r');
    assert.equal(tui.quits, 1);
  });

  test('the prompt line and the footer show what the prompt takes, from the keymap and the command table', async () => {
    tui = await renderApp({}, { rows: 30 });
    await press(tui, ':');
    const frame = await waitForFrame(tui, (f) => promptLine(f).startsWith(':'));
    assert.match(promptLine(frame), /:pods :ns :profiles :ctx :q/);
    assert.equal(footer(frame), 'enter run  tab complete  ↑ history  esc cancel');
  });

  test('help lists the commands and the keys of the prompts and dialogs', async () => {
    tui = await renderApp({}, { rows: 80 });
    await press(tui, '?');
    const frame = await waitForFrame(tui, (f) => f.includes('COMMANDS (after :)'));
    assert.match(lineWith(frame, ':pods [NAMESPACE]'), /\(also :po :pod\)/);
    assert.match(lineWith(frame, 'y/n dialog: run the plan'), /^\s+y\s/);
    assert.match(lineWith(frame, 'Command prompt'), /^\s+:\s/);
  });
});

describe('typing into a prompt or the filter never calls an action (property)', () => {
  // Hotkeys, editing and control keys, and random text; then enter (which runs the line or keeps
  // the filter). No `q` after `:`, where `:q⏎` rightly quits.
  const keys = (opener: string) => {
    const text = fc.string({ minLength: 1, maxLength: 4 }).filter((s) => opener === '/' || !s.includes('q'));
    const hotkeys = ['r', 'y', 'n', ' ', ':', '/', '?', 'w', 'j', 'G', 'd', 's', '0', 'p', 'R', 'u', 'U', ...(opener === '/' ? ['q'] : [])];
    const controls = ['\u0012', '\u007F', '\t', '\u001B[A', '\u001B[B', '\r'];
    return fc.array(fc.oneof(fc.constantFrom(...hotkeys), fc.constantFrom(...controls), text), { minLength: 1, maxLength: 8 });
  };
  for (const opener of [':', '/']) {
    test(`after ${opener}: random keys, one at a time or as one chunk, then enter`, async () => {
      const fake = fakeActions();
      const t = await inTest(fake, { columns: 80, rows: 24 });
      await fc.assert(
        fc.asyncProperty(keys(opener), fc.boolean(), async (typed, chunk) => {
          // Close what the last run left open (a prompt naming an error, a kept filter).
          await press(t, 'esc');
          await press(t, 'esc');
          await press(t, opener);
          // A return inside the keys ends the prompt early: what follows would be screen keys.
          const line = typed.join('').split('\r')[0]!;
          if (line === '') return;
          if (chunk) await press(t, line);
          else for (const k of line.match(/\u001B\[[AB]|[\s\S]/g) ?? []) await press(t, k);
          await press(t, 'enter');
          assertNothingSent(fake, JSON.stringify(line));
          assert.equal(t.quits, 0, 'no key typed into the prompt quit');
        }),
        // The issue's own lines first, then random ones.
        { numRuns: 12, examples: [[['c', 'r', 'd'], false], [['secret'], true], [['s', 'e', 'c', 'r', 'e', 't'], false]] },
      );
    });
  }
});

describe('confirmation dialogs', () => {
  test('enter does not confirm; it says so, and y (alone) does', async () => {
    const fake = fakeActions();
    const t = await inTest(fake);
    await press(t, 'G');
    await press(t, 'r');
    await waitForFrame(t, (f) => f.includes('Reschedule test/test?'));
    await press(t, 'enter');
    const frame = await waitForFrame(t, (f) => f.includes('enter does not confirm'));
    assert.match(frame, /Reschedule test\/test\?/, 'the dialog stays open');
    assert.equal(fake.runs.length, 0);
    await press(t, 'y');
    await waitForFrame(t, (f) => f.includes('Reschedule progress'));
    assert.deepEqual(fake.runs.map((r) => r.steps.map((s) => s.key)), [['test/test']]);
  });

  test('unknown keys are ignored visibly; none of them reaches the screen below', async () => {
    const fake = fakeActions();
    const t = await inTest(fake);
    await press(t, 'G');
    await press(t, 'r');
    await waitForFrame(t, (f) => f.includes('Reschedule test/test?'));
    const cases: Array<[string, string]> = [
      ['x', 'x does nothing here'],
      ['r', 'r does nothing here'],
      [':', ': does nothing here'],
      ['/', '/ does nothing here'],
      ['q', 'q does nothing here'],
      ['ctrlR', 'ctrl-r does nothing here'],
      ['tab', 'tab does nothing here'],
      ['down', '↓ does nothing here'],
      [' ', 'space does nothing here'],
    ];
    for (const [key, said] of cases) {
      await press(t, key);
      const frame = await waitForFrame(t, (f) => f.includes(said));
      assert.match(frame, /press y to run it, n or esc to cancel/);
      assert.match(frame, /Reschedule test\/test\?/);
    }
    assert.deepEqual(fake.plans, [['test/test']], 'no second plan');
    assert.equal(fake.runs.length, 0);
    assert.equal(t.quits, 0);
    await press(t, 'n');
    await waitForFrame(t, (f) => !f.includes('Reschedule test/test?'));
    assert.equal(fake.runs.length, 0);
  });

  test('a y that arrives with other keys in one chunk does not confirm; r in a chunk opens nothing', async () => {
    const fake = fakeActions();
    const t = await inTest(fake);
    await press(t, 'G');
    await press(t, 'rr');
    await waitForFrame(t, (f) => f.includes('r ignored: it came with other keys at once'));
    assert.deepEqual(fake.plans, []);
    await press(t, 'r');
    await waitForFrame(t, (f) => f.includes('Reschedule test/test?'));
    for (const chunk of ['yy', 'jy', 'hey', 'y\r']) {
      await press(t, 'x');
      await press(t, chunk);
      // The dialog says why the chunk's last key did nothing.
      await waitForFrame(t, (f) => f.includes(chunk.endsWith('\r') ? 'enter does not confirm' : 'y ignored: it came with other keys at once'));
      assert.equal(fake.runs.length, 0, JSON.stringify(chunk));
    }
  });

  test('typed confirmation: enter before the exact name says what is needed; a name and enter in one chunk do not confirm', async () => {
    const fake = fakeActions();
    const t = await inTest(fake);
    await press(t, 'ctrlR');
    await waitForFrame(t, (f) => f.includes('Type test to confirm'));
    await typeText(t, 'tes');
    await press(t, 'enter');
    await waitForFrame(t, (f) => f.includes('type test exactly, then enter'));
    await press(t, 'down');
    await waitForFrame(t, (f) => f.includes('↓ does nothing here: type test, then enter; esc cancels'));
    await press(t, 'backspace');
    await press(t, 'backspace');
    await press(t, 'backspace');
    await press(t, 'test\r');
    await waitForFrame(t, (f) => f.includes('enter ignored: it came with other keys at once'));
    assert.equal(fake.runs.length, 0);
    await press(t, 'enter');
    await waitForFrame(t, (f) => f.includes('Reschedule progress'));
    assert.equal(fake.runs.length, 1);
  });

  test('a dialog still being planned does not open over the prompt typed meanwhile', async () => {
    const fake = fakeActions();
    let gate: Promise<void> | null = null;
    let release = () => {};
    const slow: TuiActions = {
      ...fake.actions,
      permissions: async (namespace) => {
        if (gate) await gate;
        return fake.actions.permissions(namespace);
      },
    };
    const t = await inTest(fake, undefined, slow);
    gate = new Promise((resolve) => (release = resolve));
    await press(t, 'G');
    await press(t, 'r');
    await press(t, ':');
    await press(t, 'y');
    release();
    const frame = await waitForFrame(t, (f) => f.includes('Reschedule not asked: the screen changed while the plan was made'));
    assert.doesNotMatch(frame, /Reschedule test\/test\?/);
    assert.match(promptLine(frame), /^:y /, 'the prompt keeps what was typed');
    await press(t, 'y');
    assert.equal(fake.runs.length, 0);
  });

  test('a paste never confirms and never acts on a screen; in the typed confirmation it is text only', async () => {
    const fake = fakeActions();
    const t = await inTest(fake);
    const paste = (text: string) => press(t, `\u001B[200~${text}\u001B[201~`);
    await press(t, 'G');
    await paste(':crd\rr\ry');
    await waitForFrame(t, (f) => f.includes('pasted text ignored'));
    assertNothingSent(fake, 'paste on the pods view');
    await press(t, 'r');
    await waitForFrame(t, (f) => f.includes('Reschedule test/test?'));
    await paste('y');
    await waitForFrame(t, (f) => f.includes('pasted text does not confirm'));
    assert.equal(fake.runs.length, 0);
    await press(t, 'esc');
    await press(t, 'ctrlR');
    await waitForFrame(t, (f) => f.includes('Type test to confirm'));
    await paste('test\r');
    await waitForFrame(t, (f) => f.includes('> test '));
    assert.equal(fake.runs.length, 0, 'the pasted line break is not an enter');
  });
});

describe('the dialog at every terminal size', () => {
  const sizes = [
    { columns: 40, rows: 10 },
    { columns: 60, rows: 15 },
    { columns: 80, rows: 24 },
  ];
  for (const size of sizes) {
    test(`${size.columns}x${size.rows}: the pod names it acts on and the y/n line are visible`, async () => {
      const fake = fakeActions();
      const t = await inTest(fake, size);
      await press(t, 'G');
      await press(t, 'r');
      let frame = await waitForFrame(t, (f) => f.includes('Reschedule test/test?'));
      const check = (f: string) => {
        const lines = f.split('\n');
        assert.ok(lines.length <= size.rows, `${lines.length} lines:\n${f}`);
        for (const line of lines) assert.ok(line.length <= size.columns, `too wide: ${line}`);
      };
      check(frame);
      assert.match(frame, /y confirm · n\/esc cancel/);
      await press(t, 'enter');
      frame = await waitForFrame(t, (f) => f.includes('enter does not confirm'));
      check(frame);
      assert.match(frame, /test\/test/, `the pod name stays with the hint:\n${frame}`);
      await press(t, 'esc');

      // Three marked pods: the count, as many names as fit, and how many more.
      await press(t, 'g');
      for (let i = 0; i < 3; i++) await press(t, ' ');
      await press(t, 'r');
      frame = await waitForFrame(t, (f) => f.includes('Reschedule 3 pods?'));
      check(frame);
      assert.match(frame, /test\/tea-6b7f9c8d4-aaaaa/);
      const shown = ['test/tea-6b7f9c8d4-aaaaa', 'test/tea-6b7f9c8d4-bbbbb', 'test/test '].filter((k) => frame.includes(k)).length;
      if (shown < 3) assert.match(frame, new RegExp(`… and ${3 - shown} more \\(3 pods in the plan\\)`), frame);
      assert.match(frame, /y confirm · n\/esc cancel/);
      await press(t, 'n');

      // The typed confirmation: the namespace, a pod name, and the input line.
      await press(t, 'ctrlR');
      frame = await waitForFrame(t, (f) => /Type test(,| to confirm)/.test(f));
      check(frame);
      assert.match(frame, /test\/\S+/);
      assert.match(frame, /^\s*│?\s*> /m);
      assert.equal(fake.runs.length, 0);
    });
  }
});
