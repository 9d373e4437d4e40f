// `kubectl fargate reschedule [-n NS] POD... | --all [-n NS | -A]`: plan, confirm, run, report.
// Exit 0 when every pod succeeded, 1 when any failed, was blocked or refused, 2 for usage errors,
// 130 when interrupted (after the pod in flight was finished or re-created).
import path from 'node:path';
import { stringify } from 'yaml';
import { defaultBackupDir } from '../actions/backup.js';
import { describeRecreates, MANIFEST_SOURCES, type ManifestSource } from '../actions/manifest-source.js';
import { outdatedPods, planReschedule, planSummary, podsNeedingReschedule } from '../actions/plan.js';
import { describeWorkloads } from '../actions/workloads.js';
import { STRATEGIES, type Strategy } from '../domain/rollout.js';
import { loadControlPlaneVersion } from '../sources/kube/version.js';
import { reschedule } from '../actions/reschedule.js';
import type { RescheduleEvent, RescheduleResult, RescheduleStep } from '../actions/types.js';
import { UsageError, UserError } from '../errors.js';
import { renderColumns } from '../report/columns.js';
import { loadClusterOnce } from '../sources/kube/load-cluster.js';
import type { PodView } from '../view-model/cluster-view.js';
import { buildClusterView } from '../view-model/cluster-view.js';
import { destinationText, dryRunText, manifestSourceText, methodWord, nothingToRescheduleIn, whereText } from '../view-model/words/reschedule.js';
import { noneBlockingIn, nothingBlocksText, strategyText } from '../view-model/words/upgrade.js';
import { parseTimeout, progressLine, resultTable, trapInterrupts } from './action-common.js';
import { say, stopExitCode } from './interrupts.js';
import { pendingWarnings } from './pending-restores.js';
import { askYesNo } from './confirm.js';
import { clusterMatchWarning, requireClusterMatch } from './cluster-check.js';
import type { Options } from './flags.js';
import { openSession, type Session } from './session.js';

import { API_VERSION } from './action-common.js';
import { capitalized } from '../lib/capitalized.js';

function checkUsage(options: Options): void {
  if (options.all && options.outdated) throw new UsageError('pass --all or --outdated, not both', '--all takes pods whose placement drifted, --outdated pods whose Fargate kubelet blocks the next upgrade');
  const many = options.all ? '--all' : options.outdated ? '--outdated' : null;
  if (many !== null && options.args.length > 0) throw new UsageError(`pass pod names or ${many}, not both`);
  if (many === null && options.args.length === 0) {
    throw new UsageError('name the pods to reschedule, or pass --all (or --outdated)', 'e.g. `kubectl fargate reschedule -n test test` or `kubectl fargate reschedule --all -n test`');
  }
  if (many !== null && options.namespace === null && !options.allNamespaces) {
    throw new UsageError(`${many} needs a scope: pass -n NAMESPACE, or -A for every namespace`);
  }
  if (many === null && options.allNamespaces) throw new UsageError('pod names need one namespace: pass -n NAMESPACE, not -A');
  if (many === null && options.selector !== undefined) throw new UsageError('-l/--selector only works with --all or --outdated');
  if (options.strategy !== undefined && !(STRATEGIES as readonly string[]).includes(options.strategy)) {
    throw new UsageError(`invalid --strategy "${options.strategy}"`, `use --strategy evict (${strategyText('evict')}) or --strategy restart (${strategyText('restart')})`);
  }
  if (many === null && options.fieldSelector !== undefined) throw new UsageError('--field-selector only works with --all or --outdated');
  if (options.output !== undefined && options.output !== 'json') throw new UsageError(`-o ${options.output} is not supported by reschedule`, 'use --json');
  if (options.from !== undefined && !(MANIFEST_SOURCES as readonly string[]).includes(options.from)) {
    throw new UsageError(`invalid --from "${options.from}"`, 'use --from live (the pod as it runs now) or --from last-applied');
  }
}

/** Last of the checks: every flag, the kubeconfig and the cluster check come first (a bad flag is named, not --yes). */
function checkConfirmable(options: Options): void {
  if (!options.yes && !options.dryRun && !process.stdin.isTTY) {
    throw new UsageError('refusing to reschedule without confirmation: pass --yes (stdin is not a terminal)');
  }
}

/** An empty plan: no pod in scope drifted, or (--outdated) blocks the upgrade; worded as the TUI and `check --upgrade` word it. */
function nothingToDoText(outdated: boolean, namespace: string | null, upgrade: { controlPlane: string | null; next: string | null }): string {
  if (!outdated) return nothingToRescheduleIn(namespace);
  return namespace === null ? `${capitalized(nothingBlocksText(upgrade.controlPlane, upgrade.next))}.` : noneBlockingIn(namespace, upgrade.next);
}

/** kubectl accepts "pod/NAME" and "pods/NAME" as well as NAME. */
const podName = (arg: string): string => arg.replace(/^pods?\//, '');

export async function runReschedule(options: Options): Promise<number> {
  checkUsage(options);
  const timeoutMs = parseTimeout(options.timeout);
  const backupDir = options.backupDir ? path.resolve(options.backupDir) : defaultBackupDir();
  const json = options.output === 'json';
  const from = (options.from ?? 'live') as ManifestSource;

  const session = await openSession(options);
  try {
    // Before anything is planned: are the profiles this cluster's own? (Client dry runs only warn.)
    if (options.dryRun === 'client') {
      const warning = clusterMatchWarning(await session.clusterMatch());
      if (warning) process.stderr.write(`warning: ${warning}\n`);
    } else {
      await requireClusterMatch(session);
    }
    checkConfirmable(options);
    const many = options.all || options.outdated;
    const namespace = options.namespace ?? (many ? null : session.contextNamespace);
    const [views, pending] = await Promise.all([loadViews(session, namespace, options), pendingWarnings(session, options)]);
    for (const line of pending) say(process.stderr, `warning: ${line}\n`);
    const controlPlane = views.upgrade.controlPlane;
    if (options.outdated && controlPlane === null) {
      throw new UserError("cannot recycle outdated pods: the control plane's version is unknown (see the warning above)", { hint: 'check that GET /version answers (kubectl version)' });
    }
    const selected = options.all ? podsNeedingReschedule(views.pods) : options.outdated ? outdatedPods(views.pods) : pickNamed(views, namespace!, options.args.map(podName));
    const planned = planReschedule(selected, options.outdated ? { purpose: 'upgrade', controlPlane } : {});
    // Bare pods are read again here: the plan says which manifest each is re-created from; and
    // the workloads of controller pods, to say how each is recycled (evicted or restarted).
    const recreates = await describeRecreates(session.kc, planned, from);
    const manifests = recreates.manifests;
    const steps = await describeWorkloads(session.kc, recreates.steps, options.strategy as Strategy | undefined);
    const summary = planSummary(steps);

    if (steps.length === 0) {
      say(process.stderr, `${nothingToDoText(options.outdated, namespace, views.upgrade)}\n`);
      if (json) say(process.stdout, document('RescheduleResult', session, { results: [] }));
      return 0;
    }
    if (options.dryRun === 'client') {
      printDryRun(session, steps, manifests, json);
      return summary.refused > 0 ? 1 : 0;
    }
    const serverDryRun = options.dryRun === 'server';
    if (summary.actionable === 0) {
      const results = steps.map(refusedResult);
      printResults(session, results, json, serverDryRun);
      return 1;
    }

    // A server dry run changes nothing: like kubectl, it is not confirmed.
    if (!options.yes && !serverDryRun) {
      say(process.stderr, planTable(steps));
      if (!(await askYesNo(summary.title!))) {
        say(process.stderr, 'Nothing was changed.\n');
        return 1;
      }
    }

    const controller = new AbortController();
    let inFlight: RescheduleEvent | null = null;
    let backupFile: string | null = null;
    const release = trapInterrupts(controller, () => {
      if (!inFlight) return null;
      return backupFile && ['delete', 'wait-gone', 'create'].includes(inFlight.step) ? `${inFlight.pod} (re-creating it from ${backupFile})` : inFlight.pod;
    });
    let results: RescheduleResult[];
    try {
      results = await reschedule(session.kc, steps, {
        backupDir,
        context: session.identity.context,
        journalIndexDir: defaultBackupDir(),
        from,
        timeoutMs,
        signal: controller.signal,
        ...(serverDryRun ? { dryRun: 'server' as const } : {}),
        onEvent: (event) => {
          inFlight = event;
          if (event.step === 'backup') backupFile = event.message.replace(/^saved to /, '');
          if (['done', 'failed', 'blocked', 'refused', 'interrupted'].includes(event.step)) backupFile = null;
          say(process.stderr, progressLine(event));
        },
      });
    } finally {
      release();
    }
    printResults(session, results, json, serverDryRun);
    if (serverDryRun) say(process.stderr, `${capitalized(dryRunText('server'))}: nothing was changed.\n`);
    if (controller.signal.aborted) return stopExitCode(controller.signal);
    return results.every((r) => r.outcome === 'succeeded') ? 0 : 1;
  } finally {
    await session.close();
  }
}

async function loadViews(session: Session, namespace: string | null, options: Options) {
  const profiles = session.startProfiles();
  await Promise.all([
    loadClusterOnce(session.kc, { namespace, labelSelector: options.all || options.outdated ? options.selector : undefined, fieldSelector: options.all || options.outdated ? options.fieldSelector : undefined, timeoutMs: session.requestTimeoutMs }, session.store),
    profiles.refreshNow(),
    loadControlPlaneVersion(session.kc, session.store, { timeoutMs: session.requestTimeoutMs }),
  ]);
  profiles.stop();
  const snapshot = session.store.flush();
  const { state, message } = snapshot.profilesStatus;
  if (state !== 'ok' && state !== 'file-only' && message) process.stderr.write(`warning: ${message}\n`);
  for (const warning of snapshot.warnings) process.stderr.write(`warning: ${warning}\n`);
  const view = buildClusterView(snapshot);
  if (snapshot.profiles.some((p) => p.source === 'file')) {
    // The plan uses them, but EKS's webhook places the re-created pods by its live profiles only.
    process.stderr.write('warning: the plan includes --profiles-file profiles; EKS places re-created pods by its live profiles only\n');
  }
  if (!view.profilesKnown) {
    throw new UserError(`cannot reschedule: the Fargate profiles are unknown (${message ?? state}), so where pods would go cannot be told`, {
      hint: 'fix AWS access, or pass --no-aws with --profiles-file',
    });
  }
  return view;
}

function pickNamed(view: ReturnType<typeof buildClusterView>, namespace: string, names: string[]): PodView[] {
  const inNamespace = view.byNamespace.get(namespace) ?? [];
  const missing = names.filter((name) => !inNamespace.some((v) => v.pod.name === name));
  if (missing.length > 0) {
    const list = missing.map((m) => `"${m}"`).join(', ');
    throw new UserError(`pod${missing.length === 1 ? '' : 's'} ${list} not found in namespace ${namespace}`, { hint: 'check the name, or pass -n NAMESPACE' });
  }
  return [...new Set(names)].map((name) => inNamespace.find((v) => v.pod.name === name)!);
}

export function planTable(steps: readonly RescheduleStep[]): string {
  return renderColumns(steps, [
    { header: 'POD', value: (s) => s.key },
    { header: 'METHOD', value: (s) => methodWord(s.method).text },
    { header: 'FROM', value: (s) => whereText(s.from) },
    { header: 'TO', value: (s) => (s.method === 'refuse' ? '-' : destinationText(s.to)) },
    { header: 'NOTE', value: (s) => (s.method === 'refuse' ? `refused: ${s.reason}` : s.method === 'restart' ? `restarts ${s.workload!.kind} ${s.workload!.name}` : manifestSourceText(s)) },
  ]) + planWarnings(steps);
}

/** Each step's warnings under the table; a restarted workload's once, under its first pod. */
function planWarnings(steps: readonly RescheduleStep[]): string {
  const said = new Set<string>();
  let out = '';
  for (const s of steps) {
    for (const w of s.warnings) {
      const once = s.method === 'restart' ? `${s.group}\u0000${w}` : `${s.key}\u0000${w}`;
      if (said.has(once)) continue;
      said.add(once);
      out += `  ! ${s.key}: ${w}\n`;
    }
  }
  return out;
}

function printDryRun(session: Session, steps: readonly RescheduleStep[], manifests: ReadonlyMap<string, unknown>, json: boolean): void {
  if (json) {
    const planned = steps.map((s) => ({ ...s, ...(manifests.has(s.key) ? { manifest: manifests.get(s.key) } : {}) }));
    say(process.stdout, document('ReschedulePlan', session, { dryRun: 'client', steps: planned }));
    return;
  }
  let text = planTable(steps);
  for (const [key, manifest] of manifests) {
    text += `---\n# ${key}: the manifest that would be backed up and re-created\n${stringify(manifest)}`;
  }
  say(process.stdout, text);
  say(process.stderr, `${capitalized(dryRunText('client'))}: nothing was sent.\n`);
}

function refusedResult(step: RescheduleStep): RescheduleResult {
  return { pod: step.key, namespace: step.pod.namespace, name: step.pod.name, method: step.method, outcome: 'refused', from: step.from, to: step.to, landed: null, message: step.reason };
}

function printResults(session: Session, results: readonly RescheduleResult[], json: boolean, serverDryRun = false): void {
  if (json) {
    say(process.stdout, document('RescheduleResult', session, { ...(serverDryRun ? { dryRun: 'server' } : {}), results }));
    return;
  }
  say(process.stdout, resultTable(results));
}

function document(kind: string, session: Session, body: Record<string, unknown>): string {
  return `${JSON.stringify({ apiVersion: API_VERSION, kind, context: session.identity.context, ...body }, null, 2)}\n`;
}
