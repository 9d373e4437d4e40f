// Watches: NDJSON from a resourceVersion, selector enter/leave as ADDED/DELETED, 410 Expired
// for compacted history (watch and continue), timeoutSeconds, dropped streams.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningSim } from '../../source/sim/index.js';
import { kube, watch } from './helpers.js';
import { fastSim, podManifest } from '../helpers/sim.js';

describe('sim watch', () => {
  let sim: RunningSim;
  before(async () => {
    sim = await fastSim({ scenario: 'empty' });
  });
  after(() => sim.close());

  test('without a resourceVersion the current state arrives as ADDED, then live changes', async () => {
    const w = await watch(sim, '/api/v1/namespaces?watch=true');
    await w.until((ev) => ev.length >= 4);
    assert.ok(w.events.every((e) => e.type === 'ADDED'));
    sim.cluster.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'w1' } });
    await w.until((ev) => ev.some((e) => e.object.metadata.name === 'w1'));
    w.close();
  });

  test('from a list resourceVersion: ADDED, MODIFIED (scheduling), DELETED; object RVs increase', async () => {
    const list = await kube(sim, '/api/v1/namespaces/default/pods');
    const rv = list.body.metadata.resourceVersion;
    const w = await watch(sim, `/api/v1/namespaces/default/pods?watch=1&resourceVersion=${rv}`);
    sim.cluster.createPod(podManifest('default', 'w-pod'));
    await w.until((ev) => ev.some((e) => e.type === 'MODIFIED' && e.object.status.phase === 'Running'));
    sim.cluster.deletePod('default', 'w-pod', { gracePeriodSeconds: 0 });
    await w.until((ev) => ev.some((e) => e.type === 'DELETED'));
    assert.equal(w.events[0].type, 'ADDED');
    assert.equal(w.events[0].object.metadata.name, 'w-pod');
    const rvs = w.events.map((e) => Number(e.object.metadata.resourceVersion));
    assert.deepEqual(rvs, [...rvs].sort((a, b) => a - b));
    assert.ok(rvs[0]! > Number(rv));
    w.close();
  });

  test('objects that start / stop matching a label selector arrive as ADDED / DELETED', async () => {
    sim.cluster.createPod(podManifest('default', 'sel-pod', { labels: { team: 'a' } }));
    const rv = (await kube(sim, '/api/v1/pods?limit=1')).body.metadata.resourceVersion;
    const w = await watch(sim, `/api/v1/pods?watch=true&labelSelector=team%3Db&resourceVersion=${rv}`);
    await kube(sim, '/api/v1/namespaces/default/pods/sel-pod', { method: 'PATCH', headers: { 'content-type': 'application/merge-patch+json' }, json: { metadata: { labels: { team: 'b' } } } });
    await w.until((ev) => ev.some((e) => e.type === 'ADDED' && e.object.metadata.name === 'sel-pod'));
    await kube(sim, '/api/v1/namespaces/default/pods/sel-pod', { method: 'PATCH', headers: { 'content-type': 'application/merge-patch+json' }, json: { metadata: { labels: { team: 'c' } } } });
    await w.until((ev) => ev.some((e) => e.type === 'DELETED' && e.object.metadata.name === 'sel-pod'));
    w.close();
  });

  test('a resourceVersion older than the retained history answers 410 Expired; so does an old continue token', async () => {
    sim.cluster.createPod(podManifest('default', 'old-1'));
    sim.cluster.createPod(podManifest('default', 'old-2'));
    const first = await kube(sim, '/api/v1/namespaces/default/pods?limit=1');
    const oldRv = first.body.metadata.resourceVersion;
    const cont = first.body.metadata.continue;
    assert.ok(cont, 'there is a second page');
    sim.cluster.createPod(podManifest('default', 'old-3'));
    sim.faults.expireResourceVersions();
    const w = await watch(sim, `/api/v1/namespaces/default/pods?watch=true&resourceVersion=${oldRv}`);
    await w.ended;
    assert.equal(w.events.length, 1);
    assert.equal(w.events[0].type, 'ERROR');
    assert.equal(w.events[0].object.code, 410);
    assert.equal(w.events[0].object.reason, 'Expired');
    assert.match(w.events[0].object.message, /^too old resource version: \d+ \(\d+\)$/);
    const page2 = await kube(sim, `/api/v1/namespaces/default/pods?limit=1&continue=${encodeURIComponent(cont)}`);
    assert.equal(page2.status, 410);
    assert.equal(page2.body.reason, 'Expired');
    // A fresh list gives a usable resourceVersion again.
    const fresh = (await kube(sim, '/api/v1/namespaces/default/pods')).body.metadata.resourceVersion;
    const w2 = await watch(sim, `/api/v1/namespaces/default/pods?watch=true&resourceVersion=${fresh}`);
    sim.cluster.createPod(podManifest('default', 'old-4'));
    await w2.until((ev) => ev.some((e) => e.type === 'ADDED' && e.object.metadata.name === 'old-4'));
    w2.close();
  });

  test('timeoutSeconds ends the stream; dropWatches ends every stream', async () => {
    const t0 = Date.now();
    const timed = await watch(sim, '/api/v1/nodes?watch=true&timeoutSeconds=1');
    await timed.ended;
    assert.ok(Date.now() - t0 >= 900);
    const a = await watch(sim, '/api/v1/pods?watch=true');
    const b = await watch(sim, '/apis/apps/v1/deployments?watch=true');
    sim.faults.dropWatches();
    await Promise.all([a.ended, b.ended]);
  });

  test('a watch on one object by name (the legacy /watch/ path)', async () => {
    sim.cluster.createPod(podManifest('default', 'named'));
    const w = await watch(sim, '/api/v1/watch/namespaces/default/pods/named');
    await w.until((ev) => ev.length >= 1);
    assert.ok(w.events.every((e) => e.object.metadata.name === 'named'));
    w.close();
  });
});
