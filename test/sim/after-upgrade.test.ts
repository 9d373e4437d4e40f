// The after-upgrade scenario against its hand-written expectations: which pods run which kubelet,
// which ones block the next upgrade; then recycling them the way an operator would (rollout
// restarts, re-creating bare pods, deleting the Job's pod) lets EKS take 1.34.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AFTER_UPGRADE_CONTROL_PLANE, AFTER_UPGRADE_EXPECTED, upgradeExpectationFor } from '../../source/sim/index.js';
import type { RunningSim } from '../../source/sim/index.js';
import { outdatedFargateNodes } from '../../source/sim/eks/upgrade.js';
import { kube } from './helpers.js';
import { fastSim } from '../helpers/sim.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = any;

const minor = (kubelet: string): string => /^v(1\.\d+)\./.exec(kubelet)?.[1] ?? kubelet;

describe('after-upgrade scenario', () => {
  let sim: RunningSim;
  before(async () => {
    sim = await fastSim({ scenario: 'after-upgrade' });
  });
  after(() => sim.close());

  const nodeOf = (p: Obj): Obj => sim.cluster.get('nodes', '', p.spec.nodeName);
  const pods = (): Obj[] => sim.cluster.listPods().filter((p) => !p.metadata.deletionTimestamp);

  test('the control plane runs 1.33 (/version, DescribeCluster)', async () => {
    assert.equal(sim.cluster.info.version, AFTER_UPGRADE_CONTROL_PLANE);
    assert.equal((await kube(sim, '/version')).body.minor, '33');
    const cluster = (await kube(sim, '/clusters/demo', { headers: { authorization: 'AWS4-HMAC-SHA256 x' } })).body.cluster;
    assert.equal(cluster.version, '1.33');
  });

  test('every pod is covered by exactly one expectation row, with the expected count', () => {
    const counts = new Map<unknown, number>();
    for (const p of pods()) {
      const row = upgradeExpectationFor(p);
      assert.ok(row, `no expectation covers ${String(p.metadata.namespace)}/${String(p.metadata.name)}`);
      counts.set(row, (counts.get(row) ?? 0) + 1);
    }
    for (const row of AFTER_UPGRADE_EXPECTED) assert.equal(counts.get(row) ?? 0, row.count, `${row.namespace}/${row.name}`);
  });

  test('where each pod runs, its kubelet, its owner', () => {
    for (const p of pods()) {
      const row = upgradeExpectationFor(p)!;
      const where = `${String(p.metadata.namespace)}/${String(p.metadata.name)}`;
      assert.equal(p.status.phase, 'Running', where);
      const node = nodeOf(p);
      assert.equal(node.metadata.labels['eks.amazonaws.com/compute-type'] === 'fargate' ? 'fargate' : 'ec2', row.runsOn, where);
      assert.equal(minor(node.status.nodeInfo.kubeletVersion), row.kubelet, where);
      const ref = (p.metadata.ownerReferences ?? []).find((r: Obj) => r.controller === true);
      let owner = ref === undefined ? null : `${String(ref.kind)}/${String(ref.name)}`;
      if (ref?.kind === 'ReplicaSet') {
        const rsOwner = sim.cluster.get('replicasets.apps', p.metadata.namespace, ref.name).metadata.ownerReferences[0];
        owner = `${String(rsOwner.kind)}/${String(rsOwner.name)}`;
      }
      assert.equal(owner, row.owner, where);
    }
  });

  test('the outdated pods are exactly the Fargate pods on nodes older than the control plane', () => {
    const outdatedNodes = new Set(outdatedFargateNodes(sim.cluster.ctx).map((n) => n.metadata.name));
    const outdatedPods = pods().filter((p) => outdatedNodes.has(p.spec.nodeName));
    assert.equal(outdatedPods.length, AFTER_UPGRADE_EXPECTED.filter((r) => r.outdated).reduce((s, r) => s + r.count, 0));
    assert.ok(outdatedPods.every((p) => upgradeExpectationFor(p)?.outdated === true));
  });

  test('EKS refuses 1.34; recycling every outdated pod lets it through', async () => {
    assert.throws(() => sim.cluster.upgradeControlPlane('1.34'), /Kubelet version of Fargate pods must be updated to match cluster version 1\.33/);
    const restart = (plural: string, name: string) =>
      kube(sim, `/apis/apps/v1/namespaces/shop/${plural}/${name}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/strategic-merge-patch+json' },
        json: { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': new Date().toISOString() } } } } },
      });
    for (const d of ['cart', 'catalog']) assert.equal((await restart('deployments', d)).status, 200);
    assert.equal((await restart('statefulsets', 'sessions')).status, 200);
    for (const [ns, name] of [['default', 'hello'], ['shop', 'toolbox']] as const) {
      const old = sim.cluster.getPod(ns, name);
      sim.cluster.deletePod(ns, name, { gracePeriodSeconds: 0 });
      delete old.metadata.resourceVersion;
      delete old.metadata.uid;
      delete old.spec.nodeName;
      delete old.status;
      sim.cluster.createPod(old);
    }
    for (const p of sim.cluster.listPods('batch')) sim.cluster.deletePod('batch', p.metadata.name);
    await sim.cluster.waitFor(() => outdatedFargateNodes(sim.cluster.ctx).length === 0 && pods().filter((p) => p.status.phase === 'Running').length === pods().length, 10_000, 'every Fargate pod on a 1.33 kubelet');
    sim.cluster.upgradeControlPlane('1.34');
    assert.equal(sim.cluster.info.version, '1.34');
    assert.deepEqual(sim.cluster.errors, []);
  });
});
