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

test('a file whose test failed and left a server open still ends, its failure reported', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kf-guards-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'leaky.test.mjs');
  writeFileSync(
    file,
    `import { test } from 'node:test';
import { createServer } from 'node:http';
test('fails after opening a server it never closes', async () => {
  await new Promise((resolve) => createServer().listen(0, '127.0.0.1', resolve));
  throw new Error('failed before its clean-up');
});
`,
  );
  // Run as a top-level `node --test`, not as a child reporting to this runner.
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const result = await new Promise<{ code: unknown; stdout: string }>((resolve) =>
    execFile(process.execPath, ['--test', ...RUNNER_GUARDS, file], { env, timeout: 30_000, killSignal: 'SIGKILL' }, (error, stdout) =>
      resolve({ code: error ? ((error as { code?: unknown }).code ?? (error as { signal?: unknown }).signal) : 0, stdout }),
    ),
  );
  assert.equal(result.code, 1, `ended with ${String(result.code)} (SIGKILL: still running after 30 s)\n${result.stdout}`);
  assert.match(result.stdout, /failed before its clean-up/);
});

test('no test may run for more than 15 minutes', () => {
  const timeout = RUNNER_GUARDS.find((flag) => flag.startsWith('--test-timeout='));
  assert.ok(timeout, 'a --test-timeout flag');
  const ms = Number(timeout.split('=')[1]);
  assert.ok(ms > 0 && ms <= 15 * 60_000, `${ms} ms`);
});
