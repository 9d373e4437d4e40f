import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterStore } from '../../source/store/cluster-store.js';
import type { Snapshot } from '../../source/store/snapshot.js';
import { IDENTITY, pod } from '../helpers/records.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('ClusterStore', () => {
  test('an isolated change is published without waiting for the batch window', async () => {
    const store = new ClusterStore(IDENTITY, 10_000);
    const seen: Snapshot[] = [];
    store.subscribe((s) => seen.push(s));
    store.upsert('pods', pod({ name: 'a', uid: 'a' }));
    await tick();
    assert.equal(seen.length, 1);
    assert.ok(seen[0]!.pods.has('default/a'));
    store.dispose();
  });

  test('a burst becomes one snapshot per batch window', async (t) => {
    // The window is measured on the clock; fake timers make it exact instead of a race with real time.
    t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 });
    const store = new ClusterStore(IDENTITY, 30);
    const seen: Snapshot[] = [];
    store.subscribe((s) => seen.push(s));
    for (let i = 0; i < 100; i++) store.upsert('pods', pod({ name: `p${i}`, uid: `u${i}` }));
    await tick();
    assert.equal(seen.length, 1, 'the first burst is published at once, as one snapshot');
    for (let i = 100; i < 200; i++) store.upsert('pods', pod({ name: `p${i}`, uid: `u${i}` }));
    await tick();
    assert.equal(seen.length, 1, 'changes inside the window wait for it');
    t.mock.timers.tick(29);
    await tick();
    assert.equal(seen.length, 1, 'not before the window ends');
    t.mock.timers.tick(1);
    await tick();
    assert.equal(seen.length, 2, 'one snapshot when it ends');
    assert.equal(seen[1]!.pods.size, 200);
    store.dispose();
  });

  test('replaceAll after a relist drops rows that vanished during the gap', () => {
    const store = new ClusterStore(IDENTITY);
    store.replaceAll('pods', [pod({ name: 'a', uid: 'a' }), pod({ name: 'b', uid: 'b' })]);
    store.replaceAll('pods', [pod({ name: 'b', uid: 'b' })]);
    assert.deepEqual([...store.getSnapshot().pods.keys()], ['default/b']);
  });

  test('without subscribers the snapshot is built on read and is current', () => {
    const store = new ClusterStore(IDENTITY);
    store.upsert('pods', pod({ name: 'a', uid: 'a' }));
    const first = store.getSnapshot();
    assert.ok(first.pods.has('default/a'));
    assert.equal(store.getSnapshot(), first, 'same object until something changes');
    store.remove('pods', 'default/a');
    assert.equal(store.getSnapshot().pods.size, 0);
  });
});
