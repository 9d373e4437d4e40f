// Exec credentials that expire mid-session (like `aws eks get-token`: a token valid 15 min,
// reported as expiring after 14). A tiny plugin hands out a new token each run with a short
// expirationTimestamp; the sim accepts a token only until it really expires and answers 401 after.
// The live reflector and one-shot requests must keep working across several expiries, running the
// plugin again only when the cached token has expired — and the user never sees a 401. Over
// https: no credential is sent (nor any plugin run) over plain http.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch } from 'undici';
import { stringify } from 'yaml';
import { startSim, type RunningSim } from '../../source/sim/index.js';
import { kubeGet } from '../../source/sources/kube/http.js';
import { podManifest } from '../helpers/sim.js';
import { follow, waitForStoreToMatchList } from './helpers.js';
import { waitUntil } from '../helpers/waiting.js';

/** How long the sim honours a token, and how much earlier the plugin says it expires. */
// Long enough that a plugin run on a loaded CI machine (a Node start-up) fits well inside it.
const LIFETIME_MS = 6000;
const MARGIN_MS = 3000;

const PLUGIN = `
import { readFileSync, writeFileSync } from 'node:fs';
const [counterFile, lifetime, margin] = process.argv.slice(2);
let n = 0;
try { n = Number(readFileSync(counterFile, 'utf8')) || 0; } catch {}
n++;
writeFileSync(counterFile, String(n));
const now = Date.now();
const validUntil = now + Number(lifetime);
process.stdout.write(JSON.stringify({
  apiVersion: 'client.authentication.k8s.io/v1beta1',
  kind: 'ExecCredential',
  status: { token: 'rotating-' + n + '-' + validUntil, expirationTimestamp: new Date(validUntil - Number(margin)).toISOString() },
}));
`;

describe('exec credentials that expire mid-session', () => {
  let sim: RunningSim;
  let dir: string;
  let kubeconfig: string;
  let counterFile: string;
  const rejected: string[] = [];
  const accepted = new Set<string>();
  let authenticated = 0;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kf-exec-expiry-'));
    counterFile = join(dir, 'runs');
    const plugin = join(dir, 'plugin.mjs');
    writeFileSync(plugin, PLUGIN);
    sim = await startSim({
      tls: true,
      generate: { pods: 50 },
      acceptTokens: (token) => {
        const match = /^rotating-(\d+)-(\d+)$/.exec(token);
        if (!match) return false;
        const ok = Date.now() < Number(match[2]);
        authenticated++;
        if (ok) accepted.add(match[1]!);
        else rejected.push(token);
        return ok;
      },
    });
    kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(
      kubeconfig,
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: sim.contextName, cluster: { server: sim.url, 'certificate-authority-data': Buffer.from(sim.ca!.pem).toString('base64') } }],
        users: [
          {
            name: sim.contextName,
            user: {
              exec: {
                apiVersion: 'client.authentication.k8s.io/v1beta1',
                command: process.execPath,
                args: [plugin, counterFile, String(LIFETIME_MS), String(MARGIN_MS)],
                interactiveMode: 'Never',
              },
            },
          },
        ],
        contexts: [{ name: sim.contextName, context: { cluster: sim.contextName, user: sim.contextName } }],
        'current-context': sim.contextName,
      }),
    );
  });
  after(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const runs = () => Number(readFileSync(counterFile, 'utf8'));

  test('the sim rejects an expired token with 401 (the fault is real)', async () => {
    const dispatcher = new Agent({ connect: { ca: sim.ca!.pem } });
    const res = await fetch(`${sim.url}/api/v1/pods?limit=1`, { headers: { authorization: `Bearer rotating-0-${Date.now() - 1}` }, dispatcher });
    assert.equal(res.status, 401);
    await dispatcher.close();
    rejected.length = 0;
  });

  test('watches, relists and one-shot requests keep working across several expiries', async (t) => {
    const live = await follow(kubeconfig);
    let requests = 0;
    let failures: string[] = [];
    // Every assertion inside the try: a failure must still stop the live view (else its
    // reflector keeps the test process, and CI, alive).
    try {
      // Five lists and watches started at once: one plugin run, the rest used its cached token.
      assert.equal(runs(), 1, 'the plugin ran once for the parallel first requests');
      const started = Date.now();
      // ~4 token lifetimes: new watches (after drops) and one-shot requests need fresh tokens.
      let i = 0;
      while (Date.now() - started < LIFETIME_MS * 4) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        try {
          await kubeGet(live.kc, '/api/v1/namespaces/default/pods', { query: { limit: 1 } });
        } catch (error) {
          failures.push(String(error));
        }
        requests++;
        if (++i % 3 === 0) sim.faults.dropWatches();
        if (i % 4 === 0) sim.cluster.createPod(podManifest('default', `exec-${i}`));
      }
      await waitUntil('the last pod to show', () => live.store.flush().pods.has(`default/exec-${i - (i % 4)}`), 10_000);
      await waitForStoreToMatchList(live);
      t.diagnostic(`${runs()} plugin runs, ${accepted.size} tokens used, ${authenticated} authenticated requests (${requests} one-shot)`);

      assert.deepEqual(failures, [], 'every one-shot request succeeded');
      assert.deepEqual(rejected, [], 'no request carried an expired token');
      assert.ok(!live.states.some((s) => s.state === 'error' || s.state === 'reconnecting'), `never disconnected: ${JSON.stringify(live.states)}`);
      assert.ok(accepted.size >= 3, `tokens rotated (${accepted.size} used)`);
      // One run per expiry, not one per request in flight when it expired.
      const expiries = Math.ceil((Date.now() - started) / (LIFETIME_MS - MARGIN_MS));
      assert.ok(runs() <= expiries + 2, `${runs()} plugin runs for about ${expiries} expiries`);
      // Cached until expiry: far fewer plugin runs than authenticated requests.
      assert.ok(runs() < authenticated / 3, `${runs()} plugin runs for ${authenticated} requests: the token is not cached`);
    } finally {
      failures = [];
      await live.stop();
    }
  });
});
