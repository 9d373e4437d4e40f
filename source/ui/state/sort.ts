// k9s-style sorting of pod lists: shift+letter sorts by a column, the same key again reverses it,
// and the column's header carries ▲ (ascending) or ▼ (descending).
import type { Verdict } from '../../domain/types.js';
import { comparePodViews as byNamespaceAndName, type PodView } from '../../view-model/cluster-view.js';
import { POD_FACTS } from '../../view-model/words/pod.js';

/** Pod columns that sort (their ids are POD_FACTS' ids). */
export type SortColumn = 'name' | 'status' | 'runsOn' | 'current' | 'expected' | 'verdict' | 'age';

export const SORT_COLUMNS: readonly SortColumn[] = ['name', 'status', 'runsOn', 'current', 'expected', 'verdict', 'age'];

export interface PodSort {
  column: SortColumn;
  descending: boolean;
}

/** Namespace then name, like `kubectl get pods -A`: the view-model's own order, no copy needed. */
export const DEFAULT_SORT: PodSort = { column: 'name', descending: false };

/** The key for a column pressed: that column ascending, or the same column reversed. */
export const sortBy = (current: PodSort, column: SortColumn): PodSort =>
  current.column === column ? { column, descending: !current.descending } : { column, descending: false };

export const isDefaultSort = (sort: PodSort): boolean => sort.column === DEFAULT_SORT.column && sort.descending === DEFAULT_SORT.descending;

/** ▲ / ▼ after the header of the sorted column; '' for the others. */
export const sortMark = (sort: PodSort, columnId: string): string => (sort.column === columnId ? (sort.descending ? '▼' : '▲') : '');

/** Most actionable first: what the user can fix, then what needs attention, then the healthy. */
export const VERDICT_RANK: Record<Verdict, number> = {
  reschedule: 0,
  blocked: 1,
  pending: 2,
  unknown: 3,
  ok: 4,
  completed: 5,
};

const NO_PROPOSALS: ReadonlySet<string> = new Set();
const textOf = (column: SortColumn, row: PodView): string => POD_FACTS[column].word(row, { proposed: NO_PROPOSALS, now: 0 }).text;
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareBy(column: SortColumn): (a: PodView, b: PodView) => number {
  switch (column) {
    case 'name':
      return byNamespaceAndName;
    case 'age':
      // Ascending age: the youngest first.
      return (a, b) => b.pod.createdAt - a.pod.createdAt;
    case 'verdict':
      return (a, b) => VERDICT_RANK[a.placement.verdict] - VERDICT_RANK[b.placement.verdict];
    default:
      return (a, b) => compareText(textOf(column, a), textOf(column, b));
  }
}

/** A new sorted array; ties fall back to namespace/name (never reversed) so the order is stable between snapshots. */
export function sortPods(rows: readonly PodView[], sort: PodSort): PodView[] {
  const by = compareBy(sort.column);
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => sign * by(a, b) || byNamespaceAndName(a, b));
}
