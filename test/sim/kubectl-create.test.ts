// kubectl's imperative `create` commands against the sim, each read back with `kubectl get -o json`.
// kubectl sends these bodies as Kubernetes protobuf; the sim must read them like JSON.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import type { RunningSim } from '../../source/sim/index.js';
import { kube } from './helpers.js';
import { fastSim } from '../helpers/sim.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('kubectl create ... against the sim, read back with kubectl get -o json', () => {
  let sim: RunningSim;
  before(async () => {
    sim = await fastSim({ scenario: 'empty' });
  });
  after(() => sim.close());

  const kubectl = (...args: string[]): Promise<Run> =>
    new Promise((resolve) => {
      const env: NodeJS.ProcessEnv = { ...process.env, ...sim.env };
      execFile('kubectl', args, { env, timeout: 30_000 }, (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }));
    });
  const create = async (expected: string, ...args: string[]): Promise<void> => {
    const r = await kubectl('create', ...args);
    assert.equal(r.code, 0, `kubectl create ${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout.trim(), expected);
  };
  /* eslint-disable-next-line @typescript-eslint/no-explicit-any */
  const getJson = async (...args: string[]): Promise<any> => {
    const r = await kubectl('get', ...args, '-o', 'json');
    assert.equal(r.code, 0, `kubectl get ${args.join(' ')}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };

  test('namespace', async () => {
    await create('namespace/shop created', 'namespace', 'shop');
    const ns = await getJson('namespace', 'shop');
    assert.equal(ns.metadata.labels['kubernetes.io/metadata.name'], 'shop');
    assert.equal(ns.status.phase, 'Active');
  });

  test('deployment: replicas, selector and pod template; its pods run', async () => {
    await create('deployment.apps/web created', 'deployment', 'web', '-n', 'shop', '--image=nginx:1.27', '--replicas=2', '--port=80');
    const d = await getJson('deployment', 'web', '-n', 'shop');
    assert.equal(d.spec.replicas, 2);
    assert.deepEqual(d.spec.selector, { matchLabels: { app: 'web' } });
    assert.deepEqual(d.spec.template.metadata.labels, { app: 'web' });
    const [c] = d.spec.template.spec.containers;
    assert.equal(c.name, 'nginx');
    assert.equal(c.image, 'nginx:1.27');
    assert.deepEqual(c.ports, [{ containerPort: 80, protocol: 'TCP' }]);
    assert.equal(d.spec.strategy.type, 'RollingUpdate', 'the server defaults an empty strategy');
    await sim.cluster.waitFor(() => sim.cluster.listPods('shop').filter((p) => p.metadata.labels?.app === 'web' && p.status.phase === 'Running').length === 2, 5000, 'two web pods running');
  });

  test('job: its pod template (command, restartPolicy) and the labels the server adds', async () => {
    await create('job.batch/once created', 'job', 'once', '-n', 'shop', '--image=busybox:1.36', '--', 'sleep', '300');
    const j = await getJson('job', 'once', '-n', 'shop');
    const spec = j.spec.template.spec;
    assert.deepEqual(spec.containers[0].command, ['sleep', '300']);
    assert.equal(spec.restartPolicy, 'Never');
    assert.equal(j.spec.template.metadata.labels['job-name'], 'once');
    assert.equal(j.spec.completions, 1);
  });

  test('cronjob, and a job made from it with --from', async () => {
    await create('cronjob.batch/nightly created', 'cronjob', 'nightly', '-n', 'shop', '--image=busybox:1.36', '--schedule=0 3 * * *', '--', 'sleep', '300');
    const cj = await getJson('cronjob', 'nightly', '-n', 'shop');
    assert.equal(cj.spec.schedule, '0 3 * * *');
    assert.equal(cj.spec.jobTemplate.spec.template.spec.restartPolicy, 'OnFailure');
    assert.deepEqual(cj.spec.jobTemplate.spec.template.spec.containers[0].command, ['sleep', '300']);
    await create('job.batch/nightly-manual created', 'job', 'nightly-manual', '-n', 'shop', '--from=cronjob/nightly');
    const j = await getJson('job', 'nightly-manual', '-n', 'shop');
    assert.equal(j.metadata.annotations['cronjob.kubernetes.io/instantiate'], 'manual');
    assert.deepEqual(
      j.metadata.ownerReferences.map((r: { kind: string; name: string; uid: string }) => [r.kind, r.name, r.uid]),
      [['CronJob', 'nightly', cj.metadata.uid]],
    );
  });

  test('configmap', async () => {
    await create('configmap/settings created', 'configmap', 'settings', '-n', 'shop', '--from-literal=mode=fast', '--from-literal=size=3');
    assert.deepEqual((await getJson('configmap', 'settings', '-n', 'shop')).data, { mode: 'fast', size: '3' });
  });

  test('secret generic', async () => {
    await create('secret/db created', 'secret', 'generic', 'db', '-n', 'shop', '--from-literal=password=s3cret');
    const s = await getJson('secret', 'db', '-n', 'shop');
    assert.equal(s.type, 'Opaque');
    assert.deepEqual(s.data, { password: Buffer.from('s3cret').toString('base64') });
  });

  test('a Secret applied with stringData reads back as data', async () => {
    const r = await kube(sim, '/api/v1/namespaces/shop/secrets', { method: 'POST', json: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'token' }, stringData: { token: 'abc' } } });
    assert.equal(r.status, 201);
    const s = await getJson('secret', 'token', '-n', 'shop');
    assert.deepEqual(s.data, { token: Buffer.from('abc').toString('base64') });
    assert.equal(s.stringData, undefined);
  });

  test('service clusterip', async () => {
    await create('service/web created', 'service', 'clusterip', 'web', '-n', 'shop', '--tcp=80:8080');
    const s = await getJson('service', 'web', '-n', 'shop');
    assert.equal(s.spec.type, 'ClusterIP');
    assert.deepEqual(s.spec.selector, { app: 'web' });
    assert.deepEqual(s.spec.ports, [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }]);
    assert.match(s.spec.clusterIP, /^172\.20\.\d+\.\d+$/);
  });

  test('serviceaccount', async () => {
    await create('serviceaccount/robot created', 'serviceaccount', 'robot', '-n', 'shop');
    assert.equal((await getJson('serviceaccount', 'robot', '-n', 'shop')).metadata.namespace, 'shop');
  });

  test('poddisruptionbudget: minAvailable a number, maxUnavailable a percentage', async () => {
    await create('poddisruptionbudget.policy/web created', 'poddisruptionbudget', 'web', '-n', 'shop', '--selector=app=web', '--min-available=1');
    const pdb = await getJson('poddisruptionbudget', 'web', '-n', 'shop');
    assert.equal(pdb.spec.minAvailable, 1);
    assert.deepEqual(pdb.spec.selector, { matchLabels: { app: 'web' } });
    await sim.cluster.waitFor(() => sim.cluster.get('poddisruptionbudgets.policy', 'shop', 'web')?.status?.disruptionsAllowed === 1, 5000, 'the budget counts the two web pods');
    await create('poddisruptionbudget.policy/half created', 'pdb', 'half', '-n', 'shop', '--selector=app=web', '--max-unavailable=50%');
    assert.equal((await getJson('pdb', 'half', '-n', 'shop')).spec.maxUnavailable, '50%');
  });

  test('--dry-run=server creates nothing', async () => {
    await create('namespace/ghost created (server dry run)', 'namespace', 'ghost', '--dry-run=server');
    const r = await kubectl('get', 'namespace', 'ghost');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /namespaces "ghost" not found/);
  });

  test('no internal errors in the sim', () => {
    assert.deepEqual(sim.cluster.errors, []);
  });
});
