import type { PodView } from '../view-model/cluster-view.js';
import type { PodFactId } from '../view-model/words/pod.js';
import { renderColumns, type Column } from './columns.js';
import { REPORT_API_VERSION, type ReportDocument } from './document.js';
import { jsonPieces, stringifyAt } from './json-pieces.js';
import { yamlPieces, yamlText } from './yaml-pieces.js';
import { factColumns } from './table.js';

// The one-shot outputs for several clusters (--contexts, --all-contexts): one document whose
// `clusters` holds each cluster's usual document, or `{context, error}` where it could not be read.

export type ClusterEntry = ReportDocument | { context: string; error: string };

export interface MultiClusterDocument {
  apiVersion: typeof REPORT_API_VERSION;
  kind: 'FargatePlacementReportList' | 'FargateCheckList';
  generatedAt: string;
  clusters: ClusterEntry[];
}

export const listKind = (kind: ReportDocument['kind']): MultiClusterDocument['kind'] =>
  kind === 'FargateCheck' ? 'FargateCheckList' : 'FargatePlacementReportList';

/** Indentation of a cluster inside `clusters` (two levels of 2 spaces). */
const INDENT = '    ';

/**
 * The JSON of the document (2-space indentation, as JSON.stringify(doc, null, 2) + "\n") written
 * while the clusters come in: each entry is awaited in order and made a batch of pods at a time
 * (json-pieces.ts), so a slow cluster holds back only the ones after it and no cluster's whole
 * text is ever one string.
 */
export async function* multiClusterJsonPieces(
  head: Omit<MultiClusterDocument, 'clusters'>,
  entries: AsyncIterable<ClusterEntry> | Iterable<ClusterEntry | Promise<ClusterEntry>>,
): AsyncGenerator<string> {
  const shell = JSON.stringify({ ...head, clusters: [] }, null, 2);
  // `"clusters": []\n}`: the text before the `]` opens the list.
  const open = shell.slice(0, shell.lastIndexOf(']'));
  yield open;
  let first = true;
  for await (const entry of entries) {
    yield first ? `\n${INDENT}` : `,\n${INDENT}`;
    first = false;
    // Written two levels down (inside `clusters`) as the pieces are made: no second pass to indent.
    yield* 'pods' in entry ? jsonPieces(entry, 'pods', { depth: 2 }) : [stringifyAt(entry, 2)];
  }
  yield first ? ']\n}\n' : '\n  ]\n}\n';
}

/**
 * The YAML of the document, written while the clusters come in, each cluster a batch of pods at a
 * time (yaml-pieces.ts) as an item of `clusters`. Every piece ends at the end of a line, so each
 * is indented on its own; YAML's meaning does not change with a common indentation.
 */
export async function* multiClusterYamlPieces(
  head: Omit<MultiClusterDocument, 'clusters'>,
  entries: AsyncIterable<ClusterEntry> | Iterable<ClusterEntry | Promise<ClusterEntry>>,
): AsyncGenerator<string> {
  yield `${yamlText(head)}clusters:\n`;
  let any = false;
  for await (const entry of entries) {
    any = true;
    let first = true;
    for (const piece of 'pods' in entry ? yamlPieces(entry, 'pods') : [yamlText(entry)]) {
      const text = piece.replace(/^(?=.)/gm, INDENT);
      yield first ? `  - ${text.slice(INDENT.length)}` : text;
      first = false;
    }
  }
  if (!any) yield '  []\n';
}

/** A pod row of a several-cluster table. */
export interface ContextRow {
  context: string;
  view: PodView;
}

/** A CONTEXT column first, then the single-cluster table's columns for each row's pod. */
export function contextTable(
  rows: readonly ContextRow[],
  ids: readonly PodFactId[],
  options: { headers: boolean; color: boolean; proposed: ReadonlySet<string> },
): string {
  const columns: Column<ContextRow>[] = [
    { header: 'CONTEXT', value: (row) => row.context },
    ...factColumns(ids, options).map((column): Column<ContextRow> => {
      const paint = column.paint;
      return {
        header: column.header,
        value: (row) => column.value(row.view),
        ...(paint ? { paint: (row: ContextRow, padded: string) => paint(row.view, padded) } : {}),
      };
    }),
  ];
  return renderColumns(rows, columns, options.headers);
}
