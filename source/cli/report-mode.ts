import { stringify } from 'yaml';
import { loadClusterOnce } from '../sources/kube/load-cluster.js';
import { buildReport, type ReportDocument } from '../report/document.js';
import { jsonPieces, writePieces } from '../report/json-pieces.js';
import { podTable } from '../report/table.js';
import { checkFailed, checkFindings, checkPods, checkSummary, checkTable } from '../report/check.js';
import { colorsEnabled } from '../report/colors.js';
import { buildClusterView } from '../view-model/cluster-view.js';
import { UserError } from '../errors.js';
import type { Options } from './flags.js';
import { trace } from './trace.js';
import { stopYoungGenerationGrowth } from './one-shot-heap.js';
import { pendingWarnings } from './pending-restores.js';
import { openSession, type Session } from './session.js';
import { clusterMatchWarning } from './cluster-check.js';
import type { ClusterMatch } from '../sources/aws/cluster-match.js';

async function snapshotOnce(options: Options) {
  trace('start');
  stopYoungGenerationGrowth();
  const session = await openSession(options);
  try {
    const profiles = session.startProfiles();
    const [pending] = await Promise.all([
      // Pods an unfinished reschedule left deleted: read alongside the cluster, so it costs no time.
      pendingWarnings(session, options),
      loadClusterOnce(
        session.kc,
        // Events explain pending pods in the live view only. Nodes are skipped too: EKS names every
        // Fargate node fargate-ip-..., and a big Fargate cluster has one node per pod to download.
        { namespace: options.namespace, labelSelector: options.selector, timeoutMs: session.requestTimeoutMs, skip: ['events', 'nodes'] },
        session.store,
      ),
      profiles.refreshNow(),
      // Checked alongside (it usually needs no call at all).
      session.clusterMatch(),
    ]);
    profiles.stop();
    for (const line of pending) process.stderr.write(`warning: ${line}\n`);
    trace('loaded');
    warnAboutClusterMatch(session.store, await session.clusterMatch());
    warnAboutProfiles(session.store);
    const view = buildClusterView(session.store.flush());
    trace('evaluated');
    return { view, session };
  } catch (error) {
    await session.close();
    throw error;
  }
}

/** A failed EKS read is a warning, not an error: placement is still observed from pods and nodes. */
function warnAboutProfiles(store: Session['store']): void {
  const { state, message } = store.getSnapshot().profilesStatus;
  if (state !== 'ok' && state !== 'file-only' && message) store.addWarning(message);
}

/** Profiles read from EKS but maybe another cluster's: a warning (when they could not be read, that error says enough). */
function warnAboutClusterMatch(store: Session['store'], match: ClusterMatch): void {
  const warning = clusterMatchWarning(match);
  if (warning && store.getSnapshot().profilesStatus.state === 'ok') store.addWarning(warning);
}

function warn(view: { warnings: readonly string[] }, except: string | null = null): void {
  for (const warning of view.warnings) if (warning !== except) process.stderr.write(`warning: ${warning}\n`);
}

/** JSON is made while it is written, a batch of pods at a time (json-pieces.ts). */
function serialize(document: ReportDocument, format: 'json' | 'yaml'): Iterable<string> {
  return format === 'json' ? jsonPieces(document, 'pods') : [stringify(document)];
}

async function finish(session: Session, output: string | Iterable<string>): Promise<void> {
  await writePieces(process.stdout, typeof output === 'string' ? [output] : output);
  trace('written');
  await session.close();
}

/** `kubectl fargate -o json|yaml|wide|table` (and the default when stdout is not a terminal). */
export async function runReport(options: Options): Promise<number> {
  const { view, session } = await snapshotOnce(options);
  warn(view);
  const output = options.output ?? 'table';
  if (output === 'json' || output === 'yaml') {
    await finish(session, serialize(buildReport(view), output));
    return 0;
  }
  const color = colorsEnabled(options.color, Boolean(process.stdout.isTTY));
  await finish(
    session,
    podTable(view.pods, { wide: output === 'wide', headers: options.headers, color, showNamespace: options.namespace === null, proposed: view.proposed }),
  );
  if (view.pods.length === 0) process.stderr.write(options.namespace ? `No pods found in ${options.namespace} namespace.\n` : 'No pods found.\n');
  return 0;
}

/** `kubectl fargate check`: exit 1 when any pod needs rescheduling or is blocked. */
export async function runCheck(options: Options): Promise<number> {
  const { view, session } = await snapshotOnce(options);
  // When the profiles are unknown the error below says why; the same line as a warning too would be noise.
  warn(view, view.profilesKnown ? null : view.aws.message);
  if (!view.profilesKnown) {
    await session.close();
    throw new UserError(`cannot check placement: the Fargate profiles are unknown (${view.aws.message ?? view.aws.state})`, {
      hint: 'fix AWS access, or pass --no-aws with --profiles-file',
    });
  }
  const result = checkPods(view);
  const output = options.output ?? 'table';
  if (output === 'json' || output === 'yaml') {
    await finish(session, serialize(buildReport(view, { kind: 'FargateCheck', pods: checkFindings(result) }), output));
  } else {
    const color = colorsEnabled(options.color, Boolean(process.stdout.isTTY));
    await finish(session, checkFailed(result) ? checkTable(result, { headers: options.headers, color, proposed: view.proposed }) : '');
    process.stderr.write(`${checkSummary(result, view.pods.length)}\n`);
  }
  return checkFailed(result) ? 1 : 0;
}
