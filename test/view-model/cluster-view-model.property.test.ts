// The live view-model follows the store's change log and re-places only the rows a write touched;
// whatever the writes and however many snapshots it skips, its view must be the one-shot
// buildClusterView of the same snapshot (the TUI and --json agree).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ClusterStore } from '../../source/store/cluster-store.js';
import { selectPods } from '../../source/ui/state/rows.js';
import { DEFAULT_SORT } from '../../source/ui/state/sort.js';
import { buildClusterView, type ClusterView } from '../../source/view-model/cluster-view.js';
import { ClusterViewModel } from '../../source/view-model/cluster-view-model.js';
import { NOW, SCENE_EC2_NODE, SCENE_FARGATE_NODE_A, SCENE_PROFILES, sceneEvent, sceneFargatePod, scenePod, sceneProfile, sceneStore } from '../helpers/scene.js';

const NAMESPACES = ['default', 'prod', 'test', 'zz-new'];
const NAMES = ['a', 'b', 'c', 'web-1', 'web-2'];
// The scene's nodes and two that are not listed yet (a pod may name a node before its watch event).
const NODES = [SCENE_EC2_NODE, SCENE_FARGATE_NODE_A, 'fargate-ip-10-0-9-1.ec2.internal', 'fargate-ip-10-0-9-2.ec2.internal'];

const key = fc.record({ namespace: fc.constantFrom(...NAMESPACES), name: fc.constantFrom(...NAMES) });

/** The writes a watch (or a relist, or an EKS re-read) makes. */
const write = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('pod' as const), key, fargate: fc.boolean(), node: fc.option(fc.constantFrom(...NODES)), version: fc.nat(3), status: fc.constantFrom('Running', 'Pending', 'CrashLoopBackOff') }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete-pod' as const), key }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('node' as const), name: fc.constantFrom(...NODES), fargate: fc.boolean(), kubelet: fc.constantFrom('v1.32.9-eks-113cf36', 'v1.33.5-eks-ecaa3a6', undefined) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete-node' as const), name: fc.constantFrom(...NODES) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('event' as const), key, reason: fc.constantFrom('FailedScheduling', 'Killing') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('relist' as const), keep: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('profiles' as const), extra: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('control-plane' as const), version: fc.constantFrom('v1.33.5-eks-3025e55', 'v1.34.1-eks-d96d92f', null) }) },
);
type Write = typeof write extends fc.Arbitrary<infer W> ? W : never;

function apply(store: ClusterStore, w: Write): void {
  switch (w.op) {
    case 'pod': {
      const o = { nodeName: w.node, resourceVersion: String(w.version), status: w.status };
      store.upsert('pods', w.fargate ? sceneFargatePod(w.key.namespace, w.key.name, 'fp-default', o) : scenePod(w.key.namespace, w.key.name, o));
      return;
    }
    case 'delete-pod':
      return store.remove('pods', `${w.key.namespace}/${w.key.name}`);
    case 'node':
      return store.upsert('nodes', { name: w.name, fargate: w.fargate, arch: 'amd64', os: 'linux', zone: 'us-east-1a', ...(w.kubelet ? { kubeletVersion: w.kubelet } : {}) });
    case 'delete-node':
      return store.remove('nodes', w.name);
    case 'event':
      return store.addEvent(sceneEvent(w.key.namespace, w.key.name, { reason: w.reason, lastSeen: NOW }));
    case 'relist':
      return store.replaceAll('pods', [...store.getSnapshot().pods.values()].slice(w.keep));
    case 'profiles':
      return store.setLiveProfiles(w.extra ? [...SCENE_PROFILES, sceneProfile('fp-zz', [{ namespace: 'zz-*' }])] : SCENE_PROFILES, { state: 'ok', message: null, fetchedAt: NOW, stale: false });
    case 'control-plane':
      return store.setControlPlaneVersion(w.version);
  }
}

/** Equal views, byNamespace in the same (namespace) order, and the pods list of all namespaces as the TUI reads it equal to `pods`. */
function same(live: ClusterView, oneShot: ClusterView): void {
  assert.deepEqual(live, oneShot);
  assert.deepEqual([...live.byNamespace.keys()], [...oneShot.byNamespace.keys()]);
  assert.deepEqual(selectPods(live, { namespace: null, filter: '', sort: DEFAULT_SORT, onlyReschedule: false }).slice(), oneShot.pods);
}

test('after any writes, read at any snapshot (some skipped), the live view equals a one-shot build of that snapshot', () => {
  // Each batch is one published snapshot; `read` false: the view-model skips it (React may render only the latest).
  const batches = fc.array(fc.record({ writes: fc.array(write, { minLength: 1, maxLength: 6 }), read: fc.boolean() }), { minLength: 1, maxLength: 12 });
  fc.assert(
    fc.property(batches, (steps) => {
      const store = sceneStore();
      const model = new ClusterViewModel();
      model.update(store.flush());
      for (const { writes, read } of steps) {
        for (const w of writes) apply(store, w);
        const snapshot = store.flush();
        if (read) same(model.update(snapshot), buildClusterView(snapshot));
      }
      const last = store.flush();
      same(model.update(last), buildClusterView(last));
      store.dispose();
    }),
    { numRuns: 200 },
  );
});
