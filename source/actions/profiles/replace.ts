// `profile replace OLD --name NEW`: profiles are immutable, so a change is create NEW, move OLD's
// pods onto it, delete OLD. Each step is read from the cluster as it is now (a step already done
// is skipped) and journalled before it is taken, so a replace interrupted anywhere continues
// where it stopped when run again.
//
// How the pods move depends on EKS's choice (the alphabetically first matching profile wins):
// - NEW sorts before OLD ('one-at-a-time'): once NEW is ACTIVE it wins for OLD's pods, so they
//   are rescheduled (reschedule.ts: PodDisruptionBudgets, one at a time, bare pods backed up),
//   and OLD is deleted once it runs nothing;
// - NEW sorts after OLD ('at-delete'): OLD keeps winning while it exists, so its pods can move
//   only when EKS stops them as OLD is deleted. Allowed only for bare pods (the face refuses it
//   for controller pods): each is backed up first and re-created from its backup once OLD is no
//   longer ACTIVE, when EKS places it under NEW.
import type { KubeConfig } from '@kubernetes/client-node';
import { byName } from '../../domain/choose.js';
import type { PodView } from '../../domain/pod-view.js';
import type { ProfileSpec } from '../../domain/profile-spec.js';
import { UserError } from '../../errors.js';
import { createRequest, type ProfileApi } from '../../sources/aws/eks-profile-api.js';
import { waitForProfile, whenIdle } from '../../sources/aws/profile-wait.js';
import { RunJournal } from '../journal.js';
import { getPod } from '../kube-pods.js';
import { waitForGone } from '../pod-waits.js';
import { planReschedule } from '../plan.js';
import { reschedule } from '../reschedule.js';
import type { RestoreResult } from '../restore.js';
import type { EventSink, RescheduleResult } from '../types.js';
import { backUpBarePods, restoreBackups, type BareBackup } from './bare-backups.js';
import { failureText, type ProfileWaitOptions } from './create.js';
import { busyText, profileEvent } from './events.js';
import { ReplaceJournal, type ReplaceEvent, type ReplaceStrategy } from './replace-journal.js';

/** One at a time when NEW wins EKS's choice while both exist; else the pods move as OLD is deleted. */
export const replaceStrategy = (old: string, name: string): ReplaceStrategy => (byName(name, old) < 0 ? 'one-at-a-time' : 'at-delete');

/** The pods a profile runs (or holds Pending): what moving off it, or deleting it, is about. */
export const podsUnderProfile = (pods: readonly PodView[], name: string): PodView[] =>
  pods.filter((v) => v.placement.currentProfile === name && v.placement.verdict !== 'completed' && !v.pod.deleting);

export interface ReplaceDeps extends ProfileWaitOptions {
  kc: KubeConfig;
  api: ProfileApi;
  /** The pods with their placements, read now (profiles included): what EKS would do now. */
  readPods(): Promise<readonly PodView[]>;
  backupDir: string;
  context: string;
  journalIndexDir?: string;
  /** Bounds each pod wait (timeoutMs bounds the EKS ones). */
  podTimeoutMs: number;
  /** Progress of each pod moved or restored. */
  onPodEvent?: EventSink;
  /** Called once each step is journalled, just before it is taken (tests stop the run here, as a kill would). */
  atStep?: (step: ReplaceEvent) => void;
}

export interface ReplaceOutcome {
  moved: RescheduleResult[];
  restored: RestoreResult[];
  journal: string;
}

export async function replaceProfile(start: { old: string; spec: ProfileSpec; strategy: ReplaceStrategy }, deps: ReplaceDeps): Promise<ReplaceOutcome> {
  const { api, kc } = deps;
  const { old } = start;
  const emit = (step: Parameters<typeof profileEvent>[0], message: string) => deps.onEvent?.(profileEvent(step, message));
  const journal = ReplaceJournal.find(deps.backupDir, deps.context, old) ?? ReplaceJournal.start(deps.backupDir, deps.context, start);
  const { spec, strategy } = journal.started;
  const name = spec.name;
  const step = (event: ReplaceEvent, extra: Record<string, unknown> = {}): void => {
    journal.append({ event, ...extra });
    deps.atStep?.(event);
  };
  emit('journal', `journal ${journal.file}`);
  deps.atStep?.('started');
  const outcome: ReplaceOutcome = { moved: [], restored: [], journal: journal.file };

  // 1) NEW exists and is ACTIVE.
  const existing = await api.describe(name);
  if (existing === null) {
    step('creating');
    emit('create', `creating Fargate profile ${name} (CreateFargateProfile)`);
    await whenIdle(api, () => api.create(createRequest(spec, api.cluster)), { ...deps, onBusy: (busy) => emit('busy', busyText(busy)) });
    step('created');
  }
  const active = await waitForProfile(api, name, 'active', { ...deps, onStatus: (status) => emit('status', `${name} is ${status ?? 'gone'}`) });
  if (active.state !== 'active') {
    throw new UserError(failureText((active as { described: Parameters<typeof failureText>[0] }).described), {
      hint: `delete it (\`kubectl fargate profile delete ${name}\`), fix what EKS names, then run the same replace again; ${old} was not touched`,
    });
  }
  if (!journal.has('active')) step('active');

  // A pod deleted by an interrupted run and not re-created yet comes back first (under NEW).
  const oldNow = await api.describe(old);
  if (strategy === 'one-at-a-time' || oldNow === null || oldNow.profile.status !== 'ACTIVE') {
    outcome.restored.push(...(await restoreLost(journal, deps, null)));
  }

  // 2) OLD's pods move, and 3) OLD is deleted.
  if (oldNow !== null && oldNow.profile.status === 'ACTIVE') {
    let runJournal: RunJournal | null = null;
    if (strategy === 'one-at-a-time') {
      step('moving');
      outcome.moved = await movePods(journal, deps, old, name);
      const left = podsUnderProfile(await deps.readPods(), old);
      if (left.length > 0) {
        throw new UserError(`profile ${old} still runs ${left.length} pod${left.length === 1 ? '' : 's'} (${left.map((v) => v.key).join(', ')}): it is not deleted`, {
          hint: 'see the results above; once they can move, run the same command again to continue',
        });
      }
      step('moved');
    } else {
      const under = podsUnderProfile(await deps.readPods(), old);
      const owned = under.filter((v) => v.pod.owner !== null);
      if (owned.length > 0) {
        throw new UserError(`profile ${old} now runs controller pods (${owned.map((v) => v.key).join(', ')}), which EKS would stop all at once when it is deleted: not deleting it`, {
          hint: `replace it by a profile whose name sorts before ${old}, so they move one at a time`,
        });
      }
      const bare = under.map((v) => v.pod);
      if (bare.length > 0) {
        runJournal = RunJournal.open({ root: deps.backupDir, context: deps.context, indexRoot: deps.journalIndexDir, pods: under.map((v) => v.key), kind: 'profile-replace', profile: old });
        const backups = await backUpBarePods(kc, bare, { backupDir: deps.backupDir, context: deps.context, journal: runJournal, reason: `Fargate profile ${old} is replaced by ${name}` }).catch((error: unknown) => {
          runJournal?.finish();
          throw error;
        });
        for (const b of backups) {
          journal.append({ event: 'backup', pod: b.pod, uid: b.uid, file: b.file });
          emit('backup', `${b.pod}: saved to ${b.file}`);
        }
        for (const b of backups) runJournal.append({ event: 'deleting', pod: b.pod, uid: b.uid });
      }
      step('backed-up');
    }
    step('deleting-old');
    emit('delete', `deleting Fargate profile ${old} (DeleteFargateProfile)`);
    try {
      await whenIdle(api, () => api.delete(old), { ...deps, onBusy: (busy) => emit('busy', busyText(busy)) });
    } finally {
      // Its pods are recorded in the replace journal too; a pod this run restores is noted there.
      runJournal?.finish();
    }
    step('old-deleting');
  }

  // 4) at-delete: OLD no longer counts, so the bare pods EKS stopped come back under NEW.
  if (strategy === 'at-delete' && !journal.has('restored')) {
    outcome.restored.push(...(await restoreLost(journal, deps, 'wait-gone')));
    step('restored');
  }

  // 5) OLD is gone.
  if (!journal.has('old-gone')) {
    const gone = await waitForProfile(api, old, 'gone', { ...deps, onStatus: (status) => emit('status', `${old} is ${status ?? 'gone'}`) });
    if (gone.state === 'delete-failed') throw new UserError(failureText(gone.described), { hint: `delete it again with \`kubectl fargate profile delete ${old}\`` });
    step('old-gone');
  }
  journal.finish();
  return outcome;
}

async function movePods(journal: ReplaceJournal, deps: ReplaceDeps, old: string, name: string): Promise<RescheduleResult[]> {
  const pods = podsUnderProfile(await deps.readPods(), old).filter((v) => v.placement.expectedProfile === name && v.placement.needsReschedule === true);
  if (pods.length === 0) return [];
  const steps = planReschedule(pods);
  return reschedule(deps.kc, steps, {
    backupDir: deps.backupDir,
    context: deps.context,
    ...(deps.journalIndexDir ? { journalIndexDir: deps.journalIndexDir } : {}),
    timeoutMs: deps.podTimeoutMs,
    ...(deps.signal ? { signal: deps.signal } : {}),
    onEvent: (event) => {
      // Its backup is recorded here too: a run killed between the delete and the create is
      // restored by the next run of the replace.
      if (event.step === 'backup') journal.append({ event: 'backup', pod: event.pod, file: event.message.replace(/^saved to /, '') });
      deps.onPodEvent?.(event);
    },
  });
}

/** Pods this replace backed up that do not exist now: re-created from their backups. */
async function restoreLost(journal: ReplaceJournal, deps: ReplaceDeps, waitGone: 'wait-gone' | null): Promise<RestoreResult[]> {
  const lost: BareBackup[] = [];
  for (const entry of journal.backups().values()) {
    const [namespace = '', podName = ''] = entry.pod!.split('/');
    if (waitGone && entry.uid) await waitForGone(deps.kc, { namespace, name: podName, uid: entry.uid }, { timeoutMs: deps.podTimeoutMs, ...(deps.signal ? { signal: deps.signal } : {}) });
    if ((await getPod(deps.kc, namespace, podName)) !== null) continue;
    lost.push({ pod: entry.pod!, namespace, name: podName, uid: entry.uid ?? '', file: entry.file! });
  }
  if (lost.length === 0) return [];
  deps.onEvent?.(profileEvent('restore', `re-creating ${lost.map((b) => b.pod).join(', ')} from ${lost.length === 1 ? 'its backup' : 'their backups'}`));
  return restoreBackups(deps.kc, lost, { journal: null, timeoutMs: deps.podTimeoutMs, ...(deps.signal ? { signal: deps.signal } : {}), ...(deps.onPodEvent ? { onEvent: deps.onPodEvent } : {}) });
}
