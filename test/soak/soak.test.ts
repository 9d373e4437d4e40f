// The soak in one minute (the 30-minute version is `npm run soak`): the live path — reflectors,
// store, view-model, profile poller — against a churning sim whose watches are cut every few
// seconds. No growth beyond start-up noise, sockets bounded, and the store ends equal to the sim.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeSoak, runSoak } from '../../scripts/soak/run-soak.js';

test('60 s of churn and watch drops: memory flat after warm-up, sockets bounded, view converges', { timeout: 5 * 60_000 }, async (t) => {
  const result = await runSoak({
    durationMs: 60_000,
    sampleEveryMs: 5000,
    pods: 200,
    churnEveryMs: 10,
    keep: 150,
    dropEveryMs: 3000,
    profileEveryMs: 5000,
    pollProfilesEveryMs: 2000,
    eventTtlMs: 20_000,
  });
  for (const s of result.samples) {
    t.diagnostic(
      `${(s.atMs / 1000).toFixed(0)}s rss ${s.rssMb.toFixed(0)} MB heap ${s.heapMb.toFixed(1)} MB sockets ${s.sockets} watches +${s.watches} failures +${s.failures} pods ${s.storePods}/${s.simPods} ${s.connection}`,
    );
  }
  const verdict = judgeSoak(result, { warmupMs: 20_000, rssSlackMb: 30, heapSlackMb: 10, maxSockets: 30 });
  for (const line of verdict.lines) t.diagnostic(line);
  assert.ok(result.samples.length >= 10, 'sampled throughout');
  assert.ok(result.totalWatches > 5 * 5, `watches were cut and reopened (${result.totalWatches})`);
  assert.ok(verdict.ok, verdict.lines.join('\n'));
});
