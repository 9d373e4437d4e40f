// Long sessions: events for pods the store no longer holds (a replayed events watch after a
// reconnect re-sends them) must not pile up; events that arrive before their pod must survive.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterStore } from '../../source/store/cluster-store.js';
import type { EventRecord } from '../../source/domain/types.js';
import { event, IDENTITY, pod } from '../helpers/records.js';

const scheduled = (podName: string, i = 0): EventRecord =>
  event('default', podName, { reason: 'Scheduled', type: 'Normal', message: `assigned ${podName} (${i})`, lastSeen: i });

describe('ClusterStore events over a long session', () => {
  test('events of deleted pods are pruned: the map stays bounded', () => {
    const store = new ClusterStore(IDENTITY);
    store.replaceAll('pods', [pod({ namespace: 'default', name: 'alive', uid: 'a' })]);
    store.addEvent(scheduled('alive'));
    for (let i = 0; i < 20_000; i++) store.addEvent(scheduled(`gone-${i}`, i));
    const events = store.flush().events;
    assert.ok(events.size <= 1 + 200 + 1, `${events.size} pods' events kept`);
    assert.ok(events.has('default/alive'), 'the live pod keeps its events');
    store.dispose();
  });

  test('events that arrive before their pod is listed are kept', () => {
    const store = new ClusterStore(IDENTITY);
    for (let i = 0; i < 2000; i++) store.addEvent(scheduled(`early-${i}`, i));
    store.replaceAll('pods', [pod({ namespace: 'default', name: 'early-1999', uid: 'e' })]);
    assert.ok(store.flush().events.has('default/early-1999'));
    store.dispose();
  });
});
