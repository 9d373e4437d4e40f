import type { ClusterView, PodView } from '../view-model/cluster-view.js';
import { paintVerdict } from './colors.js';
import { renderColumns } from './columns.js';
import { expectedText, mainReason } from './table.js';

// `kubectl fargate check`: the pods a CI pipeline should fail on.

export interface CheckResult {
  /** Pods whose re-creation would change where they run. */
  reschedule: PodView[];
  /** Pods a profile selects (or that sit on fargate-scheduler) but Fargate cannot run. */
  blocked: PodView[];
}

export function checkPods(view: ClusterView): CheckResult {
  return {
    reschedule: view.pods.filter((v) => v.placement.needsReschedule === true),
    blocked: view.pods.filter((v) => v.placement.verdict === 'blocked'),
  };
}

export const checkFailed = (result: CheckResult): boolean => result.reschedule.length + result.blocked.length > 0;

export function checkFindings(result: CheckResult): PodView[] {
  return [...result.reschedule, ...result.blocked].sort(
    (a, b) => (a.pod.namespace < b.pod.namespace ? -1 : a.pod.namespace > b.pod.namespace ? 1 : a.pod.name < b.pod.name ? -1 : 1),
  );
}

export function checkTable(result: CheckResult, { headers, color }: { headers: boolean; color: boolean }): string {
  const paint = paintVerdict(color);
  return renderColumns(
    checkFindings(result),
    [
      { header: 'NAMESPACE', value: (v) => v.pod.namespace },
      { header: 'NAME', value: (v) => v.pod.name },
      { header: 'VERDICT', value: (v) => v.placement.verdict, paint: (v, t) => paint(v.placement.verdict, t) },
      { header: 'CURRENT', value: (v) => v.placement.currentProfile ?? '<none>' },
      { header: 'EXPECTED', value: expectedText },
      { header: 'REASON', value: mainReason },
    ],
    headers,
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function checkSummary(result: CheckResult, total: number): string {
  if (!checkFailed(result)) return `ok: all ${plural(total, 'pod runs', 'pods run')} where the Fargate profiles say`;
  return `${plural(result.reschedule.length, 'pod needs', 'pods need')} rescheduling, ${plural(result.blocked.length, 'pod is', 'pods are')} blocked from Fargate`;
}
