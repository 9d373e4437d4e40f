// `profile delete`: deleting a profile makes EKS stop every pod it launched, at once and without
// consulting PodDisruptionBudgets; controllers re-create theirs, bare pods are simply gone. So:
// every bare pod is backed up and journalled (as left deleted) BEFORE DeleteFargateProfile is
// sent; the journal stays open until they are restored, so the next start names them.
import type { KubeConfig } from '@kubernetes/client-node';
import type { DescribedProfile, ProfileApi } from '../../sources/aws/eks-profile-api.js';
import { waitForProfile, whenIdle, type WaitEnd } from '../../sources/aws/profile-wait.js';
import { RunJournal } from '../journal.js';
import type { PodRef } from '../types.js';
import { backUpBarePods, type BareBackup } from './bare-backups.js';
import type { ProfileWaitOptions } from './create.js';
import { busyText, profileEvent } from './events.js';

export interface DeleteInput {
  name: string;
  /** Bare pods the profile runs: EKS stops them and nothing re-creates them. */
  bare: readonly PodRef[];
  backupDir: string;
  context: string;
  /** The default backup root, where the next start looks for journals. */
  journalIndexDir?: string;
  wait: boolean;
}

export interface DeleteOutcome {
  deleted: DescribedProfile;
  backups: BareBackup[];
  /** Open while backed-up pods are left deleted: finish() it after restoring (or leave them for `restore --pending`). */
  journal: RunJournal | null;
  end: WaitEnd | null;
  /** The wait failed (timeout, interrupted): the profile is DELETING all the same, its pods stopped. */
  waitError?: unknown;
}

export async function deleteProfile(kc: KubeConfig, api: ProfileApi, input: DeleteInput, options: ProfileWaitOptions): Promise<DeleteOutcome> {
  const { name } = input;
  const emit = (step: Parameters<typeof profileEvent>[0], message: string) => options.onEvent?.(profileEvent(step, message));
  const journal =
    input.bare.length === 0
      ? null
      : RunJournal.open({ root: input.backupDir, context: input.context, indexRoot: input.journalIndexDir, pods: input.bare.map((p) => `${p.namespace}/${p.name}`), kind: 'profile-delete', profile: name });
  let backups: BareBackup[];
  try {
    backups = await backUpBarePods(kc, input.bare, { backupDir: input.backupDir, context: input.context, journal: journal!, reason: `Fargate profile ${name} is deleted` });
  } catch (error) {
    journal?.finish();
    throw error;
  }
  for (const b of backups) emit('backup', `${b.pod}: saved to ${b.file}`);
  // From here on EKS may stop them: the journal says so first.
  for (const b of backups) journal!.append({ event: 'deleting', pod: b.pod, uid: b.uid });
  emit('delete', `deleting Fargate profile ${name} (DeleteFargateProfile)`);
  let deleted: DescribedProfile;
  try {
    deleted = await whenIdle(api, () => api.delete(name), { ...options, onBusy: (busy) => emit('busy', busyText(busy)) });
  } catch (error) {
    // Not deleted: EKS stopped nothing.
    for (const b of backups) journal!.note({ event: 'ended', pod: b.pod, outcome: 'failed', leftDeleted: false });
    journal?.finish();
    throw error;
  }
  emit('status', `${name} is ${deleted.profile.status}: EKS stops the pods it launched`);
  if (!input.wait) return { deleted, backups, journal, end: null };
  try {
    const end = await waitForProfile(api, name, 'gone', { ...options, onStatus: (status) => emit('status', `${name} is ${status ?? 'gone'}`) });
    return { deleted, backups, journal, end };
  } catch (waitError) {
    return { deleted, backups, journal, end: null, waitError };
  }
}
