// The kubeconfig's exec credential plugin (`aws eks get-token`, aws-iam-authenticator, ...), run
// the way client-go runs it, in place of client-node's runner, which waits forever for a plugin
// that never answers and takes any JSON as a credential. Here a run is bounded (killed after the
// timeout), its reply must be an ExecCredential of the version the kubeconfig asks for, the token
// is cached until it expires, and parallel requests share one run. Slightly over the usual
// size: the run, its checks and the cache are one protocol.
import { spawn } from 'node:child_process';
import type { User } from '@kubernetes/client-node';
import { redactCredentials } from '../../lib/redact.js';

/** The ExecCredential versions kubectl still accepts (v1alpha1 was removed in 1.24). */
export const EXEC_API_VERSIONS = ['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1'] as const;

/** How long a plugin may take when --request-timeout is not set: `aws eks get-token` needs ~1 s. */
export const DEFAULT_EXEC_TIMEOUT_MS = 30_000;

/** A plugin problem already worded for users (one line: message; hint). */
export class ExecCredentialError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'ExecCredentialError';
  }
}

interface ExecConfig {
  command?: unknown;
  args?: unknown;
  env?: unknown;
  apiVersion?: unknown;
}

interface Credential {
  token?: string;
  clientCertificateData?: string;
  clientKeyData?: string;
  /** ms since the epoch; null = valid until the server says otherwise. */
  expiresAt: number | null;
}

/** What client-node hands an authenticator to fill in. */
interface RequestOptions {
  headers?: Record<string, unknown>;
  cert?: unknown;
  key?: unknown;
}

/** A client-node authenticator for users with an `exec` section. */
export class ExecCredentialPlugin {
  private readonly cache = new Map<string, Credential>();
  private readonly running = new Map<string, Promise<Credential>>();

  constructor(private readonly options: { timeoutMs: number; now?: () => number }) {}

  isAuthProvider(user: User | null | undefined): boolean {
    return Boolean(user?.exec);
  }

  async applyAuthentication(user: User, opts: RequestOptions): Promise<void> {
    const credential = await this.credential(user);
    if (credential.clientCertificateData) opts.cert = credential.clientCertificateData;
    if (credential.clientKeyData) opts.key = credential.clientKeyData;
    if (credential.token) opts.headers = { ...opts.headers, Authorization: `Bearer ${credential.token}` };
  }

  private credential(user: User): Promise<Credential> {
    const now = (this.options.now ?? Date.now)();
    const cached = this.cache.get(user.name);
    if (cached && (cached.expiresAt === null || cached.expiresAt > now)) return Promise.resolve(cached);
    // Requests in flight when a token expires (or the first parallel lists) share one run.
    let run = this.running.get(user.name);
    if (!run) {
      run = runPlugin(user, this.options.timeoutMs).then(
        (credential) => {
          this.cache.set(user.name, credential);
          return credential;
        },
        (error: unknown) => {
          this.cache.delete(user.name);
          throw error;
        },
      );
      const forget = () => void this.running.delete(user.name);
      run.then(forget, forget);
      this.running.set(user.name, run);
    }
    return run;
  }
}

function runPlugin(user: User, timeoutMs: number): Promise<Credential> {
  const exec = (user.exec ?? {}) as ExecConfig;
  const command = typeof exec.command === 'string' ? exec.command : '';
  const args = Array.isArray(exec.args) ? exec.args.map(String) : [];
  const env = envEntries(exec.env);
  const who = pluginName(user);
  const alone = commandLine(command, args, env);
  if (!command) {
    return Promise.reject(new ExecCredentialError(`user "${user.name}" in the kubeconfig has an exec section without a command`, FIX_KUBECONFIG));
  }
  const apiVersion = typeof exec.apiVersion === 'string' ? exec.apiVersion : '';
  if (!(EXEC_API_VERSIONS as readonly string[]).includes(apiVersion)) {
    return Promise.reject(
      new ExecCredentialError(
        `user "${user.name}" in the kubeconfig asks its exec credential plugin for ${apiVersion ? `apiVersion ${quote(apiVersion)}` : 'no apiVersion'}; kubectl accepts ${EXEC_API_VERSIONS.join(' and ')}`,
        FIX_KUBECONFIG,
      ),
    );
  }

  return new Promise<Credential>((resolve, reject) => {
    // Never interactive: the live view owns the terminal, and a prompt nobody sees would hang.
    const info = { apiVersion, kind: 'ExecCredential', spec: { interactive: false } };
    const child = spawn(command, args, {
      env: { ...process.env, ...Object.fromEntries(env), KUBERNETES_EXEC_INFO: JSON.stringify(info) },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a timeout also stops what it started (`sh -c`, python, ...).
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish();
    };
    const timer = setTimeout(() => {
      settle(() => {
        stop(child.pid);
        child.stdout.destroy();
        child.stderr.destroy();
        reject(
          new ExecCredentialError(
            `${who} did not answer within ${seconds(timeoutMs)} and was stopped`,
            `run it alone to see where it waits: \`${alone}\` (--request-timeout sets how long to wait)`,
          ),
        );
      });
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => void (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 64 * 1024) stderr += chunk;
    });
    // Spawn failures (ENOENT: not on PATH) keep their code: errors.ts words them.
    child.on('error', (error) => settle(() => reject(error)));
    child.on('close', (code) => {
      settle(() => {
        if (code !== 0) return reject(new Error(stderr));
        try {
          resolve(parseExecCredential(stdout, { apiVersion, who, alone, user: user.name }));
        } catch (error) {
          reject(error);
        }
      });
    });
  });
}

/**
 * A plugin's stdout -> the credential, or an ExecCredentialError saying what came back instead
 * (kind and apiVersion only: nothing else of the reply is shown, it may hold a secret).
 */
export function parseExecCredential(
  stdout: string,
  expect: { apiVersion: string; who: string; alone: string; user: string },
): Credential {
  const hint = `run \`${expect.alone}\` alone: a kubectl credential plugin prints an ExecCredential (${expect.apiVersion}) as JSON`;
  const bad = (what: string) => new ExecCredentialError(`${expect.who} returned ${what}`, hint);
  let reply: unknown;
  try {
    reply = JSON.parse(stdout);
  } catch {
    throw bad(stdout.trim() === '' ? 'nothing, not an ExecCredential' : 'text that is not JSON, not an ExecCredential');
  }
  if (typeof reply !== 'object' || reply === null || Array.isArray(reply)) throw bad('JSON that is not an ExecCredential object');
  const { kind, apiVersion, status } = reply as { kind?: unknown; apiVersion?: unknown; status?: unknown };
  if (kind !== 'ExecCredential') {
    throw bad(`${kind === undefined ? 'no kind' : `kind ${quote(kind)}`}${apiVersion === undefined ? '' : ` (apiVersion ${quote(apiVersion)})`}, not an ExecCredential`);
  }
  if (apiVersion !== expect.apiVersion) {
    throw new ExecCredentialError(
      `${expect.who} returned an ExecCredential of apiVersion ${quote(apiVersion)}, but user "${expect.user}" in the kubeconfig asks for ${expect.apiVersion}`,
      "make the kubeconfig's exec apiVersion match what the plugin prints (re-run `aws eks update-kubeconfig` for EKS)",
    );
  }
  const fields = (typeof status === 'object' && status !== null ? status : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof fields[key] === 'string' && fields[key] !== '' ? (fields[key] as string) : undefined);
  const token = text('token');
  const clientCertificateData = text('clientCertificateData');
  const clientKeyData = text('clientKeyData');
  if (!token && !(clientCertificateData && clientKeyData)) {
    throw bad(
      clientCertificateData || clientKeyData
        ? 'an ExecCredential with only one of clientCertificateData and clientKeyData'
        : 'an ExecCredential with neither a token nor a client certificate and key',
    );
  }
  const expiry = text('expirationTimestamp');
  const parsed = expiry === undefined ? null : Date.parse(expiry);
  // An unreadable expiry is treated as already expired: better a plugin run per request than a stale token.
  const expiresAt = parsed === null ? null : Number.isNaN(parsed) ? 0 : parsed;
  return { ...(token ? { token } : {}), ...(clientCertificateData ? { clientCertificateData, clientKeyData } : {}), expiresAt };
}

/** "the kubeconfig's exec credential plugin `aws` (user "u")": how messages name the plugin. */
export function pluginName(user: User): string {
  const command = (user.exec as ExecConfig | undefined)?.command;
  return `the kubeconfig's exec credential plugin \`${typeof command === 'string' ? command : '?'}\` (user "${user.name}")`;
}

/** The plugin as a shell command line, as the kubeconfig writes it (its env first), to run alone. */
export function commandLine(command: string, args: string[], env: Array<[string, string]> = []): string {
  const assignments = env.map(([name, value]) => `${name}=${/secret|token|password|key/i.test(name) ? '<redacted>' : shellQuote(value)}`);
  return redactCredentials([...assignments, shellQuote(command), ...args.map(shellQuote)].join(' '));
}

function envEntries(env: unknown): Array<[string, string]> {
  if (!Array.isArray(env)) return [];
  return env
    .filter((e): e is { name: string; value?: unknown } => typeof e === 'object' && e !== null && typeof (e as { name?: unknown }).name === 'string')
    .map((e) => [e.name, e.value === undefined || e.value === null ? '' : String(e.value)]);
}

const shellQuote = (word: string): string => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);

/** A value from the reply, shown short and quoted (never a long blob that could be a secret). */
function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return JSON.stringify(redactCredentials(text.length > 60 ? `${text.slice(0, 60)}…` : text));
}

const seconds = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`);

/** Stop the plugin and what it started: TERM to its process group, KILL shortly after. */
function stop(pid: number | undefined): void {
  if (pid === undefined) return;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(process.platform === 'win32' ? pid : -pid, name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  setTimeout(() => signal('SIGKILL'), 2000).unref();
}

const FIX_KUBECONFIG = 'fix the user entry (`kubectl config view --minify` shows it), or regenerate it with `aws eks update-kubeconfig`';
