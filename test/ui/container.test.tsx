// The container's seams: UIActions is built once per App (the views and the key routing can hold
// on to it), UIState is a new object only when something in it changed (so the memoised layout is
// not drawn again for nothing), the text screens' lines are remembered per App, never shared, and
// the command handlers run on a plain UIState. Probes sit inside the container next to the real
// layout and count what they are handed.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { memo } from 'react';
import { App } from '../../source/ui/app/App.js';
import { useUIActions, useUIState, type UIActions, type UIState } from '../../source/ui/app/contexts.js';
import { fakeActions } from './fake-actions.js';
import { NOW, scenePod as pod } from '../helpers/scene.js';
import { press, renderApp, tick, waitForFrame, type AppHarness } from './helpers.js';
import { renderView, SCREEN, uiState } from './component-harness.js';
import { PodDetailView } from '../../source/ui/views/PodDetailView.js';
import { COMMAND_HANDLERS, type CommandActions } from '../../source/ui/app/command-handlers.js';
import type { NavAction } from '../../source/ui/state/navigation.js';

let tui: AppHarness | null = null;
afterEach(() => {
  tui?.unmount();
  tui = null;
});

/** The real layout plus two probes that record every UIActions and UIState they are handed. */
function probed() {
  const seen = { actions: [] as UIActions[], states: [] as UIState[] };
  const ActionsProbe = memo(function ActionsProbe() {
    seen.actions.push(useUIActions());
    return null;
  });
  const StateProbe = memo(function StateProbe() {
    seen.states.push(useUIState());
    return null;
  });
  const children = (
    <>
      <App />
      <ActionsProbe />
      <StateProbe />
    </>
  );
  return { seen, children };
}

describe('the container', () => {
  test('UIActions is one object for the whole session: watch events, keys, resizes, permissions and a run change none of it', async () => {
    const fake = fakeActions();
    const { seen, children } = probed();
    const t = (tui = await renderApp({ namespace: 'test', actions: fake.actions, children }, { columns: 120, rows: 40 }));
    await waitForFrame(t, (f) => f.includes('r reschedule'));
    t.store.upsert('pods', pod('test', 'tea-1', { labels: { app: 'tea' }, owner: { kind: 'ReplicaSet', name: 'tea' }, createdAt: NOW - 3_600_000 }));
    await waitForFrame(t, (f) => f.includes('Pods(test) [2]'));
    for (const key of ['j', 'k', '/', 't', 'esc', '?', 'esc', 'p', 'esc']) await press(t, key);
    t.resize(100, 30);
    await waitForFrame(t, (f) => f.split('\n').length <= 30);
    await press(t, 'G');
    await press(t, 'r');
    await waitForFrame(t, (f) => f.includes('Reschedule test/test?'));
    await press(t, 'y');
    fake.runs[0]!.emit(0, 'delete', 'deleting it');
    await waitForFrame(t, (f) => f.includes('deleting it'));

    assert.ok(seen.states.length > 10, `the state changed along the way (${seen.states.length} states)`);
    assert.equal(seen.actions.length, 1, 'the actions probe was handed one UIActions, once');
  });

  test('UIState is memoised: a resize to the same size hands the layout nothing new; a real one does', async () => {
    const { seen, children } = probed();
    const t = (tui = await renderApp({ children }, { columns: 120, rows: 30 }));
    await waitForFrame(t, (f) => f.includes('Namespaces ['));
    await tick();
    const before = seen.states.length;
    // A terminal may send resize events without a change (tmux on attach, a pane switch).
    t.resize(120, 30);
    await tick();
    t.resize(120, 30);
    await tick();
    assert.equal(seen.states.length, before, 'no new UIState for an unchanged size');
    t.resize(100, 30);
    await tick();
    assert.equal(seen.states.at(-1)?.layout.columns, 100);
    assert.equal(seen.states.length, before + 1);
  });

  test('a watch event hands the layout one new UIState', async () => {
    const { seen, children } = probed();
    const t = (tui = await renderApp({ namespace: 'test', children }, { columns: 120, rows: 30 }));
    await waitForFrame(t, (f) => f.includes('Pods(test) [1]'));
    await tick();
    const before = seen.states.length;
    t.store.upsert('pods', pod('test', 'tea-1'));
    await waitForFrame(t, (f) => f.includes('Pods(test) [2]'));
    await tick();
    assert.equal(seen.states.length, before + 1);
  });
});

describe('text screen lines', () => {
  test('are remembered per App: two Apps over the same view each get their own detail', () => {
    // Same pod, view, width, theme and minute; only --read-only differs (not part of the memo's
    // key, since it never changes within one App). A cache shared between Apps would hand the
    // second App the first one's lines.
    const writable = uiState({ rows: 90 });
    const readOnly: UIState = { ...uiState({ rows: 90, readOnly: true }), view: writable.view, reschedule: writable.reschedule };
    assert.doesNotMatch(renderView(<PodDetailView screen={{ kind: 'detail', podKey: 'test/test', scroll: 0 }} />, writable).frame(), /--read-only/);
    assert.match(renderView(<PodDetailView screen={{ kind: 'detail', podKey: 'test/test', scroll: 0 }} />, readOnly).frame(), /--read-only: the reschedule keys are off/);
  });

  test('within one App, the same inputs give the same lines (the key handler and the renderer share them)', () => {
    const state = uiState();
    const lines = state.textLines.detail(state, 'test/test');
    assert.equal(state.textLines.detail({ ...state, now: state.now + 1000 }, 'test/test'), lines, 'ages only need the minute');
    assert.notEqual(state.textLines.detail({ ...state, now: state.now + 60_000 }, 'test/test'), lines);
    assert.notEqual(state.textLines.detail({ ...state, layout: { ...state.layout, columns: 80 } }, 'test/test'), lines);
  });
});

describe('command handlers (no ink: a UIState in, calls on UIActions out)', () => {
  function recorder() {
    const calls: Array<NavAction | [string, ...unknown[]]> = [];
    const actions: CommandActions = {
      dispatch: (action) => void calls.push(action),
      notice: (text, level) => void calls.push(['notice', text, level]),
      tell: (why) => void calls.push(['tell', why]),
      quit: () => void calls.push(['quit']),
      rereadProfiles: () => void calls.push(['rereadProfiles']),
      askReschedule: async (podKeys, expected) => void calls.push(['askReschedule', podKeys, expected]),
      confirmDialog: () => void calls.push(['confirmDialog']),
      cycleStrategy: async () => void calls.push(['cycleStrategy']),
      runPrompt: () => void calls.push(['runPrompt']),
      completePrompt: () => void calls.push(['completePrompt']),
      switchContext: (name) => void calls.push(['switchContext', name]),
      copy: (text) => void calls.push(['copy', text]),
      askProfileDelete: async (name) => void calls.push(['askProfileDelete', name]),
      openProfileForm: (draft) => void calls.push(['openProfileForm', draft]),
      submitProfileForm: async () => void calls.push(['submitProfileForm']),
      exportProfile: (name, format, inPlace) => void calls.push(['exportProfile', name, format, inPlace]),
    };
    return { calls, actions };
  }

  test('enter on the namespaces list opens the selected namespace', () => {
    const { calls, actions } = recorder();
    COMMAND_HANDLERS['view.open'](uiState(), actions);
    assert.deepEqual(calls, [{ type: 'openNamespace', namespace: 'batch' }], 'the first row');
  });

  test('a navigation key on a text screen scrolls by that screen\'s own line count', () => {
    const { calls, actions } = recorder();
    const state = uiState({ rows: 20, nav: { stack: [SCREEN.pods(), SCREEN.help()] } });
    COMMAND_HANDLERS['nav.pageDown'](state, actions);
    assert.deepEqual(calls, [{ type: 'scroll', move: 'pageDown', page: state.layout.bodyHeight, lines: state.textLines.help(state).length }]);
  });

  test('r on a pod detail asks for that pod; ctrl-r without a namespace says why and asks nothing', () => {
    const { calls, actions } = recorder();
    COMMAND_HANDLERS['pod.reschedule'](uiState({ nav: { stack: [SCREEN.pods(), SCREEN.detail('test/test')] } }), actions);
    COMMAND_HANDLERS['ns.rescheduleAll'](uiState(), actions);
    assert.deepEqual(calls, [
      ['askReschedule', ['test/test'], null],
      ['notice', 'ctrl-r works on one namespace: open one first (enter on the namespaces view)', 'error'],
    ]);
  });

  test('enter in the typed confirmation before the name is typed says so and confirms nothing', () => {
    const { calls, actions } = recorder();
    const modal = { kind: 'typed-confirm' as const, podKeys: ['test/test'], steps: [], expected: 'test', typed: 'tes' };
    COMMAND_HANDLERS['dialog.typedConfirm'](uiState({ nav: { modal } }), actions);
    assert.deepEqual(calls, [['tell', 'type test exactly, then enter; esc cancels']]);
  });
});
