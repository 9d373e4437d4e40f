// Pod status transitions as the kubelet / schedulers write them: bound (ContainerCreating),
// Running + Ready, Completed, Unschedulable.
import type { Obj } from '../kube/resources.js';
import { k8sTime } from '../time.js';

function hex(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rand() * 16).toString(16);
  return s;
}

function setCondition(pod: Obj, type: string, status: 'True' | 'False', now: string, extra: Obj = {}): void {
  pod.status.conditions ??= [];
  const conds: Obj[] = pod.status.conditions;
  const i = conds.findIndex((c) => c.type === type);
  const old = i >= 0 ? conds[i] : undefined;
  const c = { type, status, lastProbeTime: null, lastTransitionTime: old?.status === status ? old.lastTransitionTime : now, ...extra };
  if (i >= 0) conds[i] = c;
  else conds.push(c);
}

export function markUnschedulable(pod: Obj, message: string, ms: number): void {
  pod.status ??= {};
  setCondition(pod, 'PodScheduled', 'False', k8sTime(ms), { reason: 'Unschedulable', message });
}

export function imageRef(image: string): string {
  const name = image.split('@')[0]!.replace(/:[^/:]+$/, '');
  const full = name.includes('/') ? (name.split('/')[0]!.includes('.') ? name : `docker.io/${name}`) : `docker.io/library/${name}`;
  let h = 0;
  for (const ch of image) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return `${full}@sha256:${h.toString(16).padStart(8, '0').repeat(8)}`;
}

/** Bound to a node; containers are being created. */
export function bindPod(pod: Obj, nodeName: string, hostIP: string, podIP: string, ms: number): void {
  const now = k8sTime(ms);
  pod.spec.nodeName = nodeName;
  pod.status ??= {};
  pod.status.phase = 'Pending';
  pod.status.hostIP = hostIP;
  pod.status.hostIPs = [{ ip: hostIP }];
  pod.status.podIP = podIP;
  pod.status.podIPs = [{ ip: podIP }];
  pod.status.startTime = now;
  setCondition(pod, 'PodReadyToStartContainers', 'False', now);
  setCondition(pod, 'Initialized', (pod.spec.initContainers ?? []).length === 0 ? 'True' : 'False', now);
  setCondition(pod, 'Ready', 'False', now, { reason: 'ContainersNotReady', message: `containers with unready status: [${(pod.spec.containers ?? []).map((c: Obj) => c.name).join(' ')}]` });
  setCondition(pod, 'ContainersReady', 'False', now, { reason: 'ContainersNotReady', message: `containers with unready status: [${(pod.spec.containers ?? []).map((c: Obj) => c.name).join(' ')}]` });
  setCondition(pod, 'PodScheduled', 'True', now);
  pod.status.containerStatuses = (pod.spec.containers ?? []).map((c: Obj) => ({
    name: c.name,
    image: c.image,
    imageID: '',
    ready: false,
    restartCount: 0,
    started: false,
    state: { waiting: { reason: 'ContainerCreating' } },
    lastState: {},
  }));
}

/** All containers started and ready (init containers ran to completion). */
export function runPod(pod: Obj, ms: number, rand: () => number): void {
  const now = k8sTime(ms);
  pod.status.phase = 'Running';
  for (const t of ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady']) {
    const c = (pod.status.conditions ?? []).find((x: Obj) => x.type === t);
    if (c !== undefined) {
      delete c.reason;
      delete c.message;
    }
    setCondition(pod, t, 'True', now);
  }
  if ((pod.spec.initContainers ?? []).length > 0) {
    pod.status.initContainerStatuses = pod.spec.initContainers.map((c: Obj) => ({
      name: c.name,
      image: c.image,
      imageID: imageRef(c.image),
      containerID: `containerd://${hex(rand, 64)}`,
      ready: c.restartPolicy === 'Always',
      restartCount: 0,
      started: c.restartPolicy === 'Always',
      state: c.restartPolicy === 'Always' ? { running: { startedAt: now } } : { terminated: { exitCode: 0, reason: 'Completed', startedAt: now, finishedAt: now, containerID: '' } },
      lastState: {},
    }));
  }
  pod.status.containerStatuses = (pod.spec.containers ?? []).map((c: Obj) => ({
    name: c.name,
    image: c.image,
    imageID: imageRef(c.image),
    containerID: `containerd://${hex(rand, 64)}`,
    ready: true,
    restartCount: 0,
    started: true,
    state: { running: { startedAt: now } },
    lastState: {},
  }));
}

/** Every container exited 0 (a Job's pod). */
export function completePod(pod: Obj, ms: number): void {
  const now = k8sTime(ms);
  pod.status.phase = 'Succeeded';
  for (const t of ['Ready', 'ContainersReady']) setCondition(pod, t, 'False', now, { reason: 'PodCompleted' });
  setCondition(pod, 'PodReadyToStartContainers', 'False', now);
  pod.status.containerStatuses = (pod.status.containerStatuses ?? []).map((s: Obj) => ({
    ...s,
    ready: false,
    started: false,
    state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: s.state?.running?.startedAt ?? now, finishedAt: now, containerID: s.containerID } },
  }));
}
