// listAll and loadClusterOnce against the simulator over real HTTP with the real client library.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSim, type RunningSim } from '../../../source/sim/index.js';
import { loadKubeConfig } from '../../../source/sources/kube/kubeconfig.js';
import { inferClusterIdentity } from '../../../source/sources/kube/identity.js';
import { listAll } from '../../../source/sources/kube/list.js';
import { loadClusterOnce } from '../../../source/sources/kube/load-cluster.js';
import { KubeApiError } from '../../../source/sources/kube/http.js';
import { ClusterStore } from '../../../source/store/cluster-store.js';
import { podManifest } from '../../helpers/sim.js';

let sim: RunningSim;
before(async () => {
  sim = await startSim({ generate: { pods: 1200 } });
});
after(async () => {
  await sim.close();
});

const connect = () => {
  const { kc, contextName } = loadKubeConfig({ kubeconfig: sim.kubeconfigPath, env: {} });
  return { kc, store: new ClusterStore(inferClusterIdentity(kc, contextName)) };
};
const nameOf = (item: unknown) => {
  const meta = (item as { metadata: { namespace: string; name: string } }).metadata;
  return `${meta.namespace}/${meta.name}`;
};

describe('listAll against the sim', () => {
  test('pages through every pod with limit=500', async () => {
    const { kc } = connect();
    const names: string[] = [];
    const { resourceVersion } = await listAll(kc, '/api/v1/pods', { limit: 500 }, (item) => names.push(nameOf(item)));
    const expected = sim.cluster.listPods().length;
    assert.ok(expected > 1200, `the sim has ${expected} pods`);
    assert.equal(names.length, expected);
    assert.equal(new Set(names).size, expected, 'no pod twice');
    assert.match(resourceVersion, /^\d+$/);
  });

  test('an expired continue token restarts the list and still yields each pod once', async () => {
    const { kc } = connect();
    let names: string[] = [];
    let restarts = 0;
    let expired = false;
    await listAll(
      kc,
      '/api/v1/pods',
      { limit: 500, onRestart: () => ((names = []), restarts++) },
      (item) => {
        names.push(nameOf(item));
        if (names.length === 500 && !expired) {
          expired = true;
          // A write moves the cluster on, then history is forgotten: the next page's token is too old.
          sim.cluster.createPod(podManifest('default', 'written-mid-list'));
          sim.faults.expireResourceVersions();
        }
      },
    );
    assert.equal(restarts, 1);
    assert.equal(names.length, sim.cluster.listPods().length);
    assert.ok(names.includes('default/written-mid-list'), 'the restarted list is a fresh one');
    assert.equal(new Set(names).size, names.length);
  });

  test('label selectors reach the server', async () => {
    const { kc } = connect();
    const names: string[] = [];
    await listAll(kc, '/api/v1/pods', { labelSelector: 'app=does-not-exist' }, (item) => names.push(nameOf(item)));
    assert.deepEqual(names, []);
  });
});

describe('loadClusterOnce against the sim', () => {
  test('fills pods, namespaces, nodes, pod events and claims', async () => {
    const { kc, store } = connect();
    await loadClusterOnce(kc, {}, store);
    const snapshot = store.flush();
    assert.equal(snapshot.pods.size, sim.cluster.listPods().length);
    assert.equal(snapshot.namespaces.size, sim.cluster.list('namespaces').length);
    assert.equal(snapshot.nodes.size, sim.cluster.list('nodes').length);
    assert.ok([...snapshot.nodes.values()].some((n) => n.fargate), 'Fargate nodes are recognised');
    assert.ok(snapshot.events.size > 0, 'pod events are kept');
    assert.equal(snapshot.claims.size, sim.cluster.list('persistentvolumeclaims').length);
    assert.deepEqual(snapshot.warnings, []);
    assert.equal(snapshot.connection.state, 'live');
  });

  test("nodes: 'fargate' lists only Fargate's nodes (by EKS's label, on the server), with their kubelet versions", async () => {
    const { kc, store } = connect();
    sim.requests.clear();
    await loadClusterOnce(kc, { nodes: 'fargate', skip: ['events'] }, store);
    const nodeLists = sim.requests.all.filter((r) => r.path === '/api/v1/nodes');
    assert.ok(nodeLists.length > 0 && nodeLists.every((r) => r.query.labelSelector?.[0] === 'eks.amazonaws.com/compute-type=fargate'), JSON.stringify(nodeLists.map((r) => r.query)));
    const fargate = sim.cluster.list('nodes').filter((n) => n.metadata.labels['eks.amazonaws.com/compute-type'] === 'fargate');
    const nodes = [...store.flush().nodes.values()];
    assert.equal(nodes.length, fargate.length);
    assert.ok(nodes.length > 0 && nodes.every((n) => n.fargate && /^v1\.\d+\.\d+-eks-/.test(n.kubeletVersion ?? '')), JSON.stringify(nodes[0]));
  });

  test('-n limits pods, events and claims to the namespace', async () => {
    const { kc, store } = connect();
    const namespace = sim.cluster.listPods()[0]!.metadata.namespace as string;
    await loadClusterOnce(kc, { namespace }, store);
    const snapshot = store.flush();
    const pods = [...snapshot.pods.values()];
    assert.equal(pods.length, sim.cluster.listPods(namespace).length);
    assert.ok(pods.every((p) => p.namespace === namespace));
    assert.deepEqual([...snapshot.namespaces.keys()], [namespace]);
  });

  test('forbidden namespaces/nodes/events/claims degrade to warnings; the namespace is synthesised', async () => {
    const { kc, store } = connect();
    // The walkthrough's postgres pods mount claims there, so the claims are asked for.
    const namespace = 'data';
    for (const resource of ['namespaces', 'nodes', 'events', 'persistentvolumeclaims']) sim.faults.deny({ resource });
    try {
      await loadClusterOnce(kc, { namespace }, store);
    } finally {
      sim.faults.reset();
    }
    const snapshot = store.flush();
    assert.equal(snapshot.pods.size, sim.cluster.listPods(namespace).length);
    assert.deepEqual([...snapshot.namespaces.keys()], [namespace]);
    assert.equal(snapshot.nodes.size, 0);
    assert.deepEqual([...snapshot.warnings].sort(), [
      'cannot list events (forbidden); pending reasons from fargate-scheduler are not shown',
      'cannot list namespaces (forbidden); namespaces are taken from the pods',
      'cannot list nodes (forbidden); Fargate nodes are recognised by their fargate- name prefix only, and their kubelet versions (what blocks a control-plane upgrade) are unknown',
      'cannot list persistentvolumeclaims (forbidden); PVC-backed volumes are judged without their claims',
    ]);
  });

  test('claims, volumes and storage classes are asked for only when some pod mounts a claim', async () => {
    // Denied, an asked-for list leaves a warning: its absence shows the list was not asked for.
    for (const resource of ['persistentvolumeclaims', 'persistentvolumes', 'storageclasses']) sim.faults.deny({ resource });
    try {
      const without = connect();
      await loadClusterOnce(without.kc, { namespace: 'legacy' }, without.store);
      const legacy = without.store.flush();
      assert.ok(legacy.pods.size > 0);
      assert.deepEqual(legacy.warnings, []);

      const withClaims = connect();
      await loadClusterOnce(withClaims.kc, { namespace: 'data' }, withClaims.store);
      assert.deepEqual([...withClaims.store.flush().warnings].sort(), [
        "cannot list persistentvolumeclaims (forbidden); PVC-backed volumes are judged without their claims",
        "cannot list persistentvolumes (forbidden); a claim's volume is judged by its provisioner and StorageClass only",
        'cannot list storageclasses (forbidden); claims are judged without their StorageClass',
      ]);
    } finally {
      sim.faults.reset();
    }
    const allowed = connect();
    await loadClusterOnce(allowed.kc, { namespace: 'data' }, allowed.store);
    const data = allowed.store.flush();
    assert.ok(data.claims.size > 0);
    assert.equal(data.claims.size, sim.cluster.list('persistentvolumeclaims', 'data').length);
    assert.equal(data.volumes.size, sim.cluster.list('persistentvolumes').length);
  });

  test('owner templates are read per controller kind, once a pod it owns comes by; forbidden ones are said', async () => {
    const { kc, store } = connect();
    sim.faults.deny({ resource: 'statefulsets' });
    try {
      await loadClusterOnce(kc, {}, store);
    } finally {
      sim.faults.reset();
    }
    const snapshot = store.flush();
    const replicaSets = sim.cluster.list('replicasets.apps').filter((rs) => (rs.status?.replicas ?? 0) > 0);
    assert.equal([...snapshot.templates.values()].filter((t) => t.kind === 'ReplicaSet').length, replicaSets.length);
    assert.equal([...snapshot.templates.values()].filter((t) => t.kind === 'Job').length, sim.cluster.list('jobs.batch').length);
    assert.deepEqual(Object.fromEntries(snapshot.templatesRead), { ReplicaSet: null, StatefulSet: 'forbidden', Job: null });
    assert.ok(snapshot.warnings.includes('cannot list statefulsets (forbidden); their pods are judged by their own labels, not by the pod template a replacement gets'));
    const rs = replicaSets[0]!;
    assert.deepEqual(snapshot.templates.get(`${rs.metadata.namespace}/ReplicaSet/${rs.metadata.name}`)?.templateLabels, rs.spec.template.metadata.labels);
  });

  test('forbidden pods are an error that says what was denied', async () => {
    const { kc, store } = connect();
    sim.faults.deny({ resource: 'pods', namespace: 'default' });
    try {
      await assert.rejects(loadClusterOnce(kc, { namespace: 'default' }, store), (error: unknown) => {
        assert.ok(error instanceof KubeApiError);
        assert.equal(error.status, 403);
        assert.match(error.message, /^forbidden: cannot list pods in namespace default \(403\)/);
        return true;
      });
    } finally {
      sim.faults.reset();
    }
  });
});
