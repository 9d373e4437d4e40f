import type { NamespaceSummary } from '../../view-model/cluster-view.js';
import { useUIState } from '../app/contexts.js';
import { namespaceRows } from '../app/list-rows.js';
import type { Column } from '../components/Table.js';
import { namespaceRowKey } from '../state/rows.js';
import type { ListScreen } from '../state/screen.js';
import type { Style, Theme } from '../theme.js';
import { ListTable } from './ListTable.js';
import { usdWord } from '../../view-model/words/price.js';

type Count = 'pods' | 'onFargate' | 'needsReschedule' | 'blocked' | 'pending';

/** A right-aligned count; `alert` colours it when it is not zero. */
function countColumn(id: string, header: string, count: Count, priority: number, alert?: Style): Column<NamespaceSummary> {
  return {
    id,
    header,
    width: Math.max(5, header.length),
    priority,
    align: 'right',
    cell: (r) => String(r[count]),
    style: alert && ((r) => (r[count] > 0 ? alert : undefined)),
  };
}

function columns(theme: Theme): Column<NamespaceSummary>[] {
  return [
    { id: 'name', header: 'NAMESPACE', width: 16, minWidth: 8, flex: true, priority: 0, cut: 'middle', cell: (r) => r.name },
    countColumn('pods', 'PODS', 'pods', 0),
    countColumn('fargate', 'FARGATE', 'onFargate', 1),
    countColumn('reschedule', 'RESCHEDULE', 'needsReschedule', 0, theme.verdict.reschedule),
    countColumn('blocked', 'BLOCKED', 'blocked', 1, theme.verdict.blocked),
    countColumn('pending', 'PENDING', 'pending', 2, theme.verdict.pending),
    { id: 'usd', header: 'USD/H', width: 8, priority: 3, align: 'right', cell: (r) => usdWord(r.hourlyUsd).text },
    {
      id: 'profiles',
      header: 'PROFILES',
      width: 24,
      flex: true,
      priority: 1,
      // In EKS's order of choice (namespaceProfiles): the first listed is the one a new pod would get.
      cell: (r) => (r.profiles.length ? r.profiles.join(', ') : '-'),
      style: (r) => (r.profiles.length ? undefined : theme.text.secondary),
    },
  ];
}

/** Namespaces: pods, on Fargate, needing reschedule, and the profiles covering each. */
export function NamespacesView({ screen }: { screen: Extract<ListScreen, { kind: 'namespaces' }> }) {
  const { view, nav, selectors, theme } = useUIState();
  return <ListTable list={namespaceRows(view, nav, selectors, screen)} columns={columns(theme)} rowKey={namespaceRowKey} emptyText="No namespaces (yet)." />;
}
