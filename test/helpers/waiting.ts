// The one poll loop of the tests, for things that happen on their own (a watch event reaching the
// store, a frame, a screen in tmux). A test that only waits for time to pass uses fake timers
// (t.mock.timers) instead; this loop runs on real timers.
import assert from 'node:assert/strict';
import type { ClusterStore } from '../../source/store/cluster-store.js';
import type { Snapshot } from '../../source/store/snapshot.js';

type Maybe<T> = T | false | null | undefined;

export interface WaitOptions {
  /** Time between checks (default 25 ms). */
  intervalMs?: number;
  /** Said after the failure, e.g. the last frame or the store's connection state. */
  detail?: () => string | Promise<string>;
}

/**
 * Check until `check` returns something truthy, and return that; fail naming `what` (and the
 * detail) after `timeoutMs`. The check may be async; it runs once more at the deadline.
 */
export async function waitUntil<T>(what: string, check: () => Maybe<T> | Promise<Maybe<T>>, timeoutMs = 20_000, options: WaitOptions = {}): Promise<T> {
  const { intervalMs = 25, detail } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}${detail ? `: ${await detail()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Flush the store until its snapshot satisfies `check`; fail with the connection state. */
export function waitForSnapshot(store: ClusterStore, what: string, check: (s: Snapshot) => boolean, timeoutMs = 10_000): Promise<Snapshot> {
  let last = store.flush();
  return waitUntil(what, () => (check((last = store.flush())) ? last : null), timeoutMs, {
    detail: () => `connection ${last.connection.state}: ${last.connection.message ?? ''}`,
  });
}
