import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterStore } from '../../store/cluster-store.js';
import { Backoff, sleep, type BackoffOptions } from '../../lib/backoff.js';
import { KubeApiError } from './errors.js';
import type { RawMeta } from './json.js';
import type { PodRecord } from '../../domain/types.js';
import { markDegraded, namespacesOfPods } from './degraded.js';
import { listToStore } from './list-to-store.js';
import { resourceQueries, triggersOf, type KubeScope, type ListTrigger, type ResourceKind, type ResourceQuery } from './resources.js';
import { sinkFor, type Sink } from './store-sinks.js';
import { GoneError, watchStream } from './watch-stream.js';

export interface ReflectorOptions extends KubeScope {
  /** Per list-page timeout (--request-timeout); 0 = none. */
  timeoutMs?: number | undefined;
  /** List page size (default 500). */
  limit?: number;
  /** Server-side watch timeout: the server ends the stream, we resume from the last version. */
  watchTimeoutSeconds?: number;
  /** Client-side inactivity timeout of a watch stream (catches half-open connections). */
  inactivityMs?: number;
  backoff?: BackoffOptions;
  /** Which resources to follow (default: all; claims, volumes, storage classes and owner templates once pods need them). */
  kinds?: ResourceKind[];
}

/**
 * Reconnect pacing. The cap is short so that after an outage of any length the view is live again
 * within a few seconds of the API server coming back, without a key press (5 idle requests per
 * few seconds is nothing for an API server).
 */
export const RECONNECT_BACKOFF: Required<BackoffOptions> = { initialMs: 250, maxMs: 3000, resetAfterMs: 30_000 };

/** What the reflector has done so far (for the soak test and debugging). */
export interface ReflectorStats {
  /** Completed (re)lists, every kind. */
  lists: number;
  /** Watch streams opened, every kind (the first one per kind included). */
  watches: number;
  /** Failed lists or watches (each followed by a backoff). */
  failures: number;
  /** Kinds followed so far (storage and templates join once a pod needs them). */
  kinds: number;
}

/**
 * Informer-style live source for the TUI. For each resource: paged list -> store.replaceAll ->
 * watch from the list's resourceVersion (with bookmarks) applying ADDED/MODIFIED/DELETED.
 * 410 -> relist; any other failure or a closed stream -> resume with jittered exponential
 * backoff, showing `reconnecting` in the store until it is back. Unlike client-node's informer
 * it never stops on an error, and stop() leaves no sockets or timers behind.
 */
export class Reflector {
  private readonly abort = new AbortController();
  private readonly loops: Promise<void>[] = [];
  private readonly down = new Map<ResourceKind, string>();
  readonly stats: ReflectorStats = { lists: 0, watches: 0, failures: 0, kinds: 0 };
  private podsListed = false;
  private deriveNamespaces = false;
  private started = false;
  /** Lists set off by pods (resources.ts ListTrigger) that have been started. */
  private readonly triggered = new Set<ListTrigger>();
  private queries: ResourceQuery[] = [];
  /** What we last told the store (avoids re-publishing 'live' on every reconnect). */
  private live = false;

  constructor(
    private readonly kc: KubeConfig,
    private readonly store: ClusterStore,
    private readonly options: ReflectorOptions = {},
  ) {}

  start(): this {
    if (this.started) return this;
    this.started = true;
    this.store.setConnection({ state: 'connecting', message: null });
    const kinds = this.options.kinds;
    this.queries = resourceQueries(this.options).filter((q) => !kinds || kinds.includes(q.kind));
    for (const query of this.queries) if (query.trigger === 'always') this.loops.push(this.run(query));
    return this;
  }

  /** A pod came by: follow what it needs (its claims' storage, its controller's templates) from now on. */
  private readonly noticePod = (pod: PodRecord): void => {
    for (const trigger of triggersOf(pod)) {
      if (this.triggered.has(trigger) || this.stopped) continue;
      this.triggered.add(trigger);
      for (const query of this.queries) if (query.trigger === trigger) this.loops.push(this.run(query));
    }
  };

  /** Abort lists, watches and backoff timers; resolves once every loop has ended. */
  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.allSettled(this.loops);
  }

  private get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  private async run(query: ResourceQuery): Promise<void> {
    this.stats.kinds++;
    const sink = this.sinkFor(query.kind);
    const backoff = new Backoff({ ...RECONNECT_BACKOFF, ...this.options.backoff });
    let resourceVersion: string | null = null;
    let listedAt = 0;
    while (!this.stopped) {
      try {
        if (resourceVersion === null) {
          resourceVersion = await this.relist(query, sink);
          listedAt = Date.now();
          if (this.stopped) return;
          this.up(query.kind);
          backoff.healthy();
        }
        const outcome = await this.watchOnce(query, sink, resourceVersion, (rv) => (resourceVersion = rv), () => {
          this.up(query.kind);
          backoff.healthy();
        });
        if (outcome === 'timeout') continue; // quiet stream: resume right away from the last version
        // The server closed the stream (its timeoutSeconds, or it went away): resume after a pause
        // that stays short while the connection has been healthy.
        await sleep(backoff.next(), this.abort.signal);
      } catch (error) {
        if (this.stopped) return;
        if (error instanceof GoneError) {
          resourceVersion = null;
          // A 410 right after a fresh list would loop: pace it like any other failure.
          if (Date.now() - listedAt < 1000) await sleep(backoff.next(), this.abort.signal);
          continue;
        }
        if (!query.required && error instanceof KubeApiError && error.status === 403) {
          this.giveUp(query.kind, error);
          return;
        }
        this.stats.failures++;
        this.markDown(query.kind, error);
        await sleep(backoff.next(), this.abort.signal);
      }
    }
  }

  private async relist(query: ResourceQuery, sink: Sink): Promise<string> {
    const { limit, timeoutMs } = this.options;
    const { resourceVersion, commit } = await listToStore(this.kc, query, sink, { limit, timeoutMs, signal: this.abort.signal });
    if (this.stopped) return resourceVersion;
    commit();
    this.stats.lists++;
    if (query.kind === 'pods') {
      this.podsListed = true;
      if (this.deriveNamespaces) this.addNamespacesOfPods();
    }
    this.store.markUpdated();
    return resourceVersion;
  }

  /** One watch stream, applied to the store (watch-stream.ts says how it ends). */
  private watchOnce(query: ResourceQuery, sink: Sink, resourceVersion: string, setVersion: (rv: string) => void, connected: () => void): Promise<'closed' | 'timeout'> {
    return watchStream(
      this.kc,
      query,
      { resourceVersion, signal: this.abort.signal, inactivityMs: this.options.inactivityMs, timeoutSeconds: this.options.watchTimeoutSeconds },
      {
        onChange: (type, object) => {
          if (type === 'DELETED') {
            sink.remove(object);
          } else {
            sink.upsert(object);
            if (query.kind === 'pods' && this.deriveNamespaces) this.addNamespace((object as { metadata?: RawMeta }).metadata?.namespace);
          }
          this.store.markUpdated();
        },
        onVersion: setVersion,
        onOpen: () => {
          this.stats.watches++;
          connected();
        },
      },
    );
  }

  private sinkFor(kind: ResourceKind): Sink {
    return sinkFor(kind, this.store, kind === 'pods' ? this.noticePod : undefined);
  }

  private up(kind: ResourceKind): void {
    this.down.delete(kind);
    if (this.down.size === 0 && this.podsListed && !this.live) {
      this.live = true;
      this.store.setConnection({ state: 'live', message: null });
    }
  }

  private markDown(kind: ResourceKind, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.down.set(kind, message);
    this.live = false;
    const fatal = error instanceof KubeApiError && [401, 403].includes(error.status);
    const config = error instanceof KubeApiError && ['ExecPlugin', 'Config'].includes(error.reason);
    this.store.setConnection({ state: fatal || config ? 'error' : 'reconnecting', message });
  }

  /** An optional resource is forbidden: say so once and carry on without it. */
  private giveUp(kind: ResourceKind, error: KubeApiError): void {
    this.down.delete(kind);
    markDegraded(this.store, kind, error);
    if (kind === 'namespaces') {
      this.deriveNamespaces = true;
      this.addNamespacesOfPods();
    }
    this.up(kind);
  }

  /** Namespaces cannot be listed: show the asked-for one, or those the pods live in. */
  private addNamespacesOfPods(): void {
    for (const record of namespacesOfPods(this.options.namespace, this.store.getSnapshot().pods.values())) this.addNamespace(record.name);
  }

  private addNamespace(name: string | undefined): void {
    if (!name || this.store.getSnapshot().namespaces.has(name)) return;
    if (this.options.namespace && name !== this.options.namespace) return;
    this.store.upsert('namespaces', { name, phase: 'Active', createdAt: 0 });
  }
}

/** Start following the cluster; call stop() on the result when done. */
export function startReflectors(kc: KubeConfig, store: ClusterStore, options: ReflectorOptions = {}): Reflector {
  return new Reflector(kc, store, options).start();
}
