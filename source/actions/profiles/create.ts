// `profile create`: send CreateFargateProfile (waiting, and saying so, while EKS is busy with
// another profile), then optionally poll until it is ACTIVE or CREATE_FAILED.
import type { CreateRequest, DescribedProfile, ProfileApi } from '../../sources/aws/eks-profile-api.js';
import { waitForProfile, whenIdle, type WaitEnd } from '../../sources/aws/profile-wait.js';
import { busyText, profileEvent, type ProfileEventSink } from './events.js';

export interface ProfileWaitOptions {
  /** Bounds each wait (EKS busy, ACTIVE, gone). */
  timeoutMs: number;
  signal?: AbortSignal;
  pollMs?: (attempt: number) => number;
  onEvent?: ProfileEventSink;
}

export interface CreateOutcome {
  /** As CreateFargateProfile answered (CREATING). */
  created: DescribedProfile;
  /** With `wait`: how the wait ended (ACTIVE, or CREATE_FAILED with EKS's reason). */
  end: WaitEnd | null;
}

export async function createProfile(api: ProfileApi, request: CreateRequest, options: ProfileWaitOptions & { wait: boolean }): Promise<CreateOutcome> {
  const name = request.fargateProfileName;
  const emit = (step: Parameters<typeof profileEvent>[0], message: string) => options.onEvent?.(profileEvent(step, message));
  emit('create', `creating Fargate profile ${name} (CreateFargateProfile)`);
  const created = await whenIdle(api, () => api.create(request), { ...options, onBusy: (busy) => emit('busy', busyText(busy)) });
  emit('status', `${name} is ${created.profile.status}`);
  if (!options.wait) return { created, end: null };
  const end = await waitForProfile(api, name, 'active', { ...options, onStatus: (status) => status !== created.profile.status && emit('status', `${name} is ${status ?? 'gone'}`) });
  return { created, end };
}

/** EKS's reason for a CREATE_FAILED (its health issues), as one line. */
export function failureText(described: DescribedProfile): string {
  const issues = described.issues.length > 0 ? described.issues.join('; ') : 'EKS gave no reason (no health issues)';
  return `profile ${described.profile.name} is ${described.profile.status}: ${issues}`;
}
