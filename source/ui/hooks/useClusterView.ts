import { useMemo, useRef, useSyncExternalStore } from 'react';
import type { ClusterView } from '../../view-model/cluster-view.js';
import { ClusterViewModel, type SnapshotFeed } from '../../view-model/cluster-view-model.js';

export interface LiveCluster {
  view: ClusterView;
}

/**
 * The live snapshot and its view-model, updated once per snapshot. The model keeps the previous
 * rows, so a watch event re-places and re-sorts only the pods it touched, not all of them.
 */
export function useClusterView(store: SnapshotFeed): LiveCluster {
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const model = useRef<ClusterViewModel | null>(null);
  model.current ??= new ClusterViewModel();
  const view = useMemo(() => model.current!.update(snapshot), [snapshot]);
  return { view };
}
