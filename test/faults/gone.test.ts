// 410 Gone on watch: the reflector lists again, and pods that vanished while it was not watching
// disappear from the view (a resumed watch alone would never tell it about them).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSim, type RunningSim } from '../../source/sim/index.js';
import { podManifest } from '../helpers/sim.js';
import { follow, waitForStoreToMatchList } from './helpers.js';
import { waitUntil } from '../helpers/waiting.js';

describe('410 Gone on watch', () => {
  let sim: RunningSim;
  before(async () => {
    sim = await startSim({ generate: { pods: 100 } });
  });
  after(() => sim.close());

  test('a gap with expired history: relist; vanished pods go, new ones come', async () => {
    const victims = ['gone-a', 'gone-b', 'gone-c'];
    for (const name of victims) sim.cluster.createPod(podManifest('default', name));
    const live = await follow(sim.kubeconfigPath);
    try {
      await waitUntil('the victims to be shown', () => victims.every((v) => live.store.flush().pods.has(`default/${v}`)));
      const listsBefore = live.reflector.stats.lists;

      // The API server goes away; behind the reflector's back pods go and come and the history
      // it would resume from is forgotten.
      sim.faults.down(1500, '503');
      for (const name of victims) sim.cluster.deletePod('default', name, { gracePeriodSeconds: 0 });
      sim.cluster.createPod(podManifest('default', 'gone-newcomer'));
      sim.faults.expireResourceVersions();

      await waitUntil(
        'the relist after 410',
        () => {
          const s = live.store.flush();
          return s.connection.state === 'live' && s.pods.has('default/gone-newcomer') && victims.every((v) => !s.pods.has(`default/${v}`));
        },
        20_000,
        { detail: () => `connection ${live.store.flush().connection.state}` },
      );
      assert.ok(live.reflector.stats.lists > listsBefore, 'listed again');
      assert.ok(live.states.some((s) => s.state === 'reconnecting'), 'the gap was shown as reconnecting');
      await waitForStoreToMatchList(live);
    } finally {
      await live.stop();
    }
  });

  test('410 as the HTTP status of a watch request also relists', async () => {
    const live = await follow(sim.kubeconfigPath, { kinds: ['pods'] });
    try {
      const listsBefore = live.reflector.stats.lists;
      sim.faults.failNext({ method: 'GET', path: /\/pods\?.*watch=true/, status: 410, count: 1 });
      sim.faults.dropWatches();
      sim.cluster.createPod(podManifest('default', 'after-http-410'));
      await waitUntil('the relist', () => live.reflector.stats.lists > listsBefore && live.store.flush().pods.has('default/after-http-410'));
      await waitForStoreToMatchList(live);
      assert.equal(live.store.flush().connection.state, 'live');
    } finally {
      await live.stop();
    }
  });
});
