// A rollout restart of one Deployment or StatefulSet, as `kubectl rollout restart` does it: the
// pod template's `kubectl.kubernetes.io/restartedAt` annotation is set, so the controller rolls
// every replica out under the workload's own maxSurge/maxUnavailable (a StatefulSet: one pod at
// a time from the highest ordinal). We journal it, wait for the rollout to complete, wait for the
// planned pods to be gone, and check where the new pods landed.
import type { KubeConfig } from '@kubernetes/client-node';
import { RESTARTED_AT, type RestartKind } from '../domain/rollout.js';
import { describeError } from '../errors.js';
import { kubeGet, kubeRequest } from '../sources/kube/http.js';
import { dryRunText } from '../view-model/words/reschedule.js';
import type { RunJournal } from './journal.js';
import { landedOf, podsPath } from './kube-pods.js';
import { waitForGone } from './pod-waits.js';
import { judgeLanding } from './landing.js';
import { isDeleting, isReady } from './pod-state.js';
import { resultOf } from './pod-run.js';
import { rolloutProgress } from './rollout-status.js';
import type { Landed, ProgressStep, RescheduleResult, RescheduleStep, WorkloadPlan } from './types.js';
import { WaitAborted, WaitTimeout, formatMs, watchUntil, type Obj } from './watch-until.js';
import { getWorkload, workloadPath } from './workloads.js';

const FIELD_MANAGER = 'kubectl-fargate';

export interface WorkloadRun {
  kc: KubeConfig;
  /** The planned pods of this workload (method restart, one group), in plan order. */
  steps: readonly RescheduleStep[];
  /** Bounds the rollout wait, and then the wait for the planned pods to be gone. */
  timeoutMs: number;
  signal: AbortSignal;
  /** null for a server dry run (nothing is journalled: nothing changes). */
  journal: RunJournal | null;
  /** Progress of the workload, told on its first pod's line. */
  emit(step: ProgressStep, message: string): void;
  /** 'server': the patch is sent with dryRun=All; nothing is waited for. */
  dryRun?: 'server';
}

/** `kubectl rollout status`'s way to follow it by hand. */
const statusCommand = (w: WorkloadPlan, namespace: string): string => `kubectl rollout status ${w.kind.toLowerCase()}/${w.name} -n ${namespace}`;

export async function restartWorkload(run: WorkloadRun): Promise<RescheduleResult[]> {
  const first = run.steps[0]!;
  const workload = first.workload!;
  const namespace = first.pod.namespace;
  const label = `${workload.kind} ${workload.name}`;
  const all = (outcome: RescheduleResult['outcome'], message: string, landed: (step: RescheduleStep) => Landed | null = () => null) =>
    run.steps.map((step) => resultOf(step, outcome, message, { landed: landed(step) }));

  const live = await getWorkload(run.kc, namespace, workload.kind, workload.name, run.signal);
  if (live === null) return all('failed', `${label} no longer exists: nothing was done`);
  if (String(live.metadata?.uid ?? '') !== workload.uid) return all('failed', `${label} was replaced since the plan (new uid): nothing was done; plan again`);
  if (run.signal.aborted) return all('interrupted', 'not started (interrupted)');

  const at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  if (run.dryRun === 'server') {
    run.emit('restart', `asking the API server to restart ${label} (server dry run: nothing changes)`);
    try {
      await patchRestart(run.kc, namespace, workload.kind, workload.name, at, true);
    } catch (error) {
      return all('failed', `${dryRunText('server')}: the API server would not restart ${label}: ${describeError(error)}; nothing was changed`);
    }
    return all('succeeded', `${dryRunText('server')}: the API server accepts the restart of ${label}; nothing was changed`);
  }

  const group = first.group;
  try {
    run.journal!.append({ event: 'restarting', workload: group, pods: run.steps.map((s) => s.key), note: `${RESTARTED_AT}=${at}` });
  } catch (error) {
    return all('failed', `${describeError(error)}: nothing was done`);
  }
  run.emit('restart', `restarting ${label} (${RESTARTED_AT}=${at}): its controller re-creates every replica (${workload.rollout})`);
  let generation: number;
  try {
    const patched = await patchRestart(run.kc, namespace, workload.kind, workload.name, at, false);
    generation = typeof patched?.metadata?.generation === 'number' ? patched.metadata.generation : 0;
  } catch (error) {
    return all('failed', `the restart of ${label} failed: ${describeError(error)}; nothing was changed`);
  }

  run.emit('wait-rollout', `waiting for ${label} to roll out`);
  let progress = '';
  try {
    await watchUntil(
      run.kc,
      { path: collectionPath(namespace, workload.kind), fieldSelector: `metadata.name=${workload.name}` },
      (objects) => {
        const object = [...objects.values()][0];
        if (object === undefined) return undefined;
        const now = rolloutProgress(workload.kind, object, generation);
        if (now.text !== progress) {
          progress = now.text;
          if (!now.done) run.emit('wait-rollout', `${label}: ${progress}`);
        }
        return now.done ? true : undefined;
      },
      { timeoutMs: run.timeoutMs, signal: run.signal, what: `for ${label} to roll out`, lastState: () => progress || null },
    );
  } catch (error) {
    const follow = statusCommand(workload, namespace);
    if (error instanceof WaitAborted) return all('interrupted', `restarted ${label}; its rollout goes on without us (stopped waiting: interrupted; ${follow})`);
    if (error instanceof WaitTimeout) return all('failed', `restarted ${label}, but ${error.message}; the rollout goes on: ${follow}`);
    return all('failed', `restarted ${label}, but following its rollout failed: ${describeError(error)}; ${follow}`);
  }
  run.journal!.note({ event: 'rolled-out', workload: group, note: progress });
  return landings(run, live, label);
}

/** After the rollout: each planned pod gone, and where the workload's pods run now. */
async function landings(run: WorkloadRun, live: Obj, label: string): Promise<RescheduleResult[]> {
  const first = run.steps[0]!;
  const namespace = first.pod.namespace;
  const deadline = Date.now() + run.timeoutMs;
  const gone = new Map<string, string | null>();
  for (const step of run.steps) {
    try {
      run.emit('wait-gone', `waiting for ${step.key} to be gone`);
      await waitForGone(run.kc, step.pod, { timeoutMs: Math.max(1000, deadline - Date.now()), signal: run.signal });
      gone.set(step.key, null);
    } catch (error) {
      gone.set(step.key, error instanceof WaitTimeout ? `${step.key} is still there (${formatMs(run.timeoutMs)})` : describeError(error));
    }
  }
  let pods: Obj[];
  try {
    pods = await currentPods(run.kc, namespace, run.steps[0]!.workload!.kind, live);
  } catch (error) {
    return run.steps.map((step) => resultOf(step, 'failed', `restarted ${label} and it rolled out, but its pods could not be read: ${describeError(error)}`));
  }
  const landed = await Promise.all(pods.map((pod) => landedOf(run.kc, pod)));
  // Every new pod must land where the plan said (and on the control plane's kubelet, for the upgrade).
  const verdicts = landed.map((l) => ({ landed: l, verdict: judgeLanding(first, l) }));
  const wrong = verdicts.find((v) => !v.verdict.asExpected);
  return run.steps.map((step, i) => {
    const mine = verdicts.find((v) => v.landed.name === step.pod.name) ?? verdicts[i % Math.max(1, verdicts.length)];
    const notGone = gone.get(step.key) ?? null;
    if (notGone !== null) return resultOf(step, 'failed', `restarted ${label} and it rolled out, but ${notGone}`, { landed: mine?.landed ?? null });
    if (mine === undefined) return resultOf(step, 'failed', `restarted ${label}, but none of its pods is running now`);
    if (wrong !== undefined) return resultOf(step, 'failed', `restarted ${label}; ${wrong.landed.name} ${wrong.verdict.text}`, { landed: wrong.landed });
    const count = pods.length === 1 ? '1 pod' : `${pods.length} pods`;
    return resultOf(step, 'succeeded', `restarted ${label} (rolled out, ${count}); replacement ${mine.landed.name} ${mine.verdict.text}`, { landed: mine.landed });
  });
}

const collectionPath = (namespace: string, kind: RestartKind): string => workloadPath(namespace, kind, 'x').replace(/\/x$/, '');

/** `kubectl rollout restart`'s patch: the template annotation (strategic merge, as kubectl sends it). */
async function patchRestart(kc: KubeConfig, namespace: string, kind: RestartKind, name: string, at: string, dryRun: boolean): Promise<Obj> {
  const response = await kubeRequest<Obj>(kc, {
    method: 'PATCH',
    path: workloadPath(namespace, kind, name),
    query: { fieldManager: FIELD_MANAGER, ...(dryRun ? { dryRun: 'All' } : {}) },
    contentType: 'application/strategic-merge-patch+json',
    body: { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: at } } } } },
    verb: 'patch',
  });
  return response.body;
}

/**
 * The workload's pods now, Ready and not terminating: a StatefulSet's own, a Deployment's of its
 * newest ReplicaSet (the one whose revision is the Deployment's).
 */
async function currentPods(kc: KubeConfig, namespace: string, kind: RestartKind, live: Obj): Promise<Obj[]> {
  const matchLabels = (live?.spec?.selector?.matchLabels ?? {}) as Record<string, string>;
  const selector = Object.entries(matchLabels).map(([k, v]) => `${k}=${v}`).join(',') || undefined;
  const list = await kubeGet<{ items?: Obj[] }>(kc, podsPath(namespace), { query: { labelSelector: selector }, verb: 'list' });
  const owned = (uids: ReadonlySet<string>) =>
    (list?.items ?? []).filter((p) => !isDeleting(p) && isReady(p) && (p.metadata?.ownerReferences ?? []).some((r: Obj) => r?.controller === true && uids.has(String(r.uid))));
  if (kind === 'StatefulSet') return owned(new Set([String(live.metadata.uid)]));
  const current = await kubeGet<Obj>(kc, workloadPath(namespace, 'Deployment', String(live.metadata.name)));
  const revision = current?.metadata?.annotations?.['deployment.kubernetes.io/revision'];
  const sets = await kubeGet<{ items?: Obj[] }>(kc, `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/replicasets`, { query: { labelSelector: selector }, verb: 'list' });
  const mine = (sets?.items ?? []).filter((rs) => (rs.metadata?.ownerReferences ?? []).some((r: Obj) => r?.controller === true && String(r.uid) === String(live.metadata.uid)));
  const newest = mine.filter((rs) => revision === undefined || rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] === revision);
  return owned(new Set(newest.map((rs) => String(rs.metadata.uid))));
}
