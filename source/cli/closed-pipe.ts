// `kubectl fargate --json | head -1`: the reader is gone, so the rest of the output has nowhere
// to go. kubectl dies of SIGPIPE there (the shell shows 141) and says nothing; Node ignores
// SIGPIPE and reports EPIPE as an error instead, which used to exit 1 with "write EPIPE" and
// skip the demo's cleanup. Only for the one-shot read faces: a reschedule must finish the pod in
// flight whatever happens to its output (interrupts.ts).

/** 128 + SIGPIPE (13), as a shell reports a writer killed by a closed pipe. */
export const CLOSED_PIPE_EXIT = 141;

const cleanups = new Set<() => void>();

/** Run `cleanup` (synchronous) before any exit, a closed pipe's included; returns the unregister function. */
export function cleanUpAtExit(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => void cleanups.delete(cleanup);
}

process.on('exit', () => {
  for (const cleanup of [...cleanups]) {
    try {
      cleanup();
    } catch {
      // Best effort: an exit must not fail on a temporary file.
    }
  }
});

/** From now on a closed stdout ends the process quietly with 141, as kubectl's does. */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(CLOSED_PIPE_EXIT);
    throw error;
  });
}
