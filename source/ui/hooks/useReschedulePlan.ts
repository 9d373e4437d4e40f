import { useCallback, useMemo, useRef } from 'react';
import type { UIState } from '../app/contexts.js';
import { focusOf } from '../state/key-routing.js';
import type { NavAction } from '../state/navigation.js';
import { withPermissions } from '../state/reschedule-plan.js';
import { runCounts, runProgressText } from '../state/run-progress.js';
import type { PlanOptions, PodPermissions, TuiActions } from '../tui-actions.js';
import type { PermissionsControl } from './usePodPermissions.js';
import type { RunControl } from './useRescheduleRun.js';

export interface ReschedulePlan {
  /** Plan the pods, fold in the permissions of every namespace involved, then open the dialog (typed when `expected`). */
  ask(podKeys: string[], expected: string | null, options?: PlanOptions): Promise<void>;
  /** The dialog's answer: start exactly the plan it shows. */
  confirm(): void;
}

export interface PlanDeps {
  /** Null with --read-only or without host actions: nothing is planned or started. */
  tui: TuiActions | null;
  runner: Pick<RunControl, 'busy' | 'start'>;
  ensurePermissions: PermissionsControl['ensure'];
  readState: () => UIState;
  dispatch: (action: NavAction) => void;
  notice: (text: string, level: 'info' | 'error') => void;
}

/**
 * `r` / ctrl-r up to the run: permission checks, the plan, the dialog, and on `y` (or the typed
 * namespace) the run. Nothing reaches the cluster before the dialog's answer; one run at a time.
 */
export function useReschedulePlan({ tui, runner, ensurePermissions, readState, dispatch, notice }: PlanDeps): ReschedulePlan {
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
        const raw = await (options ? tui.plan(asked.view.pods, podKeys, options) : tui.plan(asked.view.pods, podKeys));
        const namespaces = [...new Set(raw.filter((s) => s.method !== 'refuse').map((s) => s.pod.namespace))];
        const answers = new Map<string, PodPermissions>();
        for (const ns of namespaces) {
          const answer = await ensurePermissions(ns);
          if (answer) answers.set(ns, answer);
        }
        const steps = withPermissions(raw, (ns) => answers.get(ns));
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
        dispatch({ type: 'openModal', modal: expected === null ? { kind: 'confirm', ...base } : { kind: 'typed-confirm', ...base, expected, typed: '' } });
      } finally {
        planning.current = false;
      }
    },
    [tui, busy, busyNotice, readState, ensurePermissions, notice, dispatch],
  );

  const confirm = useCallback(() => {
    const modal = readState().nav.modal;
    // A profile write's dialog is answered by its own flow (useProfileWrites), never as a plan.
    if (!modal || modal.profile || modal.kind === 'form') return;
    if (modal.kind === 'typed-confirm' && modal.typed !== modal.expected) return;
    dispatch({ type: 'closeModal' });
    if (!tui) return;
    if (!start(modal.steps)) return busyNotice();
    dispatch({ type: 'clearMarks' });
    dispatch({ type: 'showProgress' });
  }, [readState, dispatch, tui, start, busyNotice]);

  return useMemo(() => ({ ask, confirm }), [ask, confirm]);
}
