// When a rollout restart is done, read from the workload's status the way `kubectl rollout
// status` reads it. Pure.
import type { RestartKind } from '../domain/rollout.js';
import type { Obj } from './watch-until.js';

export interface RolloutProgress {
  done: boolean;
  /** "2/3 updated, 3 available": for progress lines and a timeout's message. */
  text: string;
}

const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

/**
 * A Deployment is rolled out when the controller saw the restart (observedGeneration >= the
 * generation the patch made), every replica is updated and available, and no old replica is left
 * (status.replicas counts old and new). A StatefulSet, when currentRevision caught up with
 * updateRevision and every replica is updated and Ready.
 */
export function rolloutProgress(kind: RestartKind, object: Obj, generation: number): RolloutProgress {
  const spec = object?.spec ?? {};
  const status = object?.status ?? {};
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
  const observed = num(status.observedGeneration) >= generation;
  const updated = num(status.updatedReplicas);
  // Until then the status is the one from before the restart.
  if (!observed) return { done: false, text: 'the controller has not seen the restart yet' };
  if (kind === 'Deployment') {
    const available = num(status.availableReplicas);
    const old = num(status.replicas) - updated;
    const done = observed && updated === replicas && available === replicas && old <= 0;
    return { done, text: `${updated}/${replicas} updated, ${available} available${old > 0 ? `, ${old} old` : ''}` };
  }
  const ready = num(status.readyReplicas);
  const revisions = status.currentRevision !== undefined && status.currentRevision === status.updateRevision;
  const done = observed && revisions && updated === replicas && ready === replicas;
  return { done, text: `${updated}/${replicas} updated, ${ready} ready` };
}
