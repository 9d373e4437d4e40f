// DaemonSet controller: one pod per EC2 node, pinned with a matchFields node affinity as the
// real controller does. Never on Fargate nodes (DaemonSets are unsupported there).
import type { Ctx } from '../context.js';
import { templateHash } from '../ids.js';
import type { Obj } from '../kube/resources.js';
import { isFargateNode } from '../eks/nodes.js';
import { controllerOf, isReady, ownedPods, podFromTemplate, workQueue, writeStatus } from './queue.js';

const RID = 'daemonsets.apps';

const DS_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

const nodeOfPod = (p: Obj): string | undefined =>
  p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]?.matchFields?.[0]?.values?.[0] ?? p.spec?.nodeName;

export function installDaemonSetController(ctx: Ctx): void {
  const { store } = ctx;
  const q = workQueue(ctx, (ns, name) => {
    const ds = store.get(RID, ns, name);
    if (ds === undefined || ds.metadata.deletionTimestamp !== undefined) return;
    const selector: Record<string, string> = ds.spec.template?.spec?.nodeSelector ?? {};
    const nodes: string[] = [];
    for (const e of store.entries('nodes')) {
      if (e.labels?.['eks.amazonaws.com/compute-type'] === 'fargate') continue;
      const node = JSON.parse(e.json);
      if (Object.entries(selector).every(([k, v]) => node.metadata.labels?.[k] === v)) nodes.push(e.name);
    }
    const pods = ownedPods(ctx, ds).filter((p) => p.metadata.deletionTimestamp === undefined);
    const byNode = new Map(pods.map((p) => [nodeOfPod(p), p]));
    const revision = templateHash(JSON.stringify(ds.spec.template));
    for (const n of nodes) {
      if (byNode.has(n)) continue;
      const manifest = podFromTemplate(ds, {
        generateName: `${name}-`,
        labels: { 'controller-revision-hash': revision, 'pod-template-generation': String(ds.metadata.generation ?? 1) },
      });
      manifest.spec.affinity = {
        ...manifest.spec.affinity,
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [n] }] }] } },
      };
      const tol: Obj[] = manifest.spec.tolerations ?? [];
      for (const t of DS_TOLERATIONS) if (!tol.some((x) => x.key === t.key && x.effect === t.effect)) tol.push({ ...t });
      manifest.spec.tolerations = tol;
      byNode.set(n, ctx.api.create('pods', manifest));
    }
    for (const p of pods) if (!nodes.includes(nodeOfPod(p) ?? '')) ctx.api.delete('pods', ns, p.metadata.name);
    const live = nodes.map((n) => byNode.get(n)).filter((p): p is Obj => p !== undefined);
    const ready = live.filter(isReady).length;
    writeStatus(ctx, RID, ds, {
      currentNumberScheduled: live.filter((p) => p.spec?.nodeName).length,
      desiredNumberScheduled: nodes.length,
      numberMisscheduled: 0,
      numberReady: ready,
      numberAvailable: ready,
      updatedNumberScheduled: live.length,
      observedGeneration: ds.metadata.generation,
    });
  });

  store.subscribe((c) => {
    if (c.rid === RID && c.type !== 'DELETED') q.add(c.entry.ns, c.entry.name);
    else if (c.rid === 'pods') {
      const ref = controllerOf(c.obj);
      if (ref?.kind === 'DaemonSet') q.add(c.entry.ns, ref.name);
    } else if (c.rid === 'nodes' && (c.type === 'ADDED' || c.type === 'DELETED') && !isFargateNode(c.obj)) {
      for (const e of store.entries(RID)) q.add(e.ns, e.name);
    }
  });
}
