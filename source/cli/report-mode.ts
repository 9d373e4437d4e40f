import { loadClusterOnce } from '../sources/kube/load-cluster.js';
import { buildReport } from '../report/document.js';
import { jsonPieces, writePieces } from '../report/json-pieces.js';
import { yamlPieces } from '../report/yaml-pieces.js';
import { podTable } from '../report/table.js';
import { checkFailed, checkFindings, checkPods, checkSummary, checkTable } from '../report/check.js';
import { reportUpgrade, upgradeCheck, upgradeCheckFailed, upgradeCheckSummary, upgradeCheckTable } from '../report/upgrade-check.js';
import { loadControlPlaneVersion } from '../sources/kube/version.js';
import { colorsEnabled } from '../report/colors.js';
import { buildClusterView, type PodView } from '../view-model/cluster-view.js';
import { podsOutput } from './pod-output.js';
import { hourlyTotalsLine } from '../view-model/words/price.js';
import { UsageError, UserError, errorText, isUserError } from '../errors.js';
import type { Options } from './flags.js';
import { trace } from './trace.js';
import { stopYoungGenerationGrowth } from './one-shot-heap.js';
import { pendingWarnings } from './pending-restores.js';
import { openSession, type Session } from './session.js';
import { clusterMatchWarning } from './cluster-check.js';
import type { ClusterMatch } from '../sources/aws/cluster-match.js';

/**
 * One cluster read once and evaluated. `quiet` (several clusters at once): every warning goes into
 * the view instead of stderr, for the caller to print under the cluster's name.
 */
export async function snapshotOnce(options: Options, { quiet = false }: { quiet?: boolean } = {}) {
  trace('start');
  stopYoungGenerationGrowth();
  const session = await openSession(options, { live: quiet });
  try {
    const profiles = session.startProfiles();
    const [pending] = await Promise.all([
      // Pods an unfinished reschedule left deleted: read alongside the cluster, so it costs no time.
      pendingWarnings(session, options),
      loadClusterOnce(
        session.kc,
        // Events explain pending pods in the live view only. Of the nodes, only Fargate's are read
        // (for their kubelet versions), cut to name, labels and version: EKS names every Fargate
        // node fargate-ip-..., so EC2 nodes are not needed, and a big Fargate cluster has one node per pod.
        { namespace: options.namespace, labelSelector: options.selector, fieldSelector: options.fieldSelector, timeoutMs: session.requestTimeoutMs, skip: ['events'], nodes: 'fargate' },
        session.store,
      ),
      // The control plane's version, for the Fargate kubelets to be compared with.
      loadControlPlaneVersion(session.kc, session.store, { timeoutMs: session.requestTimeoutMs }),
      profiles.refreshNow(),
      // Checked alongside (it usually needs no call at all).
      session.clusterMatch(),
    ]);
    profiles.stop();
    for (const line of pending) {
      if (quiet) session.store.addWarning(line);
      else process.stderr.write(`warning: ${line}\n`);
    }
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

/** Print what `make` returns, then close the session (also when making it fails). */
async function finish(session: Session, make: () => string | Iterable<string>): Promise<void> {
  try {
    const output = make();
    await writePieces(process.stdout, typeof output === 'string' ? [output] : output);
    trace('written');
  } finally {
    await session.close();
  }
}

/** `kubectl fargate -o json|yaml|wide|table|name|jsonpath=…|custom-columns=…` (a table when stdout is not a terminal). */
export async function runReport(options: Options): Promise<number> {
  if (options.watch) return (await import('./watch-mode.js')).runWatch(options);
  const { view, session } = await snapshotOnce(options);
  warn(view);
  const color = colorsEnabled(options.color, Boolean(process.stdout.isTTY));
  const tableOptions = { wide: options.output === 'wide', headers: options.headers, color, showNamespace: options.namespace === null, proposed: view.proposed, showLabels: options.showLabels };
  await finish(session, () => podsOutput(options, view, view.pods, { table: (pods) => podTable(pods, tableOptions) }));
  if (options.output === 'wide') process.stderr.write(`${hourlyTotalsLine(view)}\n`);
  if (view.pods.length === 0 && !DOCUMENT_OUTPUTS.has(options.output ?? 'table')) {
    process.stderr.write(options.namespace ? `No pods found in ${options.namespace} namespace.\n` : 'No pods found.\n');
  }
  return 0;
}

const DOCUMENT_OUTPUTS: ReadonlySet<string> = new Set(['json', 'yaml', 'jsonpath']);

/**
 * `kubectl fargate check`: 0 when every pod is where the profiles say, 1 when some pod needs a
 * reschedule or is blocked, 3 when it could not tell (Kubernetes or AWS failed), like
 * `terraform plan -detailed-exitcode` keeps "changes found" apart from "error"; 2 stays usage.
 */
export async function runCheck(options: Options): Promise<number> {
  try {
    return await (options.upgrade ? runUpgradeCheck(options) : check(options));
  } catch (error) {
    throw couldNotTell(error);
  }
}

/** Exit code of check when it could not tell. */
export const CHECK_UNKNOWN_EXIT = 3;

function couldNotTell(error: unknown): unknown {
  if (isUserError(error) && error.exitCode === 2) return error;
  if (isUserError(error)) return new UserError(error.message, { exitCode: CHECK_UNKNOWN_EXIT, hint: error.hint });
  return new UserError(errorText(error), { exitCode: CHECK_UNKNOWN_EXIT });
}

async function check(options: Options): Promise<number> {
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
  const color = colorsEnabled(options.color, Boolean(process.stdout.isTTY));
  const tableOptions = { headers: options.headers, color, proposed: view.proposed, showLabels: options.showLabels };
  const table = (pods: readonly PodView[]) => (pods.length > 0 ? checkTable(pods, tableOptions) : '');
  await finish(session, () => podsOutput(options, view, checkFindings(result), { kind: 'FargateCheck', table }));
  if (!DOCUMENT_OUTPUTS.has(options.output ?? 'table')) process.stderr.write(`${checkSummary(result, view.pods.length)}\n`);
  return checkFailed(result) ? 1 : 0;
}

/** check --upgrade prints its own document (with the upgrade block) or table. */
const UPGRADE_OUTPUTS: ReadonlySet<string> = new Set(['table', 'wide', 'json', 'yaml']);

/**
 * `kubectl fargate check --upgrade`: exit 1 when any Fargate pod runs a kubelet older than the
 * control plane (it blocks the next upgrade), 3 when it could not tell. Needs no AWS access: the
 * version comes from /version and the kubelets from the Fargate nodes (EKS problems stay warnings).
 */
async function runUpgradeCheck(options: Options): Promise<number> {
  const output = options.output ?? 'table';
  if (!UPGRADE_OUTPUTS.has(output)) throw new UsageError(`-o ${output} is not available with check --upgrade`, 'use -o json|yaml|wide, or none for the table');
  const { view, session } = await snapshotOnce(options);
  warn(view);
  const { controlPlane, next } = view.upgrade;
  if (controlPlane === null || next === null) {
    await session.close();
    throw new UserError("cannot check upgrade readiness: the control plane's version is unknown (see the warning above)", { hint: 'check that GET /version answers (kubectl version)' });
  }
  if (view.totals.kubeletUnknown > 0) {
    await session.close();
    throw new UserError(
      `cannot check upgrade readiness: the kubelet version of ${view.totals.kubeletUnknown === 1 ? '1 Fargate pod' : `${view.totals.kubeletUnknown} Fargate pods`}' nodes is unknown`,
      { hint: 'allow listing nodes (kubectl get nodes -l eks.amazonaws.com/compute-type=fargate), then run it again' },
    );
  }
  const check = upgradeCheck({ ...view, upgrade: { controlPlane, next } });
  if (output === 'json' || output === 'yaml') {
    const document = buildReport(view, { kind: 'FargateUpgradeCheck', pods: check.pods, upgrade: reportUpgrade(check) });
    await finish(session, () => (output === 'json' ? jsonPieces(document, 'pods') : yamlPieces(document, 'pods')));
  } else {
    const color = colorsEnabled(options.color, Boolean(process.stdout.isTTY));
    await finish(session, () => (upgradeCheckFailed(check) ? upgradeCheckTable(check, { headers: options.headers, color }) : ''));
    process.stderr.write(`${upgradeCheckSummary(check)}\n`);
  }
  return upgradeCheckFailed(check) ? 1 : 0;
}
