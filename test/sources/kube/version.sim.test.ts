// The control plane's version from the API server's /version, over real HTTP against the sim.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSim, type RunningSim } from '../../../source/sim/index.js';
import { loadKubeConfig } from '../../../source/sources/kube/kubeconfig.js';
import { inferClusterIdentity } from '../../../source/sources/kube/identity.js';
import { loadControlPlaneVersion, startVersionPoller } from '../../../source/sources/kube/version.js';
import { ClusterStore } from '../../../source/store/cluster-store.js';

let sim: RunningSim;
before(async () => {
  sim = await startSim({ scenario: 'empty', version: '1.32', controllers: false });
});
after(() => sim.close());

const connect = () => {
  const { kc, contextName } = loadKubeConfig({ kubeconfig: sim.kubeconfigPath, env: {} });
  return { kc, store: new ClusterStore(inferClusterIdentity(kc, contextName)) };
};

describe('loadControlPlaneVersion', () => {
  test("reads /version's gitVersion (the EKS build string)", async () => {
    const { kc, store } = connect();
    await loadControlPlaneVersion(kc, store);
    const snapshot = store.flush();
    assert.match(snapshot.controlPlaneVersion ?? '', /^v1\.32\.\d+-eks-[0-9a-f]+$/);
    assert.deepEqual(snapshot.warnings, []);
  });

  test('a failing /version is a warning saying what is unknown; the version stays null', async () => {
    const { kc, store } = connect();
    sim.faults.failNext({ path: /^\/version/, status: 500 });
    await loadControlPlaneVersion(kc, store);
    const snapshot = store.flush();
    assert.equal(snapshot.controlPlaneVersion, null);
    assert.equal(snapshot.warnings.length, 1);
    assert.match(snapshot.warnings[0]!, /^cannot read the control plane's version \(GET \/version: .*\); which Fargate pods block the next control-plane upgrade is unknown$/);
  });

  test('a /version that is no version is kept but warned about', async () => {
    const { kc, store } = connect();
    sim.faults.failNext({ path: /^\/version/, status: 200, body: { major: '1', minor: '', gitVersion: 'devel' } });
    await loadControlPlaneVersion(kc, store);
    const snapshot = store.flush();
    assert.equal(snapshot.controlPlaneVersion, 'devel');
    assert.match(snapshot.warnings[0] ?? '', /reports "devel", not a Kubernetes version/);
  });

  test('the live poller sees an upgrade made during the session', async () => {
    const { kc, store } = connect();
    const poller = startVersionPoller(kc, store, { intervalMs: 60_000 });
    try {
      await poller.refreshNow();
      assert.match(store.flush().controlPlaneVersion ?? '', /^v1\.32\./);
      sim.cluster.upgradeControlPlane('1.33');
      await poller.refreshNow();
      assert.match(store.flush().controlPlaneVersion ?? '', /^v1\.33\./);
    } finally {
      poller.stop();
    }
  });
});
