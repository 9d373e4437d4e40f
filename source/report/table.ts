import type { PodView } from '../view-model/cluster-view.js';
import { POD_FACTS, type PodFactId, type PodWordContext } from '../view-model/words/pod.js';
import { paintTone } from './colors.js';
import { renderColumns, type Column } from './columns.js';

export interface TableOptions {
  wide: boolean;
  headers: boolean;
  color: boolean;
  /** Hide the NAMESPACE column when one namespace was asked for, as kubectl does. */
  showNamespace: boolean;
  /** ClusterView.proposed: an expected --profiles-file profile reads `name*`, as in the TUI. */
  proposed: ReadonlySet<string>;
  /** --show-labels: a LABELS column last, as kubectl adds it. */
  showLabels?: boolean;
}

/** Table columns of pod facts: their headers, words and colours are POD_FACTS', as in the TUI. */
export function factColumns(ids: readonly PodFactId[], options: { color: boolean; proposed: ReadonlySet<string> }): Column<PodView>[] {
  const paint = paintTone(options.color);
  const context: PodWordContext = { proposed: options.proposed, now: Date.now() };
  return ids.map((id): Column<PodView> => {
    const fact = POD_FACTS[id];
    const value = (v: PodView) => fact.word(v, context).text;
    return options.color ? { header: fact.header, value, paint: (v, padded) => paint(fact.word(v, context).tone, padded) } : { header: fact.header, value };
  });
}

const PLAIN: readonly PodFactId[] = ['name', 'status', 'runsOn', 'current', 'expected', 'verdict'];
const WIDE: readonly PodFactId[] = ['node', 'kubelet', 'owner', 'size', 'price', 'reason'];

/** The pod table's columns: NAMESPACE unless one namespace was asked for, the wide ones with -o wide. */
export const podTableIds = (options: Pick<TableOptions, 'wide' | 'showNamespace' | 'showLabels'>): PodFactId[] => [
  ...(options.showNamespace ? (['namespace'] as const) : []),
  ...PLAIN,
  ...(options.wide ? WIDE : []),
  ...(options.showLabels ? (['labels'] as const) : []),
];

export function podTable(pods: readonly PodView[], options: TableOptions): string {
  return renderColumns(pods, podTableColumns(options), options.headers);
}

/** The columns of the pod table (also used row by row by --watch). */
export function podTableColumns(options: TableOptions): Column<PodView>[] {
  return factColumns(podTableIds(options), options);
}
