// The arithmetic of a Deployment's rolling update, as kube-controller-manager does it
// (pkg/controller/deployment/util: ResolveFenceposts, NewRSNewReplicas, and the rolling
// reconcile of old ReplicaSets). Pure numbers in, numbers out.

export interface RsCounts {
  /** spec.replicas */
  spec: number;
  /** status.availableReplicas */
  available: number;
}

/** An IntOrString of the API: 3, "3" or "25%" of `total`; percentages round up or down. */
export function intOrPercent(v: unknown, total: number, roundUp: boolean, fallback: string): number {
  const raw = v === undefined || v === null ? fallback : v;
  if (typeof raw === 'number') return raw;
  const m = /^(\d+)%$/.exec(String(raw));
  if (m !== null) {
    const x = (Number(m[1]) * total) / 100;
    return roundUp ? Math.ceil(x) : Math.floor(x);
  }
  const n = Number(raw);
  return Number.isInteger(n) ? n : 0;
}

/**
 * maxSurge (rounded up) and maxUnavailable (rounded down) for `replicas`, defaults 25% each.
 * Both zero would stall the rollout: then one may be unavailable (as Kubernetes does).
 */
export function resolveFenceposts(rollingUpdate: { maxSurge?: unknown; maxUnavailable?: unknown } | undefined, replicas: number): { surge: number; unavailable: number } {
  const surge = intOrPercent(rollingUpdate?.maxSurge, replicas, true, '25%');
  let unavailable = intOrPercent(rollingUpdate?.maxUnavailable, replicas, false, '25%');
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** MaxUnavailable(deployment): never more than the replicas themselves. */
export const maxUnavailable = (unavailable: number, replicas: number): number => Math.min(unavailable, replicas);

/** spec.replicas the new ReplicaSet may have now: up to `replicas`, total pods within replicas + surge. */
export function newReplicaSetReplicas(replicas: number, surge: number, newSpec: number, allSpecs: number): number {
  if (newSpec >= replicas) return replicas;
  const maxTotal = replicas + surge;
  if (allSpecs >= maxTotal) return newSpec;
  return newSpec + Math.min(maxTotal - allSpecs, replicas - newSpec);
}

/**
 * How far each old ReplicaSet (oldest first) may shrink now without going under
 * `replicas - maxUnavailable` available pods: first the replicas that are not available anyway,
 * then available ones. Returns the new spec.replicas of each, in the same order.
 */
export function scaleDownOld(replicas: number, unavailable: number, newRs: RsCounts, old: readonly RsCounts[]): number[] {
  const next = old.map((r) => r.spec);
  const oldPods = next.reduce((s, n) => s + n, 0);
  if (oldPods === 0) return next;
  const allPods = oldPods + newRs.spec;
  const minAvailable = replicas - maxUnavailable(unavailable, replicas);
  const newUnavailable = newRs.spec - newRs.available;
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return next;

  // Unhealthy replicas first: removing them costs no availability.
  let cleaned = 0;
  for (let i = 0; i < old.length && cleaned < maxScaledDown; i++) {
    const unhealthy = next[i]! - Math.min(old[i]!.available, next[i]!);
    if (next[i] === 0 || unhealthy <= 0) continue;
    const n = Math.min(maxScaledDown - cleaned, unhealthy);
    next[i] = next[i]! - n;
    cleaned += n;
  }

  // Then available ones, down to minAvailable across all ReplicaSets.
  const available = newRs.available + old.reduce((s, r, i) => s + Math.min(r.available, next[i]!), 0);
  if (available <= minAvailable) return next;
  const total = available - minAvailable;
  let scaled = 0;
  for (let i = 0; i < old.length && scaled < total; i++) {
    if (next[i] === 0) continue;
    const n = Math.min(next[i]!, total - scaled);
    next[i] = next[i]! - n;
    scaled += n;
  }
  return next;
}
