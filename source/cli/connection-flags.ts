import { UsageError } from '../errors.js';
import type { ConnectionOverrides } from '../sources/kube/overrides.js';

// kubectl's connection flags, checked as kubectl checks them before anything is sent.

/** The overrides the flags give; refuses the combinations kubectl refuses. */
export function connectionOverrides(str: (name: string) => string | undefined, bool: (name: string) => boolean, asGroups: string[]): ConnectionOverrides {
  const server = str('server');
  // Only `true` overrides the kubeconfig (clientcmd merges a set flag, and false is its unset value).
  const insecure = bool('insecure-skip-tls-verify') ? true : undefined;
  const o: ConnectionOverrides = {
    user: str('user'),
    server: server === undefined ? undefined : serverUrl(server),
    token: str('token'),
    certificateAuthority: str('certificate-authority'),
    clientCertificate: str('client-certificate'),
    clientKey: str('client-key'),
    tlsServerName: str('tls-server-name'),
    insecureSkipTlsVerify: insecure,
    as: str('as'),
    asGroups,
    asUid: str('as-uid'),
  };
  // client-go: "specifying a root certificates file with the insecure flag is not allowed".
  if (o.insecureSkipTlsVerify === true && o.certificateAuthority !== undefined) {
    throw new UsageError('--insecure-skip-tls-verify and --certificate-authority conflict', 'a server is either verified against the CA file or not verified at all: pass one of them');
  }
  // client-go: "requesting uid, groups or user-extra for X without impersonating a user".
  if (o.as === undefined && (asGroups.length > 0 || o.asUid !== undefined)) {
    throw new UsageError(`${asGroups.length > 0 ? '--as-group' : '--as-uid'} needs --as`, 'impersonate a user with --as NAME, then add its groups with --as-group');
  }
  return o;
}

/** kubectl reads `host:port` without a scheme as https://host:port. */
function serverUrl(text: string): string {
  const value = text.includes('://') ? text : `https://${text}`;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') {
    throw new UsageError(`invalid --server "${text}": not an http(s) URL`, 'e.g. --server https://ABC123.gr7.us-east-1.eks.amazonaws.com');
  }
  return value;
}
