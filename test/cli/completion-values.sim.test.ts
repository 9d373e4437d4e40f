// The values completion reads from outside, over real HTTP against the simulator with the real
// Kubernetes client code and AWS SDK: contexts and cluster entries (kubeconfig only), namespaces,
// pods, Fargate profile names, AWS profile names. Failures and a server that never answers give
// empty lists, never an error.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TypedSoFar } from '../../source/cli/completion-engine.js';
import { liveValues } from '../../source/cli/completion-values.js';
import { startSim, type RunningSim } from '../../source/sim/index.js';

const scratch = mkdtempSync(join(tmpdir(), 'kf-completion-values-'));
let sim: RunningSim;
let silent: Server;
const saved = { ...process.env };

const typed = (flags: Record<string, string> = {}, command?: string, args: string[] = []): TypedSoFar => ({
  flags: new Map(Object.entries(flags).map(([k, v]) => [k, [v]])),
  command,
  args,
});

before(async () => {
  sim = await startSim({ scenario: 'walkthrough' });
  // The AWS SDK reads its endpoint and credentials from the process environment.
  Object.assign(process.env, sim.env);
  delete process.env.AWS_PROFILE;
  // Accepts connections and never answers: the deadline must end the wait.
  silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
});

after(async () => {
  process.env = saved;
  await sim.close();
  await new Promise((resolve) => silent.close(resolve));
  rmSync(scratch, { recursive: true, force: true });
});

function kubeconfig(name: string, server: string, contexts: string[]): string {
  const file = join(scratch, name);
  writeFileSync(
    file,
    `apiVersion: v1
kind: Config
clusters: [{name: ${name}-cluster, cluster: {server: "${server}"}}]
users: [{name: u, user: {}}]
contexts:
${contexts.map((c) => `- {name: "${c}", context: {cluster: ${name}-cluster, user: u}}`).join('\n')}
current-context: "${contexts[0]}"
`,
  );
  return file;
}

describe('completion values from the kubeconfig (no network)', () => {
  test('contexts and cluster entries of every KUBECONFIG file, first definition first', async () => {
    const second = kubeconfig('second', 'http://127.0.0.1:9', ['staging', sim.contextName]);
    const env = { ...process.env, KUBECONFIG: `${sim.kubeconfigPath}:${second}` };
    assert.deepEqual(await liveValues(env).contexts(typed()), [sim.contextName, 'staging']);
    assert.deepEqual((await liveValues(env).clusters(typed())).at(-1), 'second-cluster');
  });

  test('--kubeconfig typed on the line wins over KUBECONFIG', async () => {
    const only = kubeconfig('only', 'http://127.0.0.1:9', ['just-this']);
    assert.deepEqual(await liveValues().contexts(typed({ kubeconfig: only })), ['just-this']);
  });

  test('a missing or broken kubeconfig: nothing', async () => {
    const broken = join(scratch, 'broken');
    writeFileSync(broken, 'clusters: [');
    assert.deepEqual(await liveValues().contexts(typed({ kubeconfig: broken })), []);
    assert.deepEqual(await liveValues().contexts(typed({ kubeconfig: join(scratch, 'absent') })), []);
  });
});

describe('completion values from the cluster and EKS (the simulator)', () => {
  test('namespaces', async () => {
    const names = await liveValues().namespaces(typed());
    assert.ok(names.includes('test') && names.includes('kube-system'), names.join(' '));
  });

  test('pods of the -n namespace', async () => {
    assert.deepEqual(await liveValues().pods(typed({ namespace: 'test' }, 'reschedule')), ['test']);
  });

  test("pods of the context's namespace when -n is not typed", async () => {
    const names = await liveValues().pods(typed({}, 'reschedule'));
    const expected = sim.cluster.listPods('default').map((p) => (p.metadata as { name: string }).name).sort();
    assert.deepEqual([...names].sort(), expected);
  });

  test('Fargate profile names of the context’s EKS cluster (ListFargateProfiles, real SDK)', async () => {
    const names = await liveValues().fargateProfiles(typed());
    const expected = sim.cluster.profiles().map((p) => p.name).sort();
    assert.ok(expected.length > 0);
    assert.deepEqual([...names].sort(), expected);
  });

  test('a server that never answers: nothing, once the deadline passes', async () => {
    const { port } = silent.address() as { port: number };
    const file = kubeconfig('silent', `http://127.0.0.1:${port}`, ['silent']);
    assert.deepEqual(await liveValues(process.env, 300).namespaces(typed({ kubeconfig: file })), []);
  });

  test('a refused connection or an unknown --context: nothing', async () => {
    const refused = kubeconfig('refused', 'http://127.0.0.1:9', ['refused']);
    assert.deepEqual(await liveValues().namespaces(typed({ kubeconfig: refused })), []);
    assert.deepEqual(await liveValues().pods(typed({ context: 'no-such-context' }, 'reschedule')), []);
  });
});

describe('completion values from the AWS config files', () => {
  test('profile names from the config and credentials files, not sso-session sections', async () => {
    const config = join(scratch, 'aws-config');
    const credentials = join(scratch, 'aws-credentials');
    writeFileSync(config, '[default]\nregion = us-east-1\n[profile prod]\nregion = us-east-1\n[sso-session corp]\nsso_region = us-east-1\n');
    writeFileSync(credentials, '[ci]\naws_access_key_id = x\naws_secret_access_key = y\n');
    process.env.AWS_CONFIG_FILE = config;
    process.env.AWS_SHARED_CREDENTIALS_FILE = credentials;
    assert.deepEqual(await liveValues().awsProfiles(typed()), ['ci', 'default', 'prod']);
  });
});
