// WATCH: a newline-delimited JSON stream of {type, object}. Replays the change log from the
// client's resourceVersion (410 Expired when it is older than the retained window), then
// streams live changes; objects that stop/start matching a selector arrive as DELETED/ADDED,
// like the real watch cache. The hub tracks open streams so faults can cut them.
import type { ServerResponse } from 'node:http';
import type { Ctx } from '../context.js';
import type { Entry, LoggedChange } from './storage.js';
import type { ResourceDef } from './resources.js';
import { apiVersionOf } from './resources.js';
import { passes } from './list.js';
import type { Filter } from './list.js';
import { toTable } from './table.js';
import type { IncludeObject } from './table.js';

export interface WatchParams {
  def: ResourceDef;
  ns: string;
  filter: Filter;
  /** undefined / "" / "0": start with the current state as ADDED events. */
  resourceVersion?: string;
  timeoutSeconds?: number;
  bookmarks: boolean;
  sendInitialEvents: boolean;
  table: { include: IncludeObject } | null;
}

interface Watcher {
  p: WatchParams;
  res: ServerResponse;
  timers: NodeJS.Timeout[];
}

const BOOKMARK_MS = 5_000;
const DEFAULT_TIMEOUT_S = 1800;

export class WatchHub {
  private readonly watchers = new Set<Watcher>();

  constructor(private readonly ctx: Pick<Ctx, 'store' | 'clock'>) {
    ctx.store.subscribe((c) => {
      for (const w of this.watchers) if (w.p.def.id === c.rid) this.deliver(w, c);
    });
  }

  get open(): number {
    return this.watchers.size;
  }

  start(res: ServerResponse, p: WatchParams): void {
    const { store } = this.ctx;
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
    res.flushHeaders();
    const w: Watcher = { p, res, timers: [] };

    const rv = p.resourceVersion;
    if (rv === undefined || rv === '' || rv === '0' || p.sendInitialEvents) {
      for (const e of store.entriesIn(p.def.id, p.ns)) {
        if (passes(p.filter, e) && inNs(p, e)) this.write(w, 'ADDED', e.json);
      }
      if (p.sendInitialEvents) this.bookmark(w, true);
    } else {
      const n = Number(rv);
      const changes = Number.isFinite(n) ? store.changesSince(n) : null;
      if (changes === null) {
        const status = {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: Number.isFinite(n) ? `too old resource version: ${rv} (${store.compactedRv + 1})` : `invalid resource version: ${rv}`,
          reason: 'Expired',
          code: 410,
        };
        res.end(`${JSON.stringify({ type: 'ERROR', object: status })}\n`);
        return;
      }
      for (const c of changes) if (c.rid === p.def.id) this.deliver(w, c);
    }

    this.watchers.add(w);
    const timeout = (p.timeoutSeconds !== undefined && p.timeoutSeconds > 0 ? p.timeoutSeconds : DEFAULT_TIMEOUT_S) * 1000;
    w.timers.push(setTimeout(() => this.end(w), timeout));
    if (p.bookmarks) w.timers.push(setInterval(() => this.bookmark(w, false), BOOKMARK_MS));
    res.on('close', () => this.forget(w));
  }

  private deliver(w: Watcher, c: LoggedChange): void {
    const { p } = w;
    if (!inNs(p, c.entry)) return;
    const now = passes(p.filter, c.entry);
    if (c.type === 'ADDED') {
      if (now) this.write(w, 'ADDED', c.entry.json);
    } else if (c.type === 'DELETED') {
      if (now) this.write(w, 'DELETED', c.entry.json);
    } else {
      const before = c.prev !== undefined && passes(p.filter, c.prev);
      if (before && now) this.write(w, 'MODIFIED', c.entry.json);
      else if (now) this.write(w, 'ADDED', c.entry.json);
      else if (before) this.write(w, 'DELETED', c.entry.json);
    }
  }

  private write(w: Watcher, type: string, json: string): void {
    if (w.res.destroyed || w.res.writableEnded) return;
    if (w.p.table !== null) {
      const obj = JSON.parse(json);
      json = JSON.stringify(toTable(w.p.def.id, [obj], { resourceVersion: obj.metadata.resourceVersion }, w.p.table.include, this.ctx.clock.now()));
    }
    w.res.write(`{"type":"${type}","object":${json}}\n`);
  }

  private bookmark(w: Watcher, initialEnd: boolean): void {
    const { def } = w.p;
    const metadata: Record<string, unknown> = { resourceVersion: String(this.ctx.store.rv) };
    if (initialEnd) metadata.annotations = { 'k8s.io/initial-events-end': 'true' };
    const obj = { kind: def.kind, apiVersion: apiVersionOf(def), metadata };
    if (!w.res.destroyed && !w.res.writableEnded) w.res.write(`${JSON.stringify({ type: 'BOOKMARK', object: obj })}\n`);
  }

  private forget(w: Watcher): void {
    for (const t of w.timers) clearTimeout(t);
    this.watchers.delete(w);
  }

  private end(w: Watcher): void {
    this.forget(w);
    if (!w.res.writableEnded) w.res.end();
  }

  /** Close every open watch stream cleanly (the server ending it), like an API server restart. */
  dropAll(): void {
    for (const w of [...this.watchers]) this.end(w);
  }
}

function inNs(p: WatchParams, e: Entry): boolean {
  return p.ns === '' || !p.def.namespaced || e.ns === p.ns;
}
