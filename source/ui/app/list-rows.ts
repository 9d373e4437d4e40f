import type { ClusterView, NamespaceSummary, PodView, ProfileSummary } from '../../view-model/cluster-view.js';
import { effectiveFilter, type ListView, type NavState } from '../state/navigation.js';
import { cursorIndex, rowKeys, type RowKeys } from '../state/row-keys.js';
import { namespaceRowKey, podRowKey, profileRowKey, type RowSelectors } from '../state/rows.js';

export interface ListRows<R> {
  rows: readonly R[];
  keys: RowKeys;
  cursor: number;
}

// The same (memoised) rows for the renderer and the key handler, so `enter` opens exactly the
// row that is highlighted.

export function podRows(view: ClusterView, nav: NavState, selectors: RowSelectors): ListRows<PodView> {
  const rows = selectors.pods(view, {
    namespace: nav.namespace,
    filter: effectiveFilter(nav, 'pods'),
    sort: nav.sort,
    onlyReschedule: nav.onlyReschedule,
    onlyOutdated: nav.onlyOutdated,
  });
  const keys = rowKeys(rows, podRowKey);
  return { rows, keys, cursor: cursorIndex(keys, nav.selection.pods) };
}

export function namespaceRows(view: ClusterView, nav: NavState, selectors: RowSelectors): ListRows<NamespaceSummary> {
  const rows = selectors.namespaces(view, effectiveFilter(nav, 'namespaces'));
  const keys = rowKeys(rows, namespaceRowKey);
  return { rows, keys, cursor: cursorIndex(keys, nav.selection.namespaces) };
}

export function profileRows(view: ClusterView, nav: NavState, selectors: RowSelectors): ListRows<ProfileSummary> {
  const rows = selectors.profiles(view, effectiveFilter(nav, 'profiles'));
  const keys = rowKeys(rows, profileRowKey);
  return { rows, keys, cursor: cursorIndex(keys, nav.selection.profiles) };
}

export function listRows(list: ListView, view: ClusterView, nav: NavState, selectors: RowSelectors): ListRows<unknown> {
  if (list === 'pods') return podRows(view, nav, selectors);
  if (list === 'namespaces') return namespaceRows(view, nav, selectors);
  return profileRows(view, nav, selectors);
}
