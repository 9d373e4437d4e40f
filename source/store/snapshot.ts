import type { ChangeLogReader } from './change-log.js';
import type { ResolvedPrices } from '../domain/fargate-prices.js';
import type {
  EventRecord,
  NamespaceRecord,
  NodeRecord,
  OwnerTemplateRecord,
  PersistentVolumeClaimRecord,
  PersistentVolumeRecord,
  PodRecord,
  Profile,
  StorageClassRecord,
  TemplateOwnerKind,
} from '../domain/types.js';

/** Which EKS cluster a kubeconfig context points at, and how we know. */
export interface ClusterIdentity {
  context: string;
  clusterName: string | null;
  region: string | null;
  accountId: string | null;
  /** AWS_PROFILE from the context's exec env, or --profile. */
  awsProfile: string | null;
  /** --role / --role-arn / -r from the exec args (informational). */
  roleArn: string | null;
  inferredFrom: 'flag' | 'arn' | 'eksctl' | 'exec' | 'server' | null;
}

/** How reading Fargate profiles from EKS went. */
export type AwsState =
  | 'loading'
  | 'ok'
  | 'no-credentials'
  | 'access-denied'
  | 'cluster-not-found'
  | 'throttled'
  | 'error'
  /** --no-aws: only --profiles-file profiles count. */
  | 'file-only'
  /** Cluster or region could not be inferred. */
  | 'no-cluster';

export interface ProfilesStatus {
  state: AwsState;
  message: string | null;
  /** Epoch ms of the last successful read. */
  fetchedAt: number | null;
  /** True when the shown profiles are from an earlier successful read and the latest one failed. */
  stale: boolean;
}

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'error';

export interface ConnectionStatus {
  state: ConnectionState;
  message: string | null;
  /** Epoch ms of the last list or watch event received. */
  lastUpdateAt: number | null;
}

export const podKey = (namespace: string, name: string): string => `${namespace}/${name}`;

/**
 * One consistent view of the cluster. A new Snapshot object is published on every change
 * (so React can compare by reference), but the maps inside may be shared between versions:
 * treat them as read-only.
 */
export interface Snapshot {
  version: number;
  identity: ClusterIdentity;
  pods: ReadonlyMap<string, PodRecord>;
  namespaces: ReadonlyMap<string, NamespaceRecord>;
  nodes: ReadonlyMap<string, NodeRecord>;
  /** fargate-scheduler (and other) pod events, newest last, keyed by podKey. */
  events: ReadonlyMap<string, readonly EventRecord[]>;
  /**
   * The store's record of which pods, nodes and event lists were written at which version (the
   * same object in every snapshot of one store): a follower asks what changed since the version it
   * last read, up to this one. Absent in hand-made snapshots: read everything.
   */
  changeLog?: ChangeLogReader;
  claims: ReadonlyMap<string, PersistentVolumeClaimRecord>;
  /** PersistentVolumes by name (listed only when some pod has a claim). */
  volumes: ReadonlyMap<string, PersistentVolumeRecord>;
  storageClasses: ReadonlyMap<string, StorageClassRecord>;
  /** Owner pod templates, keyed by domain/replacement.ts templateKey. */
  templates: ReadonlyMap<string, OwnerTemplateRecord>;
  /** Owner kinds whose templates were listed (null) or could not be (why). */
  templatesRead: ReadonlyMap<TemplateOwnerKind, string | null>;
  /**
   * Bumped whenever claims, volumes, storage classes, owner templates or templatesRead change:
   * with profilesVersion, what every placement depends on besides its pod and node.
   */
  contextVersion: number;
  /** The cluster region's Fargate rates and their origin; null or absent: not resolved, priced as unknown (bumps contextVersion when set). */
  prices?: ResolvedPrices | null;
  /** Live EKS profiles followed by --profiles-file ones. */
  profiles: readonly Profile[];
  /** Bumped whenever `profiles` changes (for memoising verdicts). */
  profilesVersion: number;
  profilesStatus: ProfilesStatus;
  connection: ConnectionStatus;
  /**
   * The API server's version as /version reports it (gitVersion, e.g. v1.33.5-eks-3025e55); null
   * when not read (yet) or unreadable (a warning says why). Fargate kubelets are compared with it.
   */
  controlPlaneVersion: string | null;
  /** Pods whose record changed recently (podKey -> epoch ms), for briefly marking rows. */
  changedAt: ReadonlyMap<string, number>;
  warnings: readonly string[];
}
