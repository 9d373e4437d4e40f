// Waiting on pods by LIST + WATCH (watch-until.ts): until one is gone, until one is scheduled
// and Ready, until a controller's replacement for an evicted one is. fargate-scheduler's
// refusals end a wait early; they may arrive only as FailedScheduling events.
import type { KubeConfig } from '@kubernetes/client-node';
import { PROFILE_LABEL, FARGATE_SCHEDULER } from '../domain/types.js';
import { kubeGet } from '../sources/kube/http.js';
import { controllerRef, podsPath } from './kube-pods.js';
import { onFargateScheduler, progressText, settledState, type Settled } from './pod-state.js';
import type { PodRef } from './types.js';
import { watchUntil, type Obj, type WaitOptions } from './watch-until.js';

type Wait = Pick<WaitOptions, 'timeoutMs' | 'signal'>;

/** Until no pod with this uid exists (the same name may come back with a new uid). */
export async function waitForGone(kc: KubeConfig, pod: PodRef, options: Wait): Promise<void> {
  let last: Obj | undefined;
  await watchUntil(
    kc,
    { path: podsPath(pod.namespace), fieldSelector: `metadata.name=${pod.name}` },
    (objects) => {
      last = objects.get(pod.uid);
      return last === undefined ? true : undefined;
    },
    { ...options, what: `for pod ${pod.namespace}/${pod.name} to be deleted`, lastState: () => (last ? 'still terminating' : null) },
  );
}

/** Until the pod with this uid is Ready (or finished), or fargate-scheduler refused it. */
export async function waitForScheduled(kc: KubeConfig, pod: PodRef, options: Wait): Promise<Settled> {
  let last: Obj | undefined;
  const events = schedulingEvents(kc, pod.namespace, () => last);
  return watchUntil(
    kc,
    { path: podsPath(pod.namespace), fieldSelector: `metadata.name=${pod.name}` },
    (objects) => {
      last = objects.get(pod.uid) ?? last;
      return last === undefined ? undefined : settledState(last);
    },
    {
      ...options,
      what: `for pod ${pod.namespace}/${pod.name} to be scheduled and Ready`,
      poll: events.poll,
      pollMs: 1000,
      lastState: () => (last ? events.describe(last) : 'the new pod is not visible'),
    },
  );
}

/** Labels that differ between a pod and its replacement (or that the Fargate webhook sets). */
const VOLATILE_LABELS = new Set([PROFILE_LABEL, 'statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index', 'controller-revision-hash', 'batch.kubernetes.io/job-completion-index']);

/** A label selector that still matches the replacement: the pod's labels minus the volatile ones. */
export function replacementSelector(labels: Record<string, string>): string {
  return Object.entries(labels)
    .filter(([key]) => !VOLATILE_LABELS.has(key))
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
}

/** uids of the controller's pods now: the replacement is a pod not among them. */
export async function podsOfController(kc: KubeConfig, evicted: Obj, ownerUid: string): Promise<Set<string>> {
  const list = await kubeGet<{ items?: Obj[] }>(kc, podsPath(String(evicted.metadata.namespace)), {
    query: { labelSelector: replacementSelector(evicted.metadata.labels ?? {}) || undefined },
    verb: 'list',
  });
  return new Set((list?.items ?? []).filter((p) => controllerRef(p)?.uid === ownerUid).map((p) => String(p.metadata.uid)));
}

/**
 * Until the controller's replacement for an evicted pod is Ready: for a StatefulSet the same name
 * with a new uid, otherwise a new pod of the same controller that was not there before.
 */
export async function waitForReplacement(
  kc: KubeConfig,
  evicted: Obj,
  ownerUid: string,
  before: ReadonlySet<string>,
  options: Wait,
): Promise<Settled> {
  const namespace = String(evicted.metadata.namespace);
  const name = String(evicted.metadata.name);
  const sameName = controllerRef(evicted)?.kind === 'StatefulSet';
  let newest: Obj | undefined;
  const events = schedulingEvents(kc, namespace, () => newest);
  return watchUntil(
    kc,
    { path: podsPath(namespace), labelSelector: replacementSelector(evicted.metadata.labels ?? {}) || undefined },
    (objects) => {
      const candidates = [...objects.values()].filter((p) => {
        if (String(p.metadata.uid) === String(evicted.metadata.uid) || p.metadata.deletionTimestamp) return false;
        if (sameName) return p.metadata.name === name;
        return controllerRef(p)?.uid === ownerUid && !before.has(String(p.metadata.uid));
      });
      let pending: Settled | undefined;
      for (const pod of candidates) {
        const state = settledState(pod);
        if (state?.kind === 'ready' || state?.kind === 'completed') return state;
        pending ??= state;
      }
      newest = candidates.at(-1) ?? newest;
      return pending;
    },
    {
      ...options,
      what: sameName ? `for pod ${namespace}/${name} to come back Ready` : `for a Ready replacement of pod ${namespace}/${name}`,
      poll: events.poll,
      pollMs: 1000,
      lastState: () => (newest ? `${String(newest.metadata.name)} ${events.describe(newest)}` : 'no replacement pod yet'),
    },
  );
}

/**
 * fargate-scheduler's refusals also arrive as FailedScheduling events (on EKS perhaps only
 * there); default-scheduler's are kept for the timeout message (it retries, so we keep waiting).
 */
function schedulingEvents(kc: KubeConfig, namespace: string, current: () => Obj | undefined) {
  let lastMessage: string | null = null;
  const poll = async (): Promise<Settled | undefined> => {
    const pod = current();
    if (!pod || pod.spec?.nodeName || pod.metadata?.deletionTimestamp) return undefined;
    try {
      const list = await kubeGet<{ items?: Obj[] }>(kc, `/api/v1/namespaces/${encodeURIComponent(namespace)}/events`, {
        query: { fieldSelector: `involvedObject.name=${String(pod.metadata.name)},involvedObject.uid=${String(pod.metadata.uid)}` },
        verb: 'list',
      });
      const failed = (list?.items ?? []).filter((e) => e.reason === 'FailedScheduling');
      const latest = failed.at(-1);
      if (!latest) return undefined;
      lastMessage = String(latest.message ?? '');
      const from = latest.source?.component ?? latest.reportingComponent;
      if (from === FARGATE_SCHEDULER || onFargateScheduler(pod)) return { kind: 'unschedulable', pod, message: `FailedScheduling: ${lastMessage}` };
    } catch {
      // Events are a nicety: without them the pod condition or the timeout still ends the wait.
    }
    return undefined;
  };
  const describe = (pod: Obj): string => {
    const text = progressText(pod);
    return !pod.spec?.nodeName && lastMessage && !text.includes('FailedScheduling') ? `${text}: FailedScheduling: ${lastMessage}` : text;
  };
  return { poll, describe };
}
