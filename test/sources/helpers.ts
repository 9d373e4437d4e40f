import assert from 'node:assert/strict';
import { KubeConfig } from '@kubernetes/client-node';
import type { ClusterStore } from '../../source/store/cluster-store.js';
import type { Snapshot } from '../../source/store/snapshot.js';

/** Poll the store until `check` holds (or fail with `what` after `timeoutMs`). */
export async function waitFor(store: ClusterStore, what: string, check: (s: Snapshot) => boolean, timeoutMs = 10_000): Promise<Snapshot> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const snapshot = store.flush();
    if (check(snapshot)) return snapshot;
    if (Date.now() > deadline) {
      assert.fail(`timed out waiting for ${what} (connection ${snapshot.connection.state}: ${snapshot.connection.message ?? ''})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function kubeConfigFrom(path: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(path);
  return kc;
}

/** A plain pod manifest (no profile labels, so the webhook decides). */
export function podManifest(namespace: string, name: string, labels: Record<string, string> = {}): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { namespace, name, labels },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '250m', memory: '256Mi' } } }] },
  };
}

/** Count of live timers/sockets, to check that stop() leaves nothing behind. */
export function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}
