// Profile lifecycle side effects: CREATING -> ACTIVE, and deletion, which (after DELETING) stops
// the pods the profile launched (spec §2.4; PodDisruptionBudgets are not consulted, CR#996).
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

export function finishCreate(ctx: Ctx, name: string): void {
  ctx.clock.later(ctx.timing.profileCreateMs, () => {
    if (ctx.profiles.get(name)?.status === 'CREATING') ctx.profiles.setStatus(name, 'ACTIVE');
  });
}

export function finishDelete(ctx: Ctx, name: string): void {
  ctx.clock.later(ctx.timing.profileDeleteMs, () => {
    if (ctx.profiles.get(name)?.status !== 'DELETING') return;
    stopProfilePods(ctx, name);
    ctx.profiles.remove(name);
  });
}
