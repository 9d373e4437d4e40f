import type { PodView } from '../../view-model/cluster-view.js';
import { NO_OUTDATED_HERE } from '../../view-model/words/upgrade.js';
import { POD_FACTS, type PodFactId, type PodWordContext } from '../../view-model/words/pod.js';
import { useUIState } from '../app/contexts.js';
import { podRows } from '../app/list-rows.js';
import type { Column } from '../components/Table.js';
import { podRowKey } from '../state/rows.js';
import type { ListScreen } from '../state/screen.js';
import { sortMark, type PodSort } from '../state/sort.js';
import { toneStyle, type Theme } from '../theme.js';
import { ListTable } from './ListTable.js';

type Fit = Pick<Column<PodView>, 'width' | 'minWidth' | 'priority' | 'flex' | 'align' | 'cut'>;

/**
 * The pods view's columns in order, and how each fits the terminal; what they say is POD_FACTS'.
 * NAMESPACE, NAME and VERDICT are always shown (in the all-namespaces view a pod's name alone
 * does not say which pod it is); at 40 columns the two names give up width, cut in the middle.
 */
const LAYOUT: ReadonlyArray<[PodFactId, Fit]> = [
  ['namespace', { width: 14, minWidth: 7, priority: 0, cut: 'middle' }],
  ['name', { width: 20, minWidth: 9, flex: true, priority: 0, cut: 'middle' }],
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

export function podColumns(theme: Theme, opts: PodWordContext & { allNamespaces: boolean; sort?: PodSort }): Column<PodView>[] {
  const cols = LAYOUT.map(([id, fit]): Column<PodView> => {
    const fact = POD_FACTS[id];
    const mark = opts.sort ? sortMark(opts.sort, id) : '';
    return { id, header: fact.header, ...fit, ...(mark ? { mark } : {}), cell: (r) => fact.word(r, opts).text, style: (r) => toneStyle(theme, fact.word(r, opts).tone) };
  });
  return opts.allNamespaces ? cols : cols.filter((c) => c.id !== 'namespace');
}

/** Pods of the selected namespace (or all): where each runs, where it should, and the verdict. */
export function PodsView({ screen }: { screen: Extract<ListScreen, { kind: 'pods' }> }) {
  const { view, nav, selectors, theme, now } = useUIState();
  const columns = podColumns(theme, { allNamespaces: screen.namespace === null, proposed: view.proposed, now, sort: nav.sort });
  return (
    <ListTable
      list={podRows(view, nav, selectors, screen)}
      columns={columns}
      rowKey={podRowKey}
      marks={nav.marks}
      changedAt={view.changedAt}
      emptyText={nav.onlyOutdated ? NO_OUTDATED_HERE : nav.onlyReschedule ? 'No pods need a reschedule here.' : 'No pods.'}
    />
  );
}
