import { columnWidths, renderHeader, renderRow, type Column } from '../report/columns.js';
import { colorsEnabled } from '../report/colors.js';
import { NAME_COLUMN, customColumns, sortPods } from '../report/pod-outputs.js';
import { podTableColumns } from '../report/table.js';
import { startReflectors } from '../sources/kube/reflector.js';
import { UserError } from '../errors.js';
import type { PodView } from '../view-model/cluster-view.js';
import { ClusterViewModel } from '../view-model/cluster-view-model.js';
import type { Options } from './flags.js';
import { STOP_EXIT, onStop, say, type StopCause } from './interrupts.js';
import { openSession } from './session.js';

// `kubectl fargate -w`: like `kubectl get pods -w`, the table once the cluster is read, then a
// row for each pod whose row changes (a new pod, a new status, a verdict that moved because a
// profile changed, a pod deleted: its last row), as the watches report it, until interrupted.
// Rows keep the first table's column widths, so they line up under its header.

export async function runWatch(options: Options): Promise<number> {
  const session = await openSession(options);
  const { store } = session;
  const reflectors = startReflectors(session.kc, store, {
    namespace: options.namespace,
    labelSelector: options.selector,
    fieldSelector: options.fieldSelector,
    timeoutMs: session.requestTimeoutMs,
  });
  const poller = session.startProfiles();
  let stopped: StopCause | null = null;
  let wake: () => void = () => {};
  const stopListening = onStop((cause) => {
    stopped ??= cause;
    wake();
  });
  try {
    // The first table waits for every list and the first profile read, as kubectl's waits for its list.
    await Promise.race([Promise.all([firstSync(store), poller.refreshNow()]), new Promise<void>((resolve) => (wake = resolve))]);
    if (stopped) return STOP_EXIT[stopped];
    for (const warning of store.getSnapshot().warnings) say(process.stderr, `warning: ${warning}\n`);

    const model = new ClusterViewModel();
    const columns = watchColumns(options, model.update(store.flush()).proposed);
    const first = sortPods(model.update(store.getSnapshot()).pods, options.sortBy);
    const headers = options.headers && options.output !== 'name';
    const widths = columnWidths(first, columns, headers);
    if (headers) say(process.stdout, renderHeader(columns, widths));
    const shown = new Map<string, string>();
    const fingerprint = fingerprintOf(options);
    for (const view of first) {
      shown.set(view.key, fingerprint(view));
      say(process.stdout, renderRow(view, columns, widths));
    }

    let last = new Map(first.map((v) => [v.key, v] as const));
    let connection = store.getSnapshot().connection.state;
    const onChange = () => {
      const snapshot = store.getSnapshot();
      if (snapshot.connection.state !== connection) {
        connection = snapshot.connection.state;
        if (connection !== 'live' && snapshot.connection.message) say(process.stderr, `warning: ${snapshot.connection.message} (reconnecting)\n`);
      }
      const view = model.update(snapshot);
      const now = new Map(view.pods.map((v) => [v.key, v] as const));
      for (const pod of sortPods(view.pods, options.sortBy)) {
        const print = fingerprint(pod);
        if (shown.get(pod.key) === print) continue;
        shown.set(pod.key, print);
        say(process.stdout, renderRow(pod, columns, widths));
      }
      // A deleted pod: its last row once more, as kubectl prints the object of a DELETED event.
      for (const [key, pod] of last) {
        if (now.has(key)) continue;
        shown.delete(key);
        say(process.stdout, renderRow(pod, columns, widths));
      }
      last = now;
    };
    const unsubscribe = store.subscribe(onChange);
    await new Promise<void>((resolve) => {
      wake = resolve;
      if (stopped) resolve();
    });
    unsubscribe();
    return STOP_EXIT[stopped ?? 'SIGINT'];
  } finally {
    stopListening();
    poller.stop();
    await reflectors.stop();
    await session.close();
  }
}

function watchColumns(options: Options, proposed: ReadonlySet<string>): Column<PodView>[] {
  if (options.output === 'name') return [NAME_COLUMN];
  if (options.output === 'custom-columns') return customColumns(options.template ?? '');
  const color = colorsEnabled(options.color, Boolean(process.stdout.isTTY));
  return podTableColumns({ wide: options.output === 'wide', headers: options.headers, color, showNamespace: options.namespace === null, proposed, showLabels: options.showLabels });
}

/** What makes a row new: every fact the wide table shows (so `-o name` too prints a pod that changed). */
function fingerprintOf(options: Options): (view: PodView) => string {
  const columns = podTableColumns({ wide: true, headers: false, color: false, showNamespace: true, proposed: new Set(), showLabels: true });
  const extra = options.output === 'custom-columns' ? customColumns(options.template ?? '') : [];
  return (view) => [...columns, ...extra].map((c) => c.value(view)).join('\u0000');
}

/** Resolves once every list is in (the store says live); a fatal failure (401, 403, config) is the run's error. */
function firstSync(store: { getSnapshot(): { connection: { state: string; message: string | null } }; subscribe(l: () => void): () => void }): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const { state, message } = store.getSnapshot().connection;
      if (state === 'live') resolve();
      else if (state === 'error') reject(new UserError(message ?? 'cannot read the cluster'));
      else return false;
      return true;
    };
    if (check()) return;
    const unsubscribe = store.subscribe(() => {
      if (check()) unsubscribe();
    });
  });
}
