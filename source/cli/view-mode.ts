import path from 'node:path';
import { defaultBackupDir } from '../actions/backup.js';
import { planForKeys } from '../actions/plan.js';
import { startReschedule } from '../actions/reschedule.js';
import { checkPodPermissions } from '../sources/kube/permissions.js';
import { startReflectors } from '../sources/kube/reflector.js';
import type { TuiActions } from '../ui/tui-actions.js';
import { parseTimeout } from './action-common.js';
import type { Options } from './flags.js';
import { openSession, type Session } from './session.js';

/** The live TUI: watches keep the store current; the UI reads it. */
export async function runView(options: Options): Promise<number> {
  const session = await openSession(options, { live: true });
  const reflectors = startReflectors(session.kc, session.store, {
    namespace: options.namespace,
    labelSelector: options.selector,
    timeoutMs: session.requestTimeoutMs,
  });
  const poller = session.startProfiles();
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
    poller.stop();
    await reflectors.stop();
    await session.close();
  }
  return 0;
}

/** The actions layer, bound to this session, as the TUI uses it (the UI never imports it). */
function tuiActions(session: Session, options: Options): TuiActions {
  const backupDir = options.backupDir ? path.resolve(options.backupDir) : defaultBackupDir();
  const timeoutMs = parseTimeout(options.timeout);
  return {
    backupDir,
    plan: (pods, podKeys) => planForKeys(pods, podKeys),
    start: (steps) => startReschedule(session.kc, steps, { backupDir, context: session.identity.context, timeoutMs }),
    permissions: (namespace) => checkPodPermissions(session.kc, namespace, session.requestTimeoutMs ? { timeoutMs: session.requestTimeoutMs } : {}),
  };
}
