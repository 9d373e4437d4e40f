import type { KubeConfig } from '@kubernetes/client-node';
import { UserError, errorText } from '../../errors.js';
import { redactCredentials } from '../../lib/redact.js';
import { ExecCredentialError } from './exec-credential.js';
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

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** An error thrown before/while talking to the server (no HTTP status) -> KubeApiError. */
export function transportError(kc: KubeConfig, d: RequestDescription, error: unknown, timeoutMs = 0): KubeApiError {
  if (error instanceof KubeApiError) return error;
  return scrub(kc, transportErrorOf(d, error, timeoutMs));
}

function transportErrorOf(d: RequestDescription, error: unknown, timeoutMs: number): KubeApiError {
  const init = (reason: KubeErrorReason, hint?: string) => ({
    status: 0,
    reason,
    verb: d.verb,
    resource: d.resource,
    ...(hint ? { hint } : {}),
  });
  const err = error as { name?: string; code?: string; cause?: unknown; message?: string };
  if (err?.name === 'TimeoutError') {
    const after = timeoutMs > 0 ? ` after ${formatMs(timeoutMs)}` : '';
    return new KubeApiError(`request to ${d.server} timed out${after}; raise --request-timeout or check the network`, init('Timeout'));
  }
  if (err?.name === 'AbortError') return new KubeApiError(`${d.verb} ${d.resource} was cancelled`, init('Aborted'));
  // undici wraps socket errors: TypeError('fetch failed', {cause}); the cause may itself wrap one.
  const cause = rootCause(error);
  const code = cause.code ?? '';
  if (UNREACHABLE.has(code)) {
    return new KubeApiError(
      `cannot reach the API server at ${d.server}: ${code}${cause.message && !cause.message.includes(code) ? ` (${cause.message})` : ''}; check the network/VPN and the context's server`,
      init('Unreachable'),
    );
  }
  if (speaksNoTls(cause)) {
    // The OpenSSL text ("wrong version number", with a source path) says nothing useful to a user.
    const plain = d.server.replace(/^https:/i, 'http:');
    return new KubeApiError(
      `the server at ${d.server} does not speak TLS on that port (it answered like plain HTTP); use ${plain} in the kubeconfig if it really serves plain HTTP, or the port that serves https`,
      init('TLS'),
    );
  }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|HOSTNAME|ALTNAME/i.test(code)) {
    return new KubeApiError(
      // Node 24 appends advice about --use-system-ca; the cluster's CA belongs in the kubeconfig instead.
      `TLS error talking to ${d.server}: ${(cause.message ?? code).split(';')[0]!.trim()}; check the cluster's certificate-authority-data in the kubeconfig`,
      init('TLS'),
    );
  }
  return new KubeApiError(
    `cannot ${d.verb} ${d.resource} at ${d.server}: ${errorText(cause)}`,
    init('Unreachable', "check the context's server URL (`kubectl config view --minify`) and the network"),
  );
}

/**
 * An error from kc.applySecurityAuthentication: the exec credential plugin (aws eks get-token,
 * aws-iam-authenticator) failed, or a certificate file is missing, or the server URL is unusable.
 */
export function authError(kc: KubeConfig, d: RequestDescription, error: unknown): KubeApiError {
  return scrub(kc, authErrorOf(kc, d, error));
}

function authErrorOf(kc: KubeConfig, d: RequestDescription, error: unknown): KubeApiError {
  const init = (reason: KubeErrorReason, hint?: string) => ({ status: 0, reason, verb: d.verb, resource: d.resource, ...(hint ? { hint } : {}) });
  const err = error as { code?: string; syscall?: string; path?: string; message?: string };
  const exec = kc.getCurrentUser()?.exec as { command?: string } | undefined;
  const command = exec?.command ?? '';
  if (err?.code === 'ENOENT' && err.syscall?.startsWith('spawn')) {
    const install = /aws-iam-authenticator/.test(command)
      ? 'install aws-iam-authenticator, or run `aws eks update-kubeconfig` to use `aws eks get-token` instead'
      : /(^|\/)aws$/.test(command)
        ? 'install the AWS CLI or run `aws eks update-kubeconfig`'
        : `install ${command} or fix the kubeconfig's exec command`;
    return new KubeApiError(`the kubeconfig's exec credential plugin \`${command}\` was not found on PATH; ${install}`, init('ExecPlugin'));
  }
  if (err?.code === 'ENOENT' || err?.code === 'EACCES') {
    return new KubeApiError(`cannot read ${err.path ?? 'a file'} named in the kubeconfig: ${err.code}`, init('Config', 'fix the path in the kubeconfig'));
  }
  if (error instanceof ExecCredentialError) return new KubeApiError(error.message, init('ExecPlugin', error.hint));
  const message = errorText(error);
  if (exec) {
    const text = message.trim().split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 3).join(' ');
    return new KubeApiError(
      `the kubeconfig's exec credential plugin \`${command}\` failed: ${text || 'no output'}`,
      init('ExecPlugin', `run \`${command}\` by hand to see why (for EKS: \`aws sso login\`, or re-run \`aws eks update-kubeconfig\`)`),
    );
  }
  return new KubeApiError(
    `cannot prepare credentials for context "${kc.getCurrentContext()}": ${firstLine(message)}`,
    init('Config', "check the context's user in the kubeconfig"),
  );
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

function scrub(kc: KubeConfig, error: KubeApiError): KubeApiError {
  error.message = redactSecrets(error.message, kc);
  return error;
}

/** Where to check the permission: `kubectl auth can-i` with the same verb, resource and scope. */
function rbacHint(d: RequestDescription): string {
  const clusterScoped = ['nodes', 'namespaces', 'persistentvolumes'].includes(d.resource);
  const where = d.namespace ? ` -n ${d.namespace}` : clusterScoped ? '' : ' -A';
  return `ask a cluster admin for RBAC permission to ${d.verb} ${d.resource} (check with \`kubectl auth can-i ${d.verb} ${d.resource}${where}\`)`;
}

const firstLine = (text: string): string => text.split('\n')[0]!.trim();

/** OpenSSL's answer when the other side is not TLS (plain HTTP on an https:// URL). */
function speaksNoTls(cause: { code?: string; message?: string }): boolean {
  return /WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|UNKNOWN_PROTOCOL/.test(cause.code ?? '') || /wrong version number|packet length too long/i.test(cause.message ?? '');
}

function rootCause(error: unknown): { code?: string; message?: string } {
  let current = error as { code?: string; message?: string; cause?: unknown } | undefined;
  for (let i = 0; i < 5 && current; i++) {
    if (current.code) return current;
    if (!current.cause) break;
    current = current.cause as typeof current;
  }
  return (current ?? {}) as { code?: string; message?: string };
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
