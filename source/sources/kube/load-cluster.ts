import type { KubeConfig } from '@kubernetes/client-node';
import type { EventRecord, NamespaceRecord, NodeRecord, PodRecord } from '../../domain/types.js';
import type { ClusterStore } from '../../store/cluster-store.js';
import { podKey } from '../../store/snapshot.js';
import { errorText } from '../../errors.js';
import { KubeApiError } from './errors.js';
import { listAll } from './list.js';
import { degradedWarning, fargateNodesQuery, resourceQueries, TEMPLATE_OWNER, triggersOf, type KubeScope, type ListTrigger, type ResourceKind, type ResourceQuery } from './resources.js';
import { POD_UNUSED, toEventRecord, toNamespaceRecord, toNodeRecord, toPodRecord } from './projection.js';
import { sinkFor } from './store-sinks.js';

export interface LoadOptions extends KubeScope {
  /** Per-request timeout (--request-timeout); 0 = none. */
  timeoutMs?: number;
  /** Page size; default 500 like kubectl. */
  limit?: number;
  signal?: AbortSignal;
  /** Optional kinds not to list (a one-shot report has no use for events, say). */
  skip?: readonly ResourceKind[];
  /** 'fargate': list only Fargate's nodes (fargateNodesQuery), not every node. */
  nodes?: 'all' | 'fargate';
}

/**
 * Fill the store once (for -o json/yaml/table and `check`): pods, namespaces, nodes and pod
 * events, listed in parallel. Claims, PersistentVolumes and StorageClasses are listed only once
 * a pod with a claim comes by, and a controller kind's pod templates once a pod it owns does,
 * while the pods are still downloading. Pods must be readable; the rest degrade to store
 * warnings (RBAC often denies cluster-scoped lists to namespace users).
 */
export async function loadClusterOnce(kc: KubeConfig, options: LoadOptions, store: ClusterStore): Promise<void> {
  const queries = resourceQueries(options).filter((q) => q.required || !options.skip?.includes(q.kind));
  const byKind = (kind: ResourceQuery['kind']) => queries.find((q) => q.kind === kind);
  const list = (query: ResourceQuery, onItem: (raw: unknown) => void, onRestart: () => void): Promise<unknown> =>
    listAll(
      kc,
      query.path,
      {
        labelSelector: query.labelSelector,
        fieldSelector: query.fieldSelector,
        limit: options.limit ?? 500,
        timeoutMs: options.timeoutMs ?? 0,
        signal: options.signal,
        onRestart,
        ...(query.prune ? { prune: query.prune } : {}),
      },
      onItem,
    );
  const records = async <T>(query: ResourceQuery, project: (raw: unknown) => T | null): Promise<T[]> => {
    const out: T[] = [];
    await list(
      query,
      (raw) => {
        const record = project(raw);
        if (record !== null) out.push(record);
      },
      () => void (out.length = 0),
    );
    return out;
  };
  const optional = async <T>(query: ResourceQuery | undefined, project: (raw: unknown) => T | null): Promise<T[] | null> => {
    if (query === undefined) return null;
    try {
      return await records(query, project);
    } catch (error) {
      store.addWarning(degradedWarning(query.kind, reasonOf(error)));
      return null;
    }
  };

  // Lists a pod sets off (resources.ts ListTrigger): each straight into the store through its sink.
  const started = new Set<ListTrigger>();
  const triggered: Promise<void>[] = [];
  const loadInto = async (query: ResourceQuery): Promise<void> => {
    const collector = sinkFor(query.kind, store).collect();
    try {
      await list(query, collector.add, collector.reset);
      collector.commit();
    } catch (error) {
      const reason = reasonOf(error);
      store.addWarning(degradedWarning(query.kind, reason));
      const owner = TEMPLATE_OWNER[query.kind];
      if (owner !== undefined) store.setTemplatesRead(owner, reason);
    }
  };
  const onPod = (pod: PodRecord): void => {
    for (const trigger of triggersOf(pod)) {
      if (started.has(trigger)) continue;
      started.add(trigger);
      for (const query of queries) if (query.trigger === trigger) triggered.push(loadInto(query));
    }
  };

  const pods = byKind('pods')!;
  const [podRecords, namespaces, nodes, events] = await Promise.all([
    records<PodRecord>({ ...pods, prune: POD_UNUSED }, (raw) => {
      const pod = toPodRecord(raw);
      onPod(pod);
      return pod;
    }),
    optional<NamespaceRecord>(byKind('namespaces'), toNamespaceRecord),
    optional<NodeRecord>(options.nodes === 'fargate' ? fargateNodesQuery() : byKind('nodes'), toNodeRecord),
    optional<EventRecord>(byKind('events'), toEventRecord),
  ]);
  await Promise.all(triggered);

  store.replaceAll('pods', podRecords);
  store.replaceAll('namespaces', namespaces ?? synthesizeNamespaces(options.namespace, podRecords));
  if (options.namespace && namespaces && namespaces.length === 0) {
    store.addWarning(`namespace "${options.namespace}" does not exist`);
  }
  if (nodes) store.replaceAll('nodes', nodes);
  if (events) {
    // Only events about pods we show; the store keeps the newest few per pod.
    const shown = new Set(podRecords.map((p) => podKey(p.namespace, p.name)));
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
