// Records keep one frozen empty array for every empty list (lib/empty-list.ts): a write into
// one must fail loudly instead of reaching every other record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toPodRecord } from '../../../source/sources/kube/pod-projection.js';

const pod = (name: string) => ({ metadata: { name, namespace: 'ns', uid: name }, spec: { containers: [{ name: 'app', image: 'nginx' }] }, status: { phase: 'Running' } });

test('empty lists of different records are one frozen array: writing into one throws and changes no record', () => {
  const [a, b] = [toPodRecord(pod('a')), toPodRecord(pod('b'))];
  const [ca, cb] = [a.containers[0]!, b.containers[0]!];
  for (const list of [ca.gpus, ca.addedCapabilities, ca.hostPorts, a.initContainers, a.affinityArch, a.affinityOs]) {
    assert.equal(list.length, 0);
    assert.ok(Object.isFrozen(list));
  }
  assert.throws(() => (cb.gpus as string[]).push('nvidia.com/gpu'), TypeError);
  assert.deepEqual(ca.gpus, []);
});

test('a record with values keeps its own lists', () => {
  const raw = pod('c');
  raw.spec.containers[0] = { ...raw.spec.containers[0]!, ports: [{ hostPort: 8080 }], securityContext: { capabilities: { add: ['NET_ADMIN'] } } } as never;
  const record = toPodRecord(raw);
  assert.deepEqual(record.containers[0]!.hostPorts, [8080]);
  assert.deepEqual(record.containers[0]!.addedCapabilities, ['NET_ADMIN']);
  assert.ok(!Object.isFrozen(record.containers[0]!.hostPorts));
});
