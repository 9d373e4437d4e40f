import { useApp } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunControl } from './useRescheduleRun.js';

export interface QuitControl {
  /** Waiting for the pod in flight before exiting (the screen says so). */
  quitting: boolean;
  /** The same, readable synchronously: keys are dropped from the moment quitting starts. */
  isQuitting(): boolean;
  /** q, ctrl-c, `:q` and the host's signals: exit, but finish (or undo) a pod in flight first. */
  quit(): void;
}

/**
 * Quitting never leaves a bare pod deleted: with a run going, the pod in flight is finished or
 * re-created first, then the app exits. `registerQuit` hands the host this quit for its signals.
 */
export function useQuit(run: Pick<RunControl, 'busy' | 'finish'>, onQuit?: () => void, registerQuit?: (quit: () => void) => void): QuitControl {
  const { exit } = useApp();
  const [quitting, setQuitting] = useState(false);
  const quittingRef = useRef(false);
  const { busy, finish } = run;

  const quit = useCallback(() => {
    if (quittingRef.current) return;
    if (!busy()) {
      onQuit?.();
      exit();
      return;
    }
    quittingRef.current = true;
    setQuitting(true);
    void finish().then(() => {
      onQuit?.();
      exit();
    });
  }, [exit, onQuit, busy, finish]);

  useEffect(() => registerQuit?.(quit), [registerQuit, quit]);
  const isQuitting = useCallback(() => quittingRef.current, []);
  return { quitting, isQuitting, quit };
}
