// `npm run sim` as a process: --kubernetes-version picks the control plane's version, the printed
// environment lets the real AWS CLI upgrade it (the process's documented control), and a version
// the sim does not know is one line and exit 2.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

interface Started {
  env: Record<string, string>;
  out: string;
  stop(): Promise<void>;
}

/** The sim's entry point with `args`; resolves once it printed its environment. */
function startSim(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'source/sim/main.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const hard = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(hard);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => void stop().then(() => reject(new Error(`the sim did not start in 60 s\n${out}\n${err}`))), 60_000);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`the sim exited (${String(code)})`), { code, stderr: err }));
    });
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!out.includes('Ctrl-C to stop.')) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const env: Record<string, string> = {};
      for (const m of out.matchAll(/^export ([A-Z0-9_]+)='([^']*)'$/gm)) env[m[1]!] = m[2]!;
      resolve({ env, out, stop });
    });
  });
}

describe('npm run sim', () => {
  test('--kubernetes-version 1.31, then aws eks update-cluster-version moves it to 1.32', { timeout: 180_000 }, async () => {
    const sim = await startSim(['--scenario', 'empty', '--kubernetes-version', '1.31']);
    try {
      assert.match(sim.out, /Kubernetes 1\.31\)/);
      assert.match(sim.out, /aws eks update-cluster-version --name demo --kubernetes-version 1\.32/);
      const url = sim.env.AWS_ENDPOINT_URL_EKS!;
      const minor = async (): Promise<string> => ((await (await fetch(`${url}/version`)).json()) as { minor: string }).minor;
      assert.equal(await minor(), '31');
      const env = { ...process.env, ...sim.env };
      delete env.AWS_PROFILE;
      delete env.AWS_ENDPOINT_URL;
      const { stdout } = await run('aws', ['eks', 'update-cluster-version', '--name', 'demo', '--kubernetes-version', '1.32', '--output', 'json'], { env, timeout: 60_000 });
      assert.equal(JSON.parse(stdout).update.status, 'InProgress');
      const until = Date.now() + 60_000;
      while ((await minor()) !== '32') {
        assert.ok(Date.now() < until, 'the update did not finish in 60 s');
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await sim.stop();
    }
  });

  test('an unknown version: one line saying so (then the usage), exit 2', async () => {
    await assert.rejects(startSim(['--scenario', 'empty', '--kubernetes-version', '1.40']), (err: { code: number; stderr: string }) => {
      assert.equal(err.code, 2);
      assert.match(err.stderr.split('\n')[0]!, /^sim: unknown Kubernetes version "1\.40" \(known: [\d., ]+\)$/);
      assert.doesNotMatch(err.stderr, /\n\s+at /, 'no stack trace');
      return true;
    });
  });
});
