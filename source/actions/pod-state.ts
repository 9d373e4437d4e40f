// Reading a raw pod's state for the waits: Ready, finished, refused by a scheduler. Pure.
import { FARGATE_SCHEDULER } from '../domain/types.js';
import { summarizePodStatus } from '../sources/kube/pod-status.js';
import type { RawPod } from '../sources/kube/json.js';
import type { Obj } from './watch-until.js';

export const isDeleting = (pod: Obj): boolean => Boolean(pod?.metadata?.deletionTimestamp);

export const isReady = (pod: Obj): boolean =>
  (pod?.status?.conditions ?? []).some((c: Obj) => c?.type === 'Ready' && c?.status === 'True');

export const phaseOf = (pod: Obj): string => String(pod?.status?.phase ?? 'Pending');

/** The PodScheduled=False/Unschedulable message, if the scheduler refused the pod. */
export function unschedulableMessage(pod: Obj): string | null {
  const c = (pod?.status?.conditions ?? []).find((x: Obj) => x?.type === 'PodScheduled' && x?.status === 'False' && x?.reason === 'Unschedulable');
  return c ? String(c.message ?? 'Unschedulable') : null;
}

/** fargate-scheduler does not retry a pod it refused (unlike default-scheduler): waiting is pointless. */
export const onFargateScheduler = (pod: Obj): boolean => pod?.spec?.schedulerName === FARGATE_SCHEDULER;

/** kubectl's STATUS column, for "still ContainerCreating" and the like. */
export const statusText = (pod: Obj): string => summarizePodStatus(pod as RawPod).status;

export type Settled =
  | { kind: 'ready'; pod: Obj }
  | { kind: 'completed'; pod: Obj }
  | { kind: 'failed'; pod: Obj; message: string }
  | { kind: 'unschedulable'; pod: Obj; message: string };

/** A final state of a new pod, or undefined while it is still on its way. */
export function settledState(pod: Obj): Settled | undefined {
  if (isDeleting(pod)) return undefined;
  const phase = phaseOf(pod);
  if (phase === 'Succeeded') return { kind: 'completed', pod };
  if (phase === 'Failed') return { kind: 'failed', pod, message: `the new pod failed (${String(pod?.status?.reason ?? statusText(pod))})` };
  if (pod?.spec?.nodeName && isReady(pod)) return { kind: 'ready', pod };
  const refused = unschedulableMessage(pod);
  if (refused !== null && onFargateScheduler(pod)) return { kind: 'unschedulable', pod, message: `FailedScheduling: ${refused}` };
  return undefined;
}

/** Where the pod is on its way, for a timeout message. */
export function progressText(pod: Obj): string {
  const refused = unschedulableMessage(pod);
  if (!pod?.spec?.nodeName) return refused ? `still Pending: FailedScheduling: ${refused}` : 'still Pending, not scheduled yet';
  return `on node ${String(pod.spec.nodeName)}, ${statusText(pod)}, not Ready`;
}
