// Reading right at any size (80x24, 60x15, 40x10): nothing runs off the screen, the headers are
// never covered, NAMESPACE and the cluster name stay, no two rows read the same; an open dialog
// re-lays out on resize. And `enter` on a profile: the pods it runs and the pods it would capture.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lineWith, press, renderApp, waitForFrame, type AppHarness } from './helpers.js';
import { fakeActions } from './fake-actions.js';

let tui: AppHarness | null = null;
afterEach(() => {
  tui?.unmount();
  tui = null;
});

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 60, rows: 15 },
  { columns: 40, rows: 10 },
] as const;

describe('the pods of all namespaces at small sizes', () => {
  for (const size of SIZES) {
    test(`${size.columns}x${size.rows}: fits, keeps NAMESPACE, NAME and the cluster, headers whole, rows told apart`, async () => {
      tui = await renderApp({ namespace: null }, size);
      await press(tui, 'tab');
      const frame = await waitForFrame(tui, (f) => f.includes('Pods(all)'));
      const lines = frame.split('\n');
      assert.ok(lines.length <= size.rows, `${lines.length} lines`);
      for (const line of lines) assert.ok(line.length <= size.columns, `too wide: "${line}"`);
      assert.match(lines[0]!, /cluster demo/);
      const header = lines.find((l) => /^\s+NAMESPACE\s+NAME/.test(l));
      assert.ok(header, 'NAMESPACE and NAME head the table');
      assert.match(header, /NAME▲/, 'the sort marker is whole');
      assert.doesNotMatch(header, /\d+-\d+\/\d+/, 'no scroll position over the header cells');
      const rows = lines.slice(lines.indexOf(header) + 1, -1).filter((l) => l.trim() !== '');
      assert.ok(rows.length > 0);
      assert.equal(new Set(rows.map((r) => r.trim())).size, rows.length, 'no two rows read the same');
    });
  }

  test('pods with long names sharing a prefix stay apart at 40 columns (cut in the middle)', async () => {
    tui = await renderApp({ namespace: null }, { columns: 40, rows: 10 });
    const { scenePod } = await import('../helpers/scene.js');
    for (const suffix of ['aaaaa', 'bbbbb']) tui.store.upsert('pods', scenePod('batch', `a-very-long-deployment-name-7d9f8c-${suffix}`));
    await press(tui, 'tab');
    const frame = await waitForFrame(tui, (f) => f.includes('Pods(all) [10]'));
    const rows = frame.split('\n').filter((l) => /a-ve/.test(l));
    assert.equal(rows.length, 2, frame);
    assert.notEqual(rows[0]!.trim(), rows[1]!.trim());
    assert.match(rows[0]!, /aaaa\s/, 'the end of the name is kept');
  });
});

describe('a dialog on resize', () => {
  test('the y/n dialog re-lays out to the new width and stays whole', async () => {
    const fake = fakeActions();
    tui = await renderApp({ namespace: 'test', actions: fake.actions }, { columns: 120, rows: 30 });
    await waitForFrame(tui, (f) => f.includes('r reschedule'));
    await press(tui, 'r');
    await waitForFrame(tui, (f) => f.includes('Reschedule test/test?'));
    tui.resize(50, 20);
    const frame = await waitForFrame(tui, (f) => f.split('\n').every((l) => l.length <= 50) && f.includes('Reschedule test/test?'));
    assert.ok(frame.split('\n').length <= 20);
    assert.match(frame, /y\b.*n\b|\by\/n\b|\[y\]/i, 'the answer keys are still shown');
    assert.equal(fake.runs.length, 0, 'a resize confirms nothing');
  });
});

describe('enter on a profile', () => {
  test('lists the pods it runs and the pods it would capture now; enter opens one, esc comes back', async () => {
    tui = await renderApp({ namespace: null }, { columns: 120, rows: 30 });
    await press(tui, 'p');
    let frame = await waitForFrame(tui, (f) => f.includes('Profiles ['));
    const row = frame.split('\n').findIndex((l) => / fp-default /.test(l));
    const first = frame.split('\n').findIndex((l) => /^\s+fp-|^\s+\S+ \(propos/.test(l));
    for (let i = first; i < row; i++) await press(tui, 'j');
    await press(tui, 'enter');
    frame = await waitForFrame(tui, (f) => f.includes('Profile fp-default'));
    assert.match(lineWith(frame, 'web-1'), /runs/);
    assert.match(lineWith(frame, 'web-2'), /runs/);
    await press(tui, 'enter');
    await waitForFrame(tui, (f) => f.includes('Pod default/web-1') || f.includes('Pod default/web-2'));
    await press(tui, 'esc');
    await waitForFrame(tui, (f) => f.includes('Profile fp-default'));
    await press(tui, 'esc');
    await waitForFrame(tui, (f) => f.includes('Profiles ['));
  });

  test('a profile that would capture a pod running elsewhere says so', async () => {
    tui = await renderApp({ namespace: null }, { columns: 120, rows: 30 });
    await press(tui, ':');
    for (const ch of 'profiles') await press(tui, ch);
    await press(tui, 'enter');
    await waitForFrame(tui, (f) => f.includes('Profiles ['));
    await press(tui, '/');
    for (const ch of 'fp-test') await press(tui, ch);
    await press(tui, 'enter');
    await waitForFrame(tui, (f) => f.includes('Profiles [1]'));
    await press(tui, 'enter');
    const frame = await waitForFrame(tui, (f) => f.includes('Profile fp-test'));
    assert.match(lineWith(frame, ' test '), /would capture/);
    await press(tui, 'esc');
    await waitForFrame(tui, (f) => f.includes('Profiles [1]'), 2000);
    await press(tui, 'esc');
    await waitForFrame(tui, (f) => f.includes('Profiles [') && !f.includes('Profiles [1]'), 2000);
  });
});

describe('the cursor follows its pod', () => {
  test('typing a filter that keeps the selected pod keeps the cursor on it; clearing the filter too', async () => {
    tui = await renderApp({ namespace: null }, { columns: 120, rows: 30 });
    await press(tui, 'tab');
    await waitForFrame(tui, (f) => f.includes('Pods(all) [8]'));
    // Down to web-2 (the fourth row).
    for (let i = 0; i < 3; i++) await press(tui, 'j');
    // The selected row: the table row in inverse video (the filter prompt's cursor is inverse too).
    const selectedLine = (t: AppHarness) =>
      t.rawFrame().split('\n').filter((l) => l.includes('\u001B[7m')).map((l) => l.replace(/\u001B\[[0-9;]*m/g, '')).find((l) => /^\s+\S+\s+\S+\s+(Running|Pending|Completed)/.test(l)) ?? '';
    assert.match(selectedLine(tui), /web-2/);
    await press(tui, '/');
    for (const ch of '^web') await press(tui, ch);
    await waitForFrame(tui, (f) => f.includes('/^web'));
    assert.match(selectedLine(tui), /web-2/, 'web-2 is now the second row, and still selected');
    await press(tui, 'enter');
    await press(tui, 'esc');
    await waitForFrame(tui, (f) => f.includes('Pods(all) [8]') && !f.includes('filter:'));
    assert.match(selectedLine(tui), /web-2/, 'back in the full list, still on web-2');
  });
});
