import { isCompleted } from '../domain/placement.js';
import { parseKubeVersion } from '../domain/versions.js';
import type { ClusterView, PodView } from '../view-model/cluster-view.js';
import { workloadKey } from '../view-model/cluster-view.js';
import { countText } from '../view-model/words/reschedule.js';
import { blockingText, kubeletWord, nothingBlocksText } from '../view-model/words/upgrade.js';
import { paintTone } from './colors.js';
import { renderColumns, type Column } from './columns.js';
import type { ReportUpgrade } from './document.js';

// `kubectl fargate check --upgrade`: the Fargate pods that block the next control-plane upgrade
// (an older kubelet minor than the control plane's, spec §2.5), grouped by the workload to
// recycle. A CI step before `eksctl upgrade cluster` fails on them.

export interface UpgradeWorkload {
  namespace: string;
  /** Deployment, StatefulSet, Job, ... or "Pod" for a bare pod. */
  kind: string;
  name: string;
  /** Its outdated pods, by name. */
  pods: PodView[];
}

export interface UpgradeCheck {
  /** "1.33". */
  controlPlane: string;
  /** "1.34". */
  next: string;
  /** The outdated pods, by namespace and name. */
  pods: PodView[];
  /** The same pods by workload, in namespace, kind, name order. */
  workloads: UpgradeWorkload[];
}

/** The upgrade check of a view whose control-plane version is known. */
export function upgradeCheck(view: ClusterView & { upgrade: { controlPlane: string; next: string } }): UpgradeCheck {
  const pods = view.pods.filter((v) => v.upgrade?.outdated === true);
  const groups = new Map<string, UpgradeWorkload>();
  for (const v of pods) {
    const key = workloadKey(v);
    let group = groups.get(key);
    if (group === undefined) {
      const w = v.workload ?? v.pod.owner;
      group = { namespace: v.pod.namespace, kind: w?.kind ?? 'Pod', name: w?.name ?? v.pod.name, pods: [] };
      groups.set(key, group);
    }
    group.pods.push(v);
  }
  const order = (a: UpgradeWorkload, b: UpgradeWorkload) => cmp(a.namespace, b.namespace) || cmp(a.kind, b.kind) || cmp(a.name, b.name);
  return { controlPlane: view.upgrade.controlPlane, next: view.upgrade.next, pods, workloads: [...groups.values()].sort(order) };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The oldest kubelet among the workload's pods, as the KUBELET column reads it. */
function oldest(group: UpgradeWorkload): PodView {
  const minor = (v: PodView) => parseKubeVersion(v.upgrade?.kubeletVersion)?.minor ?? Number.POSITIVE_INFINITY;
  return group.pods.reduce((a, b) => (minor(b) < minor(a) ? b : a));
}

/** What to do about a workload's pods; completed pods are deleted, not recycled. */
function recycleNote(group: UpgradeWorkload): string {
  const completed = group.pods.filter((v) => isCompleted(v.pod)).length;
  if (completed === 0) return '';
  return completed === group.pods.length ? 'completed: delete it' : `${completed} completed: delete them`;
}

/** One row per workload: its outdated pods, their (oldest) kubelet, and their names. */
export function upgradeCheckTable(check: UpgradeCheck, options: { headers: boolean; color: boolean }): string {
  const paint = paintTone(options.color);
  const kubelet = (g: UpgradeWorkload) => kubeletWord(oldest(g).upgrade);
  const columns: Column<UpgradeWorkload>[] = [
    { header: 'NAMESPACE', value: (g) => g.namespace },
    { header: 'WORKLOAD', value: (g) => `${g.kind}/${g.name}` },
    { header: 'OUTDATED', value: (g) => String(g.pods.length) },
    { header: 'KUBELET', value: (g) => kubelet(g).text, ...(options.color ? { paint: (g, padded) => paint(kubelet(g).tone, padded) } : {}) },
    { header: 'NOTE', value: recycleNote },
    { header: 'PODS', value: (g) => g.pods.map((v) => v.pod.name).join(',') },
  ];
  return renderColumns(check.workloads, columns, options.headers);
}

/** The line on stderr: "ok: no Fargate pod blocks the upgrade to 1.34" or the count. */
export function upgradeCheckSummary(check: UpgradeCheck): string {
  if (check.pods.length === 0) return `ok: ${nothingBlocksText(check.controlPlane, check.next)}`;
  return `${blockingText(check.pods.length, check.next)} (kubelets older than the control plane's ${check.controlPlane}), in ${countText(check.workloads.length, 'workload')}; recycle them: kubectl fargate reschedule --outdated -A`;
}

export const upgradeCheckFailed = (check: UpgradeCheck): boolean => check.pods.length > 0;

/** The `upgrade` section of `check --upgrade -o json`. */
export function reportUpgrade(check: UpgradeCheck): ReportUpgrade {
  return {
    controlPlane: check.controlPlane,
    next: check.next,
    outdated: check.pods.length,
    workloads: check.workloads.map((g) => ({ namespace: g.namespace, kind: g.kind, name: g.name, pods: g.pods.map((v) => v.pod.name) })),
  };
}
