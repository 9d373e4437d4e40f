// Static pods: the kubelet runs them from files on its node and shows each in the API as a
// "mirror pod" (annotation kubernetes.io/config.mirror, owner reference kind Node). Deleting
// or evicting the mirror does not stop or move the pod: the kubelet writes it again on the
// same node. Fargate profiles never place them.
import { MIRROR_ANNOTATION } from './types.js';
import type { PodRecord } from './types.js';

export function isStaticPod(pod: Pick<PodRecord, 'mirror' | 'owner'>): boolean {
  return pod.mirror === true || pod.owner?.kind === 'Node';
}

/** The one sentence saying why a static pod is never rescheduled (verdict reasons and reschedule refusals). */
export function staticPodReason(pod: Pick<PodRecord, 'nodeName' | 'owner'>): string {
  const node = pod.nodeName ?? (pod.owner?.kind === 'Node' ? pod.owner.name : null);
  return `static pod (${MIRROR_ANNOTATION}): the kubelet on ${node ?? 'its node'} owns it; deleting it does not move it`;
}
