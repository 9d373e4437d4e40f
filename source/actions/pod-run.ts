// What one pod's run needs (connection, options, its progress sink) and how its result is built.
import type { KubeConfig } from '@kubernetes/client-node';
import type { ManifestSource } from '../domain/recreate.js';
import type { RunJournal } from './journal.js';
import { getPod } from './kube-pods.js';
import type { Landed, Outcome, ProgressStep, RescheduleResult, RescheduleStep } from './types.js';
import type { Obj } from './watch-until.js';

/** A pod's run without its journal (a server dry run keeps none). */
export type PodRunBase = Omit<PodRun, 'journal'>;

export interface PodRun {
  kc: KubeConfig;
  step: RescheduleStep;
  backupDir: string;
  /** kubeconfig context name (backups are kept per context). */
  context: string;
  timeoutMs: number;
  /** How long an eviction a PodDisruptionBudget refuses is retried. */
  pdbWaitMs: number;
  /** The user's stop (Ctrl-C). Never honoured between a bare pod's delete and its create. */
  signal: AbortSignal;
  /** What a bare pod is re-created from. */
  from: ManifestSource;
  /** Every step is written here before it is taken. */
  journal: RunJournal;
  emit(step: ProgressStep, message: string): void;
}

export function resultOf(
  step: RescheduleStep,
  outcome: Outcome,
  message: string,
  extra: { landed?: Landed | null; backupFile?: string; restoreHint?: string } = {},
): RescheduleResult {
  const result: RescheduleResult = {
    pod: step.key,
    namespace: step.pod.namespace,
    name: step.pod.name,
    method: step.method,
    outcome,
    from: step.from,
    to: step.to,
    landed: extra.landed ?? null,
    message,
  };
  if (extra.backupFile !== undefined) result.backupFile = extra.backupFile;
  if (extra.restoreHint !== undefined) result.restoreHint = extra.restoreHint;
  return result;
}

/**
 * Re-read the pod just before acting and make sure it is still the one planned: it may have
 * been deleted, replaced (new uid) or started terminating since the plan was shown.
 */
export async function livePlannedPod(run: PodRunBase): Promise<{ live: Obj } | { failed: RescheduleResult }> {
  const { kc, step } = run;
  const { namespace, name, uid } = step.pod;
  const failed = (message: string) => ({ failed: resultOf(step, 'failed', message) });
  const live = await getPod(kc, namespace, name);
  if (live === null) return failed('the pod no longer exists: nothing was done');
  if (live.metadata?.uid !== uid) return failed('the pod was replaced since the plan (new uid): nothing was done; plan again');
  if (live.metadata?.deletionTimestamp) return failed('the pod is already being deleted: nothing was done');
  return { live };
}
