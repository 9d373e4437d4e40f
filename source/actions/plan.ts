// Which pods to move and how, before anything is touched. Pure: the confirmation dialog (TUI),
// the CLI's plan table and --dry-run all show exactly this.
//
// Rules, in order (the first that applies wins):
// - being deleted, completed, owned by a DaemonSet, a static (mirror) pod, or the profiles are
//   unknown: refused;
// - does not need a reschedule: refused, saying whether it already runs where the profiles say
//   or re-creating would not help (it cannot run on Fargate). Naming a pod does not override
//   this: a delete that changes nothing is only risk;
// - a bare pod: re-created (backup, dry run, delete, create);
// - any controller (ReplicaSet, StatefulSet, Job, ...): evicted through the Eviction API so
//   PodDisruptionBudgets are respected; the controller re-creates it. Once the workloads are read
//   (workloads.ts), a Deployment's or StatefulSet's pods may instead be replaced by a rollout
//   restart of the whole workload (--strategy, or one replica that eviction would take down).
//
// Recycling for the upgrade (purpose 'upgrade', `reschedule --outdated`): the same, except that a
// pod moves because its Fargate kubelet is older than the control plane, not because its
// placement drifted; a pod that does not block the upgrade is refused, and so is a completed one
// (it holds its Fargate node until deleted; re-creating it would run it again).
import { isStaticPod, staticPodReason } from '../domain/static-pod.js';
import type { Placement, PodRecord } from '../domain/types.js';
import type { PodView } from '../domain/pod-view.js';
import { parseKubeVersion } from '../domain/versions.js';
import { moveText, planTitle, whereText } from '../view-model/words/reschedule.js';
import type { Method, Purpose, RescheduleStep, Strategy, Where } from './types.js';

export interface PlanOptions {
  /** 'upgrade': recycle pods whose Fargate kubelet is older than the control plane (default 'placement'). */
  purpose?: Purpose;
  /** The control plane's minor ("1.33"), for purpose 'upgrade'. */
  controlPlane?: string | null;
  /** How controller pods are recycled once their workloads are read (describeWorkloads); undefined: the default. */
  strategy?: Strategy;
}

/** The pods `--all` (or the TUI's "reschedule all here") takes: those whose placement drifted. */
export function podsNeedingReschedule(views: readonly PodView[]): PodView[] {
  return views.filter((v) => v.placement.needsReschedule === true);
}

/** The pods `--outdated` (or the TUI's "recycle outdated") takes: on a Fargate kubelet older than the control plane. */
export function outdatedPods(views: readonly PodView[]): PodView[] {
  return views.filter((v) => v.upgrade?.outdated === true);
}

/** The plan for pods picked by key ("namespace/name", as the TUI marks them); keys no longer present are skipped. */
export function planForKeys(views: readonly PodView[], keys: readonly string[], options: PlanOptions = {}): RescheduleStep[] {
  const byKey = new Map(views.map((v) => [`${v.pod.namespace}/${v.pod.name}`, v]));
  return planReschedule([...new Set(keys)].flatMap((key) => byKey.get(key) ?? []), options);
}

export function planReschedule(views: readonly PodView[], options: PlanOptions = {}): RescheduleStep[] {
  const steps = views.map((view) => stepFor(view, options));
  return orderSteps(steps);
}

/** One controller's (or workload's) pods together, in their first pod's place; refusals last. */
export function orderSteps(steps: readonly RescheduleStep[]): RescheduleStep[] {
  // One controller's pods together (they run one at a time); refusals last.
  const order = new Map<string, number>();
  for (const step of steps) if (!order.has(step.group)) order.set(step.group, order.size);
  const rank = (s: RescheduleStep) => (s.method === 'refuse' ? 1 : 0);
  return steps
    .map((step, i) => ({ step, i }))
    .sort((a, b) => rank(a.step) - rank(b.step) || order.get(a.step.group)! - order.get(b.step.group)! || a.i - b.i)
    .map(({ step }) => step);
}

function stepFor(view: PodView, options: PlanOptions): RescheduleStep {
  const { pod, placement } = view;
  const key = `${pod.namespace}/${pod.name}`;
  const from: Where = { runsOn: placement.runsOn, profile: placement.currentProfile, node: pod.nodeName };
  const to: RescheduleStep['to'] = { runsOn: placement.expectedProfile === null ? 'ec2' : 'fargate', profile: placement.expectedProfile };
  const base = {
    key,
    pod: { namespace: pod.namespace, name: pod.name, uid: pod.uid },
    owner: pod.owner,
    from,
    to,
    group: pod.owner === null ? key : `${pod.namespace}/${pod.owner.kind}/${pod.owner.name}`,
  };
  if (options.purpose === 'upgrade') {
    const controlPlane = options.controlPlane ?? null;
    const refusal = upgradeRefusalFor(view, controlPlane);
    if (refusal !== null || controlPlane === null) return { ...base, method: 'refuse', reason: refusal ?? "the control plane's version is unknown", warnings: [] };
    const method: Method = pod.owner === null ? 'recreate' : 'evict';
    const kubeletVersion = view.upgrade?.kubeletVersion ?? null;
    const kubelet = `kubelet ${parseKubeVersion(kubeletVersion)?.text ?? '?'} -> ${controlPlane}`;
    return { ...base, method, reason: `${moveText(from, to)} (${kubelet})`, warnings: warningsFor(pod, method), upgrade: { kubeletVersion, controlPlane } };
  }
  const refusal = refusalFor(pod, placement);
  if (refusal !== null) return { ...base, method: 'refuse', reason: refusal, warnings: [] };
  const method: Method = pod.owner === null ? 'recreate' : 'evict';
  return { ...base, method, reason: moveText(from, to), warnings: warningsFor(pod, method) };
}

/** Why an outdated pod is not recycled; null when it is. */
function upgradeRefusalFor(view: PodView, controlPlane: string | null): string | null {
  const { pod, placement, upgrade } = view;
  if (pod.deleting) return 'it is being deleted';
  if (upgrade?.outdated !== true) {
    if (upgrade?.unknown) return 'its Fargate node\'s kubelet version is unknown: cannot tell whether it blocks the upgrade';
    if (placement.runsOn !== 'fargate') return 'it does not run on Fargate: EKS checks only Fargate kubelets before an upgrade';
    return `its kubelet is not older than the control plane${controlPlane === null ? '' : ` (${controlPlane})`}: it does not block the upgrade`;
  }
  if (placement.verdict === 'completed') {
    return `it has completed (${pod.phase}) but keeps its Fargate node (kubelet ${upgrade.kubeletVersion}) until deleted: delete it (kubectl delete pod -n ${pod.namespace} ${pod.name}); re-creating would run it again`;
  }
  if (pod.owner?.kind === 'DaemonSet') return `owned by DaemonSet ${pod.owner.name}: Fargate does not run DaemonSets; delete the pod (its DaemonSet decides what comes back)`;
  if (placement.needsReschedule === null) return 'the Fargate profiles are unknown (EKS could not be read): cannot tell where it would go';
  if (placement.expectedProfile !== null && placement.blockers.length > 0) {
    return `re-creating it would not help: it cannot run on Fargate (${placement.blockers.map((b) => b.message).join('; ')})`;
  }
  return null;
}

function refusalFor(pod: PodRecord, placement: Placement): string | null {
  if (pod.deleting) return 'it is being deleted';
  if (placement.verdict === 'completed') return `it has completed (${pod.phase}): nothing to reschedule`;
  if (pod.owner?.kind === 'DaemonSet') {
    return `owned by DaemonSet ${pod.owner.name}: its pods belong to their nodes and Fargate does not run DaemonSets, so re-creating it would not help`;
  }
  // Evicting or deleting the API's mirror leaves the pod running: the kubelet writes it back.
  if (isStaticPod(pod)) return staticPodReason(pod);
  if (placement.needsReschedule === null) return 'the Fargate profiles are unknown (EKS could not be read): cannot tell where it would go';
  if (placement.needsReschedule) return null;
  if (placement.expectedProfile !== null && placement.blockers.length > 0) {
    return `re-creating it would not help: it cannot run on Fargate (${placement.blockers.map((b) => b.message).join('; ')})`;
  }
  return `it already runs where the profiles say (${whereText({ runsOn: placement.runsOn, profile: placement.currentProfile })})`;
}

function warningsFor(pod: PodRecord, method: 'evict' | 'recreate'): string[] {
  const owner = pod.owner;
  if (method === 'recreate') {
    // Which manifest (live or last-applied) is added once the pod is read: describeRecreates().
    return ['bare pod: it is deleted and re-created from a backup, so it is down until the new one starts and gets a new IP'];
  }
  if (owner === null) return [];
  switch (owner.kind) {
    case 'ReplicaSet':
      return [];
    case 'StatefulSet':
      return [`StatefulSet ${owner.name}: the pod comes back under the same name only after the old one is gone`];
    case 'Job':
      return [`Job ${owner.name}: the work of this pod restarts from the beginning in a new pod (the evicted one may count against the Job's backoffLimit)`];
    default:
      return [`${owner.kind} ${owner.name}: its controller is expected to re-create the pod`];
  }
}

export interface PlanSummary {
  /** "Reschedule 3 pods?" — null when nothing can be done. */
  title: string | null;
  actionable: number;
  refused: number;
}

/** What the confirmation asks (the CLI prompt and the TUI's dialog say the same title). */
export function planSummary(steps: readonly RescheduleStep[]): PlanSummary {
  const actionable = steps.filter((s) => s.method !== 'refuse').length;
  return { title: planTitle(steps), actionable, refused: steps.length - actionable };
}
