// Waiting on EKS, which has no watch for profiles: poll DescribeFargateProfile until a profile is
// ACTIVE (or CREATE_FAILED, with EKS's reason), or gone (or DELETE_FAILED); and send a write
// again once the profile EKS was busy with (one CREATING or DELETING per cluster) has settled.
import { sleep } from '../../lib/backoff.js';
import { UserError } from '../../errors.js';
import type { DescribedProfile, ProfileApi } from './eks-profile-api.js';
import { EksWriteError, type Busy } from './eks-write-errors.js';

export type WaitEnd =
  | { state: 'active'; described: DescribedProfile }
  | { state: 'create-failed'; described: DescribedProfile }
  | { state: 'gone' }
  | { state: 'delete-failed'; described: DescribedProfile }
  /** 'settled' only: no longer CREATING or DELETING. */
  | { state: 'settled'; described: DescribedProfile };

export interface WaitOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Delay before poll n (0-based); default 1 s growing to 10 s (EKS takes minutes). */
  pollMs?: (attempt: number) => number;
  /** Each status seen (null: gone), e.g. for a progress line. */
  onStatus?: (status: string | null) => void;
}

/** The user stopped the wait (Ctrl-C): nothing more is sent. */
export class ProfileWaitAborted extends UserError {
  constructor(what: string) {
    super(`stopped waiting for ${what} (interrupted)`);
    this.name = 'ProfileWaitAborted';
  }
}

export const defaultPoll = (attempt: number): number => Math.min(10_000, 1000 * 1.5 ** attempt);

/**
 * Poll until `name` is ACTIVE or CREATE_FAILED ('active'), gone or DELETE_FAILED ('gone'), or
 * anything but CREATING and DELETING ('settled').
 */
export async function waitForProfile(api: ProfileApi, name: string, target: 'active' | 'gone' | 'settled', options: WaitOptions): Promise<WaitEnd> {
  const signal = options.signal ?? new AbortController().signal;
  const poll = options.pollMs ?? defaultPoll;
  const deadline = Date.now() + options.timeoutMs;
  let last: string | null | undefined;
  for (let attempt = 0; ; attempt++) {
    if (signal.aborted) throw new ProfileWaitAborted(`profile ${name}`);
    const described = await api.describe(name, signal).catch((error: unknown) => {
      if (signal.aborted) throw new ProfileWaitAborted(`profile ${name}`);
      throw error;
    });
    const status = described?.profile.status ?? null;
    if (status !== last) options.onStatus?.(status);
    last = status;
    if (described === null) {
      if (target !== 'active') return { state: 'gone' };
      throw new UserError(`profile ${name} is gone: it was deleted while waiting for it to become ACTIVE`, { hint: 'check with `kubectl fargate profile list`' });
    }
    if (status === 'ACTIVE' && target === 'active') return { state: 'active', described };
    if (target === 'settled' && status !== 'CREATING' && status !== 'DELETING') return { state: 'settled', described };
    if (status === 'CREATE_FAILED') return { state: 'create-failed', described };
    if (status === 'DELETE_FAILED') return { state: 'delete-failed', described };
    if (status === 'ACTIVE' && target === 'gone') {
      throw new UserError(`profile ${name} is ACTIVE, not being deleted`, { hint: `delete it with \`kubectl fargate profile delete ${name}\`` });
    }
    const wait = poll(attempt);
    if (Date.now() + wait > deadline) {
      throw new UserError(`profile ${name} is still ${status} after ${Math.round(options.timeoutMs / 1000)}s`, { hint: 'EKS may still finish it: check with `kubectl fargate profile list`, or wait longer with --timeout' });
    }
    await sleep(wait, signal);
  }
}

/**
 * Send a write; while EKS answers that another profile is CREATING or DELETING (it changes one
 * at a time), say so, wait until that one has settled, and send it again.
 */
export async function whenIdle<T>(api: ProfileApi, send: () => Promise<T>, options: WaitOptions & { onBusy?: (busy: Busy) => void }): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof EksWriteError) || error.kind !== 'busy' || error.busy === null) throw error;
      options.onBusy?.(error.busy);
      const left = deadline - Date.now();
      if (left <= 0) throw error;
      const { profile, status } = error.busy;
      if (profile === null) {
        // The cluster itself is updating: no profile to follow, so wait a while and try again.
        await sleep(Math.min(left, (options.pollMs ?? defaultPoll)(3)), options.signal ?? new AbortController().signal);
      } else {
        await waitForProfile(api, profile, 'settled', { ...options, timeoutMs: left, onStatus: undefined });
      }
      if (options.signal?.aborted) throw new ProfileWaitAborted(`profile ${profile ?? 'the cluster update'}`);
    }
  }
}
