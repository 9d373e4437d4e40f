import { useMemo, useRef, useSyncExternalStore } from 'react';
import type { ClusterStore } from '../../store/cluster-store.js';
import type { Snapshot } from '../../store/snapshot.js';
import { buildClusterView, createPlacementCache, type ClusterView, type PlacementCache } from '../../view-model/cluster-view.js';

export interface LiveCluster {
  snapshot: Snapshot;
  view: ClusterView;
}

/**
 * The live snapshot and its view-model. The view-model is rebuilt once per snapshot, and the
 * placement cache survives between snapshots so a watch event re-judges one pod, not all.
 */
export function useClusterView(store: ClusterStore): LiveCluster {
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const cache = useRef<PlacementCache | null>(null);
  cache.current ??= createPlacementCache();
  const view = useMemo(() => buildClusterView(snapshot, cache.current!), [snapshot]);
  return { snapshot, view };
}
