// `kubectl fargate restore FILE...`: re-create pods from reschedule backups.
// `kubectl fargate restore --pending`: every pod an unfinished reschedule left deleted.
import { stringify } from 'yaml';
import { restoreCommand } from '../actions/backup.js';
import { markRestored, type PendingRestore } from '../actions/journal-scan.js';
import { restore, type RestoreResult } from '../actions/restore.js';
import { UsageError } from '../errors.js';
import { renderColumns } from '../report/columns.js';
import { parseTimeout, progressLine, resultTable, trapInterrupts } from './action-common.js';
import { clusterMatchWarning, requireClusterMatch } from './cluster-check.js';
import { askYesNo } from './confirm.js';
import type { Options } from './flags.js';
import { API_VERSION } from './action-common.js';
import { say, stopExitCode } from './interrupts.js';
import { findPendingRestores, pendingWarning } from './pending-restores.js';
import { openSession, type Session } from './session.js';

function checkUsage(options: Options): void {
  if (options.pending && options.args.length > 0) throw new UsageError('pass backup files or --pending, not both');
  if (!options.pending && options.args.length === 0) {
    throw new UsageError('name the backup files to restore, or pass --pending', 'e.g. `kubectl fargate restore ~/.local/state/kubectl-fargate/backups/CONTEXT/NAMESPACE/POD-TIME.yaml`');
  }
  if (options.output !== undefined && options.output !== 'json') throw new UsageError(`-o ${options.output} is not supported by restore`, 'use --json');
  if (options.pending && !options.yes && !options.dryRun && !process.stdin.isTTY) {
    throw new UsageError('refusing to restore without confirmation: pass --yes (stdin is not a terminal)');
  }
}

export async function runRestore(options: Options): Promise<number> {
  checkUsage(options);
  const timeoutMs = parseTimeout(options.timeout);
  const json = options.output === 'json';
  const session = await openSession(options);
  try {
    // Before anything is asked or written: the EKS cluster must be the kubeconfig's.
    if (options.dryRun === 'client') {
      const warning = clusterMatchWarning(await session.clusterMatch());
      if (warning) say(process.stderr, `warning: ${warning}\n`);
    } else {
      await requireClusterMatch(session);
    }
    const pending = await findPendingRestores(session, options);
    let files = options.args;
    if (options.pending) {
      if (pending.length === 0) {
        say(process.stderr, 'No pods were left deleted by an unfinished reschedule.\n');
        if (json) print([], json, session.identity.context, options.dryRun);
        return 0;
      }
      files = pending.map((p) => p.file);
      if (!options.yes && !options.dryRun) {
        say(process.stderr, pendingTable(pending));
        if (!(await askYesNo(`Restore ${pending.length} pod${pending.length === 1 ? '' : 's'}?`))) {
          say(process.stderr, 'Nothing was changed.\n');
          return 1;
        }
      }
    } else {
      // The files named here are being restored: only the other pending pods are worth a warning.
      for (const p of pending) if (!files.includes(p.file)) say(process.stderr, `warning: ${pendingWarning(p, session.identity.context)}\n`);
    }
    return await restoreFiles(session, options, files, pending, timeoutMs, json);
  } finally {
    await session.close();
  }
}

async function restoreFiles(session: Session, options: Options, files: string[], pending: readonly PendingRestore[], timeoutMs: number, json: boolean): Promise<number> {
  const controller = new AbortController();
  let current: string | null = null;
  const release = trapInterrupts(controller, () => current);
  let results: RestoreResult[];
  try {
    results = await restore(session.kc, files, {
      timeoutMs,
      namespace: options.namespace ?? session.contextNamespace,
      dryRun: options.dryRun,
      signal: controller.signal,
      onEvent: (event) => {
        current = event.pod;
        say(process.stderr, progressLine(event));
      },
    });
  } finally {
    release();
  }
  if (!options.dryRun) closeJournals(results, pending);
  print(results, json, session.identity.context, options.dryRun);
  if (controller.signal.aborted) return stopExitCode(controller.signal);
  return results.every((r) => r.outcome === 'succeeded') ? 0 : 1;
}

/** A pod brought back (by this restore, or found to exist) no longer counts as left deleted. */
function closeJournals(results: readonly RestoreResult[], pending: readonly PendingRestore[]): void {
  for (const result of results) {
    // "restored..." (created, whatever came after) or "pod ... already exists".
    const exists = result.outcome === 'succeeded' || /^restored|already exists/.test(result.message);
    if (!exists) continue;
    for (const p of pending) {
      if (p.file === result.file && p.pod === result.pod) markRestored(p.journal, p.pod, result.outcome === 'succeeded' ? `restored from ${p.file}` : result.message);
    }
  }
}

function pendingTable(pending: readonly PendingRestore[]): string {
  return renderColumns(pending, [
    { header: 'POD', value: (p) => p.pod },
    { header: 'LEFT DELETED BY', value: (p) => `the reschedule started ${p.startedAt ?? '(unknown)'}` },
    { header: 'BACKUP', value: (p) => restoreCommand(p.file).replace(/^kubectl fargate restore /, '') },
  ]);
}

function print(results: readonly RestoreResult[], json: boolean, context: string, dryRun: Options['dryRun']): void {
  if (json) {
    say(process.stdout, `${JSON.stringify({ apiVersion: API_VERSION, kind: 'RestoreResult', context, ...(dryRun ? { dryRun } : {}), results }, null, 2)}\n`);
    return;
  }
  let text = resultTable(results);
  for (const r of results) if (r.manifest) text += `---\n# ${r.pod}: the manifest that would be created\n${stringify(r.manifest)}`;
  say(process.stdout, text);
}
