// A pod's wire JSON -> its PodRecord (domain/types.ts), and what that never reads: the values
// list-items.ts cuts before parsing (POD_UNUSED), kept beside the reading so the two agree.
import {
  CAPACITY_ANNOTATION,
  COMPUTE_TYPE,
  LAST_APPLIED,
  MIRROR_ANNOTATION,
  PROFILE_LABEL,
  type ContainerRecord,
  type OwnerRef,
  type PodRecord,
  type ResourceAmounts,
  type VolumeRecord,
} from '../../domain/types.js';
import type { RawContainer, RawMeta, RawNodeSelectorRequirement, RawPod, StringMap } from './json.js';
import { summarizePodStatus } from './pod-status.js';
import { compilePrune, type PruneNode, type PruneSpec } from './prune.js';
import { copyMap, shared, sharedOrNull, stringOrNull, timestamp } from './raw-values.js';
import { orEmptyList } from '../../lib/empty-list.js';

// What toPodRecord (and summarizePodStatus) never read from a pod: list-items.ts replaces these
// values with null before parsing (prune.ts). Anything toPodRecord reads must not be dropped here;
// test/sources/kube/prune.sim.test.ts checks the records come out the same.
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
  const lastApplied = stringOrNull(annotations[LAST_APPLIED]);
  const record: PodRecord = {
    namespace: shared(meta.namespace ?? 'default'),
    name: meta.name ?? '',
    uid: meta.uid ?? '',
    resourceVersion: meta.resourceVersion ?? '',
    createdAt: timestamp(meta.creationTimestamp),
    labels: copyMap(meta.labels),
    phase: shared(pod.status?.phase ?? 'Unknown'),
    status: shared(summary.status),
    ready: summary.totalContainers > 0 && summary.readyContainers === summary.totalContainers,
    readyContainers: summary.readyContainers,
    totalContainers: summary.totalContainers,
    restarts: summary.restarts,
    deleting: !!meta.deletionTimestamp,
    nodeName: spec.nodeName ? shared(spec.nodeName) : null,
    schedulerName: shared(spec.schedulerName || 'default-scheduler'),
    owner: ownerOf(meta),
    hostNetwork: spec.hostNetwork === true,
    hostPID: spec.hostPID === true,
    hostIPC: spec.hostIPC === true,
    nodeSelector: copyMap(spec.nodeSelector),
    affinityArch: orEmptyList(requiredValues(pod, 'kubernetes.io/arch')),
    affinityOs: orEmptyList(requiredValues(pod, 'kubernetes.io/os')),
    containers: (spec.containers ?? []).map(toContainerRecord),
    initContainers: orEmptyList((spec.initContainers ?? []).map(toContainerRecord)),
    volumes: (spec.volumes ?? []).map(toVolumeRecord),
    capacityProvisioned: sharedOrNull(annotations[CAPACITY_ANNOTATION]),
    computeTypeAnnotation: sharedOrNull(annotations[COMPUTE_TYPE]),
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
    name: shared(container.name ?? ''),
    image: shared(container.image ?? ''),
    requests: amounts(requests),
    limits: amounts(limits),
    gpus: orEmptyList(gpus),
    privileged: security.privileged === true,
    // Unset means "not asked for": only an explicit `true` is what fargate-scheduler rejects.
    allowPrivilegeEscalation: security.allowPrivilegeEscalation === true,
    addedCapabilities: orEmptyList((security.capabilities?.add ?? []).filter((c): c is string => typeof c === 'string')),
    hostPorts: orEmptyList(
      (container.ports ?? []).map((p) => p.hostPort).filter((p): p is number => typeof p === 'number' && p > 0),
    ),
  };
  if (container.restartPolicy) record.restartPolicy = container.restartPolicy;
  return record;
}

function toVolumeRecord(volume: { name?: string } & Record<string, unknown>): VolumeRecord {
  const kind = Object.keys(volume).find((key) => key !== 'name') ?? 'unknown';
  const record: VolumeRecord = { name: shared(volume.name ?? ''), kind };
  const claim = (volume.persistentVolumeClaim as { claimName?: unknown } | undefined)?.claimName;
  if (typeof claim === 'string') record.claimName = claim;
  return record;
}

function amounts(map: StringMap): ResourceAmounts {
  const out: ResourceAmounts = {};
  if (map.cpu !== undefined) out.cpu = shared(String(map.cpu));
  if (map.memory !== undefined) out.memory = shared(String(map.memory));
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
export function ownerOf(meta: RawMeta): OwnerRef | null {
  const ref = (meta.ownerReferences ?? []).find((r) => r.controller);
  return ref ? { kind: shared(ref.kind ?? ''), name: shared(ref.name ?? '') } : null;
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

function nonZero(quantity: unknown): boolean {
  const n = Number.parseFloat(String(quantity));
  return Number.isNaN(n) ? true : n !== 0;
}
