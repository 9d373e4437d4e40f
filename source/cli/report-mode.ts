import { stringify } from 'yaml';
import { loadClusterOnce } from '../sources/kube/load-cluster.js';
import { buildReport, type ReportDocument } from '../report/document.js';
import { jsonPieces, writePieces } from '../report/json-pieces.js';
import { podTable } from '../report/table.js';
import { checkFailed, checkFindings, checkPods, checkSummary, checkTable } from '../report/check.js';
import { reportUpgrade, upgradeCheck, upgradeCheckFailed, upgradeCheckSummary, upgradeCheckTable } from '../report/upgrade-check.js';
import { loadControlPlaneVersion } from '../sources/kube/version.js';
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
        // Events explain pending pods in the live view only. Of the nodes, only Fargate's are read
        // (for their kubelet versions), cut to name, labels and version: EKS names every Fargate
        // node fargate-ip-..., so EC2 nodes are not needed, and a big Fargate cluster has one node per pod.
        { namespace: options.namespace, labelSelector: options.selector, timeoutMs: session.requestTimeoutMs, skip: ['events'], nodes: 'fargate' },
        session.store,
      ),
      // The control plane's version, for the Fargate kubelets to be compared with.
      loadControlPlaneVersion(session.kc, session.store, { timeoutMs: session.requestTimeoutMs }),
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

/**
 * `check` could not tell (what it checks is unknown): the one error both checks end with, so its
 * exit code is decided in one place.
 */
function cannotTell(message: string, hint: string): UserError {
  return new UserError(message, { hint });
}

/** `kubectl fargate check`: exit 1 when any pod needs rescheduling or is blocked. */
export async function runCheck(options: Options): Promise<number> {
  if (options.upgrade) return runUpgradeCheck(options);
  const { view, session } = await snapshotOnce(options);
  // When the profiles are unknown the error below says why; the same line as a warning too would be noise.
  warn(view, view.profilesKnown ? null : view.aws.message);
  if (!view.profilesKnown) {
    await session.close();
    throw cannotTell(`cannot check placement: the Fargate profiles are unknown (${view.aws.message ?? view.aws.state})`, 'fix AWS access, or pass --no-aws with --profiles-file');
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

/**
 * `kubectl fargate check --upgrade`: exit 1 when any Fargate pod runs a kubelet older than the
 * control plane (it blocks the next upgrade). Needs no AWS access: the version comes from
 * /version and the kubelets from the Fargate nodes (EKS problems stay warnings).
 */
async function runUpgradeCheck(options: Options): Promise<number> {
  const { view, session } = await snapshotOnce(options);
  warn(view);
  const { controlPlane, next } = view.upgrade;
  if (controlPlane === null || next === null) {
    await session.close();
    throw cannotTell("cannot check upgrade readiness: the control plane's version is unknown (see the warning above)", 'check that GET /version answers (kubectl version)');
  }
  if (view.totals.kubeletUnknown > 0) {
    await session.close();
    throw cannotTell(
      `cannot check upgrade readiness: the kubelet version of ${view.totals.kubeletUnknown === 1 ? '1 Fargate pod' : `${view.totals.kubeletUnknown} Fargate pods`}' nodes is unknown`,
      'allow listing nodes (kubectl get nodes -l eks.amazonaws.com/compute-type=fargate), then run it again',
    );
  }
  const check = upgradeCheck({ ...view, upgrade: { controlPlane, next } });
  const output = options.output ?? 'table';
  if (output === 'json' || output === 'yaml') {
    await finish(session, serialize(buildReport(view, { kind: 'FargateUpgradeCheck', pods: check.pods, upgrade: reportUpgrade(check) }), output));
  } else {
    const color = colorsEnabled(options.color, Boolean(process.stdout.isTTY));
    await finish(session, upgradeCheckFailed(check) ? upgradeCheckTable(check, { headers: options.headers, color }) : '');
    process.stderr.write(`${upgradeCheckSummary(check)}\n`);
  }
  return upgradeCheckFailed(check) ? 1 : 0;
}
