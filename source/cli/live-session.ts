// The live view's cluster, which `:ctx` can change: one session at a time is watched (its pods
// by the reflectors, its profiles by the poller) and fed to the UI through one feed, so a
// switch is the feed pointing at another store. The UI's reads, copy and actions ask for the
// current session each time, so nothing keeps talking to the last cluster.
import type { KubeConfig } from '@kubernetes/client-node';
import { startReflectors, type Reflector } from '../sources/kube/reflector.js';
import { startVersionPoller } from '../sources/kube/version.js';
import type { ProfilesReread } from '../ui/tui-actions.js';
import { loadKubeConfig } from '../sources/kube/kubeconfig.js';
import type { ProfilePoller } from '../sources/aws/eks.js';
import { checkPodReadPermissions, readPodDescription, readPodYaml, streamPodLog } from '../sources/kube/pod-reads.js';
import type { Snapshot } from '../store/snapshot.js';
import type { KubeContextInfo, TuiContexts, TuiReads } from '../ui/tui-actions.js';
import type { SnapshotFeed } from '../view-model/cluster-view-model.js';
import { clusterMatchWarning } from './cluster-check.js';
import type { Options } from './flags.js';
import { pendingWarnings } from './pending-restores.js';
import { openSession, type Session } from './session.js';

interface Watched {
  session: Session;
  reflectors: Reflector;
  poller: ProfilePoller;
  versions: { stop(): void };
}

export interface LiveSession {
  current(): Session;
  feed: SnapshotFeed;
  /** R: read the profiles now, and say how many were read (or why not). */
  refreshProfiles(): Promise<ProfilesReread>;
  reads: TuiReads;
  contexts: TuiContexts;
  close(): Promise<void>;
}

function watch(session: Session, options: Options): Watched {
  const reflectors = startReflectors(session.kc, session.store, {
    namespace: options.namespace,
    labelSelector: options.selector,
    fieldSelector: options.fieldSelector,
    timeoutMs: session.requestTimeoutMs,
  });
  const poller = session.startProfiles();
  // The control plane's version, re-read so an upgrade made during the session shows which pods it left behind.
  const versions = startVersionPoller(session.kc, session.store, { timeoutMs: session.requestTimeoutMs });
  // A mismatch shows as the status bar's warning; the reschedule keys are refused.
  void session.clusterMatch().then((match) => {
    const warning = clusterMatchWarning(match);
    if (warning) session.store.addWarning(warning);
  });
  // Pods an unfinished reschedule left deleted: shown in the status bar.
  void pendingWarnings(session, options).then((lines) => lines.forEach((line) => session.store.addWarning(line)));
  return { session, reflectors, poller, versions };
}

/**
 * `switchTo(name)` opens the context as if the CLI had been started with `--context name`:
 * the flags that pin another cluster (--cluster, --eks-cluster, --region) belong to the first
 * context and are dropped; the kubeconfig file stays the one in use (the demo's too).
 */
export async function openLiveSession(options: Options): Promise<LiveSession> {
  let watched = watch(await openSession(options, { live: true }), options);
  // Sessions are closed at the end only: a demo's cluster lives as long as the first session.
  const opened: Session[] = [watched.session];
  const kubeconfig = watched.session.kubeconfig;

  // Each UI listener, with the unsubscribe of the store it listens to now (moved on a switch).
  const subs = new Map<() => void, () => void>();
  const feed: SnapshotFeed = {
    subscribe(listener) {
      subs.set(listener, watched.session.store.subscribe(listener));
      return () => {
        subs.get(listener)?.();
        subs.delete(listener);
      };
    },
    getSnapshot: (): Snapshot => watched.session.store.getSnapshot(),
  };

  const kc = (): KubeConfig => watched.session.kc;
  const timeout = () => watched.session.requestTimeoutMs;
  const reads: TuiReads = {
    permissions: (namespace) => checkPodReadPermissions(kc(), namespace, timeout() ? { timeoutMs: timeout()! } : {}),
    yaml: (namespace, name) => readPodYaml(kc(), namespace, name, timeout()),
    describe: (namespace, name) => readPodDescription(kc(), namespace, name, timeout()),
    logs: (namespace, name, container, logOptions, listener) => streamPodLog(kc(), namespace, name, container, logOptions, listener),
  };

  const contexts: TuiContexts = {
    list(): KubeContextInfo[] {
      // Read again each time: a context added since the start is offered.
      const { kc: fresh } = loadKubeConfig({ kubeconfig });
      return fresh.getContexts().map((c) => ({
        name: c.name,
        cluster: c.cluster,
        namespace: c.namespace ?? null,
        current: c.name === watched.session.identity.context,
      }));
    },
    async switchTo(name) {
      const next = await openSession({ ...options, kubeconfig, context: name, cluster: undefined, eksCluster: undefined, region: undefined, demo: false }, { live: true });
      opened.push(next);
      const last = watched;
      watched = watch(next, options);
      for (const [listener, off] of subs) {
        off();
        subs.set(listener, next.store.subscribe(listener));
        listener();
      }
      last.poller.stop();
      last.versions.stop();
      await last.reflectors.stop();
    },
  };

  return {
    current: () => watched.session,
    feed,
    async refreshProfiles() {
      const { session, poller } = watched;
      await poller.refreshNow();
      const { profiles, profilesStatus } = session.store.getSnapshot();
      if (profilesStatus.state !== 'ok' || profilesStatus.stale) return { profiles: null, problem: profilesStatus.message ?? `EKS ${profilesStatus.state}` };
      return { profiles: profiles.filter((p) => p.source !== 'file').length, problem: null };
    },
    reads,
    contexts,
    async close() {
      watched.poller.stop();
      watched.versions.stop();
      await watched.reflectors.stop();
      for (const session of opened.reverse()) await session.close();
    },
  };
}
