// StatefulSet controller: pods <sts>-<ordinal> with stable names and claims (statefulset-claims.ts).
// OrderedReady creates one ordinal at a time once the lower ones are Ready and removes extra
// ordinals from the highest, one at a time; Parallel does both at once. A deleted pod comes back
// under the same name once the old one is gone.
// Revisions: `controller-revision-hash` = <sts>-<hash of the template>. RollingUpdate replaces pods
// whose revision is not the update revision from the highest ordinal down to `partition`, one at
// a time, each once the one above is Ready again; OnDelete replaces nothing by itself. When every
// pod is updated and Ready, currentRevision becomes updateRevision (what `kubectl rollout status`
// waits for). Simplified: no ControllerRevision objects (`kubectl rollout history/undo` for
// StatefulSets do not work), minReadySeconds and maxUnavailable are ignored.
import type { Ctx } from '../context.js';
import { templateHash } from '../ids.js';
import type { Obj } from '../kube/resources.js';
import { controllerOf, isReady, podFromTemplate, workQueue, writeStatus } from './queue.js';
import { ensureClaims } from './statefulset-claims.js';

const RID = 'statefulsets.apps';
const REVISION_LABEL = 'controller-revision-hash';

const ordinalOf = (stsName: string, podName: string): number => {
  const rest = podName.startsWith(`${stsName}-`) ? podName.slice(stsName.length + 1) : '';
  return /^\d+$/.test(rest) ? Number(rest) : -1;
};
const terminating = (p: Obj): boolean => p.metadata.deletionTimestamp !== undefined;
const healthy = (p: Obj): boolean => !terminating(p) && p.status?.phase === 'Running' && isReady(p);

export function installStatefulSetController(ctx: Ctx): void {
  const { store } = ctx;
  // Templates by revision, so a pod below the partition comes back at its old revision.
  const templates = new Map<string, Obj>();

  const createPod = (sts: Obj, i: number, revision: string): Obj => {
    const name = String(sts.metadata.name);
    const podName = `${name}-${i}`;
    const volumes = ensureClaims(ctx, sts, i);
    const source = { ...sts, spec: { ...sts.spec, template: templates.get(revision) ?? sts.spec.template } };
    const manifest = podFromTemplate(source, {
      name: podName,
      labels: { 'apps.kubernetes.io/pod-index': String(i), [REVISION_LABEL]: revision, 'statefulset.kubernetes.io/pod-name': podName },
    });
    manifest.spec.hostname = podName;
    if (sts.spec.serviceName) manifest.spec.subdomain = sts.spec.serviceName;
    if (volumes.length > 0) manifest.spec.volumes = [...(manifest.spec.volumes ?? []), ...volumes];
    return ctx.api.create('pods', manifest);
  };

  const sync = (ns: string, name: string): void => {
    const sts = store.get(RID, ns, name);
    if (sts === undefined || sts.metadata.deletionTimestamp !== undefined) return;
    const uid = String(sts.metadata.uid);
    const want = Number(sts.spec.replicas ?? 1);
    const ordered = sts.spec.podManagementPolicy !== 'Parallel';
    const rolling = (sts.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
    const partition = rolling ? Number(sts.spec.updateStrategy?.rollingUpdate?.partition ?? 0) : 0;
    const updateRevision = `${name}-${templateHash(JSON.stringify(sts.spec.template))}`;
    const currentRevision = String(sts.status?.currentRevision ?? '') || updateRevision;
    templates.set(updateRevision, structuredClone(sts.spec.template));

    const owned: Obj[] = store
      .dependents(uid)
      .filter((d) => d.rid === 'pods')
      .map((d) => store.get('pods', d.ns, d.name))
      .filter((p): p is Obj => p !== undefined && controllerOf(p)?.uid === uid);
    const replicas: (Obj | undefined)[] = Array.from({ length: want }, (_, i) => owned.find((p) => p.metadata.name === `${name}-${i}`));
    const condemned = owned.filter((p) => ordinalOf(name, String(p.metadata.name)) >= want).sort((a, b) => ordinalOf(name, String(b.metadata.name)) - ordinalOf(name, String(a.metadata.name)));

    // 1. Missing ordinals, in order.
    let steady = true;
    for (let i = 0; i < want; i++) {
      const pod = replicas[i];
      if (pod === undefined) {
        steady = false;
        // Another object holds the name (the old pod still terminating): wait for it.
        if (store.entry('pods', ns, `${name}-${i}`) === undefined) replicas[i] = createPod(sts, i, rolling && i < partition ? currentRevision : updateRevision);
        if (ordered) break;
      } else if (!healthy(pod)) {
        steady = false;
        if (ordered) break;
      }
    }

    // 2. Extra ordinals, highest first (one at a time when ordered, once the others are Ready).
    if (!ordered || steady) {
      if (!(ordered && condemned.some(terminating))) {
        for (const p of condemned) {
          if (terminating(p)) continue;
          ctx.api.delete('pods', ns, String(p.metadata.name));
          steady = false;
          if (ordered) break;
        }
      }
    }

    // 3. Rolling update: highest ordinal first, one pod at a time, down to the partition.
    if (rolling && steady && condemned.length === 0) {
      for (let i = want - 1; i >= partition; i--) {
        const pod = replicas[i]!;
        if (pod.metadata.labels?.[REVISION_LABEL] !== updateRevision && !terminating(pod)) {
          ctx.api.delete('pods', ns, String(pod.metadata.name));
          break;
        }
        if (!healthy(pod)) break;
      }
    }

    writeStatus(ctx, RID, sts, statefulSetStatus(sts, owned, replicas, { currentRevision, updateRevision }));
  };

  const q = workQueue(ctx, sync);
  store.subscribe((c) => {
    if (c.rid === RID && c.type !== 'DELETED') q.add(c.entry.ns, c.entry.name);
    else if (c.rid === 'pods') {
      const ref = controllerOf(c.obj);
      if (ref?.kind === 'StatefulSet') q.add(c.entry.ns, ref.name);
    }
  });
}

/** kube-controller-manager's status: created pods, Ready ones, and how many run each revision. */
function statefulSetStatus(sts: Obj, owned: Obj[], replicas: (Obj | undefined)[], r: { currentRevision: string; updateRevision: string }): Obj {
  // Pods created in this sync are not in `owned` yet.
  const pods = [...owned, ...replicas.filter((p): p is Obj => p !== undefined && !owned.includes(p))];
  const live = pods.filter((p) => !terminating(p));
  const revisionOf = (p: Obj): string => String(p.metadata.labels?.[REVISION_LABEL] ?? '');
  const ready = pods.filter(healthy).length;
  let currentRevision = r.currentRevision;
  let currentReplicas = live.filter((p) => revisionOf(p) === currentRevision).length;
  const updatedReplicas = live.filter((p) => revisionOf(p) === r.updateRevision).length;
  if (updatedReplicas === pods.length && ready === pods.length) {
    currentRevision = r.updateRevision;
    currentReplicas = updatedReplicas;
  }
  return {
    observedGeneration: sts.metadata.generation,
    replicas: pods.length,
    readyReplicas: ready,
    currentReplicas,
    updatedReplicas,
    availableReplicas: ready,
    currentRevision,
    updateRevision: r.updateRevision,
    collisionCount: 0,
  };
}
