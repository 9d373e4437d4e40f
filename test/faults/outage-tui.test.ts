// The status bar over a store fed by the real reflector: an outage shows as `k8s reconnecting`
// with the reason, and `k8s live` comes back by itself once the API server does.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSim, type RunningSim } from '../../source/sim/index.js';
import { renderApp, waitForFrame, type AppHarness } from '../ui/helpers.js';
import { follow, type Followed } from './helpers.js';

describe('status bar during an API server outage', () => {
  let sim: RunningSim;
  let live: Followed | null = null;
  let tui: AppHarness | null = null;
  before(async () => {
    sim = await startSim({ scenario: 'walkthrough' });
  });
  afterEach(async () => {
    tui?.unmount();
    tui = null;
    await live?.stop();
    live = null;
  });
  after(() => sim.close());

  test('reconnecting with the reason while down, live again without a key press', async () => {
    live = await follow(sim.kubeconfigPath);
    tui = await renderApp({ store: live.store, clock: Date.now });
    await waitForFrame(tui, (f) => f.includes('k8s live'), 10_000);

    sim.faults.down(3000, 'refuse');
    const down = await waitForFrame(tui, (f) => f.includes('k8s reconnecting'), 5000);
    assert.match(down, /Kubernetes: cannot (reach the API server at http:\/\/127\.0\.0\.1:\d+|\w+ \w+ at http)/);

    const back = await waitForFrame(tui, (f) => f.includes('k8s live'), 3000 + 5000 + 5000);
    assert.doesNotMatch(back, /Kubernetes: /, 'the problem line is cleared');
  });
});
