// Bare pods under a profile that is about to be deleted: EKS stops every pod the profile launched
// and nothing re-creates a bare one, so each is written to a backup (the reschedule's format) and
// journalled before the profile is deleted, and can be restored from it afterwards.
import type { KubeConfig } from '@kubernetes/client-node';
import { describeError } from '../../errors.js';
import { writeBackup } from '../backup.js';
import type { RunJournal } from '../journal.js';
import { getPod } from '../kube-pods.js';
import { recreateManifest } from '../manifest-source.js';
import { restore, type RestoreResult } from '../restore.js';
import type { EventSink, PodRef } from '../types.js';
import { UserError } from '../../errors.js';

export interface BareBackup {
  /** "namespace/name". */
  pod: string;
  namespace: string;
  name: string;
  uid: string;
  file: string;
}

export interface BackupOptions {
  backupDir: string;
  context: string;
  journal: RunJournal;
  /** Why, for the backup's header: "Fargate profile fp-a is deleted". */
  reason: string;
}

/** Back up each pod as it runs now; a pod already gone is skipped. Throws (nothing deleted yet) when one cannot be written. */
export async function backUpBarePods(kc: KubeConfig, pods: readonly PodRef[], options: BackupOptions): Promise<BareBackup[]> {
  const out: BareBackup[] = [];
  for (const ref of pods) {
    const live = await getPod(kc, ref.namespace, ref.name);
    if (live === null) continue;
    const pod = `${ref.namespace}/${ref.name}`;
    const uid = String(live.metadata?.uid ?? ref.uid);
    try {
      const { file } = writeBackup({
        dir: options.backupDir,
        context: options.context,
        manifest: recreateManifest(live, 'live').manifest,
        uid,
        notes: ['re-created from: the live pod', `backed up because ${options.reason}: EKS stops the pods it launched, and nothing re-creates a bare pod`],
      });
      options.journal.append({ event: 'backup-written', pod, namespace: ref.namespace, name: ref.name, uid, file });
      out.push({ pod, namespace: ref.namespace, name: ref.name, uid, file });
    } catch (error) {
      throw new UserError(`cannot back up pod ${pod}: ${describeError(error)}`, { hint: 'nothing was deleted; pass --backup-dir DIR' });
    }
  }
  return out;
}

/** Re-create pods from their backups (restore.ts); each one back is recorded in the journal. */
export async function restoreBackups(
  kc: KubeConfig,
  backups: readonly BareBackup[],
  options: { journal: RunJournal | null; timeoutMs: number; signal?: AbortSignal; onEvent?: EventSink },
): Promise<RestoreResult[]> {
  const results = await restore(kc, backups.map((b) => b.file), { timeoutMs: options.timeoutMs, namespace: 'default', ...(options.signal ? { signal: options.signal } : {}), ...(options.onEvent ? { onEvent: options.onEvent } : {}) });
  for (const result of results) {
    // Created (whatever came after), or there already: either way it is no longer left deleted.
    if (result.outcome === 'succeeded' || /^restored|already exists/.test(result.message)) {
      options.journal?.note({ event: 'restored', pod: result.pod, note: result.message });
    }
  }
  return results;
}
