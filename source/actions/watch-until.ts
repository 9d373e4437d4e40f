// Wait for a condition on a set of objects by LIST + WATCH, not by polling. A watch that drops
// (API server restart, load balancer idle cut, 410) is followed by a fresh LIST and a new WATCH
// until the condition holds or the deadline passes, so a flaky connection only delays the wait.
import { Watch, type KubeConfig } from '@kubernetes/client-node';
import { isTransient, kubeGet } from '../sources/kube/http.js';
import { Backoff } from '../lib/backoff.js';
import { retry } from '../lib/retry.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Obj = Record<string, any>;

export interface WatchTarget {
  /** A collection path, e.g. /api/v1/namespaces/test/pods. */
  path: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface WaitOptions {
  timeoutMs: number;
  /** Stops the wait early (Ctrl-C); the wait then rejects with WaitAborted. */
  signal?: AbortSignal;
  /** For the timeout message: "for pod test/test to be deleted". */
  what: string;
  /** Extra check run after each (re)list and every `pollMs` while watching (e.g. read events). */
  poll?: () => Promise<unknown>;
  pollMs?: number;
  /** Describes the last state seen, appended to the timeout message. */
  lastState?: () => string | null;
}

export class WaitTimeout extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WaitTimeout';
  }
}

export class WaitAborted extends Error {
  constructor(what: string) {
    super(`stopped waiting ${what}`);
    this.name = 'WaitAborted';
  }
}

/** Objects currently matching the target, by uid (a re-created pod has the old name, a new uid). */
export type Objects = ReadonlyMap<string, Obj>;

/** The watch ended without an answer (closed, dropped, 410): list again and watch anew. */
class StreamEnded extends Error {}

/**
 * Resolve with the first non-undefined value of `evaluate` (or of `poll`) over the objects
 * matching `target`. Rejects WaitTimeout after `timeoutMs`, WaitAborted on `signal`, and
 * KubeApiError on an API error that is not transient (403, 404 on the collection, ...).
 */
export async function watchUntil<T>(kc: KubeConfig, target: WatchTarget, evaluate: (objects: Objects) => T | undefined, options: WaitOptions): Promise<T> {
  const stop = new AbortController();
  const deadline = Date.now() + options.timeoutMs;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    stop.abort();
  }, options.timeoutMs);
  const onAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) stop.abort();
  const fail = (): Error => {
    if (timedOut) {
      const last = options.lastState?.() ?? null;
      return new WaitTimeout(`timed out after ${formatMs(options.timeoutMs)} waiting ${options.what}${last ? ` (${last})` : ''}`);
    }
    return new WaitAborted(options.what);
  };
  // Short pauses between rounds, growing while streams die young; a stream that lived resets them.
  const pace = new Backoff({ initialMs: 100, maxMs: 2000, resetAfterMs: 5000 });

  try {
    if (stop.signal.aborted) throw fail();
    return await retry(
      async (): Promise<T> => {
        const listed = await list(kc, target, stop.signal);
        const now = evaluate(listed.objects);
        if (now !== undefined) return now;
        if (options.poll) {
          const polled = (await options.poll().catch(() => undefined)) as T | undefined;
          if (polled !== undefined) return polled;
        }
        pace.healthy();
        const outcome = await watchOnce(kc, target, listed, evaluate, options, stop.signal, deadline);
        if (outcome.done) return outcome.value as T;
        throw new StreamEnded();
      },
      { isTransient: (error) => error instanceof StreamEnded || isTransient(error), attempts: Infinity, delayMs: () => pace.next(), signal: stop.signal },
    );
  } catch (error) {
    if (stop.signal.aborted) throw fail();
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

async function list(kc: KubeConfig, target: WatchTarget, signal: AbortSignal): Promise<{ objects: Map<string, Obj>; resourceVersion: string }> {
  const body = await kubeGet<{ items?: Obj[]; metadata?: { resourceVersion?: string } }>(kc, target.path, {
    query: { labelSelector: target.labelSelector, fieldSelector: target.fieldSelector },
    signal,
    verb: 'list',
  });
  const objects = new Map<string, Obj>();
  for (const item of body?.items ?? []) objects.set(String(item?.metadata?.uid ?? item?.metadata?.name), item);
  return { objects, resourceVersion: body?.metadata?.resourceVersion ?? '' };
}

type Outcome = { done: true; value: unknown } | { done: false };

function watchOnce<T>(
  kc: KubeConfig,
  target: WatchTarget,
  listed: { objects: Map<string, Obj>; resourceVersion: string },
  evaluate: (objects: Objects) => T | undefined,
  options: WaitOptions,
  signal: AbortSignal,
  deadline: number,
): Promise<Outcome> {
  const objects = listed.objects;
  return new Promise<Outcome>((resolve) => {
    let settled = false;
    let controller: AbortController | null = null;
    let pollTimer: NodeJS.Timeout | undefined;
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearInterval(pollTimer);
      signal.removeEventListener('abort', onStop);
      controller?.abort();
      resolve(outcome);
    };
    const onStop = () => settle({ done: false });
    signal.addEventListener('abort', onStop, { once: true });

    if (options.poll) {
      let busy = false;
      pollTimer = setInterval(() => {
        if (busy || settled) return;
        busy = true;
        options.poll!().then(
          (value) => {
            busy = false;
            if (value !== undefined) settle({ done: true, value });
          },
          () => void (busy = false),
        );
      }, options.pollMs ?? 2000);
    }

    const onEvent = (type: string, object: Obj) => {
      if (settled) return;
      const uid = String(object?.metadata?.uid ?? object?.metadata?.name);
      if (type === 'ADDED' || type === 'MODIFIED') objects.set(uid, object);
      else if (type === 'DELETED') objects.delete(uid);
      else if (type === 'ERROR') return settle({ done: false }); // 410 and friends: list again
      else return;
      const value = evaluate(objects);
      if (value !== undefined) settle({ done: true, value });
    };

    const watch = new Watch(kc);
    // Quiet streams are normal here (waiting for a pod to go); the server-side timeout ends them.
    (watch as unknown as { requestTimeoutMs: number }).requestTimeoutMs = 120_000;
    const remainingS = Math.max(1, Math.ceil((deadline - Date.now()) / 1000));
    watch
      .watch(
        target.path,
        {
          resourceVersion: listed.resourceVersion || undefined,
          allowWatchBookmarks: true,
          timeoutSeconds: Math.min(remainingS + 1, 60),
          labelSelector: target.labelSelector,
          fieldSelector: target.fieldSelector,
        },
        onEvent,
        () => settle({ done: false }),
      )
      .then(
        (ctrl) => {
          controller = ctrl;
          if (settled) ctrl.abort();
        },
        () => settle({ done: false }),
      );
  });
}

export function formatMs(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms >= 1000 && ms % 1000 === 0) return `${ms / 1000}s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)}s`;
  return `${ms}ms`;
}
