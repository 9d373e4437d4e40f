import { useMemo, useRef, useSyncExternalStore } from 'react';
import type { ClusterStore } from '../../store/cluster-store.js';
import type { Snapshot } from '../../store/snapshot.js';
import type { ClusterView } from '../../view-model/cluster-view.js';
import { ClusterViewModel } from '../../view-model/cluster-view-model.js';

export interface LiveCluster {
  snapshot: Snapshot;
  view: ClusterView;
}

/**
 * The live snapshot and its view-model, updated once per snapshot. The model keeps the previous
 * rows, so a watch event re-places and re-sorts only the pods it touched, not all of them.
 */
export function useClusterView(store: ClusterStore): LiveCluster {
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const model = useRef<ClusterViewModel | null>(null);
  model.current ??= new ClusterViewModel();
  const view = useMemo(() => model.current!.update(snapshot), [snapshot]);
  return { snapshot, view };
}
