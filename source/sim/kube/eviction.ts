// pods/eviction and PodDisruptionBudget arithmetic (kubernetes pkg/registry/core/pod/storage/eviction.go
// and pkg/controller/disruption): an eviction of a healthy pod needs disruptionsAllowed > 0.
import type { Ctx } from '../context.js';
import type { Obj } from './resources.js';
import type { Entry } from './storage.js';
import { selectorObjectMatcher } from './selectors.js';
import { ApiError } from './status.js';

export interface BudgetStatus {
  expectedPods: number;
  currentHealthy: number;
  desiredHealthy: number;
  disruptionsAllowed: number;
}

/** A policy/v1 selector: an empty one selects every pod of the namespace, a missing one none. */
function pdbSelects(pdb: Obj): (labels: Record<string, string> | undefined) => boolean {
  const sel = pdb.spec?.selector;
  if (sel === undefined || sel === null) return () => false;
  if (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0) return () => true;
  return selectorObjectMatcher(sel);
}

function scaled(v: number | string, total: number): number {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v.trim());
  if (m === null) return Number(v) || 0;
  return Math.ceil((Number(m[1]) * total) / 100);
}

function podsOf(ctx: Pick<Ctx, 'store'>, pdb: Obj): Entry[] {
  const selects = pdbSelects(pdb);
  const out: Entry[] = [];
  for (const e of ctx.store.entriesIn('pods', String(pdb.metadata.namespace))) {
    if (!selects(e.labels)) continue;
    const phase = e.fields['status.phase'];
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    out.push(e);
  }
  return out;
}

// The controllers' desired replicas, as the disruption controller reads them through /scale.
function controllerReplicas(ctx: Pick<Ctx, 'store'>, pods: Entry[]): number {
  const { store } = ctx;
  const seen = new Map<string, number>();
  let bare = 0;
  for (const e of pods) {
    const pod = JSON.parse(e.json);
    const ref = (pod.metadata.ownerReferences ?? []).find((r: Obj) => r.controller === true);
    if (ref === undefined) {
      bare++;
      continue;
    }
    if (seen.has(ref.uid)) continue;
    let replicas = 1;
    if (ref.kind === 'ReplicaSet') {
      const rs = store.get('replicasets.apps', e.ns, ref.name);
      const depRef = (rs?.metadata.ownerReferences ?? []).find((r: Obj) => r.controller === true && r.kind === 'Deployment');
      const dep = depRef === undefined ? undefined : store.get('deployments.apps', e.ns, depRef.name);
      replicas = Number(dep?.spec?.replicas ?? rs?.spec?.replicas ?? 1);
      seen.set(depRef?.uid ?? ref.uid, replicas);
      seen.set(ref.uid, 0);
      continue;
    }
    if (ref.kind === 'StatefulSet') replicas = Number(store.get('statefulsets.apps', e.ns, ref.name)?.spec?.replicas ?? 1);
    seen.set(ref.uid, replicas);
  }
  return [...seen.values()].reduce((a, b) => a + b, 0) + bare;
}

export function budgetStatus(ctx: Pick<Ctx, 'store'>, pdb: Obj): BudgetStatus {
  const pods = podsOf(ctx, pdb);
  const currentHealthy = pods.filter((e) => e.ready && !e.deleting).length;
  const { minAvailable, maxUnavailable } = pdb.spec ?? {};
  let expectedPods = pods.length;
  let desiredHealthy = 0;
  if (minAvailable !== undefined && typeof minAvailable === 'number') {
    desiredHealthy = minAvailable;
  } else {
    expectedPods = controllerReplicas(ctx, pods);
    if (minAvailable !== undefined) desiredHealthy = scaled(minAvailable, expectedPods);
    else if (maxUnavailable !== undefined) desiredHealthy = Math.max(0, expectedPods - scaled(maxUnavailable, expectedPods));
  }
  return { expectedPods, currentHealthy, desiredHealthy, disruptionsAllowed: Math.max(0, currentHealthy - desiredHealthy) };
}

/** The PDBs in the pod's namespace whose selector matches it. */
export function budgetsFor(ctx: Pick<Ctx, 'store'>, ns: string, labels: Record<string, string> | undefined): Obj[] {
  const out: Obj[] = [];
  for (const e of ctx.store.entriesIn('poddisruptionbudgets.policy', ns)) {
    const pdb = JSON.parse(e.json);
    if (pdbSelects(pdb)(labels)) out.push(pdb);
  }
  return out;
}

/**
 * POST pods/NAME/eviction. Deletes the pod (gracefully) when the budget allows; else 429. A dry
 * run (`?dryRun=All`, which the real EvictionREST copies into the deleteOptions, or
 * deleteOptions.dryRun) checks the budget the same way and deletes nothing.
 */
export function evict(ctx: Ctx, ns: string, name: string, body: Obj, queryDryRun = false): void {
  const pod = ctx.api.get('pods', ns, name);
  const deleteOptions = body?.deleteOptions ?? {};
  const dryRun = queryDryRun || (Array.isArray(deleteOptions.dryRun) && deleteOptions.dryRun.includes('All'));
  const del = (): void => {
    ctx.api.delete('pods', ns, name, { gracePeriodSeconds: deleteOptions.gracePeriodSeconds, dryRun, preconditions: deleteOptions.preconditions });
  };
  const phase = pod.status?.phase;
  // Already terminating or finished pods are not protected by a budget.
  if (pod.metadata.deletionTimestamp !== undefined || phase === 'Succeeded' || phase === 'Failed') return del();
  const pdbs = budgetsFor(ctx, ns, pod.metadata.labels);
  if (pdbs.length === 0) return del();
  if (pdbs.length > 1) {
    throw new ApiError(500, 'InternalError', 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  }
  const pdb = pdbs[0]!;
  const st = budgetStatus(ctx, pdb);
  const ready = (pod.status?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True');
  if (!ready) {
    // unhealthyPodEvictionPolicy IfHealthyBudget (default): unhealthy pods may go while the budget is met.
    if (pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow' || st.currentHealthy >= st.desiredHealthy) return del();
  } else if (st.disruptionsAllowed > 0) {
    return del();
  }
  throw new ApiError(429, 'TooManyRequests', "Cannot evict pod as it would violate the pod's disruption budget.", {
    causes: [{ reason: 'DisruptionBudget', message: `The disruption budget ${String(pdb.metadata.name)} needs ${st.desiredHealthy} healthy pods and has ${st.currentHealthy} currently` }],
  });
}
