// The TUI's container (Gemini CLI's AppContainer): it owns every piece of state through hooks,
// publishes what the screen shows as one memoised UIState and every callback as one memoised
// UIActions, and takes the keys. The layout (App.tsx) and the views only read the one and call
// the other, so a change that leaves UIState alone redraws nothing.
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { SnapshotFeed } from '../../view-model/cluster-view-model.js';
import { useBindings } from '../hooks/useBindings.js';
import { useClusterView } from '../hooks/useClusterView.js';
import { useCommandPrompt } from '../hooks/useCommandPrompt.js';
import { useCommands } from '../hooks/useCommands.js';
import { useContextSwitch } from '../hooks/useContextSwitch.js';
import { useKeyRouting } from '../hooks/useKeyRouting.js';
import { useNavState } from '../hooks/useNavState.js';
import { usePodDoc } from '../hooks/usePodDoc.js';
import { useQuit } from '../hooks/useQuit.js';
import { useReadAccess } from '../hooks/useReadAccess.js';
import { useReadState } from '../hooks/useReadState.js';
import { useRescheduleAccess } from '../hooks/useRescheduleAccess.js';
import { useReschedulePlan } from '../hooks/useReschedulePlan.js';
import { useRescheduleRun } from '../hooks/useRescheduleRun.js';
import { useRunEndNotice } from '../hooks/useRunEndNotice.js';
import { useTerminalSize } from '../hooks/useTerminalSize.js';
import { useTick } from '../hooks/useTick.js';
import { KEYMAP, type Binding } from '../keymap.js';
import { tellAction } from '../state/key-routing.js';
import { initialNavState } from '../state/navigation.js';
import { createRowSelectors } from '../state/rows.js';
import { themeFor } from '../theme.js';
import type { ProfilesReread, TuiActions, TuiContexts, TuiProfiles, TuiReads } from '../tui-actions.js';
import { useProfileWrites } from '../hooks/useProfileWrites.js';
import { createTextLines } from '../views/detail-lines-for.js';
import { App } from './App.js';
import type { CommandActions } from './command-handlers.js';
import { UIActionsContext, UIStateContext, type ProfileChange, type UIActions, type UIState } from './contexts.js';
import { focusedPodKey } from './list-rows.js';

export interface AppProps {
  store: SnapshotFeed;
  /** R: re-read the profiles now; the answer (when given) is said ("profiles re-read: 8"). */
  refreshProfiles: () => void | Promise<ProfilesReread>;
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
  /** y, d, l: one pod's YAML, describe and log (reads: offered with --read-only too). */
  reads?: TuiReads;
  /** :ctx: the kubeconfig's contexts and switching to one. */
  contexts?: TuiContexts;
  /** The profiles view's e (export, a read) and c / x (writes: never bound with --read-only). */
  profiles?: TuiProfiles;
  /** c: put text on the terminal's clipboard. */
  copy?: (text: string) => void;
  onQuit?: () => void;
  /** Hands the host the app's quit (signals quit like `q`: a run in flight is finished first). */
  registerQuit?: (quit: () => void) => void;
  /** The clock for ages and "updated 3s ago" (tests pin it). */
  clock?: () => number;
  /** What is laid out inside the contexts; defaults to the layout (tests add probes). */
  children?: ReactNode;
}

/** Status bar (3) + title/filter line (1) + footer (1). */
const CHROME_LINES = 5;

const namespaceOf = (podKey: string | null): string | null => (podKey === null ? null : podKey.slice(0, Math.max(0, podKey.indexOf('/'))));

export function AppContainer(props: AppProps) {
  const { store, readOnly, noColor, refreshProfiles, clock = Date.now, copy: hostCopy } = props;
  // --read-only offers no action at all: no permission check, no key, no run.
  const tui = readOnly ? null : (props.actions ?? null);
  const reads = props.reads ?? null;
  const contexts = props.contexts ?? null;
  const profiles = props.profiles ?? null;
  // --read-only: no profile write is even reachable, whatever the host handed over.
  const profileWrites = readOnly ? null : (profiles?.writes ?? null);

  // ---- state ----
  const { view } = useClusterView(store);
  const size = useTerminalSize();
  const now = useTick(1000, clock);
  const [nav, dispatch, readNav] = useNavState(() => initialNavState({ namespace: props.namespace, labelSelector: props.labelSelector }));
  const [selectors] = useState(createRowSelectors);
  const [textLines] = useState(createTextLines);
  const theme = themeFor(noColor);
  const runner = useRescheduleRun(tui);
  const permissions = useRescheduleAccess(tui, nav, view);
  const readAccess = useReadAccess(reads, namespaceOf(focusedPodKey(view, nav, selectors)), view.identity.context);
  const doc = usePodDoc(reads, nav);
  const bindings = useBindings(props.keymap ?? KEYMAP, readOnly, {
    reschedule: permissions.allowed,
    run: runner.run !== null,
    read: readAccess.canRead,
    logs: readAccess.canLogs,
    copy: hostCopy !== undefined,
    'profile-write': profileWrites !== null,
    export: profiles !== null,
  });
  const { quitting, isQuitting, quit } = useQuit(runner, props.onQuit, props.registerQuit);
  const [profileChange, setProfileChange] = useState<ProfileChange | null>(null);
  const layout = useMemo(() => ({ columns: size.columns, rows: size.rows, bodyHeight: Math.max(3, size.rows - CHROME_LINES) }), [size.columns, size.rows]);

  const state: UIState = useMemo(
    () => ({ nav, view, theme, layout, now, bindings, selectors, readOnly, run: runner.run, quitting, reschedule: permissions.access, textLines, doc, reads: readAccess.known, profileChange }),
    [nav, view, theme, layout, now, bindings, selectors, readOnly, runner.run, quitting, permissions.access, textLines, doc, readAccess.known, profileChange],
  );
  const readState = useReadState(state, readNav);

  // ---- actions ----
  const notice = useCallback((text: string, level: 'info' | 'error' = 'info') => dispatch({ type: 'notice', notice: { text, level, at: clock() } }), [dispatch, clock]);
  const tell = useCallback(
    (why: string) => {
      const action = tellAction(readNav(), why);
      if (action) dispatch(action);
      else notice(why, 'error');
    },
    [readNav, dispatch, notice],
  );
  const rereadProfiles = useCallback(() => {
    notice('Re-reading Fargate profiles…');
    const answer = refreshProfiles();
    if (!answer) return;
    void answer.then(
      (r) => (r.problem === null ? notice(`Profiles re-read: ${r.profiles ?? 0}`) : notice(`Profiles not re-read: ${r.problem}`, 'error')),
      (error: unknown) => notice(`Profiles not re-read: ${error instanceof Error ? error.message : String(error)}`, 'error'),
    );
  }, [refreshProfiles, notice]);
  const copy = useCallback(
    (text: string) => {
      if (!hostCopy) return;
      hostCopy(text);
      notice(`Sent ${text} to the terminal's clipboard (a terminal without clipboard access ignores it)`);
    },
    [hostCopy, notice],
  );
  const currentContext = useCallback(() => readState().view.identity.context, [readState]);
  const switchContext = useContextSwitch(contexts, runner.busy, currentContext, dispatch, notice);
  const plan = useReschedulePlan({ tui, runner, ensurePermissions: permissions.ensure, readState, dispatch, notice, tell });
  useRunEndNotice(runner.run, notice);
  const profileFlow = useProfileWrites({ profiles, writes: profileWrites, readState, dispatch, notice, report: setProfileChange });
  // One dialog at a time: a profile write's answer sends it, a reschedule plan's starts the run.
  const confirmDialog = useCallback(() => (readState().nav.modal?.profile ? profileFlow.confirm() : plan.confirm()), [readState, profileFlow, plan]);
  const prompt = useCommandPrompt({ readState, dispatch, quit, watched: props.namespace, contexts, switchContext });
  const commandActions: CommandActions = useMemo(
    () => ({
      dispatch, notice, tell, quit, rereadProfiles, askReschedule: plan.ask, confirmDialog, cycleStrategy: plan.cycleStrategy, runPrompt: prompt.run, completePrompt: prompt.complete, switchContext, copy,
      askProfileDelete: profileFlow.askDelete, openProfileForm: profileFlow.openForm, submitProfileForm: profileFlow.submitForm, exportProfile: profileFlow.exportProfile,
    }),
    [dispatch, notice, tell, quit, rereadProfiles, plan, confirmDialog, prompt, switchContext, copy, profileFlow],
  );
  const runCommand = useCommands(readState, commandActions);
  const actions: UIActions = useMemo(() => ({ ...commandActions, runCommand }), [commandActions, runCommand]);

  useKeyRouting(readState, actions, isQuitting);

  return (
    <UIStateContext.Provider value={state}>
      <UIActionsContext.Provider value={actions}>{props.children ?? <App />}</UIActionsContext.Provider>
    </UIStateContext.Provider>
  );
}
