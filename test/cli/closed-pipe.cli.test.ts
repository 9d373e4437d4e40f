// `kubectl fargate --demo --json | head -1`, as a shell runs it: the reader takes one line and
// closes the pipe. The CLI ends quietly (141, as kubectl killed by SIGPIPE; or 0 if it had
// finished), prints no error, and leaves no demo kubeconfig behind, 20 times out of 20.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCliCopy } from '../helpers/cli.js';

let cli: Awaited<ReturnType<typeof builtCliCopy>>;
let temp: string;
before(async () => {
  cli = await builtCliCopy();
  temp = mkdtempSync(join(tmpdir(), 'kf-pipe-'));
});
after(() => {
  cli?.remove();
  rmSync(temp, { recursive: true, force: true });
});

/** Run the CLI, read its first line, close the pipe; its exit code and stderr. */
function firstLineThenClose(args: string[]): Promise<{ code: number | null; line: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, TMPDIR: temp, CI: '1' };
    const child = spawn(process.execPath, [cli.cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // Like head -1: one line read, the pipe closed.
      if (out.includes('\n')) child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, line: out.split('\n')[0] ?? '', stderr }));
  });
}

test('--demo --json | head -1 exits quietly and cleans up, 20 times out of 20', { timeout: 180_000 }, async () => {
  const runs = [];
  // Four at a time: the machine is shared.
  for (let batch = 0; batch < 5; batch++) runs.push(...(await Promise.all(Array.from({ length: 4 }, () => firstLineThenClose(['--demo', '--no-aws', '--json'])))));
  for (const r of runs) {
    assert.ok(r.code === 141 || r.code === 0, `exit ${r.code}: ${r.stderr}`);
    assert.equal(r.stderr, '');
    assert.match(r.line, /^\{/);
  }
  assert.deepEqual(readdirSync(temp).filter((name) => name.startsWith('kubectl-fargate-')), [], 'no demo kubeconfig left');
});
