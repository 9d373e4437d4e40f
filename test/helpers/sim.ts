// Starting the simulated cluster for a test and pointing the real clients at it: client-node
// through the sim's kubeconfig, the AWS SDK's default chain through the process environment.
import { after, afterEach, before } from 'node:test';
import assert from 'node:assert/strict';
import { KubeConfig } from '@kubernetes/client-node';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startSim, type RunningSim, type SimOptions, type Timing } from '../../source/sim/index.js';
import type { ClusterIdentity } from '../../source/store/snapshot.js';
import { builtCliCopy, runCli, simEnv, type CliResult } from './cli.js';
import { tempDir } from './files.js';
import { clusterIdentity } from './records.js';

/** Timings that keep the sim's schedulers, kubelets and controllers quick but still asynchronous. */
export const FAST: Partial<Timing> = {
  fargateScheduleMs: 20,
  ec2ScheduleMs: 5,
  containerStartMs: 10,
  graceMsPerSecond: 2,
  maxGraceMs: 150,
  jobRunMs: 40,
  profileCreateMs: 60,
  profileDeleteMs: 60,
  clusterUpdateMs: 60,
  controllerMs: 2,
};

/** FAST, with grace periods long enough that "between a pod's delete and its create" is a window a signal can hit. */
export const SIGNAL_WINDOW: Partial<Timing> = { ...FAST, graceMsPerSecond: 40, maxGraceMs: 1200 };

/** startSim with FAST timings (a test's own timings win). */
export function fastSim(opts: SimOptions = {}): Promise<RunningSim> {
  return startSim({ ...opts, timing: { ...FAST, ...opts.timing } });
}

export function kubeConfigFrom(path: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(path);
  return kc;
}

/** The identity the CLI infers for the sim's context (cluster, region and account from its ARN). */
export function simIdentity(sim: RunningSim): ClusterIdentity {
  return clusterIdentity({ context: sim.contextName, clusterName: sim.clusterName, region: sim.region, accountId: sim.accountId });
}

/**
 * Point the AWS SDK's default chain (in this process) at the sim: its endpoint and dummy keys, no
 * other AWS_* variable and no ~/.aws files. Returns the function that puts process.env back.
 */
export function pointAwsSdkAt(sim: RunningSim): () => void {
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
  Object.assign(process.env, sim.env, { AWS_CONFIG_FILE: '/nonexistent/aws-config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials' });
  return () => {
    process.env = saved;
  };
}

export interface FileSim {
  readonly sim: RunningSim;
  readonly identity: ClusterIdentity;
  readonly kc: KubeConfig;
}

export interface SimWithClients extends FileSim {
  /** Puts process.env back and closes the sim. */
  close(): Promise<void>;
}

/** A sim with the real clients pointed at it: client-node through its kubeconfig, the AWS SDK through process.env. */
export async function startSimWithClients(opts: SimOptions = {}): Promise<SimWithClients> {
  const sim = await startSim(opts);
  const restoreEnv = pointAwsSdkAt(sim);
  return {
    sim,
    identity: simIdentity(sim),
    kc: kubeConfigFrom(sim.kubeconfigPath),
    close: async () => {
      restoreEnv();
      await sim.close();
    },
  };
}

/** The action tests' sim: FAST timings over the walkthrough, unless opts say otherwise. */
export const actionSimOptions = (opts: SimOptions = {}): SimOptions => ({ scenario: 'walkthrough', ...opts, timing: { ...FAST, ...opts.timing } });

/**
 * What a whole test file shares: started in a `before` hook, stopped in an `after` hook (registered
 * where this is called, so they run in the file's own order). The getter says so if a test reads
 * it before the start.
 */
function forFile<T>(start: () => Promise<T>, stop: (running: T) => Promise<void>): () => T {
  let running: T | null = null;
  before(async () => {
    running = await start();
  });
  after(async () => {
    if (running === null) return;
    const was = running;
    running = null;
    await stop(was);
  });
  return () => {
    if (running === null) throw new Error('the sim of this file is not running: read it inside a test or hook');
    return running;
  };
}

/**
 * One sim for the whole test file, with the AWS SDK pointed at it: call at the top of the file,
 * read `.sim`/`.identity`/`.kc` inside tests.
 */
export function simForFile(opts: SimOptions = {}): FileSim {
  const get = forFile(
    () => startSimWithClients(opts),
    (running) => running.close(),
  );
  return {
    get sim() {
      return get().sim;
    },
    get identity() {
      return get().identity;
    },
    get kc() {
      return get().kc;
    },
  };
}

/**
 * The action tests' sim for a whole file (actionSimOptions). After each test, the faults it injected are cleared and a Fargate scheduler
 * it paused is resumed, and the sim must have had no internal error.
 */
export function actionSimForFile(opts: SimOptions = {}): FileSim {
  const s = simForFile(actionSimOptions(opts));
  afterEach(() => {
    s.sim.faults.reset();
    s.sim.cluster.resume('fargate-scheduler');
    assert.deepEqual(s.sim.cluster.errors.map(String), [], 'the sim had no internal errors');
  });
  return s;
}

export interface CliFileSim {
  readonly sim: RunningSim;
  /** This file's private copy of the built CLI (builtCliCopy: a build meanwhile cannot pull it away). */
  readonly cli: string;
  /** The file's state directory (XDG_STATE_HOME: backups, journals). */
  readonly state: string;
  /** The environment of the CLI and kubectl: the sim's, the file's own state directory, no colour. */
  env(): NodeJS.ProcessEnv;
  /** Run the built CLI with these arguments. */
  run(...args: string[]): Promise<CliResult>;
  /** The same, with the sim's request log cleared first: afterwards it holds only what this run sent. */
  runLogged(...args: string[]): Promise<CliResult>;
  /** The real kubectl against the sim (async: the sim answers from this process). */
  kubectl(...args: string[]): Promise<{ stdout: string; stderr: string }>;
}

/**
 * The built CLI against one sim for the whole test file: call at the top of the file, read
 * `.sim`/`.cli` inside tests. Backups and journals go to a state directory under `statePrefix`.
 */
export function cliSimForFile(opts: SimOptions, statePrefix: string): CliFileSim {
  const get = forFile(
    async () => {
      const { cli, remove } = await builtCliCopy();
      try {
        return { sim: await startSim(opts), cli, state: tempDir(statePrefix), removeCli: remove };
      } catch (error) {
        remove();
        throw error;
      }
    },
    async (running) => {
      await running.sim.close();
      running.removeCli();
    },
  );
  const env = () => simEnv(get().sim, { XDG_STATE_HOME: get().state, NO_COLOR: '1' });
  return {
    get sim() {
      return get().sim;
    },
    get cli() {
      return get().cli;
    },
    get state() {
      return get().state;
    },
    env,
    run: (...args) => runCli(args, env(), { cli: get().cli }),
    runLogged: (...args) => {
      get().sim.requests.clear();
      return runCli(args, env(), { cli: get().cli });
    },
    kubectl: (...args) => promisify(execFile)('kubectl', args, { env: env(), timeout: 30_000 }),
  };
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

/** A pod manifest as a user writes it: one nginx container `app`, no requests, nothing else unless given. */
export function podManifest(
  ns: string,
  name: string,
  extra: { labels?: Record<string, string>; annotations?: Record<string, string>; spec?: Json; container?: Json } = {},
): Json {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, ...(extra.labels ? { labels: extra.labels } : {}), ...(extra.annotations ? { annotations: extra.annotations } : {}) },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27', ...extra.container }], ...extra.spec },
  };
}
