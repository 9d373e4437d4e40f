// Watches cut every ~300 ms for ~20 s while pods churn: the view stays correct (equal to a fresh
// list at the end), never shows a pod twice, and reconnects are paced by the backoff instead of
// hammering the API server. (The 30-minute version is `npm run soak`.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RequestContext } from '@kubernetes/client-node';
import { startSim, type RunningSim } from '../../source/sim/index.js';
import { loadKubeConfig } from '../../source/sources/kube/kubeconfig.js';
import { inferClusterIdentity } from '../../source/sources/kube/identity.js';
import { RECONNECT_BACKOFF, Reflector } from '../../source/sources/kube/reflector.js';
import { ClusterStore } from '../../source/store/cluster-store.js';
import { assertNoDuplicateRows, follow, startChurn, waitForStoreToMatchList } from './helpers.js';
import { waitUntil } from '../helpers/waiting.js';

const DROP_EVERY_MS = 300;
const RUN_MS = 20_000;

/**
 * The most watches one kind can open in `ms` when every stream is cut: each reconnect waits at
 * least half the backoff ceiling, which doubles up to the cap (no 30 s healthy stretch resets it).
 */
function maxWatchesPerKind(ms: number): number {
  let waited = 0;
  let n = 1; // the first watch after the list
  for (let attempt = 0; ; attempt++) {
    waited += Math.min(RECONNECT_BACKOFF.maxMs, RECONNECT_BACKOFF.initialMs * 2 ** attempt) / 2;
    if (waited > ms) return n;
    n++;
  }
}

describe('watches dropped every few hundred ms under churn', () => {
  let sim: RunningSim;
  before(async () => {
    sim = await startSim({ generate: { pods: 200 } });
  });
  after(() => sim.close());

  test('the view ends equal to a fresh list, no duplicate rows, reconnects bounded by backoff', async (t) => {
    const live = await follow(sim.kubeconfigPath);
    const churn = startChurn(sim, { intervalMs: 15, keep: 60 });
    let drops = 0;
    const dropper = setInterval(() => {
      sim.faults.dropWatches();
      drops++;
    }, DROP_EVERY_MS);
    const startedWatches = live.reflector.stats.watches;
    const started = Date.now();
    try {
      // Sample the view while it runs: never a duplicate row.
      while (Date.now() - started < RUN_MS) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        assertNoDuplicateRows(live.store.flush());
      }
    } finally {
      clearInterval(dropper);
      churn.stop();
    }
    const elapsed = Date.now() - started;
    const watches = live.reflector.stats.watches - startedWatches;
    // Pods, namespaces, nodes, events, and the storage and owner-template kinds the pods need.
    const kinds = live.reflector.stats.kinds;
    t.diagnostic(`${drops} drops, ${watches} watches for ${kinds} kinds (bound ${kinds * maxWatchesPerKind(elapsed)}), ${churn.created} pods created, ${live.reflector.stats.lists} lists`);
    try {
      await waitForStoreToMatchList(live, 30_000);
      assertNoDuplicateRows(live.store.flush());
      assert.ok(churn.created > 300 && churn.deleted > 200, `churn happened (${churn.created} created, ${churn.deleted} deleted)`);
      assert.ok(drops >= (RUN_MS / DROP_EVERY_MS) * 0.6, `watches were dropped (${drops})`);
      // Reconnected, but paced: far fewer watches than drops x kinds.
      const bound = kinds * maxWatchesPerKind(elapsed);
      assert.ok(watches >= kinds, `the watches came back (${watches})`);
      assert.ok(watches <= bound, `${watches} watches in ${elapsed} ms with ${drops} drops: more than the backoff allows (${bound})`);
      assert.ok(watches < drops * kinds * 0.5, `${watches} watches for ${drops} drops: not paced`);
      assert.equal(live.store.flush().connection.state, 'live');
      assert.deepEqual(sim.cluster.errors, []);
    } finally {
      await live.stop();
    }
  });

  test('each watch leaves nothing behind: its connection pool is closed when it ends', async () => {
    // client-node makes an undici Agent per watch over https (for the kubeconfig's CA, as on EKS;
    // plain http needs none). Record every one made after the first list; all but the live
    // watch's must be destroyed, or a long session keeps one per reconnect.
    const tlsSim = await startSim({ scenario: 'walkthrough', tls: true });
    const { kc, contextName } = loadKubeConfig({ kubeconfig: tlsSim.kubeconfigPath, env: {} });
    const agents: Array<{ destroyed: boolean }> = [];
    let recording = false;
    const apply = kc.applySecurityAuthentication.bind(kc);
    kc.applySecurityAuthentication = async (ctx: RequestContext) => {
      await apply(ctx);
      const agent = ctx.getDispatcher() as unknown as { destroyed: boolean } | undefined;
      if (recording && agent) agents.push(agent);
    };
    const store = new ClusterStore(inferClusterIdentity(kc, contextName));
    const reflector = new Reflector(kc, store, { kinds: ['pods'] }).start();
    try {
      await waitUntil('the pods list', () => store.flush().connection.state === 'live');
      // The first watch connects after the list (over TLS, a handshake later): not a reconnect.
      await waitUntil('the first watch', () => reflector.stats.watches >= 1);
      recording = true;
      for (let i = 0; i < 6; i++) {
        const watches = reflector.stats.watches;
        tlsSim.faults.dropWatches();
        await waitUntil('the watch to come back', () => reflector.stats.watches > watches, 10_000);
      }
      assert.ok(agents.length >= 6, `agents recorded: ${agents.length}`);
      await waitUntil('ended watches to close their agents', () => agents.filter((a) => !a.destroyed).length <= 1, 5000, {
        detail: () => `${agents.filter((a) => !a.destroyed).length} of ${agents.length} still open`,
      });
    } finally {
      await reflector.stop();
      store.dispose();
      await tlsSim.close();
    }
    assert.equal(agents.filter((a) => !a.destroyed).length, 0, 'stop() closes the last one too');
  });
});
