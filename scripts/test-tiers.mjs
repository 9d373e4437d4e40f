// Which test files each `npm run test:*` tier runs, decided by folder and file name alone, so a new
// file lands in a tier without a list to update (test/architecture/test-tiers.test.ts checks it):
//   slow  test/soak, test/faults, test/release, test/e2e, and any *.e2e.test.ts
//   sim   test/sim, and any *.sim.test.ts (starts the sim in-process) or *.cli.test.ts (runs dist/cli.js)
//   fast  everything else: pure functions, the store, view-model, report and UI components
// `npm test` runs all three.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const TIERS = ['fast', 'sim', 'slow'];

/**
 * node --test flags for every run. A hang must fail the run in minutes, not use up CI's 90: no
 * test may take 10 minutes (slower ones say so with their own `timeout`), and a test file's
 * process still alive after 15 minutes ends with exit 1 (scripts/test-watchdog.mjs), as when a
 * failed test's clean-up did not run and a sim kept it alive. Not --test-force-exit: it ends a
 * file before the tests it registers after a top-level await (test/architecture/test-runner-guards.test.ts).
 */
export const RUNNER_GUARDS = ['--test-timeout=600000', '--import', pathToFileURL(join(import.meta.dirname, 'test-watchdog.mjs')).href];

const SLOW_DIRS = ['soak', 'faults', 'release', 'e2e'];

/** The tier of a test file, from its path relative to the repository root (e.g. test/ui/views.test.tsx). */
export function tierOf(file) {
  const parts = file.split(/[\\/]/);
  const name = parts.at(-1) ?? '';
  if (SLOW_DIRS.includes(parts[1] ?? '') || /\.e2e\.test\.tsx?$/.test(name)) return 'slow';
  if (parts[1] === 'sim' || /\.(sim|cli)\.test\.tsx?$/.test(name)) return 'sim';
  return 'fast';
}

/** Every test file under test/, relative to `root`, sorted. */
export function testFiles(root) {
  return readdirSync(join(root, 'test'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.test\.tsx?$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The files of the named tiers ('all' = every tier), in testFiles order. */
export function filesOf(root, tiers) {
  const wanted = new Set(tiers.includes('all') ? TIERS : tiers);
  return testFiles(root).filter((file) => wanted.has(tierOf(file)));
}
