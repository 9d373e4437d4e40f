// Rollouts driven by a template change, as `kubectl rollout restart` makes one (a strategic merge
// patch of the template's restartedAt annotation): a Deployment's new ReplicaSet grows within
// maxSurge / maxUnavailable while every pod change is watched; Recreate; a StatefulSet replaces
// pods from the highest ordinal down, one at a time, and settles its revisions.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningSim, Scenario } from '../../source/sim/index.js';
import { kube } from './helpers.js';
import { fastSim } from '../helpers/sim.js';

const SCENARIO: Scenario = {
  name: 'rollouts',
  nodes: [{ name: 'ip-10-0-1-10.ec2.internal', ip: '10.0.1.10', zone: 'us-east-1a' }],
  steps: [{ namespaces: ['default', 'shop'], profiles: [{ name: 'fp-shop', selectors: [{ namespace: 'shop' }] }] }],
};

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = any;

function deployment(name: string, replicas: number, strategy?: Obj): Obj {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'shop' },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } }, ...(strategy ? { strategy } : {}) },
  };
}

function statefulSet(name: string, replicas: number, updateStrategy?: Obj): Obj {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: 'shop' },
    spec: { replicas, serviceName: name, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'redis:7' }] } }, ...(updateStrategy ? { updateStrategy } : {}) },
  };
}

/** What `kubectl rollout restart` sends. */
const restart = (sim: RunningSim, plural: string, name: string, at = new Date().toISOString()) =>
  kube(sim, `/apis/apps/v1/namespaces/shop/${plural}/${name}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/strategic-merge-patch+json' },
    json: { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': at } } } } },
  });

const podsOf = (sim: RunningSim, app: string): Obj[] => sim.cluster.listPods('shop').filter((p) => p.metadata.labels?.app === app);
const live = (pods: Obj[]): Obj[] => pods.filter((p) => !p.metadata.deletionTimestamp);
const ready = (pods: Obj[]): Obj[] => live(pods).filter((p) => (p.status?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True'));

/** Every store change while `fn` runs: the pods of `app` (not terminating, and Ready) after each. */
async function watchPods(sim: RunningSim, app: string, fn: () => Promise<void>): Promise<{ live: number; ready: number }[]> {
  const seen: { live: number; ready: number }[] = [];
  const stop = sim.cluster.onChange((c) => {
    if (c.rid !== 'pods') return;
    const pods = podsOf(sim, app);
    seen.push({ live: live(pods).length, ready: ready(pods).length });
  });
  try {
    await fn();
  } finally {
    stop();
  }
  return seen;
}

/** The rollout is done the way `kubectl rollout status` decides it. */
function deploymentDone(sim: RunningSim, name: string): Obj | false {
  const d = sim.cluster.get('deployments.apps', 'shop', name);
  const s = d?.status ?? {};
  return d.metadata.generation <= s.observedGeneration && s.updatedReplicas === d.spec.replicas && s.replicas === s.updatedReplicas && s.availableReplicas === s.updatedReplicas && d;
}

async function withSim(fn: (sim: RunningSim) => Promise<void>): Promise<void> {
  const sim = await fastSim({ scenario: SCENARIO });
  try {
    await fn(sim);
    assert.deepEqual(sim.cluster.errors, []);
  } finally {
    await sim.close();
  }
}

describe('rollouts', () => {
  test('Deployment of 1 (defaults 25%/25%): a second pod first, never zero Ready, then the old one goes', () =>
    withSim(async (sim) => {
      sim.cluster.apply(deployment('cart', 1));
      await sim.cluster.waitFor(() => deploymentDone(sim, 'cart') && ready(podsOf(sim, 'cart')).length === 1, 3000, 'cart running');
      const before = sim.cluster.get('deployments.apps', 'shop', 'cart');
      const oldPod = podsOf(sim, 'cart')[0].metadata.name;
      const seen = await watchPods(sim, 'cart', async () => {
        assert.equal((await restart(sim, 'deployments', 'cart')).status, 200);
        await sim.cluster.waitFor(() => deploymentDone(sim, 'cart') && podsOf(sim, 'cart').length === 1, 5000, 'cart rolled out');
      });
      assert.ok(seen.length > 0);
      assert.ok(seen.every((s) => s.ready >= 1), `Ready dropped to zero: ${JSON.stringify(seen)}`);
      assert.ok(seen.every((s) => s.live <= 2), 'maxSurge 1: at most two pods');
      const after = sim.cluster.get('deployments.apps', 'shop', 'cart');
      assert.equal(after.metadata.generation, before.metadata.generation + 1, 'a template change is a new generation');
      assert.equal(after.status.observedGeneration, after.metadata.generation);
      assert.deepEqual([after.status.replicas, after.status.updatedReplicas, after.status.readyReplicas, after.status.availableReplicas], [1, 1, 1, 1]);
      assert.equal(after.status.conditions.find((c: Obj) => c.type === 'Progressing').reason, 'NewReplicaSetAvailable');
      const sets = sim.cluster.list('replicasets.apps', 'shop').filter((r) => r.metadata.labels.app === 'cart');
      assert.equal(sets.length, 2);
      const [oldRs, newRs] = [...sets].sort((a, b) => Number(a.metadata.annotations['deployment.kubernetes.io/revision']) - Number(b.metadata.annotations['deployment.kubernetes.io/revision']));
      assert.equal(oldRs.spec.replicas, 0);
      assert.equal(newRs.spec.replicas, 1);
      assert.equal(newRs.metadata.annotations['deployment.kubernetes.io/revision'], '2');
      assert.notEqual(newRs.metadata.labels['pod-template-hash'], oldRs.metadata.labels['pod-template-hash']);
      const pod = podsOf(sim, 'cart')[0];
      assert.notEqual(pod.metadata.name, oldPod);
      assert.equal(pod.metadata.labels['pod-template-hash'], newRs.metadata.labels['pod-template-hash']);
      assert.ok(pod.metadata.annotations['kubectl.kubernetes.io/restartedAt']);
      assert.match(pod.spec.nodeName, /^fargate-/, 'the new pod went through the Fargate webhook and scheduler');
    }));

  test('Deployment of 4 with maxSurge 0, maxUnavailable 1: never more than 4 pods, never fewer than 3 Ready', () =>
    withSim(async (sim) => {
      sim.cluster.apply(deployment('catalog', 4, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } }));
      await sim.cluster.waitFor(() => deploymentDone(sim, 'catalog') && ready(podsOf(sim, 'catalog')).length === 4, 3000, 'catalog running');
      const oldNames = new Set(podsOf(sim, 'catalog').map((p) => p.metadata.name));
      const seen = await watchPods(sim, 'catalog', async () => {
        await restart(sim, 'deployments', 'catalog');
        await sim.cluster.waitFor(() => deploymentDone(sim, 'catalog') && podsOf(sim, 'catalog').length === 4, 5000, 'catalog rolled out');
      });
      assert.ok(seen.every((s) => s.live <= 4), `surge 0: ${JSON.stringify(seen)}`);
      assert.ok(seen.every((s) => s.ready >= 3), `unavailable 1: ${JSON.stringify(seen)}`);
      assert.ok(podsOf(sim, 'catalog').every((p) => !oldNames.has(p.metadata.name)));
    }));

  test('Deployment with Recreate: every old pod is gone before a new one exists', () =>
    withSim(async (sim) => {
      sim.cluster.apply(deployment('batch', 2, { type: 'Recreate' }));
      await sim.cluster.waitFor(() => deploymentDone(sim, 'batch') && ready(podsOf(sim, 'batch')).length === 2, 3000, 'batch running');
      const oldNames = new Set(podsOf(sim, 'batch').map((p) => p.metadata.name));
      const mixed: string[][] = [];
      const stop = sim.cluster.onChange((c) => {
        if (c.rid !== 'pods') return;
        const names = podsOf(sim, 'batch').map((p) => p.metadata.name);
        if (names.some((n) => oldNames.has(n)) && names.some((n) => !oldNames.has(n))) mixed.push(names);
      });
      try {
        await restart(sim, 'deployments', 'batch');
        await sim.cluster.waitFor(() => deploymentDone(sim, 'batch') && podsOf(sim, 'batch').length === 2 && podsOf(sim, 'batch').every((p) => !oldNames.has(p.metadata.name)), 5000, 'batch recreated');
      } finally {
        stop();
      }
      assert.deepEqual(mixed, []);
    }));

  test('a paused Deployment does not roll out until resumed', () =>
    withSim(async (sim) => {
      sim.cluster.apply(deployment('paused', 1));
      await sim.cluster.waitFor(() => deploymentDone(sim, 'paused'), 3000, 'running');
      await kube(sim, '/apis/apps/v1/namespaces/shop/deployments/paused', { method: 'PATCH', headers: { 'content-type': 'application/merge-patch+json' }, json: { spec: { paused: true } } });
      await restart(sim, 'deployments', 'paused');
      await sim.cluster.waitFor(() => sim.cluster.get('deployments.apps', 'shop', 'paused').status.conditions.some((c: Obj) => c.reason === 'DeploymentPaused'), 3000, 'paused seen');
      assert.equal(sim.cluster.list('replicasets.apps', 'shop').filter((r) => r.metadata.labels.app === 'paused').length, 1);
      await kube(sim, '/apis/apps/v1/namespaces/shop/deployments/paused', { method: 'PATCH', headers: { 'content-type': 'application/merge-patch+json' }, json: { spec: { paused: false } } });
      await sim.cluster.waitFor(() => deploymentDone(sim, 'paused') && sim.cluster.list('replicasets.apps', 'shop').filter((r) => r.metadata.labels.app === 'paused').length === 2, 5000, 'rolled out after resume');
    }));

  test('StatefulSet RollingUpdate: highest ordinal first, one at a time, each after the one above is Ready', () =>
    withSim(async (sim) => {
      sim.cluster.apply(statefulSet('cache', 3));
      await sim.cluster.waitFor(() => ready(podsOf(sim, 'cache')).length === 3, 5000, 'cache running');
      const sts0 = sim.cluster.get('statefulsets.apps', 'shop', 'cache');
      assert.equal(sts0.status.currentRevision, sts0.status.updateRevision);
      const oldRevision = sts0.status.currentRevision;
      const uids = new Map(podsOf(sim, 'cache').map((p) => [p.metadata.name, p.metadata.uid]));
      const replacedOrder: string[] = [];
      let maxNotReady = 0;
      const stop = sim.cluster.onChange((c) => {
        if (c.rid !== 'pods' || c.entry.name.split('-')[0] !== 'cache') return;
        if (c.type === 'MODIFIED' && c.entry.deleting && !c.prev?.deleting) replacedOrder.push(c.entry.name);
        const pods = podsOf(sim, 'cache');
        maxNotReady = Math.max(maxNotReady, 3 - ready(pods).length);
      });
      try {
        await restart(sim, 'statefulsets', 'cache');
        await sim.cluster.waitFor(() => {
          const s = sim.cluster.get('statefulsets.apps', 'shop', 'cache').status;
          return s.currentRevision === s.updateRevision && s.currentRevision !== oldRevision && s.readyReplicas === 3;
        }, 5000, 'cache rolled out');
      } finally {
        stop();
      }
      assert.deepEqual(replacedOrder, ['cache-2', 'cache-1', 'cache-0']);
      assert.equal(maxNotReady, 1, 'one pod at a time');
      const sts = sim.cluster.get('statefulsets.apps', 'shop', 'cache');
      assert.equal(sts.status.observedGeneration, sts.metadata.generation);
      assert.deepEqual([sts.status.replicas, sts.status.updatedReplicas, sts.status.currentReplicas, sts.status.readyReplicas], [3, 3, 3, 3]);
      for (const p of podsOf(sim, 'cache')) {
        assert.notEqual(p.metadata.uid, uids.get(p.metadata.name));
        assert.equal(p.metadata.labels['controller-revision-hash'], sts.status.updateRevision);
      }
    }));

  test('StatefulSet partition 2 updates only ordinal 2; OnDelete updates a pod only when it is deleted', () =>
    withSim(async (sim) => {
      sim.cluster.apply([statefulSet('part', 3, { type: 'RollingUpdate', rollingUpdate: { partition: 2 } }), statefulSet('manual', 2, { type: 'OnDelete' })]);
      await sim.cluster.waitFor(() => ready(podsOf(sim, 'part')).length === 3 && ready(podsOf(sim, 'manual')).length === 2, 5000, 'running');
      await restart(sim, 'statefulsets', 'part');
      await restart(sim, 'statefulsets', 'manual');
      const part = await sim.cluster.waitFor(() => {
        const s = sim.cluster.get('statefulsets.apps', 'shop', 'part');
        return s.status.updatedReplicas === 1 && s.status.readyReplicas === 3 && s.status.observedGeneration === s.metadata.generation && s;
      }, 5000, 'partitioned rollout');
      const rev = (n: string) => sim.cluster.getPod('shop', n).metadata.labels['controller-revision-hash'];
      assert.equal(rev('part-2'), part.status.updateRevision);
      assert.equal(rev('part-1'), part.status.currentRevision);
      assert.notEqual(part.status.currentRevision, part.status.updateRevision);
      // A pod below the partition comes back at the current revision.
      sim.cluster.deletePod('shop', 'part-0');
      await sim.cluster.waitFor(() => ready(podsOf(sim, 'part')).length === 3 && sim.cluster.getPod('shop', 'part-0')?.metadata.deletionTimestamp === undefined, 5000, 'part-0 back');
      assert.equal(rev('part-0'), part.status.currentRevision);

      const manual = sim.cluster.get('statefulsets.apps', 'shop', 'manual');
      await sim.cluster.waitFor(() => sim.cluster.get('statefulsets.apps', 'shop', 'manual').status.observedGeneration === manual.metadata.generation, 3000, 'observed');
      assert.equal(sim.cluster.get('statefulsets.apps', 'shop', 'manual').status.updatedReplicas, 0, 'OnDelete: nothing replaced');
      sim.cluster.deletePod('shop', 'manual-1');
      await sim.cluster.waitFor(() => ready(podsOf(sim, 'manual')).length === 2 && sim.cluster.get('statefulsets.apps', 'shop', 'manual').status.updatedReplicas === 1, 5000, 'manual-1 updated');
      assert.equal(rev('manual-1'), sim.cluster.get('statefulsets.apps', 'shop', 'manual').status.updateRevision);
    }));
});
