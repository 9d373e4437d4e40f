// A bare pod: nothing re-creates it but us. The order is the safety:
//   backup on disk -> journal -> server dry run -> journal -> delete (uid precondition) -> gone
//   -> create -> scheduled.
// Nothing is deleted before the backup and the journal entry are fsynced; once the delete is
// sent, Ctrl-C (or a hang-up) no longer stops anything until the pod exists again (or we said
// exactly how to restore it).
import { describeError } from '../errors.js';
import { KubeApiError, isTransient } from '../sources/kube/http.js';
import { retry } from '../lib/retry.js';
import { readManifestFile, restoreHint, writeBackup, type Backup } from './backup.js';
import { controllerRef, createPod, deleteBackedUpPod, getPod, landedOf } from './kube-pods.js';
import { waitForGone, waitForScheduled } from './pod-waits.js';
import { judgeLanding } from './landing.js';
import { manifestSourceNote } from '../view-model/words/reschedule.js';
import { recreateManifest } from './manifest-source.js';
import { livePlannedPod, resultOf, type PodRun } from './pod-run.js';
import { previewAdmission, type Admission } from './server-dry-run.js';
import { PROFILE_LABEL, FARGATE_SCHEDULER } from '../domain/types.js';
import type { RescheduleResult } from './types.js';
import { WaitAborted, WaitTimeout, formatMs, type Obj } from './watch-until.js';

const CREATE_ATTEMPTS = 3;

export async function recreateBarePod(run: PodRun): Promise<RescheduleResult> {
  const { kc, step, journal } = run;
  const { namespace, name, uid } = step.pod;
  const pod = step.key;
  const fail = (message: string, extra = {}) => resultOf(step, 'failed', message, extra);

  const planned = await livePlannedPod(run);
  if ('failed' in planned) return planned.failed;
  const { live } = planned;
  const ref = controllerRef(live);
  if (ref) return fail(`it is now controlled by ${String(ref.kind)} ${String(ref.name)}: not re-created`);

  // 1) the manifest: the pod as it runs now (or its last-applied, if asked), 2) on disk.
  const chosen = recreateManifest(live, run.from);
  const { manifest } = chosen;
  const note = manifestSourceNote(chosen, run.from);
  let backup: Backup;
  try {
    backup = writeBackup({
      dir: run.backupDir,
      context: run.context,
      manifest,
      uid,
      notes: [`re-created from: ${chosen.source === 'live' ? 'the live pod' : 'its last-applied-configuration'}`, ...(note ? [note] : [])],
    });
    journal.append({ event: 'backup-written', pod, namespace, name, uid, file: backup.file });
  } catch (error) {
    return fail(`${describeError(error)}: nothing was deleted`);
  }
  run.emit('backup', `saved to ${backup.file}`);
  const saved = { backupFile: backup.file };

  // 3) the API server (and its admission webhooks) must accept it before anything is deleted.
  try {
    const admitted = await previewAdmission(kc, manifest);
    run.emit('dry-run', `the API server accepts the manifest (dry run)${admittedText(admitted)}`);
  } catch (error) {
    return fail(`the API server would not accept the re-created pod: ${describeError(error)}; nothing was deleted`, saved);
  }

  if (run.signal.aborted) return resultOf(step, 'interrupted', 'interrupted before the delete: nothing was changed', saved);

  // 4) delete, only this very pod, with its own grace period; the journal says so first.
  const grace = typeof live.spec?.terminationGracePeriodSeconds === 'number' ? live.spec.terminationGracePeriodSeconds : 30;
  try {
    journal.append({ event: 'deleting', pod, uid });
  } catch (error) {
    return fail(`${describeError(error)}: nothing was deleted`, saved);
  }
  run.emit('delete', `deleting it (grace period ${grace}s)`);
  let deleteError: unknown = null;
  try {
    await deleteBackedUpPod(kc, live, backup);
  } catch (error) {
    deleteError = error;
    const status = error instanceof KubeApiError ? error.status : -1;
    if (status === 409) return fail('the pod changed just before the delete (uid precondition failed): nothing was deleted', saved);
    if (status !== 404) {
      // Did the delete happen? Only carry on if the pod is going or gone.
      const now = await getPod(kc, namespace, name).catch(() => undefined);
      if (now && now.metadata?.uid === uid && !now.metadata?.deletionTimestamp) {
        return fail(`could not delete it: ${describeError(error)}; nothing was changed`, saved);
      }
    }
  }

  // From here on the pod may be gone: every way out re-creates it or says how to.
  const hint = restoreHint(backup.file, run.context);
  try {
    // A long grace period must not make us give up on a pod that is simply still stopping.
    run.emit('wait-gone', 'waiting until it is gone');
    const goneTimeout = Math.max(run.timeoutMs, grace * 1000 + 30_000);
    if (await stillUndeleted(run)) {
      const answer = deleteError === null ? 'the API server answered the delete' : `the delete failed (${describeError(deleteError)})`;
      return fail(`${answer}, but the pod is not being deleted (it still runs); nothing was changed`, saved);
    }
    try {
      await waitForGone(kc, step.pod, { timeoutMs: goneTimeout });
    } catch (error) {
      if (!(error instanceof WaitTimeout)) throw error;
      const now = await getPod(kc, namespace, name).catch(() => undefined);
      if (now && now.metadata?.uid === uid && !now.metadata?.deletionTimestamp) {
        return fail(`it was not deleted: the pod still runs, not terminating, after ${formatMs(goneTimeout)}; nothing was changed`, saved);
      }
      if (now === undefined || (now && now.metadata?.uid === uid)) {
        return fail(`the delete was accepted, but ${error.message}; once it is gone, ${hint}`, { ...saved, restoreHint: hint });
      }
      // Gone (or already replaced by someone): carry on to the create.
    }
    journal.note({ event: 'deleted', pod, uid });

    // 5) create, from the file on disk: what we restore is what the backup holds.
    journal.note({ event: 'creating', pod });
    run.emit('create', `re-creating it from ${backup.file}`);
    const created = await createWithRetries(run, backup);
    if ('existing' in created) {
      // Another run (or a person) re-created it between our delete and our create: the pod
      // exists, so a restore would only fail. Say what is there instead.
      journal.note({ event: 'restored', pod, uid: String(created.existing.metadata?.uid), note: 'someone else re-created it' });
      return fail(`deleted, but someone else re-created it meanwhile (a pod ${pod} with uid ${String(created.existing.metadata?.uid)} exists now): nothing to restore; check that it is the pod you want`, saved);
    }
    if ('error' in created) {
      return fail(`deleted, but re-creating it failed: ${created.error}; ${hint}`, { ...saved, restoreHint: hint });
    }
    journal.note({ event: 'created', pod, uid: String(created.pod.metadata?.uid) });

    // 6) where did it land?
    const newRef = { namespace, name, uid: String(created.pod.metadata?.uid) };
    if (run.signal.aborted) return resultOf(step, 'interrupted', 're-created; stopped before it was scheduled (interrupted)', saved);
    run.emit('wait-scheduled', 'created; waiting until it is scheduled and Ready');
    let settled;
    try {
      settled = await waitForScheduled(kc, newRef, { timeoutMs: run.timeoutMs, signal: run.signal });
    } catch (error) {
      if (error instanceof WaitAborted) return resultOf(step, 'interrupted', 're-created; stopped waiting for it to be scheduled (interrupted)', saved);
      if (error instanceof WaitTimeout) {
        const now = await getPod(kc, namespace, name).catch(() => null);
        const landed = now ? await landedOf(kc, now) : null;
        return fail(`re-created, but ${error.message}`, { ...saved, landed });
      }
      throw error;
    }
    const landed = await landedOf(kc, settled.pod);
    const problem = settled.kind === 'unschedulable' || settled.kind === 'failed' ? settled.message : null;
    const verdict = judgeLanding(step, landed, problem);
    const ok = (settled.kind === 'ready' || settled.kind === 'completed') && verdict.asExpected;
    if (ok) journal.note({ event: 'verified', pod });
    const text = settled.kind === 'failed' ? `${verdict.text}; ${settled.message}` : verdict.text;
    return resultOf(step, ok ? 'succeeded' : 'failed', `re-created: ${text}`, { ...saved, landed });
  } catch (error) {
    // Unexpected: say where the pod stands and how to bring it back.
    const exists = await getPod(kc, namespace, name).catch(() => undefined);
    const where = exists ? 'it exists again' : exists === null ? `it is deleted; ${hint}` : `it may be deleted; if it is, ${hint}`;
    return fail(`${describeError(error)}; ${where}`, { ...saved, ...(exists ? {} : { restoreHint: hint }) });
  }
}

/**
 * Right after the delete was answered: a pod the API server really deletes is marked
 * (deletionTimestamp) or gone at once. Still the same pod, unmarked: the delete did not take
 * effect (a proxy or webhook swallowed it), and waiting for it to go would only time out.
 */
async function stillUndeleted(run: PodRun): Promise<boolean> {
  const now = await getPod(run.kc, run.step.pod.namespace, run.step.pod.name).catch(() => undefined);
  return Boolean(now && now.metadata?.uid === run.step.pod.uid && !now.metadata?.deletionTimestamp);
}

/** The delete may have happened: retry the create from the backup a few times before giving up. */
async function createWithRetries(run: PodRun, backup: Backup): Promise<{ pod: Obj } | { existing: Obj } | { error: string }> {
  let manifest: Obj;
  try {
    manifest = readManifestFile(backup.file);
  } catch {
    manifest = backup.manifest; // the file is gone or damaged: the copy in memory is the same manifest
  }
  try {
    return await retry(
      async (): Promise<{ pod: Obj } | { existing: Obj }> => {
        try {
          return { pod: await createPod(run.kc, manifest) };
        } catch (error) {
          // A pod of that name exists: someone re-created it. None: the old one was still going.
          const now = error instanceof KubeApiError && error.status === 409 ? await getPod(run.kc, run.step.pod.namespace, run.step.pod.name).catch(() => null) : null;
          if (now) return { existing: now };
          throw error;
        }
      },
      {
        attempts: CREATE_ATTEMPTS,
        isTransient: (error) => isTransient(error, { conflict: true }),
        delayMs: (retry) => 1000 * retry,
        onRetry: (error, _retry, pause) => run.emit('create', `the create failed (${describeError(error)}); re-creating from the backup again in ${formatMs(pause)}`),
        // No signal: these pauses are inside the window Ctrl-C must not cut.
      },
    );
  } catch (error) {
    return { error: describeError(error) };
  }
}

/** What EKS's Fargate webhook decided in the dry run, when it ran there. */
function admittedText(admitted: Admission): string {
  if (!admitted.fargate) return '';
  return admitted.profile ? `; EKS admits it to Fargate under ${admitted.profile}` : '; EKS admits it to Fargate';
}
