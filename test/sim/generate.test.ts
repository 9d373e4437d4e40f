// The large-cluster generator: deterministic, realistic sizes, consistent with the EKS rules,
// stable under the controllers, and fast to page through.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningSim } from '../../source/sim/index.js';
import { SimCluster, SCENARIOS } from '../../source/sim/index.js';
import { generatePods } from '../../source/sim/scenarios/generate.js';
import { loadScenario } from '../../source/sim/scenarios/load.js';
import { kube } from './helpers.js';
import { fastSim } from '../helpers/sim.js';

describe('generated clusters', () => {
  let sim: RunningSim;
  before(async () => {
    sim = await fastSim({ scenario: 'empty', generate: { pods: 3000, seed: 11 } });
  });
  after(() => sim.close());

  test('N pods in ~N/100 namespaces, owned by Deployments, about 5 KB each', () => {
    const gen = sim.generated!;
    assert.equal(gen.namespaces.length, 30);
    assert.equal(gen.fargatePods + gen.ec2Pods, 3000);
    assert.equal(sim.cluster.ctx.store.count('pods'), 3000, 'the empty scenario has no DaemonSets to add pods');
    assert.equal(sim.cluster.list('deployments.apps', gen.namespaces[0]).length, sim.cluster.list('replicasets.apps', gen.namespaces[0]).length);
  });

  test('placement follows the rules: compute=fargate pods run on Fargate under fp-gen unless they predate it', () => {
    let drifted = 0;
    for (const ns of sim.generated!.namespaces.slice(0, 10)) {
      for (const p of sim.cluster.listPods(ns)) {
        const wantsFargate = p.metadata.labels.compute === 'fargate';
        const onFargate = String(p.spec.nodeName).startsWith('fargate-');
        if (onFargate) {
          assert.ok(wantsFargate);
          assert.equal(p.metadata.labels['eks.amazonaws.com/fargate-profile'], 'fp-gen');
          assert.equal(p.status.podIP, p.status.hostIP);
        } else if (wantsFargate) {
          drifted++;
          assert.ok(Date.parse(p.metadata.creationTimestamp) < sim.cluster.profiles().find((x) => x.name === 'fp-gen')!.createdAt, 'a drifted pod predates the profile');
        }
        assert.equal(p.status.phase, 'Running');
        assert.equal(p.metadata.ownerReferences[0].kind, 'ReplicaSet');
      }
    }
    assert.ok(drifted > 0);
    const sizes = sim.cluster.listPods(sim.generated!.namespaces[0]).map((p) => JSON.stringify(p).length);
    const avg = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    assert.ok(avg > 3500 && avg < 7000, `average pod JSON ${avg} bytes`);
  });

  test('controllers leave generated workloads alone (no churn)', async () => {
    const before = sim.cluster.ctx.store.rv;
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(sim.cluster.ctx.store.rv, before);
    const rs = sim.cluster.list('replicasets.apps', sim.generated!.namespaces[0])[0];
    assert.equal(rs.status.readyReplicas, rs.spec.replicas);
    // ...but a deleted generated pod is replaced by its ReplicaSet.
    const victim = sim.cluster.listPods(sim.generated!.namespaces[0])[0]!;
    sim.cluster.deletePod(victim.metadata.namespace, victim.metadata.name, { gracePeriodSeconds: 0 });
    const owner = victim.metadata.ownerReferences[0].uid;
    await sim.cluster.waitFor(
      () => sim.cluster.listPods(victim.metadata.namespace).filter((p) => p.metadata.ownerReferences?.[0]?.uid === owner && p.status.phase === 'Running').length === rs.spec.replicas || undefined,
      3000,
      'replacement',
    );
  });

  test('deterministic by seed', () => {
    const a = new SimCluster();
    loadScenario(a, SCENARIOS.empty!);
    a.ctx.clock.hold();
    generatePods(a, { pods: 200, seed: 5 });
    a.ctx.clock.settle();
    const b = new SimCluster();
    loadScenario(b, SCENARIOS.empty!);
    b.ctx.clock.hold();
    generatePods(b, { pods: 200, seed: 5 });
    b.ctx.clock.settle();
    assert.deepEqual(
      a.listPods().map((p) => `${String(p.metadata.name)} ${String(p.spec.nodeName)}`),
      b.listPods().map((p) => `${String(p.metadata.name)} ${String(p.spec.nodeName)}`),
    );
    a.close();
    b.close();
  });

  // Speed is measured by `npm run bench`, not here.
  test('paging through every pod with limit=500 returns each pod once', async () => {
    let cont = '';
    const seen: string[] = [];
    do {
      const r = await kube(sim, `/api/v1/pods?limit=500${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`);
      for (const item of r.body.items) seen.push(`${item.metadata.namespace}/${item.metadata.name}`);
      cont = r.body.metadata.continue ?? '';
    } while (cont);
    assert.equal(seen.length, sim.cluster.ctx.store.count('pods'));
    assert.equal(new Set(seen).size, seen.length);
  });
});
