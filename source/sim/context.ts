// What the parts of the simulated control plane share. One Ctx per running sim.
import type { Clock } from './clock.js';
import type { IpAllocator } from './ids.js';
import type { Store } from './kube/storage.js';
import type { ObjectApi } from './kube/objects.js';
import type { EventRecorder } from './kube/events.js';
import type { ProfileStore } from './eks/profiles.js';
import type { PodExecutionRoles } from './eks/roles.js';
import type { Gates } from './gates.js';
import type { ClusterUpdate } from './eks/upgrade.js';

/** How long simulated things take (ms). Real EKS takes ~a minute to start a Fargate pod; a demo should not. */
export interface Timing {
  /** Fargate pod admitted -> bound to its new fargate-ip-... node. */
  fargateScheduleMs: number;
  /** default-scheduler pod -> bound to an EC2 node. */
  ec2ScheduleMs: number;
  /** Bound -> containers Running and Ready. */
  containerStartMs: number;
  /** Graceful deletion: ms per second of grace period, capped by maxGraceMs. */
  graceMsPerSecond: number;
  maxGraceMs: number;
  /** A Job pod runs this long before it Completes. */
  jobRunMs: number;
  /** CreateFargateProfile: CREATING -> ACTIVE. */
  profileCreateMs: number;
  /** DeleteFargateProfile: DELETING -> gone (its pods are stopped when DELETING starts). */
  profileDeleteMs: number;
  /** UpdateClusterVersion: UPDATING -> the new version (real EKS: 8-10 minutes). */
  clusterUpdateMs: number;
  /** Controllers react after this delay (batches bursts of changes). */
  controllerMs: number;
  /** Events are deleted this long after they were recorded (kube-apiserver's --event-ttl, 1 h). */
  eventTtlMs: number;
}

export const DEFAULT_TIMING: Timing = {
  fargateScheduleMs: 150,
  ec2ScheduleMs: 30,
  containerStartMs: 120,
  graceMsPerSecond: 20,
  maxGraceMs: 1000,
  jobRunMs: 600,
  profileCreateMs: 1500,
  profileDeleteMs: 1500,
  clusterUpdateMs: 3000,
  controllerMs: 5,
  eventTtlMs: 3_600_000,
};

export interface ClusterInfo {
  clusterName: string;
  region: string;
  accountId: string;
  /** The control plane's Kubernetes minor version, e.g. "1.32" (eks/versions.ts). */
  version: string;
  /** DescribeCluster status: UPDATING while an UpdateClusterVersion runs. */
  status: 'ACTIVE' | 'UPDATING';
  /** UpdateClusterVersion requests, oldest first (DescribeUpdate / ListUpdates). */
  updates: ClusterUpdate[];
  /** The URL the API server listens on (the EKS "endpoint"); set once listening. */
  url: string;
  createdAt: number;
}

export interface Ctx {
  store: Store;
  clock: Clock;
  rand: () => number;
  ips: IpAllocator;
  timing: Timing;
  info: ClusterInfo;
  api: ObjectApi;
  events: EventRecorder;
  profiles: ProfileStore;
  roles: PodExecutionRoles;
  gates: Gates;
  uid(): string;
}
