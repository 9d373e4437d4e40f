// Try an operation again while it fails in a passing way. General on purpose: the caller says
// which errors pass (isTransient), how long to pause, and for how many attempts or until when.
// (The reflector's reconnects have their own loop, paced by backoff.ts: they never give up.)
import { sleep } from './backoff.js';

export interface RetryOptions {
  /** Whether an error is worth another attempt; any other is thrown at once. */
  isTransient: (error: unknown) => boolean;
  /** The pause before retry `retry` (1 before the second attempt). */
  delayMs: (retry: number, error: unknown) => number;
  /** Attempts in all, the first included (default 3; Infinity: until `until` or the signal). */
  attempts?: number;
  /** No attempt starts at or after this time (ms since the epoch). */
  until?: number;
  /** Ends a pause early; no attempt follows and the last error is thrown. */
  signal?: AbortSignal | undefined;
  /** Told before each pause, e.g. to say what is going on. */
  onRetry?: (error: unknown, retry: number, delayMs: number) => void;
  now?: () => number;
}

const NEVER = new AbortController().signal;

/** The first result of `attempt`, or its last error once retrying is over. */
export async function retry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const attempts = options.attempts ?? 3;
  const now = options.now ?? Date.now;
  const signal = options.signal ?? NEVER;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!options.isTransient(error) || n >= attempts || signal.aborted) throw error;
      if (options.until !== undefined && now() >= options.until) throw error;
      const delay = options.delayMs(n, error);
      options.onRetry?.(error, n, delay);
      await sleep(delay, signal);
      if (signal.aborted) throw error;
    }
  }
}
