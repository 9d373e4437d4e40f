// EKS throttling and 5xx, with the real AWS SDK against the sim: short bursts are retried with
// backoff and never seen; persistent failure keeps the last known profiles, marked stale (and the
// verdicts still computed from them), until a read succeeds again.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSim, type RunningSim } from '../../source/sim/index.js';
import { fetchProfiles, startProfilePoller } from '../../source/sources/aws/eks.js';
import { ClusterStore } from '../../source/store/cluster-store.js';
import type { ClusterIdentity } from '../../source/store/snapshot.js';
import { buildClusterView } from '../../source/view-model/cluster-view.js';
import { waitUntil } from './helpers.js';

let sim: RunningSim;
let identity: ClusterIdentity;
const savedEnv = { ...process.env };

before(async () => {
  sim = await startSim();
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
  Object.assign(process.env, sim.env, {
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  });
  identity = { context: sim.contextName, clusterName: sim.clusterName, region: sim.region, accountId: sim.accountId, awsProfile: null, roleArn: null, inferredFrom: 'arn' };
});
after(async () => {
  process.env = savedEnv;
  await sim.close();
});

describe('EKS throttling and 5xx', () => {
  const bursts = [
    { rule: 'throttling on ListFargateProfiles', fault: { operation: 'ListFargateProfiles' as const, error: 'ThrottlingException' as const } },
    { rule: 'a 500 on DescribeFargateProfile', fault: { operation: 'DescribeFargateProfile' as const, error: 'ServerException' as const } },
    { rule: 'a 503 on ListFargateProfiles', fault: { operation: 'ListFargateProfiles' as const, error: 'ServiceUnavailableException' as const } },
  ];
  for (const { rule, fault } of bursts) {
    test(`${rule}: a single attempt fails, the default retries get through`, async () => {
      try {
        sim.faults.eksFail({ ...fault, count: 1 });
        const once = await fetchProfiles(identity, { maxAttempts: 1 });
        assert.notEqual(once.status.state, 'ok', 'the fault is real');

        sim.faults.eksFail({ ...fault, count: 2 });
        const retried = await fetchProfiles(identity);
        assert.equal(retried.status.state, 'ok', retried.status.message ?? '');
        assert.equal(retried.profiles.length, sim.cluster.profiles().length);
      } finally {
        sim.faults.reset();
      }
    });
  }

  test('persistent failure: last known profiles stay, marked stale; a later success clears it', async () => {
    const store = new ClusterStore(identity);
    const poller = startProfilePoller(identity, store, { intervalMs: 300 });
    try {
      const first = await waitUntil('the first read', () => {
        const s = store.flush();
        return s.profilesStatus.state === 'ok' ? s : null;
      });
      const names = first.profiles.map((p) => p.name);
      const okAt = first.profilesStatus.fetchedAt;
      assert.ok(names.length > 0);

      for (const [error, state, message] of [
        ['ThrottlingException', 'throttled', /throttling requests \(still after retries\); try again shortly/],
        ['ServiceUnavailableException', 'error', /^the EKS API failed, still after retries \(ServiceUnavailableException.*\); try again shortly$/],
      ] as const) {
        sim.faults.reset();
        sim.faults.eksFail({ operation: '*', error, count: Infinity });
        const stale = await waitUntil(
          `${error} to show as ${state}`,
          () => {
            const s = store.flush();
            return s.profilesStatus.state === state ? s : null;
          },
          30_000,
        );
        assert.equal(stale.profilesStatus.stale, true, 'marked stale');
        assert.equal(stale.profilesStatus.fetchedAt, okAt, 'fetchedAt is the last good read');
        assert.match(stale.profilesStatus.message ?? '', message);
        assert.deepEqual(stale.profiles.map((p) => p.name), names, 'the last known profiles are kept');
        const view = buildClusterView(stale);
        assert.equal(view.profilesKnown, true, 'verdicts still come from the stale profiles');
      }

      sim.faults.reset();
      const healed = await waitUntil('a good read again', () => {
        const s = store.flush();
        return s.profilesStatus.state === 'ok' ? s : null;
      }, 30_000);
      assert.equal(healed.profilesStatus.stale, false);
      assert.ok((healed.profilesStatus.fetchedAt ?? 0) > (okAt ?? 0));
    } finally {
      poller.stop();
      store.dispose();
      sim.faults.reset();
    }
  });
});
