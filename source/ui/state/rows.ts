import type { ClusterView, NamespaceSummary, PodView, ProfileSummary } from '../../view-model/cluster-view.js';
import { matchesFilter, parseFilter } from './filter.js';
import { sortPods, type SortKey } from './sort.js';

export interface PodQuery {
  namespace: string | null;
  filter: string;
  sort: SortKey;
  onlyReschedule: boolean;
  /** Only pods that block the next control-plane upgrade (view-model's `upgrade.outdated`). */
  onlyOutdated?: boolean;
}

/** Remember the last answer per (view, query): the renderer and the key handler ask the same question. */
function memoLast<A, R>(compute: (view: ClusterView, arg: A) => R, same: (a: A, b: A) => boolean) {
  let last: { view: ClusterView; arg: A; result: R } | null = null;
  return (view: ClusterView, arg: A): R => {
    if (last && last.view === view && same(last.arg, arg)) return last.result;
    const result = compute(view, arg);
    last = { view, arg, result };
    return result;
  };
}

export function selectPods(view: ClusterView, query: PodQuery): readonly PodView[] {
  const base = query.namespace === null ? view.pods : (view.byNamespace.get(query.namespace) ?? []);
  const filter = parseFilter(query.filter);
  // The common case (no filter, name order) shares the view-model's array: no copy per snapshot.
  if (filter.kind === 'none' && !query.onlyReschedule && !query.onlyOutdated && query.sort === 'name') return base;
  const kept = base.filter(
    (row) =>
      (!query.onlyReschedule || row.placement.needsReschedule === true) && (!query.onlyOutdated || row.upgrade?.outdated === true) && matchesFilter(filter, row.pod.name, row.pod.labels),
  );
  // The view-model already orders by namespace/name; only re-sort for the other keys.
  return query.sort === 'name' ? kept : sortPods(kept, query.sort);
}

export function selectNamespaces(view: ClusterView, filterText: string): NamespaceSummary[] {
  const filter = parseFilter(filterText);
  return filter.kind === 'none' ? view.namespaces : view.namespaces.filter((ns) => matchesFilter(filter, ns.name));
}

export function selectProfiles(view: ClusterView, filterText: string): ProfileSummary[] {
  const filter = parseFilter(filterText);
  const rows = view.profiles.filter((p) => matchesFilter(filter, p.profile.name));
  return rows.sort((a, b) => (a.profile.name < b.profile.name ? -1 : a.profile.name > b.profile.name ? 1 : 0) || (a.proposed ? 1 : 0) - (b.proposed ? 1 : 0));
}

export interface RowSelectors {
  pods: (view: ClusterView, query: PodQuery) => readonly PodView[];
  namespaces: (view: ClusterView, filter: string) => NamespaceSummary[];
  profiles: (view: ClusterView, filter: string) => ProfileSummary[];
}

/** One set per App instance, so two TUIs (tests) never share caches. */
export function createRowSelectors(): RowSelectors {
  return {
    pods: memoLast(selectPods, (a, b) => a.namespace === b.namespace && a.filter === b.filter && a.sort === b.sort && a.onlyReschedule === b.onlyReschedule && a.onlyOutdated === b.onlyOutdated),
    namespaces: memoLast(selectNamespaces, (a, b) => a === b),
    profiles: memoLast(selectProfiles, (a, b) => a === b),
  };
}

export const podRowKey = (row: PodView): string => row.key;
export const namespaceRowKey = (row: NamespaceSummary): string => row.name;
/** A file profile may share a name with a live one; keep them apart. */
export const profileRowKey = (row: ProfileSummary): string => `${row.profile.source}:${row.profile.name}`;
