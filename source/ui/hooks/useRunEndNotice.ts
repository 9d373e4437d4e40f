import { useEffect } from 'react';
import { outcomeText, runCounts, type RunSnapshot } from '../state/run-progress.js';

/** Say when a run ends, wherever the user is: once per run, when it finishes. */
export function useRunEndNotice(run: RunSnapshot | null, notice: (text: string, level: 'info' | 'error') => void): void {
  const finished = run?.finished ?? false;
  useEffect(() => {
    if (!finished || !run) return;
    const counts = runCounts(run);
    const ok = counts.succeeded === counts.total;
    notice(`Reschedule finished: ${outcomeText(counts)}${ok ? '' : ' (w shows why)'}`, ok ? 'info' : 'error');
    // Once per run: when `finished` flips, not on every snapshot.
  }, [finished]);
}
