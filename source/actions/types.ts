// The shapes the reschedule and restore actions share with their faces (CLI, TUI, --json).
import type { SpecDifference } from '../domain/recreate-diff.js';
import type { ManifestSource } from '../domain/recreate.js';
import type { Destination, Method, Outcome, Where } from '../domain/move.js';
import type { RestartKind } from '../domain/rollout.js';
import type { OwnerRef, RunsOn } from '../domain/types.js';

export type { Destination, Method, Outcome, Purpose, Where } from '../domain/move.js';
export type { RestartKind, Strategy } from '../domain/rollout.js';

/** The Deployment or StatefulSet a controller pod belongs to, as read for the plan. */
export interface WorkloadPlan {
  kind: RestartKind;
  name: string;
  /** The uid read for the plan: a restart is refused if the workload was replaced since. */
  uid: string;
  replicas: number;
  readyReplicas: number;
  /** How it rolls out: "rolling, maxSurge 1, maxUnavailable 0". */
  rollout: string;
  /** Why its pods are evicted or it is restarted. */
  why: string;
}

/** A pod recycled because its Fargate kubelet blocks the next control-plane upgrade. */
export interface UpgradeStep {
  /** Its node's kubelet now (v1.32.9-eks-113cf36). */
  kubeletVersion: string | null;
  /** The control plane's minor ("1.33"): where the recycled pod must land. */
  controlPlane: string;
}

export interface PodRef {
  namespace: string;
  name: string;
  uid: string;
}

/** One pod of a plan: what will happen to it and why. */
export interface RescheduleStep {
  /** "namespace/name". */
  key: string;
  pod: PodRef;
  method: Method;
  /** The controller, when there is one. */
  owner: OwnerRef | null;
  from: Where;
  /** Where EKS would put it if created now: Fargate under `profile`, or EC2. */
  to: Destination;
  /** Why it moves, or why it is refused. */
  reason: string;
  /** Shown in the confirmation (the work of a Job restarts, a StatefulSet pod keeps its name, ...). */
  warnings: string[];
  /** Pods of one controller share a group; a group runs one pod at a time. */
  group: string;
  /** Bare pods, once read for the plan: the manifest it is re-created from. */
  manifestSource?: ManifestSource;
  /** Bare pods, once read for the plan: where last-applied and live differ (null: no last-applied). */
  lastAppliedDiff?: SpecDifference[] | null;
  /** Pods of a Deployment or StatefulSet, once read for the plan (method restart: the whole workload is rolled out). */
  workload?: WorkloadPlan;
  /** Recycled for the upgrade (--outdated): the new pod must land on a kubelet of the control plane's minor. */
  upgrade?: UpgradeStep;
}

export type ProgressStep =
  | 'backup'
  | 'dry-run'
  | 'delete'
  | 'wait-gone'
  | 'create'
  | 'wait-scheduled'
  | 'evict'
  | 'wait-replacement'
  | 'restart'
  | 'wait-rollout'
  | 'done'
  | 'failed'
  | 'blocked'
  | 'refused'
  | 'interrupted';

/**
 * Progress of one pod. A step's event is sent as the step begins ('delete' before the DELETE
 * request, ...), except 'backup' and 'dry-run', sent once they succeeded (the backup's message
 * names the file). The last event of a pod is done, failed, blocked, refused or interrupted.
 */
export interface RescheduleEvent {
  /** "namespace/name" of the planned pod. */
  pod: string;
  step: ProgressStep;
  message: string;
  /** Epoch ms. */
  at: number;
  /** 1-based position of the pod in the plan, and the plan's length. */
  index: number;
  total: number;
}

export interface Landed {
  /** The pod now running: the same name for bare and StatefulSet pods, a new one for ReplicaSets. */
  name: string;
  runsOn: RunsOn;
  profile: string | null;
  node: string | null;
  /** Its node's kubelet, when the node could be read. */
  kubeletVersion?: string | null;
}

export interface RescheduleResult {
  /** "namespace/name" of the planned pod. */
  pod: string;
  namespace: string;
  name: string;
  method: Method;
  outcome: Outcome;
  from: Where;
  to: RescheduleStep['to'];
  landed: Landed | null;
  /** One line: what happened and, if it did not work, what to do. */
  message: string;
  /** The backup written before a bare pod was deleted. */
  backupFile?: string;
  /** How to bring the pod back by hand, when the tool could not. */
  restoreHint?: string;
}

/** What the executor tells its face; every field optional so faces subscribe to what they show. */
export type EventSink = (event: RescheduleEvent) => void;
