// Wire JSON -> the slim records of domain/types.ts. Every record is built from fresh objects and
// primitive copies, so the big parsed object can be dropped right after (flat memory at 50k pods).
import {
  CAPACITY_ANNOTATION,
  COMPUTE_TYPE,
  LAST_APPLIED,
  MIRROR_ANNOTATION,
  PROFILE_LABEL,
  type ContainerRecord,
  type EventRecord,
  type NamespaceRecord,
  type NodeRecord,
  type OwnerRef,
  type OwnerTemplateRecord,
  type PersistentVolumeClaimRecord,
  type PersistentVolumeRecord,
  type PodRecord,
  type ResourceAmounts,
  type StorageClassRecord,
  type TemplateOwnerKind,
  type VolumeRecord,
} from '../../domain/types.js';
import type {
  RawClaim,
  RawPersistentVolume,
  RawStorageClass,
  RawWorkload,
  RawContainer,
  RawEvent,
  RawMeta,
  RawNamespace,
  RawNode,
  RawNodeSelectorRequirement,
  RawPod,
  StringMap,
} from './json.js';
import { summarizePodStatus } from './pod-status.js';
import { compilePrune, type PruneNode, type PruneSpec } from './prune.js';

// What toPodRecord (and summarizePodStatus) never read from a pod: list-items.ts replaces these
// values with null before parsing (prune.ts). Anything read above must not be dropped here;
// test/sources/kube/prune.test.ts checks the records come out the same.
const CONTAINER_UNUSED: PruneSpec = {
  env: 'drop',
  envFrom: 'drop',
  volumeMounts: 'drop',
  volumeDevices: 'drop',
  livenessProbe: 'drop',
  readinessProbe: 'drop',
  startupProbe: 'drop',
  lifecycle: 'drop',
  command: 'drop',
  args: 'drop',
};
const CONTAINER_STATUS_UNUSED: PruneSpec = {
  image: 'drop',
  imageID: 'drop',
  containerID: 'drop',
  lastState: 'drop',
  volumeMounts: 'drop',
  resources: 'drop',
  allocatedResources: 'drop',
  allocatedResourcesStatus: 'drop',
  user: 'drop',
};
export const POD_UNUSED: PruneNode = compilePrune({
  // Annotations can be large (Helm, Argo, sidecar injectors); four are read.
  metadata: {
    managedFields: 'drop',
    annotations: { '*': 'drop', [LAST_APPLIED]: 'keep', [CAPACITY_ANNOTATION]: 'keep', [COMPUTE_TYPE]: 'keep', [MIRROR_ANNOTATION]: 'keep' },
  },
  spec: {
    containers: { '[]': CONTAINER_UNUSED },
    initContainers: { '[]': CONTAINER_UNUSED },
    ephemeralContainers: 'drop',
    // Only the volume's kind (its other key) and a claim's name are read.
    volumes: { '[]': { '*': 'drop', name: 'keep', persistentVolumeClaim: 'keep' } },
    affinity: { podAffinity: 'drop', podAntiAffinity: 'drop' },
    tolerations: 'drop',
    topologySpreadConstraints: 'drop',
    dnsConfig: 'drop',
    hostAliases: 'drop',
    imagePullSecrets: 'drop',
    readinessGates: 'drop',
    resourceClaims: 'drop',
    // The pod-level one; containers' securityContext is read.
    securityContext: 'drop',
  },
  status: {
    containerStatuses: { '[]': CONTAINER_STATUS_UNUSED },
    initContainerStatuses: { '[]': CONTAINER_STATUS_UNUSED },
    ephemeralContainerStatuses: 'drop',
    podIPs: 'drop',
    hostIPs: 'drop',
    resourceClaimStatuses: 'drop',
  },
});

export function toPodRecord(raw: unknown): PodRecord {
  const pod = raw as RawPod;
  const meta = pod.metadata ?? {};
  const spec = pod.spec ?? {};
  const annotations = meta.annotations ?? {};
  const summary = summarizePodStatus(pod);
  const lastApplied = str(annotations[LAST_APPLIED]);
  const record: PodRecord = {
    namespace: meta.namespace ?? 'default',
    name: meta.name ?? '',
    uid: meta.uid ?? '',
    resourceVersion: meta.resourceVersion ?? '',
    createdAt: time(meta.creationTimestamp),
    labels: copyMap(meta.labels),
    phase: pod.status?.phase ?? 'Unknown',
    status: summary.status,
    ready: summary.totalContainers > 0 && summary.readyContainers === summary.totalContainers,
    readyContainers: summary.readyContainers,
    totalContainers: summary.totalContainers,
    restarts: summary.restarts,
    deleting: !!meta.deletionTimestamp,
    nodeName: spec.nodeName || null,
    schedulerName: spec.schedulerName || 'default-scheduler',
    owner: ownerOf(meta),
    hostNetwork: spec.hostNetwork === true,
    hostPID: spec.hostPID === true,
    hostIPC: spec.hostIPC === true,
    nodeSelector: copyMap(spec.nodeSelector),
    affinityArch: requiredValues(pod, 'kubernetes.io/arch'),
    affinityOs: requiredValues(pod, 'kubernetes.io/os'),
    containers: (spec.containers ?? []).map(toContainerRecord),
    initContainers: (spec.initContainers ?? []).map(toContainerRecord),
    volumes: (spec.volumes ?? []).map(toVolumeRecord),
    capacityProvisioned: str(annotations[CAPACITY_ANNOTATION]),
    computeTypeAnnotation: str(annotations[COMPUTE_TYPE]),
    appliedProfileLabel: lastApplied ? appliedLabel(lastApplied) : null,
    hasLastApplied: lastApplied !== null,
  };
  if (annotations[MIRROR_ANNOTATION] !== undefined) record.mirror = true;
  return record;
}

// Extended resources that mean an accelerator Fargate cannot provide.
const ACCELERATOR = /(^|[./-])gpu($|[./-])|^aws\.amazon\.com\/neuron|^habana\.ai\/|^google\.com\/tpu$|^xilinx\.com\/fpga|^intel\.com\/(gpu|gaudi)|^gpu\.intel\.com\//;

export const isAcceleratorResource = (name: string): boolean => ACCELERATOR.test(name);

function toContainerRecord(container: RawContainer): ContainerRecord {
  const requests = container.resources?.requests ?? {};
  const limits = container.resources?.limits ?? {};
  const gpus: string[] = [];
  for (const map of [requests, limits]) {
    for (const name in map) {
      // cpu and memory first: they are nearly all there is, and never accelerators.
      if (name !== 'cpu' && name !== 'memory' && isAcceleratorResource(name) && nonZero(map[name]) && !gpus.includes(name)) gpus.push(name);
    }
  }
  const security = container.securityContext ?? {};
  const record: ContainerRecord = {
    name: container.name ?? '',
    image: container.image ?? '',
    requests: amounts(requests),
    limits: amounts(limits),
    gpus,
    privileged: security.privileged === true,
    // Unset means "not asked for": only an explicit `true` is what fargate-scheduler rejects.
    allowPrivilegeEscalation: security.allowPrivilegeEscalation === true,
    addedCapabilities: (security.capabilities?.add ?? []).filter((c): c is string => typeof c === 'string'),
    hostPorts: (container.ports ?? [])
      .map((p) => p.hostPort)
      .filter((p): p is number => typeof p === 'number' && p > 0),
  };
  if (container.restartPolicy) record.restartPolicy = container.restartPolicy;
  return record;
}

function toVolumeRecord(volume: { name?: string } & Record<string, unknown>): VolumeRecord {
  const kind = Object.keys(volume).find((key) => key !== 'name') ?? 'unknown';
  const record: VolumeRecord = { name: volume.name ?? '', kind };
  const claim = (volume.persistentVolumeClaim as { claimName?: unknown } | undefined)?.claimName;
  if (typeof claim === 'string') record.claimName = claim;
  return record;
}

function amounts(map: StringMap): ResourceAmounts {
  const out: ResourceAmounts = {};
  if (map.cpu !== undefined) out.cpu = String(map.cpu);
  if (map.memory !== undefined) out.memory = String(map.memory);
  return out;
}

/** Values of `In` expressions on `key` across the required node-affinity terms. */
function requiredValues(pod: RawPod, key: string): string[] {
  const terms =
    pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  const values = new Set<string>();
  for (const term of terms) {
    for (const expr of (term.matchExpressions ?? []) as RawNodeSelectorRequirement[]) {
      if (expr.key === key && expr.operator === 'In') for (const v of expr.values ?? []) values.add(v);
    }
  }
  return [...values];
}

/**
 * The managing controller only: an ownerReference without `controller: true` re-creates nothing,
 * so such a pod is rescheduled like a bare pod.
 */
function ownerOf(meta: RawMeta): OwnerRef | null {
  const ref = (meta.ownerReferences ?? []).find((r) => r.controller);
  return ref ? { kind: ref.kind ?? '', name: ref.name ?? '' } : null;
}

/** The profile label as the user wrote it in `kubectl apply`'s record, if any. */
function appliedLabel(lastApplied: string): string | null {
  if (!lastApplied.includes(PROFILE_LABEL)) return null; // skip parsing the common case
  try {
    const value = (JSON.parse(lastApplied) as RawPod).metadata?.labels?.[PROFILE_LABEL];
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function toNodeRecord(raw: unknown): NodeRecord {
  const meta = (raw as RawNode).metadata ?? {};
  const labels = meta.labels ?? {};
  const name = meta.name ?? '';
  return {
    name,
    fargate: labels[COMPUTE_TYPE] === 'fargate' || name.startsWith('fargate-'),
    arch: str(labels['kubernetes.io/arch'] ?? labels['beta.kubernetes.io/arch']),
    os: str(labels['kubernetes.io/os'] ?? labels['beta.kubernetes.io/os']),
    zone: str(labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone']),
    kubeletVersion: str((raw as RawNode).status?.nodeInfo?.kubeletVersion),
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
    createdAt: time(ns.metadata?.creationTimestamp),
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
    lastSeen: time(
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

function copyMap(map: StringMap | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (map) for (const key of Object.keys(map)) out[key] = String(map[key]);
  return out;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function time(value: string | undefined): number {
  if (!value) return 0;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? 0 : ms;
}

function nonZero(quantity: unknown): boolean {
  const n = Number.parseFloat(String(quantity));
  return Number.isNaN(n) ? true : n !== 0;
}
