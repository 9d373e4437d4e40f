// kubectl's and the AWS CLI's conventions, checked on the built CLI against the sim over real
// HTTP: connection flags, proxies, AWS_CA_BUNDLE, --profile, User-Agent, -v, output forms.
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { startSim, type RunningSim } from '../../source/sim/index.js';
import { CLI, ensureBuilt, runCli, simEnv } from '../helpers/cli.js';
import { tempDir } from '../helpers/files.js';
import { startTestProxy, type TestProxy } from '../helpers/proxy.js';
import { waitUntil } from '../helpers/waiting.js';

const portOf = (url: string): string => new URL(url).port;

interface KubeconfigDoc {
  clusters: Array<{ name: string; cluster: Record<string, unknown> }>;
  users: Array<{ name: string; user: Record<string, unknown> }>;
  contexts: Array<{ name: string; context: { cluster: string; user: string } }>;
}

describe('kubectl and AWS CLI parity against the sim', () => {
  let plain: RunningSim;
  let secure: RunningSim;
  let proxy: TestProxy;
  let dir: string;
  before(async () => {
    [plain, secure, proxy] = await Promise.all([startSim({ scenario: 'walkthrough' }), startSim({ scenario: 'walkthrough', tls: true }), startTestProxy()]);
    dir = tempDir('kf-parity-');
  });
  after(async () => {
    await Promise.all([plain?.close(), secure?.close(), proxy?.close()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('proxies from the environment', () => {
    // `.test` names resolve only inside the test proxy: a request that bypasses it fails.
    const through = (extra: NodeJS.ProcessEnv = {}) =>
      simEnv(plain, { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, AWS_ENDPOINT_URL_EKS: `http://eks.test:${portOf(plain.url)}`, ...extra });

    test('Kubernetes and EKS requests both go through HTTP_PROXY', async () => {
      proxy.targets.length = 0;
      const { code, stdout, stderr } = await runCli(['--json', '-n', 'test', '-s', `http://kube.test:${portOf(plain.url)}`], through());
      assert.equal(code, 0, stderr);
      const doc = JSON.parse(stdout) as { aws: { state: string }; pods: unknown[] };
      assert.equal(doc.aws.state, 'ok', stderr);
      assert.equal(doc.pods.length, 1);
      assert.ok(proxy.targets.includes(`kube.test:${portOf(plain.url)}`), `proxy saw ${proxy.targets.join(', ')}`);
      assert.ok(proxy.targets.includes(`eks.test:${portOf(plain.url)}`), `proxy saw ${proxy.targets.join(', ')}`);
    });

    test('NO_PROXY sends the hosts it lists around the proxy (lower-case names too)', async () => {
      proxy.targets.length = 0;
      const { code, stdout, stderr } = await runCli(
        ['--json', '-n', 'test', '-s', `http://kube.test:${portOf(plain.url)}`],
        through({ HTTP_PROXY: '', HTTPS_PROXY: '', http_proxy: proxy.url, no_proxy: 'example.com,eks.test' }),
      );
      assert.equal(code, 0, stderr);
      const doc = JSON.parse(stdout) as { aws: { state: string; message: string } };
      // eks.test was not resolvable without the proxy.
      assert.equal(doc.aws.state, 'error');
      assert.match(doc.aws.message, /cannot reach the EKS API/);
      assert.deepEqual([...new Set(proxy.targets)], [`kube.test:${portOf(plain.url)}`]);
    });

    test('a proxy that cannot be reached is named (without its password) in the Kubernetes error and the EKS warning', async () => {
      const dead = 'http://alice:s3cret@127.0.0.1:9';
      const { code, stderr } = await runCli(['-n', 'test', '-s', `http://kube.test:${portOf(plain.url)}`], through({ HTTP_PROXY: dead, HTTPS_PROXY: dead }));
      assert.equal(code, 1);
      assert.match(stderr, /^error: cannot reach the API server at http:\/\/kube\.test:\d+ through proxy http:\/\/127\.0\.0\.1:9: ECONNREFUSED; check the proxy/m);
      assert.doesNotMatch(stderr, /s3cret/);
      const json = await runCli(['-n', 'test', '--json'], through({ HTTP_PROXY: dead, HTTPS_PROXY: dead }));
      assert.equal(json.code, 0, json.stderr);
      const doc = JSON.parse(json.stdout) as { aws: { message: string } };
      assert.match(doc.aws.message, /^cannot reach the EKS API in us-east-1 \(ECONNREFUSED\) through proxy http:\/\/127\.0\.0\.1:9; check the proxy/);
      assert.doesNotMatch(json.stdout + json.stderr, /s3cret/);
    });

    test("kubectl's rule: a loopback server goes direct even with HTTPS_PROXY set", async () => {
      proxy.targets.length = 0;
      const { code, stderr } = await runCli(['--json', '-n', 'test', '--no-aws'], simEnv(plain, { HTTP_PROXY: proxy.url }));
      assert.equal(code, 0, stderr);
      assert.deepEqual(proxy.targets, []);
    });

    test("the kubeconfig's proxy-url wins over the environment", async () => {
      proxy.targets.length = 0;
      const kubeconfig = join(dir, 'proxy-url.yaml');
      const text = readFileSync(plain.kubeconfigPath, 'utf8').replace(/( *)server: .*/, (_, indent: string) => `${indent}server: http://kube.test:${portOf(plain.url)}\n${indent}proxy-url: ${proxy.url}`);
      writeFileSync(kubeconfig, text);
      const { code, stderr } = await runCli(['--json', '-n', 'test', '--no-aws'], simEnv(plain, { KUBECONFIG: kubeconfig, HTTP_PROXY: 'http://127.0.0.1:9' }));
      assert.equal(code, 0, stderr);
      assert.ok(proxy.targets.includes(`kube.test:${portOf(plain.url)}`));
    });
  });

  test('AWS_CA_BUNDLE: EKS over https is trusted through the bundle alone', async () => {
    const env = simEnv(secure);
    delete env.NODE_EXTRA_CA_CERTS;
    const { code, stdout, stderr } = await runCli(['--json', '-n', 'test'], env);
    assert.equal(code, 0, stderr);
    assert.equal((JSON.parse(stdout) as { aws: { state: string } }).aws.state, 'ok', stderr);
  });

  test('AWS_CA_BUNDLE naming a missing file: one line, exit 2', async () => {
    const { code, stderr } = await runCli(['check', '-n', 'test'], simEnv(plain, { AWS_CA_BUNDLE: join(dir, 'nosuch.pem') }));
    assert.match(stderr, /AWS_CA_BUNDLE .*nosuch\.pem: no such file/);
    assert.doesNotMatch(stderr, /\n\s+at /);
    assert.equal(code, 2);
  });

  describe('--profile', () => {
    test('a profile missing from the AWS files is named as missing, not sent to `aws sso login`', async () => {
      const config = join(dir, 'aws-config');
      writeFileSync(config, '[profile dev]\nregion = us-east-1\n[default]\nregion = us-east-1\n');
      const { code, stderr } = await runCli(
        ['check', '-n', 'test', '--profile', 'nosuch'],
        simEnv(plain, { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials') }),
      );
      assert.equal(code, 2, stderr);
      assert.match(stderr, /^error: AWS profile "nosuch" \(from --profile\) does not exist in .*aws-config.*\(profiles: default, dev\)/);
      assert.doesNotMatch(stderr, /sso login/);
    });

    test('AWS_PROFILE naming a missing profile: check cannot tell (exit 3) and says the profile is missing', async () => {
      const config = join(dir, 'aws-config-dev');
      writeFileSync(config, '[profile dev]\nregion = us-east-1\n');
      const env = simEnv(plain, { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials') });
      delete env.AWS_ACCESS_KEY_ID;
      delete env.AWS_SECRET_ACCESS_KEY;
      env.AWS_PROFILE = 'nosuch';
      const { code, stderr } = await runCli(['check', '-n', 'test'], env);
      assert.equal(code, 3, stderr);
      assert.match(stderr, /AWS profile "nosuch" \(from AWS_PROFILE\) does not exist in .*aws-config-dev.*\(profiles: dev\)/);
      assert.doesNotMatch(stderr, /sso login/);
    });

    test('a profile that exists is used', async () => {
      const credentials = join(dir, 'aws-credentials');
      writeFileSync(credentials, `[dev]\naws_access_key_id = ${plain.env.AWS_ACCESS_KEY_ID}\naws_secret_access_key = ${plain.env.AWS_SECRET_ACCESS_KEY}\n`);
      const env = simEnv(plain, { AWS_CONFIG_FILE: join(dir, 'no-config'), AWS_SHARED_CREDENTIALS_FILE: credentials });
      delete env.AWS_ACCESS_KEY_ID;
      delete env.AWS_SECRET_ACCESS_KEY;
      const { code, stdout, stderr } = await runCli(['--json', '-n', 'test', '--profile', 'dev'], env);
      assert.equal(code, 0, stderr);
      assert.equal((JSON.parse(stdout) as { aws: { state: string } }).aws.state, 'ok', stderr);
    });
  });

  test('every Kubernetes and EKS request says User-Agent kubectl-fargate/VERSION', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    plain.requests.clear();
    const { code, stderr } = await runCli(['--json', '-n', 'test'], simEnv(plain));
    assert.equal(code, 0, stderr);
    const seen = plain.requests.all;
    assert.ok(seen.some((r) => r.api === 'kube') && seen.some((r) => r.api === 'eks'));
    for (const r of seen) {
      const agent = String(r.headers['user-agent'] ?? '');
      // The AWS SDK keeps its own product tokens and appends ours.
      if (r.api === 'kube') assert.equal(agent, `kubectl-fargate/${version}`, `${r.method} ${r.path}`);
      else assert.match(agent, new RegExp(`(^| )kubectl-fargate/${version.replace(/\./g, '\\.')}( |$)`), `${r.method} ${r.path}`);
    }
  });

  describe('connection flags', () => {
    test('--as, --as-group (repeated) and --as-uid become impersonation headers, one per group', async () => {
      secure.requests.clear();
      const { code, stderr } = await runCli(['--json', '-n', 'test', '--no-aws', '--as', 'jane', '--as-group', 'ops', '--as-group', 'dev', '--as-uid', '42'], simEnv(secure));
      assert.equal(code, 0, stderr);
      const kube = secure.requests.all.filter((r) => r.api === 'kube');
      assert.ok(kube.length > 0);
      for (const r of kube) {
        assert.equal(r.headers['impersonate-user'], 'jane');
        assert.deepEqual(r.headers['impersonate-group'], ['ops', 'dev']);
        assert.equal(r.headers['impersonate-uid'], '42');
      }
    });

    test('--as-group without --as is refused before anything is sent', async () => {
      secure.requests.clear();
      const { code, stderr } = await runCli(['-n', 'test', '--as-group', 'ops'], simEnv(secure));
      assert.equal(code, 2);
      assert.match(stderr, /^error: --as-group needs --as/);
      assert.deepEqual(secure.requests.all, []);
    });

    test('--token replaces the kubeconfig credentials', async () => {
      const bad = await runCli(['--json', '-n', 'test', '--no-aws', '--token', 'not-the-token'], simEnv(secure));
      assert.notEqual(bad.code, 0);
      assert.match(bad.stderr, /401|Unauthorized|unauthori[sz]ed/i);
      assert.doesNotMatch(bad.stderr, /not-the-token/);
      const good = await runCli(['--json', '-n', 'test', '--no-aws', '--token', secure.token], simEnv(secure));
      assert.equal(good.code, 0, good.stderr);
    });

    test('-s/--server overrides the kubeconfig server', async () => {
      const kubeconfig = join(dir, 'dead-server.yaml');
      writeFileSync(kubeconfig, readFileSync(plain.kubeconfigPath, 'utf8').replace(/server: .*/, 'server: http://127.0.0.1:9'));
      const env = simEnv(plain, { KUBECONFIG: kubeconfig });
      const dead = await runCli(['--json', '-n', 'test', '--no-aws'], env);
      assert.notEqual(dead.code, 0);
      for (const flag of ['-s', '--server']) {
        const { code, stdout, stderr } = await runCli(['--json', '-n', 'test', '--no-aws', flag, plain.url], env);
        assert.equal(code, 0, `${flag}: ${stderr}`);
        assert.equal((JSON.parse(stdout) as { pods: unknown[] }).pods.length, 1);
      }
    });

    /** The TLS sim's kubeconfig, changed by `edit`, written under the test's directory. */
    const secureKubeconfig = (name: string, edit: (doc: KubeconfigDoc) => void): string => {
      const doc = parse(readFileSync(secure.kubeconfigPath, 'utf8')) as KubeconfigDoc;
      edit(doc);
      const file = join(dir, name);
      writeFileSync(file, stringify(doc));
      return file;
    };
    const withoutCa = (doc: KubeconfigDoc) => {
      delete doc.clusters[0]!.cluster['certificate-authority-data'];
    };

    test('--certificate-authority and --insecure-skip-tls-verify stand in for a missing CA', async () => {
      const env = simEnv(secure, { KUBECONFIG: secureKubeconfig('no-ca.yaml', withoutCa) });
      delete env.NODE_EXTRA_CA_CERTS;
      const base = ['--json', '-n', 'test', '--no-aws'];
      const unverified = await runCli(base, env);
      assert.notEqual(unverified.code, 0);
      assert.match(unverified.stderr, /certificate|TLS/i);
      const withCa = await runCli([...base, '--certificate-authority', secure.ca!.file], env);
      assert.equal(withCa.code, 0, withCa.stderr);
      const insecure = await runCli([...base, '--insecure-skip-tls-verify'], env);
      assert.equal(insecure.code, 0, insecure.stderr);
    });

    test('--tls-server-name is the name the certificate is checked against', async () => {
      const base = ['--json', '-n', 'test', '--no-aws'];
      const wrong = await runCli([...base, '--tls-server-name', 'api.example.com'], simEnv(secure));
      assert.notEqual(wrong.code, 0);
      assert.match(wrong.stderr, /api\.example\.com|certificate|TLS/i);
      const right = await runCli([...base, '--tls-server-name', 'localhost'], simEnv(secure));
      assert.equal(right.code, 0, right.stderr);
    });

    test("--user picks another kubeconfig user entry (here the one with the sim's token)", async () => {
      const kubeconfig = secureKubeconfig('two-users.yaml', (doc) => {
        const good = doc.users[0]!;
        doc.users = [{ name: 'stale', user: { token: 'expired-token' } }, { name: 'fresh', user: good.user }];
        doc.contexts[0]!.context.user = 'stale';
      });
      const env = simEnv(secure, { KUBECONFIG: kubeconfig });
      const stale = await runCli(['--json', '-n', 'test', '--no-aws'], env);
      assert.notEqual(stale.code, 0);
      const fresh = await runCli(['--json', '-n', 'test', '--no-aws', '--user', 'fresh'], env);
      assert.equal(fresh.code, 0, fresh.stderr);
    });

    test('--field-selector goes to the pods list as kubectl sends it', async () => {
      plain.requests.clear();
      const { code, stdout, stderr } = await runCli(['-n', 'test', '--no-aws', '--field-selector', 'status.phase=Running', '-o', 'name'], simEnv(plain));
      assert.equal(code, 0, stderr);
      assert.equal(stdout, 'pod/test\n');
      const lists = plain.requests.all.filter((r) => r.path === '/api/v1/namespaces/test/pods');
      assert.ok(lists.length > 0);
      for (const r of lists) assert.deepEqual(r.query.fieldSelector, ['status.phase=Running']);
    });

    test('-v=8 logs each request and its headers with the token masked, as kubectl does', async () => {
      const { code, stderr } = await runCli(['-n', 'test', '-o', 'name', '-v=8'], simEnv(secure));
      assert.equal(code, 0, stderr);
      assert.match(stderr, /GET https:\/\/127\.0\.0\.1:\d+\/api\/v1\/namespaces\/test\/pods\?limit=500 200 OK/);
      assert.match(stderr, /GET https:\/\/127\.0\.0\.1:\d+\/clusters\/demo\/fargate-profiles/);
      assert.match(stderr, /Authorization: Bearer <masked>/);
      assert.match(stderr, /authorization: AWS4-HMAC-SHA256 <masked>/);
      assert.ok(!stderr.includes(secure.token), 'the bearer token is in the log');
      assert.ok(!stderr.includes(String(secure.env.AWS_SECRET_ACCESS_KEY)), 'the AWS secret is in the log');
    });
  });

  describe('output forms', () => {
    test('-o name', async () => {
      const { code, stdout, stderr } = await runCli(['-n', 'test', '-o', 'name'], simEnv(plain));
      assert.equal(code, 0, stderr);
      assert.equal(stdout, 'pod/test\n');
    });

    test('-o jsonpath over the --json document', async () => {
      const { code, stdout, stderr } = await runCli(['-n', 'test', '-o', 'jsonpath={.pods[*].name} {.pods[0].verdict}'], simEnv(plain));
      assert.equal(code, 0, stderr);
      assert.equal(stdout, 'test reschedule');
    });

    test('-o jsonpath-file and -o custom-columns-file read their template from the file', async () => {
      const jsonpath = join(dir, 'names.jsonpath');
      writeFileSync(jsonpath, '{range .pods[*]}{.namespace}/{.name}{"\\n"}{end}');
      const a = await runCli(['-n', 'test', '-o', `jsonpath-file=${jsonpath}`], simEnv(plain));
      assert.equal(a.code, 0, a.stderr);
      assert.equal(a.stdout, 'test/test\n');
      const columns = join(dir, 'columns.txt');
      writeFileSync(columns, 'NAME          EXPECTED\n.name         .expectedProfile\n');
      const b = await runCli(['-n', 'test', '-o', `custom-columns-file=${columns}`], simEnv(plain));
      assert.equal(b.code, 0, b.stderr);
      assert.deepEqual(b.stdout.trimEnd().split('\n').map((l) => l.split(/\s+/)), [['NAME', 'EXPECTED'], ['test', 'fp-test']]);
    });

    test('-o custom-columns with --sort-by', async () => {
      const { code, stdout, stderr } = await runCli(['-n', 'apps', '-o', 'custom-columns=NAME:.name,VERDICT:.verdict', '--sort-by', '{.name}'], simEnv(plain));
      assert.equal(code, 0, stderr);
      const lines = stdout.trimEnd().split('\n');
      assert.match(lines[0]!, /^NAME\s+VERDICT$/);
      const names = lines.slice(1).map((l) => l.split(/\s+/)[0]!);
      assert.ok(names.length > 1);
      assert.deepEqual(names, [...names].sort());
    });

    test('--show-labels adds a LABELS column', async () => {
      const { code, stdout, stderr } = await runCli(['-n', 'test', '--show-labels'], simEnv(plain));
      assert.equal(code, 0, stderr);
      assert.match(stdout.split('\n')[0]!, /\sLABELS$/);
      assert.match(stdout.split('\n')[1]!, /\srun=test$/);
    });

    test('--json pods carry uid, labels and creationTimestamp', async () => {
      const { code, stdout, stderr } = await runCli(['-n', 'test', '--json', '--no-aws'], simEnv(plain));
      assert.equal(code, 0, stderr);
      const [pod] = (JSON.parse(stdout) as { pods: Array<{ uid: string; labels: Record<string, string>; creationTimestamp: string }> }).pods;
      const live = plain.cluster.getPod('test', 'test') as { metadata: { uid: string; creationTimestamp: string } };
      assert.equal(pod?.uid, live.metadata.uid);
      assert.deepEqual(pod?.labels, { run: 'test' });
      assert.equal(pod?.creationTimestamp, live.metadata.creationTimestamp);
    });

    test('-w prints the table, then a row for a pod created meanwhile, until interrupted', async () => {
      await ensureBuilt();
      const child = spawn(process.execPath, [CLI, '-n', 'test', '-w'], { env: simEnv(plain) });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        await waitUntil('the first table', () => /^NAME\s.*\ntest\s/m.test(out));
        plain.cluster.createPod({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'watched', namespace: 'test', labels: { run: 'watched' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
        await waitUntil('a row for the new pod', () => /^watched\s/m.test(out));
        const lines = out.trimEnd().split('\n');
        // One header, then rows only.
        assert.equal(lines.filter((l) => l.startsWith('NAME ')).length, 1);
      } finally {
        child.kill('SIGINT');
        const code = await exited;
        plain.cluster.deletePod('test', 'watched', { gracePeriodSeconds: 0 });
        assert.equal(code, 130);
      }
    });

    test('version -o json', async () => {
      const { code, stdout, stderr } = await runCli(['version', '-o', 'json'], simEnv(plain));
      assert.equal(code, 0, stderr);
      const doc = JSON.parse(stdout) as { clientVersion: { version: string } };
      assert.match(doc.clientVersion.version, /^\d+\.\d+\.\d+/);
    });
  });
});
