import type { KubeConfig } from '@kubernetes/client-node';
import type { EventRecord, NamespaceRecord, NodeRecord, PersistentVolumeClaimRecord, PodRecord } from '../../domain/types.js';
import type { ClusterStore } from '../../store/cluster-store.js';
import { podKey } from '../../store/snapshot.js';
import { errorText } from '../../errors.js';
import { KubeApiError } from './errors.js';
import { listAll } from './list.js';
import { degradedWarning, resourceQueries, type KubeScope, type ResourceKind, type ResourceQuery } from './resources.js';
import { POD_UNUSED, toClaimRecord, toEventRecord, toNamespaceRecord, toNodeRecord, toPodRecord } from './projection.js';
import type { PruneNode } from './prune.js';

export interface LoadOptions extends KubeScope {
  /** Per-request timeout (--request-timeout); 0 = none. */
  timeoutMs?: number;
  /** Page size; default 500 like kubectl. */
  limit?: number;
  signal?: AbortSignal;
  /** Optional kinds not to list (a one-shot report has no use for events, say). */
  skip?: readonly ResourceKind[];
}

/**
 * Fill the store once (for -o json/yaml/table and `check`): pods, namespaces, nodes, pod events
 * and PVCs, listed in parallel. Pods must be readable; the rest degrade to store warnings
 * (RBAC often denies cluster-scoped lists to namespace users).
 */
export async function loadClusterOnce(kc: KubeConfig, options: LoadOptions, store: ClusterStore): Promise<void> {
  const queries = resourceQueries(options);
  const byKind = (kind: ResourceQuery['kind']) => queries.find((q) => q.kind === kind)!;
  const list = <T>(query: ResourceQuery, project: (raw: unknown) => T | null, prune?: PruneNode): Promise<T[]> => {
    const out: T[] = [];
    return listAll(
      kc,
      query.path,
      {
        labelSelector: query.labelSelector,
        fieldSelector: query.fieldSelector,
        limit: options.limit ?? 500,
        timeoutMs: options.timeoutMs ?? 0,
        signal: options.signal,
        onRestart: () => void (out.length = 0),
        ...(prune ? { prune } : {}),
      },
      (raw) => {
        const record = project(raw);
        if (record !== null) out.push(record);
      },
    ).then(() => out);
  };
  const optional = async <T>(query: ResourceQuery, project: (raw: unknown) => T | null): Promise<T[] | null> => {
    if (options.skip?.includes(query.kind)) return null;
    try {
      return await list(query, project);
    } catch (error) {
      store.addWarning(degradedWarning(query.kind, reasonOf(error)));
      return null;
    }
  };

  const [pods, namespaces, nodes, events, claims] = await Promise.all([
    list<PodRecord>(byKind('pods'), toPodRecord, POD_UNUSED),
    optional<NamespaceRecord>(byKind('namespaces'), toNamespaceRecord),
    optional<NodeRecord>(byKind('nodes'), toNodeRecord),
    optional<EventRecord>(byKind('events'), toEventRecord),
    optional<PersistentVolumeClaimRecord>(byKind('claims'), toClaimRecord),
  ]);

  store.replaceAll('pods', pods);
  store.replaceAll('namespaces', namespaces ?? synthesizeNamespaces(options.namespace, pods));
  if (options.namespace && namespaces && namespaces.length === 0) {
    store.addWarning(`namespace "${options.namespace}" does not exist`);
  }
  if (nodes) store.replaceAll('nodes', nodes);
  if (claims) store.replaceAll('claims', claims);
  if (events) {
    // Only events about pods we show; the store keeps the newest few per pod.
    const shown = new Set(pods.map((p) => podKey(p.namespace, p.name)));
    store.replaceEvents(events.filter((e) => shown.has(podKey(e.namespace, e.podName))));
  }
  store.setConnection({ state: 'live', message: null });
  store.markUpdated();
}

/** When namespaces cannot be listed: the asked-for one, else those the pods live in. */
export function synthesizeNamespaces(namespace: string | null | undefined, pods: readonly PodRecord[]): NamespaceRecord[] {
  const names = namespace ? [namespace] : [...new Set(pods.map((p) => p.namespace))];
  return names.map((name) => ({ name, phase: 'Active', createdAt: 0 }));
}

export function reasonOf(error: unknown): string {
  if (error instanceof KubeApiError && error.status === 403) return 'forbidden';
  return errorText(error);
}
