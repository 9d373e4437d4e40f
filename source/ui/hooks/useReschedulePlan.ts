import { useCallback, useMemo, useRef } from 'react';
import type { UIState } from '../app/contexts.js';
import { focusOf } from '../state/key-routing.js';
import type { NavAction } from '../state/navigation.js';
import { withPermissions } from '../state/reschedule-plan.js';
import { runCounts, runProgressText } from '../state/run-progress.js';
import { choosesStrategy, nextStrategy, strategyOf, withStrategy } from '../state/plan-strategy.js';
import type { PlanOptions, PodPermissions, RescheduleStep, TuiActions } from '../tui-actions.js';
import { NOTHING_WITH_THIS_STRATEGY, replanningConfirmWhy, replanningWhy, STRATEGY_ONLY_FOR_UPGRADE } from '../../view-model/words/upgrade.js';
import type { PermissionsControl } from './usePodPermissions.js';
import type { RunControl } from './useRescheduleRun.js';

export interface ReschedulePlan {
  /** Plan the pods, fold in the permissions of every namespace involved, then open the dialog (typed when `expected`). */
  ask(podKeys: string[], expected: string | null, options?: PlanOptions): Promise<void>;
  /** The dialog's answer: start exactly the plan it shows. */
  confirm(): void;
  /** tab in `U`'s dialog: plan again with the next strategy, keeping what was typed. */
  cycleStrategy(): Promise<void>;
}

export interface PlanDeps {
  /** Null with --read-only or without host actions: nothing is planned or started. */
  tui: TuiActions | null;
  runner: Pick<RunControl, 'busy' | 'start'>;
  ensurePermissions: PermissionsControl['ensure'];
  readState: () => UIState;
  dispatch: (action: NavAction) => void;
  notice: (text: string, level: 'info' | 'error') => void;
  /** Why a key did nothing, in the dialog. */
  tell: (why: string) => void;
}

/**
 * `r` / ctrl-r up to the run: permission checks, the plan, the dialog, and on `y` (or the typed
 * namespace) the run. Nothing reaches the cluster before the dialog's answer; one run at a time.
 */
export function useReschedulePlan({ tui, runner, ensurePermissions, readState, dispatch, notice, tell }: PlanDeps): ReschedulePlan {
  const planning = useRef(false);
  const { busy, start } = runner;

  const busyNotice = useCallback(() => {
    const run = readState().run;
    notice(`A reschedule is already running${run ? ` (${runProgressText(run)})` : ''}: one at a time. Press w to watch it.`, 'error');
  }, [readState, notice]);

  const ask = useCallback(
    async (podKeys: string[], expected: string | null, options?: PlanOptions): Promise<void> => {
      if (!tui) return;
      if (busy()) return busyNotice();
      if (planning.current) return;
      planning.current = true;
      const asked = readState();
      try {
        const steps = await planWithPermissions(tui, ensurePermissions, asked, podKeys, options);
        if (steps.every((step) => step.method === 'refuse')) {
          const first = steps[0];
          return notice(first ? `Nothing to reschedule: ${first.key}: ${first.reason}` : 'Nothing to reschedule.', 'error');
        }
        // Keys typed while the plan was made went elsewhere (a prompt, another screen): a dialog
        // popping up now would take the next key meant for that, so it is not opened.
        const now = readState().nav;
        if (now.modal) return;
        if (focusOf(now) !== focusOf(asked.nav) || now.stack !== asked.nav.stack) return notice('Reschedule not asked: the screen changed while the plan was made; press r again.', 'error');
        const base = { podKeys, steps, backupDir: tui.backupDir };
        const withOptions = options ? { ...base, options } : base;
        dispatch({ type: 'openModal', modal: expected === null ? { kind: 'confirm', ...withOptions } : { kind: 'typed-confirm', ...withOptions, expected, typed: '' } });
      } finally {
        planning.current = false;
      }
    },
    [tui, busy, busyNotice, readState, ensurePermissions, notice, dispatch],
  );

  const cycleStrategy = useCallback(async (): Promise<void> => {
    const asked = readState();
    const modal = asked.nav.modal;
    if (!choosesStrategy(modal)) return tell(STRATEGY_ONLY_FOR_UPGRADE);
    if (modal.replanning !== undefined || planning.current) return tell(replanningWhy(modal.replanning ?? nextStrategy(strategyOf(modal.options))));
    if (!tui) return;
    const choice = nextStrategy(strategyOf(modal.options));
    const options = withStrategy(modal.options, choice);
    planning.current = true;
    dispatch({ type: 'modalReplanning', strategy: choice });
    try {
      const steps = await planWithPermissions(tui, ensurePermissions, asked, modal.podKeys, options);
      // Only into the same dialog, still open on the same screen: otherwise nothing pops up.
      const now = readState().nav;
      if (now.modal?.kind !== 'typed-confirm' || now.modal.podKeys !== modal.podKeys || now.stack !== asked.nav.stack) return;
      dispatch({ type: 'modalPlan', steps, options });
    } catch (error) {
      if (readState().nav.modal?.podKeys === modal.podKeys) {
        dispatch({ type: 'modalReplanning', strategy: undefined });
        tell(`the plan with ${choice} could not be made: ${error instanceof Error ? error.message : String(error)}`);
      }
    } finally {
      planning.current = false;
    }
  }, [readState, tui, ensurePermissions, dispatch, tell]);

  const confirm = useCallback(() => {
    const modal = readState().nav.modal;
    // A profile write's dialog is answered by its own flow (useProfileWrites), never as a plan.
    if (!modal || modal.profile || modal.kind === 'form') return;
    if (modal.kind === 'typed-confirm' && modal.typed !== modal.expected) return;
    // The plan being made again is not the one shown: neither is started until it shows.
    if (modal.replanning !== undefined) return tell(replanningConfirmWhy(modal.replanning));
    // A strategy may leave every pod refused (restart of a paused Deployment): nothing to start.
    if (modal.steps.every((step) => step.method === 'refuse')) return tell(NOTHING_WITH_THIS_STRATEGY);
    dispatch({ type: 'closeModal' });
    if (!tui) return;
    if (!start(modal.steps)) return busyNotice();
    dispatch({ type: 'clearMarks' });
    dispatch({ type: 'showProgress' });
  }, [readState, dispatch, tui, start, busyNotice, tell]);

  return useMemo(() => ({ ask, confirm, cycleStrategy }), [ask, confirm, cycleStrategy]);
}

/** The host's plan for these pods, the permissions of every namespace it acts in folded in. */
async function planWithPermissions(
  tui: TuiActions,
  ensurePermissions: PermissionsControl['ensure'],
  asked: UIState,
  podKeys: string[],
  options: PlanOptions | undefined,
): Promise<RescheduleStep[]> {
  const raw = await (options ? tui.plan(asked.view.pods, podKeys, options) : tui.plan(asked.view.pods, podKeys));
  const namespaces = [...new Set(raw.filter((s) => s.method !== 'refuse').map((s) => s.pod.namespace))];
  const answers = new Map<string, PodPermissions>();
  for (const ns of namespaces) {
    const answer = await ensurePermissions(ns);
    if (answer) answers.set(ns, answer);
  }
  return withPermissions(raw, (ns) => answers.get(ns));
}
