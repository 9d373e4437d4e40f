// What we read from Kubernetes, shared by the one-shot load and the live reflector.
import type { PodRecord, TemplateOwnerKind } from '../../domain/types.js';
import { COMPUTE_TYPE } from '../../domain/types.js';
import { POD_UNUSED } from './pod-projection.js';
import { NODE_UNUSED, PERSISTENT_VOLUME_UNUSED, WORKLOAD_UNUSED } from './projection.js';
import type { PruneNode } from './prune.js';

/** Which pods the user asked about (-n / -A / -l). */
export interface KubeScope {
  /** A namespace (-n), or null/undefined for all namespaces (-A). */
  namespace?: string | null | undefined;
  /** -l, applied to pods only. */
  labelSelector?: string | undefined;
  /** --field-selector, applied to pods only (as `kubectl get pods --field-selector`). */
  fieldSelector?: string | undefined;
}

export type ResourceKind =
  | 'pods'
  | 'namespaces'
  | 'nodes'
  | 'events'
  | 'claims'
  | 'volumes'
  | 'storageClasses'
  | 'replicasets'
  | 'statefulsets'
  | 'jobs';

/**
 * When a resource is worth reading: always, once some pod mounts a PersistentVolumeClaim
 * ('claims': its claim, volume and StorageClass), or once some pod is owned by that controller
 * kind (its pod template).
 */
export type ListTrigger = 'always' | 'claims' | TemplateOwnerKind;

export interface ResourceQuery {
  kind: ResourceKind;
  path: string;
  labelSelector?: string | undefined;
  fieldSelector?: string | undefined;
  /** Pods are required; the others degrade to a warning when forbidden. */
  required: boolean;
  trigger: ListTrigger;
  /** Parts of each item nobody reads (prune.ts). */
  prune?: PruneNode;
}

/** The controller kind whose pod templates a resource lists. */
export const TEMPLATE_OWNER: Readonly<Partial<Record<ResourceKind, TemplateOwnerKind>>> = { replicasets: 'ReplicaSet', statefulsets: 'StatefulSet', jobs: 'Job' };

const under = (namespace: string | null | undefined, resource: string, group = '/api/v1'): string =>
  namespace ? `${group}/namespaces/${encodeURIComponent(namespace)}/${resource}` : `${group}/${resource}`;

export function resourceQueries(scope: KubeScope): ResourceQuery[] {
  const ns = scope.namespace || null;
  return [
    { kind: 'pods', path: under(ns, 'pods'), labelSelector: scope.labelSelector, fieldSelector: scope.fieldSelector || undefined, required: true, trigger: 'always', prune: POD_UNUSED },
    // With -n, only that namespace (a cluster-scoped list filtered by name; may be forbidden).
    {
      kind: 'namespaces',
      path: '/api/v1/namespaces',
      fieldSelector: ns ? `metadata.name=${ns}` : undefined,
      required: false,
      trigger: 'always',
    },
    { kind: 'nodes', path: '/api/v1/nodes', required: false, trigger: 'always', prune: NODE_UNUSED },
    { kind: 'events', path: under(ns, 'events'), fieldSelector: 'involvedObject.kind=Pod', required: false, trigger: 'always' },
    { kind: 'claims', path: under(ns, 'persistentvolumeclaims'), required: false, trigger: 'claims' },
    { kind: 'volumes', path: '/api/v1/persistentvolumes', required: false, trigger: 'claims', prune: PERSISTENT_VOLUME_UNUSED },
    { kind: 'storageClasses', path: '/apis/storage.k8s.io/v1/storageclasses', required: false, trigger: 'claims' },
    // A Deployment keeps up to ten old ReplicaSets, scaled to zero; a pod's ReplicaSet has replicas.
    {
      kind: 'replicasets',
      path: under(ns, 'replicasets', '/apis/apps/v1'),
      fieldSelector: 'status.replicas!=0',
      required: false,
      trigger: 'ReplicaSet',
      prune: WORKLOAD_UNUSED,
    },
    { kind: 'statefulsets', path: under(ns, 'statefulsets', '/apis/apps/v1'), required: false, trigger: 'StatefulSet', prune: WORKLOAD_UNUSED },
    { kind: 'jobs', path: under(ns, 'jobs', '/apis/batch/v1'), required: false, trigger: 'Job', prune: WORKLOAD_UNUSED },
  ];
}

/**
 * Fargate's nodes only (EKS labels each one), for one-shot faces: they need no EC2 node (the
 * fargate- name prefix and this list tell Fargate apart), only each Fargate node's kubelet version
 * for the upgrade check. Same sink as `nodes`.
 */
export function fargateNodesQuery(): ResourceQuery {
  return { kind: 'nodes', path: '/api/v1/nodes', labelSelector: `${COMPUTE_TYPE}=fargate`, required: false, trigger: 'always', prune: NODE_UNUSED };
}

/** The triggers a pod sets off (see ListTrigger). */
export function triggersOf(pod: Pick<PodRecord, 'owner' | 'volumes'>): ListTrigger[] {
  const out: ListTrigger[] = [];
  const kind = pod.owner?.kind;
  if (kind === 'ReplicaSet' || kind === 'StatefulSet' || kind === 'Job') out.push(kind);
  if (pod.volumes.some((v) => v.kind === 'persistentVolumeClaim')) out.push('claims');
  return out;
}
