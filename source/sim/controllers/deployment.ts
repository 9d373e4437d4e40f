// Deployment controller: one ReplicaSet per pod template (`pod-template-hash`). A template change
// (e.g. `kubectl rollout restart`) makes a new ReplicaSet; RollingUpdate grows it and shrinks the
// old ones within maxSurge / maxUnavailable (rollout-math.ts), Recreate empties the old ones
// first. A paused Deployment is left as it is. ReplicaSets beyond revisionHistoryLimit that are
// scaled to zero are deleted. Status and conditions: deployment-status.ts.
import type { Ctx } from '../context.js';
import { templateHash } from '../ids.js';
import type { Obj } from '../kube/resources.js';
import { deploymentStatus } from './deployment-status.js';
import { controllerOf, ownerRef, workQueue, writeStatus } from './queue.js';
import { newReplicaSetReplicas, resolveFenceposts, scaleDownOld } from './rollout-math.js';

const RID = 'deployments.apps';
const RS = 'replicasets.apps';
const REVISION = 'deployment.kubernetes.io/revision';

const specOf = (r: Obj): number => Number(r.spec?.replicas ?? 0);
const revisionOf = (r: Obj): number => Number(r.metadata.annotations?.[REVISION] ?? 0);
const createdAt = (r: Obj): number => Date.parse(r.metadata.creationTimestamp ?? '') || 0;

function newReplicaSet(dep: Obj, hash: string, replicas: number, revision: number, maxReplicas: number): Obj {
  const template = structuredClone(dep.spec.template);
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, 'pod-template-hash': hash } };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${String(dep.metadata.name)}-${hash}`,
      namespace: dep.metadata.namespace,
      labels: { ...dep.spec.template.metadata?.labels, 'pod-template-hash': hash },
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(dep.spec.replicas ?? 1),
        'deployment.kubernetes.io/max-replicas': String(maxReplicas),
        [REVISION]: String(revision),
      },
      ownerReferences: [ownerRef(dep)],
    },
    spec: {
      replicas,
      minReadySeconds: dep.spec.minReadySeconds ?? 0,
      selector: { ...dep.spec.selector, matchLabels: { ...dep.spec.selector?.matchLabels, 'pod-template-hash': hash } },
      template,
    },
  };
}

export function installDeploymentController(ctx: Ctx): void {
  const { store } = ctx;

  /** Write a ReplicaSet's new size (and the annotations that go with it) if it changed. */
  const scale = (rs: Obj, replicas: number, annotations: Record<string, string>): Obj => {
    const same = Object.entries(annotations).every(([k, v]) => rs.metadata.annotations?.[k] === v);
    if (specOf(rs) === replicas && same) return rs;
    rs.spec.replicas = replicas;
    rs.metadata.annotations = { ...rs.metadata.annotations, ...annotations };
    return ctx.api.update(RS, String(rs.metadata.namespace), String(rs.metadata.name), rs);
  };

  const sync = (ns: string, name: string): void => {
    const dep = store.get(RID, ns, name);
    if (dep === undefined || dep.metadata.deletionTimestamp !== undefined) return;
    const uid = String(dep.metadata.uid);
    const want = Number(dep.spec.replicas ?? 1);
    const hash = templateHash(JSON.stringify(dep.spec.template));
    const owned: Obj[] = store
      .dependents(uid)
      .filter((d) => d.rid === RS)
      .map((d) => store.get(RS, d.ns, d.name))
      .filter((r): r is Obj => r !== undefined && r.metadata.deletionTimestamp === undefined && controllerOf(r)?.uid === uid);
    let cur = owned.find((r) => r.metadata.labels?.['pod-template-hash'] === hash);
    const old = owned.filter((r) => r !== cur).sort((a, b) => createdAt(a) - createdAt(b));
    const recreate = dep.spec.strategy?.type === 'Recreate';
    const { surge, unavailable } = recreate ? { surge: 0, unavailable: want } : resolveFenceposts(dep.spec.strategy?.rollingUpdate, want);
    const annotations = { 'deployment.kubernetes.io/desired-replicas': String(want), 'deployment.kubernetes.io/max-replicas': String(want + surge) };
    let created = false;

    if (dep.spec.paused !== true) {
      const maxRevision = owned.reduce((m, r) => Math.max(m, revisionOf(r)), 0);
      if (recreate) {
        // Recreate: every old pod gone before the new ReplicaSet grows.
        for (let i = 0; i < old.length; i++) old[i] = scale(old[i]!, 0, {});
        const oldPodsLeft = old.some((r) => store.dependents(String(r.metadata.uid)).some((d) => d.rid === 'pods'));
        if (cur === undefined) {
          cur = ctx.api.create(RS, newReplicaSet(dep, hash, oldPodsLeft ? 0 : want, maxRevision + 1, want));
          created = true;
        } else if (!oldPodsLeft) {
          cur = scale(cur, want, annotations);
        }
      } else {
        const allSpecs = owned.reduce((s, r) => s + specOf(r), 0);
        if (cur === undefined) {
          cur = ctx.api.create(RS, newReplicaSet(dep, hash, newReplicaSetReplicas(want, surge, 0, allSpecs), maxRevision + 1, want + surge));
          created = true;
        } else {
          // A template rolled back to gets the newest revision again, as kubectl rollout undo shows.
          const revision: Record<string, string> = revisionOf(cur) < maxRevision ? { [REVISION]: String(maxRevision + 1) } : {};
          cur = scale(cur, newReplicaSetReplicas(want, surge, specOf(cur), allSpecs), { ...annotations, ...revision });
        }
        const counts = (r: Obj) => ({ spec: specOf(r), available: Number(r.status?.availableReplicas ?? 0) });
        const sizes = scaleDownOld(want, unavailable, counts(cur!), old.map(counts));
        for (let i = 0; i < old.length; i++) old[i] = scale(old[i]!, sizes[i]!, {});
      }
      pruneHistory(ctx, old, Number(dep.spec.revisionHistoryLimit ?? 10));
    }
    writeStatus(ctx, RID, dep, deploymentStatus(ctx, dep, cur, old, { unavailable, created }));
  };

  const q = workQueue(ctx, sync);
  store.subscribe((c) => {
    if (c.rid === RID && c.type !== 'DELETED') q.add(c.entry.ns, c.entry.name);
    else if (c.rid === RS) {
      const ref = controllerOf(c.obj);
      if (ref?.kind === 'Deployment') q.add(c.entry.ns, ref.name);
    } else if (c.rid === 'pods' && c.type === 'DELETED') {
      // Recreate waits for old pods to be gone, which changes no ReplicaSet's status.
      const rsRef = controllerOf(c.obj);
      if (rsRef?.kind !== 'ReplicaSet') return;
      const ref = controllerOf(store.get(RS, c.entry.ns, rsRef.name) ?? {});
      if (ref?.kind === 'Deployment') q.add(c.entry.ns, ref.name);
    }
  });
}

/** Delete the oldest empty ReplicaSets beyond the history limit. */
function pruneHistory(ctx: Ctx, old: Obj[], limit: number): void {
  const empty = old.filter((r) => specOf(r) === 0 && Number(r.status?.replicas ?? 0) === 0);
  for (const r of empty.slice(0, Math.max(0, empty.length - limit))) ctx.api.delete(RS, String(r.metadata.namespace), String(r.metadata.name));
}
