import { useUIState } from '../app/contexts.js';
import { contextRows } from '../app/list-rows.js';
import type { Column } from '../components/Table.js';
import { contextRowKey } from '../state/rows.js';
import type { ListScreen } from '../state/screen.js';
import type { KubeContextInfo } from '../tui-actions.js';
import { ListTable } from './ListTable.js';

/** `:ctx`: the kubeconfig's contexts, the one shown marked; enter switches the live view to another. */
export function ContextsView({ screen }: { screen: Extract<ListScreen, { kind: 'contexts' }> }) {
  const { nav, theme } = useUIState();
  const columns: Column<KubeContextInfo>[] = [
    { id: 'current', header: '', width: 1, priority: 0, cell: (r) => (r.current ? '*' : ''), style: () => theme.text.accent },
    { id: 'name', header: 'CONTEXT', width: 24, minWidth: 10, flex: true, priority: 0, cut: 'middle', cell: (r) => r.name },
    { id: 'cluster', header: 'CLUSTER', width: 24, flex: true, priority: 1, cut: 'middle', cell: (r) => r.cluster },
    { id: 'namespace', header: 'NAMESPACE', width: 12, priority: 2, cell: (r) => r.namespace ?? '' },
  ];
  return <ListTable list={contextRows(nav, screen)} columns={columns} rowKey={contextRowKey} emptyText="The kubeconfig has no contexts." />;
}
