// The EKS-on-Fargate walkthrough, verbatim, as a new user runs it against `npm run sim`: the real
// kubectl (with the built CLI on PATH as the `kubectl fargate` plugin) and the real AWS CLI,
// against the sim's own entry point started in a child process, pointed at by the environment
// it prints. Nothing here talks to the sim except those tools.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/files.js';
import { builtCliCopy, ROOT } from '../helpers/cli.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

interface SimProcess {
  child: ChildProcess;
  env: Record<string, string>;
  clusterName: string;
}

/** `npm run sim -- --scenario empty` (its script, run with this Node); resolves once it printed its environment. */
function startSimProcess(): Promise<SimProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'source/sim/main.ts', '--scenario', 'empty'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('the sim did not start in 60 s')), 60_000);
    const fail = (e: Error): void => {
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(new Error(`${e.message}\nstdout:\n${out}\nstderr:\n${err}`));
    };
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => fail(new Error(`the sim exited (${String(code)})`)));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (!out.includes('Ctrl-C to stop.')) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const env: Record<string, string> = {};
      for (const m of out.matchAll(/^export ([A-Z0-9_]+)='([^']*)'$/gm)) env[m[1]!] = m[2]!;
      const clusterName = /Simulated EKS cluster "([^"]+)"/.exec(out)?.[1];
      if (clusterName === undefined || env.KUBECONFIG === undefined || env.AWS_ENDPOINT_URL_EKS === undefined) return fail(new Error('the sim printed no environment'));
      resolve({ child, env, clusterName });
    });
  });
}

function stopSimProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

const TEST_POD = `apiVersion: v1
kind: Pod
metadata:
  name: test
  namespace: test
spec:
  containers:
    - name: nginx
      image: nginx:1.27
`;

describe('the Fargate walkthrough against npm run sim (real kubectl and aws)', () => {
  let sim: SimProcess;
  let env: NodeJS.ProcessEnv;
  let work: string;
  let removeCli: () => void = () => {};

  before(async () => {
    const { cli, remove } = await builtCliCopy();
    removeCli = remove;
    sim = await startSimProcess();
    work = tempDir('kf-walkthrough-');
    // kubectl runs any `kubectl-fargate` on PATH as `kubectl fargate`: the built CLI, on this Node.
    const bin = path.join(work, 'bin');
    mkdirSync(bin);
    const plugin = path.join(bin, 'kubectl-fargate');
    writeFileSync(plugin, `#!/bin/sh\nexec '${process.execPath}' '${cli}' "$@"\n`);
    chmodSync(plugin, 0o755);
    writeFileSync(path.join(work, 'test-pod.yaml'), TEST_POD);
    env = { ...process.env, ...sim.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, XDG_STATE_HOME: path.join(work, 'state'), AWS_CONFIG_FILE: path.join(work, 'aws-config'), AWS_SHARED_CREDENTIALS_FILE: path.join(work, 'aws-credentials') };
    // Only the printed environment may point anywhere.
    delete env.AWS_PROFILE;
    delete env.AWS_ENDPOINT_URL;
  });
  after(async () => {
    if (sim !== undefined) await stopSimProcess(sim.child);
    removeCli();
  });

  /** A command as typed in the walkthrough, from its working directory. */
  const sh = (cmd: string, ...args: string[]): Promise<Run> =>
    new Promise((resolve) => {
      execFile(cmd, args, { cwd: work, env, timeout: 120_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      });
    });
  const ok = async (cmd: string, ...args: string[]): Promise<string> => {
    const r = await sh(cmd, ...args);
    assert.equal(r.code, 0, `${cmd} ${args.join(' ')} failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  };
  const nodeOfTest = async (): Promise<string> => ok('kubectl', '-n', 'test', 'get', 'pod', 'test', '-o', 'jsonpath={.spec.nodeName}');

  test('create namespace, apply the pod (EC2), create the profile, check, reschedule (Fargate), delete', { timeout: 240_000 }, async () => {
    assert.equal((await ok('kubectl', 'create', 'namespace', 'test')).trim(), 'namespace/test created');

    assert.equal((await ok('kubectl', 'apply', '-f', 'test-pod.yaml')).trim(), 'pod/test created');
    await ok('kubectl', '-n', 'test', 'wait', '--for=condition=Ready', 'pod/test', '--timeout=60s');
    assert.match(await nodeOfTest(), /^ip-10-0-\d+-\d+\.ec2\.internal$/, 'no profile yet: the pod runs on EC2');

    const created = JSON.parse(
      await ok(
        'aws', 'eks', 'create-fargate-profile',
        '--cluster-name', sim.clusterName,
        '--fargate-profile-name', 'fp-test',
        '--pod-execution-role-arn', 'arn:aws:iam::111122223333:role/AmazonEKSFargatePodExecutionRole',
        '--selectors', 'namespace=test',
      ),
    );
    assert.equal(created.fargateProfile.status, 'CREATING');
    await ok('aws', 'eks', 'wait', 'fargate-profile-active', '--cluster-name', sim.clusterName, '--fargate-profile-name', 'fp-test');

    const check = await sh('kubectl', 'fargate', 'check');
    assert.equal(check.code, 1, `check exits 1 when a pod needs rescheduling:\n${check.stdout}\n${check.stderr}`);
    const row = check.stdout.split('\n').find((l) => /^test\s+test\s/.test(l));
    assert.match(row ?? '', /reschedule\s.*created before profile fp-test/, check.stdout);

    const resched = await ok('kubectl', 'fargate', 'reschedule', '-n', 'test', 'test', '--yes');
    assert.match(resched, /test\/test\s+succeeded\s+.*now on Fargate under fp-test/);
    assert.match(await nodeOfTest(), /^fargate-ip-/, 'the re-created pod runs on Fargate');

    assert.equal((await ok('kubectl', '-n', 'test', 'delete', 'pod', 'test')).trim(), 'pod "test" deleted');
    const deleted = JSON.parse(await ok('aws', 'eks', 'delete-fargate-profile', '--cluster-name', sim.clusterName, '--fargate-profile-name', 'fp-test'));
    assert.equal(deleted.fargateProfile.status, 'DELETING');
  });

  test.todo('the same walkthrough with `kubectl fargate profile create` once the profile lifecycle commands exist');
});
