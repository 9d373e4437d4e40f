// The CLI faces end to end: `node dist/cli.js reschedule|restore ...` (the built bundle) as a
// child process against the simulated cluster over real HTTP, like a user in a terminal.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { namespace, pdb } from '../../source/sim/scenarios/manifests.js';
import { cliSimForFile, SIGNAL_WINDOW } from '../helpers/sim.js';
import type { CliResult } from '../helpers/cli.js';
import { backupsUnder, tempDir } from '../helpers/files.js';

// The built CLI against a walkthrough sim whose grace periods leave a signal its window.
const f = cliSimForFile({ scenario: 'walkthrough', timing: SIGNAL_WINDOW }, 'kf-cli-state-');
afterEach(() => f.sim.faults.reset());

const cli = f.run;
const kubectl = f.kubectl;
const json = (r: CliResult) => JSON.parse(r.stdout) as { apiVersion: string; kind: string; results: any[]; steps?: any[] };

async function driftedBarePod(ns: string, name: string): Promise<string> {
  f.sim.cluster.apply(namespace(ns));
  f.sim.cluster.createPod({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'public.ecr.aws/nginx/nginx:1.27', env: [{ name: 'A', value: '1' }] }] } });
  await f.sim.cluster.waitFor(() => f.sim.cluster.getPod(ns, name)?.status?.phase === 'Running', 5000, `${ns}/${name} running`);
  f.sim.cluster.createProfile({ name: `fp-${ns}`, selectors: [{ namespace: ns }] });
  return String(f.sim.cluster.getPod(ns, name)!.metadata.uid);
}

describe('kubectl fargate reschedule: usage (exit 2, nothing contacted)', () => {
  const cases = [
    { rule: 'no pods and no --all', args: ['reschedule', '-n', 'test', '--yes'], message: /name the pods to reschedule, or pass --all/ },
    { rule: '--all needs -n or -A', args: ['reschedule', '--all', '--yes'], message: /--all needs a scope: pass -n NAMESPACE, or -A/ },
    { rule: 'names and --all together', args: ['reschedule', '--all', '-n', 'test', 'test', '--yes'], message: /pod names or --all, not both/ },
    { rule: 'names with -A', args: ['reschedule', '-A', 'test', '--yes'], message: /pod names need one namespace/ },
    { rule: 'no --yes and stdin is not a terminal', args: ['reschedule', '-n', 'test', 'test'], message: /refusing to reschedule without confirmation: pass --yes \(stdin is not a terminal\)/ },
    { rule: 'a bad --timeout', args: ['reschedule', '-n', 'test', 'test', '--yes', '--timeout', 'soon'], message: /invalid --timeout "soon"/ },
    { rule: 'restore without files', args: ['restore'], message: /name the backup files to restore/ },
  ];
  for (const c of cases) {
    test(c.rule, async () => {
      const r = await cli(...c.args);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, c.message);
      assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
    });
  }
});

describe('kubectl fargate reschedule: the acceptance flows', () => {
  test('--dry-run prints the plan and the cleaned manifest, changes nothing', async () => {
    const uid = f.sim.cluster.getPod('test', 'test')!.metadata.uid;
    const r = await cli('reschedule', '-n', 'test', 'test', '--dry-run', '--backup-dir', tempDir('kf-dry-'));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^POD\s+METHOD\s+FROM\s+TO/m);
    assert.match(r.stdout, /test\/test\s+re-create\s+EC2\s+Fargate \(fp-test\)/);
    assert.match(r.stdout, /# test\/test: the manifest that would be backed up and re-created\napiVersion: v1\nkind: Pod/);
    assert.doesNotMatch(r.stdout, /kube-api-access|resourceVersion|nodeName/);
    assert.equal(f.sim.cluster.getPod('test', 'test')!.metadata.uid, uid);
  });

  test('--dry-run: where last-applied and the live pod differ, the plan says so; the manifest is the live one', async () => {
    f.sim.cluster.apply(namespace('drydiff'));
    const file = path.join(tempDir('kf-drydiff-'), 'pod.yaml');
    writeFileSync(file, stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'drydiff' }, spec: { containers: [{ name: 'app', image: 'public.ecr.aws/nginx/nginx:1.27' }] } }));
    await kubectl('apply', '-f', file);
    await f.sim.cluster.waitFor(() => f.sim.cluster.getPod('drydiff', 'web')?.status?.phase === 'Running', 5000, 'drydiff/web running');
    await kubectl('set', 'image', '-n', 'drydiff', 'pod/web', 'app=public.ecr.aws/nginx/nginx:1.28');
    f.sim.cluster.createProfile({ name: 'fp-drydiff', selectors: [{ namespace: 'drydiff' }] });

    const table = await cli('reschedule', '-n', 'drydiff', 'web', '--dry-run');
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^drydiff\/web\s+re-create\s+EC2\s+Fargate \(fp-drydiff\)\s+from live; last-applied differs \(1 field\)$/m);
    assert.ok(table.stdout.includes('  ! drydiff/web: re-created from the live pod; its last-applied-configuration differs: spec.containers[app].image: last-applied public.ecr.aws/nginx/nginx:1.27, live public.ecr.aws/nginx/nginx:1.28 (--from last-applied re-creates that instead)\n'), table.stdout);
    assert.match(table.stdout, /image: public.ecr.aws\/nginx\/nginx:1.28/);

    const doc = json(await cli('reschedule', '-n', 'drydiff', 'web', '--dry-run', '--json', '--from', 'last-applied'));
    const [step] = doc.steps!;
    assert.equal(step.manifestSource, 'last-applied');
    assert.deepEqual(step.lastAppliedDiff, [{ path: 'spec.containers[app].image', lastApplied: 'public.ecr.aws/nginx/nginx:1.27', live: 'public.ecr.aws/nginx/nginx:1.28' }]);
    assert.equal(step.manifest.spec.containers[0].image, 'public.ecr.aws/nginx/nginx:1.27');
  });

  test('--dry-run --json gives the plan with the manifest', async () => {
    const r = await cli('reschedule', '-n', 'test', 'test', '--dry-run', '--json');
    assert.equal(r.code, 0, r.stderr);
    const doc = json(r);
    assert.equal(doc.kind, 'ReschedulePlan');
    assert.equal(doc.steps![0].method, 'recreate');
    assert.equal(doc.steps![0].manifest.metadata.name, 'test');
  });

  test('test/test is rescheduled from EC2 to Fargate; --json has one result; the backup is private and token-free', async () => {
    const dir = tempDir('kf-backups-');
    const before = f.sim.cluster.getPod('test', 'test')!;
    const r = await cli('reschedule', '-n', 'test', 'test', '--yes', '--json', '--backup-dir', dir);
    assert.equal(r.code, 0, r.stderr);
    const doc = json(r);
    assert.equal(doc.apiVersion, 'kubectl-fargate/v1');
    assert.equal(doc.kind, 'RescheduleResult');
    assert.equal(doc.results.length, 1);
    const [result] = doc.results;
    assert.equal(result.outcome, 'succeeded');
    assert.equal(result.message, 're-created: now on Fargate under fp-test');
    assert.equal(result.landed.runsOn, 'fargate');
    assert.match(r.stderr, /\[1\/1\] test\/test: backup: saved to .*\n.*dry-run.*\n.*delete.*\n.*wait-gone.*\n.*create.*\n.*wait-scheduled.*\n.*done: re-created: now on Fargate under fp-test/);
    const after = f.sim.cluster.getPod('test', 'test')!;
    assert.notEqual(after.metadata.uid, before.metadata.uid);
    assert.deepEqual(after.spec.containers.map((c: any) => c.image), before.spec.containers.map((c: any) => c.image));
    const [file] = backupsUnder(dir);
    assert.equal(file, result.backupFile);
    assert.equal(statSync(file!).mode & 0o777, 0o600);
    assert.equal(statSync(path.dirname(file!)).mode & 0o777, 0o700);
    assert.doesNotMatch(readFileSync(file!, 'utf8'), /kube-api-access|serviceAccountToken|token:/);
  });

  test('a ReplicaSet pod is evicted and its replacement lands on Fargate', async () => {
    const name = f.sim.cluster.listPods('kube-system').find((p) => p.metadata.name.startsWith('coredns-'))!.metadata.name;
    const r = await cli('reschedule', '-n', 'kube-system', name, '--yes');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`kube-system/${name}\\s+succeeded\\s+evicted; replacement coredns-\\S+ now on Fargate under fp-coredns`));
    const old = f.sim.cluster.getPod('kube-system', name);
    assert.ok(old === undefined || old.metadata.deletionTimestamp, 'the evicted pod is gone or going');
  });

  test('a PDB-blocked pod is reported blocked (exit 1) and left running', async () => {
    f.sim.cluster.apply(pdb('apps', 'api-budget', { app: 'api' }, { minAvailable: 2 }));
    const pod = f.sim.cluster.listPods('apps').find((p) => p.metadata.name.startsWith('api-'))!;
    const r = await cli('reschedule', '-n', 'apps', pod.metadata.name, '--yes', '--json', '--timeout', '2s');
    assert.equal(r.code, 1, r.stderr);
    const [result] = json(r).results;
    assert.equal(result.outcome, 'blocked');
    assert.match(result.message, /PodDisruptionBudget api-budget/);
    assert.equal(f.sim.cluster.getPod('apps', pod.metadata.name)?.metadata.uid, pod.metadata.uid);
    f.sim.cluster.delete('poddisruptionbudgets.policy', 'apps', 'api-budget');
  });

  test('a DaemonSet pod is refused (exit 1)', async () => {
    const pod = f.sim.cluster.listPods('kube-system').find((p) => p.metadata.name.startsWith('aws-node-'))!;
    const r = await cli('reschedule', '-n', 'kube-system', pod.metadata.name, '--yes');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /refused\s+owned by DaemonSet aws-node/);
    assert.equal(f.sim.cluster.getPod('kube-system', pod.metadata.name)?.metadata.uid, pod.metadata.uid);
  });

  test('a pod that does not exist is one error line (exit 1)', async () => {
    const r = await cli('reschedule', '-n', 'test', 'nope', '--yes');
    assert.equal(r.code, 1);
    assert.equal(r.stderr, 'error: pod "nope" not found in namespace test; check the name, or pass -n NAMESPACE\n');
  });

  test('--all with nothing to do says so (exit 0)', async () => {
    const r = await cli('reschedule', '--all', '-n', 'legacy', '--yes');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^No pod in legacy needs a reschedule\.$/m);
  });
});

describe('kubectl fargate reschedule: faults', () => {
  test('the create after the delete fails (500): exit 1, backup present, `restore` brings the pod back', async () => {
    await driftedBarePod('boom', 'boom');
    f.sim.faults.failNext({ method: 'POST', path: /\/api\/v1\/namespaces\/boom\/pods\?fieldManager=kubectl-fargate$/, status: 500, count: 10 });
    const dir = tempDir('kf-boom-');
    const r = await cli('reschedule', '-n', 'boom', 'boom', '--yes', '--backup-dir', dir);
    assert.equal(r.code, 1, r.stderr);
    const [file] = backupsUnder(dir);
    assert.ok(file && existsSync(file));
    assert.ok(r.stdout.includes(`restore it with \`kubectl fargate restore --context ${f.sim.contextName} ${file}\``), r.stdout);
    assert.equal(f.sim.cluster.getPod('boom', 'boom'), undefined);

    f.sim.faults.reset();
    const restored = await cli('restore', file!);
    assert.equal(restored.code, 0, restored.stderr);
    assert.match(restored.stdout, /boom\/boom\s+succeeded\s+restored: now on Fargate under fp-boom/);
    assert.equal(f.sim.cluster.getPod('boom', 'boom')?.status?.phase, 'Running');

    const again = await cli('restore', file!);
    assert.equal(again.code, 1);
    assert.match(again.stdout, /pod boom\/boom already exists; delete it first, or restore it under another name: edit metadata.name in /);
  });

  /** What `kubectl get pod test -n test -o yaml` gives for a pod created with `kubectl apply` (its last-applied names it). */
  function dumpOfTestPod(): any {
    const pod = structuredClone(f.sim.cluster.getPod('test', 'test')!);
    const applied = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'test', namespace: 'test' }, spec: { containers: pod.spec.containers.map((c: any) => ({ name: c.name, image: c.image })) } };
    pod.metadata.annotations = { ...pod.metadata.annotations, 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify(applied) };
    return pod;
  }

  test('restore of a `kubectl get -o yaml` dump of a pod that exists: exit 1, and the advice given works', async () => {
    const file = path.join(tempDir('kf-dump-'), 'dump.yaml');
    writeFileSync(file, stringify(dumpOfTestPod()));
    const r = await cli('restore', file);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout.split('\n')[1], `test/test   failed   pod test/test already exists; delete it first, or restore it under another name: edit metadata.name in ${file}`);
  });

  test('restore of a `kubectl get -o yaml` dump whose name was edited creates the pod under the edited name', async () => {
    const pod = dumpOfTestPod();
    pod.metadata.name = 'test-copy';
    const file = path.join(tempDir('kf-dump-'), 'dump.yaml');
    writeFileSync(file, stringify(pod));
    const r = await cli('restore', file);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^test\/test-copy\s+succeeded\s+restored: now on Fargate under fp-test$/m);
    assert.equal(f.sim.cluster.getPod('test', 'test-copy')?.status?.phase, 'Running');
    assert.ok(f.sim.cluster.getPod('test', 'test'), 'the original is untouched');
  });

  test('restore of a corrupt or missing file is one error line (exit 1), nothing created', async () => {
    const bad = path.join(tempDir('kf-bad-'), 'bad.yaml');
    writeFileSync(bad, 'kind: Pod\nmetadata: [oops\n');
    for (const file of [bad, '/nonexistent/x.yaml']) {
      const r = await cli('restore', file);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /^error: .*(not valid YAML|does not exist)/);
      assert.equal(r.stderr.trim().split('\n').length, 1);
    }
  });

  test('Ctrl-C between delete and create: the pod is re-created before the CLI exits (130)', async () => {
    const uid = await driftedBarePod('sigint', 'sigint');
    const dir = tempDir('kf-sigint-');
    const child = spawn(process.execPath, [f.cli, 'reschedule', '-n', 'sigint', 'sigint', '--yes', '--backup-dir', dir], { env: f.env() });
    let stderr = '';
    let signalled = false;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (!signalled && /: delete: /.test(stderr)) {
        signalled = true;
        child.kill('SIGINT');
      }
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    assert.ok(signalled, stderr);
    assert.equal(code, 130, stderr);
    assert.match(stderr, /interrupted: finishing sigint\/sigint \(re-creating it from .*\) first, then stopping/);
    assert.match(stderr, /: create: re-creating it from /);
    const now = f.sim.cluster.getPod('sigint', 'sigint');
    assert.ok(now, 'the pod exists again');
    assert.notEqual(now.metadata.uid, uid);
    assert.match(stdout, /sigint\/sigint\s+interrupted\s+re-created/);
  });
});
