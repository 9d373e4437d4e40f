import { describe, test, after, mock } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadKubeConfig } from '../../../source/sources/kube/kubeconfig.js';
import { parseDuration } from '../../../source/lib/duration.js';
import { UsageError, UserError } from '../../../source/errors.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-kubeconfig-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A kubeconfig file with the given contexts (each pointing at a same-named cluster and user). */
function kubeconfig(
  name: string,
  contexts: { name: string; server?: string; namespace?: string; cluster?: string }[],
  current?: string,
): string {
  const file = path.join(dir, name);
  const lines = ['apiVersion: v1', 'kind: Config', 'clusters:'];
  for (const c of contexts) lines.push(`- name: ${c.cluster ?? c.name}`, `  cluster: {server: "${c.server ?? `https://${c.name}.example`}"}`);
  lines.push('users:');
  for (const c of contexts) lines.push(`- name: ${c.name}`, '  user: {token: t}');
  lines.push('contexts:');
  for (const c of contexts) {
    lines.push(`- name: ${c.name}`, `  context: {cluster: ${c.cluster ?? c.name}, user: ${c.name}${c.namespace ? `, namespace: ${c.namespace}` : ''}}`);
  }
  if (current !== undefined) lines.push(`current-context: "${current}"`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

const a = kubeconfig('a.yaml', [{ name: 'alpha', namespace: 'team-a' }, { name: 'shared', server: 'https://from-a.example' }], 'alpha');
const b = kubeconfig('b.yaml', [{ name: 'beta' }, { name: 'shared', server: 'https://from-b.example' }], 'beta');
const noCurrent = kubeconfig('nocurrent.yaml', [{ name: 'one' }, { name: 'two' }]);
const emptyFile = write('empty.yaml', '');
const broken = write('broken.yaml', 'clusters: [\n  - name: x\n');
const home = path.join(dir, 'home');
fs.mkdirSync(path.join(home, '.kube'), { recursive: true });
kubeconfig(path.join('home', '.kube', 'config'), [{ name: 'home-ctx' }], 'home-ctx');
const emptyHome = path.join(dir, 'emptyhome');
fs.mkdirSync(emptyHome);
const missing = path.join(dir, 'missing.yaml');
const join = (...files: string[]) => files.join(path.delimiter);

interface Case {
  rule: string;
  kubeconfig?: string;
  context?: string;
  env: NodeJS.ProcessEnv;
  context_?: string;
  expect?: { context: string; namespace?: string; server?: string; files?: number };
  error?: RegExp;
}

const cases: Case[] = [
  { rule: '--kubeconfig alone is read, KUBECONFIG ignored', kubeconfig: b, env: { KUBECONFIG: a, HOME: home }, expect: { context: 'beta', files: 1 } },
  { rule: 'the first KUBECONFIG file with a current-context wins', env: { KUBECONFIG: join(a, b), HOME: home }, expect: { context: 'alpha', namespace: 'team-a', files: 2 } },
  { rule: 'order matters: the other file first wins instead', env: { KUBECONFIG: join(b, a), HOME: home }, expect: { context: 'beta', namespace: 'default' } },
  { rule: 'a duplicate context name is tolerated and the first definition wins', env: { KUBECONFIG: join(a, b), HOME: home }, context: 'shared', expect: { context: 'shared', server: 'https://from-a.example' } },
  { rule: 'duplicates resolved the other way when the order flips', env: { KUBECONFIG: join(b, a), HOME: home }, context: 'shared', expect: { context: 'shared', server: 'https://from-b.example' } },
  { rule: 'contexts from later files can be chosen with --context', env: { KUBECONFIG: join(a, b), HOME: home }, context: 'beta', expect: { context: 'beta' } },
  { rule: 'missing KUBECONFIG entries are skipped like kubectl', env: { KUBECONFIG: join(missing, b), HOME: home }, expect: { context: 'beta', files: 1 } },
  { rule: 'empty KUBECONFIG entries are ignored', env: { KUBECONFIG: `${path.delimiter}${b}${path.delimiter}`, HOME: home }, expect: { context: 'beta' } },
  { rule: 'a later file supplies current-context when the first has none', env: { KUBECONFIG: join(noCurrent, a), HOME: home }, expect: { context: 'alpha' } },
  { rule: 'an empty kubeconfig file is an empty config, not an error', env: { KUBECONFIG: join(emptyFile, b), HOME: home }, expect: { context: 'beta' } },
  { rule: 'KUBECONFIG set to "" counts as unset: ~/.kube/config', env: { KUBECONFIG: '', HOME: home }, expect: { context: 'home-ctx' } },
  { rule: 'no KUBECONFIG: ~/.kube/config', env: { HOME: home }, expect: { context: 'home-ctx' } },
  { rule: 'no kubeconfig anywhere is an error, never localhost:8080', env: { HOME: emptyHome }, error: /^no kubeconfig found: set KUBECONFIG or pass --kubeconfig$/ },
  { rule: 'KUBECONFIG naming only missing files is an error', env: { KUBECONFIG: missing, HOME: home }, error: /no kubeconfig found: none of the KUBECONFIG files exist/ },
  { rule: 'a missing --kubeconfig file is an error', kubeconfig: missing, env: { HOME: home }, error: /missing\.yaml \(from --kubeconfig\) does not exist/ },
  { rule: '--context must exist; the message lists the contexts', env: { KUBECONFIG: a, HOME: home }, context: 'nope', error: /^context "nope" not found in kubeconfig .*a\.yaml \(contexts: alpha, shared\); pass one of them with --context$/ },
  { rule: 'no current-context: ask for --context and list the choices', env: { KUBECONFIG: noCurrent, HOME: home }, error: /has no current-context; pass --context NAME \(contexts: one, two\)/ },
  { rule: 'malformed YAML names the file', env: { KUBECONFIG: broken, HOME: home }, error: /^kubeconfig .*broken\.yaml is not valid YAML: / },
  { rule: 'a file with no contexts says how to create one', env: { KUBECONFIG: emptyFile, HOME: home }, error: /has no contexts; run `aws eks update-kubeconfig/ },
];

describe('loadKubeConfig (kubectl loading rules)', () => {
  for (const c of cases) {
    test(c.rule, () => {
      const options = { env: c.env, ...(c.kubeconfig ? { kubeconfig: c.kubeconfig } : {}), ...(c.context ? { context: c.context } : {}) };
      if (c.error) {
        assert.throws(() => loadKubeConfig(options), (error: unknown) => {
          assert.ok(error instanceof UserError, `expected a UserError, got ${String(error)}`);
          assert.match(error.message, c.error!);
          assert.ok(!error.message.includes('\n'), 'one line');
          return true;
        });
        return;
      }
      const loaded = loadKubeConfig(options);
      assert.equal(loaded.contextName, c.expect!.context);
      assert.equal(loaded.kc.getCurrentContext(), c.expect!.context);
      if (c.expect!.namespace) assert.equal(loaded.namespace, c.expect!.namespace);
      if (c.expect!.server) assert.equal(loaded.kc.getCurrentCluster()?.server, c.expect!.server);
      if (c.expect!.files) assert.equal(loaded.files.length, c.expect!.files);
    });
  }

  test('a context whose cluster is missing is reported', () => {
    const file = write(
      'dangling.yaml',
      'apiVersion: v1\nkind: Config\nclusters: []\nusers: []\ncontexts:\n- name: d\n  context: {cluster: gone, user: u}\ncurrent-context: d\n',
    );
    assert.throws(() => loadKubeConfig({ kubeconfig: file, env: {} }), /refers to cluster "gone", which is missing/);
  });

  test('--cluster (kubectl\'s): the context keeps its user and namespace, the server is the named entry\'s', () => {
    const { kc, contextName, namespace } = loadKubeConfig({ kubeconfig: a, env: {}, cluster: 'shared' });
    assert.equal(contextName, 'alpha');
    assert.equal(namespace, 'team-a');
    assert.equal(kc.getCurrentCluster()?.server, 'https://from-a.example');
    assert.equal(kc.getCurrentUser()?.name, 'alpha');
  });

  test('--cluster naming no kubeconfig entry (an EKS name, the old meaning) points to --eks-cluster', () => {
    assert.throws(
      () => loadKubeConfig({ kubeconfig: a, env: {}, cluster: 'demo' }),
      (e: unknown) =>
        e instanceof UsageError &&
        /^cluster "demo" not found in kubeconfig \S+a\.yaml \(clusters: alpha, shared\); --cluster picks a kubeconfig cluster entry, as in kubectl: for the EKS cluster name pass --eks-cluster demo$/.test(e.oneLine),
    );
  });

  describe("the context's server must be a URL; kubectl's https:// default applies", () => {
    const servers: Array<{ rule: string; server: string; url?: string; error?: RegExp }> = [
      { rule: 'a URL is taken as is', server: 'https://ABC.gr7.us-east-1.eks.amazonaws.com', url: 'https://ABC.gr7.us-east-1.eks.amazonaws.com' },
      { rule: 'host:port without a scheme means https, as in kubectl', server: '10.0.0.1:6443', url: 'https://10.0.0.1:6443' },
      { rule: 'a bare host means https', server: 'localhost', url: 'https://localhost' },
      {
        rule: 'not a URL: names the file, the cluster entry and the value',
        server: 'not a url',
        error: /^kubeconfig \S+server-\d+\.yaml: cluster "srv" has server "not a url", which is not a URL; set it to the API server's address, e\.g\. https:\/\/\S+ \(`aws eks update-kubeconfig --name CLUSTER` writes it\)$/,
      },
      { rule: 'an unexpanded template', server: 'https://${CLUSTER_ENDPOINT}', error: /cluster "srv" has server "https:\/\/\$\{CLUSTER_ENDPOINT\}", which is not a URL/ },
      { rule: 'another scheme', server: 'ftp://example.com', error: /cluster "srv" has server "ftp:\/\/example\.com", which is not an http\(s\) URL/ },
      { rule: 'a password in a bad URL is not repeated', server: 'https://admin:hunter2@bad host', error: /has server "https:\/\/<redacted>@bad host", which is not a URL/ },
    ];
    let i = 0;
    for (const c of servers) {
      test(c.rule, () => {
        const file = write(`server-${++i}.yaml`, `apiVersion: v1\nkind: Config\nclusters:\n- name: srv\n  cluster: {server: ${JSON.stringify(c.server)}}\n- name: other\n  cluster: {server: "also not a url"}\nusers:\n- name: u\n  user: {}\ncontexts:\n- name: ctx\n  context: {cluster: srv, user: u}\n- name: unused\n  context: {cluster: other, user: u}\ncurrent-context: ctx\n`);
        if (c.error) {
          assert.throws(() => loadKubeConfig({ kubeconfig: file, env: {} }), (error: unknown) => {
            assert.ok(error instanceof UserError && error.exitCode === 1, String(error));
            assert.match(error.oneLine, c.error!);
            assert.ok(!error.oneLine.includes('hunter2'));
            return true;
          });
        } else {
          // The other context's bad server does not matter while it is not used.
          assert.equal(loadKubeConfig({ kubeconfig: file, env: {} }).kc.getCurrentCluster()?.server, c.url);
        }
      });
    }
  });

  test('each kubeconfig file is read once', () => {
    const read = mock.method(fs, 'readFileSync');
    try {
      loadKubeConfig({ env: { KUBECONFIG: [a, b, a].join(path.delimiter) } });
      const reads = read.mock.calls.map((call) => String(call.arguments[0]));
      assert.deepEqual(reads.filter((file) => file === a || file === b), [a, b]);
    } finally {
      read.mock.restore();
    }
  });

  // Entries are kept from the last reading of a file (several contexts open a session each).
  test('a kubeconfig read again: a changed file is parsed again, and a caller changing its entries changes no later reading', () => {
    const file = kubeconfig('kept.yaml', [{ name: 'one', server: 'https://first.example' }], 'one');
    const first = loadKubeConfig({ kubeconfig: file, env: {} });
    assert.equal(first.kc.getCurrentCluster()?.server, 'https://first.example');
    for (const { kc } of [first, loadKubeConfig({ kubeconfig: file, env: {} })]) (kc.getCurrentUser() as { token: string }).token = 'changed-by-a-caller';
    assert.equal(loadKubeConfig({ kubeconfig: file, env: {} }).kc.getCurrentUser()?.token, 't');
    kubeconfig('kept.yaml', [{ name: 'one', server: 'https://second.example' }], 'one');
    assert.equal(loadKubeConfig({ kubeconfig: file, env: {} }).kc.getCurrentCluster()?.server, 'https://second.example');
  });

  test('certificate and key paths are relative to the kubeconfig file, as kubectl reads them', () => {
    fs.mkdirSync(path.join(dir, 'certs-home'), { recursive: true });
    const file = write(
      'certs-home/config',
      'apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: "https://c.example", certificate-authority: ca.crt}\nusers:\n- name: u\n  user: {client-certificate: keys/u.crt, client-key: /abs/u.key}\ncontexts:\n- name: x\n  context: {cluster: c, user: u}\ncurrent-context: x\n',
    );
    const { kc } = loadKubeConfig({ kubeconfig: file, env: {} });
    assert.equal(kc.getCurrentCluster()?.caFile, path.join(dir, 'certs-home', 'ca.crt'));
    assert.equal(kc.getCurrentUser()?.certFile, path.join(dir, 'certs-home', 'keys', 'u.crt'));
    assert.equal(kc.getCurrentUser()?.keyFile, '/abs/u.key');
  });

  test('--request-timeout is parsed into requestTimeoutMs', () => {
    assert.equal(loadKubeConfig({ kubeconfig: a, env: {}, requestTimeout: '1m' }).requestTimeoutMs, 60_000);
    assert.equal(loadKubeConfig({ kubeconfig: a, env: {} }).requestTimeoutMs, 0);
  });
});

describe('parseDuration (kubectl --request-timeout)', () => {
  const table: { rule: string; input: string; ms?: number }[] = [
    { rule: '"0" means no timeout', input: '0', ms: 0 },
    { rule: 'a bare integer is seconds', input: '5', ms: 5000 },
    { rule: 'seconds', input: '30s', ms: 30_000 },
    { rule: 'minutes', input: '1m', ms: 60_000 },
    { rule: 'compound Go durations', input: '1h2m3s', ms: 3_723_000 },
    { rule: 'milliseconds', input: '250ms', ms: 250 },
    { rule: 'fractions', input: '1.5s', ms: 1500 },
    { rule: 'a unitless fraction is invalid', input: '1.5' },
    { rule: 'unknown units are invalid', input: '3d' },
    { rule: 'empty is invalid', input: '' },
    { rule: 'negative is invalid', input: '-1s' },
  ];
  for (const c of table) {
    test(c.rule, () => {
      if (c.ms === undefined) assert.throws(() => parseDuration(c.input), /invalid --request-timeout/);
      else assert.equal(parseDuration(c.input), c.ms);
    });
  }
});
