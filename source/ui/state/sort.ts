import type { Verdict } from '../../domain/types.js';
import { comparePodViews as byName, type PodView } from '../../view-model/cluster-view.js';

export type SortKey = 'name' | 'age' | 'verdict';

export const SORT_KEYS: readonly SortKey[] = ['name', 'age', 'verdict'];

export function nextSort(current: SortKey): SortKey {
  return SORT_KEYS[(SORT_KEYS.indexOf(current) + 1) % SORT_KEYS.length] ?? 'name';
}

/** Most actionable first: what the user can fix, then what needs attention, then the healthy. */
export const VERDICT_RANK: Record<Verdict, number> = {
  reschedule: 0,
  blocked: 1,
  pending: 2,
  unknown: 3,
  ok: 4,
  completed: 5,
};

/** A new sorted array; ties always fall back to namespace/name so the order is stable between snapshots. */
export function sortPods(rows: readonly PodView[], key: SortKey): PodView[] {
  const out = [...rows];
  switch (key) {
    case 'name':
      return out.sort(byName);
    case 'age':
      // Youngest first, like k9s' age sort.
      return out.sort((a, b) => b.pod.createdAt - a.pod.createdAt || byName(a, b));
    case 'verdict':
      return out.sort((a, b) => VERDICT_RANK[a.placement.verdict] - VERDICT_RANK[b.placement.verdict] || byName(a, b));
  }
}
