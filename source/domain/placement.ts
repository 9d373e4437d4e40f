// Where a pod runs, where EKS would put it if re-created now, and what to do about the
// difference (spec §2.1, §2.4). Pure.
import { fargateBlockers } from './blockers.js';
import { sharedChoice } from './choose.js';
import type { ProfileChoice } from './choose.js';
import { replacementSubject } from './replacement.js';
import { fargateSize, podRequirement } from './sizing.js';
import { isStaticPod, staticPodReason } from './static-pod.js';
import { checkClaimVolume } from './storage.js';
import { FARGATE_SCHEDULER, PROFILE_LABEL } from './types.js';
import type { Placement, PlacementContext, PodRecord, RunsOn, Verdict } from './types.js';

const COMPLETED_PHASES = new Set(['Succeeded', 'Failed']);

export function isCompleted(pod: Pick<PodRecord, 'phase'>): boolean {
  return COMPLETED_PHASES.has(pod.phase);
}

export function isFargateNode(nodeName: string, ctx: Pick<PlacementContext, 'nodes'>): boolean {
  return ctx.nodes.get(nodeName)?.fargate === true || nodeName.startsWith('fargate-');
}

export function runsOn(pod: Pick<PodRecord, 'nodeName'>, ctx: Pick<PlacementContext, 'nodes'>): RunsOn {
  if (pod.nodeName === null || pod.nodeName === '') return 'pending';
  return isFargateNode(pod.nodeName, ctx) ? 'fargate' : 'ec2';
}

function whereText(pod: PodRecord, on: RunsOn, current: string | null): string {
  if (on === 'fargate') return `runs on Fargate node ${pod.nodeName}` + (current === null ? '' : ` under profile ${current}`);
  if (on === 'ec2') return `runs on EC2 node ${pod.nodeName}`;
  return `not bound to a node yet (scheduler ${pod.schedulerName})`;
}

/** Sentence explaining why re-creating the pod would move it; null when it would not. */
function driftReason(pod: PodRecord, on: RunsOn, current: string | null, choice: Readonly<ProfileChoice>, ctx: PlacementContext): string | null {
  const expected = choice.expected;
  const onFargateScheduler = pod.schedulerName === FARGATE_SCHEDULER;
  if (on === 'ec2' && expected !== null) {
    const created = ctx.profiles.find((p) => p.name === expected)?.createdAt;
    if (created !== undefined && created > pod.createdAt) {
      return `created before profile ${expected} existed: running on EC2, would go to Fargate under ${expected} if re-created`;
    }
    return `running on EC2 although profile ${expected} selects it (its labels or the profile changed after it was created): would go to Fargate if re-created`;
  }
  if (on === 'fargate' && expected === null) {
    return `runs on Fargate${current === null ? '' : ` under ${current}`} but would go to EC2 if re-created`;
  }
  if (on === 'fargate' && current !== null && expected !== null && expected !== current) {
    return `runs on Fargate under ${current}, but EKS would now pick ${expected}: re-creating moves it to ${expected}`;
  }
  if (on === 'pending' && onFargateScheduler && expected === null) {
    return `Pending on ${FARGATE_SCHEDULER} but no profile would select it now: re-created, it would go to the default scheduler (EC2)`;
  }
  if (on === 'pending' && onFargateScheduler && current !== null && expected !== null && expected !== current) {
    return `Pending on ${FARGATE_SCHEDULER} under ${current}, but EKS would now pick ${expected}: re-creating moves it to ${expected}`;
  }
  if (on === 'pending' && !onFargateScheduler && expected !== null) {
    return `Pending on ${pod.schedulerName} although profile ${expected} selects it (created before the profile was effective): re-created, it would go to Fargate`;
  }
  return null;
}

export function placePod(pod: PodRecord, ctx: PlacementContext): Placement {
  const on = runsOn(pod, ctx);
  const onFargateScheduler = pod.schedulerName === FARGATE_SCHEDULER;
  const current = on === 'fargate' || onFargateScheduler ? (pod.labels[PROFILE_LABEL] ?? null) : null;
  const completed = isCompleted(pod);
  const isDaemonSet = pod.owner?.kind === 'DaemonSet';
  const isStatic = isStaticPod(pod);
  const requirement = podRequirement(pod);
  const blockers = fargateBlockers(pod, ctx, requirement);
  const size = fargateSize(pod, requirement, ctx.prices ?? null);
  const reasons: string[] = [whereText(pod, on, current)];

  // Re-creating never helps these, whatever the profiles say.
  let neverReschedule: string | null = null;
  if (completed) neverReschedule = `completed (${pod.phase}): nothing to reschedule`;
  else if (isDaemonSet) neverReschedule = `owned by DaemonSet ${pod.owner?.name}: Fargate profiles do not place DaemonSet pods`;
  else if (isStatic) neverReschedule = staticPodReason(pod);
  else if (pod.deleting) neverReschedule = 'being deleted';

  // What EKS would look at in the pod that re-creating makes (its controller's template, when
  // read). How the template compares is said only where a re-creation is in question.
  const replacement = replacementSubject(pod, ctx);
  if (neverReschedule === null) reasons.push(...replacement.reasons);
  const subject = replacement.fromTemplate ? { subject: replacement.subject } : {};

  if (!ctx.profilesKnown) {
    const choice = sharedChoice(replacement.subject, []);
    reasons.push('Fargate profiles are unknown (EKS could not be read): cannot tell where it would go if re-created');
    if (current !== null) reasons.push(`EKS admitted it under profile ${current}`);
    if (blockers.length > 0) reasons.push(`cannot run on Fargate: ${blockers.map((b) => b.message).join('; ')}`);
    if (neverReschedule !== null) reasons.push(neverReschedule);
    return {
      runsOn: on,
      currentProfile: current,
      expectedProfile: null,
      matchingProfiles: null,
      needsReschedule: neverReschedule !== null ? false : null,
      blockers,
      reasons,
      verdict: completed ? 'completed' : 'unknown',
      size,
      pinnedProfile: choice.pinned,
      ...subject,
    };
  }

  const choice = sharedChoice(replacement.subject, ctx.profiles);
  const expected = choice.expected;
  reasons.push(...choice.reasons);

  // Blockers matter when the pod is (or would be) headed for Fargate. DaemonSet pods are
  // placed on their node by the DaemonSet controller, so only count when Fargate has them;
  // static pods belong to their node's kubelet and never go anywhere else.
  const blockersRelevant =
    blockers.length > 0 &&
    !isStatic &&
    (isDaemonSet ? onFargateScheduler || on === 'fargate' : expected !== null || (onFargateScheduler && on === 'pending'));

  const drift = driftReason(pod, on, current, choice, ctx);
  let needsReschedule = false;
  if (neverReschedule !== null) {
    reasons.push(neverReschedule);
  } else if (drift !== null) {
    if (expected !== null && blockers.length > 0) {
      // It would go to Fargate again and fail there: re-creating would not help.
      reasons.push(drift, 'but re-creating would not help: it cannot run on Fargate');
    } else {
      needsReschedule = true;
      reasons.push(drift);
    }
  }
  if (blockersRelevant) reasons.push(`cannot run on Fargate: ${blockers.map((b) => b.message).join('; ')}`);
  else if (expected !== null && neverReschedule === null) reasons.push(...unknownVolumes(pod, ctx));

  let verdict: Verdict;
  if (completed) verdict = 'completed';
  else if (needsReschedule) verdict = 'reschedule';
  else if (blockersRelevant) verdict = 'blocked';
  else if (on === 'pending') verdict = 'pending';
  else verdict = 'ok';

  return {
    runsOn: on,
    currentProfile: current,
    expectedProfile: expected,
    matchingProfiles: [...choice.matching],
    needsReschedule,
    blockers,
    reasons,
    verdict,
    size,
    pinnedProfile: choice.pinned,
    ...subject,
  };
}

/** Claims headed for Fargate whose volume we cannot see: said, since re-creating may strand the pod. */
function unknownVolumes(pod: PodRecord, ctx: PlacementContext): string[] {
  const out: string[] = [];
  for (const volume of pod.volumes) {
    const unknown = volume.kind === 'persistentVolumeClaim' ? checkClaimVolume(volume, pod.namespace, ctx).unknown : null;
    if (unknown !== null) out.push(unknown);
  }
  return out;
}
