// kube-http and listAll over real loopback HTTPS with the real client library. A tiny scripted
// server covers answers the simulator does not give (401, hangs, broken JSON) and the
// credential-plugin failures that happen before any request. HTTPS because credentials are never
// sent over plain http (plain-http.sim.test.ts); the sim's test certificate is trusted by CA data.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { KubeConfig } from '@kubernetes/client-node';
import { kubeGet, KubeApiError } from '../../../source/sources/kube/http.js';
import { listAll } from '../../../source/sources/kube/list.js';
import { SIM_TLS_CERT, SIM_TLS_KEY } from '../../../source/sim/tls.js';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
let handler: Handler = (_req, res) => res.end('{}');
const seen: { url: string; auth: string | undefined }[] = [];
const server = https.createServer({ cert: SIM_TLS_CERT, key: SIM_TLS_KEY }, (req, res) => {
  seen.push({ url: req.url ?? '', auth: req.headers.authorization });
  handler(req, res);
});
let url = '';

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function config(user: Record<string, unknown> = { token: 'secret-token' }, server = url): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server, caData: Buffer.from(SIM_TLS_CERT).toString('base64'), skipTLSVerify: false }],
    users: [{ name: 'u', ...user }],
    contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
    currentContext: 'ctx',
  });
  return kc;
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
};
const status = (code: number, reason: string, message: string) => ({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message });

async function rejects(promise: Promise<unknown>, check: (error: KubeApiError) => void): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof KubeApiError, `expected KubeApiError, got ${String(error)}`);
    check(error);
    return true;
  });
}

describe('kubeRequest', () => {
  test('sends the kubeconfig credentials and parses JSON', async () => {
    handler = (_req, res) => json(res, 200, { kind: 'PodList', items: [] });
    seen.length = 0;
    const body = await kubeGet<{ kind: string }>(config(), '/api/v1/pods', { query: { limit: 5, labelSelector: 'app=x' } });
    assert.equal(body.kind, 'PodList');
    assert.equal(seen[0]?.auth, 'Bearer secret-token');
    assert.equal(seen[0]?.url, '/api/v1/pods?limit=5&labelSelector=app%3Dx');
  });

  test('an exec credential plugin token is used', async () => {
    handler = (_req, res) => json(res, 200, {});
    seen.length = 0;
    const cred = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: 'from-exec' } });
    await kubeGet(config({ exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'sh', args: ['-c', `echo '${cred}'`] } }), '/api/v1/pods');
    assert.equal(seen[0]?.auth, 'Bearer from-exec');
  });

  test('403 names the verb, resource and scope, with the server message', async () => {
    handler = (_req, res) => json(res, 403, status(403, 'Forbidden', 'pods is forbidden: User "bob" cannot list resource "pods"'));
    await rejects(kubeGet(config(), '/api/v1/pods', { verb: 'list' }), (e) => {
      assert.equal(e.status, 403);
      assert.equal(e.reason, 'Forbidden');
      assert.equal(e.message, 'forbidden: cannot list pods at cluster scope (403): pods is forbidden: User "bob" cannot list resource "pods"');
    });
    await rejects(kubeGet(config(), '/api/v1/namespaces/dev/persistentvolumeclaims', { verb: 'list' }), (e) => {
      assert.match(e.message, /^forbidden: cannot list persistentvolumeclaims in namespace dev \(403\)/);
    });
  });

  test('401 says the credentials were rejected', async () => {
    handler = (_req, res) => json(res, 401, status(401, 'Unauthorized', 'Unauthorized'));
    await rejects(kubeGet(config(), '/api/v1/pods'), (e) => {
      assert.equal(e.status, 401);
      assert.match(e.message, /^the API server rejected the credentials \(401\) of context "ctx"/);
    });
  });

  test('a closed port: cannot reach the API server at URL', async () => {
    const spare = http.createServer();
    await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
    const deadUrl = `https://127.0.0.1:${(spare.address() as AddressInfo).port}`;
    await new Promise((resolve) => spare.close(resolve));
    await rejects(kubeGet(config({ token: 't' }, deadUrl), '/api/v1/pods'), (e) => {
      assert.equal(e.status, 0);
      assert.equal(e.reason, 'Unreachable');
      assert.match(e.message, new RegExp(`^cannot reach the API server at ${deadUrl}: ECONNREFUSED`));
    });
  });

  test('https:// to a server that speaks plain HTTP: not TLS on that port (no OpenSSL text, no CA blamed)', async () => {
    const plain = http.createServer((_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const port = (plain.address() as AddressInfo).port;
    try {
      for (const skipTLSVerify of [false, true]) {
        const kc = new KubeConfig();
        kc.loadFromOptions({
          clusters: [{ name: 'c', server: `https://127.0.0.1:${port}`, skipTLSVerify }],
          users: [{ name: 'u', token: 't0ken-secret' }],
          contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
          currentContext: 'ctx',
        });
        await rejects(kubeGet(kc, '/api/v1/pods'), (e) => {
          assert.equal(e.reason, 'TLS');
          assert.equal(
            e.message,
            `the server at https://127.0.0.1:${port} does not speak TLS on that port (it answered like plain HTTP); use http://127.0.0.1:${port} in the kubeconfig if it really serves plain HTTP, or the port that serves https`,
          );
        });
      }
    } finally {
      plain.closeAllConnections();
      await new Promise((resolve) => plain.close(resolve));
    }
  });

  test('--request-timeout aborts a hanging request', async () => {
    handler = () => {}; // never answers
    const started = Date.now();
    await rejects(kubeGet(config(), '/api/v1/pods', { timeoutMs: 200 }), (e) => {
      assert.equal(e.reason, 'Timeout');
      assert.match(e.message, /timed out after 200ms/);
    });
    assert.ok(Date.now() - started < 3000);
    server.closeAllConnections();
  });

  test('an exec plugin missing from PATH says what to install', async () => {
    const kc = config({ exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'aws', args: ['eks', 'get-token'] } });
    const env = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await rejects(kubeGet(kc, '/api/v1/pods'), (e) => {
        assert.equal(e.reason, 'ExecPlugin');
        assert.equal(
          e.message,
          "the kubeconfig's exec credential plugin `aws` was not found on PATH; install the AWS CLI or run `aws eks update-kubeconfig`",
        );
      });
    } finally {
      process.env.PATH = env;
    }
  });

  test('a failing exec plugin surfaces its stderr', async () => {
    const kc = config({
      exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'sh', args: ['-c', 'echo "Error loading SSO Token: Token for x does not exist" >&2; exit 255'] },
    });
    await rejects(kubeGet(kc, '/api/v1/pods'), (e) => {
      assert.equal(e.reason, 'ExecPlugin');
      assert.equal(e.message, "the kubeconfig's exec credential plugin `sh` failed: Error loading SSO Token: Token for x does not exist");
    });
  });

});

describe('listAll', () => {
  const names = Array.from({ length: 7 }, (_, i) => `p${i}`);
  /** Pages of 3 over `names`; the continue token is the next index. */
  const pager = (options: { expireAt?: number } = {}): Handler => {
    let expired = false;
    return (req, res) => {
      const q = new URL(req.url ?? '', 'http://x').searchParams;
      const limit = Number(q.get('limit'));
      const from = Number(q.get('continue') ?? 0);
      if (options.expireAt !== undefined && from === options.expireAt && !expired) {
        expired = true;
        return json(res, 410, status(410, 'Expired', 'The provided continue parameter is too old'));
      }
      const items = names.slice(from, from + limit).map((name) => ({ metadata: { name } }));
      const next = from + limit < names.length ? String(from + limit) : undefined;
      json(res, 200, { kind: 'PodList', metadata: { resourceVersion: '99', ...(next ? { continue: next } : {}) }, items });
    };
  };

  test('follows continue tokens across pages', async () => {
    handler = pager();
    seen.length = 0;
    const got: string[] = [];
    const { resourceVersion } = await listAll(config(), '/api/v1/pods', { limit: 3 }, (item) => got.push((item as { metadata: { name: string } }).metadata.name));
    assert.deepEqual(got, names);
    assert.equal(resourceVersion, '99');
    assert.equal(seen.length, 3);
  });

  test('an expired continue token restarts the list from scratch', async () => {
    handler = pager({ expireAt: 6 });
    let got: string[] = [];
    let restarts = 0;
    await listAll(
      config(),
      '/api/v1/pods',
      { limit: 3, onRestart: () => ((got = []), restarts++) },
      (item) => got.push((item as { metadata: { name: string } }).metadata.name),
    );
    assert.equal(restarts, 1);
    assert.deepEqual(got, names);
  });

  test('the next page is asked for while this one downloads (its continue token comes first)', async () => {
    let secondAsked: () => void = () => {};
    const second = new Promise<void>((resolve) => (secondAsked = resolve));
    let askedEarly = false;
    handler = (req, res) => {
      if (new URL(req.url ?? '', 'http://x').searchParams.get('continue') === 'p2') {
        secondAsked();
        return json(res, 200, { kind: 'PodList', metadata: { resourceVersion: '9' }, items: [{ metadata: { name: 'b' } }] });
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"kind":"PodList","metadata":{"continue":"p2"},"items":[{"metadata":{"name":"a"}},');
      // Finish page one only once page two was asked for (or give up after 2 s).
      const timer = setTimeout(() => res.end('{"metadata":{"name":"a2"}}]}'), 2000);
      void second.then(() => {
        askedEarly = true;
        clearTimeout(timer);
        res.end('{"metadata":{"name":"a2"}}]}');
      });
    };
    const got: string[] = [];
    await listAll(config(), '/api/v1/pods', {}, (item) => got.push((item as { metadata: { name: string } }).metadata.name));
    assert.deepEqual(got, ['a', 'a2', 'b']);
    assert.ok(askedEarly, 'page two was requested before page one ended');
  });

  test('pages come gzipped when the server compresses them, as kube-apiserver does', async () => {
    const acceptEncodings: (string | undefined)[] = [];
    handler = (req, res) => {
      acceptEncodings.push(req.headers['accept-encoding']);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      res.end(gzipSync(JSON.stringify({ kind: 'PodList', metadata: { resourceVersion: '5' }, items })));
    };
    // Enough items that they span many of zlib's output chunks.
    const items = Array.from({ length: 3000 }, (_, i) => ({ metadata: { name: `pod-${i}`, annotations: { note: 'x'.repeat(i % 97) } } }));
    const got: unknown[] = [];
    const { resourceVersion } = await listAll(config(), '/api/v1/pods', { limit: 5000 }, (item) => got.push(item));
    assert.deepEqual(got, items);
    assert.equal(resourceVersion, '5');
    assert.deepEqual(acceptEncodings, ['gzip']);
  });

  test('--request-timeout aborts a list page that hangs half-way', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"kind":"PodList","metadata":{},"items":[{"metadata":{"name":"a"}},'); // and nothing more
    };
    const started = Date.now();
    await rejects(listAll(config(), '/api/v1/pods', { timeoutMs: 300 }, () => {}), (e) => {
      assert.equal(e.reason, 'Timeout');
      assert.match(e.message, /timed out after 300ms/);
    });
    assert.ok(Date.now() - started < 3000);
    server.closeAllConnections();
  });

  test('a page that is not JSON is a KubeApiError naming the list', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"kind":"PodList","metadata":{},"items":[{"metadata":{"name":"a"}},{"metadata":<html>');
    };
    const got: unknown[] = [];
    await rejects(listAll(config(), '/api/v1/pods', {}, (item) => got.push(item)), (e) => {
      assert.equal(e.status, 0);
      assert.match(e.message, /list pods.*not JSON/);
    });
    assert.equal(got.length, 1, 'items before the damage were already handed over');
  });

  test('a connection cut in the middle of a page is a KubeApiError', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100000' });
      res.write('{"kind":"PodList","metadata":{},"items":[{"metadata":{"name":"a"}},{"meta', () => res.destroy());
    };
    await rejects(listAll(config(), '/api/v1/pods', {}, () => {}), (e) => assert.equal(e.status, 0));
  });

  test('a 410 on the first page is an error, not a restart loop', async () => {
    handler = (_req, res) => json(res, 410, status(410, 'Gone', 'too old'));
    await rejects(listAll(config(), '/api/v1/pods', {}, () => {}), (e) => assert.equal(e.status, 410));
  });
});
