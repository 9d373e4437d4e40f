// `npm run bench` rows for a newcomer's `npm run demo`: from typing it to the live view's first
// frame (the namespaces view with the pods counted), once right after a source change (it
// rebuilds dist/) and on later starts. It runs as typed in a shell (npm on the system Node, the
// scripts on the pinned Node 24), in a pseudo-terminal from `script` (util-linux) so ink draws.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { forgetBuild } from './build-stamp.mjs';
import { newcomerEnv } from '../test/helpers/newcomer-env.js';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FIRST_FRAME = (screen: string) => /Namespaces \[\d+\]/.test(screen) && /\d+ pods │/.test(screen);

/** Seconds from starting `npm run demo` until its first frame; then quits it with `q`. */
function demoToFirstFrame(): Promise<number> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...newcomerEnv(), TERM: 'xterm-256color' };
    delete env.CI; // ink draws nothing under CI
    const start = performance.now();
    const child = spawn('script', ['-qfec', 'stty cols 120 rows 30; exec npm run demo', '/dev/null'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'ignore'], detached: true });
    let output = '';
    let seconds: number | undefined;
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGTERM'), 120_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (seconds !== undefined || !FIRST_FRAME(stripVTControlCharacters(output))) return;
      seconds = (performance.now() - start) / 1000;
      child.stdin.write('q');
    });
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      if (seconds === undefined) reject(new Error(`npm run demo showed no first frame:\n${stripVTControlCharacters(output).slice(-2000)}`));
      else resolve(seconds);
    });
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** [measure, wall s, peak MB, vs floor, target]: the bench table's columns. */
export async function benchDemo(): Promise<string[][]> {
  // As after an edit: the stamp no longer matches, so this start rebuilds dist/.
  await forgetBuild(ROOT, 'dist');
  const afterChange = await demoToFirstFrame();
  const later: number[] = [];
  for (let i = 0; i < RUNS; i++) later.push(await demoToFirstFrame());
  return [
    ['npm run demo: start → first frame, after a source change (builds)', afterChange.toFixed(2), '', '', 'info'],
    [`npm run demo: start → first frame, second start (median of ${RUNS})`, median(later).toFixed(2), '', '', '<= 1.5 s'],
  ];
}

// Run on its own: `npx tsx scripts/bench-demo.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await benchDemo()) console.log(row.filter(Boolean).join('  '));
}
