export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  /** A connection that stayed up this long counts as healthy: the next failure starts over. */
  resetAfterMs?: number;
}

/** Exponential backoff with full jitter (so many clients do not reconnect in lockstep). */
export class Backoff {
  private attempt = 0;
  private healthySince: number | null = null;
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly resetAfterMs: number;

  constructor(options: BackoffOptions = {}, private readonly random: () => number = Math.random) {
    this.initialMs = options.initialMs ?? 250;
    this.maxMs = options.maxMs ?? 10_000;
    this.resetAfterMs = options.resetAfterMs ?? 30_000;
  }

  /** The connection is up (again). */
  healthy(now = Date.now()): void {
    this.healthySince ??= now;
  }

  /** The connection failed: how long to wait before the next try. */
  next(now = Date.now()): number {
    if (this.healthySince !== null && now - this.healthySince >= this.resetAfterMs) this.attempt = 0;
    this.healthySince = null;
    const ceiling = Math.min(this.maxMs, this.initialMs * 2 ** this.attempt);
    this.attempt++;
    // Half fixed, half random: never 0, never above the ceiling.
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }
}

/** A sleep that ends early (resolving) when the signal aborts; leaves no timer behind. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
