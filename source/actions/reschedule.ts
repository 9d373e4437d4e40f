// Execute a plan, one pod at a time (so a Deployment never loses more than one replica to us),
// and a restarted workload as one step (its controller rolls it out; we wait for it), reporting
// each step as an event. `reschedule` is the plain promise; `startReschedule` returns a
// handle that keeps the event log, so a face can leave the progress view and come back.
import type { KubeConfig } from '@kubernetes/client-node';
import type { ManifestSource } from '../domain/recreate.js';
import { describeError } from '../errors.js';
import { evictControllerPod } from './evict-pod.js';
import { RunJournal } from './journal.js';
import { resultOf, type PodRun, type PodRunBase } from './pod-run.js';
import { recreateBarePod } from './recreate-pod.js';
import { restartWorkload } from './restart-workload.js';
import { serverDryRunPod } from './server-dry-run.js';
import type { EventSink, Outcome, ProgressStep, RescheduleEvent, RescheduleResult, RescheduleStep } from './types.js';

export interface RescheduleOptions {
  /** Root of the backups (defaultBackupDir() or --backup-dir). */
  backupDir: string;
  /** kubeconfig context name, for the backup path. */
  context: string;
  /** The default backup root, where the next start of the tool looks for unfinished journals. */
  journalIndexDir?: string;
  /** What bare pods are re-created from (default: the live pod). */
  from?: ManifestSource;
  /** Bounds each wait (gone, scheduled, replacement). */
  timeoutMs: number;
  /** How long to retry an eviction a PodDisruptionBudget refuses (default: the timeout, at most 30s). */
  pdbWaitMs?: number;
  /**
   * Ctrl-C. Stops before the next pod and cuts waits short, but never between a bare pod's
   * delete and its create: that pod is re-created first.
   */
  signal?: AbortSignal;
  onEvent?: EventSink;
  /** 'server': every write is sent with dryRun=All (nothing changes, nothing is waited for, no backup). */
  dryRun?: 'server';
  /**
   * Asked once before the first pod (e.g. the cluster check); if it throws, every pod is refused
   * with its message and nothing is sent.
   */
  beforeStart?: () => Promise<void>;
  /** Each pod's result, as soon as it is known (before its final event). */
  onResult?: (result: RescheduleResult) => void;
}

const FINAL_STEP: Record<Outcome, ProgressStep> = {
  succeeded: 'done',
  failed: 'failed',
  blocked: 'blocked',
  refused: 'refused',
  interrupted: 'interrupted',
};

export async function reschedule(kc: KubeConfig, steps: readonly RescheduleStep[], options: RescheduleOptions): Promise<RescheduleResult[]> {
  const signal = options.signal ?? new AbortController().signal;
  const results: RescheduleResult[] = [];
  let refusal: string | null = null;
  if (options.beforeStart) {
    try {
      await options.beforeStart();
    } catch (error) {
      refusal = describeError(error);
    }
  }
  // A server dry run changes nothing, so it keeps no journal.
  const serverDryRun = options.dryRun === 'server';
  const actionable = steps.filter((s) => s.method !== 'refuse');
  let journal: RunJournal | null = null;
  let journalError: string | null = null;
  if (actionable.length > 0 && refusal === null && !serverDryRun) {
    try {
      journal = RunJournal.open({ root: options.backupDir, context: options.context, indexRoot: options.journalIndexDir, pods: actionable.map((s) => s.key) });
    } catch (error) {
      journalError = describeError(error);
    }
  }
  // A restarted workload's planned pods are one step: the first of them runs it, the rest are done then.
  const settled = new Map<string, RescheduleResult>();
  const emitFor = (step: RescheduleStep, i: number) => (name: ProgressStep, message: string) =>
    options.onEvent?.({ pod: step.key, step: name, message, at: Date.now(), index: i + 1, total: steps.length });
  try {
    for (const [i, step] of steps.entries()) {
      const emit = emitFor(step, i);
      const already = settled.get(step.key);
      if (already !== undefined) {
        results.push(already);
        options.onResult?.(already);
        emit(FINAL_STEP[already.outcome], already.message);
        continue;
      }
      const base: PodRunBase = {
        kc,
        step,
        backupDir: options.backupDir,
        context: options.context,
        timeoutMs: options.timeoutMs,
        pdbWaitMs: options.pdbWaitMs ?? Math.min(options.timeoutMs, 30_000),
        signal,
        from: options.from ?? 'live',
        emit,
      };
      let result: RescheduleResult;
      if (step.method === 'refuse') result = resultOf(step, 'refused', step.reason);
      else if (refusal !== null) result = resultOf(step, 'refused', refusal);
      else if (signal.aborted) result = resultOf(step, 'interrupted', 'not started (interrupted)');
      else if (step.method === 'restart') {
        const group = steps.filter((s) => s.method === 'restart' && s.group === step.group);
        const all = await orFailedAll(group, () => {
          if (!serverDryRun && journal === null) return Promise.resolve(group.map((s) => resultOf(s, 'failed', `${journalError ?? 'no run journal'}: nothing was done`)));
          return restartWorkload({ kc, steps: group, timeoutMs: options.timeoutMs, signal, journal, emit, ...(serverDryRun ? { dryRun: 'server' as const } : {}) });
        });
        for (const [k, s] of group.entries()) {
          journal?.note({ event: 'ended', pod: s.key, outcome: all[k]!.outcome, leftDeleted: false });
          if (k > 0) settled.set(s.key, all[k]!);
        }
        result = all[0]!;
      } else if (serverDryRun) result = await orFailed(step, () => serverDryRunPod(base));
      else if (journal === null) result = resultOf(step, 'failed', `${journalError ?? 'no run journal'}: nothing was done`);
      else {
        const run: PodRun = { ...base, journal };
        result = await orFailed(step, () => (step.method === 'recreate' ? recreateBarePod(run) : evictControllerPod(run)));
        journal.note({ event: 'ended', pod: step.key, outcome: result.outcome, leftDeleted: result.restoreHint !== undefined });
      }
      results.push(result);
      options.onResult?.(result);
      emit(FINAL_STEP[result.outcome], result.message);
    }
  } finally {
    journal?.finish();
  }
  return results;
}

/** The same for a restarted workload's pods. */
async function orFailedAll(steps: readonly RescheduleStep[], flow: () => Promise<RescheduleResult[]>): Promise<RescheduleResult[]> {
  try {
    return await flow();
  } catch (error) {
    return steps.map((step) => resultOf(step, 'failed', describeError(error)));
  }
}

/** A failure before any change (the flows catch everything after a delete themselves). */
async function orFailed(step: RescheduleStep, flow: () => Promise<RescheduleResult>): Promise<RescheduleResult> {
  try {
    return await flow();
  } catch (error) {
    return resultOf(step, 'failed', describeError(error));
  }
}

/** A running reschedule: the event log so far, live updates, and its end. */
export interface RescheduleRun {
  readonly steps: readonly RescheduleStep[];
  /** Every event so far, oldest first. */
  readonly events: readonly RescheduleEvent[];
  /** Results of the pods finished so far, in plan order. */
  readonly results: readonly RescheduleResult[];
  readonly finished: boolean;
  /** Called for each new event; returns the unsubscribe function. */
  subscribe(listener: (event: RescheduleEvent) => void): () => void;
  /** Like Ctrl-C: finish (or undo) the pod in flight, start no other. */
  cancel(): void;
  readonly done: Promise<RescheduleResult[]>;
}

/** Runs started with startReschedule() and not yet finished: a hang-up finishes them before the exit. */
const inFlight = new Set<RescheduleRun>();

/**
 * Like Ctrl-C on every run in flight: each finishes (or re-creates) its pod in flight and starts
 * no other. Resolves once all are over. For hang-ups and signals, whatever face started the run.
 */
export async function finishRunsInFlight(): Promise<void> {
  const runs = [...inFlight];
  for (const run of runs) run.cancel();
  await Promise.all(runs.map((run) => run.done.catch(() => undefined)));
}

/** Start a reschedule that outlives whatever view started it (the TUI keeps the handle). */
export function startReschedule(kc: KubeConfig, steps: readonly RescheduleStep[], options: Omit<RescheduleOptions, 'onEvent' | 'onResult'>): RescheduleRun {
  const controller = new AbortController();
  if (options.signal) {
    if (options.signal.aborted) controller.abort();
    else options.signal.addEventListener('abort', () => controller.abort(), { once: true });
  }
  const events: RescheduleEvent[] = [];
  const results: RescheduleResult[] = [];
  const listeners = new Set<(event: RescheduleEvent) => void>();
  let finished = false;
  const done = reschedule(kc, steps, {
    ...options,
    signal: controller.signal,
    onResult: (result) => void results.push(result),
    onEvent: (event) => {
      events.push(event);
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch {
          // A face's rendering error must not stop the pod in flight.
        }
      }
    },
  }).then(
    (all) => {
      finished = true;
      inFlight.delete(handle);
      return all;
    },
    (error: unknown) => {
      finished = true;
      inFlight.delete(handle);
      throw error;
    },
  );
  const handle: RescheduleRun = {
    steps,
    events,
    get results() {
      return results;
    },
    get finished() {
      return finished;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    cancel: () => controller.abort(),
    done,
  };
  if (!finished) inFlight.add(handle);
  return handle;
}
