import { useMemo, useRef, useSyncExternalStore } from 'react';
import type { ClusterView, ClusterIdentity } from '../../view-model/cluster-view.js';
import { ClusterViewModel, type SnapshotFeed } from '../../view-model/cluster-view-model.js';

export interface LiveCluster {
  view: ClusterView;
}

/**
 * The live snapshot and its view-model, updated once per snapshot. The model keeps the previous
 * rows, so a watch event re-places and re-sorts only the pods it touched, not all of them. A
 * snapshot of another cluster (`:ctx` switched the feed to a new store) starts a new model:
 * nothing of the last cluster's rows, versions or placements is reused.
 */
export function useClusterView(store: SnapshotFeed): LiveCluster {
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const model = useRef<{ identity: ClusterIdentity; model: ClusterViewModel } | null>(null);
  if (model.current?.identity !== snapshot.identity) model.current = { identity: snapshot.identity, model: new ClusterViewModel() };
  const current = model.current.model;
  const view = useMemo(() => current.update(snapshot), [current, snapshot]);
  return { view };
}
