// A pod with a controller: the Eviction API deletes it only if its PodDisruptionBudget allows,
// and the controller creates the replacement. Never a plain delete, never forced: a budget that
// keeps refusing leaves the pod running and is reported as blocked.
import { describeError } from '../errors.js';
import { retry } from '../lib/retry.js';
import { isTransient } from '../sources/kube/http.js';
import { controllerRef, evictPod, landedOf, type EvictOutcome } from './kube-pods.js';
import { podsOfController, waitForReplacement } from './pod-waits.js';
import { judgeLanding } from './landing.js';
import { livePlannedPod, resultOf, type PodRun } from './pod-run.js';
import type { RescheduleResult } from './types.js';
import { WaitAborted, WaitTimeout, formatMs } from './watch-until.js';

export async function evictControllerPod(run: PodRun): Promise<RescheduleResult> {
  const { kc, step } = run;
  const { namespace, name } = step.pod;
  const fail = (message: string, extra = {}) => resultOf(step, 'failed', message, extra);

  const planned = await livePlannedPod(run);
  if ('failed' in planned) return planned.failed;
  const { live } = planned;
  const ref = controllerRef(live);
  // An owner that is not a controller would not re-create it: evicting would lose the pod.
  if (!ref) return fail('it has no controller (no ownerReference with controller: true) that would re-create it: not evicted');
  if (ref.kind === 'DaemonSet') return resultOf(step, 'refused', `owned by DaemonSet ${String(ref.name)}: not evicted`);
  const kind = `${String(ref.kind)} ${String(ref.name)}`;
  const before = await podsOfController(kc, live, String(ref.uid));

  if (run.signal.aborted) return resultOf(step, 'interrupted', 'interrupted before the eviction: nothing was changed');
  run.journal.note({ event: 'evicting', pod: step.key, uid: step.pod.uid });
  run.emit('evict', 'evicting it (the Eviction API: PodDisruptionBudgets apply)');
  const announced = new Set<string>();
  try {
    await retry(
      async () => {
        const outcome = await evictPod(kc, live);
        if (outcome.kind === 'refused') throw new Refused(outcome);
      },
      {
        // A budget may allow it a moment later (a replacement just became Ready), and the API
        // server may be away for a moment: try again until the budget wait is over.
        isTransient: (error) => error instanceof Refused || isTransient(error),
        attempts: Infinity,
        until: Date.now() + run.pdbWaitMs,
        delayMs: () => 1000,
        signal: run.signal,
        onRetry: (error) => {
          const what = error instanceof Refused ? error.message : `the eviction failed (${describeError(error)})`;
          if (announced.has(what)) return;
          announced.add(what);
          run.emit('evict', `${what}; retrying for up to ${formatMs(run.pdbWaitMs)}`);
        },
      },
    );
  } catch (error) {
    if (!(error instanceof Refused)) return fail(`the eviction failed: ${describeError(error)}; the pod was left running`);
    return error.pdb
      ? resultOf(step, 'blocked', `blocked: ${error.message}; the pod was left running`)
      : fail(`the eviction was refused: ${error.message}; the pod was left running`);
  }

  const sameName = ref.kind === 'StatefulSet';
  run.emit('wait-replacement', sameName ? `evicted; waiting for ${kind} to bring ${name} back Ready` : `evicted; waiting for ${kind} to start a Ready replacement`);
  let settled;
  try {
    settled = await waitForReplacement(kc, live, String(ref.uid), before, { timeoutMs: run.timeoutMs, signal: run.signal });
  } catch (error) {
    if (error instanceof WaitAborted) return resultOf(step, 'interrupted', `evicted; ${kind} re-creates it (stopped waiting: interrupted)`);
    if (error instanceof WaitTimeout) return fail(`evicted, but ${error.message}`);
    return fail(`evicted, but waiting for the replacement failed: ${describeError(error)}`);
  }
  const landed = await landedOf(kc, settled.pod);
  const problem = settled.kind === 'unschedulable' || settled.kind === 'failed' ? settled.message : null;
  const verdict = judgeLanding(step, landed, problem);
  const ok = (settled.kind === 'ready' || settled.kind === 'completed') && verdict.asExpected;
  const who = sameName ? `${name} is back` : `replacement ${landed.name}`;
  const text = settled.kind === 'failed' ? `${verdict.text}; ${settled.message}` : verdict.text;
  return resultOf(step, ok ? 'succeeded' : 'failed', `evicted; ${who} ${text}`, { landed });
}

/** An eviction the API server refused (429): by a PodDisruptionBudget, or not (pdb false). */
class Refused extends Error {
  readonly pdb: boolean;
  constructor(outcome: Extract<EvictOutcome, { kind: 'refused' }>) {
    super(outcome.message);
    this.pdb = outcome.pdb;
  }
}
