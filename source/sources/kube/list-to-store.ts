// The one way a resource's list reaches the store, for the one-shot load (load-cluster.ts) and
// the live reflector's (re)lists alike: paged LIST (list.ts), each item cut by its query's prune
// spec and parsed as it downloads (list-items.ts), projected to a record (store-sinks.ts), then
// the store's collection replaced at once.
import type { KubeConfig } from '@kubernetes/client-node';
import { listAll } from './list.js';
import type { ResourceQuery } from './resources.js';
import type { Sink } from './store-sinks.js';

export interface Paging {
  /** Page size; kubectl uses 500. */
  limit?: number | undefined;
  /** Per-page timeout (--request-timeout); 0 = none. */
  timeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
}

export interface Listed {
  /** Where a watch picks up. */
  resourceVersion: string;
  /** Replace the store's collection with what was listed (rows gone during a watch gap vanish). */
  commit(): void;
}

/** List `query` into records for `sink`; nothing reaches the store until commit(). */
export async function listToStore(kc: KubeConfig, query: ResourceQuery, sink: Sink, paging: Paging): Promise<Listed> {
  const collector = sink.collect();
  const { resourceVersion } = await listAll(
    kc,
    query.path,
    {
      labelSelector: query.labelSelector,
      fieldSelector: query.fieldSelector,
      limit: paging.limit ?? 500,
      timeoutMs: paging.timeoutMs ?? 0,
      signal: paging.signal,
      onRestart: collector.reset,
      ...(query.prune ? { prune: query.prune } : {}),
    },
    collector.add,
  );
  return { resourceVersion, commit: collector.commit };
}
