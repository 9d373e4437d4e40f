// Job controller (batch/v1, NonIndexed): keep up to `parallelism` pods running until
// `completions` of them succeeded. A pod deleted or evicted before it succeeded counts as failed
// (the real controller tracks pods with a finalizer, so none goes uncounted) and is replaced at
// once (podReplacementPolicy TerminatingOrFailed, the default); more than `backoffLimit`
// failures fail the Job. A finished Job makes no more pods. Finished pods stay (on Fargate they
// keep their node, and its bill, until deleted). How long a pod runs: scheduler/job-run-time.ts.
import type { Ctx } from '../context.js';
import type { Obj } from '../kube/resources.js';
import { k8sTime } from '../time.js';
import { controllerOf, isActive, isReady, ownedPods, podFromTemplate, workQueue, writeStatus } from './queue.js';

const RID = 'jobs.batch';

/** The pods a Job has seen finish, by uid (a pod that is gone still counts). */
interface Tally {
  succeeded: Set<string>;
  failed: Set<string>;
}

const hasCondition = (job: Obj, type: string): boolean => (job.status?.conditions ?? []).some((c: Obj) => c.type === type && c.status === 'True');
export const jobFinished = (job: Obj): boolean => hasCondition(job, 'Complete') || hasCondition(job, 'Failed');

function conditions(now: string, types: string[], reason: string, message: string): Obj[] {
  return types.map((type) => ({ type, status: 'True', lastProbeTime: now, lastTransitionTime: now, reason, message }));
}

export function installJobController(ctx: Ctx): void {
  const { store, clock } = ctx;
  const tallies = new Map<string, Tally>();
  const tallyOf = (jobUid: string): Tally => {
    let t = tallies.get(jobUid);
    if (t === undefined) tallies.set(jobUid, (t = { succeeded: new Set(), failed: new Set() }));
    return t;
  };
  const count = (pod: Obj, gone: boolean): void => {
    const ref = controllerOf(pod);
    if (ref?.kind !== 'Job') return;
    const t = tallyOf(String(ref.uid));
    const uid = String(pod.metadata.uid);
    if (pod.status?.phase === 'Succeeded') t.succeeded.add(uid);
    else if (gone || pod.status?.phase === 'Failed' || pod.metadata.deletionTimestamp !== undefined) t.failed.add(uid);
  };

  const q = workQueue(ctx, (ns, name) => {
    const job = store.get(RID, ns, name);
    if (job === undefined || job.metadata.deletionTimestamp !== undefined || job.spec.suspend === true || jobFinished(job)) return;
    const pods = ownedPods(ctx, job);
    for (const p of pods) count(p, false);
    const t = tallyOf(String(job.metadata.uid));
    const succeeded = t.succeeded.size;
    const failed = t.failed.size;
    const active = pods.filter(isActive);
    const completions = Number(job.spec.completions ?? 1);
    const parallelism = Number(job.spec.parallelism ?? 1);
    const backoffLimit = Number(job.spec.backoffLimit ?? 6);
    const now = k8sTime(clock.now());
    const status: Obj = { ...job.status };
    status.startTime ??= now;
    if (succeeded >= completions) {
      status.completionTime = now;
      status.conditions = conditions(now, ['SuccessCriteriaMet', 'Complete'], 'CompletionsReached', 'Reached expected number of succeeded pods');
    } else if (failed > backoffLimit) {
      status.conditions = conditions(now, ['FailureTarget', 'Failed'], 'BackoffLimitExceeded', 'Job has reached the specified backoff limit');
      for (const p of active) ctx.api.delete('pods', ns, String(p.metadata.name));
      active.length = 0;
    } else {
      const room = Math.min(parallelism, completions - succeeded) - active.length;
      for (let i = 0; i < room; i++) active.push(ctx.api.create('pods', podFromTemplate(job, { generateName: `${name}-` })));
    }
    status.active = active.length;
    status.ready = active.filter(isReady).length;
    status.terminating = pods.filter((p) => p.metadata.deletionTimestamp !== undefined && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').length;
    status.uncountedTerminatedPods = {};
    if (succeeded > 0) status.succeeded = succeeded;
    if (failed > 0) status.failed = failed;
    if (status.active === 0) delete status.active;
    writeStatus(ctx, RID, job, status);
  });

  store.subscribe((c) => {
    if (c.rid === RID) {
      if (c.type === 'DELETED') tallies.delete(c.entry.uid);
      else q.add(c.entry.ns, c.entry.name);
    } else if (c.rid === 'pods') {
      const ref = controllerOf(c.obj);
      if (ref?.kind !== 'Job') return;
      count(c.obj, c.type === 'DELETED');
      q.add(c.entry.ns, ref.name);
    }
  });
}
