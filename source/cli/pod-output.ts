import { buildReport, buildReportFrame, reportPod, type ReportDocument, type ReportFrame } from '../report/document.js';
import { jsonPieces } from '../report/json-pieces.js';
import { yamlPieces } from '../report/yaml-pieces.js';
import { jsonpathOutput } from '../report/jsonpath.js';
import { customColumnsTable, podNames, sortPods } from '../report/pod-outputs.js';
import type { ClusterView, PodView } from '../view-model/cluster-view.js';
import type { Options } from './flags.js';

// What the one-shot faces print for a list of pods, in every -o form. The document forms (json,
// yaml, jsonpath) print the --json document; the row forms one line per pod, `table` and `wide`
// by the face's own table (the report's or check's).

/**
 * JSON and YAML are made while they are written, a batch of pods at a time (json-pieces.ts,
 * yaml-pieces.ts), each batch's report pods made from their views just before.
 */
function serialize(frame: ReportFrame, format: 'json' | 'yaml'): Iterable<string> {
  const lazy = { items: frame.views, each: reportPod };
  return format === 'json' ? jsonPieces(frame.document, 'pods', { lazy }) : yamlPieces(frame.document, 'pods', { lazy });
}

export function podsOutput(
  options: Options,
  view: ClusterView,
  unsorted: readonly PodView[],
  face: { kind?: ReportDocument['kind']; table: (pods: readonly PodView[]) => string },
): string | Iterable<string> {
  const pods = sortPods(unsorted, options.sortBy);
  const output = options.output ?? 'table';
  switch (output) {
    case 'json':
    case 'yaml':
      return serialize(buildReportFrame(view, { kind: face.kind, pods }), output);
    case 'jsonpath':
      return jsonpathOutput(options.template ?? '', buildReport(view, { kind: face.kind, pods }));
    case 'name':
      return podNames(pods);
    case 'custom-columns':
      return customColumnsTable(pods, options.template ?? '', options.headers);
    case 'table':
    case 'wide':
      return face.table(pods);
  }
}
