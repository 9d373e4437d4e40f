// Driving the TUI with keys: navigation, views, filter, sort, help from the keymap, read-only,
// resize, selection that follows the pod, live updates without a key press.
import { lineWith, press, renderApp, selectedLine, type as typeText, waitForFrame, type AppHarness } from './helpers.js';
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KEYMAP, keyLabels } from '../../source/ui/keymap.js';
import { NOW, scenePod } from '../helpers/scene.js';
import { fakeActions } from './fake-actions.js';

let tui: AppHarness | null = null;
afterEach(() => {
  tui?.unmount();
  tui = null;
});

/** Pod names in the order shown (second column in the all-namespaces pods view). */
function podNames(frame: string): string[] {
  const lines = frame.split('\n');
  const header = lines.findIndex((l) => /^\s+NAMESPACE\s+NAME/.test(l));
  const rows = lines.slice(header + 1);
  const end = rows.findIndex((l) => l.trim() === '');
  return rows.slice(0, end < 0 ? undefined : end).map((l) => l.trim().split(/\s+/)[1] ?? '');
}

async function podsOfAll(options: Parameters<typeof renderApp>[1] = {}): Promise<AppHarness> {
  tui = await renderApp({ namespace: null }, options);
  await press(tui, 'tab');
  await waitForFrame(tui, (f) => f.includes('Pods(all)'));
  return tui;
}

describe('moving', () => {
  test('j/k, arrows, g/G move the selection', async () => {
    const t = await podsOfAll();
    assert.match(selectedLine(t), /backup-29001/);
    await press(t, 'j');
    assert.match(selectedLine(t), /worker/);
    await press(t, 'down');
    assert.match(selectedLine(t), /web-1/);
    await press(t, 'k');
    await press(t, 'up');
    assert.match(selectedLine(t), /backup-29001/);
    await press(t, 'G');
    assert.match(selectedLine(t), / test /);
    await press(t, 'g');
    assert.match(selectedLine(t), /backup-29001/);
  });

  test("a chunk of keys ('jjj', as tmux may send it) moves three rows", async () => {
    const t = await podsOfAll();
    await press(t, 'jjj');
    assert.match(selectedLine(t), /web-2/);
  });

  test('page down / ctrl-f and page up / ctrl-b move by a screen; only visible rows are drawn', async () => {
    tui = await renderApp({ namespace: 'many' }, { rows: 24 });
    for (let i = 0; i < 200; i++) tui.store.upsert('pods', scenePod('many', `p-${String(i).padStart(3, '0')}`));
    await waitForFrame(tui, (f) => f.includes('p-000'));
    assert.equal(tui.frame().split('\n').length <= 24, true);
    assert.doesNotMatch(tui.frame(), /p-100/);
    await press(tui, 'pageDown');
    assert.match(selectedLine(tui), /p-018/);
    await press(tui, 'ctrlF');
    assert.match(selectedLine(tui), /p-036/);
    await press(tui, 'ctrlB');
    await press(tui, 'pageUp');
    assert.match(selectedLine(tui), /p-000/);
    await press(tui, 'G');
    assert.match(selectedLine(tui), /p-199/);
    assert.match(tui.frame(), /183-200\/200/);
  });
});

describe('views', () => {
  test('enter on a namespace shows its pods, esc goes back, 0 shows all namespaces', async () => {
    tui = await renderApp();
    for (let i = 0; i < 4; i++) await press(tui, 'j');
    assert.match(selectedLine(tui), / test /);
    await press(tui, 'enter');
    const frame = await waitForFrame(tui, (f) => f.includes('Pods(test) [1]'));
    assert.match(lineWith(frame, '  test '), /test\s+Running\s+EC2\s+<none>\s+fp-test\s+reschedule\s+created before profile fp-t/);
    await press(tui, 'esc');
    await waitForFrame(tui, (f) => f.includes('Namespaces ['));
    assert.match(selectedLine(tui), / test /);
    await press(tui, '0');
    await waitForFrame(tui, (f) => f.includes('Pods(all) [8]'));
  });

  test('tab cycles namespaces → pods → profiles → namespaces', async () => {
    tui = await renderApp();
    const titles: string[] = [];
    for (let i = 0; i < 3; i++) {
      await press(tui, 'tab');
      titles.push(tui.frame().split('\n')[3]?.split(' ')[0] ?? '');
    }
    assert.deepEqual(titles, ['Pods(all)', 'Profiles', 'Namespaces']);
  });

  test('shift+letter sorts by a column (▲ in its header), the same key again reverses it (▼)', async () => {
    const t = await podsOfAll();
    assert.deepEqual(podNames(t.frame()).slice(0, 2), ['backup-29001', 'worker']);
    assert.match(t.frame(), /NAME▲/, 'the default order is marked too');
    await press(t, 'A');
    let frame = await waitForFrame(t, (f) => podNames(f)[0] === 'web-2');
    assert.doesNotMatch(frame, /NAME▲/);
    await press(t, 'V');
    frame = await waitForFrame(t, (f) => f.includes('VERDICT▲'));
    assert.deepEqual(podNames(frame).slice(0, 2), ['test', 'priv'], 'most actionable first');
    await press(t, 'V');
    frame = await waitForFrame(t, (f) => f.includes('VERDICT▼'));
    assert.deepEqual(podNames(frame).slice(-2), ['priv', 'test'], 'reversed');
    await press(t, 'N');
    frame = await waitForFrame(t, (f) => f.includes('NAME▲'));
    assert.deepEqual(podNames(frame).slice(0, 2), ['backup-29001', 'worker']);
  });

  test('f (or ctrl-z) shows only pods needing reschedule', async () => {
    const t = await podsOfAll();
    await press(t, 'f');
    const frame = await waitForFrame(t, (f) => f.includes('only needing reschedule'));
    assert.deepEqual(podNames(frame), ['test']);
  });

  test('R re-reads the profiles now', async () => {
    tui = await renderApp();
    await press(tui, 'R');
    assert.equal(tui.refreshes, 1);
    await waitForFrame(tui, (f) => f.includes('Re-reading Fargate profiles'));
  });

  test('q quits', async () => {
    tui = await renderApp();
    await press(tui, 'q');
    assert.equal(tui.quits, 1);
  });
});

describe('filter', () => {
  const cases = [
    { typed: 'web', shown: ['web-1', 'web-2'], rule: 'name substring' },
    { typed: '!^web', shown: ['backup-29001', 'worker', 'coredns-1', 'api-0', 'priv', 'test'], rule: '!x inverse' },
    { typed: '^(api|priv)', shown: ['api-0', 'priv'], rule: 'a regular expression' },
    { typed: '^reschedule$', shown: ['test'], rule: 'any column: the verdict' },
    { typed: 'fp-prod', shown: ['api-0', 'priv'], rule: 'any column: the profiles' },
    { typed: '-l app=test', shown: ['test'], rule: '-l key=value labels' },
  ];
  for (const c of cases) {
    test(`/${c.typed}: ${c.rule}`, async () => {
      const t = await podsOfAll();
      await press(t, '/');
      await typeText(t, c.typed);
      // Applied live while typing ...
      await waitForFrame(t, (f) => f.includes(`/${c.typed}`));
      assert.deepEqual(podNames(t.frame()), c.shown);
      await press(t, 'enter');
      // ... and kept after enter, shown in the title.
      const frame = await waitForFrame(t, (f) => f.includes('filter:'));
      assert.deepEqual(podNames(frame), c.shown);
      await press(t, 'esc');
      await waitForFrame(t, (f) => f.includes('Pods(all) [8]'));
    });
  }

  test('a chunk typed into the filter goes to the filter, not to the keymap', async () => {
    const t = await podsOfAll();
    await press(t, '/');
    await press(t, 'qj');
    await waitForFrame(t, (f) => f.includes('/qj'));
    assert.equal(t.quits, 0);
  });

  test('an unreadable -l is shown as an error and hides nothing', async () => {
    const t = await podsOfAll();
    await press(t, '/');
    await typeText(t, '-l a b');
    const frame = await waitForFrame(t, (f) => f.includes('invalid filter'));
    assert.equal(podNames(frame).length, 8);
  });
});

describe('help and the keymap', () => {
  test('? lists every key bound on the current view, drawn from the keymap', async () => {
    const t = await podsOfAll({ rows: 60 });
    await press(t, '?');
    const frame = await waitForFrame(t, (f) => f.includes('Keys for the pods view'));
    for (const b of KEYMAP.filter((b) => b.screens.includes('pods') && !b.requires)) {
      assert.match(lineWith(frame, b.description), new RegExp(`^\\s+${keyLabels(b).replace(/[?/]/g, '\\$&')}\\s`), b.command);
    }
    await press(t, '?');
    await waitForFrame(t, (f) => f.includes('Pods(all)'));
  });

  test('the footer shows the short hints of the current view', async () => {
    const t = await podsOfAll();
    const footer = t.frame().split('\n').at(-1) ?? '';
    assert.equal(footer, 'enter open  esc back  tab view  / filter  f drift  ? help  q quit');
  });

  test('--read-only: no reschedule key in help, and r does nothing', async () => {
    const fake = fakeActions();
    tui = await renderApp({ namespace: 'test', readOnly: true, actions: fake.actions }, { rows: 60 });
    await press(tui, '?');
    const frame = await waitForFrame(tui, (f) => f.includes('Keys for the pods view'));
    assert.match(frame, /read-only/);
    assert.doesNotMatch(frame, /ctrl-r|Reschedule the marked|space\s+Mark/);
    await press(tui, '?');
    await press(tui, 'r');
    assert.doesNotMatch(tui.frame(), /Reschedule test/);
    assert.deepEqual(fake.plans, []);
  });

  test('without --read-only the reschedule keys ask first, and the typed confirmation must match', async () => {
    const fake = fakeActions();
    tui = await renderApp({ namespace: 'test', actions: fake.actions }, { rows: 60 });
    await press(tui, '?');
    assert.match(await waitForFrame(tui, (f) => f.includes('ctrl-r')), /r\s+Reschedule the marked pods \(or the selected one\)\s+\(asks first\)/);
    await press(tui, '?');
    await press(tui, 'r');
    await waitForFrame(tui, (f) => f.includes('Reschedule test/test?'));
    await press(tui, 'n');
    assert.equal(fake.runs.length, 0);
    await press(tui, 'ctrlR');
    await waitForFrame(tui, (f) => f.includes('Type test to confirm'));
    await typeText(tui, 'tes');
    await press(tui, 'enter');
    assert.equal(fake.runs.length, 0, 'a partial name does not confirm');
    await typeText(tui, 't');
    await press(tui, 'enter');
    assert.deepEqual(fake.runs.map((r) => r.steps.map((s) => s.key)), [['test/test']]);
  });
});

describe('layout', () => {
  test('resizing from wide to 80x24 drops low-priority columns and never overflows', async () => {
    const t = await podsOfAll({ columns: 170, rows: 30 });
    assert.match(t.frame(), /CURRENT.*SIZE/);
    t.resize(80, 24);
    const frame = await waitForFrame(t, (f) => !f.includes('CURRENT'));
    const lines = frame.split('\n');
    assert.ok(lines.length <= 24, `${lines.length} lines`);
    for (const line of lines) assert.ok(line.length <= 80, line);
    // All namespaces at 80 columns: namespace, name, node, expected profile and verdict stay.
    assert.match(lineWith(frame, ' test '), /^\s+test\s+test\s+EC2\s+fp-test\s+reschedule$/);
    assert.doesNotMatch(frame, /REASON|SIZE|STATUS|CURRENT/);
  });
});

describe('live updates', () => {
  test('a new pod appears without a key press and is briefly marked as changed', async () => {
    tui = await renderApp({ namespace: 'test' });
    tui.store.upsert('pods', scenePod('test', 'fresh', { labels: { app: 'test' }, createdAt: NOW }));
    const frame = await waitForFrame(tui, (f) => f.includes('fresh'));
    assert.match(lineWith(frame, 'fresh'), /^• fresh/);
    assert.match(lineWith(frame, ' test '), /^ {2}test/);
  });

  test('the selection stays on the same pod when rows move above it', async () => {
    const t = await podsOfAll();
    await press(t, 'G');
    assert.match(selectedLine(t), / test /);
    for (const ns of ['aaa', 'bbb', 'ccc']) t.store.upsert('pods', scenePod(ns, `${ns}-pod`));
    await waitForFrame(t, (f) => f.includes('ccc-pod'));
    assert.match(selectedLine(t), / test /);
    t.store.remove('pods', 'default/web-1');
    await waitForFrame(t, (f) => !f.includes('web-1'));
    assert.match(selectedLine(t), / test /);
  });

  test('a deleted profile changes verdicts on screen without a key press', async () => {
    tui = await renderApp({ namespace: 'default' });
    assert.match(lineWith(tui.frame(), 'web-1'), /Fargate\s+fp-default\s+fp-default\s+ok/);
    const snapshot = tui.store.getSnapshot();
    tui.store.setLiveProfiles(snapshot.profiles.filter((p) => p.name !== 'fp-default'), snapshot.profilesStatus);
    const frame = await waitForFrame(tui, (f) => /web-1.*reschedule/.test(f));
    assert.match(lineWith(frame, 'web-1'), /Fargate\s+fp-default\s+EC2\s+reschedule/);
  });
});
