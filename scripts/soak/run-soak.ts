// The soak, shared by `npm run soak` (30 minutes) and test/soak (60 seconds): the tool's live path
// — reflectors, store, view-model (rebuilt on every store update, as the TUI does) and the EKS
// profile poller — in THIS process, against the sim in a child process with steady churn and
// periodic watch drops. Samples memory, sockets, reconnects and pods shown vs. pods in the sim.
import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadKubeConfig } from '../../source/sources/kube/kubeconfig.js';
import { inferClusterIdentity } from '../../source/sources/kube/identity.js';
import { startProfilePoller } from '../../source/sources/aws/eks.js';
import { loadClusterOnce } from '../../source/sources/kube/load-cluster.js';
import { Reflector } from '../../source/sources/kube/reflector.js';
import { ClusterStore } from '../../source/store/cluster-store.js';
import type { Snapshot } from '../../source/store/snapshot.js';
import { ClusterViewModel } from '../../source/view-model/cluster-view-model.js';
import type { SimProcessConfig } from './sim-process.js';

export interface SoakOptions extends Partial<SimProcessConfig> {
  durationMs: number;
  sampleEveryMs: number;
  /** EKS profiles re-read every this many ms. */
  pollProfilesEveryMs?: number;
  /** Take the API server down once: at `atMs` into the run, for `forMs`. */
  outage?: { atMs: number; forMs: number };
  /** Called with each sample as it is taken (the script prints a row). */
  onSample?: (sample: SoakSample) => void;
}

export interface SoakSample {
  atMs: number;
  rssMb: number;
  heapMb: number;
  /** V8 heap reserved (used + free space V8 keeps) and memory outside it (buffers), MB. */
  heapTotalMb: number;
  externalMb: number;
  sockets: number;
  /** Watch streams opened since the previous sample (every kind). */
  watches: number;
  /** Failed list/watch attempts since the previous sample. */
  failures: number;
  storePods: number;
  simPods: number;
  connection: string;
  /** View-model rebuilds since the previous sample. */
  views: number;
}

export interface SoakResult {
  samples: SoakSample[];
  /** ms from the API server's return to the store being live again (null: no outage). */
  recoveryMs: number | null;
  /** After the churn stopped: did the store come to equal a fresh list? */
  converged: boolean;
  /** What differed when it did not. */
  difference: string;
  /** Watch streams opened in all. */
  totalWatches: number;
  totalLists: number;
}

const SIM_PROCESS = fileURLToPath(new URL('./sim-process.ts', import.meta.url));

/** A full GC before each sample, so heap numbers are live data, not garbage timing. */
function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return gc ?? (() => {});
}

/** Open sockets of this process: /proc/self/fd links named socket:[…] (else libuv's count). */
export function openSockets(): number {
  try {
    let n = 0;
    for (const fd of readdirSync('/proc/self/fd')) {
      try {
        if (readlinkSync(`/proc/self/fd/${fd}`).startsWith('socket:')) n++;
      } catch {
        // closed while listing
      }
    }
    return n;
  } catch {
    return process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap' || r === 'PipeWrap').length;
  }
}

interface SimChild {
  child: ChildProcess;
  kubeconfigPath: string;
  env: Record<string, string>;
  send(message: object): void;
  podCount(): Promise<number>;
  close(): Promise<void>;
}

async function startSimChild(config: SimProcessConfig): Promise<SimChild> {
  const child = fork(SIM_PROCESS, [JSON.stringify(config)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<number, (pods: number) => void>();
  let nextId = 0;
  const ready = await new Promise<{ kubeconfigPath: string; env: Record<string, string> }>((resolve, reject) => {
    child.on('message', (m: { type: string; kubeconfigPath?: string; env?: Record<string, string>; id?: number; pods?: number; message?: string }) => {
      if (m.type === 'ready') resolve({ kubeconfigPath: m.kubeconfigPath!, env: m.env! });
      else if (m.type === 'count') waiting.get(m.id!)?.(m.pods!);
      else if (m.type === 'error') process.stderr.write(`soak sim: ${m.message}\n`);
    });
    child.once('exit', (code) => reject(new Error(`the soak sim exited (${code}) before it was ready`)));
  });
  return {
    child,
    ...ready,
    send: (message) => child.send(message),
    podCount: () =>
      new Promise((resolve) => {
        const id = nextId++;
        waiting.set(id, (pods) => {
          waiting.delete(id);
          resolve(pods);
        });
        child.send({ type: 'count', id });
      }),
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.send({ type: 'close' });
      }),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** namespace/name -> resourceVersion. */
const podVersions = (snapshot: Snapshot) => new Map([...snapshot.pods.values()].map((p) => [`${p.namespace}/${p.name}`, p.resourceVersion]));

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const config: SimProcessConfig = {
    pods: options.pods ?? 300,
    churnEveryMs: options.churnEveryMs ?? 5,
    keep: options.keep ?? 200,
    dropEveryMs: options.dropEveryMs ?? 10_000,
    profileEveryMs: options.profileEveryMs ?? 20_000,
    eventTtlMs: options.eventTtlMs ?? 60_000,
  };
  const gc = gcFunction();
  const sim = await startSimChild(config);
  const savedEnv = { ...process.env };
  // The profile poller uses the AWS SDK's default chain: point it at the sim's EKS API.
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
  Object.assign(process.env, sim.env, { AWS_CONFIG_FILE: '/nonexistent/aws-config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials' });

  const { kc, contextName } = loadKubeConfig({ kubeconfig: sim.kubeconfigPath, env: {} });
  const identity = inferClusterIdentity(kc, contextName);
  const store = new ClusterStore(identity);
  // The live view's model, as the TUI keeps it (ui/hooks/useClusterView.ts).
  const model = new ClusterViewModel();
  let views = 0;
  const unsubscribe = store.subscribe((snapshot) => {
    model.update(snapshot);
    views++;
  });
  const reflector = new Reflector(kc, store).start();
  const poller = startProfilePoller(identity, store, { intervalMs: options.pollProfilesEveryMs ?? 15_000 });

  const samples: SoakSample[] = [];
  let recoveryMs: number | null = null;
  const started = Date.now();
  let last = { watches: 0, failures: 0, views: 0 };
  const sample = async (): Promise<SoakSample> => {
    gc();
    const memory = process.memoryUsage();
    const snapshot = store.getSnapshot();
    const s: SoakSample = {
      atMs: Date.now() - started,
      rssMb: memory.rss / 1e6,
      heapMb: memory.heapUsed / 1e6,
      heapTotalMb: memory.heapTotal / 1e6,
      externalMb: (memory.external + memory.arrayBuffers) / 1e6,
      sockets: openSockets(),
      watches: reflector.stats.watches - last.watches,
      failures: reflector.stats.failures - last.failures,
      storePods: snapshot.pods.size,
      simPods: await sim.podCount(),
      connection: snapshot.connection.state,
      views: views - last.views,
    };
    last = { watches: reflector.stats.watches, failures: reflector.stats.failures, views };
    samples.push(s);
    options.onSample?.(s);
    return s;
  };

  try {
    const outage = options.outage;
    const outageDone = outage
      ? (async () => {
          await sleep(outage.atMs);
          sim.send({ type: 'down', ms: outage.forMs });
          const backAt = Date.now() + outage.forMs;
          await sleep(outage.forMs - 500);
          // Poll the store (not the subscription, which batches) until it is live again.
          while (store.getSnapshot().connection.state !== 'live' || Date.now() < backAt) await sleep(20);
          recoveryMs = Date.now() - backAt;
        })()
      : Promise.resolve();

    let next = options.sampleEveryMs;
    while (Date.now() - started < options.durationMs) {
      await sleep(Math.max(0, started + next - Date.now()));
      await sample();
      next += options.sampleEveryMs;
    }
    await outageDone;

    // Stop the churn; the store must come to show exactly what a fresh list shows.
    sim.send({ type: 'quiet' });
    let converged = false;
    let difference = '';
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const fresh = new ClusterStore(identity);
      await loadClusterOnce(kc, { skip: ['events', 'nodes', 'namespaces', 'claims'] }, fresh);
      const listed = podVersions(fresh.flush());
      fresh.dispose();
      const shown = podVersions(store.getSnapshot());
      const ghosts = [...shown.keys()].filter((k) => !listed.has(k));
      const missing = [...listed.keys()].filter((k) => !shown.has(k));
      const stale = [...listed].filter(([k, rv]) => shown.has(k) && shown.get(k) !== rv).length;
      difference = `${shown.size} shown, ${listed.size} listed, ${ghosts.length} ghosts, ${missing.length} missing, ${stale} stale`;
      if (ghosts.length === 0 && missing.length === 0 && stale === 0) {
        converged = true;
        break;
      }
      await sleep(500);
    }
    return { samples, recoveryMs, converged, difference, totalWatches: reflector.stats.watches, totalLists: reflector.stats.lists };
  } finally {
    poller.stop();
    await reflector.stop();
    unsubscribe();
    store.dispose();
    await sim.close();
    process.env = savedEnv;
  }
}

/** Least-squares slope of [ms, MB] points, in MB per hour. */
function trendPerHour(points: Array<[number, number]>): number {
  const n = points.length;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const sxy = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const sxx = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : (sxy / sxx) * 3_600_000;
}

export interface SoakVerdict {
  ok: boolean;
  lines: string[];
}

/**
 * No growth beyond start-up noise: compare the end with the sample after warm-up (the first
 * `warmupMs`: lists, JIT, caches filling). Sockets stay bounded; the store converged; an outage
 * (if any) recovered within `recoveryBudgetMs`.
 */
export function judgeSoak(
  result: SoakResult,
  {
    warmupMs,
    rssSlackMb = 30,
    heapSlackMb = 15,
    heapSlopeMbPerHour = 4,
    maxSockets = 40,
    recoveryBudgetMs = 5000,
  }: { warmupMs: number; rssSlackMb?: number; heapSlackMb?: number; heapSlopeMbPerHour?: number; maxSockets?: number; recoveryBudgetMs?: number },
): SoakVerdict {
  const lines: string[] = [];
  let ok = true;
  const check = (pass: boolean, text: string) => {
    ok &&= pass;
    lines.push(`${pass ? 'ok  ' : 'FAIL'} ${text}`);
  };
  const base = result.samples.find((s) => s.atMs >= warmupMs) ?? result.samples[0];
  const end = result.samples.at(-1);
  if (!base || !end) return { ok: false, lines: ['FAIL no samples'] };
  const later = result.samples.filter((s) => s.atMs >= base.atMs);
  // The end, or the lowest of the last three samples (one sample can catch a relist in flight).
  const tail = later.slice(-3);
  const endRss = Math.min(...tail.map((s) => s.rssMb));
  const endHeap = Math.min(...tail.map((s) => s.heapMb));
  check(endRss < base.rssMb + rssSlackMb, `rss ${endRss.toFixed(0)} MB at the end vs ${base.rssMb.toFixed(0)} MB after warm-up (allowed +${rssSlackMb})`);
  check(endHeap < base.heapMb + heapSlackMb, `heap ${endHeap.toFixed(1)} MB at the end vs ${base.heapMb.toFixed(1)} MB after warm-up (allowed +${heapSlackMb})`);
  // A slow leak hides in the slack over a short run; its trend does not. Least squares over the
  // second half of the run (bounded buffers — JIT code, the last events of deleted pods, Node's
  // 250 resource-timing entries — are still filling in the first), once it spans 10 minutes.
  const secondHalf = result.samples.filter((s) => s.atMs >= end.atMs / 2);
  if (end.atMs / 2 >= 10 * 60_000 && secondHalf.length >= 3) {
    const slope = trendPerHour(secondHalf.map((s) => [s.atMs, s.heapMb]));
    check(slope < heapSlopeMbPerHour, `heap trend ${slope.toFixed(1)} MB/hour over the second half (allowed < ${heapSlopeMbPerHour})`);
  }
  const maxSeen = Math.max(...result.samples.map((s) => s.sockets));
  check(maxSeen <= maxSockets, `open sockets at most ${maxSeen} (allowed ${maxSockets}); ${end.sockets} at the end`);
  check(result.converged, `the store equals a fresh list after the churn stopped (${result.difference})`);
  if (result.recoveryMs !== null) {
    check(result.recoveryMs <= recoveryBudgetMs, `live again ${result.recoveryMs} ms after the API server came back (allowed ${recoveryBudgetMs})`);
  }
  return { ok, lines };
}
