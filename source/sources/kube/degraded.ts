// When an optional resource cannot be read (RBAC often denies cluster-scoped lists to namespace
// users): what the store is told, the same for the one-shot load and the live reflector.
import type { NamespaceRecord, PodRecord } from '../../domain/types.js';
import type { ClusterStore } from '../../store/cluster-store.js';
import { errorText } from '../../errors.js';
import { KubeApiError } from './errors.js';
import { TEMPLATE_OWNER, type ResourceKind } from './resources.js';

/** Say why `kind` is missing; pods its owner templates would judge are judged without them. */
export function markDegraded(store: ClusterStore, kind: ResourceKind, error: unknown): void {
  const reason = reasonOf(error);
  store.addWarning(degradedWarning(kind, reason));
  const owner = TEMPLATE_OWNER[kind];
  if (owner !== undefined) store.setTemplatesRead(owner, reason);
}

/** When namespaces cannot be listed: the asked-for one, else those the pods live in. */
export function namespacesOfPods(namespace: string | null | undefined, pods: Iterable<PodRecord>): NamespaceRecord[] {
  const names = new Set<string>();
  if (namespace) names.add(namespace);
  else for (const pod of pods) names.add(pod.namespace);
  return Array.from(names, (name) => ({ name, phase: 'Active', createdAt: 0 }));
}

function reasonOf(error: unknown): string {
  if (error instanceof KubeApiError && error.status === 403) return 'forbidden';
  return errorText(error);
}

/** The warning shown when an optional resource cannot be read. */
export function degradedWarning(kind: ResourceKind, reason: string): string {
  switch (kind) {
    case 'namespaces':
      return `cannot list namespaces (${reason}); namespaces are taken from the pods`;
    case 'nodes':
      return `cannot list nodes (${reason}); Fargate nodes are recognised by their fargate- name prefix only, and their kubelet versions (what blocks a control-plane upgrade) are unknown`;
    case 'events':
      return `cannot list events (${reason}); pending reasons from fargate-scheduler are not shown`;
    case 'claims':
      return `cannot list persistentvolumeclaims (${reason}); PVC-backed volumes are judged without their claims`;
    case 'volumes':
      return `cannot list persistentvolumes (${reason}); a claim's volume is judged by its provisioner and StorageClass only`;
    case 'storageClasses':
      return `cannot list storageclasses (${reason}); claims are judged without their StorageClass`;
    case 'replicasets':
    case 'statefulsets':
    case 'jobs':
      return `cannot list ${kind} (${reason}); their pods are judged by their own labels, not by the pod template a replacement gets`;
    case 'pods':
      return `cannot list pods (${reason})`;
  }
}
