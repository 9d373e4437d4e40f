// The plain records every layer shares. Sources produce them, the store keeps them,
// domain functions judge them, faces print them. No I/O, no classes. Longer than most files on
// purpose: it is the one contract (the sim imports its constants), read best in one place.
import type { HourlyRates } from './fargate-prices.js';

export type ProfileStatus = 'CREATING' | 'ACTIVE' | 'DELETING' | 'CREATE_FAILED' | 'DELETE_FAILED';

export interface Selector {
  namespace: string;
  /** Every listed label must be on the pod; keys and values may use `*` and `?`. */
  labels?: Record<string, string>;
}

/** Where a profile came from: the live EKS API, or a `--profiles-file` (a what-if proposal). */
export type ProfileSource = 'eks' | 'file';

export interface Profile {
  name: string;
  status: ProfileStatus;
  selectors: Selector[];
  subnets: string[];
  podExecutionRoleArn: string | null;
  source: ProfileSource;
  /** Epoch milliseconds, when known. */
  createdAt?: number;
  /** For file profiles: the file they were read from. */
  file?: string;
  tags?: Record<string, string>;
}

export interface ResourceAmounts {
  /** Kubernetes quantity strings as written on the pod, e.g. "250m", "1Gi". */
  cpu?: string;
  memory?: string;
}

export interface ContainerRecord {
  name: string;
  image: string;
  requests: ResourceAmounts;
  limits: ResourceAmounts;
  /** Non-zero GPU / accelerator requests or limits, by resource name. */
  gpus: string[];
  privileged: boolean;
  allowPrivilegeEscalation: boolean;
  addedCapabilities: string[];
  hostPorts: number[];
  /** `Always` on an init container makes it a native sidecar. */
  restartPolicy?: string;
}

export interface VolumeRecord {
  name: string;
  /** The volume source key: emptyDir, configMap, secret, projected, downwardAPI, hostPath, persistentVolumeClaim, ... */
  kind: string;
  claimName?: string;
}

export interface OwnerRef {
  kind: string;
  name: string;
}

/** A pod, slimmed to what placement, blockers, sizing and the views need. */
export interface PodRecord {
  namespace: string;
  name: string;
  uid: string;
  resourceVersion: string;
  /** Epoch milliseconds. */
  createdAt: number;
  labels: Record<string, string>;
  phase: string;
  /** Human status like kubectl's STATUS column (Running, Pending, CrashLoopBackOff, Completed, Terminating). */
  status: string;
  ready: boolean;
  /** kubectl's READY column parts (ready/total, native sidecars included). */
  readyContainers?: number;
  totalContainers?: number;
  restarts: number;
  deleting: boolean;
  nodeName: string | null;
  schedulerName: string;
  owner: OwnerRef | null;
  hostNetwork: boolean;
  hostPID: boolean;
  hostIPC: boolean;
  nodeSelector: Record<string, string>;
  /** Values the pod requires for kubernetes.io/arch and kubernetes.io/os via required node affinity. */
  affinityArch: string[];
  affinityOs: string[];
  containers: ContainerRecord[];
  initContainers: ContainerRecord[];
  volumes: VolumeRecord[];
  /** The `CapacityProvisioned` annotation Fargate sets, e.g. "0.25vCPU 0.5GB". */
  capacityProvisioned: string | null;
  /** The `eks.amazonaws.com/compute-type` annotation (an `ec2` value opts the pod out of Fargate). */
  computeTypeAnnotation: string | null;
  /**
   * The `eks.amazonaws.com/fargate-profile` label as the user wrote it in
   * `kubectl.kubernetes.io/last-applied-configuration`, if that annotation exists and has it.
   * Used to tell a user pin from the label EKS's webhook records.
   */
  appliedProfileLabel: string | null;
  hasLastApplied: boolean;
  /**
   * The `kubernetes.io/config.mirror` annotation is set: the API's copy of a static pod, which
   * the kubelet of its node owns (its owner reference, when present, is the Node).
   */
  mirror?: boolean;
}

export interface NodeRecord {
  name: string;
  fargate: boolean;
  arch: string | null;
  os: string | null;
  zone: string | null;
  /** status.nodeInfo.kubeletVersion as the node reports it (v1.32.9-eks-113cf36); null/absent when not read. */
  kubeletVersion?: string | null;
}

export interface NamespaceRecord {
  name: string;
  phase: string;
  createdAt: number;
}

export interface EventRecord {
  namespace: string;
  /** The pod the event is about. */
  podName: string;
  reason: string;
  message: string;
  type: string;
  source: string;
  count: number;
  /** Epoch milliseconds. */
  lastSeen: number;
}

export interface PersistentVolumeClaimRecord {
  namespace: string;
  name: string;
  /** The provisioner the claim's storage-provisioner annotation names (dynamically provisioned claims), else null. */
  driver: string | null;
  bound: boolean;
  /** spec.volumeName: the PersistentVolume it is bound to. */
  volumeName?: string | null;
  /** spec.storageClassName ("" = no class: static binding only). */
  storageClassName?: string | null;
}

/** A PersistentVolume, slimmed to what Fargate's mount check looks at. */
export interface PersistentVolumeRecord {
  name: string;
  /** spec.csi.driver, for CSI volumes (ebs.csi.aws.com, efs.csi.aws.com, fsx.csi.aws.com, ...). */
  csiDriver: string | null;
  /** For in-tree volumes, the spec key of their source (awsElasticBlockStore, nfs, hostPath, local, ...). */
  inTree: string | null;
}

export interface StorageClassRecord {
  name: string;
  provisioner: string;
  /** Annotated storageclass.kubernetes.io/is-default-class: true. */
  isDefault: boolean;
}

/** The controller kinds whose pod template says what a replacement pod looks like. */
export type TemplateOwnerKind = 'ReplicaSet' | 'StatefulSet' | 'Job';

/** A controller's pod template, slimmed to the labels a replacement pod gets. */
export interface OwnerTemplateRecord {
  namespace: string;
  kind: TemplateOwnerKind;
  name: string;
  /** spec.template.metadata.labels. */
  templateLabels: Record<string, string>;
  /** Its own controller (a ReplicaSet's Deployment), when it has one: the workload its pods belong to. */
  owner?: OwnerRef | null;
}

// ---- verdicts ----

export type RunsOn = 'fargate' | 'ec2' | 'pending';

export type Verdict = 'ok' | 'reschedule' | 'blocked' | 'pending' | 'completed' | 'unknown';

export type BlockerCode =
  | 'daemonset'
  | 'privileged'
  | 'privilege-escalation'
  | 'capabilities'
  | 'host-network'
  | 'host-port'
  | 'host-pid'
  | 'host-ipc'
  | 'volume'
  | 'pvc'
  | 'gpu'
  | 'arch'
  | 'os'
  | 'too-large';

export interface Blocker {
  code: BlockerCode;
  message: string;
}

export interface FargateSize {
  vcpu: number;
  memoryGb: number;
  /** The annotation form: "0.25vCPU 0.5GB". */
  label: string;
  /** USD per hour at the cluster region's On-Demand Linux/x86 rates (fargate-prices.ts or --price-file); null when unknown. */
  hourlyUsd: number | null;
  /** What Fargate actually provisioned (the CapacityProvisioned annotation), when present. */
  provisioned: string | null;
}

export interface Placement {
  runsOn: RunsOn;
  /** The profile EKS admitted the pod under (the label EKS's webhook set), else null. */
  currentProfile: string | null;
  /** The profile EKS would pick if the pod were created now; null = EC2 (or unknown when profiles are unknown). */
  expectedProfile: string | null;
  /** Names of ACTIVE profiles that select the pod; null when profiles are unknown. */
  matchingProfiles: string[] | null;
  /** null when profiles are unknown. */
  needsReschedule: boolean | null;
  blockers: Blocker[];
  reasons: string[];
  verdict: Verdict;
  /** The predicted Fargate size; null when the pod cannot fit any Fargate size. */
  size: FargateSize | null;
  /** The profile label the user pinned (not the one EKS recorded), if any. */
  pinnedProfile: string | null;
  /**
   * What EKS's webhook would look at in a re-created pod: the owner's pod template labels when
   * they were read, else the pod's own. The detail view explains the choice for this.
   */
  subject?: ChoiceSubject;
}

/** The parts of a pod EKS's choice of profile reads. */
export type ChoiceSubject = Pick<PodRecord, 'namespace' | 'labels' | 'schedulerName' | 'appliedProfileLabel' | 'computeTypeAnnotation'>;

/** What the placement engine needs besides the pod. */
export interface PlacementContext {
  /** The cluster region's Fargate rates; null or absent: prices are unknown. */
  prices?: HourlyRates | null;
  /** All known profiles (any status). Empty + profilesKnown=false means EKS could not be read. */
  profiles: Profile[];
  profilesKnown: boolean;
  nodes: ReadonlyMap<string, NodeRecord>;
  /** PVCs of the pod's namespace, by name, when visible. */
  claims?: ReadonlyMap<string, PersistentVolumeClaimRecord>;
  /** PersistentVolumes by name, when visible (cluster-scoped: often not readable by namespace users). */
  volumes?: ReadonlyMap<string, PersistentVolumeRecord>;
  /** StorageClasses by name, when visible. */
  storageClasses?: ReadonlyMap<string, StorageClassRecord>;
  /** Owner pod templates keyed by templateKey(namespace, kind, name) (replacement.ts). */
  templates?: ReadonlyMap<string, OwnerTemplateRecord>;
  /**
   * Owner kinds whose templates were listed: null = read (a missing template was not found),
   * a string = why they could not be read (e.g. "forbidden"). Kinds not in the map were not
   * looked at: their pods are judged by their own labels without comment.
   */
  templatesRead?: ReadonlyMap<TemplateOwnerKind, string | null>;
}

export const FARGATE_SCHEDULER = 'fargate-scheduler';
export const PROFILE_LABEL = 'eks.amazonaws.com/fargate-profile';
export const COMPUTE_TYPE = 'eks.amazonaws.com/compute-type';
export const CAPACITY_ANNOTATION = 'CapacityProvisioned';
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
export const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';
