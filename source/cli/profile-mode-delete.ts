// `kubectl fargate profile delete NAME [--wait] [--yes] [--dry-run]`: shows what EKS will do to
// the pods the profile launched, backs up every bare pod, asks for the name to be typed (or
// --yes), deletes; with --wait, waits until it is gone and offers to restore the bare pods.
import path from 'node:path';
import { defaultBackupDir, restoreCommand } from '../actions/backup.js';
import { restoreBackups, type BareBackup } from '../actions/profiles/bare-backups.js';
import { deleteProfile } from '../actions/profiles/delete.js';
import type { RestoreResult } from '../actions/restore.js';
import { UserError, describeError } from '../errors.js';
import { fatesWithout, whatIfView, type Fate } from '../view-model/profile-what-if.js';
import { deletePrompt, nextPlaceText } from '../view-model/words/profile.js';
import { dryRunText } from '../view-model/words/reschedule.js';
import { progressLine, resultTable, trapInterrupts } from './action-common.js';
import { askYesNo } from './confirm.js';
import { askTyped } from './confirm-typed.js';
import type { Options } from './flags.js';
import { say, stopExitCode } from './interrupts.js';
import { pendingWarnings, restorePendingCommand } from './pending-restores.js';
import { checkClusterForWrite, checkConfirmable, profileApi, readCluster } from './profile-session.js';
import { stopsText } from './profile-text.js';
import type { Timeouts } from './profile-timeouts.js';
import type { ProfileCommand } from './profile-usage.js';
import { openSession } from './session.js';
import { capitalized } from '../lib/capitalized.js';

export async function runProfileDelete(options: Options, command: ProfileCommand, timeouts: Timeouts): Promise<number> {
  const name = command.names[0]!;
  const session = await openSession(options);
  try {
    await checkClusterForWrite(session, options);
    checkConfirmable(options, `delete profile ${name}`);
    const [{ snapshot, view }, pending] = await Promise.all([readCluster(session), pendingWarnings(session, options)]);
    for (const line of pending) say(process.stderr, `warning: ${line}\n`);
    const profile = snapshot.profiles.find((p) => p.name === name && p.source === 'eks');
    const cluster = session.identity.clusterName ?? '(unknown)';
    if (!profile) throw new UserError(`no Fargate profile ${name} in cluster ${cluster}`, { hint: 'see `kubectl fargate profile list`' });
    if (profile.status === 'DELETING') throw new UserError(`profile ${name} is being deleted already (DELETING); EKS stopped its pods when it began`, { hint: 'see `kubectl fargate profile list`' });
    if (profile.status === 'CREATING') throw new UserError(`profile ${name} is CREATING; EKS deletes a profile only once it is ACTIVE`, { hint: 'wait until it is ACTIVE (`kubectl fargate profile list`), then delete it' });
    const ec2Nodes = [...snapshot.nodes.values()].some((n) => !n.fargate);
    const fates = fatesWithout(view, whatIfView(snapshot, { remove: [name] }), name);
    say(process.stderr, stopsText(name, fates, ec2Nodes));

    if (options.dryRun === 'client') {
      say(process.stdout, `${JSON.stringify({ clusterName: cluster, fargateProfileName: name }, null, 2)}\n`);
      say(process.stderr, `${capitalized(dryRunText('client'))}: DeleteFargateProfile was not sent and nothing was backed up (the EKS API has no dry run of its own).\n`);
      return 0;
    }
    if (!options.yes) {
      const typed = await askTyped(deletePrompt(name));
      if (typed !== name) {
        say(process.stderr, `${typed === null ? 'No answer' : `"${typed}" is not ${name}`}: nothing was changed.\n`);
        return 1;
      }
    }

    const backupDir = options.backupDir ? path.resolve(options.backupDir) : defaultBackupDir();
    const controller = new AbortController();
    const release = trapInterrupts(controller, () => `profile ${name}`);
    const api = await profileApi(session);
    try {
      const bare = fates.filter((f) => f.bare).map((f) => ({ namespace: f.view.pod.namespace, name: f.view.pod.name, uid: f.view.pod.uid }));
      const outcome = await deleteProfile(session.kc, api, { name, bare, backupDir, context: session.identity.context, journalIndexDir: defaultBackupDir(), wait: options.wait }, {
        timeoutMs: timeouts.eksMs,
        signal: controller.signal,
        onEvent: (e) => say(process.stderr, `${e.message}\n`),
      });
      let restored: RestoreResult[] = [];
      try {
        if (outcome.end?.state === 'delete-failed') say(process.stdout, `profile ${name} is DELETE_FAILED: ${outcome.end.described.issues.join('; ') || 'EKS gave no reason'}\n`);
        else if (outcome.end?.state === 'gone') say(process.stdout, `profile ${name} is deleted\n`);
        else say(process.stdout, `profile ${name} is ${outcome.deleted.profile.status}${outcome.waitError ? ` (${describeError(outcome.waitError)})` : ''}\n`);
        if (outcome.backups.length > 0) {
          if (outcome.end?.state === 'gone' && !options.yes && process.stdin.isTTY && !controller.signal.aborted) {
            restored = await offerRestore(session.kc, outcome.backups, fates, ec2Nodes, outcome.journal, timeouts.podMs, controller.signal);
          }
          printLeft(outcome.backups, restored, session.identity.context);
        }
      } finally {
        outcome.journal?.finish();
      }
      if (controller.signal.aborted) return stopExitCode(controller.signal);
      return outcome.end?.state === 'delete-failed' || outcome.waitError !== undefined || restored.some((r) => r.outcome !== 'succeeded') ? 1 : 0;
    } finally {
      release();
      api.close();
    }
  } finally {
    await session.close();
  }
}

/** Once the profile is gone: where each bare pod would run now, and the question. */
async function offerRestore(kc: Parameters<typeof restoreBackups>[0], backups: readonly BareBackup[], fates: readonly Fate[], ec2Nodes: boolean, journal: Parameters<typeof restoreBackups>[2]['journal'], timeoutMs: number, signal: AbortSignal): Promise<RestoreResult[]> {
  for (const b of backups) {
    const next = fates.find((f) => f.view.key === b.pod)?.next ?? null;
    say(process.stderr, `  ${b.pod}: would run on ${nextPlaceText(next, ec2Nodes)} (backup ${b.file})\n`);
  }
  if (!(await askYesNo(`Restore ${backups.length === 1 ? backups[0]!.pod : `${backups.length} pods`} from ${backups.length === 1 ? 'its backup' : 'their backups'}?`))) return [];
  const results = await restoreBackups(kc, backups, { journal, timeoutMs, signal, onEvent: (event) => say(process.stderr, progressLine(event)) });
  say(process.stdout, resultTable(results));
  return results;
}

/** Bare pods not brought back: the exact commands. */
function printLeft(backups: readonly BareBackup[], restored: readonly RestoreResult[], context: string): void {
  const left = backups.filter((b) => !restored.some((r) => r.pod === b.pod && (r.outcome === 'succeeded' || /already exists/.test(r.message))));
  if (left.length === 0) return;
  say(process.stdout, `${left.length === 1 ? 'This bare pod was' : 'These bare pods were'} backed up before EKS stopped ${left.length === 1 ? 'it' : 'them'}:\n`);
  for (const b of left) say(process.stdout, `  ${b.pod}: restore it with \`${restoreCommand(b.file, context)}\`\n`);
  say(process.stdout, `  (or all of them: \`${restorePendingCommand(context)}\`)\n`);
}
