// A work queue per controller: keys collected during a burst of changes are reconciled once,
// a moment later (like client-go's rate-limited queues, minus the rate limit).
import type { Ctx } from '../context.js';
import type { Obj } from '../kube/resources.js';
import { ApiError } from '../kube/status.js';
import type { Entry } from '../kube/storage.js';

export interface Queue {
  add(ns: string, name: string): void;
}

export function workQueue(ctx: Pick<Ctx, 'clock' | 'timing'>, reconcile: (ns: string, name: string) => void): Queue {
  const pending = new Set<string>();
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    const keys = [...pending];
    pending.clear();
    for (const k of keys) {
      const i = k.indexOf('/');
      try {
        reconcile(k.slice(0, i), k.slice(i + 1));
      } catch (err) {
        // A conflict or a vanished object: the next change brings the key back.
        if (!(err instanceof ApiError)) throw err;
      }
    }
  };
  return {
    add(ns, name) {
      pending.add(`${ns}/${name}`);
      if (!scheduled) {
        scheduled = true;
        ctx.clock.later(ctx.timing.controllerMs, flush);
      }
    },
  };
}

/** The controller owner reference of an object, if any. */
export function controllerOf(o: Obj): Obj | undefined {
  return (o.metadata?.ownerReferences ?? []).find((r: Obj) => r.controller === true);
}

export function ownerRef(owner: Obj): Obj {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true };
}

/** The pods (parsed) an owner controls. */
export function ownedPods(ctx: Pick<Ctx, 'store'>, owner: Obj): Obj[] {
  const uid = String(owner.metadata.uid);
  return ctx.store
    .dependents(uid)
    .filter((d) => d.rid === 'pods')
    .map((d) => ctx.store.get('pods', d.ns, d.name))
    .filter((p): p is Obj => p !== undefined && controllerOf(p)?.uid === uid);
}

/** The stored entries of the pods an owner references (cheap: no parsing). */
export function ownedPodEntries(ctx: Pick<Ctx, 'store'>, owner: Obj): Entry[] {
  const uid = String(owner.metadata.uid);
  return ctx.store
    .dependents(uid)
    .filter((d) => d.rid === 'pods')
    .map((d) => ctx.store.entry('pods', d.ns, d.name))
    .filter((e): e is Entry => e !== undefined && e.owners.includes(uid));
}

export const entryActive = (e: Entry): boolean => !e.deleting && e.fields['status.phase'] !== 'Succeeded' && e.fields['status.phase'] !== 'Failed';

export const isActive = (p: Obj): boolean => p.metadata.deletionTimestamp === undefined && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
export const isReady = (p: Obj): boolean => (p.status?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True');

/** Write status only when it changed (a status write is itself a change that re-queues). */
export function writeStatus(ctx: Ctx, rid: string, obj: Obj, status: Obj): void {
  if (JSON.stringify(obj.status) === JSON.stringify(status)) return;
  obj.status = status;
  ctx.api.write(rid, obj);
}

/** The pod a workload's template describes (what the controller POSTs). */
export function podFromTemplate(owner: Obj, extra: { name?: string; generateName?: string; labels?: Record<string, string>; spec?: Obj }): Obj {
  const t = owner.spec.template ?? {};
  const metadata: Obj = {
    namespace: owner.metadata.namespace,
    labels: { ...t.metadata?.labels, ...extra.labels },
    ownerReferences: [ownerRef(owner)],
  };
  if (extra.name !== undefined) metadata.name = extra.name;
  if (extra.generateName !== undefined) metadata.generateName = extra.generateName;
  if (t.metadata?.annotations !== undefined) metadata.annotations = { ...t.metadata.annotations };
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: { ...structuredClone(t.spec ?? {}), ...extra.spec } };
}
