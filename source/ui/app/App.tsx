import { Box, useApp, useInput, type Key } from 'ink';
import { useCallback, useMemo, useRef } from 'react';
import type { ClusterStore } from '../../store/cluster-store.js';
import { useClusterView } from '../hooks/useClusterView.js';
import { useNavState } from '../hooks/useNavState.js';
import { useTerminalSize } from '../hooks/useTerminalSize.js';
import { useTick } from '../hooks/useTick.js';
import { activeBindings, commandFor, KEYMAP, type Binding, type Capability, type Command, type KeyPress } from '../keymap.js';
import { currentList, initialNavState, topScreen, type Move, type NavState } from '../state/navigation.js';
import { createRowSelectors } from '../state/rows.js';
import { themeFor } from '../theme.js';
import { ConfirmDialog } from '../views/ConfirmDialog.js';
import { detailLinesFor, helpLinesFor } from '../views/detail-lines-for.js';
import { FilterBar } from '../views/FilterBar.js';
import { Footer } from '../views/Footer.js';
import { HelpView } from '../views/HelpView.js';
import { NamespacesView } from '../views/NamespacesView.js';
import { PodDetailView } from '../views/PodDetailView.js';
import { PodsView } from '../views/PodsView.js';
import { ProfilesView } from '../views/ProfilesView.js';
import { StatusBar } from '../views/StatusBar.js';
import { toKeyPresses } from './key-press.js';
import { listRows, podRows } from './list-rows.js';
import { UIActionsContext, UIStateContext, type UIActions, type UIState } from './contexts.js';

export interface AppProps {
  store: ClusterStore;
  refreshProfiles: () => void;
  readOnly: boolean;
  /** null = all namespaces. */
  namespace: string | null;
  labelSelector?: string;
  noColor: boolean;
  /** Defaults to KEYMAP; tests pass variants. */
  keymap?: readonly Binding[];
  /** Reschedules pods by podKey. Without it the reschedule keys are not bound at all. */
  reschedule?: (podKeys: string[]) => void;
  onQuit?: () => void;
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

/** Owns all UI state; views read it from UIStateContext and act through UIActionsContext. */
export function App(props: AppProps) {
  const { store, readOnly, noColor, reschedule } = props;
  const { exit } = useApp();
  const { snapshot, view } = useClusterView(store);
  const size = useTerminalSize();
  const now = useTick(1000, props.clock);
  const [nav, dispatch, readNav] = useNavState(() => initialNavState({ namespace: props.namespace, labelSelector: props.labelSelector }));
  const selectors = useRef(createRowSelectors()).current;
  const theme = themeFor(noColor);
  const keymap = props.keymap ?? KEYMAP;
  const bindings = useMemo(() => {
    const capabilities = new Set<Capability>(reschedule ? ['reschedule'] : []);
    return activeBindings(keymap, { readOnly, capabilities });
  }, [keymap, readOnly, reschedule]);
  const layout = { columns: size.columns, rows: size.rows, bodyHeight: Math.max(3, size.rows - CHROME_LINES) };

  const stateFor = (navState: NavState): UIState => ({ nav: navState, snapshot, view, theme, layout, now, bindings, selectors, readOnly });
  const uiState = stateFor(nav);

  const quit = useCallback(() => {
    props.onQuit?.();
    exit();
  }, [exit, props.onQuit]);

  const actions: UIActions = useMemo(() => ({ dispatch, quit, refreshProfiles: props.refreshProfiles }), [dispatch, quit, props.refreshProfiles]);

  const notice = (text: string, level: 'info' | 'error' = 'info') => dispatch({ type: 'notice', notice: { text, level, at: (props.clock ?? Date.now)() } });

  function run(command: Command, s: NavState): void {
    const screen = topScreen(s);
    const list = currentList(s);
    const move = MOVES[command];
    if (move) {
      if (list) {
        dispatch({ type: 'move', list, rows: listRows(list, view, s, selectors).keys, move, page: layout.bodyHeight - 1 });
      } else {
        const lines = screen.kind === 'detail' ? detailLinesFor(stateFor(s), screen.podKey) : helpLinesFor(stateFor(s));
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
        return dispatch({
          type: 'openModal',
          modal: { kind: 'confirm', title: `Reschedule ${podKeys.length === 1 ? podKeys[0] : `${podKeys.length} pods`}?`, lines: ['Each pod is deleted and re-created; EKS places the new pod.', ...podKeys.slice(0, 8).map((k) => `  ${k}`)], podKeys },
        });
      }
      case 'ns.rescheduleAll': {
        const scope = s.namespace === null ? view.pods : (view.byNamespace.get(s.namespace) ?? []);
        const podKeys = scope.filter((p) => p.placement.needsReschedule).map((p) => p.key);
        if (podKeys.length === 0) return notice('No pod here needs a reschedule.');
        const expected = s.namespace ?? 'all';
        return dispatch({
          type: 'openModal',
          modal: { kind: 'typed-confirm', title: `Reschedule all ${podKeys.length} pods needing it in ${s.namespace ?? 'every namespace'}?`, lines: podKeys.slice(0, 8).map((k) => `  ${k}`), podKeys, expected, typed: '' },
        });
      }
      case 'profiles.refresh':
        props.refreshProfiles();
        return notice('Re-reading Fargate profiles…');
      case 'help.toggle':
        return dispatch({ type: 'toggleHelp' });
      case 'app.quit':
        return quit();
    }
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
    dispatch({ type: 'closeModal' });
    dispatch({ type: 'clearMarks' });
    reschedule?.(modal.podKeys);
    notice(`Rescheduling ${modal.podKeys.length === 1 ? modal.podKeys[0] : `${modal.podKeys.length} pods`}…`);
  }

  function handlePress(press: KeyPress): void {
    const s = readNav();
    if (s.modal) {
      if (press.special === 'escape') return dispatch({ type: 'closeModal' });
      if (s.modal.kind === 'typed-confirm') {
        if (press.special === 'return') return s.modal.typed === s.modal.expected ? confirmModal(s) : undefined;
        if (press.special === 'backspace') return dispatch({ type: 'modalBackspace' });
        if (press.special === null && !press.ctrl) dispatch({ type: 'modalType', text: press.char });
        return;
      }
      if (press.special === 'return' || press.char === 'y') return confirmModal(s);
      if (press.char === 'n') dispatch({ type: 'closeModal' });
      return;
    }
    if (s.filterDraft !== null) {
      if (press.special === 'escape') return dispatch({ type: 'filterCancel' });
      if (press.special === 'return') return dispatch({ type: 'filterApply' });
      if (press.special === 'backspace') return dispatch({ type: 'filterBackspace' });
      if (press.special === null && !press.ctrl) dispatch({ type: 'filterType', text: press.char });
      return;
    }
    const command = commandFor(bindings, topScreen(s).kind, press);
    if (command) run(command, s);
  }

  useInput((input: string, key: Key) => {
    for (const press of toKeyPresses(input, key)) handlePress(press);
  });

  const top = topScreen(nav);
  let body;
  if (nav.modal) body = <ConfirmDialog />;
  else if (top.kind === 'namespaces') body = <NamespacesView />;
  else if (top.kind === 'pods') body = <PodsView />;
  else if (top.kind === 'profiles') body = <ProfilesView />;
  else if (top.kind === 'detail') body = <PodDetailView podKey={top.podKey} />;
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
