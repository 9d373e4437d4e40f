// A Deployment's status as kube-controller-manager writes it (calculateStatus): counts summed over
// its ReplicaSets' status, updatedReplicas from the new one, and the Available / Progressing
// conditions with their real reasons and messages. `kubectl rollout status` reads exactly these.
// Not simulated: ProgressDeadlineExceeded (a stuck rollout stays "progressing").
import type { Ctx } from '../context.js';
import type { Obj } from '../kube/resources.js';
import { k8sTime } from '../time.js';
import { maxUnavailable } from './rollout-math.js';

const n = (v: unknown): number => Number(v ?? 0);

export function deploymentStatus(ctx: Ctx, dep: Obj, cur: Obj | undefined, old: readonly Obj[], o: { unavailable: number; created: boolean }): Obj {
  const want = Number(dep.spec.replicas ?? 1);
  const all = cur === undefined ? [...old] : [cur, ...old];
  const sum = (f: (r: Obj) => number): number => all.reduce((s, r) => s + f(r), 0);
  const replicas = sum((r) => n(r.status?.replicas));
  const updated = n(cur?.status?.replicas);
  const ready = sum((r) => n(r.status?.readyReplicas));
  const available = sum((r) => n(r.status?.availableReplicas));
  const unavailableReplicas = Math.max(0, sum((r) => n(r.spec?.replicas)) - available);

  const now = k8sTime(ctx.clock.now());
  const prev: Obj[] = dep.status?.conditions ?? [];
  const cond = (type: string, status: string, reason: string, message: string): Obj => {
    const p = prev.find((c) => c.type === type);
    const same = p?.status === status && p?.reason === reason && p?.message === message;
    return { type, status, lastUpdateTime: same ? p.lastUpdateTime : now, lastTransitionTime: p?.status === status ? p.lastTransitionTime : now, reason, message };
  };
  const rsName = String(cur?.metadata.name ?? '');
  const complete = updated === want && replicas === want && available === want;
  let progressing: Obj;
  if (dep.spec.paused === true) progressing = cond('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused');
  else if (o.created) progressing = cond('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${rsName}"`);
  else if (complete) progressing = cond('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`);
  else progressing = cond('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${rsName}" is progressing.`);
  const availableCond =
    available >= want - maxUnavailable(o.unavailable, want)
      ? cond('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.')
      : cond('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.');

  const status: Obj = {
    observedGeneration: dep.metadata.generation,
    replicas,
    updatedReplicas: updated,
    readyReplicas: ready,
    availableReplicas: available,
    conditions: [availableCond, progressing],
  };
  if (unavailableReplicas > 0) status.unavailableReplicas = unavailableReplicas;
  return status;
}
