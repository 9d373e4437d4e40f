// May this user move pods here? Asked the way `kubectl auth can-i` asks: one
// SelfSubjectAccessReview per verb, answered by the API server's own authorizers (RBAC, webhooks),
// so the TUI binds the reschedule keys only when the cluster would let them work.
import type { KubeConfig } from '@kubernetes/client-node';
import { describeError } from '../../errors.js';
import { kubeRequest } from './http.js';

/** What the reschedule flows need: eviction for controller pods, delete + create for bare pods. */
export interface PodPermissions {
  /** The namespace asked about; null = the cluster scope (all namespaces). */
  namespace: string | null;
  canEvict: boolean;
  canDelete: boolean;
  canCreate: boolean;
  /** patch deployments / statefulsets (apps): a rollout restart of the workload (--strategy restart). */
  canRestart?: { Deployment: boolean; StatefulSet: boolean };
  /** What is not allowed, as "create pods/eviction in test" (empty when everything is). */
  missing: string[];
  /** The check itself failed (nothing is assumed allowed then). */
  error?: string;
}

/** One `kubectl auth can-i` question; the resource defaults to pods in the core group. */
export interface AccessQuestion {
  verb: 'get' | 'list' | 'delete' | 'create' | 'patch';
  subresource?: string;
  group?: string;
  resource?: string;
}
type Question = AccessQuestion;

const QUESTIONS: readonly Question[] = [
  { verb: 'delete' },
  { verb: 'create' },
  { verb: 'create', subresource: 'eviction' },
  { verb: 'patch', group: 'apps', resource: 'deployments' },
  { verb: 'patch', group: 'apps', resource: 'statefulsets' },
];

/** Permissions rarely change; a minute keeps namespace hopping cheap without hiding a new RoleBinding for long. */
export const PERMISSIONS_TTL_MS = 60_000;
/** A failed check is retried sooner. */
const ERROR_TTL_MS = 10_000;

interface Cached {
  at: number;
  ttlMs: number;
  answer: Promise<PodPermissions>;
}

const caches = new WeakMap<KubeConfig, Map<string, Cached>>();

export interface PermissionOptions {
  ttlMs?: number;
  now?: () => number;
  timeoutMs?: number;
}

/**
 * delete pods, create pods and create pods/eviction in `namespace` (null: at the cluster scope),
 * cached per kubeconfig and namespace for `ttlMs`. Never rejects: a failed check answers
 * "nothing allowed" with `error` set.
 */
export function checkPodPermissions(kc: KubeConfig, namespace: string | null, options: PermissionOptions = {}): Promise<PodPermissions> {
  const now = options.now ?? Date.now;
  let cache = caches.get(kc);
  if (!cache) caches.set(kc, (cache = new Map()));
  const key = `${kc.getCurrentContext()}\u0000${namespace ?? ''}`;
  const hit = cache.get(key);
  if (hit && now() - hit.at < hit.ttlMs) return hit.answer;
  const ttlMs = options.ttlMs ?? PERMISSIONS_TTL_MS;
  const answer = ask(kc, namespace, options.timeoutMs);
  const entry: Cached = { at: now(), ttlMs, answer };
  cache.set(key, entry);
  void answer.then((a) => {
    if (a.error !== undefined) entry.ttlMs = Math.min(ttlMs, ERROR_TTL_MS);
  });
  return answer;
}

async function ask(kc: KubeConfig, namespace: string | null, timeoutMs: number | undefined): Promise<PodPermissions> {
  try {
    const [canDelete, canCreate, canEvict, canPatchDeployments, canPatchStatefulSets] = await Promise.all(QUESTIONS.map((q) => allowed(kc, namespace, q, timeoutMs)));
    const missing: string[] = [];
    const where = namespace === null ? 'all namespaces' : namespace;
    if (!canDelete) missing.push(`delete pods in ${where}`);
    if (!canCreate) missing.push(`create pods in ${where}`);
    if (!canEvict) missing.push(`create pods/eviction in ${where}`);
    // Restarting is one way among others: not listed as missing (the plan refuses such a workload's restart).
    return { namespace, canEvict: canEvict!, canDelete: canDelete!, canCreate: canCreate!, canRestart: { Deployment: canPatchDeployments!, StatefulSet: canPatchStatefulSets! }, missing };
  } catch (error) {
    const text = `could not check permissions: ${describeError(error)}`;
    return { namespace, canEvict: false, canDelete: false, canCreate: false, missing: [text], error: text };
  }
}

/** A SelfSubjectAccessReview: may the current user do `q` in `namespace` (null: every namespace)? */
export async function allowed(kc: KubeConfig, namespace: string | null, q: AccessQuestion, timeoutMs: number | undefined): Promise<boolean> {
  const review = {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: {
      resourceAttributes: {
        // An empty namespace asks about the cluster scope (every namespace), as `can-i -A` does.
        namespace: namespace ?? '',
        verb: q.verb,
        group: q.group ?? '',
        resource: q.resource ?? 'pods',
        ...(q.subresource ? { subresource: q.subresource } : {}),
      },
    },
  };
  const response = await kubeRequest<{ status?: { allowed?: boolean } }>(kc, {
    method: 'POST',
    path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
    body: review,
    verb: 'create',
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  return response.body?.status?.allowed === true;
}
