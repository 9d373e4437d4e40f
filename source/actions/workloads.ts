// The workloads behind a plan's controller pods, read before anything is asked: a ReplicaSet's
// Deployment and a StatefulSet, with their replicas and rollout settings, so the plan can say
// how each one's pods are recycled (domain/rollout.ts): evicted one at a time, or replaced by a
// rollout restart of the whole workload. Only reads.
import type { KubeConfig } from '@kubernetes/client-node';
import { assessWorkload, chooseStrategy, type RestartKind, type Strategy, type WorkloadSpec } from '../domain/rollout.js';
import { describeError } from '../errors.js';
import { KubeApiError, kubeGet } from '../sources/kube/http.js';
import { orderSteps } from './plan.js';
import type { RescheduleStep, WorkloadPlan } from './types.js';
import type { Obj } from './watch-until.js';

const PLURAL: Record<RestartKind, string> = { Deployment: 'deployments', StatefulSet: 'statefulsets' };

export const workloadPath = (namespace: string, kind: RestartKind, name: string): string =>
  `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/${PLURAL[kind]}/${encodeURIComponent(name)}`;

/** The workload object, or null when there is none by that name. */
export async function getWorkload(kc: KubeConfig, namespace: string, kind: RestartKind, name: string, signal?: AbortSignal): Promise<Obj | null> {
  try {
    return await kubeGet<Obj>(kc, workloadPath(namespace, kind, name), signal ? { signal } : {});
  } catch (error) {
    if (error instanceof KubeApiError && error.status === 404) return null;
    throw error;
  }
}

/** What decides how its pods are recycled, from the object as the API serves it. */
export function workloadSpecOf(kind: RestartKind, object: Obj): WorkloadSpec {
  const spec = object?.spec ?? {};
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
  const readyReplicas = typeof object?.status?.readyReplicas === 'number' ? object.status.readyReplicas : 0;
  if (kind === 'Deployment') {
    const rolling = spec.strategy?.rollingUpdate ?? {};
    return {
      kind,
      name: String(object?.metadata?.name ?? ''),
      replicas,
      readyReplicas,
      strategy: String(spec.strategy?.type ?? 'RollingUpdate'),
      maxSurge: rolling.maxSurge,
      maxUnavailable: rolling.maxUnavailable,
      paused: spec.paused === true,
    };
  }
  const partition = spec.updateStrategy?.rollingUpdate?.partition;
  return {
    kind,
    name: String(object?.metadata?.name ?? ''),
    replicas,
    readyReplicas,
    strategy: String(spec.updateStrategy?.type ?? 'RollingUpdate'),
    ...(typeof partition === 'number' ? { partition } : {}),
  };
}

interface Resolved {
  /** The Deployment or StatefulSet, or why it is not one / could not be read. */
  workload: { kind: RestartKind; object: Obj } | { none: string } | { error: string };
}

/**
 * Read the workload of each controller pod of the plan and decide its strategy (`asked`, or
 * per workload: see chooseStrategy). A restart groups the workload's selected pods into one
 * step of the run; reads that fail leave the pods evicted (or refuse them when a restart was
 * asked for, since it cannot be done).
 */
export async function describeWorkloads(kc: KubeConfig, steps: readonly RescheduleStep[], asked: Strategy | undefined): Promise<RescheduleStep[]> {
  const cache = new Map<string, Promise<Resolved>>();
  const resolve = (step: RescheduleStep): Promise<Resolved> => {
    const owner = step.owner!;
    const key = `${step.pod.namespace}/${owner.kind}/${owner.name}`;
    let hit = cache.get(key);
    if (hit === undefined) cache.set(key, (hit = resolveOwner(kc, step.pod.namespace, owner.kind, owner.name)));
    return hit;
  };
  const selected = new Map<string, number>();
  const resolved: { step: RescheduleStep; resolved: Resolved | null }[] = [];
  for (const step of steps) {
    const r = step.method === 'evict' && step.owner !== null ? await resolve(step) : null;
    resolved.push({ step, resolved: r });
    if (r !== null && 'kind' in r.workload) {
      const key = `${step.pod.namespace}/${r.workload.kind}/${String(r.workload.object.metadata?.name)}`;
      selected.set(key, (selected.get(key) ?? 0) + 1);
    }
  }
  return orderSteps(resolved.map(({ step, resolved: r }) => (r === null ? step : withStrategy(step, r, asked, selected))));
}

async function resolveOwner(kc: KubeConfig, namespace: string, kind: string, name: string): Promise<Resolved> {
  try {
    if (kind === 'StatefulSet') {
      const object = await getWorkload(kc, namespace, 'StatefulSet', name);
      return { workload: object === null ? { error: `StatefulSet ${name} not found` } : { kind: 'StatefulSet', object } };
    }
    if (kind !== 'ReplicaSet') return { workload: { none: `${kind} ${name} is neither a Deployment nor a StatefulSet` } };
    const rs = await kubeGet<Obj>(kc, `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/replicasets/${encodeURIComponent(name)}`);
    const ref = (rs?.metadata?.ownerReferences ?? []).find((r: Obj) => r?.controller === true);
    if (ref?.kind !== 'Deployment') return { workload: { none: `ReplicaSet ${name} belongs to no Deployment` } };
    const object = await getWorkload(kc, namespace, 'Deployment', String(ref.name));
    return { workload: object === null ? { error: `Deployment ${String(ref.name)} not found` } : { kind: 'Deployment', object } };
  } catch (error) {
    return { workload: { error: `cannot read the ${kind === 'ReplicaSet' ? 'Deployment of ReplicaSet' : kind} ${name}: ${describeError(error)}` } };
  }
}

function withStrategy(step: RescheduleStep, r: Resolved, asked: Strategy | undefined, selected: ReadonlyMap<string, number>): RescheduleStep {
  const w = r.workload;
  if ('none' in w) {
    // Rollout restarts are for Deployments and StatefulSets; a Job's (or another controller's) pod is evicted.
    return asked === 'restart' ? { ...step, warnings: [...step.warnings, `${w.none}: evicted (a restart applies to Deployments and StatefulSets)`] } : step;
  }
  if ('error' in w) {
    if (asked === 'restart') return { ...step, method: 'refuse', reason: `--strategy restart cannot restart it: ${w.error}; use --strategy evict`, warnings: [] };
    return { ...step, warnings: [...step.warnings, `${w.error}: evicted`] };
  }
  const spec = workloadSpecOf(w.kind, w.object);
  const choice = chooseStrategy(spec, asked);
  const assessment = assessWorkload(spec);
  const label = `${spec.kind} ${spec.name}`;
  const group = `${step.pod.namespace}/${spec.kind}/${spec.name}`;
  const plan: WorkloadPlan = {
    kind: spec.kind,
    name: spec.name,
    uid: String(w.object.metadata?.uid ?? ''),
    replicas: spec.replicas,
    readyReplicas: spec.readyReplicas,
    rollout: assessment.rollout,
    why: choice.why,
  };
  if (choice.strategy === null) return { ...step, method: 'refuse', reason: choice.why, warnings: [], workload: plan };
  if (choice.strategy === 'evict') {
    const warnings = [...step.warnings];
    if (assessment.evictLeavesNoneReady) {
      warnings.push(
        `evicting leaves ${label} with no Ready replica until its replacement is Ready${spec.kind === 'Deployment' && assessment.restartKeepsOneReady && assessment.notRestartable === null ? ' (--strategy restart starts the new pod first)' : ''}`,
      );
    }
    return { ...step, warnings, workload: plan };
  }
  const n = selected.get(group) ?? 1;
  const all = spec.replicas === 1 ? 'its 1 replica' : `all ${spec.replicas} of its replicas`;
  const warnings = [`${label} is restarted (kubectl rollout restart): its controller re-creates ${all}${n < spec.replicas ? `, not only the ${n} selected` : ''} (${assessment.rollout}); why: ${choice.why}`];
  if (!assessment.restartKeepsOneReady) warnings.push(`${label} has no Ready replica while it restarts (${assessment.rollout})`);
  // PodDisruptionBudgets are not consulted by a rollout: said, as eviction would have.
  warnings.push('a rollout restart does not consult PodDisruptionBudgets');
  return { ...step, method: 'restart', group, warnings, workload: plan };
}
