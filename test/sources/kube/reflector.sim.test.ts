// The live reflector against the simulator: list -> watch -> store, recovery from dropped
// watches, expired resourceVersions and an unreachable server, and a clean stop().
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSim, type RunningSim } from '../../../source/sim/index.js';
import { loadKubeConfig } from '../../../source/sources/kube/kubeconfig.js';
import { inferClusterIdentity } from '../../../source/sources/kube/identity.js';
import { Reflector } from '../../../source/sources/kube/reflector.js';
import { ClusterStore } from '../../../source/store/cluster-store.js';
import { activeResources } from '../helpers.js';
import { podManifest } from '../../helpers/sim.js';
import { waitForSnapshot } from '../../helpers/waiting.js';

let sim: RunningSim;
before(async () => {
  sim = await startSim({ generate: { pods: 300 } });
});
after(async () => {
  await sim.close();
});

async function follow(options: ConstructorParameters<typeof Reflector>[2] = {}) {
  const { kc, contextName } = loadKubeConfig({ kubeconfig: sim.kubeconfigPath, env: {} });
  const store = new ClusterStore(inferClusterIdentity(kc, contextName), 5);
  // A subscriber makes the store batch like the TUI does.
  const unsubscribe = store.subscribe(() => {});
  const reflector = new Reflector(kc, store, { backoff: { initialMs: 50, maxMs: 400 }, ...options }).start();
  await waitForSnapshot(store, 'the first list', (s) => s.connection.state === 'live' && s.pods.size === sim.cluster.listPods().length);
  return {
    store,
    reflector,
    async stop() {
      await reflector.stop();
      unsubscribe();
      store.dispose();
    },
  };
}

describe('Reflector', () => {
  test('lists everything, then follows creates and deletes', async () => {
    const live = await follow();
    try {
      const snapshot = live.store.flush();
      assert.equal(snapshot.namespaces.size, sim.cluster.list('namespaces').length);
      assert.equal(snapshot.nodes.size, sim.cluster.list('nodes').length);
      sim.cluster.createPod(podManifest('default', 'watched-1', { labels: { app: 'watched' } }));
      await waitForSnapshot(live.store, 'the created pod', (s) => s.pods.has('default/watched-1'));
      await waitForSnapshot(live.store, 'the pod to run', (s) => s.pods.get('default/watched-1')?.status === 'Running');
      sim.cluster.deletePod('default', 'watched-1');
      await waitForSnapshot(live.store, 'the deleted pod to go', (s) => !s.pods.has('default/watched-1'));
    } finally {
      await live.stop();
    }
  });

  test('dropped watch streams are resumed without losing changes', async () => {
    const live = await follow();
    try {
      sim.faults.dropWatches();
      sim.cluster.createPod(podManifest('default', 'after-drop'));
      await waitForSnapshot(live.store, 'the pod created while the watch was down', (s) => s.pods.has('default/after-drop'));
      sim.faults.dropWatches();
      sim.cluster.deletePod('default', 'after-drop', { gracePeriodSeconds: 0 });
      await waitForSnapshot(live.store, 'the pod deleted while the watch was down', (s) => !s.pods.has('default/after-drop'));
      assert.equal(live.store.flush().connection.state, 'live');
    } finally {
      await live.stop();
    }
  });

  test('an expired resourceVersion relists: pods deleted during the gap vanish', async () => {
    sim.cluster.createPod(podManifest('default', 'gap-victim'));
    const live = await follow();
    try {
      assert.ok(live.store.flush().pods.has('default/gap-victim'));
      // Take the server away, delete behind the reflector's back, forget history, come back.
      sim.faults.down(400);
      sim.cluster.deletePod('default', 'gap-victim', { gracePeriodSeconds: 0 });
      sim.cluster.createPod(podManifest('default', 'gap-newcomer'));
      sim.faults.expireResourceVersions();
      await waitForSnapshot(live.store, 'reconnecting to be shown', (s) => s.connection.state === 'reconnecting', 5000);
      const snapshot = await waitForSnapshot(
        live.store,
        'the relist after 410',
        (s) => s.connection.state === 'live' && !s.pods.has('default/gap-victim') && s.pods.has('default/gap-newcomer'),
      );
      assert.equal(snapshot.pods.size, sim.cluster.listPods().length);
    } finally {
      await live.stop();
    }
  });

  test('forbidden optional resources become warnings; namespaces come from the pods', async () => {
    sim.faults.deny({ resource: 'namespaces' });
    sim.faults.deny({ resource: 'nodes' });
    try {
      const live = await follow();
      try {
        const snapshot = await waitForSnapshot(live.store, 'the warnings', (s) => s.warnings.length === 2);
        assert.match(snapshot.warnings.join('\n'), /cannot list namespaces \(forbidden\)/);
        assert.match(snapshot.warnings.join('\n'), /cannot list nodes \(forbidden\)/);
        const podNamespaces = new Set([...snapshot.pods.values()].map((p) => p.namespace));
        assert.deepEqual(new Set(snapshot.namespaces.keys()), podNamespaces);
        assert.equal(snapshot.connection.state, 'live');
      } finally {
        await live.stop();
      }
    } finally {
      sim.faults.reset();
    }
  });

  test('follows owner pod templates: a new ReplicaSet\'s template arrives, a forbidden kind is said', async () => {
    sim.faults.deny({ resource: 'statefulsets' });
    try {
      const live = await follow();
      try {
        await waitForSnapshot(live.store, 'ReplicaSet templates', (s) => s.templatesRead.get('ReplicaSet') === null && s.templates.size > 0);
        const denied = await waitForSnapshot(live.store, 'StatefulSets marked unreadable', (s) => s.templatesRead.get('StatefulSet') === 'forbidden');
        assert.ok(denied.warnings.includes('cannot list statefulsets (forbidden); their pods are judged by their own labels, not by the pod template a replacement gets'));
        sim.cluster.apply({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'followed', namespace: 'default' },
          spec: { replicas: 1, selector: { matchLabels: { app: 'followed' } }, template: { metadata: { labels: { app: 'followed', tier: 'x' } }, spec: { containers: [{ name: 'a', image: 'nginx' }] } } },
        });
        const snapshot = await waitForSnapshot(live.store, "the new ReplicaSet's template", (s) => [...s.templates.values()].some((t) => t.kind === 'ReplicaSet' && t.name.startsWith('followed-')));
        const template = [...snapshot.templates.values()].find((t) => t.name.startsWith('followed-'))!;
        assert.equal(template.templateLabels.tier, 'x');
      } finally {
        await live.stop();
      }
    } finally {
      sim.faults.reset();
    }
  });

  test('stop() ends watches and timers: nothing is left running', async () => {
    const before = activeResources();
    const live = await follow();
    sim.faults.dropWatches(); // also stop while a reconnect may be pending
    await live.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const afterStop = activeResources();
    // Each open watch holds an inactivity timer and each backoff a sleep timer.
    assert.ok((afterStop.Timeout ?? 0) <= (before.Timeout ?? 0), `timers: ${before.Timeout ?? 0} before, ${afterStop.Timeout ?? 0} after`);
    // And nothing listens any more: a change no longer reaches the store.
    const version = live.store.getSnapshot().version;
    sim.cluster.createPod(podManifest('default', 'after-stop'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(live.store.getSnapshot().version, version);
  });
});

describe('Reflector: storage is followed only once a pod mounts a claim', () => {
  let small: RunningSim;
  before(async () => {
    small = await startSim({ scenario: 'empty', generate: { pods: 20 } });
    small.cluster.apply({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-efs' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteMany'], csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-1' } } });
  });
  after(() => small.close());

  test('no claim, no PersistentVolume list; the first pod with a claim starts it', async () => {
    const { kc, contextName } = loadKubeConfig({ kubeconfig: small.kubeconfigPath, env: {} });
    const store = new ClusterStore(inferClusterIdentity(kc, contextName), 5);
    const unsubscribe = store.subscribe(() => {});
    const reflector = new Reflector(kc, store, { backoff: { initialMs: 50, maxMs: 400 } }).start();
    try {
      await waitForSnapshot(store, 'the first list', (s) => s.connection.state === 'live' && s.pods.size === small.cluster.listPods().length);
      await waitForSnapshot(store, 'ReplicaSet templates', (s) => s.templatesRead.get('ReplicaSet') === null);
      assert.equal(store.flush().volumes.size, 0, 'no pod mounts a claim yet');
      small.cluster.apply({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'shared', namespace: 'default' }, spec: { accessModes: ['ReadWriteMany'], storageClassName: '', volumeName: 'pv-efs', resources: { requests: { storage: '1Gi' } } } });
      const claimed = podManifest('default', 'with-claim') as { spec: Record<string, unknown> };
      claimed.spec.volumes = [{ name: 'data', persistentVolumeClaim: { claimName: 'shared' } }];
      small.cluster.createPod(claimed);
      const snapshot = await waitForSnapshot(store, 'the volume and the claim', (s) => s.volumes.has('pv-efs') && s.claims.has('default/shared'));
      assert.deepEqual(snapshot.volumes.get('pv-efs'), { name: 'pv-efs', csiDriver: 'efs.csi.aws.com', inTree: null });
      assert.equal(snapshot.claims.get('default/shared')?.volumeName, 'pv-efs');
    } finally {
      await reflector.stop();
      unsubscribe();
      store.dispose();
    }
  });
});
