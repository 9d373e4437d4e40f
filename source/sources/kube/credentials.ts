// How a KubeConfig authenticates requests: every request, list, watch and write goes through
// kc.applySecurityAuthentication (ours in http.ts, client-node's Watch), so it is wrapped here
// once per KubeConfig:
// - to a plain http:// server nothing is attached and no credential plugin runs, like kubectl
//   (client-go applies the user's credentials only to TLS transports); a token, password or exec
//   credential would otherwise cross the network unencrypted;
// - exec credential plugins run bounded and checked (exec-credential.ts).
import { KubeConfig, type Cluster, type RequestContext, type User } from '@kubernetes/client-node';
import { DEFAULT_EXEC_TIMEOUT_MS, ExecCredentialPlugin } from './exec-credential.js';

const secured = new WeakSet<KubeConfig>();

/** Install the rules above on `kc` (idempotent: the first call's timeout stays). */
export function secureKubeConfig(kc: KubeConfig, options: { execTimeoutMs?: number } = {}): void {
  if (secured.has(kc)) return;
  secured.add(kc);
  // client-node asks its authenticators in order and uses the first that claims the user.
  const internals = kc as unknown as { authenticators: unknown[] };
  internals.authenticators.unshift(new ExecCredentialPlugin({ timeoutMs: options.execTimeoutMs || DEFAULT_EXEC_TIMEOUT_MS }));

  const authenticate = kc.applySecurityAuthentication.bind(kc);
  kc.applySecurityAuthentication = (ctx: RequestContext) => {
    const cluster = kc.getCurrentCluster();
    if (!cluster || !isPlainHttp(cluster.server)) return authenticate(ctx);
    return KubeConfig.prototype.applySecurityAuthentication.call(anonymous(kc, cluster), ctx);
  };
  const httpsOptions = kc.applyToHTTPSOptions.bind(kc);
  kc.applyToHTTPSOptions = (opts) => {
    const cluster = kc.getCurrentCluster();
    if (!cluster || !isPlainHttp(cluster.server)) return httpsOptions(opts);
    return KubeConfig.prototype.applyToHTTPSOptions.call(anonymous(kc, cluster), opts);
  };
}

export const isPlainHttp = (server: string | undefined): boolean => /^http:\/\//i.test(server ?? '');

/**
 * The kubeconfig as client-node sees it for a plain-http request: no user (so no header, no
 * certificate, no plugin run), and TLS settings that cannot apply (client-node would otherwise
 * refuse http:// without insecure-skip-tls-verify, which kubectl does not ask for).
 */
function anonymous(kc: KubeConfig, cluster: Cluster): KubeConfig {
  return Object.create(kc, {
    getCurrentUser: { value: () => null },
    getCurrentCluster: { value: () => ({ ...cluster, skipTLSVerify: true }) },
  }) as KubeConfig;
}

/** The credentials a kubeconfig user entry carries, in words ([] for none). */
export function userCredentials(user: User | null | undefined): string[] {
  if (!user) return [];
  const out: string[] = [];
  if (user.token) out.push('token');
  if (user.exec) {
    const command = (user.exec as { command?: unknown }).command;
    out.push(`exec credential plugin \`${typeof command === 'string' ? command : '?'}\``);
  }
  if (user.authProvider) out.push(`auth-provider ${(user.authProvider as { name?: unknown }).name ?? ''}`.trim());
  if (user.username || user.password) out.push('username and password');
  if (user.certData || user.certFile || user.keyData || user.keyFile) out.push('client certificate');
  return out;
}

/**
 * The warning for a context whose server is plain http:// while its user has credentials (they
 * are not used), or null. `where` names the kubeconfig ("kubeconfig ~/.kube/config"); `extra`
 * names what else is withheld (impersonation).
 */
export function plainHttpWarning(kc: KubeConfig, where: string, extra: readonly string[] = []): string | null {
  const cluster = kc.getCurrentCluster();
  const context = kc.getContextObject(kc.getCurrentContext());
  if (!cluster || !context || !isPlainHttp(cluster.server)) return null;
  const credentials = [...userCredentials(kc.getCurrentUser()), ...extra];
  if (credentials.length === 0) return null;
  return (
    `cluster "${cluster.name}" in ${where} is plain http (${cluster.server}): connecting without user "${context.user}"'s credentials ` +
    `(${credentials.join(', ')}), as kubectl does, so they never cross the network unencrypted; use the cluster's https:// address to authenticate`
  );
}
