// A newcomer's first run: the committed repository cloned into an empty directory, README's first
// set-up line run there as written (with the demo's `--json` face appended, so it ends on its own),
// then the demo's other faces and its live view through the same `npm run demo`. Slow (a real
// `npm ci` from the npm registry, then one build: ~1 min on the 2-core machine) and needs the
// registry, like `.ci/run`'s own `npm ci`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newcomerEnv } from '../helpers/newcomer-env.js';
import { setupCommands } from '../release/readme-setup.js';
import { hasTmux, TmuxSession } from './tmux.js';

const ROOT = join(import.meta.dirname, '..', '..');
const isCheckout = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, stdio: 'ignore' }).status === 0;

const scratch = mkdtempSync(join(tmpdir(), 'kf-first-run-'));
const clone = join(scratch, 'kubectl-fargate');
after(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `line` in /bin/sh in the clone, with no terminal and nothing on stdin. */
function sh(line: string, timeoutMs = 120_000): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile('/bin/sh', ['-c', line], { cwd: clone, env: newcomerEnv(), encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = (error as { code?: unknown } | null)?.code;
      resolve({ status: error ? (typeof code === 'number' ? code : null) : 0, stdout, stderr });
    });
    child.stdin?.end();
  });
}

const shown = (r: Run) => `exit ${r.status}\nstdout (end):\n${r.stdout.slice(-3000)}\nstderr (end):\n${r.stderr.slice(-3000)}`;

/** The JSON report at the end of stdout (npm prints its own lines before it). */
function report(r: Run): { kind?: unknown; pods?: unknown[] } {
  const start = r.stdout.search(/^\{$/m);
  assert.ok(start >= 0, `no JSON document on stdout:\n${shown(r)}`);
  return JSON.parse(r.stdout.slice(start)) as { kind?: unknown; pods?: unknown[] };
}

const BUILDING = /^Building dist\//m;

describe('first run on a fresh clone, as README says', { skip: isCheckout ? false : 'not a git checkout', timeout: 20 * 60_000 }, () => {
  const [firstLine] = setupCommands();
  let first: Run;

  before(async () => {
    const cloned = await new Promise<Run>((resolve) =>
      execFile('git', ['clone', '--quiet', ROOT, clone], { encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => resolve({ status: error ? 1 : 0, stdout, stderr })),
    );
    assert.equal(cloned.status, 0, shown(cloned));
    assert.ok(firstLine?.endsWith('npm run demo'), `README's first line should end with \`npm run demo\`: ${firstLine}`);
    first = await sh(`${firstLine} -- --json`, 15 * 60_000);
  });

  test("README's first line, with the demo's --json face, installs, builds once and prints the report", () => {
    assert.equal(first.status, 0, shown(first));
    const document = report(first);
    assert.equal(document.kind, 'FargatePlacementReport');
    assert.ok(Array.isArray(document.pods) && document.pods.length > 0, 'the demo cluster has pods');
    assert.match(first.stderr, BUILDING, 'the first start builds dist/');
  });

  test('the set-up warns of nothing but the EBADENGINE notices README explains', () => {
    const npmLines = first.stderr.split('\n').filter((line) => /^npm (warn|error|ERR)/i.test(line));
    assert.deepEqual(
      npmLines.filter((line) => !/^npm warn EBADENGINE /.test(line)),
      [],
      'npm warned of something else',
    );
    if (npmLines.length > 0) assert.match(readFileSync(join(ROOT, 'README.md'), 'utf8'), /`EBADENGINE` warnings: .*harmless/s);
  });

  test('a second start does not rebuild; the faces work through `npm run demo -- ARGS`', async () => {
    const json = await sh('npm run demo -- --json');
    assert.equal(json.status, 0, shown(json));
    assert.equal(report(json).kind, 'FargatePlacementReport');
    assert.doesNotMatch(json.stderr, BUILDING, 'rebuilt although nothing changed');

    // `check` exits 1 when pods need rescheduling (the demo has some).
    const check = await sh('npm run demo -- check');
    assert.equal(check.status, 1, shown(check));
    assert.match(check.stdout, /VERDICT/);
    assert.match(check.stderr, /pods? needs? rescheduling/);

    const wide = await sh('npm run demo -- -o wide --no-headers');
    assert.equal(wide.status, 0, shown(wide));
    assert.doesNotMatch(wide.stdout, /NODE-TYPE/);
    assert.match(wide.stdout, /Fargate/);

    const dryRun = await sh('npm run demo -- reschedule --all -A --dry-run');
    assert.equal(dryRun.status, 0, shown(dryRun));
    assert.match(dryRun.stdout, /METHOD/);
  });

  test('with no arguments, `npm run demo` starts the live view', { skip: hasTmux() ? false : 'tmux is not installed' }, async () => {
    const tui = new TmuxSession(['sh', '-c', `cd '${clone}' && exec npm run demo`], { PATH: newcomerEnv().PATH! });
    try {
      await tui.waitFor((screen) => /Namespaces \[\d+\]/.test(screen) && /\d+ pods │/.test(screen), 60_000, 'the namespaces view');
      await tui.press('q');
      await tui.waitForExit(20_000, 'q to end the demo');
    } finally {
      tui.kill();
    }
  });
});
