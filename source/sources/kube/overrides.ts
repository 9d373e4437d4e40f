// kubectl's connection flags (genericclioptions: --user, -s/--server, --token, --as, --as-group,
// --as-uid, --certificate-authority, --client-certificate, --client-key, --tls-server-name,
// --insecure-skip-tls-verify) applied to the kubeconfig's entries the way client-go's
// clientcmd merges its overrides (client_config.go): the flag wins over the entry it overrides.
import fs from 'node:fs';
import type { Cluster, User } from '@kubernetes/client-node';
import { UsageError } from '../../errors.js';

export interface ConnectionOverrides {
  /** --user: the kubeconfig user entry to use instead of the context's. */
  user?: string;
  server?: string;
  token?: string;
  certificateAuthority?: string;
  clientCertificate?: string;
  clientKey?: string;
  tlsServerName?: string;
  insecureSkipTlsVerify?: boolean;
  /** --as, --as-group (repeatable), --as-uid. */
  as?: string;
  asGroups?: string[];
  asUid?: string;
}

/** Who the requests impersonate (kubeconfig `as`/`as-groups`/`as-uid`, or the flags). */
export interface Impersonation {
  user: string;
  uid?: string;
  groups: string[];
}

export const hasOverrides = (o: ConnectionOverrides | undefined): o is ConnectionOverrides =>
  o !== undefined && Object.values(o).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));

/** The cluster entry with -s, --certificate-authority, --insecure-skip-tls-verify and --tls-server-name applied. */
export function overrideCluster(cluster: Cluster, o: ConnectionOverrides): Cluster {
  const out: { -readonly [K in keyof Cluster]: Cluster[K] } = { ...cluster };
  if (o.server !== undefined) out.server = o.server;
  // clientcmd: --insecure-skip-tls-verify or a --certificate-authority replaces the entry's CA and
  // skip setting together (a kubeconfig CA would otherwise conflict with the insecure flag).
  if (o.insecureSkipTlsVerify !== undefined || o.certificateAuthority !== undefined) {
    out.skipTLSVerify = o.insecureSkipTlsVerify === true;
    delete out.caData;
    delete out.caFile;
    if (o.certificateAuthority !== undefined) out.caFile = readable(o.certificateAuthority, '--certificate-authority');
  }
  // clientcmd: a --server clears the kubeconfig's tls-server-name unless the flag gives one too.
  if (o.tlsServerName !== undefined || o.server !== undefined) {
    if (o.tlsServerName) out.tlsServerName = o.tlsServerName;
    else delete out.tlsServerName;
  }
  return out;
}

/** The user entry with --token, --client-certificate and --client-key applied. */
export function overrideUser(user: User, o: ConnectionOverrides): User {
  const out: { -readonly [K in keyof User]: User[K] } = { ...user };
  if (o.token !== undefined) {
    // A token given on the command line is what authenticates: the entry's plugin, provider and
    // password are not used (client-go sends a set Authorization header as it is).
    out.token = o.token;
    delete out.exec;
    delete out.authProvider;
    delete out.username;
    delete out.password;
  }
  if (o.clientCertificate !== undefined) {
    out.certFile = readable(o.clientCertificate, '--client-certificate');
    delete out.certData;
  }
  if (o.clientKey !== undefined) {
    out.keyFile = readable(o.clientKey, '--client-key');
    delete out.keyData;
  }
  return out;
}

/** The impersonation in effect: the flags, else the kubeconfig user's own `as` fields. */
export function impersonationOf(o: ConnectionOverrides | undefined, fromKubeconfig: Partial<Impersonation> | undefined): Impersonation | null {
  const user = o?.as ?? fromKubeconfig?.user;
  if (!user) return null;
  const flagged = o?.as !== undefined;
  const groups = flagged ? (o?.asGroups ?? []) : (fromKubeconfig?.groups ?? []);
  const uid = flagged ? o?.asUid : fromKubeconfig?.uid;
  return { user, groups, ...(uid ? { uid } : {}) };
}

/** A file a flag names must exist: a usage error (exit 2) otherwise, before anything is sent. */
function readable(file: string, flag: string): string {
  try {
    if (fs.statSync(file).isFile()) return file;
  } catch {
    throw new UsageError(`${flag} ${file}: no such file`, 'check the path');
  }
  throw new UsageError(`${flag} ${file}: not a file`, 'check the path');
}
