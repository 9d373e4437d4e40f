// What one pod's run needs (connection, options, its progress sink) and how its result is built.
import type { KubeConfig } from '@kubernetes/client-node';
import type { Landed, Outcome, ProgressStep, RescheduleResult, RescheduleStep } from './types.js';

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
