import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import { parse as parseYaml } from 'yaml';
import { UsageError, UserError, errorText } from '../../errors.js';
import { parseDuration } from '../../lib/duration.js';
import { plainHttpWarning, secureKubeConfig } from './credentials.js';
import { impersonationOf, overrideCluster, overrideUser, type ConnectionOverrides, type Impersonation } from './overrides.js';
import { decorateRequests } from './request-decorations.js';
import { withEnvProxy } from './env-proxy.js';
import type { RequestLog } from '../request-log.js';

export interface KubeConfigOptions {
  /** --kubeconfig: this file alone, like kubectl. */
  kubeconfig?: string;
  /** --context */
  context?: string;
  /** --cluster: a kubeconfig cluster entry used instead of the context's (kubectl's override). */
  cluster?: string;
  /** --request-timeout in kubectl form ("0", "30s", "1m", "5"). */
  requestTimeout?: string;
  /** kubectl's other connection flags: --user, --server, --token, --as, TLS files (overrides.ts). */
  overrides?: ConnectionOverrides;
  /** -v: log each request (request-log.ts). */
  requestLog?: RequestLog | null;
  env?: NodeJS.ProcessEnv;
}

export interface LoadedKubeConfig {
  /** Set to `contextName`; hand it to the client library as is. */
  kc: KubeConfig;
  contextName: string;
  /** The context's namespace, else "default". */
  namespace: string;
  /** The files that were read, in precedence order. */
  files: string[];
  /** Per-request timeout in ms; 0 = none. It also bounds an exec credential plugin run (default 30 s). */
  requestTimeoutMs: number;
  /** What the user should know before the first request (e.g. credentials withheld from plain http). */
  warnings: string[];
}

/**
 * Load the kubeconfig the way kubectl does: `--kubeconfig` alone, else every file in KUBECONFIG
 * (missing ones skipped) merged so that the FIRST file's current-context and the FIRST definition
 * of a name win, else ~/.kube/config. We merge ourselves because client-node's loadFromDefault
 * throws on duplicate names and silently falls back to in-cluster / localhost:8080.
 */
export function loadKubeConfig(options: KubeConfigOptions = {}): LoadedKubeConfig {
  const env = options.env ?? process.env;
  const requestTimeoutMs = options.requestTimeout === undefined ? 0 : parseDuration(options.requestTimeout);
  const files = kubeconfigFiles(options.kubeconfig, env);

  const parts = files.map(readOne);
  const clusters = firstByName(parts.flatMap((p) => p.clusters.map((c) => withServerUrl(c, p.file))));
  let users = firstByName(parts.flatMap((p) => p.users));
  const contexts = firstByName(parts.flatMap((p) => p.contexts));
  const fileCurrent = parts.find((p) => p.currentContext)?.currentContext;

  const names = contexts.map((c) => c.name);
  const known = names.length > 0 ? names.join(', ') : 'none';
  const where = files.length === 1 ? `kubeconfig ${tilde(files[0]!, env)}` : 'kubeconfig';
  let contextName: string;
  if (options.context !== undefined && options.context !== '') {
    if (!names.includes(options.context)) {
      // The flag names something that is not there: a usage error (exit 2).
      throw new UsageError(`context "${options.context}" not found in ${where} (contexts: ${known}); pass one of them with --context`);
    }
    contextName = options.context;
  } else if (names.length === 0) {
    throw new UserError(
      `${where} has no contexts; run \`aws eks update-kubeconfig --name CLUSTER --region REGION\` or pass --kubeconfig`,
    );
  } else if (!fileCurrent) {
    throw new UserError(`${where} has no current-context; pass --context NAME (contexts: ${known})`);
  } else if (!names.includes(fileCurrent)) {
    throw new UserError(
      `current-context "${fileCurrent}" is not defined in ${where} (contexts: ${known}); pass --context NAME`,
    );
  } else {
    contextName = fileCurrent;
  }

  let chosen = contexts;
  const o = options.overrides ?? {};
  if (o.user !== undefined && o.user !== '') {
    const override = o.user;
    if (!users.some((u) => u.name === override)) {
      const entries = users.map((u) => u.name).join(', ') || 'none';
      throw new UsageError(`user "${override}" not found in ${where} (users: ${entries}); --user picks a kubeconfig user entry, as in kubectl`);
    }
    chosen = chosen.map((c) => (c.name === contextName ? { ...c, user: override } : c));
  }
  if (options.cluster !== undefined && options.cluster !== '') {
    const override = options.cluster;
    if (!clusters.some((c) => c.name === override)) {
      const entries = clusters.map((c) => c.name).join(', ') || 'none';
      // Before --eks-cluster existed, --cluster took the EKS name: say where that went.
      throw new UsageError(
        `cluster "${override}" not found in ${where} (clusters: ${entries}); --cluster picks a kubeconfig cluster entry, as in kubectl: for the EKS cluster name pass --eks-cluster ${override}`,
      );
    }
    chosen = chosen.map((c) => (c.name === contextName ? { ...c, cluster: override } : c));
  }
  const used = chosen.find((c) => c.name === contextName)!;
  const connection = applyOverrides(clusters, users, used, o);
  users = connection.users;
  const kc = new KubeConfig();
  // BadServer entries stay as they are: their error is reported below.
  const proxied = connection.clusters.map((c) => (c.name === used.cluster && !(c instanceof BadServer) ? withEnvProxy(c, env) : c));
  kc.loadFromOptions({ clusters: proxied, users, contexts: chosen, currentContext: contextName });
  const context = kc.getContextObject(contextName)!;
  const cluster = kc.getCluster(context.cluster);
  if (!cluster) {
    throw new UserError(
      `context "${contextName}" refers to cluster "${context.cluster}", which is missing from ${where} or has no server; fix the kubeconfig or pick another --context`,
    );
  }
  // Only the cluster in use must have a usable server: kubectl ignores the others too.
  if (cluster instanceof BadServer) throw cluster.error(env);
  secureKubeConfig(kc, { execTimeoutMs: requestTimeoutMs });
  const fromKubeconfig = parts.map((p) => p.impersonation.get(used.user)).find((i) => i !== undefined);
  const impersonation = impersonationOf(o, fromKubeconfig);
  const token = kc.getCurrentUser()?.token;
  const log = options.requestLog ? { ...options.requestLog, secrets: [...options.requestLog.secrets, ...(token ? [token] : [])] } : null;
  decorateRequests(kc, { impersonation, log });
  const origin = parts.find((p) => p.clusters.some((c) => c.name === cluster.name))?.file;
  const warning = plainHttpWarning(kc, origin ? `kubeconfig ${tilde(origin, env)}` : where, impersonation ? ['impersonation (--as)'] : []);
  return { kc, contextName, namespace: context.namespace || 'default', files, requestTimeoutMs, warnings: warning ? [warning] : [] };
}

/** Every context name of the merged kubeconfig (kubectl's loading rules), first definition first. */
export function kubeconfigContextNames(options: Pick<KubeConfigOptions, 'kubeconfig' | 'env'> = {}): { names: string[]; where: string } {
  const env = options.env ?? process.env;
  const files = kubeconfigFiles(options.kubeconfig, env);
  const names = firstByName(files.map(readOne).flatMap((p) => p.contexts)).map((c) => c.name);
  return { names, where: files.length === 1 ? `kubeconfig ${tilde(files[0]!, env)}` : 'kubeconfig' };
}

/**
 * The entries the context uses, with the connection flags applied. A user named by the context
 * but missing from the kubeconfig is made from the flags when they give credentials (kubectl's
 * `--token` works without a user entry).
 */
function applyOverrides(clusters: Cluster[], users: User[], context: Context, o: ConnectionOverrides): { clusters: Cluster[]; users: User[] } {
  const outClusters = clusters.map((c) => {
    if (c.name !== context.cluster || (o.server === undefined && o.certificateAuthority === undefined && o.insecureSkipTlsVerify === undefined && o.tlsServerName === undefined)) return c;
    // A damaged server in the file is still reported as the file's, unless --server replaces it.
    if (c instanceof BadServer && o.server === undefined) return c;
    const base = c instanceof BadServer ? { name: c.name, server: c.server, skipTLSVerify: c.skipTLSVerify } : c;
    return withServerUrl(overrideCluster(base, o), '--server');
  });
  if (o.token === undefined && o.clientCertificate === undefined && o.clientKey === undefined) return { clusters: outClusters, users };
  const present = users.some((u) => u.name === context.user);
  const outUsers = present ? users.map((u) => (u.name === context.user ? overrideUser(u, o) : u)) : [...users, overrideUser({ name: context.user }, o)];
  return { clusters: outClusters, users: outUsers };
}

/**
 * The cluster entry with its server as kubectl reads it: a URL, and without a scheme `https://`
 * is assumed (`server: 10.0.0.1:6443`). One that cannot be a server URL becomes a BadServer, an
 * error only if the context in use needs it.
 */
function withServerUrl(cluster: Cluster, file: string): Cluster {
  const raw = cluster.server.trim();
  let url: URL | null = null;
  try {
    url = new URL(raw.includes('://') ? raw : `https://${raw}`);
  } catch {
    url = null;
  }
  // WHATWG URLs take hosts like `${ENDPOINT}` that Go's (kubectl's) parser and DNS refuse.
  const hostOk = url !== null && (/^[a-z0-9._~-]+$/i.test(url.hostname) || /^\[[0-9a-f:.]+\]$/i.test(url.hostname));
  if (url && hostOk && (url.protocol === 'https:' || url.protocol === 'http:')) {
    return raw.includes('://') ? cluster : { ...cluster, server: `https://${raw}` };
  }
  return new BadServer(cluster, file);
}

class BadServer implements Cluster {
  readonly name: string;
  readonly server: string;
  readonly skipTLSVerify: boolean;
  constructor(
    cluster: Cluster,
    private readonly file: string,
  ) {
    this.name = cluster.name;
    this.server = cluster.server;
    this.skipTLSVerify = cluster.skipTLSVerify;
  }
  error(env: NodeJS.ProcessEnv): UserError {
    // A password written into the URL (https://user:pass@host) is not repeated.
    const shown = this.server.replace(/\/\/[^/@\s]*@/, '//<redacted>@');
    const value = JSON.stringify(shown.length > 80 ? `${shown.slice(0, 80)}…` : shown);
    const what = /^[a-z][a-z0-9+.-]*:\/\//i.test(shown) && !/^https?:/i.test(shown) ? 'not an http(s) URL' : 'not a URL';
    return new UserError(`kubeconfig ${tilde(this.file, env)}: cluster "${this.name}" has server ${value}, which is ${what}`, {
      hint: "set it to the API server's address, e.g. https://ABC123.gr7.us-east-1.eks.amazonaws.com (`aws eks update-kubeconfig --name CLUSTER` writes it)",
    });
  }
}

/** Which files to read, in precedence order (kubectl's loading rules). */
export function kubeconfigFiles(explicit: string | undefined, env: NodeJS.ProcessEnv): string[] {
  if (explicit !== undefined && explicit !== '') {
    if (!isFile(explicit)) {
      const what = fs.existsSync(explicit) ? 'is not a file' : 'does not exist';
      throw new UsageError(`kubeconfig file ${explicit} (from --kubeconfig) ${what}; check the path`);
    }
    return [explicit];
  }
  const list = env.KUBECONFIG;
  if (list !== undefined && list !== '') {
    const entries = [...new Set(list.split(path.delimiter).filter((entry) => entry !== ''))];
    const present = entries.filter(isFile);
    if (present.length === 0) {
      throw new UserError(
        `no kubeconfig found: none of the KUBECONFIG files exist (${entries.join(', ')}); fix KUBECONFIG or pass --kubeconfig`,
      );
    }
    return present;
  }
  const home = env.HOME || env.USERPROFILE || os.homedir();
  const fallback = path.join(home, '.kube', 'config');
  if (!isFile(fallback)) throw new UserError('no kubeconfig found: set KUBECONFIG or pass --kubeconfig');
  return [fallback];
}

interface ParsedFile {
  file: string;
  clusters: Cluster[];
  users: User[];
  contexts: Context[];
  currentContext: string | undefined;
  /** Users' `as`, `as-groups` and `as-uid` (client-node reads only `as`). */
  impersonation: Map<string, Partial<Impersonation>>;
}

/**
 * Each file's entries from its last reading, by its text: --all-contexts opens a session per
 * context, and parsing a kubeconfig (twice: yaml, then client-node) costs more than reading it.
 * A changed file is parsed again; callers get copies, so nothing they do reaches the cache.
 */
const parsedFiles = new Map<string, { text: string; parsed: ParsedFile }>();

function readOne(file: string): ParsedFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read kubeconfig ${file}: ${firstLine(errorText(error))}`, { hint: 'check its permissions, or point --kubeconfig / KUBECONFIG at another file' });
  }
  const cached = parsedFiles.get(file);
  if (cached?.text === text) return structuredClone(cached.parsed);
  const parsed = parseOne(file, text);
  parsedFiles.set(file, { text, parsed: structuredClone(parsed) });
  return parsed;
}

function parseOne(file: string, text: string): ParsedFile {
  // Parse with `yaml` first: its errors are one readable line, and an empty file is a valid,
  // empty kubeconfig for kubectl (client-node would crash on it).
  let doc: unknown;
  try {
    doc = parseYaml(text, { prettyErrors: false });
  } catch (error) {
    const reason = firstLine(errorText(error));
    // yaml's refusal to expand an alias bomb reads "Excessive alias count indicates a resource exhaustion attack".
    const problem = /alias count/i.test(reason) ? 'its YAML aliases (*name) expand to too many nodes (an alias bomb)' : reason;
    throw new UserError(`kubeconfig ${file} is not valid YAML: ${problem}`, { hint: FIX_FILE });
  }
  if (doc === null || doc === undefined) return { file, clusters: [], users: [], contexts: [], currentContext: undefined, impersonation: new Map() };
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new UserError(`kubeconfig ${file} is not a kubeconfig (expected a mapping with clusters, users, contexts)`, { hint: FIX_FILE });
  }
  const single = new KubeConfig();
  try {
    // From the text already read (loadFromFile would read the file again). 'filter' drops broken
    // entries instead of failing on one we may never use (kubectl is lenient too).
    single.loadFromString(text, { onInvalidEntry: 'filter' });
    // Certificate and key paths are relative to the file, as kubectl reads them.
    single.makePathsAbsolute(path.dirname(file));
  } catch (error) {
    throw new UserError(`kubeconfig ${file} could not be read: ${firstLine(errorText(error))}`, { hint: FIX_FILE });
  }
  const current = (doc as Record<string, unknown>)['current-context'];
  return {
    file,
    clusters: single.getClusters(),
    users: single.getUsers(),
    contexts: single.getContexts(),
    currentContext: typeof current === 'string' && current !== '' ? current : undefined,
    impersonation: impersonationEntries((doc as Record<string, unknown>).users),
  };
}

/** `as`, `as-groups`, `as-uid` of each user entry that has them. */
function impersonationEntries(users: unknown): Map<string, Partial<Impersonation>> {
  const out = new Map<string, Partial<Impersonation>>();
  if (!Array.isArray(users)) return out;
  for (const entry of users as Array<{ name?: unknown; user?: Record<string, unknown> }>) {
    const user = entry?.user;
    if (typeof entry?.name !== 'string' || !user || typeof user.as !== 'string' || user.as === '') continue;
    const groups = Array.isArray(user['as-groups']) ? user['as-groups'].filter((g): g is string => typeof g === 'string') : [];
    const uid = typeof user['as-uid'] === 'string' ? user['as-uid'] : undefined;
    out.set(entry.name, { user: user.as, groups, ...(uid ? { uid } : {}) });
  }
  return out;
}

function firstByName<T extends { name: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.name) ? false : (seen.add(item.name), true)));
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

const FIX_FILE = 'fix the file (`kubectl config view` shows what kubectl makes of it), or regenerate it with `aws eks update-kubeconfig`';

const firstLine = (text: string): string => text.split('\n')[0]!.trim();

function tilde(file: string, env: NodeJS.ProcessEnv): string {
  const home = env.HOME;
  return home && file.startsWith(home + path.sep) ? `~${file.slice(home.length)}` : file;
}
