// The API server goes away for a while and comes back: the store says `reconnecting` (with why)
// while it is down and is `live` again within 5 s of the server's return, with no key press.
// (A 30 s outage runs in `npm run soak`; here 5 s, with the production backoff.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSim, type RunningSim } from '../../source/sim/index.js';
import { podManifest } from '../helpers/sim.js';
import { follow, waitForStoreToMatchList } from './helpers.js';
import { waitUntil } from '../helpers/waiting.js';

export const RECOVERY_BUDGET_MS = 5000;

const modes = [
  { mode: 'refuse' as const, message: /^cannot (reach the API server at http:\/\/127\.0\.0\.1:\d+: (ECONNRESET|ECONNREFUSED|UND_ERR_SOCKET)|(list|watch) \w+ at http)/ },
  { mode: '503' as const, message: /^the API server failed to (list|watch) \w+ \(503\)/ },
];

describe('API server outage', () => {
  let sim: RunningSim;
  before(async () => {
    sim = await startSim({ generate: { pods: 100 } });
  });
  after(() => sim.close());

  for (const { mode, message } of modes) {
    test(`down 5 s (${mode}): reconnecting with the reason, live within ${RECOVERY_BUDGET_MS / 1000} s of recovery`, async (t) => {
      const live = await follow(sim.kubeconfigPath);
      try {
        const outageMs = 5000;
        const downAt = Date.now();
        sim.faults.down(outageMs, mode);
        const backAt = downAt + outageMs;
        // Changes made while it is down must show once it is back.
        sim.cluster.createPod(podManifest('default', `during-outage-${mode}`));

        const down = await waitUntil('reconnecting to be shown', () => {
          const c = live.store.flush().connection;
          return c.state === 'reconnecting' && c.message ? c : null;
        }, outageMs);
        assert.match(down.message!, message);

        await waitUntil('live again', () => live.store.flush().connection.state === 'live', outageMs + 15_000);
        const liveAt = live.states.findLast((s) => s.state === 'live')!.at;
        const recovery = liveAt - backAt;
        t.diagnostic(`live ${recovery} ms after the server came back (${live.reflector.stats.failures} failed attempts)`);
        assert.ok(liveAt >= backAt, 'not live before the server is back');
        assert.ok(recovery <= RECOVERY_BUDGET_MS, `live again ${recovery} ms after the server came back`);
        assert.ok(live.store.flush().pods.has(`default/during-outage-${mode}`), 'the pod created during the outage is shown');
        assert.ok(!live.states.some((s) => s.state === 'error'), 'an outage is not a fatal error');
        await waitForStoreToMatchList(live);
      } finally {
        await live.stop();
      }
    });
  }
});
