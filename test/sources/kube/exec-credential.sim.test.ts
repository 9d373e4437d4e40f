// The kubeconfig's exec credential plugin, run by our runner through the real client library
// against the sim over https (over plain http no plugin runs at all: plain-http.sim.test.ts). A reply
// that is not an ExecCredential of the kubeconfig's apiVersion is one line naming the user entry
// and what came back, never the reply itself; a plugin that never answers is stopped after the
// request timeout, with the command to run it alone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { startSim, type RunningSim } from '../../../source/sim/index.js';
import { commandLine, parseExecCredential } from '../../../source/sources/kube/exec-credential.js';
import { KubeApiError, kubeGet } from '../../../source/sources/kube/http.js';
import { loadKubeConfig } from '../../../source/sources/kube/kubeconfig.js';
import { waitUntil } from '../../helpers/waiting.js';

const V1 = 'client.authentication.k8s.io/v1';
const V1BETA1 = 'client.authentication.k8s.io/v1beta1';
const SECRET = 'kf-secret-reply-5f1e2d3c4b5a6978';

describe('exec credential plugins', () => {
  let sim: RunningSim;
  let dir: string;
  let n = 0;

  before(async () => {
    sim = await startSim({ scenario: 'empty', tls: true, acceptTokens: new Set([SECRET]) });
    dir = mkdtempSync(join(tmpdir(), 'kf-exec-cred-'));
  });
  after(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A kubeconfig whose user "dev" runs `node SCRIPT` (the script's text given) with `apiVersion`. */
  const withPlugin = (script: string, apiVersion: string, requestTimeout?: string) => {
    const plugin = join(dir, `plugin-${++n}.mjs`);
    writeFileSync(plugin, script);
    const file = join(dir, `kubeconfig-${n}.yaml`);
    writeFileSync(
      file,
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'sim', cluster: { server: sim.url, 'certificate-authority-data': Buffer.from(sim.ca!.pem).toString('base64') } }],
        users: [{ name: 'dev', user: { exec: { apiVersion, command: process.execPath, args: [plugin], env: [{ name: 'AWS_PROFILE', value: 'prod' }] } } }],
        contexts: [{ name: 'ctx', context: { cluster: 'sim', user: 'dev' } }],
        'current-context': 'ctx',
      }),
    );
    return { kc: loadKubeConfig({ kubeconfig: file, env: {}, ...(requestTimeout ? { requestTimeout } : {}) }).kc, plugin };
  };
  const printing = (reply: unknown) => `process.stdout.write(${JSON.stringify(typeof reply === 'string' ? reply : JSON.stringify(reply))});\n`;

  const failsWith = async (kc: ReturnType<typeof withPlugin>['kc'], line: RegExp) => {
    await assert.rejects(kubeGet(kc, '/api/v1/namespaces'), (error: unknown) => {
      assert.ok(error instanceof KubeApiError, String(error));
      assert.equal(error.reason, 'ExecPlugin');
      assert.match(error.oneLine, line);
      assert.ok(!error.oneLine.includes(SECRET), `the reply's secret is shown: ${error.oneLine}`);
      assert.doesNotMatch(error.oneLine, /\n/);
      return true;
    });
  };

  const replies = [
    {
      rule: 'a Kubernetes object of another kind (a Secret holding the token)',
      reply: { apiVersion: 'v1', kind: 'Secret', data: { token: SECRET } },
      line: /^the kubeconfig's exec credential plugin `\S+` \(user "dev"\) returned kind "Secret" \(apiVersion "v1"\), not an ExecCredential; run `AWS_PROFILE=prod \S+ \S+plugin-\d+\.mjs` alone: a kubectl credential plugin prints an ExecCredential \(client\.authentication\.k8s\.io\/v1beta1\) as JSON$/,
    },
    {
      rule: 'JSON without a kind',
      reply: { status: { token: SECRET } },
      line: /returned no kind, not an ExecCredential; run `/,
    },
    {
      rule: 'a bare token instead of JSON',
      reply: SECRET,
      line: /returned text that is not JSON, not an ExecCredential; run `/,
    },
    {
      rule: 'nothing at all',
      reply: '',
      line: /returned nothing, not an ExecCredential; run `/,
    },
    {
      rule: 'an ExecCredential without a token or certificate',
      reply: { apiVersion: V1BETA1, kind: 'ExecCredential', status: {} },
      line: /returned an ExecCredential with neither a token nor a client certificate and key; run `/,
    },
  ];
  for (const { rule, reply, line } of replies) {
    test(`rejected in one line: ${rule}`, async () => {
      await failsWith(withPlugin(printing(reply), V1BETA1).kc, line);
    });
  }

  test('an ExecCredential of another apiVersion than the kubeconfig asks for is rejected, as kubectl does', async () => {
    const { kc } = withPlugin(printing({ apiVersion: V1BETA1, kind: 'ExecCredential', status: { token: SECRET } }), V1);
    await failsWith(
      kc,
      /^the kubeconfig's exec credential plugin `\S+` \(user "dev"\) returned an ExecCredential of apiVersion "client\.authentication\.k8s\.io\/v1beta1", but user "dev" in the kubeconfig asks for client\.authentication\.k8s\.io\/v1; make the kubeconfig's exec apiVersion match/,
    );
  });

  test('an apiVersion kubectl no longer accepts (v1alpha1) is refused without running the plugin', async () => {
    const ran = join(dir, 'alpha-ran');
    const { kc } = withPlugin(`import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(ran)}, 'x');\n`, 'client.authentication.k8s.io/v1alpha1');
    await failsWith(kc, /^user "dev" in the kubeconfig asks its exec credential plugin for apiVersion "client\.authentication\.k8s\.io\/v1alpha1"; kubectl accepts client\.authentication\.k8s\.io\/v1 and client\.authentication\.k8s\.io\/v1beta1; fix the user entry/);
    assert.ok(!existsSync(ran), 'the plugin ran');
  });

  for (const apiVersion of [V1, V1BETA1]) {
    test(`the plugin is told the apiVersion (KUBERNETES_EXEC_INFO, as aws eks get-token reads it): ${apiVersion}`, async () => {
      // Answers in the version it is asked for, like `aws eks get-token`.
      const script = `const info = JSON.parse(process.env.KUBERNETES_EXEC_INFO);\nif (info.spec.interactive !== false || process.env.AWS_PROFILE !== 'prod') process.exit(3);\nprocess.stdout.write(JSON.stringify({ apiVersion: info.apiVersion, kind: 'ExecCredential', status: { token: ${JSON.stringify(SECRET)} } }));\n`;
      const body = await kubeGet<{ items: unknown[] }>(withPlugin(script, apiVersion).kc, '/api/v1/namespaces');
      assert.ok(body.items.length > 0);
    });
  }

  test('a plugin that never answers is stopped after the request timeout, with the command to run it alone', { timeout: 30_000 }, async () => {
    // It starts a child of its own, as `sh -c` or the AWS CLI would: that one is stopped too.
    const pidFile = join(dir, 'sleeper.pid');
    const script = `import { spawn } from 'node:child_process';\nimport { writeFileSync } from 'node:fs';\nconst child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { stdio: 'inherit' });\nwriteFileSync(${JSON.stringify(pidFile)}, String(child.pid));\n`;
    const { kc, plugin } = withPlugin(script, V1BETA1, '1s');
    await failsWith(
      kc,
      new RegExp(
        `^the kubeconfig's exec credential plugin \`${escape(process.execPath)}\` \\(user "dev"\\) did not answer within 1s and was stopped; ` +
          `run it alone to see where it waits: \`AWS_PROFILE=prod ${escape(process.execPath)} ${escape(plugin)}\` \\(--request-timeout sets how long to wait\\)$`,
      ),
    );
    const sleeper = Number(readFileSync(pidFile, 'utf8'));
    await waitUntil("the plugin's own child to be stopped too", () => !alive(sleeper), 10_000, { intervalMs: 100 });
  });

  test('parallel requests share one plugin run; its token is cached until it expires', async () => {
    const runs = join(dir, 'runs');
    const script = `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(runs)}, 'x');\nawait new Promise((resolve) => setTimeout(resolve, 300));\n${printing({ apiVersion: V1BETA1, kind: 'ExecCredential', status: { token: SECRET, expirationTimestamp: new Date(Date.now() + 3_600_000).toISOString() } })}`;
    const { kc } = withPlugin(script, V1BETA1);
    await Promise.all(Array.from({ length: 5 }, () => kubeGet(kc, '/api/v1/namespaces')));
    await kubeGet(kc, '/api/v1/namespaces');
    assert.equal(readFileSync(runs, 'utf8'), 'x', 'one run');
  });
});

describe('parseExecCredential and commandLine', () => {
  const expect = { apiVersion: V1BETA1, who: 'the plugin', alone: 'cmd', user: 'u' };
  test('a token, a certificate pair, expiry', () => {
    assert.deepEqual(parseExecCredential(JSON.stringify({ apiVersion: V1BETA1, kind: 'ExecCredential', status: { token: 't' } }), expect), { token: 't', expiresAt: null });
    assert.deepEqual(
      parseExecCredential(JSON.stringify({ apiVersion: V1BETA1, kind: 'ExecCredential', status: { clientCertificateData: 'c', clientKeyData: 'k', expirationTimestamp: '2030-01-01T00:00:00Z' } }), expect),
      { clientCertificateData: 'c', clientKeyData: 'k', expiresAt: Date.parse('2030-01-01T00:00:00Z') },
    );
    assert.throws(() => parseExecCredential(JSON.stringify({ apiVersion: V1BETA1, kind: 'ExecCredential', status: { clientCertificateData: 'c' } }), expect), /only one of clientCertificateData and clientKeyData/);
  });
  test('a long or secret-looking kind is shown short and redacted', () => {
    assert.throws(() => parseExecCredential(JSON.stringify({ kind: `Bearer ${'x'.repeat(100)}` }), expect), (error: Error) => {
      assert.match(error.message, /returned kind "Bearer <redacted>", not an ExecCredential/);
      return true;
    });
  });
  test('the command line is quoted for a shell, secret-looking env values hidden', () => {
    assert.equal(
      commandLine('aws', ['eks', 'get-token', '--cluster-name', 'my cluster', '--output', 'json'], [['AWS_PROFILE', 'prod'], ['AWS_SECRET_ACCESS_KEY', 'abc']]),
      "AWS_PROFILE=prod AWS_SECRET_ACCESS_KEY=<redacted> aws eks get-token --cluster-name 'my cluster' --output json",
    );
  });
});

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
