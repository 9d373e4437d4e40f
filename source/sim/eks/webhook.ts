// The Fargate mutating webhook (0500-amazon-eks-fargate-mutation): on pod CREATE only, a pod that
// an ACTIVE profile selects gets schedulerName fargate-scheduler, the profile label and the
// system-node-critical priority (spec §2.1). Pods annotated compute-type=ec2 are left alone, and
// so are DaemonSet pods (reported, not confirmed, to be skipped; Fargate cannot run them anyway)
// and pods that ask for some other custom scheduler.
import { COMPUTE_TYPE, FARGATE_SCHEDULER, PROFILE_LABEL } from '../../domain/types.js';
import type { Ctx } from '../context.js';
import type { Obj } from '../kube/resources.js';
import { pickProfile } from './match.js';
import type { SimProfile } from './profiles.js';

export const FARGATE_PRIORITY_CLASS = 'system-node-critical';
export const FARGATE_PRIORITY = 2000001000;

/**
 * The profile the webhook admits a pod under, or null when it leaves the pod alone. Pure: the
 * differential test calls it with generated pods and profiles.
 */
export function admissionProfile(pod: Obj, profiles: readonly Pick<SimProfile, 'name' | 'status' | 'selectors'>[]): string | null {
  const annotations = pod.metadata?.annotations ?? {};
  if (annotations[COMPUTE_TYPE] === 'ec2') return null;
  if ((pod.metadata?.ownerReferences ?? []).some((r: Obj) => r.kind === 'DaemonSet' && r.controller === true)) return null;
  const scheduler = pod.spec?.schedulerName;
  if (scheduler !== undefined && scheduler !== 'default-scheduler' && scheduler !== FARGATE_SCHEDULER) return null;
  return pickProfile({ namespace: String(pod.metadata?.namespace ?? 'default'), labels: pod.metadata?.labels ?? {} }, profiles);
}

export function mutateForFargate(ctx: Pick<Ctx, 'profiles'>, pod: Obj): string | null {
  const profile = admissionProfile(pod, ctx.profiles.list());
  if (profile === null) return null;
  pod.spec.schedulerName = FARGATE_SCHEDULER;
  pod.metadata.labels = { ...pod.metadata.labels, [PROFILE_LABEL]: profile };
  pod.spec.priorityClassName = FARGATE_PRIORITY_CLASS;
  pod.spec.priority = FARGATE_PRIORITY;
  return profile;
}

export function installFargateWebhook(ctx: Ctx): void {
  ctx.api.onCreate('pods', (pod) => {
    mutateForFargate(ctx, pod);
  });
}
