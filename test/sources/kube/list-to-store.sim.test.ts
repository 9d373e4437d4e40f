// The one list path (list-to-store.ts) the one-shot load and the reflector's relists share: each
// query's unread parts are cut before parsing, and nothing reaches the store before commit().
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSim, type RunningSim } from '../../../source/sim/index.js';
import { loadKubeConfig } from '../../../source/sources/kube/kubeconfig.js';
import { inferClusterIdentity } from '../../../source/sources/kube/identity.js';
import { listToStore } from '../../../source/sources/kube/list-to-store.js';
import { resourceQueries, type ResourceKind } from '../../../source/sources/kube/resources.js';
import { sinkFor, type Sink } from '../../../source/sources/kube/store-sinks.js';
import { ClusterStore } from '../../../source/store/cluster-store.js';

let sim: RunningSim;
before(async () => {
  sim = await startSim({ generate: { pods: 30, seed: 2 }, controllers: false });
});
after(() => sim.close());

const kubeconfig = () => loadKubeConfig({ kubeconfig: sim.kubeconfigPath, env: {} });
const query = (kind: ResourceKind) => resourceQueries({}).find((q) => q.kind === kind)!;

/** A sink that keeps the raw items it is handed (what projection would see). */
function rawSink(): { sink: Sink; items: unknown[] } {
  const items: unknown[] = [];
  const sink: Sink = {
    collect: () => ({ add: (item) => items.push(item), reset: () => void (items.length = 0), commit: () => {} }),
    upsert: () => {},
    remove: () => {},
  };
  return { sink, items };
}

describe('listToStore', () => {
  test('pods arrive cut (env, probes, managedFields): the load and the reflector both prune', async () => {
    const { kc } = kubeconfig();
    const { sink, items } = rawSink();
    await listToStore(kc, query('pods'), sink, { limit: 7 });
    type RawPod = { spec: { containers: { env?: unknown; livenessProbe?: unknown; image: string }[] }; metadata: { managedFields?: unknown } };
    const pods = items as RawPod[];
    assert.equal(pods.length, sim.cluster.listPods().length);
    const containers = pods.flatMap((p) => p.spec.containers);
    assert.ok(containers.some((c) => 'env' in c), 'the generated pods have env');
    for (const c of containers) {
      assert.equal(c.env ?? null, null, 'env is cut');
      assert.equal(c.livenessProbe ?? null, null, 'probes are cut');
      assert.ok(c.image.length > 0, 'what projection reads is kept');
    }
  });

  test('the store sees the list only on commit, and whole', async () => {
    const { kc, contextName } = kubeconfig();
    const store = new ClusterStore(inferClusterIdentity(kc, contextName));
    const listed = await listToStore(kc, query('pods'), sinkFor('pods', store), { limit: 5 });
    assert.equal(store.getSnapshot().pods.size, 0);
    assert.ok(listed.resourceVersion !== '');
    listed.commit();
    assert.equal(store.getSnapshot().pods.size, sim.cluster.listPods().length);
    store.dispose();
  });
});
