// Deployment controller, simplified: one ReplicaSet per pod-template hash. A new template
// (e.g. `kubectl rollout restart`) gets a new ReplicaSet at full size; older ones scale to zero
// once it is fully ready, so availability never drops during the rollout.
import type { Ctx } from '../context.js';
import { templateHash } from '../ids.js';
import { k8sTime } from '../time.js';
import type { Obj } from '../kube/resources.js';
import { controllerOf, ownerRef, workQueue, writeStatus } from './queue.js';

const RID = 'deployments.apps';
const RS = 'replicasets.apps';

export function installDeploymentController(ctx: Ctx): void {
  const { store } = ctx;
  const q = workQueue(ctx, (ns, name) => {
    const dep = store.get(RID, ns, name);
    if (dep === undefined || dep.metadata.deletionTimestamp !== undefined) return;
    const uid = String(dep.metadata.uid);
    const hash = templateHash(JSON.stringify(dep.spec.template));
    const owned: Obj[] = store
      .dependents(uid)
      .filter((d) => d.rid === RS)
      .map((d) => store.get(RS, d.ns, d.name))
      .filter((r): r is Obj => r !== undefined && controllerOf(r)?.uid === uid);
    const want = Number(dep.spec.replicas ?? 1);
    let current = owned.find((r) => r.metadata.labels?.['pod-template-hash'] === hash);
    const revision = (r: Obj): number => Number(r.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
    if (current === undefined) {
      const rev = owned.reduce((m, r) => Math.max(m, revision(r)), 0) + 1;
      const template = structuredClone(dep.spec.template);
      template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, 'pod-template-hash': hash } };
      current = ctx.api.create(RS, {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: `${name}-${hash}`,
          namespace: ns,
          labels: { ...dep.spec.template.metadata?.labels, 'pod-template-hash': hash },
          annotations: {
            'deployment.kubernetes.io/desired-replicas': String(want),
            'deployment.kubernetes.io/max-replicas': String(want + Math.ceil(want / 4)),
            'deployment.kubernetes.io/revision': String(rev),
          },
          ownerReferences: [ownerRef(dep)],
        },
        spec: {
          replicas: want,
          selector: { ...dep.spec.selector, matchLabels: { ...dep.spec.selector?.matchLabels, 'pod-template-hash': hash } },
          template,
        },
      });
    } else if (Number(current.spec.replicas) !== want) {
      current.spec.replicas = want;
      current.metadata.annotations = { ...current.metadata.annotations, 'deployment.kubernetes.io/desired-replicas': String(want) };
      ctx.api.update(RS, ns, current.metadata.name, current);
    }
    const cur = current!;
    const newReady = Number(cur.status?.readyReplicas ?? 0);
    const old = owned.filter((r) => r.metadata.uid !== cur.metadata.uid);
    if (newReady >= want) {
      for (const r of old) {
        if (Number(r.spec.replicas) === 0) continue;
        r.spec.replicas = 0;
        ctx.api.update(RS, ns, r.metadata.name, r);
      }
    }
    const all = [cur, ...old];
    const sum = (f: (r: Obj) => number): number => all.reduce((s, r) => s + f(r), 0);
    const replicas = sum((r) => Number(r.status?.replicas ?? 0));
    const ready = sum((r) => Number(r.status?.readyReplicas ?? 0));
    const available = sum((r) => Number(r.status?.availableReplicas ?? 0));
    const updated = Number(cur.status?.replicas ?? 0);
    const prev = dep.status?.conditions ?? [];
    const cond = (type: string, status: string, reason: string, message: string): Obj => {
      const p = prev.find((c: Obj) => c.type === type);
      const t = p?.status === status && p?.reason === reason ? p.lastTransitionTime : k8sTime(ctx.clock.now());
      return { type, status, lastUpdateTime: p?.status === status && p?.reason === reason ? p.lastUpdateTime : t, lastTransitionTime: t, reason, message };
    };
    const status: Obj = {
      observedGeneration: dep.metadata.generation,
      replicas,
      updatedReplicas: updated,
      readyReplicas: ready,
      availableReplicas: available,
      conditions: [
        available >= want ? cond('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.') : cond('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'),
        updated >= want && newReady >= want
          ? cond('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${String(cur.metadata.name)}" has successfully progressed.`)
          : cond('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${String(cur.metadata.name)}" is progressing.`),
      ],
    };
    if (replicas - available > 0) status.unavailableReplicas = replicas - available;
    writeStatus(ctx, RID, dep, status);
  });

  store.subscribe((c) => {
    if (c.rid === RID && c.type !== 'DELETED') q.add(c.entry.ns, c.entry.name);
    else if (c.rid === RS) {
      const ref = controllerOf(c.obj);
      if (ref?.kind === 'Deployment') q.add(c.entry.ns, ref.name);
    }
  });
}
