// The kubelet's part: a bound pod's containers start after a moment; a Job's pod runs to
// completion; a deleted mirror pod comes back (the static pod it mirrors never stopped). Pods
// inserted by a scenario in their final state are left as they are.
import type { Ctx } from '../context.js';
import type { Obj } from '../kube/resources.js';
import { k8sTime } from '../time.js';
import { defaultPod } from '../kube/defaults.js';
import { bindPod, completePod, runPod } from './pod-status.js';

export const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

/** A mirror pod: the API server's copy of a static pod the kubelet runs from a file on its node. */
export const isMirrorPod = (pod: Obj): boolean =>
  typeof pod.metadata?.annotations?.[MIRROR_ANNOTATION] === 'string' && (pod.metadata.ownerReferences ?? []).some((r: Obj) => r.kind === 'Node');

/**
 * The mirror pod a kubelet writes for a static pod: named <pod>-<node>, owned by the Node,
 * annotated with the manifest's hash, bound to the node and running.
 */
export function mirrorPod(ctx: Pick<Ctx, 'rand' | 'clock' | 'ips'>, node: Obj, manifest: Obj): Obj {
  const pod = structuredClone(manifest);
  const nodeName = String(node.metadata.name);
  const hash = hex(ctx.rand, 32);
  pod.apiVersion = 'v1';
  pod.kind = 'Pod';
  pod.metadata.name = `${String(manifest.metadata.name)}-${nodeName}`;
  pod.metadata.namespace ??= 'default';
  pod.metadata.annotations = {
    ...pod.metadata.annotations,
    'kubernetes.io/config.hash': hash,
    [MIRROR_ANNOTATION]: hash,
    'kubernetes.io/config.seen': k8sTime(ctx.clock.now()),
    'kubernetes.io/config.source': 'file',
  };
  pod.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: node.metadata.uid, controller: true }];
  defaultPod(pod, ctx.rand);
  const hostIP = String((node.status?.addresses ?? []).find((a: Obj) => a.type === 'InternalIP')?.address ?? '10.0.0.1');
  const podIP = pod.spec.hostNetwork === true ? hostIP : ctx.ips.next(Number(hostIP.split('.')[2]));
  bindPod(pod, nodeName, hostIP, podIP, ctx.clock.now());
  runPod(pod, ctx.clock.now(), ctx.rand);
  return pod;
}

function hex(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rand() * 16).toString(16);
  return s;
}

/**
 * A kubelet whose mirror pod was deleted creates it again, same name, same node: deleting a
 * mirror pod never stops or moves the static pod.
 */
function recreateMirrorPod(ctx: Ctx, gone: Obj): void {
  const ns = String(gone.metadata.namespace);
  const name = String(gone.metadata.name);
  const nodeName = String(gone.spec?.nodeName ?? '');
  ctx.clock.later(ctx.timing.controllerMs, () => {
    if (ctx.store.get('nodes', '', nodeName) === undefined || ctx.store.get('pods', ns, name) !== undefined) return;
    const pod = structuredClone(gone);
    pod.metadata.uid = ctx.uid();
    pod.metadata.creationTimestamp = k8sTime(ctx.clock.now());
    for (const k of ['resourceVersion', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'managedFields']) delete pod.metadata[k];
    ctx.api.insert('pods', pod);
  });
}

const runsToCompletion = (pod: Obj): boolean =>
  (pod.metadata.ownerReferences ?? []).some((r: Obj) => r.kind === 'Job' && r.controller === true) && pod.spec?.restartPolicy !== 'Always';

export function installKubelet(ctx: Ctx): void {
  const { store, clock, timing } = ctx;
  const queued = new Set<string>();

  const queue = (pod: Obj, stage: 'start' | 'complete', ms: number, expect: (p: Obj) => boolean, apply: (p: Obj) => void): void => {
    const uid = String(pod.metadata.uid);
    const key = `${uid}/${stage}`;
    if (queued.has(key)) return;
    queued.add(key);
    const ns = String(pod.metadata.namespace);
    const name = String(pod.metadata.name);
    clock.later(ms, () => {
      queued.delete(key);
      const cur = store.get('pods', ns, name);
      if (cur === undefined || cur.metadata.uid !== uid || cur.metadata.deletionTimestamp !== undefined || !expect(cur)) return;
      apply(cur);
      ctx.api.write('pods', cur);
    });
  };

  store.subscribe((c) => {
    if (c.rid !== 'pods') return;
    if (c.type === 'DELETED') {
      if (isMirrorPod(c.obj)) recreateMirrorPod(ctx, c.obj);
      return;
    }
    const pod = c.obj;
    if (!pod.spec?.nodeName || pod.metadata.deletionTimestamp !== undefined) return;
    const creating = (p: Obj): boolean => p.status?.phase === 'Pending' && (p.status.containerStatuses ?? []).some((s: Obj) => s.state?.waiting?.reason === 'ContainerCreating');
    if (creating(pod)) {
      queue(pod, 'start', timing.containerStartMs, creating, (p) => runPod(p, clock.now(), ctx.rand));
    } else if (pod.status?.phase === 'Running' && runsToCompletion(pod)) {
      queue(pod, 'complete', timing.jobRunMs, (p) => p.status?.phase === 'Running', (p) => completePod(p, clock.now()));
    }
  });
}
