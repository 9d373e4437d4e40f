// Wire JSON -> the slim records of domain/types.ts for everything but pods (pod-projection.ts),
// with what each never reads (cut before parsing, list-items.ts).
import {
  COMPUTE_TYPE,
  type EventRecord,
  type NamespaceRecord,
  type NodeRecord,
  type OwnerTemplateRecord,
  type PersistentVolumeClaimRecord,
  type PersistentVolumeRecord,
  type StorageClassRecord,
  type TemplateOwnerKind,
} from '../../domain/types.js';
import type { RawClaim, RawEvent, RawNamespace, RawNode, RawPersistentVolume, RawStorageClass, RawWorkload } from './json.js';
import { compilePrune, type PruneNode } from './prune.js';
import { ownerOf } from './pod-projection.js';
import { copyMap, shared, sharedOrNull, stringOrNull, timestamp } from './raw-values.js';

export function toNodeRecord(raw: unknown): NodeRecord {
  const meta = (raw as RawNode).metadata ?? {};
  const labels = meta.labels ?? {};
  // Shared with the pods' nodeName: a Fargate cluster has one node per pod.
  const name = shared(meta.name ?? '');
  return {
    name,
    fargate: labels[COMPUTE_TYPE] === 'fargate' || name.startsWith('fargate-'),
    arch: sharedOrNull(labels['kubernetes.io/arch'] ?? labels['beta.kubernetes.io/arch']),
    os: sharedOrNull(labels['kubernetes.io/os'] ?? labels['beta.kubernetes.io/os']),
    zone: sharedOrNull(labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone']),
    kubeletVersion: sharedOrNull((raw as RawNode).status?.nodeInfo?.kubeletVersion),
  };
}

/**
 * A node is mostly status nobody here reads (images, conditions, addresses, capacity): only its
 * name, labels and kubelet version are kept. A big Fargate cluster has one node per pod.
 */
export const NODE_UNUSED: PruneNode = compilePrune({
  metadata: { managedFields: 'drop', annotations: 'drop', ownerReferences: 'drop' },
  spec: 'drop',
  status: { '*': 'drop', nodeInfo: { '*': 'drop', kubeletVersion: 'keep' } },
});

export function toNamespaceRecord(raw: unknown): NamespaceRecord {
  const ns = raw as RawNamespace;
  return {
    name: ns.metadata?.name ?? '',
    phase: ns.status?.phase ?? 'Active',
    createdAt: timestamp(ns.metadata?.creationTimestamp),
  };
}

/** Pod events only (others are not about placement); null for anything else. */
export function toEventRecord(raw: unknown): EventRecord | null {
  const event = raw as RawEvent;
  const about = event.involvedObject;
  if (!about || about.kind !== 'Pod' || !about.name) return null;
  return {
    namespace: about.namespace ?? event.metadata?.namespace ?? 'default',
    podName: about.name,
    reason: event.reason ?? '',
    message: event.message ?? '',
    type: event.type ?? 'Normal',
    source: event.source?.component || event.reportingController || '',
    count: event.count ?? event.series?.count ?? 1,
    lastSeen: timestamp(
      event.lastTimestamp ?? event.series?.lastObservedTime ?? event.eventTime ?? event.firstTimestamp ?? event.metadata?.creationTimestamp,
    ),
  };
}

// The PV controller records the provisioner of a dynamically provisioned claim on the PVC itself.
const PROVISIONER_ANNOTATIONS = ['volume.kubernetes.io/storage-provisioner', 'volume.beta.kubernetes.io/storage-provisioner'];

/**
 * The claim, the PersistentVolume it is bound to and its StorageClass. The provisioner annotation
 * (dynamically provisioned claims) stands in for the volume when PersistentVolumes, which are
 * cluster-scoped, cannot be read.
 */
export function toClaimRecord(raw: unknown): PersistentVolumeClaimRecord {
  const claim = raw as RawClaim;
  const annotations = claim.metadata?.annotations ?? {};
  const provisioner = PROVISIONER_ANNOTATIONS.map((a) => annotations[a]).find((v) => typeof v === 'string' && v);
  const storageClass = claim.spec?.storageClassName;
  return {
    namespace: claim.metadata?.namespace ?? 'default',
    name: claim.metadata?.name ?? '',
    driver: provisioner ?? null,
    bound: claim.status?.phase === 'Bound',
    volumeName: claim.spec?.volumeName || null,
    storageClassName: typeof storageClass === 'string' ? storageClass : null,
  };
}

/** What a PersistentVolume is: a CSI driver's volume, or an in-tree one named by its spec key. */
export function toPersistentVolumeRecord(raw: unknown): PersistentVolumeRecord {
  const pv = raw as RawPersistentVolume;
  const spec = pv.spec ?? {};
  const csiDriver = typeof spec.csi?.driver === 'string' && spec.csi.driver !== '' ? spec.csi.driver : null;
  const inTree = csiDriver === null ? (Object.keys(spec).find((key) => IN_TREE_SOURCES.has(key)) ?? null) : null;
  return { name: pv.metadata?.name ?? '', csiDriver, inTree };
}

// PersistentVolumeSource members besides csi (core/v1), i.e. the in-tree volume types.
const IN_TREE_SOURCES: ReadonlySet<string> = new Set([
  'awsElasticBlockStore',
  'azureDisk',
  'azureFile',
  'cephfs',
  'cinder',
  'fc',
  'flexVolume',
  'flocker',
  'gcePersistentDisk',
  'glusterfs',
  'hostPath',
  'iscsi',
  'local',
  'nfs',
  'photonPersistentDisk',
  'portworxVolume',
  'quobyte',
  'rbd',
  'scaleIO',
  'storageos',
  'vsphereVolume',
]);

export function toStorageClassRecord(raw: unknown): StorageClassRecord {
  const sc = raw as RawStorageClass;
  const annotations = sc.metadata?.annotations ?? {};
  return {
    name: sc.metadata?.name ?? '',
    provisioner: sc.provisioner ?? '',
    isDefault: annotations['storageclass.kubernetes.io/is-default-class'] === 'true' || annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true',
  };
}

/** What a replacement pod takes from its controller (the template's labels), and the controller's own owner. */
export function toTemplateRecord(kind: TemplateOwnerKind): (raw: unknown) => OwnerTemplateRecord {
  return (raw) => {
    const workload = raw as RawWorkload;
    const meta = workload.metadata ?? {};
    return {
      namespace: meta.namespace ?? 'default',
      kind,
      name: meta.name ?? '',
      templateLabels: copyMap(workload.spec?.template?.metadata?.labels),
      // A ReplicaSet's Deployment: the workload `kubectl rollout restart` names.
      owner: ownerOf(meta),
    };
  };
}

/** A workload's pod template is most of its JSON: only the template's labels and the owner are read. */
export const WORKLOAD_UNUSED: PruneNode = compilePrune({
  metadata: { managedFields: 'drop', annotations: 'drop', labels: 'drop' },
  spec: { '*': 'drop', template: { spec: 'drop', metadata: { '*': 'drop', labels: 'keep' } } },
  status: 'drop',
});

/** Only the volume source and the annotations' names matter. */
export const PERSISTENT_VOLUME_UNUSED: PruneNode = compilePrune({
  metadata: { managedFields: 'drop', annotations: 'drop', labels: 'drop' },
  spec: { claimRef: 'drop', nodeAffinity: 'drop', mountOptions: 'drop', capacity: 'drop', accessModes: 'drop' },
  status: 'drop',
});
