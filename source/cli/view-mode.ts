import path from 'node:path';
import { defaultBackupDir } from '../actions/backup.js';
import { viewPlanner } from '../actions/view-plan.js';
import { finishRunsInFlight, startReschedule } from '../actions/reschedule.js';
import { checkPodPermissions } from '../sources/kube/permissions.js';
import { startReflectors } from '../sources/kube/reflector.js';
import { startVersionPoller } from '../sources/kube/version.js';
import type { TuiActions } from '../ui/tui-actions.js';
import { parseTimeout } from './action-common.js';
import type { Options } from './flags.js';
import { STOP_EXIT, onOutputLost } from './interrupts.js';
import { pendingWarnings } from './pending-restores.js';
import { openSession, type Session } from './session.js';
import { clusterMatchWarning, requireClusterMatch } from './cluster-check.js';

/** The live TUI: watches keep the store current; the UI reads it. */
export async function runView(options: Options): Promise<number> {
  const session = await openSession(options, { live: true });
  const reflectors = startReflectors(session.kc, session.store, {
    namespace: options.namespace,
    labelSelector: options.selector,
    fieldSelector: options.fieldSelector,
    timeoutMs: session.requestTimeoutMs,
  });
  const poller = session.startProfiles();
  // The control plane's version, re-read so an upgrade made during the session shows which pods it left behind.
  const versions = startVersionPoller(session.kc, session.store, { timeoutMs: session.requestTimeoutMs });
  // A mismatch shows as the status bar's warning; the reschedule keys are refused (below).
  void session.clusterMatch().then((match) => {
    const warning = clusterMatchWarning(match);
    if (warning) session.store.addWarning(warning);
  });
  // Pods an unfinished reschedule left deleted: shown in the status bar.
  void pendingWarnings(session, options).then((lines) => lines.forEach((line) => session.store.addWarning(line)));
  // A terminal gone without a SIGHUP (EIO writing the screen) is a hang-up too: the TUI quits
  // like on `q`, finishing the pod in flight first. The exit code says it was a hang-up.
  let hungUp = false;
  const onHangup = () => void (hungUp = true);
  process.on('SIGHUP', onHangup);
  const stopLost = onOutputLost(() => void process.emit('SIGHUP', 'SIGHUP'));
  const { runTui } = await import('../ui/run-tui.js');
  try {
    await runTui({
      store: session.store,
      refreshProfiles: () => void poller.refreshNow(),
      readOnly: options.readOnly,
      namespace: options.namespace,
      labelSelector: options.selector,
      noColor: options.color === 'never' || (options.color === 'auto' && Boolean(process.env.NO_COLOR)),
      // --read-only: nothing that could change the cluster is even handed to the UI.
      ...(options.readOnly ? {} : { actions: tuiActions(session, options) }),
    });
  } finally {
    // However the TUI ended (quit, signal, crash), a bare pod in flight is re-created first.
    await finishRunsInFlight();
    stopLost();
    process.off('SIGHUP', onHangup);
    poller.stop();
    versions.stop();
    await reflectors.stop();
    await session.close();
  }
  return hungUp ? STOP_EXIT.SIGHUP : 0;
}

/** The actions layer, bound to this session, as the TUI uses it (the UI never imports it). */
function tuiActions(session: Session, options: Options): TuiActions {
  const backupDir = options.backupDir ? path.resolve(options.backupDir) : defaultBackupDir();
  const timeoutMs = parseTimeout(options.timeout);
  return {
    backupDir,
    plan: viewPlanner(session.kc),
    start: (steps) => startReschedule(session.kc, steps, { backupDir, context: session.identity.context, timeoutMs, journalIndexDir: defaultBackupDir(), beforeStart: () => requireClusterMatch(session) }),
    permissions: (namespace) => checkPodPermissions(session.kc, namespace, session.requestTimeoutMs ? { timeoutMs: session.requestTimeoutMs } : {}),
  };
}
