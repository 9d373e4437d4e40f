// Shared set-up for the action tests: a sim over real HTTP, the views the planner takes (built the
// way the CLI builds them: paged lists + EKS profiles through the AWS SDK), a fresh backup dir.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KubeConfig } from '@kubernetes/client-node';
import { startSim, type RunningSim, type SimOptions } from '../../source/sim/index.js';
import { fetchProfiles } from '../../source/sources/aws/eks.js';
import { loadClusterOnce } from '../../source/sources/kube/list.js';
import { loadControlPlaneVersion } from '../../source/sources/kube/version.js';
import { ClusterStore } from '../../source/store/cluster-store.js';
import type { ClusterIdentity } from '../../source/store/snapshot.js';
import { buildClusterView, type ClusterView, type PodView } from '../../source/view-model/cluster-view.js';
import { kubeConfigFrom } from '../sources/helpers.js';
import { FAST } from '../sim/helpers.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ActionSim {
  sim: RunningSim;
  kc: KubeConfig;
  identity: ClusterIdentity;
  close(): Promise<void>;
}

/** A walkthrough sim; its AWS env is put in process.env so fetchProfiles reaches its EKS API. */
export async function startActionSim(opts: SimOptions = {}): Promise<ActionSim> {
  const sim = await startSim({ scenario: 'walkthrough', ...opts, timing: { ...FAST, ...opts.timing } });
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
  Object.assign(process.env, sim.env, { AWS_CONFIG_FILE: '/nonexistent/aws-config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials' });
  const identity: ClusterIdentity = { context: sim.contextName, clusterName: sim.clusterName, region: sim.region, accountId: sim.accountId, awsProfile: null, roleArn: null, inferredFrom: 'arn' };
  return {
    sim,
    kc: kubeConfigFrom(sim.kubeconfigPath),
    identity,
    close: async () => {
      process.env = saved;
      await sim.close();
    },
  };
}

export async function clusterView(s: ActionSim, namespace: string | null = null): Promise<ClusterView> {
  const store = new ClusterStore(s.identity);
  try {
    await Promise.all([loadClusterOnce(s.kc, { namespace }, store), loadControlPlaneVersion(s.kc, store)]);
    const { profiles, status } = await fetchProfiles(s.identity);
    store.setLiveProfiles(profiles, status);
    return buildClusterView(store.flush());
  } finally {
    store.dispose();
  }
}

/** The views of the named pods (or of pods whose name starts with `prefix*`). */
export async function viewsOf(s: ActionSim, namespace: string, ...names: string[]): Promise<PodView[]> {
  const view = await clusterView(s, namespace);
  const pods = view.byNamespace.get(namespace) ?? [];
  return names.flatMap((name) => (name.endsWith('*') ? pods.filter((v) => v.pod.name.startsWith(name.slice(0, -1))) : pods.filter((v) => v.pod.name === name)));
}

export const tempDir = (prefix: string): string => mkdtempSync(path.join(tmpdir(), prefix));

/** Every file under dir. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: string[];
    try {
      entries = readdirSync(d);
    } catch {
      return;
    }
    for (const entry of entries) {
      const p = path.join(d, entry);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** The backup files under dir (not the run journals beside them). */
export const backupsUnder = (dir: string): string[] => filesUnder(dir).filter((f) => f.endsWith('.yaml'));

/** The run journals under dir. */
export const journalsUnder = (dir: string): string[] => filesUnder(dir).filter((f) => f.endsWith('.jsonl'));

/** Build dist/ when it is missing or older than the sources, so the CLI tests run this code. */
export function ensureBuilt(): void {
  const newest = (dir: string): number => {
    let t = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }
    return t;
  };
  let built = 0;
  try {
    built = statSync(path.join(ROOT, 'dist', 'cli.js')).mtimeMs;
  } catch {
    built = 0;
  }
  if (built < newest(path.join(ROOT, 'source'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
}

/**
 * A private copy of the built bundle (dist/, from `npm run build`), so another build running
 * meanwhile (it empties dist/ first) cannot pull the CLI away mid-test. Checked by running it.
 */
export async function builtCliCopy(): Promise<{ cli: string; remove(): void }> {
  ensureBuilt();
  for (let attempt = 0; ; attempt++) {
    const dir = tempDir('kf-dist-');
    try {
      cpSync(path.join(ROOT, 'dist'), dir, { recursive: true });
      const cli = path.join(dir, 'cli.js');
      execFileSync(process.execPath, [cli, '--help'], { stdio: 'ignore' });
      return { cli, remove: () => rmSync(dir, { recursive: true, force: true }) };
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      if (attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      ensureBuilt();
    }
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runBuiltCli(cli: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
