// The flags every test run gets (scripts/test-tiers.mjs RUNNER_GUARDS). A CI run once used up its
// 90 minutes in one file: a test failed before its `finally`, the sim it had started stayed open,
// and the file's process never exited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUNNER_GUARDS } from '../../scripts/test-tiers.mjs';

interface Ended {
  code: unknown;
  stdout: string;
  stderr: string;
}

/** `node --test` with the guards on one file written for the case, as a top-level run. */
async function runGuarded(t: { after: (fn: () => void) => void }, source: string, env: NodeJS.ProcessEnv = {}): Promise<Ended> {
  const dir = mkdtempSync(join(tmpdir(), 'kf-guards-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'case.test.mjs');
  writeFileSync(file, source);
  const childEnv = { ...process.env, ...env };
  // A top-level run, not a child reporting to this runner.
  delete childEnv.NODE_TEST_CONTEXT;
  return new Promise((resolve) =>
    execFile(process.execPath, ['--test', ...RUNNER_GUARDS, file], { env: childEnv, timeout: 30_000, killSignal: 'SIGKILL' }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: unknown }).code ?? (error as { signal?: unknown }).signal) : 0, stdout, stderr }),
    ),
  );
}

test('a file whose test failed and left a server open is ended by the watchdog, saying so', async (t) => {
  const ended = await runGuarded(
    t,
    `import { test } from 'node:test';
import { createServer } from 'node:http';
test('fails after opening a server it never closes', async () => {
  await new Promise((resolve) => createServer().listen(0, '127.0.0.1', resolve));
  throw new Error('failed before its clean-up');
});
`,
    { KF_TEST_FILE_LIMIT_MS: '3000' },
  );
  const out = ended.stdout + ended.stderr;
  assert.equal(ended.code, 1, `ended with ${String(ended.code)} (SIGKILL: still running after 30 s)\n${out}`);
  assert.match(out, /failed before its clean-up/);
  assert.match(out, /still running after 3 s, hung: .*case\.test\.mjs[\s\S]*still open: .*TCPServerWrap/);
});

test('every test of a file runs, those registered after a top-level await too (no --test-force-exit)', async (t) => {
  const ended = await runGuarded(
    t,
    `import { test } from 'node:test';
test('before the await', () => {});
await new Promise((resolve) => setTimeout(resolve, 200));
test('after the await', () => {});
`,
  );
  assert.equal(ended.code, 0, ended.stdout + ended.stderr);
  assert.match(ended.stdout, /ℹ tests 2\b/);
});

test('no test may run for more than 10 minutes', () => {
  const timeout = RUNNER_GUARDS.find((flag) => flag.startsWith('--test-timeout='));
  assert.ok(timeout, 'a --test-timeout flag');
  const ms = Number(timeout.split('=')[1]);
  assert.ok(ms > 0 && ms <= 10 * 60_000, `${ms} ms`);
});
