// Cutting unread parts of list items before parsing (prune.ts, list-items.ts) must never change
// a record: checked on hand-made items and on the simulator's realistic pods. Cutting against
// JSON.parse on arbitrary JSON is list-items.property.test.ts.
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { ListItemSplitter } from '../../../source/sources/kube/list-items.js';
import { compilePrune, ruleFor, ruleForEscaped, DROP, type PruneSpec } from '../../../source/sources/kube/prune.js';
import {
  NODE_UNUSED,
  PERSISTENT_VOLUME_UNUSED,
  toNodeRecord,
  WORKLOAD_UNUSED,
  toPersistentVolumeRecord,
  toTemplateRecord,
} from '../../../source/sources/kube/projection.js';
import { POD_UNUSED, toPodRecord } from '../../../source/sources/kube/pod-projection.js';
import { listAll } from '../../../source/sources/kube/list.js';
import { loadKubeConfig } from '../../../source/sources/kube/kubeconfig.js';
import { startSim, type RunningSim } from '../../../source/sim/index.js';

const bytes = (text: string) => Buffer.from(text);

describe('ruleFor: a key by its raw bytes', () => {
  const node = compilePrune({ env: 'drop', spec: { x: 'drop' }, name: 'keep', '*': 'drop', '[]': { y: 'drop' } });
  const cases = [
    { rule: 'a listed key to drop', key: 'env', expect: DROP },
    { rule: 'a listed key kept', key: 'name', expect: null },
    { rule: 'a key not listed follows "*"', key: 'other', expect: DROP },
    { rule: 'keys of the same length are told apart', key: 'enx', expect: DROP },
    { rule: 'a key written with escapes is the key it spells', key: 'n\\u0061me', expect: null },
  ];
  for (const { rule, key, expect } of cases) {
    test(rule, () => {
      const text = bytes(`"${key}"`);
      assert.equal((key.includes('\\') ? ruleForEscaped : ruleFor)(node, text, 1, text.length - 1), expect);
    });
  }
  test('a key to look inside gives its own rules, and "[]" the elements\' rules', () => {
    const text = bytes('"spec"');
    const spec = ruleFor(node, text, 1, 5);
    assert.ok(spec !== null && spec !== DROP);
    assert.equal(spec.other, null, 'without "*", keys not listed are kept');
    assert.ok(node.elements !== null && node.elements.keys.get(1)?.[0]?.rule === DROP);
  });
});

/** Items as the splitter hands them over, the body fed in chunks of `size` bytes. */
function splitPruned(items: unknown[], spec: PruneSpec, size: number, spaced = false): unknown[] {
  const out: unknown[] = [];
  const splitter = new ListItemSplitter((item) => out.push(item), { prune: compilePrune(spec) });
  const body = bytes(JSON.stringify({ kind: 'List', metadata: {}, items }, null, spaced ? 2 : undefined));
  for (let i = 0; i < body.length; i += size) splitter.write(body.subarray(i, i + size));
  splitter.end();
  return out;
}

describe('ListItemSplitter with a prune spec', () => {
  const spec: PruneSpec = { drop: 'drop', inner: { gone: 'drop', '[]': { e: 'drop' } }, list: { '[]': { e: 'drop' } } };
  const item = {
    keep: { drop: 'nested, not at the top: kept' },
    drop: { big: [1, 2, { '}': '"' }] },
    inner: { gone: 'x', stays: 1 },
    list: [{ e: [1], f: 2 }, { f: 3, e: 'x' }],
    tail: 'drop',
  };
  const pruned = { ...item, drop: null, inner: { gone: null, stays: 1 }, list: [{ e: null, f: 2 }, { f: 3, e: null }] };

  test('listed values become null, wherever they sit among their siblings', () => {
    for (const spaced of [false, true]) assert.deepEqual(splitPruned([item, item], spec, 1 << 20, spaced), [pruned, pruned]);
  });
  test('in small chunks too: keys and values cut by a chunk end are cut all the same', () => {
    for (const spaced of [false, true]) {
      for (const size of [1, 2, 3, 7, 16, 64]) assert.deepEqual(splitPruned([item, item, item], spec, size, spaced), [pruned, pruned, pruned], `chunks of ${size}`);
    }
  });
  test('a key written with escapes is the key it spells', () => {
    const out: unknown[] = [];
    const splitter = new ListItemSplitter((got) => out.push(got), { prune: compilePrune(spec) });
    splitter.write(bytes('{"items":[{"dr\\u006fp":[1],"d\\rop":2,"x\\"y":3}]}'));
    splitter.end();
    assert.deepEqual(out, [{ drop: null, 'd\rop': 2, 'x"y': 3 }]);
  });
});

describe('POD_UNUSED: pods project to the same records with or without the cut', () => {
  const sims: RunningSim[] = [];
  after(async () => {
    for (const sim of sims) await sim.close();
  });

  for (const [name, options] of [
    ['the walkthrough scenario (init containers, sidecars, claims, DaemonSets, blockers)', {}],
    ['generated realistic pods', { scenario: 'empty', generate: { pods: 400, seed: 3 } }],
  ] as const) {
    test(name, async () => {
      const sim = await startSim({ ...options, controllers: false });
      sims.push(sim);
      const { kc } = loadKubeConfig({ kubeconfig: sim.kubeconfigPath });
      const full: unknown[] = [];
      const cut: unknown[] = [];
      await listAll(kc, '/api/v1/pods', { limit: 100 }, (pod) => full.push(toPodRecord(pod)));
      await listAll(kc, '/api/v1/pods', { limit: 100, prune: POD_UNUSED }, (pod) => cut.push(toPodRecord(pod)));
      assert.ok(full.length > 0);
      assert.deepEqual(cut, full);
    });
  }

  test('everything listed is cut from a pod that has it all', () => {
    const container = { name: 'c', image: 'i', env: [{ name: 'A', value: '1' }], volumeMounts: [{ name: 'v' }], livenessProbe: {}, command: ['x'], resources: { requests: { cpu: '1' } }, securityContext: { privileged: true } };
    const pod = {
      metadata: { name: 'p', managedFields: [{ manager: 'kubectl' }], labels: { env: 'prod' }, annotations: { 'helm.sh/chart': 'x', CapacityProvisioned: '0.25vCPU 0.5GB' } },
      spec: { containers: [container], volumes: [{ name: 'v', projected: { sources: [] } }, { name: 'd', persistentVolumeClaim: { claimName: 'c' } }], tolerations: [{}], securityContext: {} },
      status: { phase: 'Running', containerStatuses: [{ name: 'c', ready: true, image: 'i', lastState: {}, state: { running: {} } }], podIPs: [] },
    };
    const [got] = splitPruned([pod], {}, 1 << 20);
    assert.deepEqual(got, pod, 'an empty spec cuts nothing');
    const [cut] = (() => {
      const out: unknown[] = [];
      const splitter = new ListItemSplitter((item) => out.push(item), { prune: POD_UNUSED });
      splitter.write(bytes(JSON.stringify({ items: [pod] })));
      splitter.end();
      return out;
    })() as [typeof pod];
    assert.equal(cut.metadata.managedFields, null);
    assert.deepEqual(cut.metadata.annotations, { 'helm.sh/chart': null, CapacityProvisioned: '0.25vCPU 0.5GB' }, 'the annotations read are kept');
    assert.deepEqual(cut.metadata.labels, { env: 'prod' }, 'a label named like a dropped field is not touched');
    assert.deepEqual(cut.spec.containers[0], { ...container, env: null, volumeMounts: null, livenessProbe: null, command: null });
    assert.deepEqual(cut.spec.volumes, [{ name: 'v', projected: null }, { name: 'd', persistentVolumeClaim: { claimName: 'c' } }]);
    assert.equal(cut.spec.tolerations, null);
    assert.deepEqual(cut.status.containerStatuses[0], { name: 'c', ready: true, image: null, lastState: null, state: { running: {} } });
    assert.deepEqual(toPodRecord(cut), toPodRecord(pod));
  });
});

describe('WORKLOAD_UNUSED, PERSISTENT_VOLUME_UNUSED and NODE_UNUSED: the same records with or without the cut', () => {
  let sim: RunningSim;
  after(() => sim.close());

  test('ReplicaSets (with their Deployment), StatefulSets, Jobs, PersistentVolumes and nodes (with their kubelet) of the walkthrough', async () => {
    sim = await startSim();
    sim.cluster.apply([
      { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-ebs', annotations: { 'pv.kubernetes.io/provisioned-by': 'ebs.csi.aws.com' } }, spec: { capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce'], csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-1' }, claimRef: { namespace: 'data', name: 'x' } } },
      { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-tree' }, spec: { capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce'], awsElasticBlockStore: { volumeID: 'vol-2' } } },
    ]);
    const { kc } = loadKubeConfig({ kubeconfig: sim.kubeconfigPath });
    const both = async (path: string, project: (raw: unknown) => unknown, prune: typeof POD_UNUSED) => {
      const full: unknown[] = [];
      const cut: unknown[] = [];
      await listAll(kc, path, { limit: 2 }, (item) => full.push(project(item)));
      await listAll(kc, path, { limit: 2, prune }, (item) => cut.push(project(item)));
      assert.ok(full.length > 0, path);
      assert.deepEqual(cut, full, path);
    };
    await both('/apis/apps/v1/replicasets', toTemplateRecord('ReplicaSet'), WORKLOAD_UNUSED);
    await both('/apis/apps/v1/statefulsets', toTemplateRecord('StatefulSet'), WORKLOAD_UNUSED);
    await both('/apis/batch/v1/jobs', toTemplateRecord('Job'), WORKLOAD_UNUSED);
    await both('/api/v1/nodes', toNodeRecord, NODE_UNUSED);
    // What the cut keeps is really read: a Deployment's ReplicaSet names it, a node its kubelet.
    const sets: unknown[] = [];
    await listAll(kc, '/apis/apps/v1/replicasets', { prune: WORKLOAD_UNUSED }, (item) => sets.push(toTemplateRecord('ReplicaSet')(item)));
    assert.ok(sets.some((r) => (r as { owner?: { kind: string } }).owner?.kind === 'Deployment'));
    const nodes: { kubeletVersion?: string | null }[] = [];
    await listAll(kc, '/api/v1/nodes', { prune: NODE_UNUSED }, (item) => nodes.push(toNodeRecord(item)));
    assert.ok(nodes.every((n) => /^v1\.\d+\.\d+-eks-/.test(n.kubeletVersion ?? '')));
    await both('/api/v1/persistentvolumes', toPersistentVolumeRecord, PERSISTENT_VOLUME_UNUSED);
  });
});
