// Profile lifecycle (spec §1.5, §2.4): CREATING -> ACTIVE (or CREATE_FAILED with a health issue
// when the pod execution role is not usable) after `timing.profileCreateMs`; DELETING stops the
// pods the profile launched at once (PodDisruptionBudgets are not consulted, CR#996) and the
// profile is gone after `timing.profileDeleteMs`. The 'eks-profiles' gate holds both transitions.
import { FARGATE_SCHEDULER, PROFILE_LABEL } from '../../domain/types.js';
import type { Ctx } from '../context.js';
import { ApiError } from '../kube/status.js';

/** Delete the running pods a profile launched; their controllers re-create them (re-matched). */
export function stopProfilePods(ctx: Ctx, profileName: string): number {
  let n = 0;
  for (const e of [...ctx.store.entries('pods')]) {
    if (e.labels?.[PROFILE_LABEL] !== profileName || e.fields['spec.schedulerName'] !== FARGATE_SCHEDULER) continue;
    if (e.fields['spec.nodeName'] === '' || e.deleting) continue;
    try {
      ctx.api.delete('pods', e.ns, e.name);
      n++;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    }
  }
  return n;
}

/** CREATING -> ACTIVE (or CREATE_FAILED) after `afterMs` (default: the timing's profileCreateMs). */
export function finishCreate(ctx: Ctx, name: string, afterMs = ctx.timing.profileCreateMs): void {
  ctx.clock.later(afterMs, () =>
    ctx.gates.run('eks-profiles', () => {
      const p = ctx.profiles.get(name);
      if (p?.status !== 'CREATING') return;
      const issue = ctx.roles.issue(p.podExecutionRoleArn);
      if (issue === undefined) {
        ctx.profiles.setStatus(name, 'ACTIVE');
        return;
      }
      p.health = { issues: [{ code: issue.code, message: issue.message, resourceIds: issue.resourceIds ?? [p.podExecutionRoleArn] }] };
      ctx.profiles.setStatus(name, 'CREATE_FAILED');
    }),
  );
}

export function beginDelete(ctx: Ctx, name: string): void {
  ctx.profiles.setStatus(name, 'DELETING');
  stopProfilePods(ctx, name);
  ctx.clock.later(ctx.timing.profileDeleteMs, () =>
    ctx.gates.run('eks-profiles', () => {
      if (ctx.profiles.get(name)?.status === 'DELETING') ctx.profiles.remove(name);
    }),
  );
}
