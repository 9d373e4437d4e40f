// pods/eviction with PodDisruptionBudgets (429 + the real message), graceful deletion, and the
// ReplicaSet replacing an evicted pod through the webhook.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningSim } from '../../source/sim/index.js';
import { kube } from './helpers.js';
import { fastSim, podManifest } from '../helpers/sim.js';

const evict = (sim: RunningSim, ns: string, name: string, body: object = {}) =>
  kube(sim, `/api/v1/namespaces/${ns}/pods/${name}/eviction`, { method: 'POST', json: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: ns }, ...body } });

describe('sim eviction and graceful deletion', () => {
  let sim: RunningSim;
  before(async () => {
    sim = await fastSim();
  });
  after(() => sim.close());

  const webPods = () => sim.cluster.listPods('default').filter((p) => p.metadata.labels?.app === 'web');

  test('PDB minAvailable 2 of 3: one eviction passes, a concurrent second is refused with 429', async () => {
    const [a, b] = webPods();
    // The replacement stays Pending until the second eviction was answered, however fast it starts.
    sim.cluster.pause('fargate-scheduler');
    const first = await evict(sim, 'default', a!.metadata.name);
    assert.equal(first.status, 201);
    assert.equal(first.body.status, 'Success');
    assert.ok(sim.cluster.getPod('default', a!.metadata.name)?.metadata.deletionTimestamp, 'evicted pod is terminating');
    const second = await evict(sim, 'default', b!.metadata.name);
    assert.equal(second.status, 429);
    assert.equal(second.body.reason, 'TooManyRequests');
    assert.equal(second.body.message, "Cannot evict pod as it would violate the pod's disruption budget.");
    assert.deepEqual(second.body.details.causes, [{ reason: 'DisruptionBudget', message: 'The disruption budget web needs 2 healthy pods and has 2 currently' }]);
    // The ReplicaSet replaces the evicted pod on Fargate; then the budget allows one again.
    sim.cluster.resume('fargate-scheduler');
    await sim.cluster.waitFor(() => webPods().filter((p) => !p.metadata.deletionTimestamp && p.status.phase === 'Running').length === 3, 3000, 'replacement running');
    assert.ok(webPods().every((p) => p.metadata.deletionTimestamp || p.spec.nodeName.startsWith('fargate-')));
    const pdb = await sim.cluster.waitFor(() => {
      const o = sim.cluster.get('poddisruptionbudgets.policy', 'default', 'web');
      return o.status.disruptionsAllowed === 1 && o.status.currentHealthy === 3 && o;
    }, 3000, 'pdb status');
    assert.equal(pdb.status.desiredHealthy, 2);
    const again = await evict(sim, 'default', b!.metadata.name);
    assert.equal(again.status, 201);
  });

  test('a PDB that allows no disruption refuses every eviction', async () => {
    const locked = sim.cluster.listPods('default').filter((p) => p.metadata.labels?.app === 'locked');
    for (const p of locked) {
      const r = await evict(sim, 'default', p.metadata.name);
      assert.equal(r.status, 429);
      assert.match(r.body.details.causes[0].message, /^The disruption budget locked needs 2 healthy pods and has 2 currently$/);
    }
  });

  test('no PDB: eviction deletes gracefully (deletionTimestamp, MODIFIED, then gone)', async () => {
    const name = sim.cluster.listPods('legacy')[0]!.metadata.name;
    const r = await evict(sim, 'legacy', name);
    assert.equal(r.status, 201);
    const terminating = sim.cluster.getPod('legacy', name);
    assert.ok(terminating.metadata.deletionTimestamp);
    assert.equal(terminating.metadata.deletionGracePeriodSeconds, 30);
    const table = await kube(sim, `/api/v1/namespaces/legacy/pods/${name}`, { headers: { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' } });
    assert.equal(table.body.rows[0].cells[2], 'Terminating');
    await sim.cluster.waitFor(() => sim.cluster.getPod('legacy', name) === undefined, 2000, 'pod gone');
  });

  test('DELETE honours gracePeriodSeconds; 0 deletes at once; unscheduled pods go at once', async () => {
    sim.cluster.createPod(podManifest('legacy', 'g1'));
    await sim.cluster.waitFor(() => sim.cluster.getPod('legacy', 'g1')?.status.phase === 'Running', 2000);
    const d = await kube(sim, '/api/v1/namespaces/legacy/pods/g1?gracePeriodSeconds=0', { method: 'DELETE' });
    assert.equal(d.status, 200);
    assert.equal(sim.cluster.getPod('legacy', 'g1'), undefined);
    sim.cluster.pause('default-scheduler');
    sim.cluster.createPod(podManifest('legacy', 'g2'));
    const d2 = await kube(sim, '/api/v1/namespaces/legacy/pods/g2', { method: 'DELETE', json: { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 60 } });
    assert.equal(d2.status, 200);
    assert.equal(sim.cluster.getPod('legacy', 'g2'), undefined, 'never scheduled: no grace');
    sim.cluster.resume('default-scheduler');
  });

  test('dry-run eviction deletes nothing; eviction of a missing pod is 404', async () => {
    const name = sim.cluster.listPods('legacy')[0]!.metadata.name;
    const r = await evict(sim, 'legacy', name, { deleteOptions: { dryRun: ['All'] } });
    assert.equal(r.status, 201);
    assert.equal(sim.cluster.getPod('legacy', name).metadata.deletionTimestamp, undefined);
    assert.equal((await evict(sim, 'legacy', 'nope')).status, 404);
  });

  test('no internal controller errors', () => {
    assert.deepEqual(sim.cluster.errors, []);
  });
});
