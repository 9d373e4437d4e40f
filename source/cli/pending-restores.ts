// At every start that talks to a cluster: pods an unfinished reschedule (killed, power lost) left
// deleted, one warning line each with the exact command that brings it back. A directory read
// when there is nothing (the usual case); a GET per pod a dead run may have left deleted.
import path from 'node:path';
import { defaultBackupDir, restoreCommand } from '../actions/backup.js';
import { pendingRestores, type PendingRestore } from '../actions/journal-scan.js';
import { unfinishedReplaces, type UnfinishedReplace } from '../actions/profiles/replace-journal.js';
import { shellCommand } from '../lib/shell-quote.js';
import type { Options } from './flags.js';
import type { Session } from './session.js';

/** Where journals are looked for: the default backup root (it holds links to the others) and --backup-dir. */
export function journalRoots(options: Pick<Options, 'backupDir'>): string[] {
  return [defaultBackupDir(), ...(options.backupDir ? [path.resolve(options.backupDir)] : [])];
}

export async function findPendingRestores(session: Session, options: Pick<Options, 'backupDir'>): Promise<PendingRestore[]> {
  try {
    const { pending } = await pendingRestores(journalRoots(options), session.identity.context, async (namespace, name) => {
      try {
        // Loaded only when a dead run left a pod to check: the usual start reads one directory.
        const { getPod } = await import('../actions/kube-pods.js');
        return (await getPod(session.kc, namespace, name)) !== null;
      } catch {
        return null;
      }
    });
    return pending;
  } catch {
    // A damaged state directory must not stop the tool; the journals stay for the next start.
    return [];
  }
}

/** `kubectl fargate restore --pending` for this context, quoted for the shell. */
export const restorePendingCommand = (context: string): string => shellCommand(['kubectl', 'fargate', 'restore', '--pending', '--context', context]);

/** The one line per pod (without the `warning: ` prefix): the same text on stderr and in the TUI's status bar. */
export function pendingWarning(p: PendingRestore, context: string): string {
  const when = p.startedAt ? ` (started ${p.startedAt})` : '';
  const by =
    p.kind === 'profile-delete'
      ? `was stopped by EKS when Fargate profile ${p.profile ?? '?'} was deleted${when}; it is backed up`
      : p.kind === 'profile-replace'
        ? `was left deleted by a replace of Fargate profile ${p.profile ?? '?'} that did not finish${when}`
        : `was left deleted by a reschedule that did not finish${when}`;
  return `pod ${p.pod} ${by}: restore it with \`${restoreCommand(p.file, context)}\`, or every such pod with \`${restorePendingCommand(context)}\``;
}

/** A `profile replace` that stopped part-way: the command that continues it from its journal. */
export function unfinishedReplaceWarning(r: UnfinishedReplace, context: string, root: string): string {
  const backupDir = root === defaultBackupDir() ? [] : ['--backup-dir', root];
  const command = shellCommand(['kubectl', 'fargate', 'profile', 'replace', r.old, '--context', context, ...backupDir]);
  return `the replace of Fargate profile ${r.old} by ${r.new} did not finish (started ${r.startedAt}): continue it with \`${command}\` (journal ${r.file})`;
}

/** Replaces of this context that stopped part-way, under each journal root; never throws. */
function unfinishedReplaceWarnings(context: string, options: Pick<Options, 'backupDir'>): string[] {
  try {
    return [...new Set(journalRoots(options))].flatMap((root) => unfinishedReplaces(root, context).map((r) => unfinishedReplaceWarning(r, context, root)));
  } catch {
    return [];
  }
}

/** The warning lines for this session's context (pods left deleted, replaces left part-way); never throws. */
export async function pendingWarnings(session: Session, options: Pick<Options, 'backupDir'>): Promise<string[]> {
  const context = session.identity.context;
  return [...(await findPendingRestores(session, options)).map((p) => pendingWarning(p, context)), ...unfinishedReplaceWarnings(context, options)];
}
