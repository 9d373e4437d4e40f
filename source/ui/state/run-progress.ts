// A reschedule run as the TUI sees it: a frozen copy of the run's log, the counts the status bar
// shows ("rescheduling 2/5") and each pod's state. Pure.
import { outcomeWord } from '../../view-model/words/reschedule.js';
import type { RescheduleEvent, RescheduleResult, RescheduleRun, RescheduleStep } from '../tui-actions.js';

export interface RunSnapshot {
  steps: readonly RescheduleStep[];
  events: readonly RescheduleEvent[];
  results: readonly RescheduleResult[];
  finished: boolean;
  /** cancel() was called (quitting): the pod in flight is finished or undone, no other starts. */
  cancelling: boolean;
}

export const snapshotOf = (run: RescheduleRun, cancelling: boolean): RunSnapshot => ({
  steps: run.steps,
  events: [...run.events],
  results: [...run.results],
  finished: run.finished,
  cancelling,
});

export interface RunCounts {
  total: number;
  /** Pods with a result. */
  done: number;
  succeeded: number;
  failed: number;
  blocked: number;
  refused: number;
  interrupted: number;
  /** "namespace/name" of the pod being worked on, if any. */
  inFlight: string | null;
}

export function runCounts(run: RunSnapshot): RunCounts {
  const by = (outcome: RescheduleResult['outcome']) => run.results.filter((r) => r.outcome === outcome).length;
  const finishedPods = new Set(run.results.map((r) => r.pod));
  const last = run.events.at(-1);
  const inFlight = !run.finished && last && !finishedPods.has(last.pod) ? last.pod : null;
  return {
    total: run.steps.length,
    done: run.results.length,
    succeeded: by('succeeded'),
    failed: by('failed'),
    blocked: by('blocked'),
    refused: by('refused'),
    interrupted: by('interrupted'),
    inFlight,
  };
}

/** "1 succeeded, 1 blocked": the outcomes that occurred. */
export function outcomeText(c: RunCounts): string {
  const parts: string[] = [];
  for (const outcome of ['succeeded', 'failed', 'blocked', 'refused', 'interrupted'] as const) {
    if (c[outcome] > 0) parts.push(`${c[outcome]} ${outcomeWord(outcome).text}`);
  }
  return parts.join(', ') || 'nothing done';
}

/**
 * The one count of a run, said the same in the status bar, the progress view and the busy
 * notice, over the pods the plan acts on as the dialog counted them: "1 of 3 done (1 refused)".
 */
export function runProgressText(run: RunSnapshot): string {
  const acted = new Set(run.steps.filter((s) => s.method !== 'refuse').map((s) => s.key));
  const done = run.results.filter((r) => acted.has(r.pod)).length;
  const refused = run.steps.length - acted.size;
  return `${done} of ${acted.size} done${refused > 0 ? ` (${refused} refused)` : ''}`;
}

/** The status bar's word on the run: "rescheduling: 1 of 5 done" while it goes, the outcome after. */
export function runStatusText(run: RunSnapshot): { text: string; level: 'busy' | 'ok' | 'problem' } {
  const c = runCounts(run);
  if (!run.finished) return { text: `rescheduling: ${runProgressText(run)}`, level: 'busy' };
  const ok = c.succeeded === c.total;
  return { text: `rescheduled: ${runProgressText(run)}: ${outcomeText(c)}`, level: ok ? 'ok' : 'problem' };
}
