// `npm run demo -- ARGS` hands ARGS to the tool running against the simulated cluster, so every
// face can be tried without installing the plugin. (The live view with no ARGS, and the build on
// a fresh clone, are in test/e2e/first-run.e2e.test.ts.)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { ROOT } from './release-fixture.js';

function demo(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile('npm', ['run', '--silent', 'demo', '--', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = (error as { code?: unknown } | null)?.code;
      resolve({ status: error ? (typeof code === 'number' ? code : null) : 0, stdout, stderr });
    });
    child.stdin?.end();
  });
}

describe('npm run demo -- ARGS', () => {
  const cases: { args: string[]; status: number; check: (out: { stdout: string; stderr: string }) => void }[] = [
    { args: ['--json'], status: 0, check: ({ stdout }) => assert.equal(JSON.parse(stdout).kind, 'FargatePlacementReport') },
    { args: ['-o', 'yaml'], status: 0, check: ({ stdout }) => assert.match(stdout, /^kind: FargatePlacementReport$/m) },
    { args: ['check'], status: 1, check: ({ stdout, stderr }) => (assert.match(stdout, /VERDICT/), assert.match(stderr, /need rescheduling/)) },
    { args: ['reschedule', '--all', '-A', '--dry-run'], status: 0, check: ({ stdout }) => assert.match(stdout, /METHOD/) },
    { args: ['--bogus'], status: 2, check: ({ stderr }) => assert.match(stderr, /unknown flag --bogus/) },
  ];
  for (const { args, status, check } of cases) {
    test(`${args.join(' ')}: exit ${status}`, async () => {
      const result = await demo(args);
      assert.equal(result.status, status, `stdout:\n${result.stdout.slice(-2000)}\nstderr:\n${result.stderr.slice(-2000)}`);
      check(result);
    });
  }
});
