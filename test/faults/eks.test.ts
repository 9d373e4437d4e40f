// EKS throttling and 5xx, with the real AWS SDK against the sim: short bursts are retried with
// backoff and never seen; persistent failure keeps the last known profiles, marked stale (and the
// verdicts still computed from them), until a read succeeds again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fetchProfiles, startProfilePoller } from '../../source/sources/aws/eks.js';
import { ClusterStore } from '../../source/store/cluster-store.js';
import { buildClusterView } from '../../source/view-model/cluster-view.js';
import { simForFile } from '../helpers/sim.js';
import { waitUntil } from '../helpers/waiting.js';

// One sim for the file; the AWS SDK's default chain points at it.
const eks = simForFile();

describe('EKS throttling and 5xx', () => {
  const bursts = [
    { rule: 'throttling on ListFargateProfiles', fault: { operation: 'ListFargateProfiles' as const, error: 'ThrottlingException' as const } },
    { rule: 'a 500 on DescribeFargateProfile', fault: { operation: 'DescribeFargateProfile' as const, error: 'ServerException' as const } },
    { rule: 'a 503 on ListFargateProfiles', fault: { operation: 'ListFargateProfiles' as const, error: 'ServiceUnavailableException' as const } },
  ];
  for (const { rule, fault } of bursts) {
    test(`${rule}: a single attempt fails, the default retries get through`, async () => {
      try {
        eks.sim.faults.eksFail({ ...fault, count: 1 });
        const once = await fetchProfiles(eks.identity, { maxAttempts: 1 });
        assert.notEqual(once.status.state, 'ok', 'the fault is real');

        eks.sim.faults.eksFail({ ...fault, count: 2 });
        const retried = await fetchProfiles(eks.identity);
        assert.equal(retried.status.state, 'ok', retried.status.message ?? '');
        assert.equal(retried.profiles.length, eks.sim.cluster.profiles().length);
      } finally {
        eks.sim.faults.reset();
      }
    });
  }

  test('persistent failure: last known profiles stay, marked stale; a later success clears it', async () => {
    const store = new ClusterStore(eks.identity);
    const poller = startProfilePoller(eks.identity, store, { intervalMs: 300 });
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
        eks.sim.faults.reset();
        eks.sim.faults.eksFail({ operation: '*', error, count: Infinity });
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

      eks.sim.faults.reset();
      const healed = await waitUntil('a good read again', () => {
        const s = store.flush();
        return s.profilesStatus.state === 'ok' ? s : null;
      }, 30_000);
      assert.equal(healed.profilesStatus.stale, false);
      assert.ok((healed.profilesStatus.fetchedAt ?? 0) > (okAt ?? 0));
    } finally {
      poller.stop();
      store.dispose();
      eks.sim.faults.reset();
    }
  });
});

// EKS error texts reach the status bar, --json and stderr. AWS quotes requests in some of them
// (signature mismatches echo the canonical request and credential scope), and proxies echo
// headers: they are redacted with the same function as Kubernetes errors.
describe('EKS error texts are redacted like Kubernetes errors', () => {
  const KEY_ID = 'ASIAQ3EGUHJYXZ2MLP7R';
  const OTHER_KEY_ID = 'AKIAZ7K2LMNOPQRSTUVW';
  const SIGNATURE = 'fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024';
  const SESSION = 'IQoJb3JpZ2luX2VjEBAaCXVzLWVhc3QtMSJHMEUCIQD6x1secretsessiontokenpart';
  const ENV_SECRET = 'kf-env-session-9c1d2e3f4a5b6c7d';
  const message =
    `User: arn:aws:iam::111122223333:user/dev is not authorized. Authorization=AWS4-HMAC-SHA256 Credential=${KEY_ID}/20260101/us-east-1/eks/aws4_request, ` +
    `SignedHeaders=host;x-amz-date, Signature=${SIGNATURE}; X-Amz-Security-Token=${SESSION}; key ${OTHER_KEY_ID}; token ${SESSION}; echoed ${ENV_SECRET}`;
  const cases = [
    { rule: 'AccessDenied (its detail is shown)', error: 'AccessDeniedException' as const, state: 'access-denied' },
    { rule: 'a 5xx (its detail is shown)', error: 'ServerException' as const, state: 'error' },
    { rule: 'an unexpected error (shown as is)', error: 'InvalidParameterException' as const, state: 'error' },
  ];
  for (const { rule, error, state } of cases) {
    test(rule, async () => {
      const saved = process.env.AWS_SESSION_TOKEN;
      process.env.AWS_SESSION_TOKEN = ENV_SECRET;
      try {
        eks.sim.faults.eksFail({ operation: '*', error, count: 100, message });
        const { status } = await fetchProfiles(eks.identity, { maxAttempts: 1 });
        assert.equal(status.state, state);
        const text = status.message ?? '';
        for (const secret of [KEY_ID, OTHER_KEY_ID, SIGNATURE, SESSION, ENV_SECRET]) {
          assert.ok(!text.includes(secret), `the message shows ${secret}: ${text}`);
        }
        // What is not a credential stays, so the message still explains itself.
        assert.match(text, /User: arn:aws:iam::111122223333:user\/dev is not authorized/);
        assert.match(text, /Credential=<redacted>.*SignedHeaders=host;x-amz-date, Signature=<redacted>/);
        assert.match(text, /key AKIA<redacted>/);
      } finally {
        if (saved === undefined) delete process.env.AWS_SESSION_TOKEN;
        else process.env.AWS_SESSION_TOKEN = saved;
        eks.sim.faults.reset();
      }
    });
  }
});

describe('an https EKS endpoint that speaks plain HTTP', () => {
  test('is named as such, not as raw OpenSSL text', async () => {
    const { status } = await fetchProfiles(eks.identity, { maxAttempts: 1, endpoint: eks.sim.url.replace('http:', 'https:') });
    assert.equal(status.state, 'error');
    assert.equal(
      status.message,
      'cannot reach the EKS API in us-east-1: the endpoint does not speak TLS on that port; check AWS_ENDPOINT_URL_EKS (http:// or the port that serves https)',
    );
  });
});
