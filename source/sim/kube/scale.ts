// The /scale subresource (autoscaling/v1 Scale) of Deployments, ReplicaSets and StatefulSets:
// what `kubectl scale` reads and patches.
import type { Ctx } from '../context.js';
import { jsonPatch, mergePatch, strategicMerge } from './patch.js';
import type { PatchType } from './objects.js';
import type { Obj, ResourceDef } from './resources.js';
import { selectorObjectToString } from './selectors.js';
import { badRequest } from './status.js';

export function scaleOf(o: Obj): Obj {
  const { name, namespace, uid, resourceVersion, creationTimestamp } = o.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: o.spec?.replicas ?? 0 },
    status: { replicas: o.status?.replicas ?? 0, selector: selectorObjectToString(o.spec?.selector) },
  };
}

/** PATCH or PUT a Scale: only spec.replicas changes on the owning object. */
export function writeScale(ctx: Ctx, def: ResourceDef, ns: string, name: string, body: unknown, type: PatchType | 'replace', dryRun: boolean): Obj {
  const current = ctx.api.get(def.id, ns, name);
  const scale = scaleOf(current);
  const next: Obj = type === 'replace' ? body : type === 'json' ? jsonPatch(scale, body) : type === 'strategic' ? strategicMerge(scale, body) : mergePatch(scale, body);
  const replicas = next?.spec?.replicas;
  if (!Number.isInteger(replicas) || replicas < 0) throw badRequest('spec.replicas must be a non-negative integer');
  const updated = ctx.api.update(def.id, ns, name, { ...current, spec: { ...current.spec, replicas } }, { dryRun });
  return scaleOf(updated);
}
