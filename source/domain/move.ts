import type { RunsOn } from './types.js';

// Where a pod runs and how a reschedule moves it. The plan, the run's results and every face's
// words for them (view-model/words) are made of these.

/**
 * How a pod is moved: evicted (its controller re-creates it), re-created from a backup, replaced
 * by a rollout restart of its workload (every replica of it), or not at all.
 */
export type Method = 'evict' | 'recreate' | 'restart' | 'refuse';

/** Why pods are recycled: their placement drifted, or their Fargate kubelet blocks the next upgrade. */
export type Purpose = 'placement' | 'upgrade';

export interface Where {
  runsOn: RunsOn;
  /** The Fargate profile, when on (or admitted to) Fargate. */
  profile: string | null;
  node: string | null;
}

/** Where EKS would put a pod created now: Fargate under `profile`, or EC2. */
export interface Destination {
  runsOn: 'fargate' | 'ec2';
  profile: string | null;
}

/** How one pod of a run ended. */
export type Outcome = 'succeeded' | 'failed' | 'blocked' | 'refused' | 'interrupted';
