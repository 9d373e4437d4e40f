import type { NamespaceSummary } from '../../view-model/cluster-view.js';
import { useUIState } from '../app/contexts.js';
import { useVisibleRows } from '../hooks/useVisibleRows.js';
import { namespaceRows } from '../app/list-rows.js';
import { Table, type Column } from '../components/Table.js';
import { namespaceRowKey } from '../state/rows.js';
import type { Theme } from '../theme.js';

function columns(theme: Theme): Column<NamespaceSummary>[] {
  const count = (n: number) => String(n);
  return [
    { id: 'name', header: 'NAMESPACE', width: 16, flex: true, priority: 0, cell: (r) => r.name },
    { id: 'pods', header: 'PODS', width: 5, priority: 0, align: 'right', cell: (r) => count(r.pods) },
    { id: 'fargate', header: 'FARGATE', width: 7, priority: 1, align: 'right', cell: (r) => count(r.onFargate) },
    {
      id: 'reschedule',
      header: 'RESCHEDULE',
      width: 10,
      priority: 0,
      align: 'right',
      cell: (r) => count(r.needsReschedule),
      style: (r) => (r.needsReschedule > 0 ? theme.verdict.reschedule : undefined),
    },
    {
      id: 'blocked',
      header: 'BLOCKED',
      width: 7,
      priority: 1,
      align: 'right',
      cell: (r) => count(r.blocked),
      style: (r) => (r.blocked > 0 ? theme.verdict.blocked : undefined),
    },
    {
      id: 'pending',
      header: 'PENDING',
      width: 7,
      priority: 2,
      align: 'right',
      cell: (r) => count(r.pending),
      style: (r) => (r.pending > 0 ? theme.verdict.pending : undefined),
    },
    {
      id: 'profiles',
      header: 'PROFILES',
      width: 24,
      flex: true,
      priority: 1,
      // EKS order (alphabetical): the first listed is the one a new pod would get.
      cell: (r) => (r.profiles.length ? [...r.profiles].sort().join(', ') : '-'),
      style: (r) => (r.profiles.length ? undefined : theme.text.secondary),
    },
  ];
}

/** Namespaces: pods, on Fargate, needing reschedule, and the profiles covering each. */
export function NamespacesView() {
  const { view, nav, selectors, theme, layout, now } = useUIState();
  const { rows, cursor } = namespaceRows(view, nav, selectors);
  const visible = useVisibleRows(rows, cursor, layout.bodyHeight - 1);
  return (
    <Table
      columns={columns(theme)}
      {...visible}
      rowKey={namespaceRowKey}
      cursor={cursor}
      height={layout.bodyHeight - 1}
      width={layout.columns}
      theme={theme}
      now={now}
      emptyText="No namespaces (yet)."
    />
  );
}
