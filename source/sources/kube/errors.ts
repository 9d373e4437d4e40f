// Failed Kubernetes API requests as one KubeApiError each, worded the way kubectl users think
// ("forbidden: cannot list pods in namespace x"), credentials blanked out; which of them are
// worth trying again. Failures without an HTTP answer are worded in transport-errors.ts.
import type { KubeConfig } from '@kubernetes/client-node';
import { UserError } from '../../errors.js';
import { redactCredentials } from '../../lib/redact.js';
import type { RawStatus } from './json.js';

/** What a request was for, to phrase errors the way kubectl users think ("cannot list pods in ns"). */
export interface RequestDescription {
  verb: string;
  /** Plural resource, e.g. "pods". */
  resource: string;
  /** Namespace, or null for cluster scope. */
  namespace: string | null;
  /** Server base URL. */
  server: string;
}

export type KubeErrorReason =
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'Gone'
  | 'Conflict'
  | 'TooManyRequests'
  | 'ServerError'
  | 'BadRequest'
  | 'Unreachable'
  | 'TLS'
  | 'Timeout'
  | 'ExecPlugin'
  | 'Config'
  | 'Aborted';

/** A failed Kubernetes API request, with a one-line message fit for users. */
export class KubeApiError extends UserError {
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  readonly reason: KubeErrorReason;
  readonly verb: string;
  readonly resource: string;

  constructor(message: string, init: { status: number; reason: KubeErrorReason; verb: string; resource: string; hint?: string }) {
    super(message, init.hint === undefined ? {} : { hint: init.hint });
    this.name = 'KubeApiError';
    this.status = init.status;
    this.reason = init.reason;
    this.verb = init.verb;
    this.resource = init.resource;
  }
}

export const isGone = (error: unknown): boolean => error instanceof KubeApiError && error.status === 410;

/**
 * Worth trying again (eviction, re-creation and waits): no answer (the network, a timeout; not
 * our own cancel), throttled (429), a server failure (5xx), and, where the caller says it means
 * "not yet", a conflict (409: a create while the pod of that name is still going away).
 */
export function isTransient(error: unknown, options: { conflict?: boolean } = {}): boolean {
  if (!(error instanceof KubeApiError)) return false;
  if (error.status === 0) return error.reason !== 'Aborted';
  return error.status === 429 || error.status >= 500 || (error.status === 409 && options.conflict === true);
}

/** verb/resource/namespace of an API path like /api/v1/namespaces/dev/pods. */
export function describeRequest(kc: KubeConfig, verb: string, apiPath: string): RequestDescription {
  const parts = apiPath.split('?')[0]!.split('/').filter(Boolean);
  // /api/v1/... or /apis/group/version/...
  const rest = parts[0] === 'apis' ? parts.slice(3) : parts.slice(2);
  let namespace: string | null = null;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1] ?? null;
    rest.splice(0, 2);
  }
  return {
    verb,
    resource: rest[0] ?? 'resources',
    namespace,
    server: kc.getCurrentCluster()?.server ?? '(no server)',
  };
}

const scope = (d: RequestDescription) => (d.namespace ? `in namespace ${d.namespace}` : 'at cluster scope');

/** A non-2xx response -> KubeApiError. `body` is the parsed Status when the server sent one. */
export function httpError(kc: KubeConfig, d: RequestDescription, status: number, body: RawStatus | null): KubeApiError {
  return scrub(kc, httpErrorOf(kc, d, status, body));
}

function httpErrorOf(kc: KubeConfig, d: RequestDescription, status: number, body: RawStatus | null): KubeApiError {
  const serverMessage = body?.message ? `: ${body.message}` : '';
  const init = (reason: KubeErrorReason, hint?: string) => ({
    status,
    reason,
    verb: d.verb,
    resource: d.resource,
    ...(hint ? { hint } : {}),
  });
  const context = kc.getCurrentContext();
  switch (status) {
    case 401:
      return new KubeApiError(
        `the API server rejected the credentials (401) of context "${context}" to ${d.verb} ${d.resource}; refresh them (e.g. \`aws sso login\`, \`aws eks update-kubeconfig\`) and retry`,
        init('Unauthorized'),
      );
    case 403:
      return new KubeApiError(`forbidden: cannot ${d.verb} ${d.resource} ${scope(d)} (403)${serverMessage}`, init('Forbidden', rbacHint(d)));
    case 404:
      return new KubeApiError(`not found: ${d.verb} ${d.resource} ${scope(d)} (404)${serverMessage}`, init('NotFound'));
    case 409:
      return new KubeApiError(`conflict: ${d.verb} ${d.resource} ${scope(d)} (409)${serverMessage}`, init('Conflict'));
    case 410:
      return new KubeApiError(`${d.verb} ${d.resource}: resource version expired (410)${serverMessage}`, init('Gone'));
    case 429:
      return new KubeApiError(`the API server is throttling requests (429) to ${d.verb} ${d.resource}${serverMessage}`, init('TooManyRequests', 'try again shortly'));
    default:
      if (status >= 500) {
        return new KubeApiError(`the API server failed to ${d.verb} ${d.resource} (${status})${serverMessage}`, init('ServerError', 'try again shortly'));
      }
      return new KubeApiError(`cannot ${d.verb} ${d.resource} ${scope(d)} (${status})${serverMessage}`, init('BadRequest'));
  }
}

/** A kubeconfig problem found while preparing a request (e.g. a server that is not a URL). */
export function configError(kc: KubeConfig, d: RequestDescription, message: string): KubeApiError {
  return scrub(kc, new KubeApiError(message, { status: 0, reason: 'Config', verb: d.verb, resource: d.resource, hint: "fix the context's cluster in the kubeconfig" }));
}

/**
 * Credentials never reach a terminal or a log: blank out whatever a server, proxy or credential
 * plugin echoed that looks like one (redact.ts, shared with the EKS errors), and the kubeconfig's
 * own token or password. Server messages and plugin stderr are shown to users, so they pass here.
 */
export function redactSecrets(text: string, kc?: KubeConfig): string {
  const user = kc?.getCurrentUser();
  return redactCredentials(text, [user?.token, user?.password]);
}

/** The error with any credential in its message blanked out (see redactSecrets). */
export function scrub(kc: KubeConfig, error: KubeApiError): KubeApiError {
  error.message = redactSecrets(error.message, kc);
  return error;
}

/** Where to check the permission: `kubectl auth can-i` with the same verb, resource and scope. */
function rbacHint(d: RequestDescription): string {
  const clusterScoped = ['nodes', 'namespaces', 'persistentvolumes'].includes(d.resource);
  const where = d.namespace ? ` -n ${d.namespace}` : clusterScoped ? '' : ' -A';
  return `ask a cluster admin for RBAC permission to ${d.verb} ${d.resource} (check with \`kubectl auth can-i ${d.verb} ${d.resource}${where}\`)`;
}
