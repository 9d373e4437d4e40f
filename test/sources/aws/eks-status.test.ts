import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyEksError } from '../../../source/sources/aws/eks-errors.js';
import { Backoff, sleep } from '../../../source/lib/backoff.js';
import { startProfilePoller, type ProfilesResult } from '../../../source/sources/aws/eks.js';
import { ClusterStore } from '../../../source/store/cluster-store.js';
import { clusterIdentity, profile } from '../../helpers/records.js';

const sdkError = (name: string, message = `${name} message`, httpStatusCode?: number) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode } });

describe('classifyEksError', () => {
  const cases: { rule: string; error: unknown; state: string; message: RegExp }[] = [
    {
      rule: 'AccessDenied names the IAM actions needed',
      error: sdkError('AccessDeniedException', 'User: arn:aws:iam::1:user/bob is not authorized to perform: eks:ListFargateProfiles', 403),
      state: 'access-denied',
      message: /allow eks:ListFargateProfiles and eks:DescribeFargateProfile .*not authorized to perform/,
    },
    {
      rule: 'no credentials in the chain',
      error: sdkError('CredentialsProviderError', 'Could not load credentials from any providers'),
      state: 'no-credentials',
      message: /^AWS credentials are missing or expired: run `aws sso login` \/ set AWS_PROFILE, or pass --no-aws$/,
    },
    { rule: 'expired session token', error: sdkError('ExpiredTokenException', 'The security token included in the request is expired', 403), state: 'no-credentials', message: /missing or expired/ },
    { rule: 'unknown access key', error: sdkError('UnrecognizedClientException', 'The security token included in the request is invalid', 403), state: 'no-credentials', message: /missing or expired/ },
    { rule: 'bad secret key', error: sdkError('InvalidSignatureException', 'signature does not match', 403), state: 'no-credentials', message: /missing or expired/ },
    { rule: 'unknown cluster', error: sdkError('ResourceNotFoundException', 'No cluster found for name: demo.', 404), state: 'cluster-not-found', message: /^EKS cluster demo not found in us-east-1: check --eks-cluster\/--region$/ },
    { rule: 'throttled after retries', error: sdkError('ThrottlingException', 'Rate exceeded', 429), state: 'throttled', message: /throttling/ },
    { rule: 'unreachable endpoint', error: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), state: 'error', message: /cannot reach the EKS API in us-east-1 \(ECONNREFUSED\)/ },
    { rule: 'anything else is a plain error with its text', error: sdkError('ServerException', 'internal failure', 500), state: 'error', message: /ServerException: internal failure/ },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const failure = classifyEksError(c.error, 'demo', 'us-east-1');
      assert.equal(failure.state, c.state);
      assert.match(failure.message, c.message);
    });
  }
});

describe('Backoff', () => {
  test('grows exponentially with jitter up to the cap, and resets after a healthy period', () => {
    const backoff = new Backoff({ initialMs: 100, maxMs: 1000, resetAfterMs: 5000 }, () => 1);
    assert.deepEqual([1, 2, 3, 4, 5].map(() => backoff.next(0)), [100, 200, 400, 800, 1000]);
    backoff.healthy(0);
    assert.equal(backoff.next(1000), 1000, 'a short healthy spell keeps the delay high');
    backoff.healthy(10_000);
    assert.equal(backoff.next(20_000), 100, 'a long healthy spell starts over');
  });

  test('jitter stays between half and all of the ceiling', () => {
    assert.equal(new Backoff({ initialMs: 100 }, () => 0).next(), 50);
  });

  test('sleep ends early, leaving no timer, when aborted', async () => {
    const abort = new AbortController();
    const started = Date.now();
    const done = sleep(60_000, abort.signal);
    abort.abort();
    await done;
    assert.ok(Date.now() - started < 1000);
  });
});

describe('startProfilePoller', () => {
  const identity = clusterIdentity({ context: 'c', accountId: null, inferredFrom: 'flag' });
  const fp = profile('fp', 'dev');

  test('keeps the last known profiles and marks them stale when a re-read fails', async () => {
    const answers: ProfilesResult[] = [
      { profiles: [fp], status: { state: 'ok', message: null, fetchedAt: 1000, stale: false } },
      { profiles: [], status: { state: 'throttled', message: 'slow down', fetchedAt: null, stale: false } },
    ];
    const store = new ClusterStore(identity);
    const poller = startProfilePoller(identity, store, { intervalMs: 60_000, fetch: async () => answers.shift()! });
    try {
      await poller.refreshNow(); // joins the first read
      let snap = store.flush();
      assert.deepEqual(snap.profiles.map((p) => p.name), ['fp']);
      assert.equal(snap.profilesStatus.state, 'ok');
      await poller.refreshNow();
      snap = store.flush();
      assert.deepEqual(snap.profiles.map((p) => p.name), ['fp'], 'still the old profiles');
      assert.equal(snap.profilesStatus.state, 'throttled');
      assert.equal(snap.profilesStatus.stale, true);
      assert.equal(snap.profilesStatus.fetchedAt, 1000);
    } finally {
      poller.stop();
      store.dispose();
    }
  });

  test('a first failure is not stale: there is nothing old to show', async () => {
    const store = new ClusterStore(identity);
    const poller = startProfilePoller(identity, store, {
      fetch: async () => ({ profiles: [], status: { state: 'access-denied', message: 'denied', fetchedAt: null, stale: false } }),
    });
    try {
      await poller.refreshNow();
      const snap = store.flush();
      assert.equal(snap.profilesStatus.state, 'access-denied');
      assert.equal(snap.profilesStatus.stale, false);
    } finally {
      poller.stop();
      store.dispose();
    }
  });
});
