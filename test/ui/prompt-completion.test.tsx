// The `:` prompt as a k9s user types it: tab completes a command and a namespace (several
// candidates: completed as far as they agree, and listed), ↑/↓ recall the commands run,
// `:pods NS` jumps to a namespace's pods and `esc` comes back.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { press, renderApp, type as typeText, waitForFrame, type AppHarness } from './helpers.js';

let tui: AppHarness | null = null;
afterEach(() => {
  tui?.unmount();
  tui = null;
});

/** The prompt line (the title line, under the status bar). */
const promptLine = (frame: string) => frame.split('\n').find((l) => l.startsWith(':')) ?? '';

describe(': completion', () => {
  test('tab completes the command, then the namespace', async () => {
    tui = await renderApp({}, { columns: 120 });
    await press(tui, ':');
    await typeText(tui, 'po');
    await press(tui, 'tab');
    await waitForFrame(tui, (f) => promptLine(f).startsWith(':pods '));
    await typeText(tui, 'te');
    await press(tui, 'tab');
    await waitForFrame(tui, (f) => promptLine(f).startsWith(':pods test'));
    await press(tui, 'enter');
    await waitForFrame(tui, (f) => f.includes('Pods(test)'));
    await press(tui, 'esc');
    await waitForFrame(tui, (f) => f.includes('Namespaces ['));
  });

  test('several candidates: completed as far as they agree, and listed', async () => {
    tui = await renderApp({}, { columns: 120 });
    await press(tui, ':');
    // default, test, prod, batch, kube-system: "pods " alone lists them all with "all".
    await typeText(tui, 'pods ');
    await press(tui, 'tab');
    const frame = await waitForFrame(tui, (f) => /batch/.test(promptLine(f)) && /kube-system/.test(promptLine(f)));
    assert.match(promptLine(frame), /all/);
  });
});

describe(': history', () => {
  test('↑ recalls the commands run, newest first; ↓ past the newest gives back what was typed', async () => {
    tui = await renderApp({}, { columns: 120 });
    for (const line of ['pods test', 'profiles']) {
      await press(tui, ':');
      await typeText(tui, line);
      await press(tui, 'enter');
    }
    await waitForFrame(tui, (f) => f.includes('Profiles ['));
    await press(tui, ':');
    await typeText(tui, 'n');
    await press(tui, 'up');
    await waitForFrame(tui, (f) => promptLine(f).startsWith(':profiles'));
    await press(tui, 'up');
    await waitForFrame(tui, (f) => promptLine(f).startsWith(':pods test'));
    await press(tui, 'down');
    await waitForFrame(tui, (f) => promptLine(f).startsWith(':profiles'));
    await press(tui, 'down');
    const frame = await waitForFrame(tui, (f) => /^:n\b/.test(promptLine(f)));
    assert.equal(promptLine(frame).split(/\s{2,}/)[0], ':n', 'the typed text, before the hint');
  });
});
