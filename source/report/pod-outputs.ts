import type { PodView } from '../view-model/cluster-view.js';
import { NONE } from '../view-model/words/pod.js';
import { renderColumns, type Column } from './columns.js';
import { reportPod, type ReportPod } from './document.js';
import { findResults, firstResult, printValue } from './jsonpath.js';
import { parseCustomColumns, relaxedPath } from './jsonpath-template.js';
import { UsageError } from '../errors.js';

// kubectl's per-item outputs, over the pods as --json shows them (README's schema): -o name,
// -o custom-columns and --sort-by take each pod's --json object; -o jsonpath takes the document.

/** `-o name`: `pod/NAME` per pod, as kubectl prints it (no namespace, even with -A). */
export const podNames = (pods: readonly PodView[]): string => pods.map((v) => `pod/${v.pod.name}\n`).join('');

/** The columns of `-o custom-columns`: several values of a path join with ",", none reads <none>. */
export function customColumns(spec: string): Column<PodView>[] {
  const asJson = new WeakMap<PodView, ReportPod>();
  const json = (view: PodView): ReportPod => asJson.get(view) ?? asJson.set(view, reportPod(view)).get(view)!;
  const cell = (row: ReportPod, path: string): string => {
    const values = findResults(path, row, row).filter((v) => v !== null && v !== undefined);
    return values.length === 0 ? NONE : values.map(printValue).join(',');
  };
  return parseCustomColumns(spec).map((c) => ({ header: c.header, value: (view) => cell(json(view), c.path) }));
}

/** `-o custom-columns`: one row per pod. */
export const customColumnsTable = (pods: readonly PodView[], spec: string, headers: boolean): string => renderColumns(pods, customColumns(spec), headers);

/** `-o name` as a one-column table without header (for --watch's rows). */
export const NAME_COLUMN: Column<PodView> = { header: '', value: (view) => `pod/${view.pod.name}` };

/**
 * `--sort-by PATH`: pods ordered by that field of their --json form (numbers by value, text as
 * kubectl compares it; pods without the field first). A path no pod has is a mistake in the flag.
 */
export function sortPods(pods: readonly PodView[], sortBy: string | undefined): PodView[] {
  if (sortBy === undefined) return [...pods];
  const path = relaxedPath(sortBy, '--sort-by');
  const keyed = pods.map((view) => ({ view, key: firstResult(path, reportPod(view)) }));
  if (keyed.length > 0 && keyed.every((k) => k.key === undefined || k.key === null)) {
    throw new UsageError(`--sort-by ${sortBy}: no pod has that field`, 'give a field of the --json pods, e.g. --sort-by .name or --sort-by .size.hourlyUsd');
  }
  return keyed.sort((a, b) => compareValues(a.key, b.key)).map((k) => k.view);
}

function compareValues(a: unknown, b: unknown): number {
  const missing = (v: unknown) => v === undefined || v === null;
  if (missing(a) || missing(b)) return missing(a) === missing(b) ? 0 : missing(a) ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const x = printValue(a);
  const y = printValue(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
