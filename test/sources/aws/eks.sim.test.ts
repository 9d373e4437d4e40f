// fetchProfiles with the real AWS SDK against the simulator's EKS API. The endpoint comes from
// AWS_ENDPOINT_URL_EKS (as the sim's env sets it), proving the SDK honours it by itself.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningSim } from '../../../source/sim/index.js';
import { fetchProfiles, startProfilePoller } from '../../../source/sources/aws/eks.js';
import { ClusterStore } from '../../../source/store/cluster-store.js';
import { buildClusterView } from '../../../source/view-model/cluster-view.js';
import { simForFile } from '../../helpers/sim.js';

// One sim for the file; the AWS SDK's default chain points at it.
const eks = simForFile();

describe('fetchProfiles against the sim EKS API', () => {
  test('reads every profile with its selectors, role, subnets and creation time', async () => {
    const { profiles, status } = await fetchProfiles(eks.identity);
    assert.equal(status.state, 'ok');
    assert.equal(status.message, null);
    assert.ok(status.fetchedAt !== null);
    const expected = eks.sim.cluster.profiles();
    assert.ok(expected.length > 0);
    assert.deepEqual(profiles.map((p) => p.name), expected.map((p) => p.name));
    for (const [i, profile] of profiles.entries()) {
      const sim = expected[i]!;
      assert.equal(profile.source, 'eks');
      assert.equal(profile.status, sim.status);
      assert.deepEqual(profile.selectors, sim.selectors.map((s) => (s.labels && Object.keys(s.labels).length ? s : { namespace: s.namespace })));
      assert.deepEqual(profile.subnets, sim.subnets);
      assert.equal(profile.podExecutionRoleArn, sim.podExecutionRoleArn);
      assert.ok(Math.abs((profile.createdAt ?? 0) - sim.createdAt) < 2, 'createdAt in epoch ms');
    }
  });

  test('follows ListFargateProfiles pages', async () => {
    const { profiles, status } = await fetchProfiles(eks.identity, { pageSize: 2 });
    assert.equal(status.state, 'ok');
    assert.equal(profiles.length, eks.sim.cluster.profiles().length);
    assert.ok(profiles.length > 2, 'more than one page');
  });

  const failures: { rule: string; fault: Parameters<RunningSim['faults']['eksFail']>[0]; state: string; message: RegExp }[] = [
    {
      rule: 'AccessDenied names the IAM actions',
      fault: { operation: 'ListFargateProfiles', error: 'AccessDeniedException', count: 10 },
      state: 'access-denied',
      message: /allow eks:ListFargateProfiles and eks:DescribeFargateProfile/,
    },
    {
      rule: 'AccessDenied on DescribeFargateProfile too',
      fault: { operation: 'DescribeFargateProfile', error: 'AccessDeniedException', count: 100 },
      state: 'access-denied',
      message: /eks:DescribeFargateProfile/,
    },
    {
      rule: 'an expired token means refresh credentials',
      fault: { operation: 'ListFargateProfiles', error: 'ExpiredTokenException', count: 10 },
      state: 'no-credentials',
      message: /^AWS credentials are missing or expired: run `aws sso login`/,
    },
    {
      rule: 'an unknown access key means refresh credentials',
      fault: { operation: 'ListFargateProfiles', error: 'UnrecognizedClientException', count: 10 },
      state: 'no-credentials',
      message: /missing or expired/,
    },
    {
      rule: 'throttling that outlasts the retries',
      fault: { operation: 'ListFargateProfiles', error: 'ThrottlingException', count: 100 },
      state: 'throttled',
      message: /throttling/,
    },
    {
      rule: 'a server error that outlasts the retries',
      fault: { operation: 'ListFargateProfiles', error: 'ServerException', count: 100, message: 'boom' },
      state: 'error',
      message: /ServerException: boom/,
    },
  ];
  for (const c of failures) {
    test(`${c.rule} -> ${c.state}`, async () => {
      eks.sim.faults.eksFail(c.fault);
      try {
        const { profiles, status } = await fetchProfiles(eks.identity, { maxAttempts: 2 });
        assert.equal(status.state, c.state);
        assert.match(status.message ?? '', c.message);
        assert.deepEqual(profiles, []);
      } finally {
        eks.sim.faults.reset();
      }
    });
  }

  test('transient throttling and 5xx are retried by the SDK', async () => {
    eks.sim.faults.eksFail({ operation: 'ListFargateProfiles', error: 'ThrottlingException', count: 1 });
    eks.sim.faults.eksFail({ operation: 'DescribeFargateProfile', error: 'ServerException', count: 2 });
    try {
      const { profiles, status } = await fetchProfiles(eks.identity);
      assert.equal(status.state, 'ok');
      assert.equal(profiles.length, eks.sim.cluster.profiles().length);
    } finally {
      eks.sim.faults.reset();
    }
  });

  test('an unknown cluster -> cluster-not-found with the flags to check', async () => {
    const { status } = await fetchProfiles({ ...eks.identity, clusterName: 'nope' });
    assert.equal(status.state, 'cluster-not-found');
    assert.equal(status.message, `EKS cluster nope not found in ${eks.sim.region}: check --eks-cluster/--region`);
  });

  test('no cluster name -> no-cluster with the hint, no request made', async () => {
    const { status } = await fetchProfiles({ ...eks.identity, clusterName: null });
    assert.equal(status.state, 'no-cluster');
    assert.match(status.message ?? '', /pass --eks-cluster NAME/);
  });

  test('missing credentials -> no-credentials', async () => {
    const keys = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    try {
      const { status } = await fetchProfiles(eks.identity);
      assert.equal(status.state, 'no-credentials');
    } finally {
      process.env.AWS_ACCESS_KEY_ID = keys.id;
      process.env.AWS_SECRET_ACCESS_KEY = keys.secret;
    }
  });

  test('a profile named in the kubeconfig but absent from ~/.aws is reported as such', async () => {
    const keys = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    try {
      const { status } = await fetchProfiles({ ...eks.identity, awsProfile: 'team-admin' });
      assert.equal(status.state, 'no-credentials');
      assert.match(status.message ?? '', /team-admin/);
    } finally {
      process.env.AWS_ACCESS_KEY_ID = keys.id;
      process.env.AWS_SECRET_ACCESS_KEY = keys.secret;
    }
  });
});

describe('startProfilePoller against the sim', () => {
  test('reads at start, re-reads on demand, keeps stale profiles on failure', async () => {
    const store = new ClusterStore(eks.identity);
    const poller = startProfilePoller(eks.identity, store, { intervalMs: 60_000, maxAttempts: 1 });
    try {
      await poller.refreshNow();
      let snapshot = store.flush();
      assert.equal(snapshot.profilesStatus.state, 'ok');
      const names = snapshot.profiles.map((p) => p.name);
      assert.deepEqual(names, eks.sim.cluster.profiles().map((p) => p.name));

      eks.sim.cluster.createProfile({ name: 'fp-new', selectors: [{ namespace: 'new' }] });
      await poller.refreshNow();
      snapshot = store.flush();
      assert.ok(snapshot.profiles.some((p) => p.name === 'fp-new'));

      eks.sim.faults.eksFail({ operation: 'ListFargateProfiles', error: 'AccessDeniedException' });
      await poller.refreshNow();
      snapshot = store.flush();
      assert.equal(snapshot.profilesStatus.state, 'access-denied');
      assert.equal(snapshot.profilesStatus.stale, true);
      assert.ok(snapshot.profiles.some((p) => p.name === 'fp-new'), 'last known profiles kept');
    } finally {
      poller.stop();
      store.dispose();
      eks.sim.faults.reset();
      eks.sim.cluster.deleteProfile('fp-new');
    }
  });
});

// The poller writes a failed re-read into the store as a status only: the profiles of the last
// good read stay (marked stale), so verdicts do not flip to "unknown" on one bad call.
describe('a failed profile re-read keeps the profiles it had', () => {
  const faults = [
    { rule: 'throttling that outlasts the retries', error: 'ThrottlingException', state: 'throttled' },
    { rule: 'a 5xx from EKS', error: 'ServiceUnavailableException', state: 'error' },
    { rule: 'access denied (the role lost eks:ListFargateProfiles mid-session)', error: 'AccessDeniedException', state: 'access-denied' },
    { rule: 'credentials that expired mid-session', error: 'ExpiredTokenException', state: 'no-credentials' },
  ] as const;
  for (const c of faults) {
    test(`${c.rule}: stale profiles, the last good read's time, verdicts still known`, async () => {
      const store = new ClusterStore(eks.identity);
      const poller = startProfilePoller(eks.identity, store, { intervalMs: 60_000, maxAttempts: 1 });
      try {
        await poller.refreshNow();
        const good = store.flush();
        assert.equal(good.profilesStatus.state, 'ok');
        assert.ok(good.profiles.length > 0);

        eks.sim.faults.eksFail({ operation: '*', error: c.error, count: Infinity });
        await poller.refreshNow();
        const failed = store.flush();
        assert.equal(failed.profilesStatus.state, c.state, 'the failure is real');
        assert.equal(failed.profilesStatus.stale, true, 'marked stale');
        assert.equal(failed.profilesStatus.fetchedAt, good.profilesStatus.fetchedAt, 'fetchedAt is the last good read');
        assert.deepEqual(failed.profiles, good.profiles, 'the profiles of the last good read, unchanged');
        assert.equal(buildClusterView(failed).profilesKnown, true, 'verdicts still come from them');
      } finally {
        poller.stop();
        store.dispose();
        eks.sim.faults.reset();
      }
    });
  }

  test('a failure before any good read: no profiles, and they count as unknown (not as "none match")', async () => {
    eks.sim.faults.eksFail({ operation: '*', error: 'AccessDeniedException', count: Infinity });
    const store = new ClusterStore(eks.identity);
    const poller = startProfilePoller(eks.identity, store, { intervalMs: 60_000, maxAttempts: 1 });
    try {
      await poller.refreshNow();
      const snapshot = store.flush();
      assert.equal(snapshot.profilesStatus.state, 'access-denied');
      assert.equal(snapshot.profilesStatus.stale, false, 'nothing to be stale');
      assert.deepEqual(snapshot.profiles, []);
      assert.equal(buildClusterView(snapshot).profilesKnown, false);
    } finally {
      poller.stop();
      store.dispose();
      eks.sim.faults.reset();
    }
  });
});
