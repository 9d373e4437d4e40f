// The few fields of Kubernetes wire JSON we read. Everything is optional because it comes from
// the network; projection code copies what it needs and drops the rest.

export type StringMap = Record<string, string>;

export interface RawMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: StringMap;
  annotations?: StringMap;
  ownerReferences?: { kind?: string; name?: string; controller?: boolean }[];
}

export interface RawContainer {
  name?: string;
  image?: string;
  resources?: { requests?: StringMap; limits?: StringMap };
  securityContext?: {
    privileged?: boolean;
    allowPrivilegeEscalation?: boolean;
    capabilities?: { add?: string[] };
  };
  ports?: { hostPort?: number }[];
  restartPolicy?: string;
}

export interface RawContainerState {
  waiting?: { reason?: string };
  running?: { startedAt?: string };
  terminated?: { reason?: string; exitCode?: number; signal?: number };
}

export interface RawContainerStatus {
  name?: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: RawContainerState;
}

export interface RawNodeSelectorRequirement {
  key?: string;
  operator?: string;
  values?: string[];
}

export interface RawPod {
  metadata?: RawMeta;
  spec?: {
    nodeName?: string;
    schedulerName?: string;
    hostNetwork?: boolean;
    hostPID?: boolean;
    hostIPC?: boolean;
    nodeSelector?: StringMap;
    affinity?: {
      nodeAffinity?: {
        requiredDuringSchedulingIgnoredDuringExecution?: {
          nodeSelectorTerms?: { matchExpressions?: RawNodeSelectorRequirement[] }[];
        };
      };
    };
    containers?: RawContainer[];
    initContainers?: RawContainer[];
    volumes?: ({ name?: string; persistentVolumeClaim?: { claimName?: string } } & Record<string, unknown>)[];
  };
  status?: {
    phase?: string;
    reason?: string;
    conditions?: { type?: string; status?: string; reason?: string }[];
    containerStatuses?: RawContainerStatus[];
    initContainerStatuses?: RawContainerStatus[];
  };
}

export interface RawNode {
  metadata?: RawMeta;
  status?: { nodeInfo?: { kubeletVersion?: string } };
}

export interface RawNamespace {
  metadata?: RawMeta;
  status?: { phase?: string };
}

export interface RawEvent {
  metadata?: RawMeta;
  involvedObject?: { kind?: string; name?: string; namespace?: string };
  reason?: string;
  message?: string;
  type?: string;
  count?: number;
  source?: { component?: string };
  reportingController?: string;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  series?: { count?: number; lastObservedTime?: string };
}

export interface RawClaim {
  metadata?: RawMeta;
  spec?: { volumeName?: string; storageClassName?: string | null };
  status?: { phase?: string };
}

export interface RawPersistentVolume {
  metadata?: RawMeta;
  spec?: { csi?: { driver?: string } } & Record<string, unknown>;
}

export interface RawStorageClass {
  metadata?: RawMeta;
  provisioner?: string;
}

/** A ReplicaSet, StatefulSet or Job: only its pod template's labels are read. */
export interface RawWorkload {
  metadata?: RawMeta;
  spec?: { template?: { metadata?: { labels?: StringMap } } };
}

/** A list response page. */
export interface RawList {
  metadata?: { resourceVersion?: string; continue?: string };
  items?: unknown[];
}

/** A Kubernetes `Status` object (error bodies, watch ERROR events). */
export interface RawStatus {
  kind?: string;
  code?: number;
  reason?: string;
  message?: string;
}
