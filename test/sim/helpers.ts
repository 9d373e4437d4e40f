// Raw HTTP for the sim's own tests: requests and NDJSON watch reading. (Starting a sim and pod
// manifests are in test/helpers/sim.ts.)
import type { RunningSim } from '../../source/sim/index.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Json = any;

export async function kube(sim: RunningSim, path: string, init: RequestInit & { json?: unknown } = {}): Promise<{ status: number; body: Json; headers: Headers }> {
  const headers = new Headers(init.headers);
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  const res = await fetch(sim.url + path, { ...init, headers, body });
  const text = await res.text();
  let parsed: Json = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (e.g. /healthz)
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

export interface WatchStream {
  events: Json[];
  /** Resolves with the events seen once `pred` holds (or rejects after timeoutMs). */
  until(pred: (events: Json[]) => boolean, timeoutMs?: number): Promise<Json[]>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Open a watch and collect its NDJSON events. */
export async function watch(sim: RunningSim, path: string, headers: Record<string, string> = {}): Promise<WatchStream> {
  const ac = new AbortController();
  const res = await fetch(sim.url + path, { signal: ac.signal, headers });
  const events: Json[] = [];
  let waiters: (() => void)[] = [];
  const notify = (): void => {
    for (const w of waiters) w();
  };
  const ended = (async () => {
    const reader = res.body!.getReader();
    const dec = new TextDecoder();
    let buf = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buf += dec.decode(value, { stream: true });
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          if (line.trim() !== '') events.push(JSON.parse(line));
        }
        notify();
      }
    } catch {
      // aborted
    }
    notify();
  })();
  return {
    events,
    ended,
    until(pred, timeoutMs = 3000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (pred(events)) {
            clearTimeout(t);
            waiters = waiters.filter((w) => w !== check);
            resolve(events);
          }
        };
        const t = setTimeout(() => {
          waiters = waiters.filter((w) => w !== check);
          reject(new Error(`watch: condition not met in ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => [e.type, e.object?.metadata?.name]))}`));
        }, timeoutMs);
        waiters.push(check);
        check();
      });
    },
    close: () => ac.abort(),
  };
}

export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
