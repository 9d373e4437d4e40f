// SelfSubjectAccessReview checks against the sim over real HTTP: what a denial looks like, the
// cluster scope for all namespaces, and the per-namespace cache.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSim, type RunningSim } from '../../../source/sim/index.js';
import { checkPodPermissions } from '../../../source/sources/kube/permissions.js';
import { kubeConfigFrom } from '../../helpers/sim.js';

let sim: RunningSim;
before(async () => {
  sim = await startSim({ scenario: 'empty', controllers: false });
});
after(async () => {
  await sim.close();
});

describe('checkPodPermissions', () => {
  test('everything allowed: nothing missing', async () => {
    const p = await checkPodPermissions(kubeConfigFrom(sim.kubeconfigPath), 'test');
    assert.deepEqual(p, { namespace: 'test', canEvict: true, canDelete: true, canCreate: true, canRestart: { Deployment: true, StatefulSet: true }, missing: [] });
  });

  const cases = [
    { rule: 'eviction is create on pods/eviction', deny: { verb: 'create', resource: 'pods', subresource: 'eviction' }, expect: { canEvict: false, canDelete: true, canCreate: true }, missing: ['create pods/eviction in apps'] },
    { rule: 'delete pods alone', deny: { verb: 'delete', resource: 'pods' }, expect: { canEvict: true, canDelete: false, canCreate: true }, missing: ['delete pods in apps'] },
    { rule: 'create pods does not cover pods/eviction', deny: { verb: 'create', resource: 'pods', subresource: '' }, expect: { canEvict: true, canDelete: true, canCreate: false }, missing: ['create pods in apps'] },
  ];
  for (const c of cases) {
    test(`${c.rule}: denied in the namespace only`, async () => {
      sim.faults.reset();
      sim.faults.deny({ ...c.deny, namespace: 'apps' });
      // A fresh KubeConfig: its own cache.
      const kc = kubeConfigFrom(sim.kubeconfigPath);
      const p = await checkPodPermissions(kc, 'apps');
      assert.deepEqual({ canEvict: p.canEvict, canDelete: p.canDelete, canCreate: p.canCreate }, c.expect);
      assert.deepEqual(p.missing, c.missing);
      const elsewhere = await checkPodPermissions(kc, 'other');
      assert.deepEqual(elsewhere.missing, []);
      sim.faults.reset();
    });
  }

  test('all namespaces are checked at the cluster scope', async () => {
    sim.faults.deny({ verb: 'delete', resource: 'pods', namespace: '' });
    const p = await checkPodPermissions(kubeConfigFrom(sim.kubeconfigPath), null);
    assert.equal(p.namespace, null);
    assert.deepEqual(p.missing, ['delete pods in all namespaces']);
    sim.faults.reset();
  });

  test('answers are cached per namespace until the TTL runs out', async () => {
    const kc = kubeConfigFrom(sim.kubeconfigPath);
    let clock = 1_000;
    const now = () => clock;
    assert.deepEqual((await checkPodPermissions(kc, 'cache', { now, ttlMs: 5_000 })).missing, []);
    sim.faults.deny({ verb: 'delete', resource: 'pods', namespace: 'cache' });
    clock += 4_000;
    assert.deepEqual((await checkPodPermissions(kc, 'cache', { now, ttlMs: 5_000 })).missing, [], 'cached');
    clock += 2_000;
    assert.deepEqual((await checkPodPermissions(kc, 'cache', { now, ttlMs: 5_000 })).missing, ['delete pods in cache'], 'asked again');
    sim.faults.reset();
  });

  test('a failed check allows nothing and says why', async () => {
    sim.faults.failNext({ method: 'POST', path: /selfsubjectaccessreviews/, status: 500, count: 3 });
    const p = await checkPodPermissions(kubeConfigFrom(sim.kubeconfigPath), 'broken');
    assert.equal(p.canEvict || p.canDelete || p.canCreate, false);
    assert.match(p.error ?? '', /^could not check permissions: /);
    sim.faults.reset();
  });
});
