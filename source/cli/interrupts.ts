// Ways a run is told to stop: Ctrl-C (SIGINT), SIGTERM, a hang-up (SIGHUP: the terminal or the
// ssh session closed), and a terminal that is gone without a signal (EIO or EPIPE while writing
// progress). All of them mean the same: finish (or re-create) the pod in flight, start nothing
// new. Left to their defaults, SIGHUP kills the process and a write error crashes it, both
// possibly between a bare pod's delete and its create.

export type StopCause = 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'output-lost';

/** 128 + the signal number, as shells report it; a lost terminal counts as a hang-up. */
export const STOP_EXIT: Record<StopCause, number> = { SIGINT: 130, SIGHUP: 129, SIGTERM: 143, 'output-lost': 129 };

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const lostStreams = new Set<NodeJS.WritableStream>();
const lostListeners = new Set<() => void>();
let guarded = false;

/**
 * From now on, for the life of the process, a failed write to stdout or stderr neither throws nor
 * crashes: the stream is marked lost (later writes to it are skipped) and listeners are told.
 */
export function guardOutput(): void {
  if (guarded) return;
  guarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', () => {
      const first = !lostStreams.has(stream);
      lostStreams.add(stream);
      if (first) for (const listener of [...lostListeners]) listener();
    });
  }
}

/** Call `listener` when stdout or stderr is lost; returns the unsubscribe function. */
export function onOutputLost(listener: () => void): () => void {
  guardOutput();
  lostListeners.add(listener);
  return () => void lostListeners.delete(listener);
}

/** Write, unless that stream is known to be gone. Never throws. */
export function say(stream: NodeJS.WriteStream, text: string): void {
  if (lostStreams.has(stream)) return;
  try {
    stream.write(text);
  } catch {
    lostStreams.add(stream);
  }
}

/** Listen to every stop cause; returns the function that stops listening. */
export function onStop(handler: (cause: StopCause) => void): () => void {
  const handlers = SIGNALS.map((signal) => [signal, () => handler(signal)] as const);
  for (const [signal, fn] of handlers) process.on(signal, fn);
  const stopLost = onOutputLost(() => handler('output-lost'));
  return () => {
    for (const [signal, fn] of handlers) process.off(signal, fn);
    stopLost();
  };
}

/** The exit code for a run stopped by `signal` (its abort reason is the cause). */
export function stopExitCode(signal: AbortSignal): number {
  return STOP_EXIT[signal.reason as StopCause] ?? STOP_EXIT.SIGINT;
}

export function causeText(cause: StopCause): string {
  switch (cause) {
    case 'SIGINT':
      return 'interrupted';
    case 'SIGTERM':
      return 'interrupted (SIGTERM)';
    case 'SIGHUP':
      return 'interrupted (SIGHUP: the terminal hung up)';
    case 'output-lost':
      return 'interrupted (the terminal is gone)';
  }
}
