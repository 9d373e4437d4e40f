// Delayed work for the simulated control plane. Live: real timers (cleared on close).
// Loading a scenario: tasks queue up and `settle()` runs them at once, with the clock set back
// to the moment the scenario step describes, so "created 3 days ago" objects get matching
// timestamps, bindings and events.

interface Pending {
  at: number;
  seq: number;
  fn: () => void;
}

export class Clock {
  private readonly timers = new Set<NodeJS.Timeout>();
  private pending: Pending[] = [];
  private seq = 0;
  private manual = false;
  private offsetMs = 0;
  /** While settling: how far the queued work has advanced the simulated time (ms). */
  private elapsedMs = 0;
  private closed = false;
  readonly errors: Error[] = [];

  /** Epoch ms as the simulated cluster sees it. */
  now(): number {
    return Date.now() - this.offsetMs + this.elapsedMs;
  }

  /** Make `now()` answer `ago` ms in the past (scenario loading). */
  setAgo(agoMs: number): void {
    this.offsetMs = agoMs;
    this.elapsedMs = 0;
  }

  /** Queue tasks instead of starting timers until `live()`. */
  hold(): void {
    this.manual = true;
  }

  live(): void {
    this.manual = false;
    this.offsetMs = 0;
    this.elapsedMs = 0;
    const rest = this.pending;
    this.pending = [];
    for (const p of rest) this.later(0, p.fn);
  }

  later(ms: number, fn: () => void): void {
    if (this.closed) return;
    if (this.manual) {
      pushHeap(this.pending, { at: this.elapsedMs + ms, seq: this.seq++, fn });
      return;
    }
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.run(fn);
    }, ms);
    this.timers.add(t);
  }

  /** Run every queued task (and the tasks they queue) in time order, advancing simulated time. */
  settle(maxTasks = 5_000_000): void {
    let n = 0;
    while (this.pending.length > 0) {
      const next = popMin(this.pending);
      if (++n > maxTasks) throw new Error('sim: scenario did not settle (controller loop?)');
      this.elapsedMs = Math.max(this.elapsedMs, next.at);
      this.run(next.fn);
    }
  }

  private run(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.errors.push(err as Error);
      if (process.env.KUBECTL_FARGATE_SIM_DEBUG) console.error('[sim]', err);
    }
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.pending = [];
  }
}

// A binary min-heap on (at, seq): settle() may run tens of thousands of tasks.
const less = (a: Pending, b: Pending): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);

function pushHeap(h: Pending[], p: Pending): void {
  h.push(p);
  let i = h.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!less(h[i]!, h[parent]!)) break;
    [h[i], h[parent]] = [h[parent]!, h[i]!];
    i = parent;
  }
}

function popMin(h: Pending[]): Pending {
  const top = h[0]!;
  const last = h.pop()!;
  if (h.length > 0) {
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && less(h[l]!, h[m]!)) m = l;
      if (r < h.length && less(h[r]!, h[m]!)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
  return top;
}
