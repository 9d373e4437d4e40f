// Credentials never show: not in stdout, stderr or error messages, whatever goes wrong — even
// when a server or proxy echoes the Authorization header back. And the sim binds loopback only.
// Over https (the sim's TLS mode): over plain http no credential is sent at all.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { stringify } from 'yaml';
import { startSim, type RunningSim } from '../../source/sim/index.js';
import { KubeApiError, kubeGet } from '../../source/sources/kube/http.js';
import { redactSecrets } from '../../source/sources/kube/errors.js';
import { SIM_TLS_CERT, SIM_TLS_KEY } from '../../source/sim/tls.js';
import { runCli, simEnv } from '../helpers/cli.js';

const secret = (what: string) => `kf-${what}-${randomBytes(12).toString('hex')}`;
const TOKEN = secret('token'); // a static kubeconfig token the sim accepts
const WRONG = secret('wrong'); // a static token the sim rejects (401)
const EXEC_TOKEN = secret('exec');
const EKS_TOKEN = `k8s-aws-v1.${randomBytes(24).toString('base64url')}`;
const AWS_SECRET = secret('awssecret');
const AWS_SESSION = secret('awssession');
const AWS_KEY_ID = 'ASIAQ3EGUHJYXZ2MLP7R';
const SIGV4_SIGNATURE = randomBytes(32).toString('hex');
const ALL = [TOKEN, WRONG, EXEC_TOKEN, EKS_TOKEN, AWS_SECRET, AWS_SESSION, AWS_KEY_ID, SIGV4_SIGNATURE];

function assertNoSecret(where: string, text: string): void {
  for (const s of ALL) assert.ok(!text.includes(s), `${where} contains a credential:\n${text}`);
  assert.doesNotMatch(text, /Bearer [A-Za-z0-9._-]{8,}/, `${where} shows a bearer token`);
}

describe('credentials never appear in output or errors', () => {
  let sim: RunningSim;
  let dir: string;
  let echo: https.Server;
  let echoUrl: string;
  const kubeconfig = (name: string, server: string, user: Record<string, unknown>) => {
    const file = join(dir, name);
    writeFileSync(
      file,
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        // ARN-named so that the EKS side runs too (and can fail).
        clusters: [{ name: sim.contextName, cluster: { server, 'certificate-authority-data': Buffer.from(SIM_TLS_CERT).toString('base64') } }],
        users: [{ name: 'u', user }],
        contexts: [{ name: sim.contextName, context: { cluster: sim.contextName, user: 'u' } }],
        'current-context': sim.contextName,
      }),
    );
    return file;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kf-secrets-'));
    sim = await startSim({ scenario: 'walkthrough', acceptTokens: new Set([TOKEN]), tls: true });
    // A misbehaving server/proxy that puts the request's Authorization header in its error text.
    echo = https.createServer({ cert: SIM_TLS_CERT, key: SIM_TLS_KEY }, (req, res) => {
      const auth = req.headers.authorization ?? '';
      const code = req.url?.includes('/namespaces/') ? 403 : req.url?.includes('watch') ? 401 : 500;
      res.writeHead(code, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', code, message: `request rejected: authorization: ${auth}; headers {"Authorization":"${auth}"} token=${auth.slice(7)}` }));
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    echoUrl = `https://127.0.0.1:${(echo.address() as net.AddressInfo).port}`;
  });
  after(async () => {
    echo.closeAllConnections();
    await new Promise((resolve) => echo.close(resolve));
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const closedPort = async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return `https://127.0.0.1:${port}`;
  };

  const cases: Array<{ rule: string; run: () => Promise<{ env: NodeJS.ProcessEnv; args: string[]; undo?: () => void }>; exit: number }> = [
    { rule: 'a successful --json report', exit: 0, run: async () => ({ env: { KUBECONFIG: kubeconfig('ok.yaml', sim.url, { token: TOKEN }) }, args: ['--json'] }) },
    { rule: '401 with a static token', exit: 1, run: async () => ({ env: { KUBECONFIG: kubeconfig('401.yaml', sim.url, { token: WRONG }) }, args: ['--json'] }) },
    {
      rule: '403',
      exit: 1,
      run: async () => {
        sim.faults.deny({ resource: 'pods' });
        return { env: { KUBECONFIG: kubeconfig('403.yaml', sim.url, { token: TOKEN }) }, args: ['--json', '-n', 'test'], undo: () => sim.faults.reset() };
      },
    },
    { rule: 'unreachable API server', exit: 1, run: async () => ({ env: { KUBECONFIG: kubeconfig('down.yaml', await closedPort(), { token: TOKEN }) }, args: ['--json'] }) },
    {
      rule: '401 with an exec token',
      exit: 1,
      run: async () => {
        const cred = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: EXEC_TOKEN } });
        const user = { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'sh', args: ['-c', `echo '${cred}'`] } };
        return { env: { KUBECONFIG: kubeconfig('exec401.yaml', sim.url, user) }, args: ['--json'] };
      },
    },
    {
      rule: 'an exec plugin that fails printing its token',
      exit: 1,
      run: async () => {
        const user = { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'sh', args: ['-c', `echo "got ${EKS_TOKEN} but: Bearer ${EXEC_TOKEN} refused" >&2; exit 1`] } };
        return { env: { KUBECONFIG: kubeconfig('execfail.yaml', sim.url, user) }, args: ['--json'] };
      },
    },
    { rule: 'a server that echoes the Authorization header', exit: 1, run: async () => ({ env: { KUBECONFIG: kubeconfig('echo.yaml', echoUrl, { token: TOKEN }) }, args: ['--json', '-n', 'test'] }) },
    {
      rule: 'AWS AccessDenied and expired credentials',
      exit: 1,
      run: async () => {
        sim.faults.eksFail({ operation: 'ListFargateProfiles', error: 'ExpiredTokenException', count: 100 });
        return { env: { KUBECONFIG: kubeconfig('aws.yaml', sim.url, { token: TOKEN }) }, args: ['check'], undo: () => sim.faults.reset() };
      },
    },
    {
      rule: 'an EKS error quoting the signed request (key id, signature, session token)',
      exit: 1,
      run: async () => {
        const message = `The request signature we calculated does not match. Credential=${AWS_KEY_ID}/20260101/us-east-1/eks/aws4_request, Signature=${SIGV4_SIGNATURE}, X-Amz-Security-Token=${AWS_SESSION}`;
        sim.faults.eksFail({ operation: 'ListFargateProfiles', error: 'InvalidParameterException', count: 100, message });
        return { env: { KUBECONFIG: kubeconfig('awssig.yaml', sim.url, { token: TOKEN }) }, args: ['check'], undo: () => sim.faults.reset() };
      },
    },
    {
      rule: 'AWS access denied in the report',
      exit: 0,
      run: async () => {
        sim.faults.eksFail({ operation: '*', error: 'AccessDeniedException', count: 100 });
        return { env: { KUBECONFIG: kubeconfig('aws2.yaml', sim.url, { token: TOKEN }) }, args: ['-o', 'wide'], undo: () => sim.faults.reset() };
      },
    },
  ];

  for (const c of cases) {
    test(`CLI: ${c.rule}`, async () => {
      const { env, args, undo } = await c.run();
      let result;
      try {
        result = await runCli(args, simEnv(sim, { ...env, AWS_SECRET_ACCESS_KEY: AWS_SECRET, AWS_SESSION_TOKEN: AWS_SESSION, KUBECTL_FARGATE_DEBUG: '1' }));
      } finally {
        undo?.();
      }
      assert.equal(result.code, c.exit, result.stderr);
      assertNoSecret('stdout', result.stdout);
      assertNoSecret('stderr', result.stderr);
    });
  }

  test('reschedule: the backup file and the output carry no credential', async () => {
    const backups = join(dir, 'backups');
    const env = simEnv(sim, { KUBECONFIG: kubeconfig('reschedule.yaml', sim.url, { token: TOKEN }), AWS_SECRET_ACCESS_KEY: AWS_SECRET, AWS_SESSION_TOKEN: AWS_SESSION });
    const result = await runCli(['reschedule', '-n', 'test', 'test', '--yes', '--json', '--backup-dir', backups], env, { timeoutMs: 120_000 });
    assert.equal(result.code, 0, result.stderr);
    assertNoSecret('stdout', result.stdout);
    assertNoSecret('stderr', result.stderr);
    const files = readdirSync(backups, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    assert.ok(files.length >= 1, 'a backup was written');
    for (const f of files) {
      const text = readFileSync(join(f.parentPath, f.name), 'utf8');
      assertNoSecret(`backup ${f.name}`, text);
      assert.ok(!text.includes(sim.token), 'nor the sim token');
    }
  });

  test('KubeApiError messages never carry an Authorization header a server echoed', async () => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'c', server: echoUrl, caData: Buffer.from(SIM_TLS_CERT).toString('base64'), skipTLSVerify: false }],
      users: [{ name: 'u', token: EKS_TOKEN }],
      contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
      currentContext: 'ctx',
    });
    for (const path of ['/api/v1/pods', '/api/v1/namespaces/test/pods']) {
      await assert.rejects(kubeGet(kc, path, { verb: 'list' }), (error: unknown) => {
        assert.ok(error instanceof KubeApiError);
        assertNoSecret('the error message', error.message);
        assertNoSecret('the error line', error.oneLine);
        assert.match(error.message, /request rejected: authorization: <redacted>/, 'the rest of the server message is kept');
        return true;
      });
    }
  });

  test('redactSecrets: token shapes go, ordinary prose stays', () => {
    const cases: Array<[string, string]> = [
      [`Authorization: Bearer ${TOKEN}`, 'Authorization: <redacted> <redacted>'],
      [`token ${EKS_TOKEN} expired`, 'token k8s-aws-v1.<redacted> expired'],
      [`{"token":"${EXEC_TOKEN}"}`, '{"token":"<redacted>"}'],
      [`GET /x?token=${TOKEN}&a=1`, 'GET /x?token=<redacted>&a=1'],
      ['Error loading SSO Token: Token for my-sso does not exist', 'Error loading SSO Token: Token for my-sso does not exist'],
      ['pods is forbidden: User "bob" cannot list resource "pods"', 'pods is forbidden: User "bob" cannot list resource "pods"'],
    ];
    for (const [input, expected] of cases) assert.equal(redactSecrets(input), expected);
    const kc = new KubeConfig();
    kc.loadFromOptions({ clusters: [{ name: 'c', server: 'https://x' }], users: [{ name: 'u', token: 'plain-static-secret' }], contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }], currentContext: 'ctx' });
    assert.equal(redactSecrets('echo plain-static-secret back', kc), 'echo <redacted> back');
  });
});

describe('the sim listens on loopback only', () => {
  for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com']) {
    test(`startSim refuses host ${host}`, async () => {
      await assert.rejects(startSim({ scenario: 'empty', host }), /refusing to listen on .*loopback only/);
    });
  }

  test('the default binds 127.0.0.1', async () => {
    const sim = await startSim({ scenario: 'empty' });
    try {
      assert.match(sim.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await sim.close();
    }
  });

  test('the kubeconfig the sim writes (it holds the token) is private: mode 0600', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kf-sim-kc-'));
    mkdirSync(join(dir, 'kc'));
    const sim = await startSim({ scenario: 'empty', kubeconfigDir: join(dir, 'kc') });
    try {
      const { statSync } = await import('node:fs');
      assert.equal(statSync(sim.kubeconfigPath).mode & 0o077, 0, 'the kubeconfig holding the token is 0600');
    } finally {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
