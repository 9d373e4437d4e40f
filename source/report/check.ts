import type { ClusterView, PodView } from '../view-model/cluster-view.js';
import { countText } from '../view-model/words/reschedule.js';
import type { PodFactId } from '../view-model/words/pod.js';
import { renderColumns } from './columns.js';
import { factColumns } from './table.js';

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

export const CHECK_COLUMNS: readonly PodFactId[] = ['namespace', 'name', 'verdict', 'current', 'expected', 'reason'];

export function checkTable(findings: readonly PodView[], options: { headers: boolean; color: boolean; proposed: ReadonlySet<string>; showLabels?: boolean }): string {
  const ids: PodFactId[] = [...CHECK_COLUMNS, ...(options.showLabels ? (['labels'] as const) : [])];
  return renderColumns(findings, factColumns(ids, options), options.headers);
}

export function checkSummary(result: CheckResult, total: number): string {
  if (!checkFailed(result)) return `ok: all ${countText(total, 'pod runs', 'pods run')} where the Fargate profiles say`;
  return `${countText(result.reschedule.length, 'pod needs', 'pods need')} rescheduling, ${countText(result.blocked.length, 'pod is', 'pods are')} blocked from Fargate`;
}
