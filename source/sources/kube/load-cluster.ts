import type { KubeConfig } from '@kubernetes/client-node';
import type { PodRecord } from '../../domain/types.js';
import type { ClusterStore } from '../../store/cluster-store.js';
import { markDegraded, namespacesOfPods } from './degraded.js';
import { listToStore, type Listed } from './list-to-store.js';
import { fargateNodesQuery, resourceQueries, triggersOf, type KubeScope, type ListTrigger, type ResourceKind, type ResourceQuery } from './resources.js';
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
  const byKind = (kind: ResourceKind) => queries.find((q) => q.kind === kind);
  const paging = { limit: options.limit, timeoutMs: options.timeoutMs, signal: options.signal };
  const optional = async (query: ResourceQuery | undefined): Promise<Listed | null> => {
    if (query === undefined) return null;
    try {
      return await listToStore(kc, query, sinkFor(query.kind, store), paging);
    } catch (error) {
      markDegraded(store, query.kind, error);
      return null;
    }
  };

  // Lists a pod sets off (resources.ts ListTrigger), each committed as soon as it is complete.
  const started = new Set<ListTrigger>();
  const triggered: Promise<void>[] = [];
  const onPod = (pod: PodRecord): void => {
    for (const trigger of triggersOf(pod)) {
      if (started.has(trigger)) continue;
      started.add(trigger);
      for (const query of queries) if (query.trigger === trigger) triggered.push(optional(query).then((listed) => listed?.commit()));
    }
  };

  const [pods, namespaces, nodes, events] = await Promise.all([
    listToStore(kc, byKind('pods')!, sinkFor('pods', store, onPod), paging),
    optional(byKind('namespaces')),
    optional(options.nodes === 'fargate' ? fargateNodesQuery() : byKind('nodes')),
    optional(byKind('events')),
  ]);
  await Promise.all(triggered);

  pods.commit();
  if (namespaces) {
    namespaces.commit();
    if (options.namespace && store.getSnapshot().namespaces.size === 0) store.addWarning(`namespace "${options.namespace}" does not exist`);
  } else {
    store.replaceAll('namespaces', namespacesOfPods(options.namespace, store.getSnapshot().pods.values()));
  }
  nodes?.commit();
  // After the pods: the store keeps events of the pods it holds (and few others).
  events?.commit();
  store.setConnection({ state: 'live', message: null });
  store.markUpdated();
}
