import type { PodView } from '../../view-model/cluster-view.js';
import { NO_OUTDATED_HERE } from '../../view-model/words/upgrade.js';
import { POD_FACTS, type PodFactId, type PodWordContext } from '../../view-model/words/pod.js';
import { useUIState } from '../app/contexts.js';
import { podRows } from '../app/list-rows.js';
import type { Column } from '../components/Table.js';
import { podRowKey } from '../state/rows.js';
import { toneStyle, type Theme } from '../theme.js';
import { ListTable } from './ListTable.js';

type Fit = Pick<Column<PodView>, 'width' | 'priority' | 'flex' | 'align'>;

/** The pods view's columns in order, and how each fits the terminal; what they say is POD_FACTS'. */
const LAYOUT: ReadonlyArray<[PodFactId, Fit]> = [
  ['namespace', { width: 14, priority: 2 }],
  ['name', { width: 20, flex: true, priority: 0 }],
  ['status', { width: 12, priority: 2 }],
  ['runsOn', { width: 9, priority: 1 }],
  ['current', { width: 14, priority: 3 }],
  ['expected', { width: 14, priority: 1 }],
  ['verdict', { width: 10, priority: 0 }],
  ['reason', { width: 24, flex: true, priority: 2 }],
  ['kubelet', { width: 13, priority: 3 }],
  ['size', { width: 14, priority: 4 }],
  ['age', { width: 4, priority: 5, align: 'right' }],
];

export function podColumns(theme: Theme, opts: PodWordContext & { allNamespaces: boolean }): Column<PodView>[] {
  const cols = LAYOUT.map(([id, fit]): Column<PodView> => {
    const fact = POD_FACTS[id];
    return { id, header: fact.header, ...fit, cell: (r) => fact.word(r, opts).text, style: (r) => toneStyle(theme, fact.word(r, opts).tone) };
  });
  return opts.allNamespaces ? cols : cols.filter((c) => c.id !== 'namespace');
}

/** Pods of the selected namespace (or all): where each runs, where it should, and the verdict. */
export function PodsView() {
  const { view, nav, selectors, theme, now } = useUIState();
  const columns = podColumns(theme, { allNamespaces: nav.namespace === null, proposed: view.proposed, now });
  return (
    <ListTable
      list={podRows(view, nav, selectors)}
      columns={columns}
      rowKey={podRowKey}
      marks={nav.marks}
      changedAt={view.changedAt}
      emptyText={nav.onlyOutdated ? NO_OUTDATED_HERE : nav.onlyReschedule ? 'No pods need a reschedule here.' : 'No pods.'}
    />
  );
}
