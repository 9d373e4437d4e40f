import { useCallback, useEffect, useRef, useState } from 'react';
import type { RescheduleRun, RescheduleStep, TuiActions } from '../tui-actions.js';
import { snapshotOf, type RunSnapshot } from '../state/run-progress.js';

export interface RunControl {
  /** The run's log as of its last event (null before the first run). */
  run: RunSnapshot | null;
  /** A run is going: no second one may start. */
  busy(): boolean;
  /** Start the plan; false (and nothing started) while another run is going. */
  start(steps: readonly RescheduleStep[]): boolean;
  /** Like Ctrl-C in the CLI: the pod in flight is finished or undone, then this resolves. */
  finish(): Promise<void>;
}

/**
 * The reschedule run lives here, at app level, not in the progress view: leaving that view
 * (esc) keeps the run and its log, and the status bar keeps counting.
 */
export function useRescheduleRun(actions: TuiActions | null): RunControl {
  const current = useRef<RescheduleRun | null>(null);
  const cancelling = useRef(false);
  const [run, setRun] = useState<RunSnapshot | null>(null);
  const unsubscribe = useRef<(() => void) | null>(null);

  useEffect(() => () => unsubscribe.current?.(), []);

  const busy = useCallback(() => current.current !== null && !current.current.finished, []);

  const start = useCallback(
    (steps: readonly RescheduleStep[]) => {
      if (!actions || busy()) return false;
      const started = actions.start(steps);
      current.current = started;
      cancelling.current = false;
      const sync = () => {
        if (current.current === started) setRun(snapshotOf(started, cancelling.current));
      };
      unsubscribe.current?.();
      unsubscribe.current = started.subscribe(sync);
      // `finished` flips after the last event: one more copy once the run is over.
      void started.done.then(sync, sync);
      sync();
      return true;
    },
    [actions, busy],
  );

  const finish = useCallback(async () => {
    const going = current.current;
    if (!going || going.finished) return;
    cancelling.current = true;
    setRun(snapshotOf(going, true));
    going.cancel();
    await going.done.catch(() => undefined);
  }, []);

  return { run, busy, start, finish };
}
