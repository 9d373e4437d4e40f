import type { ListLike } from '../../lib/joined-list.js';
import type { ClusterView, NamespaceSummary, PodView, ProfileSummary } from '../../view-model/cluster-view.js';
import { effectiveFilter, topScreen, type NavState } from '../state/navigation.js';
import { cursorIndex, rowKeys, type RowKeys } from '../state/row-keys.js';
import { contextRowKey, namespaceRowKey, podRowKey, profileRowKey, selectContexts, type RowSelectors } from '../state/rows.js';
import type { ListScreen } from '../state/screen.js';
import type { KubeContextInfo } from '../tui-actions.js';

export interface ListRows<R> {
  rows: ListLike<R>;
  keys: RowKeys;
  cursor: number;
}

// The same (memoised) rows for the renderer and the key handler, so `enter` opens exactly the
// row that is highlighted.

type Of<K extends ListScreen['kind']> = Extract<ListScreen, { kind: K }>;

export function podRows(view: ClusterView, nav: NavState, selectors: RowSelectors, screen: Of<'pods'>): ListRows<PodView> {
  const rows = selectors.pods(view, {
    namespace: screen.namespace,
    filter: effectiveFilter(nav, screen),
    sort: nav.sort,
    onlyReschedule: nav.onlyReschedule,
    onlyOutdated: nav.onlyOutdated,
  });
  const keys = rowKeys(rows, podRowKey);
  return { rows, keys, cursor: cursorIndex(keys, nav.selection.pods) };
}

export function profilePodRows(view: ClusterView, nav: NavState, selectors: RowSelectors, screen: Of<'profile'>): ListRows<PodView> {
  const rows = selectors.profilePods(view, { profile: screen.profile, filter: effectiveFilter(nav, screen), sort: nav.sort });
  const keys = rowKeys(rows, podRowKey);
  return { rows, keys, cursor: cursorIndex(keys, nav.selection.profile) };
}

export function namespaceRows(view: ClusterView, nav: NavState, selectors: RowSelectors, screen: Of<'namespaces'>): ListRows<NamespaceSummary> {
  const rows = selectors.namespaces(view, effectiveFilter(nav, screen));
  const keys = rowKeys(rows, namespaceRowKey);
  return { rows, keys, cursor: cursorIndex(keys, nav.selection.namespaces) };
}

export function profileRows(view: ClusterView, nav: NavState, selectors: RowSelectors, screen: Of<'profiles'>): ListRows<ProfileSummary> {
  const rows = selectors.profiles(view, effectiveFilter(nav, screen));
  const keys = rowKeys(rows, profileRowKey);
  return { rows, keys, cursor: cursorIndex(keys, nav.selection.profiles) };
}

export function contextRows(nav: NavState, screen: Of<'contexts'>): ListRows<KubeContextInfo> {
  const rows = selectContexts(screen.contexts, effectiveFilter(nav, screen));
  const keys = rowKeys(rows, contextRowKey);
  return { rows, keys, cursor: cursorIndex(keys, nav.selection.contexts) };
}

export function listRows(screen: ListScreen, view: ClusterView, nav: NavState, selectors: RowSelectors): ListRows<unknown> {
  switch (screen.kind) {
    case 'pods':
      return podRows(view, nav, selectors, screen);
    case 'profile':
      return profilePodRows(view, nav, selectors, screen);
    case 'namespaces':
      return namespaceRows(view, nav, selectors, screen);
    case 'profiles':
      return profileRows(view, nav, selectors, screen);
    case 'contexts':
      return contextRows(nav, screen);
  }
}

/** The pod rows of the top screen (a pods list or a profile's pods), if it is one. */
export function topPodRows(view: ClusterView, nav: NavState, selectors: RowSelectors): ListRows<PodView> | null {
  const top = topScreen(nav);
  if (top.kind === 'pods') return podRows(view, nav, selectors, top);
  if (top.kind === 'profile') return profilePodRows(view, nav, selectors, top);
  return null;
}

/** The pod the keys y, d, l and c act on: the detail's (or YAML's, log's ...), else the selected row's. */
export function focusedPodKey(view: ClusterView, nav: NavState, selectors: RowSelectors): string | null {
  const top = topScreen(nav);
  if ('podKey' in top) return top.podKey;
  const list = topPodRows(view, nav, selectors);
  return list ? (list.keys.keyAt(list.cursor) ?? null) : null;
}
