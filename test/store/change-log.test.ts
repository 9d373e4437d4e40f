// The change log tells the live view-model which rows a write touched; when it cannot tell all of
// them (entries dropped, a whole collection replaced) it must say so, or rows would go stale.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ChangeLog } from '../../source/store/change-log.js';
import { ClusterStore } from '../../source/store/cluster-store.js';
import { event, IDENTITY, node, pod } from '../helpers/records.js';

const sets = (c: ReturnType<ChangeLog['between']>) => c && { pods: [...c.pods].sort(), nodes: [...c.nodes].sort(), events: [...c.events].sort() };

describe('ChangeLog', () => {
  test('between(from, to) names what was written after `from` up to and including `to`', () => {
    const log = new ChangeLog();
    log.record(1, 'pods', 'a/x');
    log.record(2, 'nodes', 'n1');
    log.record(3, 'events', 'a/x');
    log.record(4, 'pods', 'a/y');
    assert.deepEqual(sets(log.between(1, 3)), { pods: [], nodes: ['n1'], events: ['a/x'] });
    assert.deepEqual(sets(log.between(0, 4)), { pods: ['a/x', 'a/y'], nodes: ['n1'], events: ['a/x'] });
    assert.deepEqual(sets(log.between(4, 4)), { pods: [], nodes: [], events: [] });
  });

  test('a reader further behind than the entries kept is told to read everything', () => {
    const log = new ChangeLog(4);
    for (let v = 1; v <= 5; v++) log.record(v, 'pods', `a/p${v}`);
    assert.equal(log.between(1, 5), null, 'entries 1 and 2 were dropped');
    assert.deepEqual(sets(log.between(2, 5)), { pods: ['a/p3', 'a/p4', 'a/p5'], nodes: [], events: [] });
  });

  test('after a whole collection is replaced, nothing before it can be told apart', () => {
    const log = new ChangeLog();
    log.record(1, 'pods', 'a/x');
    log.forget(2);
    log.record(3, 'pods', 'a/y');
    assert.equal(log.between(1, 3), null);
    assert.deepEqual(sets(log.between(2, 3)), { pods: ['a/y'], nodes: [], events: [] });
  });
});

describe('ClusterStore change log', () => {
  test('pod and node writes, removals and events are named by key; a relist of pods makes earlier versions unknown', () => {
    const store = new ClusterStore(IDENTITY);
    const start = store.flush().version;
    store.upsert('pods', pod({ name: 'a', uid: 'a' }));
    store.upsert('nodes', node('n1', true));
    store.addEvent(event('default', 'a', { reason: 'Killing' }));
    store.upsert('namespaces', { name: 'other', phase: 'Active', createdAt: 0 });
    store.remove('pods', 'default/gone-already');
    const after = store.flush();
    assert.deepEqual(sets(after.changeLog!.between(start, after.version)), { pods: ['default/a'], nodes: ['n1'], events: ['default/a'] });

    store.remove('pods', 'default/a');
    store.remove('nodes', 'n1');
    const removed = store.flush();
    assert.deepEqual(sets(removed.changeLog!.between(after.version, removed.version)), { pods: ['default/a'], nodes: ['n1'], events: [] });

    store.replaceAll('pods', [pod({ name: 'b', uid: 'b' })]);
    const relisted = store.flush();
    assert.equal(relisted.changeLog!.between(removed.version, relisted.version), null);
    assert.deepEqual(sets(relisted.changeLog!.between(relisted.version, relisted.version)), { pods: [], nodes: [], events: [] });
    store.dispose();
  });
});
