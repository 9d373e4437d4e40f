// The live view-model must say exactly what the one-shot buildClusterView says about the same
// snapshot (the TUI and --json agree), while reusing the work of the previous snapshot.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClusterStore } from '../../source/store/cluster-store.js';
import { buildClusterView, type ClusterView } from '../../source/view-model/cluster-view.js';
import { ClusterViewModel } from '../../source/view-model/cluster-view-model.js';
import { SCENE_FARGATE_NODE_A, SCENE_FARGATE_NODE_B, sceneEvent, sceneFargatePod, sceneStore, SCENE_PROFILES, NOW, scenePod, sceneProfile } from '../helpers/scene.js';

const byKey = (view: ClusterView, key: string) => view.pods.find((p) => p.key === key);

/** Apply `change`, then check the model against a fresh one-shot build of the same snapshot. */
function step(store: ClusterStore, model: ClusterViewModel, change: () => void): { before: ClusterView; after: ClusterView } {
  const before = model.update(store.flush());
  change();
  const snapshot = store.flush();
  const after = model.update(snapshot);
  assert.deepEqual(after, buildClusterView(snapshot));
  return { before, after };
}

const cases: Array<{ rule: string; change: (store: ClusterStore) => void; replaced: string[]; kept: string[] }> = [
  {
    rule: 'a new pod is placed and slotted into namespace/name order; the others are reused',
    change: (s) => s.upsert('pods', scenePod('default', 'aaa')),
    replaced: ['default/aaa'],
    kept: ['default/web-1', 'test/test'],
  },
  {
    rule: 'a deleted pod disappears; the others are reused',
    change: (s) => s.remove('pods', 'default/web-2'),
    replaced: [],
    kept: ['default/web-1', 'test/test'],
  },
  {
    rule: "a namespace's last pod deleted: the namespace stays (it exists) with 0 pods",
    change: (s) => s.remove('pods', 'test/test'),
    replaced: [],
    kept: ['default/web-1'],
  },
  {
    rule: 'a new version of a pod (resourceVersion) is placed again',
    change: (s) => s.upsert('pods', sceneFargatePod('default', 'web-1', 'fp-other', { resourceVersion: '99' })),
    replaced: ['default/web-1'],
    kept: ['default/web-2', 'test/test'],
  },
  {
    rule: 'an event for a pod replaces only that PodView',
    change: (s) => s.addEvent(sceneEvent('test', 'test', { reason: 'Killing', lastSeen: NOW })),
    replaced: ['test/test'],
    kept: ['default/web-1'],
  },
  {
    rule: 'a node that turns out to be Fargate re-places the pods on it (runs on is read from the node)',
    change: (s) => s.upsert('nodes', { name: 'ip-10-0-1-5.ec2.internal', fargate: true, arch: 'amd64', os: 'linux', zone: 'us-east-1a' }),
    replaced: ['test/test', 'batch/worker'],
    kept: ['default/web-1', 'prod/priv'],
  },
  {
    rule: 'changed profiles re-place every pod',
    change: (s) => s.setLiveProfiles([...SCENE_PROFILES, sceneProfile('fp-batch', [{ namespace: 'batch' }])], { state: 'ok', message: null, fetchedAt: NOW, stale: false }),
    replaced: ['test/test', 'default/web-1', 'batch/worker'],
    kept: [],
  },
  {
    rule: 'owner pod templates read (or changed) re-place every pod: a replacement is judged by them',
    change: (s) => s.replaceTemplates('ReplicaSet', [{ namespace: 'default', kind: 'ReplicaSet', name: 'web-7d9f8c6b5', templateLabels: { app: 'web' } }]),
    replaced: ['default/web-1', 'test/test'],
    kept: [],
  },
  {
    rule: 'a PersistentVolume coming into view re-places every pod (claims are judged by it)',
    change: (s) => s.upsert('volumes', { name: 'pv-1', csiDriver: 'ebs.csi.aws.com', inTree: null }),
    replaced: ['default/web-1', 'test/test'],
    kept: [],
  },
  {
    rule: "a Fargate node's kubelet version read re-judges only the pods on it",
    change: (s) => s.upsert('nodes', { name: SCENE_FARGATE_NODE_A, fargate: true, arch: 'amd64', os: 'linux', zone: 'us-east-1a', kubeletVersion: 'v1.32.9-eks-113cf36' }),
    replaced: ['default/web-1'],
    kept: ['default/web-2', 'test/test'],
  },
  {
    rule: "a change of the control plane's version (an upgrade seen live) re-judges every pod",
    change: (s) => s.setControlPlaneVersion('v1.34.1-eks-d96d92f'),
    replaced: ['default/web-1', 'default/web-2', 'test/test'],
    kept: [],
  },
  {
    rule: 'profiles that can no longer be read make every verdict unknown',
    change: (s) => s.setLiveProfiles([], { state: 'access-denied', message: 'denied', fetchedAt: null, stale: false }),
    replaced: ['test/test', 'default/web-1'],
    kept: [],
  },
];

describe('ClusterViewModel', () => {
  for (const c of cases) {
    test(c.rule, () => {
      const store = sceneStore();
      const model = new ClusterViewModel();
      const { before, after } = step(store, model, () => c.change(store));
      for (const key of c.replaced) assert.notEqual(byKey(after, key), byKey(before, key), `${key} should be a new PodView`);
      for (const key of c.kept) assert.equal(byKey(after, key), byKey(before, key), `${key} should be the same PodView`);
    });
  }

  test('a snapshot with only a status change reuses every PodView', () => {
    const store = sceneStore();
    const model = new ClusterViewModel();
    const { before, after } = step(store, model, () => store.setConnection({ state: 'reconnecting', message: 'x' }));
    assert.notEqual(after, before);
    assert.ok(after.pods.every((p, i) => p === before.pods[i]));
  });

  test('many adds and removes in one snapshot keep the order and the summaries right', () => {
    const store = sceneStore();
    const model = new ClusterViewModel();
    step(store, model, () => {
      for (let i = 0; i < 50; i++) store.upsert('pods', scenePod(`ns-${i % 7}`, `p-${(i * 37) % 50}`));
    });
    step(store, model, () => {
      store.upsert('pods', scenePod('gone-soon', 'only'));
    });
    step(store, model, () => {
      store.remove('pods', 'gone-soon/only');
      for (let i = 0; i < 50; i += 3) store.remove('pods', `ns-${i % 7}/p-${(i * 37) % 50}`);
      store.upsert('pods', scenePod('a', 'first'));
      store.upsert('pods', scenePod('zzz', 'last'));
    });
  });

  test('a watch event that changes nothing placement reads (a ReplicaSet status update) re-places nothing', () => {
    const store = sceneStore();
    const model = new ClusterViewModel();
    const template = { namespace: 'default', kind: 'ReplicaSet' as const, name: 'web-7d9f8c6b5', templateLabels: { app: 'web' } };
    step(store, model, () => store.replaceTemplates('ReplicaSet', [template]));
    const { before, after } = step(store, model, () => store.upsert('templates', { ...template, templateLabels: { app: 'web' } }));
    assert.ok(after.pods.every((p, i) => p === before.pods[i]));
  });

  test('outdated pods are counted in the totals and the namespaces, with their workload', () => {
    const store = sceneStore();
    store.upsert('nodes', { name: SCENE_FARGATE_NODE_A, fargate: true, arch: 'amd64', os: 'linux', zone: 'us-east-1a', kubeletVersion: 'v1.32.9-eks-113cf36' });
    store.upsert('nodes', { name: SCENE_FARGATE_NODE_B, fargate: true, arch: 'amd64', os: 'linux', zone: 'us-east-1a', kubeletVersion: 'v1.32.9-eks-113cf36' });
    store.replaceTemplates('ReplicaSet', [{ namespace: 'default', kind: 'ReplicaSet', name: 'web-7d9f8c6b5', templateLabels: { app: 'web' }, owner: { kind: 'Deployment', name: 'web' } }]);
    const model = new ClusterViewModel();
    const { after } = step(store, model, () => store.setControlPlaneVersion('v1.33.5-eks-3025e55'));
    assert.equal(after.totals.outdated, 2);
    assert.equal(after.namespaces.find((n) => n.name === 'default')?.outdated, 2);
    assert.deepEqual(after.upgrade, { controlPlane: '1.33', next: '1.34' });
    assert.deepEqual(byKey(after, 'default/web-2')?.workload, { kind: 'Deployment', name: 'web' });
  });

  test('the same snapshot twice gives the same view', () => {
    const store = sceneStore();
    const model = new ClusterViewModel();
    const snapshot = store.flush();
    assert.equal(model.update(snapshot), model.update(snapshot));
  });
});
