// Failures with no HTTP answer, worded for users: the network, TLS, timeouts and cancels
// (transportError), and the credentials step before a request (authError: exec plugins,
// certificate files).
import type { KubeConfig } from '@kubernetes/client-node';
import { errorText } from '../../errors.js';
import { ExecCredentialError } from './exec-credential.js';
import { KubeApiError, scrub, type KubeErrorReason, type RequestDescription } from './errors.js';

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
