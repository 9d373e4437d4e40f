// `?` is accurate per screen: the filter's language only where `/` is bound, and the detail's
// `r` says it acts on the pod the detail shows.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { press, renderApp, waitForFrame, type AppHarness } from './helpers.js';
import { fakeActions } from './fake-actions.js';

let tui: AppHarness | null = null;
afterEach(() => {
  tui?.unmount();
  tui = null;
});

test('FILTER is in the help of a list, not in the help of a pod detail', async () => {
  tui = await renderApp({ namespace: 'test', actions: fakeActions().actions }, { rows: 90, columns: 140 });
  await waitForFrame(tui, (f) => f.includes('r reschedule'));
  await press(tui, '?');
  let frame = await waitForFrame(tui, (f) => f.includes('VERDICTS'));
  assert.match(frame, /FILTER/);
  assert.match(frame, /Reschedule the marked pods \(or the selected one\)/);
  await press(tui, 'esc');
  await press(tui, 'enter');
  await waitForFrame(tui, (f) => f.includes('Pod test/test'));
  await press(tui, '?');
  frame = await waitForFrame(tui, (f) => f.includes('VERDICTS'));
  assert.doesNotMatch(frame, /FILTER/);
  assert.match(frame, /Reschedule this pod \(the one the detail shows\)/);
  assert.doesNotMatch(frame, /marked pods/);
});
