// default-scheduler: places pods on EC2 nodes (taints, nodeSelector, required node affinity,
// pod capacity), least-loaded first. Unschedulable pods get the real FailedScheduling summary
// and are retried when a node is added.
import type { Ctx } from '../context.js';
import type { Obj } from '../kube/resources.js';
import { FARGATE_TAINT } from '../eks/nodes.js';
import { bindPod, markUnschedulable } from './pod-status.js';

const COMPONENT = 'default-scheduler';

function tolerates(tolerations: Obj[], taint: Obj): boolean {
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

function exprMatches(e: Obj, value: string | undefined): boolean {
  const vals: string[] = e.values ?? [];
  switch (e.operator) {
    case 'In':
      return value !== undefined && vals.includes(value);
    case 'NotIn':
      return value === undefined || !vals.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
      return value !== undefined && Number(value) > Number(vals[0]);
    case 'Lt':
      return value !== undefined && Number(value) < Number(vals[0]);
    default:
      return false;
  }
}

function affinityMatches(pod: Obj, node: Obj): boolean {
  const labels: Record<string, string> = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms: Obj[] | undefined = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms === undefined || terms.length === 0) return true;
  return terms.some(
    (t) =>
      (t.matchExpressions ?? []).every((e: Obj) => exprMatches(e, labels[e.key])) &&
      (t.matchFields ?? []).every((e: Obj) => exprMatches(e, e.key === 'metadata.name' ? node.metadata.name : undefined)),
  );
}

export function installDefaultScheduler(ctx: Ctx): void {
  const { store, clock, timing } = ctx;
  const load = new Map<string, number>();
  const queued = new Set<string>();
  const waiting = new Map<string, { ns: string; name: string }>();
  const fargateNodes = new Map<string, Record<string, string>>();
  const otherNodes = new Set<string>();

  const attempt = (ns: string, name: string, uid: string): void => {
    queued.delete(uid);
    const pod = store.get('pods', ns, name);
    if (pod === undefined || pod.metadata.uid !== uid || pod.spec.nodeName || pod.metadata.deletionTimestamp !== undefined) {
      waiting.delete(uid);
      return;
    }
    const tolerations: Obj[] = pod.spec.tolerations ?? [];
    const why = new Map<string, number>();
    const note = (r: string): void => void why.set(r, (why.get(r) ?? 0) + 1);
    let best: Obj | undefined;
    let bestLoad = Infinity;
    let total = 0;
    // Fargate nodes are one-pod micro-VMs that already hold their pod: never a fit. They are
    // judged once, from a representative's labels, and counted, not parsed one by one.
    if (fargateNodes.size > 0) {
      const [name, labels] = fargateNodes.entries().next().value as [string, Record<string, string>];
      const reason = !tolerates(tolerations, FARGATE_TAINT)
        ? `node(s) had untolerated taint {${FARGATE_TAINT.key}: ${FARGATE_TAINT.value}}`
        : !affinityMatches(pod, { metadata: { name, labels } })
          ? "node(s) didn't match Pod's node affinity/selector"
          : 'Too many pods';
      why.set(reason, fargateNodes.size);
      total += fargateNodes.size;
    }
    for (const nodeName of otherNodes) {
      const e = store.entry('nodes', '', nodeName);
      if (e === undefined) continue;
      total++;
      const node = JSON.parse(e.json);
      const ready = (node.status?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True');
      if (!ready) {
        note("node(s) had untolerated taint {node.kubernetes.io/not-ready: }");
        continue;
      }
      if (node.spec?.unschedulable) {
        note('node(s) were unschedulable');
        continue;
      }
      const bad = (node.spec?.taints ?? []).find((t: Obj) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(tolerations, t));
      if (bad !== undefined) {
        note(`node(s) had untolerated taint {${String(bad.key)}: ${String(bad.value ?? '')}}`);
        continue;
      }
      if (!affinityMatches(pod, node)) {
        note("node(s) didn't match Pod's node affinity/selector");
        continue;
      }
      const n = load.get(node.metadata.name) ?? 0;
      if (n >= Number(node.status?.allocatable?.pods ?? 110)) {
        note('Too many pods');
        continue;
      }
      if (n < bestLoad) {
        best = node;
        bestLoad = n;
      }
    }
    if (best === undefined) {
      const parts = [...why.entries()].map(([r, n]) => `${n} ${r}`).sort();
      const message =
        total === 0
          ? 'no nodes available to schedule pods'
          : `0/${total} nodes are available: ${parts.join(', ')}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
      waiting.set(uid, { ns, name });
      markUnschedulable(pod, message, clock.now());
      ctx.api.write('pods', pod);
      ctx.events.record(pod, { type: 'Warning', reason: 'FailedScheduling', message, component: COMPONENT });
      return;
    }
    waiting.delete(uid);
    const hostIP = (best.status?.addresses ?? []).find((a: Obj) => a.type === 'InternalIP')?.address ?? '10.0.0.1';
    const third = Number(String(hostIP).split('.')[2]);
    const podIP = pod.spec.hostNetwork === true ? hostIP : ctx.ips.next(Number.isFinite(third) ? third : undefined);
    bindPod(pod, best.metadata.name, hostIP, podIP, clock.now());
    ctx.api.write('pods', pod);
    ctx.events.record(pod, { type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${name} to ${String(best.metadata.name)}`, component: COMPONENT });
  };

  const consider = (pod: Obj): void => {
    const uid = String(pod.metadata.uid);
    const sched = pod.spec?.schedulerName ?? 'default-scheduler';
    if (sched !== COMPONENT || pod.spec?.nodeName || pod.metadata.deletionTimestamp !== undefined) return;
    if (queued.has(uid) || waiting.has(uid)) return;
    queued.add(uid);
    clock.later(timing.ec2ScheduleMs, () => ctx.gates.run(COMPONENT, () => attempt(String(pod.metadata.namespace), String(pod.metadata.name), uid)));
  };

  store.subscribe((c) => {
    if (c.rid === 'pods') {
      const before = c.prev?.fields['spec.nodeName'] ?? '';
      const after = c.type === 'DELETED' ? '' : (c.entry.fields['spec.nodeName'] ?? '');
      if (before !== after) {
        if (before !== '') load.set(before, Math.max(0, (load.get(before) ?? 1) - 1));
        if (after !== '') load.set(after, (load.get(after) ?? 0) + 1);
      }
      if (c.type === 'DELETED') waiting.delete(c.entry.uid);
      else consider(c.obj);
    } else if (c.rid === 'nodes') {
      const fargate = c.entry.labels?.[FARGATE_TAINT.key] === 'fargate';
      if (c.type === 'DELETED') {
        fargateNodes.delete(c.entry.name);
        otherNodes.delete(c.entry.name);
      } else if (fargate) fargateNodes.set(c.entry.name, c.entry.labels ?? {});
      else otherNodes.add(c.entry.name);
      if (c.type !== 'ADDED' || waiting.size === 0 || fargate) return;
      // A new EC2 node may fit waiting pods (a Fargate node never does: tainted, one pod each).
      for (const [uid, w] of [...waiting]) {
        waiting.delete(uid);
        queued.add(uid);
        clock.later(timing.ec2ScheduleMs, () => ctx.gates.run(COMPONENT, () => attempt(w.ns, w.name, uid)));
      }
    }
  });
}
