import { Box, Text, useApp, useInput, usePaste, type Key } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SnapshotFeed } from '../../view-model/cluster-view-model.js';
import { useClusterView } from '../hooks/useClusterView.js';
import { useNavState } from '../hooks/useNavState.js';
import { permissionKey, usePodPermissions } from '../hooks/usePodPermissions.js';
import { useRescheduleRun } from '../hooks/useRescheduleRun.js';
import { useTerminalSize } from '../hooks/useTerminalSize.js';
import { useTick } from '../hooks/useTick.js';
import { activeBindings, KEYMAP, type Binding, type Capability, type Command, type KeyPress } from '../keymap.js';
import { runCommandLine } from '../state/commands.js';
import { cancelIn, eraseIn, focusOf, pasteIntent, routeKey, tellAction, typeInto, type KeyIntent } from '../state/key-routing.js';
import { currentList, initialNavState, topScreen, type Move, type NavAction, type NavState, type Screen } from '../state/navigation.js';
import { mayReschedule, missingPermissions, withPermissions } from '../state/reschedule-plan.js';
import { outcomeText, runCounts } from '../state/run-progress.js';
import { createRowSelectors } from '../state/rows.js';
import { themeFor } from '../theme.js';
import type { PodPermissions, TuiActions } from '../tui-actions.js';
import { ConfirmDialog } from '../views/ConfirmDialog.js';
import { detailLinesFor, helpLinesFor } from '../views/detail-lines-for.js';
import { FilterBar } from '../views/FilterBar.js';
import { Footer } from '../views/Footer.js';
import { HelpView } from '../views/HelpView.js';
import { NamespacesView } from '../views/NamespacesView.js';
import { PodDetailView } from '../views/PodDetailView.js';
import { PodsView } from '../views/PodsView.js';
import { ProfilesView } from '../views/ProfilesView.js';
import { ProgressView, progressLinesFor } from '../views/ProgressView.js';
import { StatusBar } from '../views/StatusBar.js';
import { toKeyPresses } from './key-press.js';
import { listRows, podRows } from './list-rows.js';
import { UIActionsContext, UIStateContext, type UIActions, type UIState } from './contexts.js';

export interface AppProps {
  store: SnapshotFeed;
  refreshProfiles: () => void;
  readOnly: boolean;
  /** null = all namespaces. */
  namespace: string | null;
  labelSelector?: string;
  noColor: boolean;
  /** Defaults to KEYMAP; tests pass variants. */
  keymap?: readonly Binding[];
  /**
   * Plan, start and permission checks for rescheduling (built by the host). Without it, or with
   * --read-only, the reschedule keys are not bound at all.
   */
  actions?: TuiActions;
  onQuit?: () => void;
  /** Hands the host the app's quit (signals quit like `q`: a run in flight is finished first). */
  registerQuit?: (quit: () => void) => void;
  /** The clock for ages and "updated 3s ago" (tests pin it). */
  clock?: () => number;
}

/** Status bar (3) + title/filter line (1) + footer (1). */
const CHROME_LINES = 5;

const MOVES: Partial<Record<Command, Move>> = {
  'nav.up': 'up',
  'nav.down': 'down',
  'nav.top': 'top',
  'nav.bottom': 'bottom',
  'nav.pageUp': 'pageUp',
  'nav.pageDown': 'pageDown',
};

/** The screen whose pods the reschedule keys act on: help and progress sit on top of it. */
function baseScreen(stack: readonly Screen[]): Screen | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const screen = stack[i]!;
    if (screen.kind !== 'help' && screen.kind !== 'progress') return screen;
  }
  return undefined;
}

const namespaceOfKey = (podKey: string): string => podKey.slice(0, Math.max(0, podKey.indexOf('/')));

/** Owns all UI state; views read it from UIStateContext and act through UIActionsContext. */
export function App(props: AppProps) {
  const { store, readOnly, noColor } = props;
  // --read-only offers no action at all: no permission check, no key, no run.
  const tui = readOnly ? null : (props.actions ?? null);
  const { exit } = useApp();
  const { view } = useClusterView(store);
  const size = useTerminalSize();
  const now = useTick(1000, props.clock);
  const [nav, dispatch, readNav] = useNavState(() => initialNavState({ namespace: props.namespace, labelSelector: props.labelSelector }));
  const selectors = useRef(createRowSelectors()).current;
  const theme = themeFor(noColor);
  const keymap = props.keymap ?? KEYMAP;
  const runner = useRescheduleRun(tui);
  const [quitting, setQuitting] = useState(false);
  const quittingRef = useRef(false);
  const planning = useRef(false);

  // Permissions are asked for the namespace on screen (a pod's own in its detail).
  const base = baseScreen(nav.stack);
  const scope: string | null | undefined = !tui ? undefined : base?.kind === 'detail' ? namespaceOfKey(base.podKey) : nav.namespace;
  const permissions = usePodPermissions(tui, scope);
  const scopePermissions = scope === undefined ? undefined : permissions.known.get(permissionKey(scope));
  const detailPod = base?.kind === 'detail' ? view.pods.find((p) => p.key === base.podKey) : undefined;
  let allowed = false;
  if (scopePermissions) {
    // In a detail, the pod's own method decides (a bare pod needs delete + create, others eviction).
    allowed = detailPod ? missingPermissions(scopePermissions, detailPod.pod.owner === null ? 'recreate' : 'evict').length === 0 : mayReschedule(scopePermissions);
  }
  const hasRun = runner.run !== null;
  const capabilityKey = `${allowed ? 'reschedule' : ''},${hasRun ? 'run' : ''}`;
  const bindings = useMemo(() => {
    const capabilities = new Set<Capability>();
    if (allowed) capabilities.add('reschedule');
    if (hasRun) capabilities.add('run');
    return activeBindings(keymap, { readOnly, capabilities });
    // capabilityKey stands for `allowed` and `hasRun`: rebuilt only when the bound keys change.
  }, [keymap, readOnly, capabilityKey]);
  const layout = { columns: size.columns, rows: size.rows, bodyHeight: Math.max(3, size.rows - CHROME_LINES) };
  const access = useMemo(() => ({ offered: tui !== null, permissions: permissions.known }), [tui, permissions.known]);

  const stateFor = (navState: NavState): UIState => ({
    nav: navState,
    view,
    theme,
    layout,
    now,
    bindings,
    selectors,
    readOnly,
    run: runner.run,
    quitting,
    reschedule: access,
  });
  const uiState = stateFor(nav);
  const clock = props.clock ?? Date.now;
  const notice = (text: string, level: 'info' | 'error' = 'info') => dispatch({ type: 'notice', notice: { text, level, at: clock() } });

  const { onQuit } = props;
  const { busy: runBusy, finish: finishRun } = runner;
  const quit = useCallback(() => {
    if (quittingRef.current) return;
    if (!runBusy()) {
      onQuit?.();
      exit();
      return;
    }
    // Never leave a bare pod deleted: the pod in flight is finished (or re-created) first.
    quittingRef.current = true;
    setQuitting(true);
    void finishRun().then(() => {
      onQuit?.();
      exit();
    });
  }, [exit, onQuit, runBusy, finishRun]);

  useEffect(() => props.registerQuit?.(quit), [props.registerQuit, quit]);

  const actions: UIActions = useMemo(() => ({ dispatch, quit, refreshProfiles: props.refreshProfiles, reschedule: tui }), [dispatch, quit, props.refreshProfiles, tui]);

  // Say when a run ends, wherever the user is.
  const finished = runner.run?.finished ?? false;
  useEffect(() => {
    if (!finished || !runner.run) return;
    const counts = runCounts(runner.run);
    const ok = counts.succeeded === counts.total;
    notice(`Reschedule finished: ${outcomeText(counts)}${ok ? '' : ' (w shows why)'}`, ok ? 'info' : 'error');
    // Once per run: when `finished` flips, not on every snapshot.
  }, [finished]);

  const busyNotice = () => {
    const counts = runner.run ? runCounts(runner.run) : null;
    notice(`A reschedule is already running${counts ? ` (${Math.min(counts.total, counts.done + 1)}/${counts.total})` : ''}: one at a time. Press w to watch it.`, 'error');
  };

  /** Plan, fold in the permissions of every namespace involved, and ask (typed when `expected`). */
  async function openPlan(podKeys: string[], expected: string | null): Promise<void> {
    if (!tui) return;
    if (runner.busy()) return busyNotice();
    if (planning.current) return;
    planning.current = true;
    const asked = readNav();
    try {
      const raw = tui.plan(view.pods, podKeys);
      const namespaces = [...new Set(raw.filter((s) => s.method !== 'refuse').map((s) => s.pod.namespace))];
      const answers = new Map<string, PodPermissions>();
      for (const ns of namespaces) {
        const answer = await permissions.ensure(ns);
        if (answer) answers.set(ns, answer);
      }
      const steps = withPermissions(raw, (ns) => answers.get(ns));
      if (steps.every((step) => step.method === 'refuse')) {
        const first = steps[0];
        return notice(first ? `Nothing to reschedule: ${first.key}: ${first.reason}` : 'Nothing to reschedule.', 'error');
      }
      // Keys typed while the plan was made went elsewhere (a prompt, another screen): a dialog
      // popping up now would take the next key meant for that, so it is not opened.
      const now = readNav();
      if (now.modal) return;
      if (focusOf(now) !== focusOf(asked) || now.stack !== asked.stack) return notice('Reschedule not asked: the screen changed while the plan was made; press r again.', 'error');
      const base = { podKeys, steps, backupDir: tui.backupDir };
      dispatch({ type: 'openModal', modal: expected === null ? { kind: 'confirm', ...base } : { kind: 'typed-confirm', ...base, expected, typed: '' } });
    } finally {
      planning.current = false;
    }
  }

  function run(command: Command, s: NavState): void {
    const screen = topScreen(s);
    const list = currentList(s);
    const move = MOVES[command];
    if (move) {
      if (list) {
        dispatch({ type: 'move', list, rows: listRows(list, view, s, selectors).keys, move, page: layout.bodyHeight - 1 });
      } else {
        const state = stateFor(s);
        const lines = screen.kind === 'detail' ? detailLinesFor(state, screen.podKey) : screen.kind === 'progress' ? progressLinesFor(state) : helpLinesFor(state);
        dispatch({ type: 'scroll', move, page: layout.bodyHeight, lines: lines.length });
      }
      return;
    }
    switch (command) {
      case 'view.open': {
        if (!list) return;
        const { keys, cursor } = listRows(list, view, s, selectors);
        const key = keys.keyAt(cursor);
        if (key === undefined) return;
        if (list === 'namespaces') dispatch({ type: 'openNamespace', namespace: key });
        else if (list === 'pods') dispatch({ type: 'openPod', podKey: key });
        return;
      }
      case 'view.back':
        return dispatch({ type: 'back' });
      case 'view.next':
        return dispatch({ type: 'nextView' });
      case 'view.profiles':
        return dispatch({ type: 'showProfiles' });
      case 'ns.all':
        return dispatch({ type: 'allNamespaces' });
      case 'filter.start':
        return dispatch({ type: 'filterStart' });
      case 'sort.cycle':
        return dispatch({ type: 'cycleSort' });
      case 'pods.onlyReschedule':
        return dispatch({ type: 'toggleOnlyReschedule' });
      case 'mark.toggle': {
        const { keys, cursor } = podRows(view, s, selectors);
        const key = keys.keyAt(cursor);
        if (key === undefined) return;
        dispatch({ type: 'toggleMark', key });
        dispatch({ type: 'move', list: 'pods', rows: keys, move: 'down', page: 1 });
        return;
      }
      case 'pod.reschedule': {
        const podKeys = screen.kind === 'detail' ? [screen.podKey] : selectedOrMarked(s);
        if (podKeys.length === 0) return;
        return void openPlan(podKeys, null);
      }
      case 'ns.rescheduleAll': {
        if (s.namespace === null) return notice('ctrl-r works on one namespace: open one first (enter on the namespaces view)', 'error');
        const podKeys = (view.byNamespace.get(s.namespace) ?? []).filter((p) => p.placement.needsReschedule).map((p) => p.key);
        if (podKeys.length === 0) return notice(`No pod in ${s.namespace} needs a reschedule.`);
        return void openPlan(podKeys, s.namespace);
      }
      case 'run.show':
        return dispatch({ type: 'showProgress' });
      case 'profiles.refresh':
        props.refreshProfiles();
        return notice('Re-reading Fargate profiles…');
      case 'help.toggle':
        return dispatch({ type: 'toggleHelp' });
      case 'app.quit':
        return quit();
      case 'prompt.open':
        return dispatch({ type: 'promptStart' });
      case 'prompt.run':
        return runPrompt(s);
      case 'filter.apply':
        return dispatch({ type: 'filterApply' });
      case 'input.erase':
        return act(eraseIn(focusOf(s)));
      case 'input.cancel':
      case 'dialog.cancel':
        return act(cancelIn(focusOf(s)));
      case 'dialog.confirm':
        return confirmModal(s);
      case 'dialog.typedConfirm':
        if (s.modal?.kind === 'typed-confirm' && s.modal.typed !== s.modal.expected) return tell(s, `type ${s.modal.expected} exactly, then enter; esc cancels`);
        return confirmModal(s);
    }
  }

  const act = (action: NavAction | null) => (action ? dispatch(action) : undefined);

  /** Say why a key did nothing: in the dialog or prompt that has focus, else on the status line. */
  function tell(s: NavState, why: string): void {
    const action = tellAction(s, why);
    if (action) dispatch(action);
    else notice(why, 'error');
  }

  /** enter in the `:` prompt: a known command moves or quits; anything else is said in the prompt line. */
  function runPrompt(s: NavState): void {
    if (!s.prompt) return;
    const namespaces = new Set([...view.namespaces.map((n) => n.name), ...view.byNamespace.keys()]);
    const outcome = runCommandLine(s.prompt.draft, { namespaces, watched: props.namespace });
    if (outcome.kind === 'error') return dispatch({ type: 'promptError', message: outcome.message });
    dispatch({ type: 'promptCancel' });
    if (outcome.kind === 'quit') return quit();
    dispatch(outcome.action);
  }

  function follow(intent: KeyIntent, s: NavState): void {
    if (intent.kind === 'command') return run(intent.command, s);
    if (intent.kind === 'type') return act(typeInto(focusOf(s), intent.text));
    if (intent.kind === 'ignored') return tell(s, intent.why);
  }

  function selectedOrMarked(s: NavState): string[] {
    const { keys, cursor } = podRows(view, s, selectors);
    const present = [...s.marks].filter((k) => view.pods.some((p) => p.key === k));
    if (present.length > 0) return present;
    const key = keys.keyAt(cursor);
    return key === undefined ? [] : [key];
  }

  function confirmModal(s: NavState): void {
    const modal = s.modal;
    if (!modal) return;
    if (modal.kind === 'typed-confirm' && modal.typed !== modal.expected) return;
    dispatch({ type: 'closeModal' });
    if (!tui) return;
    if (!runner.start(modal.steps)) return busyNotice();
    dispatch({ type: 'clearMarks' });
    dispatch({ type: 'showProgress' });
  }

  function handlePress(press: KeyPress): void {
    // Ctrl-C is ours (not ink's), so a run in flight is finished before the exit.
    if (press.ctrl && press.char === 'c') return quit();
    if (quittingRef.current) return;
    const s = readNav();
    follow(routeKey(s, bindings, press), s);
  }

  useInput((input: string, key: Key) => {
    for (const press of toKeyPresses(input, key)) handlePress(press);
  });
  // A paste (bracketed by the terminal) is text for a focused field, never key presses.
  usePaste((text: string) => {
    if (quittingRef.current) return;
    const s = readNav();
    follow(pasteIntent(s, text), s);
  });

  const top = topScreen(nav);
  let body;
  if (quitting) body = <QuittingNotice state={uiState} />;
  else if (nav.modal) body = <ConfirmDialog />;
  else if (top.kind === 'namespaces') body = <NamespacesView />;
  else if (top.kind === 'pods') body = <PodsView />;
  else if (top.kind === 'profiles') body = <ProfilesView />;
  else if (top.kind === 'detail') body = <PodDetailView podKey={top.podKey} />;
  else if (top.kind === 'progress') body = <ProgressView />;
  else body = <HelpView />;

  return (
    <UIStateContext.Provider value={uiState}>
      <UIActionsContext.Provider value={actions}>
        <Box flexDirection="column" width={layout.columns} height={layout.rows}>
          <StatusBar />
          <FilterBar />
          <Box height={layout.bodyHeight} flexDirection="column">
            {body}
          </Box>
          <Footer />
        </Box>
      </UIActionsContext.Provider>
    </UIStateContext.Provider>
  );
}

/** q / Ctrl-C during a run: what is still being done, until it is safe to exit. */
function QuittingNotice({ state }: { state: UIState }) {
  const inFlight = state.run ? runCounts(state.run).inFlight : null;
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text {...state.theme.status.warn}>Quitting: finishing the pod in flight{inFlight ? ` (${inFlight})` : ''}...</Text>
      <Text>No other pod is started, and a deleted bare pod is re-created before the exit.</Text>
    </Box>
  );
}
