import { JoinedList, type ListLike } from '../../lib/joined-list.js';
import type { ClusterView, NamespaceSummary, PodView, ProfileSummary } from '../../view-model/cluster-view.js';
import { POD_FACTS, type PodFactId } from '../../view-model/words/pod.js';
import { profileRelationWord, selectorText } from '../../view-model/words/profile.js';
import type { KubeContextInfo } from '../tui-actions.js';
import { matchesFilter, parseFilter, type Filter } from './filter.js';
import { isDefaultSort, sortPods, type PodSort } from './sort.js';

// The rows of each list, filtered and sorted. A text filter matches a row's column texts, as
// the list shows them (one wording: POD_FACTS).

export interface PodQuery {
  namespace: string | null;
  filter: string;
  sort: PodSort;
  onlyReschedule: boolean;
  /** Only pods that block the next control-plane upgrade (view-model's `upgrade.outdated`). */
  onlyOutdated?: boolean;
}

export interface ProfilePodQuery {
  profile: string;
  filter: string;
  sort: PodSort;
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

/** The pod columns a text filter looks at (what the pods view shows, short of size and age). */
const FILTERED_FACTS: readonly PodFactId[] = ['name', 'status', 'runsOn', 'current', 'expected', 'verdict', 'reason'];

function podTexts(row: PodView, view: ClusterView, withNamespace: boolean): string[] {
  const context = { proposed: view.proposed, now: 0 };
  const texts = FILTERED_FACTS.map((id) => POD_FACTS[id].word(row, context).text);
  return withNamespace ? [row.pod.namespace, ...texts] : texts;
}

const passes = (filter: Filter, row: PodView, view: ClusterView, withNamespace: boolean): boolean =>
  filter.kind === 'none' || matchesFilter(filter, filter.kind === 'text' ? podTexts(row, view, withNamespace) : [], row.pod.labels);

export function selectPods(view: ClusterView, query: PodQuery): ListLike<PodView> {
  const filter = parseFilter(query.filter);
  // The common case (no filter, default order) shares the view-model's arrays: no copy per snapshot.
  // All namespaces: their arrays read as one list (byNamespace is in namespace order), so a watch
  // event costs no 50k-row copy.
  if (filter.kind === 'none' && !query.onlyReschedule && !query.onlyOutdated && isDefaultSort(query.sort)) {
    return query.namespace === null ? new JoinedList([...view.byNamespace.values()]) : (view.byNamespace.get(query.namespace) ?? []);
  }
  const base = query.namespace === null ? view.pods : (view.byNamespace.get(query.namespace) ?? []);
  const kept = base.filter((row) => (!query.onlyReschedule || row.placement.needsReschedule === true) && (!query.onlyOutdated || row.upgrade?.outdated === true) && passes(filter, row, view, query.namespace === null));
  // The view-model already orders by namespace/name; only re-sort for another order.
  return isDefaultSort(query.sort) ? kept : sortPods(kept, query.sort);
}

/** A profile's pods: running under it, or going to it if re-created now. */
export function selectProfilePods(view: ClusterView, query: ProfilePodQuery): readonly PodView[] {
  const filter = parseFilter(query.filter);
  const kept = view.pods.filter((row) => profileRelationWord(row, query.profile) !== null && passes(filter, row, view, true));
  return isDefaultSort(query.sort) ? kept : sortPods(kept, query.sort);
}

export function selectNamespaces(view: ClusterView, filterText: string): NamespaceSummary[] {
  const filter = parseFilter(filterText);
  return filter.kind === 'none' ? view.namespaces : view.namespaces.filter((ns) => matchesFilter(filter, [ns.name, ...ns.profiles]));
}

export function selectProfiles(view: ClusterView, filterText: string): ProfileSummary[] {
  const filter = parseFilter(filterText);
  const rows = view.profiles.filter((p) => matchesFilter(filter, [p.profile.name, p.profile.status, ...p.profile.selectors.map(selectorText)]));
  return rows.sort((a, b) => (a.profile.name < b.profile.name ? -1 : a.profile.name > b.profile.name ? 1 : 0) || (a.proposed ? 1 : 0) - (b.proposed ? 1 : 0));
}

export function selectContexts(contexts: readonly KubeContextInfo[], filterText: string): readonly KubeContextInfo[] {
  const filter = parseFilter(filterText);
  return filter.kind === 'none' ? contexts : contexts.filter((c) => matchesFilter(filter, [c.name, c.cluster, c.namespace ?? '']));
}

export interface RowSelectors {
  pods: (view: ClusterView, query: PodQuery) => ListLike<PodView>;
  profilePods: (view: ClusterView, query: ProfilePodQuery) => readonly PodView[];
  namespaces: (view: ClusterView, filter: string) => NamespaceSummary[];
  profiles: (view: ClusterView, filter: string) => ProfileSummary[];
}

const sameSort = (a: PodSort, b: PodSort) => a.column === b.column && a.descending === b.descending;

/** One set per App instance, so two TUIs (tests) never share caches. */
export function createRowSelectors(): RowSelectors {
  return {
    pods: memoLast(selectPods, (a, b) => a.namespace === b.namespace && a.filter === b.filter && sameSort(a.sort, b.sort) && a.onlyReschedule === b.onlyReschedule && a.onlyOutdated === b.onlyOutdated),
    profilePods: memoLast(selectProfilePods, (a, b) => a.profile === b.profile && a.filter === b.filter && sameSort(a.sort, b.sort)),
    namespaces: memoLast(selectNamespaces, (a, b) => a === b),
    profiles: memoLast(selectProfiles, (a, b) => a === b),
  };
}

export const podRowKey = (row: PodView): string => row.key;
export const namespaceRowKey = (row: NamespaceSummary): string => row.name;
/** A file profile may share a name with a live one; keep them apart. */
export const profileRowKey = (row: ProfileSummary): string => `${row.profile.source}:${row.profile.name}`;
export const contextRowKey = (row: KubeContextInfo): string => row.name;
