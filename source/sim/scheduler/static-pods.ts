// Static pods: a kubelet runs them from manifest files on its node and shows each in the API as
// a mirror pod (named <pod>-<node>, owned by the Node, annotated kubernetes.io/config.mirror).
// Deleting a mirror pod does not stop the static pod: the kubelet writes the mirror again, on
// the same node.
import type { Ctx } from '../context.js';
import { defaultPod } from '../kube/defaults.js';
import type { Obj } from '../kube/resources.js';
import { k8sTime } from '../time.js';
import { bindPod, runPod } from './pod-status.js';

export const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

export const isMirrorPod = (pod: Obj): boolean =>
  typeof pod.metadata?.annotations?.[MIRROR_ANNOTATION] === 'string' && (pod.metadata.ownerReferences ?? []).some((r: Obj) => r.kind === 'Node');

function hex(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rand() * 16).toString(16);
  return s;
}

/** The mirror pod a kubelet writes for a static pod manifest: bound to its node and running. */
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

/** The kubelets' side: a deleted mirror pod is written again (new uid) while its node exists. */
export function installStaticPodKubelet(ctx: Ctx): void {
  ctx.store.subscribe((c) => {
    if (c.rid !== 'pods' || c.type !== 'DELETED' || !isMirrorPod(c.obj)) return;
    const gone = c.obj;
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
  });
}
