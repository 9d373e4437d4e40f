// `kubectl fargate restore FILE...`: re-create pods from reschedule backups.
import { stringify } from 'yaml';
import { restore, type RestoreResult } from '../actions/restore.js';
import { UsageError } from '../errors.js';
import { INTERRUPTED_EXIT, parseTimeout, progressLine, resultTable, trapInterrupts } from './action-common.js';
import { clusterMatchWarning, requireClusterMatch } from './cluster-check.js';
import type { Options } from './flags.js';
import { API_VERSION } from './action-common.js';
import { openSession } from './session.js';

export async function runRestore(options: Options): Promise<number> {
  if (options.args.length === 0) {
    throw new UsageError('name the backup files to restore', 'e.g. `kubectl fargate restore ~/.local/state/kubectl-fargate/backups/CONTEXT/NAMESPACE/POD-TIME.yaml`');
  }
  if (options.output !== undefined && options.output !== 'json') throw new UsageError(`-o ${options.output} is not supported by restore`, 'use --json');
  const timeoutMs = parseTimeout(options.timeout);
  const json = options.output === 'json';
  const session = await openSession(options);
  const controller = new AbortController();
  let current: string | null = null;
  const release = trapInterrupts(controller, () => current);
  try {
    if (options.dryRun === 'client') {
      const warning = clusterMatchWarning(await session.clusterMatch());
      if (warning) process.stderr.write(`warning: ${warning}\n`);
    } else {
      await requireClusterMatch(session);
    }
    const results = await restore(session.kc, options.args, {
      timeoutMs,
      namespace: options.namespace ?? session.contextNamespace,
      dryRun: options.dryRun,
      signal: controller.signal,
      onEvent: (event) => {
        current = event.pod;
        process.stderr.write(progressLine(event));
      },
    });
    print(results, json, session.identity.context, options.dryRun);
    if (controller.signal.aborted) return INTERRUPTED_EXIT;
    return results.every((r) => r.outcome === 'succeeded') ? 0 : 1;
  } finally {
    release();
    await session.close();
  }
}

function print(results: readonly RestoreResult[], json: boolean, context: string, dryRun: Options['dryRun']): void {
  if (json) {
    process.stdout.write(`${JSON.stringify({ apiVersion: API_VERSION, kind: 'RestoreResult', context, ...(dryRun ? { dryRun } : {}), results }, null, 2)}\n`);
    return;
  }
  let text = resultTable(results);
  for (const r of results) if (r.manifest) text += `---\n# ${r.pod}: the manifest that would be created\n${stringify(r.manifest)}`;
  process.stdout.write(text);
}
