// How a workload's pods are recycled: evicted one at a time (PodDisruptionBudgets decide), or
// its controller rolls them all out after a pod-template change (`kubectl rollout restart`:
// the `kubectl.kubernetes.io/restartedAt` annotation), honouring maxSurge/maxUnavailable. Which
// way keeps a Ready replica depends on the workload's own spec. Pure.

/** How controller pods are recycled: the Eviction API, or a rollout restart of their workload. */
export type Strategy = 'evict' | 'restart';
export const STRATEGIES: readonly Strategy[] = ['evict', 'restart'];

/** The annotation `kubectl rollout restart` sets on the pod template (its value: the time, RFC 3339). */
export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

/** The kinds `kubectl rollout restart` restarts that a Fargate pod can belong to. */
export type RestartKind = 'Deployment' | 'StatefulSet';

/** A Deployment or StatefulSet, reduced to what decides how its pods are recycled. */
export interface WorkloadSpec {
  kind: RestartKind;
  name: string;
  /** spec.replicas (1 when unset, as the API defaults it). */
  replicas: number;
  /** status.readyReplicas. */
  readyReplicas: number;
  /** Deployment: RollingUpdate | Recreate; StatefulSet: RollingUpdate | OnDelete. */
  strategy: string;
  /** Deployment rollingUpdate.maxSurge / maxUnavailable (an int or "25%"; unset = 25%). */
  maxSurge?: unknown;
  maxUnavailable?: unknown;
  /** StatefulSet rollingUpdate.partition. */
  partition?: number;
  /** Deployment spec.paused. */
  paused?: boolean;
}

/** An int-or-percent of the API: 3, "3" or "25%" of `total`, percentages rounded up (surge) or down (unavailable). */
export function intOrPercent(value: unknown, total: number, roundUp: boolean, fallback: string): number {
  const raw = value === undefined || value === null ? fallback : value;
  if (typeof raw === 'number') return raw;
  const pct = /^(\d+)%$/.exec(String(raw));
  if (pct !== null) {
    const x = (Number(pct[1]) * total) / 100;
    return roundUp ? Math.ceil(x) : Math.floor(x);
  }
  const n = Number(raw);
  return Number.isInteger(n) ? n : 0;
}

/** A Deployment's maxSurge and maxUnavailable in pods (Kubernetes: both 0 would stall, so one may be unavailable). */
export function deploymentFenceposts(spec: Pick<WorkloadSpec, 'replicas' | 'maxSurge' | 'maxUnavailable'>): { surge: number; unavailable: number } {
  const surge = intOrPercent(spec.maxSurge, spec.replicas, true, '25%');
  let unavailable = intOrPercent(spec.maxUnavailable, spec.replicas, false, '25%');
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable: Math.min(unavailable, spec.replicas) };
}

export interface RestartAssessment {
  /** Why a restart would not re-create the pods; null when it would. */
  notRestartable: string | null;
  /** During a restart, the controller keeps at least one replica Ready. */
  restartKeepsOneReady: boolean;
  /** Evicting a pod leaves the workload with no Ready replica until its replacement is Ready. */
  evictLeavesNoneReady: boolean;
  /** How it rolls out: "rolling, maxSurge 1, maxUnavailable 0". */
  rollout: string;
}

export function assessWorkload(spec: WorkloadSpec): RestartAssessment {
  // Only the last Ready replica matters: evicting a pod that is not Ready takes nothing down.
  const evictLeavesNoneReady = Math.min(spec.replicas, spec.readyReplicas) === 1;
  if (spec.kind === 'Deployment') {
    if (spec.strategy === 'Recreate') {
      return { notRestartable: spec.paused ? 'the Deployment is paused: a restart waits until it is resumed' : null, restartKeepsOneReady: false, evictLeavesNoneReady, rollout: 'Recreate: every replica stops before new ones start' };
    }
    const { surge, unavailable } = deploymentFenceposts(spec);
    return {
      notRestartable: spec.paused ? 'the Deployment is paused: a restart waits until it is resumed' : null,
      // Old pods are scaled down only while replicas - maxUnavailable stay available.
      restartKeepsOneReady: spec.replicas - unavailable >= 1,
      evictLeavesNoneReady,
      rollout: `rolling, maxSurge ${surge}, maxUnavailable ${unavailable}`,
    };
  }
  if (spec.strategy === 'OnDelete') return { notRestartable: 'its updateStrategy is OnDelete: a restart replaces no pod', restartKeepsOneReady: false, evictLeavesNoneReady, rollout: 'OnDelete' };
  const partition = spec.partition ?? 0;
  if (partition > 0) {
    return { notRestartable: `its rolling update has partition ${partition}: a restart leaves the pods below ordinal ${partition} alone`, restartKeepsOneReady: false, evictLeavesNoneReady, rollout: `rolling, partition ${partition}` };
  }
  // One pod at a time, from the highest ordinal: the others stay Ready.
  return { notRestartable: null, restartKeepsOneReady: spec.replicas >= 2, evictLeavesNoneReady, rollout: 'rolling, one pod at a time from the highest ordinal' };
}

export interface StrategyChoice {
  /** null: refused (a restart was asked for but would not re-create the pods). */
  strategy: Strategy | null;
  /** Why, in a sentence the plan shows. */
  why: string;
}

/**
 * How a workload's selected pods are recycled. Asked for (`--strategy`): that way, or refused
 * when a restart would not re-create them. Not asked: evicted (PodDisruptionBudgets decide,
 * only the selected pods move), except a Deployment that eviction would leave with no Ready
 * replica while its own rolling update keeps one (one replica, maxUnavailable 0): restarted.
 */
export function chooseStrategy(spec: WorkloadSpec, asked: Strategy | undefined): StrategyChoice {
  const a = assessWorkload(spec);
  const label = `${spec.kind} ${spec.name}`;
  if (asked === 'restart') {
    if (a.notRestartable !== null) return { strategy: null, why: `--strategy restart cannot recycle ${label}: ${a.notRestartable}; use --strategy evict` };
    return { strategy: 'restart', why: '--strategy restart' };
  }
  if (asked === 'evict') return { strategy: 'evict', why: '--strategy evict' };
  if (spec.kind === 'Deployment' && a.notRestartable === null && a.evictLeavesNoneReady && a.restartKeepsOneReady) {
    return { strategy: 'restart', why: `evicting would leave ${label} with no Ready replica; its rolling update starts the new pod first` };
  }
  return { strategy: 'evict', why: 'evicted one at a time (PodDisruptionBudgets apply)' };
}
