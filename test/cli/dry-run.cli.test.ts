// kubectl's --dry-run modes, through the built CLI against the sim: what each mode sends is read
// from the sim's request log, what it changed from the sim's state.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { isDryRun, type SimRequest } from '../../source/sim/index.js';
import { namespace, pdb } from '../../source/sim/scenarios/manifests.js';
import { cliSimForFile, FAST } from '../helpers/sim.js';
import { filesUnder, tempDir } from '../helpers/files.js';

const f = cliSimForFile({ scenario: 'walkthrough', timing: FAST }, 'kf-dry-state-');
afterEach(() => f.sim.faults.reset());

const cli = f.runLogged;
const writes = (): SimRequest[] => f.sim.requests.writes();
const describeWrites = (list: SimRequest[]) => list.map((r) => `${r.method} ${r.path}?${new URLSearchParams(Object.entries(r.query).flatMap(([k, vs]) => vs.map((v) => [k, v])))}`).join('\n');
const uids = (): Map<string, string> => new Map(f.sim.cluster.listPods().map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, String(p.metadata.uid)]));

describe('--dry-run=server: every write is sent with dryRun=All; nothing changes', () => {
  test('reschedule --all -A: evictions, deletes and creates are all dry runs; no pod, no backup changes', async () => {
    const before = uids();
    const r = await cli('reschedule', '--all', '-A', '--dry-run=server', '--yes', '--json');
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.kind, 'RescheduleResult');
    assert.equal(doc.dryRun, 'server');
    const sent = writes();
    assert.ok(sent.some((w) => w.path.endsWith('/eviction')), `an eviction was asked for\n${describeWrites(sent)}`);
    assert.ok(sent.some((w) => w.method === 'DELETE'), `a delete was asked for\n${describeWrites(sent)}`);
    assert.ok(sent.some((w) => w.method === 'POST' && w.path.endsWith('/pods')), `a create was asked for\n${describeWrites(sent)}`);
    assert.deepEqual(sent.filter((w) => !isDryRun(w)), [], 'only dryRun=All writes');
    assert.deepEqual(uids(), before, 'no pod was deleted or created');
    assert.deepEqual(filesUnder(f.state), [], 'no backup was written');
    for (const result of doc.results) {
      if (result.outcome !== 'refused') assert.match(result.message, /^dry run \(server\): .*nothing was changed$/, result.pod);
    }
    assert.match(r.stderr, /Dry run \(server\): nothing was changed\./);
    assert.equal(r.code, doc.results.every((x: { outcome: string }) => x.outcome === 'succeeded') ? 0 : 1, r.stderr);
  });

  test('a bare pod: the dry-run create tells where EKS would admit it', async () => {
    const r = await cli('reschedule', '-n', 'test', 'test', '--dry-run=server', '--yes');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /test\/test\s+succeeded\s+dry run \(server\): the API server accepts the delete and the re-create; EKS admits it to Fargate under fp-test; nothing was changed/);
    const sent = writes();
    assert.deepEqual(sent.map((w) => `${w.method} ${w.path}`).sort(), ['DELETE /api/v1/namespaces/test/pods/test', 'POST /api/v1/namespaces/test/pods']);
    assert.ok(sent.every(isDryRun), describeWrites(sent));
  });

  test('a PodDisruptionBudget still decides: blocked, nothing evicted', async () => {
    f.sim.cluster.apply(pdb('apps', 'dry-budget', { app: 'api' }, { minAvailable: 2 }));
    try {
      const pod = f.sim.cluster.listPods('apps').find((p) => p.metadata.name.startsWith('api-'))!;
      const r = await cli('reschedule', '-n', 'apps', pod.metadata.name, '--dry-run=server', '--json');
      assert.equal(r.code, 1, r.stderr);
      const [result] = JSON.parse(r.stdout).results;
      assert.equal(result.outcome, 'blocked');
      assert.match(result.message, /^dry run \(server\): blocked: .*dry-budget.*nothing was changed$/);
      const sent = writes();
      assert.equal(sent.length, 1, describeWrites(sent));
      assert.ok(sent.every(isDryRun));
      assert.equal(f.sim.cluster.getPod('apps', pod.metadata.name)?.metadata.uid, pod.metadata.uid);
    } finally {
      f.sim.cluster.delete('poddisruptionbudgets.policy', 'apps', 'dry-budget');
    }
  });

  test('needs no --yes (it changes nothing), even without a terminal', async () => {
    const r = await cli('reschedule', '-n', 'test', 'test', '--dry-run=server');
    assert.equal(r.code, 0, r.stderr);
    assert.ok(writes().every(isDryRun));
  });
});

describe('--dry-run and --dry-run=client: the plan and the manifests; nothing is sent', () => {
  for (const flag of ['--dry-run', '--dry-run=client']) {
    test(`reschedule --all -A ${flag} --yes`, async () => {
      const before = uids();
      const r = await cli('reschedule', '--all', '-A', flag, '--yes');
      assert.match(r.stdout, /^POD\s+METHOD\s+FROM\s+TO/m);
      assert.match(r.stdout, /# test\/test: the manifest that would be backed up and re-created/);
      assert.match(r.stderr, /Dry run \(client\): nothing was sent\./);
      assert.deepEqual(writes(), [], 'no write at all');
      assert.deepEqual(uids(), before);
    });
  }
});

describe('--dry-run=none: a real run', () => {
  test('the pod is re-created; its writes are real', async () => {
    f.sim.cluster.apply(namespace('dry-none'));
    f.sim.cluster.createPod({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'dry-none' }, spec: { containers: [{ name: 'app', image: 'public.ecr.aws/nginx/nginx:1.27' }] } });
    await f.sim.cluster.waitFor(() => f.sim.cluster.getPod('dry-none', 'p')?.status?.phase === 'Running', 5000, 'dry-none/p running');
    f.sim.cluster.createProfile({ name: 'fp-dry-none', selectors: [{ namespace: 'dry-none' }] });
    const uid = f.sim.cluster.getPod('dry-none', 'p')!.metadata.uid;
    const r = await cli('reschedule', '-n', 'dry-none', 'p', '--dry-run=none', '--yes', '--backup-dir', tempDir('kf-dry-none-'));
    assert.equal(r.code, 0, r.stderr);
    assert.notEqual(f.sim.cluster.getPod('dry-none', 'p')?.metadata.uid, uid);
    assert.ok(writes().some((w) => w.method === 'DELETE' && !isDryRun(w)), describeWrites(writes()));
  });
});

describe('restore --dry-run modes', () => {
  const backup = (name: string) => {
    const file = path.join(tempDir('kf-restore-dry-'), `${name}.yaml`);
    writeFileSync(file, stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'test' }, spec: { containers: [{ name: 'app', image: 'public.ecr.aws/nginx/nginx:1.27' }] } }));
    return file;
  };

  test('client: prints the manifest, sends no write, creates nothing', async () => {
    const r = await cli('restore', backup('restore-client'), '--dry-run');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /test\/restore-client\s+succeeded\s+dry run \(client\): it would be created; nothing was sent/);
    assert.match(r.stdout, /# test\/restore-client: the manifest that would be created\napiVersion: v1/);
    assert.deepEqual(writes(), []);
    assert.equal(f.sim.cluster.getPod('test', 'restore-client'), undefined);
  });

  test('server: the create is a dry run, nothing is created', async () => {
    const r = await cli('restore', backup('restore-server'), '--dry-run=server', '--json');
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.dryRun, 'server');
    assert.match(doc.results[0].message, /^dry run \(server\): the API server accepts it; nothing was created$/);
    const sent = writes();
    assert.equal(sent.length, 1, describeWrites(sent));
    assert.ok(sent.every(isDryRun));
    assert.equal(f.sim.cluster.getPod('test', 'restore-server'), undefined);
  });
});
