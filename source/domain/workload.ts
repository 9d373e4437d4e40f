// The workload a pod belongs to: what an operator restarts (`kubectl rollout restart
// deployment/cart`), not the ReplicaSet in between. Pure.
import { templateKey } from './replacement.js';
import type { OwnerRef, OwnerTemplateRecord, PodRecord } from './types.js';

/**
 * The pod's top controller: a ReplicaSet's Deployment when the ReplicaSet's record names it,
 * else the pod's own controller; null for a bare pod.
 */
export function workloadOf(pod: Pick<PodRecord, 'namespace' | 'owner'>, templates: ReadonlyMap<string, OwnerTemplateRecord> | undefined): OwnerRef | null {
  const owner = pod.owner;
  if (owner === null) return null;
  if (owner.kind !== 'ReplicaSet') return owner;
  const parent = templates?.get(templateKey(pod.namespace, owner.kind, owner.name))?.owner;
  return parent ?? owner;
}
