// Thin pod operations over kubeRequest (the real client library's authentication). Each one is
// a single API call or a single wait; the order and the safety rules live in reschedule.ts.
import type { KubeConfig } from '@kubernetes/client-node';
import { PROFILE_LABEL, FARGATE_SCHEDULER } from '../domain/types.js';
import { KubeApiError, kubeGet, kubeRequest } from '../sources/kube/http.js';
import { toNodeRecord } from '../sources/kube/projection.js';
import { backupIsOnDisk, type Backup } from './backup.js';
import { pdbRefusal, pdbSelects } from './pdb.js';
import { onFargateScheduler, progressText, settledState, type Settled } from './pod-state.js';
import type { Landed, PodRef } from './types.js';
import { watchUntil, type Obj, type WaitOptions } from './watch-until.js';

const FIELD_MANAGER = 'kubectl-fargate';

export const podsPath = (namespace: string): string => `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`;
const podPath = (namespace: string, name: string): string => `${podsPath(namespace)}/${encodeURIComponent(name)}`;

/** The pod, or null when there is none by that name. */
export async function getPod(kc: KubeConfig, namespace: string, name: string, signal?: AbortSignal): Promise<Obj | null> {
  try {
    return await kubeGet<Obj>(kc, podPath(namespace, name), signal ? { signal } : {});
  } catch (error) {
    if (error instanceof KubeApiError && error.status === 404) return null;
    throw error;
  }
}

/** POST a pod; with dryRun the API server runs admission (webhooks included) and stores nothing. */
export async function createPod(kc: KubeConfig, manifest: Obj, options: { dryRun?: boolean } = {}): Promise<Obj> {
  const namespace = String(manifest?.metadata?.namespace ?? 'default');
  const response = await kubeRequest<Obj>(kc, {
    method: 'POST',
    path: podsPath(namespace),
    query: { dryRun: options.dryRun ? 'All' : undefined, fieldManager: FIELD_MANAGER },
    body: manifest,
    verb: 'create',
  });
  return response.body;
}

/**
 * Delete a bare pod with its own grace period, only if it is still the pod we backed up (uid
 * precondition). Takes the backup so no caller can delete without one, and checks it is on disk.
 */
export async function deleteBackedUpPod(kc: KubeConfig, live: Obj, backup: Backup): Promise<void> {
  if (!backupIsOnDisk(backup)) throw new Error(`refusing to delete: the backup ${backup.file} is not on disk`);
  const namespace = String(live.metadata.namespace);
  const name = String(live.metadata.name);
  const grace = live.spec?.terminationGracePeriodSeconds;
  await kubeRequest(kc, {
    method: 'DELETE',
    path: podPath(namespace, name),
    body: {
      apiVersion: 'v1',
      kind: 'DeleteOptions',
      ...(typeof grace === 'number' ? { gracePeriodSeconds: grace } : {}),
      preconditions: { uid: live.metadata.uid },
    },
    verb: 'delete',
  });
}

/**
 * A server-side dry run of deleting this very pod (uid precondition): the API server checks
 * permission and preconditions and deletes nothing. No backup is needed, as nothing can go.
 */
export async function dryRunDeletePod(kc: KubeConfig, live: Obj): Promise<void> {
  await kubeRequest(kc, {
    method: 'DELETE',
    path: podPath(String(live.metadata.namespace), String(live.metadata.name)),
    query: { dryRun: 'All' },
    body: { apiVersion: 'v1', kind: 'DeleteOptions', dryRun: ['All'], preconditions: { uid: live.metadata.uid } },
    verb: 'delete',
  });
}

export type EvictOutcome = { kind: 'evicted' } | { kind: 'gone' } | { kind: 'refused'; message: string; pdb: boolean };

/**
 * POST pods/NAME/eviction (policy/v1). A 429 names the PodDisruptionBudget that refused it.
 * With dryRun the budgets are checked and nothing is evicted (`?dryRun=All` and, as kubectl
 * drain sends it, `deleteOptions.dryRun`).
 */
export async function evictPod(kc: KubeConfig, live: Obj, options: { dryRun?: boolean } = {}): Promise<EvictOutcome> {
  const namespace = String(live.metadata.namespace);
  const name = String(live.metadata.name);
  const dryRun = options.dryRun === true;
  try {
    await kubeRequest(kc, {
      method: 'POST',
      path: `${podPath(namespace, name)}/eviction`,
      ...(dryRun ? { query: { dryRun: 'All' } } : {}),
      body: {
        apiVersion: 'policy/v1',
        kind: 'Eviction',
        metadata: { name, namespace },
        deleteOptions: { preconditions: { uid: live.metadata.uid }, ...(dryRun ? { dryRun: ['All'] } : {}) },
      },
      verb: 'evict',
    });
    return { kind: 'evicted' };
  } catch (error) {
    if (!(error instanceof KubeApiError)) throw error;
    if (error.status === 404) return { kind: 'gone' };
    if (error.status !== 429) throw error;
    const pdb = await refusingBudget(kc, live);
    if (pdb !== null) return { kind: 'refused', message: pdbRefusal(pdb), pdb: true };
    if (/disruption budget/i.test(error.message)) return { kind: 'refused', message: `a PodDisruptionBudget refuses it: ${error.message}`, pdb: true };
    return { kind: 'refused', message: error.message, pdb: false };
  }
}

/** The PDB in the pod's namespace whose selector matches it (null if none, or PDBs are not readable). */
async function refusingBudget(kc: KubeConfig, live: Obj): Promise<Obj | null> {
  const namespace = String(live.metadata.namespace);
  try {
    const list = await kubeGet<{ items?: Obj[] }>(kc, `/apis/policy/v1/namespaces/${encodeURIComponent(namespace)}/poddisruptionbudgets`, { verb: 'list' });
    const labels = (live.metadata.labels ?? {}) as Record<string, string>;
    return (list?.items ?? []).find((pdb) => pdbSelects(pdb, labels)) ?? null;
  } catch {
    return null;
  }
}

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

export const controllerRef = (pod: Obj): Obj | undefined => (pod?.metadata?.ownerReferences ?? []).find((r: Obj) => r?.controller === true);

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

/** Where a (new) pod runs: the node's compute type and kubelet, and the profile fargate-scheduler used. */
export async function landedOf(kc: KubeConfig, pod: Obj): Promise<Landed> {
  const node: string | null = pod.spec?.nodeName || null;
  const profile = onFargateScheduler(pod) ? ((pod.metadata?.labels?.[PROFILE_LABEL] as string | undefined) ?? null) : null;
  let fargate = node !== null && node.startsWith('fargate-');
  let kubeletVersion: string | null = null;
  if (node !== null) {
    try {
      const record = toNodeRecord(await kubeGet(kc, `/api/v1/nodes/${encodeURIComponent(node)}`));
      fargate = record.fargate;
      kubeletVersion = record.kubeletVersion ?? null;
    } catch {
      // Nodes are often not readable for namespace users: the fargate- name prefix decides.
    }
  }
  return { name: String(pod.metadata.name), runsOn: node === null ? 'pending' : fargate ? 'fargate' : 'ec2', profile, node, kubeletVersion };
}
