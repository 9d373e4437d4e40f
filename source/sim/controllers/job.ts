// Job controller: run pods until `completions` succeeded, at most `parallelism` at a time.
// Finished pods stay (on Fargate they keep their node — and their bill — until deleted).
import type { Ctx } from '../context.js';
import type { Obj } from '../kube/resources.js';
import { k8sTime } from '../time.js';
import { controllerOf, isReady, ownedPods, podFromTemplate, workQueue, writeStatus } from './queue.js';

const RID = 'jobs.batch';

export function installJobController(ctx: Ctx): void {
  const { store, clock } = ctx;
  const q = workQueue(ctx, (ns, name) => {
    const job = store.get(RID, ns, name);
    if (job === undefined || job.metadata.deletionTimestamp !== undefined || job.spec.suspend === true) return;
    const pods = ownedPods(ctx, job);
    const succeeded = pods.filter((p) => p.status?.phase === 'Succeeded').length;
    const failed = pods.filter((p) => p.status?.phase === 'Failed').length;
    const active = pods.filter((p) => p.metadata.deletionTimestamp === undefined && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
    const completions = Number(job.spec.completions ?? 1);
    const parallelism = Number(job.spec.parallelism ?? 1);
    const complete = succeeded >= completions;
    if (!complete) {
      const room = Math.min(parallelism, completions - succeeded) - active.length;
      for (let i = 0; i < room; i++) active.push(ctx.api.create('pods', podFromTemplate(job, { generateName: `${name}-` })));
    }
    const now = k8sTime(clock.now());
    const status: Obj = { ...job.status };
    status.startTime ??= now;
    status.active = active.length;
    status.ready = active.filter(isReady).length;
    status.terminating = 0;
    status.uncountedTerminatedPods = {};
    if (succeeded > 0) status.succeeded = succeeded;
    if (failed > 0) status.failed = failed;
    if (complete && status.completionTime === undefined) {
      status.completionTime = now;
      status.conditions = [
        { type: 'SuccessCriteriaMet', status: 'True', lastProbeTime: now, lastTransitionTime: now, reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' },
        { type: 'Complete', status: 'True', lastProbeTime: now, lastTransitionTime: now, reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' },
      ];
    }
    if (status.active === 0) delete status.active;
    writeStatus(ctx, RID, job, status);
  });

  store.subscribe((c) => {
    if (c.rid === RID && c.type !== 'DELETED') q.add(c.entry.ns, c.entry.name);
    else if (c.rid === 'pods') {
      const ref = controllerOf(c.obj);
      if (ref?.kind === 'Job') q.add(c.entry.ns, ref.name);
    }
  });
}
