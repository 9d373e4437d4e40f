// Shared by the fault tests: follow the sim with the production reflector settings, make churn,
// and compare what the store shows with a fresh list over HTTP.
import assert from 'node:assert/strict';
import type { KubeConfig } from '@kubernetes/client-node';
import type { RunningSim } from '../../source/sim/index.js';
import { loadKubeConfig } from '../../source/sources/kube/kubeconfig.js';
import { inferClusterIdentity } from '../../source/sources/kube/identity.js';
import { loadClusterOnce } from '../../source/sources/kube/load-cluster.js';
import { Reflector, type ReflectorOptions } from '../../source/sources/kube/reflector.js';
import { ClusterStore } from '../../source/store/cluster-store.js';
import type { ConnectionStatus, Snapshot } from '../../source/store/snapshot.js';
import { buildClusterView } from '../../source/view-model/cluster-view.js';
import { podManifest } from '../helpers/sim.js';
import { waitUntil } from '../helpers/waiting.js';

export interface Followed {
  kc: KubeConfig;
  store: ClusterStore;
  reflector: Reflector;
  /** Every connection state the store published, in order (with when). */
  states: Array<ConnectionStatus & { at: number }>;
  stop(): Promise<void>;
}

/**
 * A store fed by a Reflector with the DEFAULT (production) backoff, subscribed like the TUI so
 * that it batches. Resolves once the first list is in.
 */
export async function follow(kubeconfigPath: string, options: ReflectorOptions = {}): Promise<Followed> {
  const { kc, contextName } = loadKubeConfig({ kubeconfig: kubeconfigPath, env: {} });
  const store = new ClusterStore(inferClusterIdentity(kc, contextName));
  const states: Followed['states'] = [];
  const unsubscribe = store.subscribe((s) => {
    const last = states.at(-1);
    if (!last || last.state !== s.connection.state || last.message !== s.connection.message) states.push({ ...s.connection, at: Date.now() });
  });
  const reflector = new Reflector(kc, store, options).start();
  await waitUntil('the first list', () => store.flush().connection.state === 'live', 30_000);
  return {
    kc,
    store,
    reflector,
    states,
    async stop() {
      await reflector.stop();
      unsubscribe();
      store.dispose();
    },
  };
}

/** namespace/name -> resourceVersion of every pod the store holds. */
export function storePods(snapshot: Snapshot): Map<string, string> {
  return new Map([...snapshot.pods.values()].map((p) => [`${p.namespace}/${p.name}`, p.resourceVersion]));
}

/** The same, from a fresh paged list over HTTP (what a new `kubectl fargate` would see). */
export async function freshPods(kc: KubeConfig): Promise<Map<string, string>> {
  const store = new ClusterStore(inferClusterIdentity(kc, kc.getCurrentContext()));
  await loadClusterOnce(kc, { skip: ['events', 'nodes', 'namespaces', 'claims'] }, store);
  const pods = storePods(store.flush());
  store.dispose();
  return pods;
}

/** What differs between two pod maps, for failure messages. */
export function podDiff(shown: Map<string, string>, fresh: Map<string, string>): string {
  const ghosts = [...shown.keys()].filter((k) => !fresh.has(k));
  const missing = [...fresh.keys()].filter((k) => !shown.has(k));
  const stale = [...fresh].filter(([k, rv]) => shown.has(k) && shown.get(k) !== rv).map(([k]) => k);
  return `${shown.size} shown, ${fresh.size} listed; ghosts [${ghosts.slice(0, 5).join(', ')}] missing [${missing.slice(0, 5).join(', ')}] stale [${stale.slice(0, 5).join(', ')}]`;
}

export const samePods = (a: Map<string, string>, b: Map<string, string>): boolean =>
  a.size === b.size && [...a].every(([k, rv]) => b.get(k) === rv);

/** Wait until the store shows exactly what a fresh list shows (names and versions). */
export async function waitForStoreToMatchList(followed: Followed, timeoutMs = 20_000): Promise<void> {
  let last = '';
  await waitUntil(
    'the store to match a fresh list',
    async () => {
      const fresh = await freshPods(followed.kc);
      const shown = storePods(followed.store.flush());
      last = podDiff(shown, fresh);
      return samePods(shown, fresh);
    },
    timeoutMs,
    { intervalMs: 200, detail: () => last },
  );
}

/** The view shows each pod once (no duplicate rows). */
export function assertNoDuplicateRows(snapshot: Snapshot): void {
  const view = buildClusterView(snapshot);
  const keys = view.pods.map((p) => `${p.pod.namespace}/${p.pod.name}`);
  assert.equal(new Set(keys).size, keys.length, 'a pod shows twice');
  assert.equal(keys.length, snapshot.pods.size, 'rows and pods differ');
}

export interface Churn {
  created: number;
  deleted: number;
  stop(): void;
}

/**
 * Pods created and deleted every `intervalMs` in `namespace`, keeping about `keep` alive (each
 * also goes through scheduling and the kubelet: ADDED, several MODIFIED, DELETED).
 */
export function startChurn(sim: RunningSim, { intervalMs = 20, keep = 40, namespace = 'default', prefix = 'churn' } = {}): Churn {
  const alive: string[] = [];
  let n = 0;
  const churn: Churn = {
    created: 0,
    deleted: 0,
    stop: () => clearInterval(timer),
  };
  const timer = setInterval(() => {
    try {
      const name = `${prefix}-${n++}`;
      sim.cluster.createPod(podManifest(namespace, name, { labels: { app: prefix }, container: { resources: { requests: { cpu: '250m', memory: '256Mi' } } } }));
      alive.push(name);
      churn.created++;
      while (alive.length > keep) {
        sim.cluster.deletePod(namespace, alive.shift()!, { gracePeriodSeconds: 0 });
        churn.deleted++;
      }
    } catch {
      // A conflict with the sim's own controllers is not what is being tested.
    }
  }, intervalMs);
  return churn;
}
