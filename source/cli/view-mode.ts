import path from 'node:path';
import { defaultBackupDir } from '../actions/backup.js';
import { viewPlanner } from '../actions/view-plan.js';
import { finishRunsInFlight, startReschedule } from '../actions/reschedule.js';
import { checkPodPermissions } from '../sources/kube/permissions.js';
import type { TuiActions } from '../ui/tui-actions.js';
import { parseTimeout } from './action-common.js';
import type { Options } from './flags.js';
import { STOP_EXIT, onOutputLost } from './interrupts.js';
import { requireClusterMatch } from './cluster-check.js';
import { openLiveSession, type LiveSession } from './live-session.js';
import { osc52 } from '../lib/osc52.js';
import { tuiProfiles } from './tui-profiles.js';

/** The live TUI: watches keep the store current; the UI reads it. */
export async function runView(options: Options): Promise<number> {
  const live = await openLiveSession(options);
  // A terminal gone without a SIGHUP (EIO writing the screen) is a hang-up too: the TUI quits
  // like on `q`, finishing the pod in flight first. The exit code says it was a hang-up.
  let hungUp = false;
  const onHangup = () => void (hungUp = true);
  process.on('SIGHUP', onHangup);
  const stopLost = onOutputLost(() => void process.emit('SIGHUP', 'SIGHUP'));
  const { runTui } = await import('../ui/run-tui.js');
  try {
    await runTui({
      store: live.feed,
      refreshProfiles: () => live.refreshProfiles(),
      readOnly: options.readOnly,
      namespace: options.namespace,
      labelSelector: options.selector,
      noColor: options.color === 'never' || (options.color === 'auto' && Boolean(process.env.NO_COLOR)),
      // Reads (y, d, l) and :ctx are offered with --read-only too: none of them writes.
      reads: live.reads,
      contexts: live.contexts,
      copy: (text) => void process.stdout.write(osc52(text)),
      // e (export) is a read; c and x are handed over only without --read-only.
      profiles: tuiProfiles(live, options),
      // --read-only: nothing that could change the cluster is even handed to the UI. --dry-run:
      // the reschedule keys are not offered (the run has no preview of its own here); the
      // profile keys preview and send nothing (tui-profiles.ts).
      ...(options.readOnly || options.dryRun !== false ? {} : { actions: tuiActions(live, options) }),
    });
  } finally {
    // However the TUI ended (quit, signal, crash), a bare pod in flight is re-created first.
    await finishRunsInFlight();
    stopLost();
    process.off('SIGHUP', onHangup);
    await live.close();
  }
  return hungUp ? STOP_EXIT.SIGHUP : 0;
}

/** The actions layer, bound to this session, as the TUI uses it (the UI never imports it). */
function tuiActions(live: LiveSession, options: Options): TuiActions {
  const backupDir = options.backupDir ? path.resolve(options.backupDir) : defaultBackupDir();
  const timeoutMs = parseTimeout(options.timeout);
  return {
    backupDir,
    // Plans for `U` read the workloads (a one-replica Deployment is restarted, not evicted).
    plan: (pods, podKeys, planOptions) => viewPlanner(live.current().kc)(pods, podKeys, planOptions),
    // The session of the context on screen when the key is pressed (`:ctx` may have switched it).
    start: (steps) => {
      const session = live.current();
      return startReschedule(session.kc, steps, { backupDir, context: session.identity.context, timeoutMs, journalIndexDir: defaultBackupDir(), beforeStart: () => requireClusterMatch(session) });
    },
    permissions: (namespace) => {
      const session = live.current();
      return checkPodPermissions(session.kc, namespace, session.requestTimeoutMs ? { timeoutMs: session.requestTimeoutMs } : {});
    },
  };
}
