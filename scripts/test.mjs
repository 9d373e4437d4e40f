// Runs test tiers (scripts/test-tiers.mjs) with node's test runner through tsx:
//   node scripts/test.mjs all|fast|sim|slow... [-- more node --test flags, e.g. --test-name-pattern=x]
// Every tier but `fast` alone runs each file in its own process, two at a time, as `npm test`
// always has. `fast` alone shares processes instead: its files load the same big libraries (ink,
// React, client-node), and loading them once per process rather than once per file halves its
// CPU time. Two processes, with the files dealt alternately, keep both cores busy. A fast test must
// therefore leave no global state behind (npm test would not notice; test:fast would).
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { filesOf, RUNNER_GUARDS, TIERS } from './test-tiers.mjs';

const root = join(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const tiers = dash < 0 ? argv : argv.slice(0, dash);
const extra = dash < 0 ? [] : argv.slice(dash + 1);

const unknown = tiers.filter((t) => t !== 'all' && !TIERS.includes(t));
if (tiers.length === 0 || unknown.length > 0) {
  process.stderr.write(`usage: node scripts/test.mjs all|${TIERS.join('|')}... [-- node --test flags]${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}\n`);
  process.exit(2);
}

const files = filesOf(root, tiers);
const shared = tiers.length === 1 && tiers[0] === 'fast';
const shards = shared ? [files.filter((_, i) => i % 2 === 0), files.filter((_, i) => i % 2 === 1)].filter((s) => s.length > 0) : [files];
const isolation = shared ? ['--test-isolation=none'] : ['--test-concurrency=2'];

const env = { ...process.env };
// UI tests import test/ui/force-color.ts before ink so frames carry colours; in a shared process
// chalk reads the environment once, for whichever file loads it first, so set it for all.
if (shared) env.FORCE_COLOR = '1';
if (!shared) {
  // Tests that run dist/cli.js need it built from these sources: check once here (a content
  // stamp, quick when fresh) instead of in every test process (test/helpers/cli.ts).
  const buildEnv = { ...process.env };
  delete buildEnv.KF_OUTDIR;
  try {
    execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: root, env: buildEnv, stdio: 'inherit' });
  } catch {
    process.stderr.write('the build of dist/ failed (above); no tests were run\n');
    process.exit(1);
  }
  env.KF_TEST_DIST_FRESH = '1';
}

const runs = shards.map(
  (shard) =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--test', ...isolation, ...RUNNER_GUARDS, ...extra, ...shard], { cwd: root, env, stdio: 'inherit' });
      child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    }),
);
const codes = await Promise.all(runs);
process.exitCode = codes.find((code) => code !== 0) ?? 0;
