import type { EventRecord, OwnerRef, Placement, PodRecord } from './types.js';
import type { KubeletFact } from './versions.js';

// The evaluated pod: a pod with its placement (where it runs, where EKS would put it now, the
// verdict) and its recent events. The view-model builds one per pod of a snapshot; every face
// reads it, and the reschedule plan is made from it.

export interface PodView {
  /** "namespace/name". */
  key: string;
  pod: PodRecord;
  placement: Placement;
  /** fargate-scheduler (and other) events of the pod, newest last. */
  events: readonly EventRecord[];
  /** Its Fargate node's kubelet and whether that blocks the next control-plane upgrade; absent = not judged (not outdated). */
  upgrade?: KubeletFact;
  /** For outdated pods: the workload to restart (a ReplicaSet's Deployment), null for a bare pod. */
  workload?: OwnerRef | null;
}
