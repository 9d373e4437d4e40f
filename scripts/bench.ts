// `npm run bench`: speed and memory of kubectl-fargate against the simulated cluster, beside
// anchors measured on the same server. Prints a table with each target; asserts nothing.
// BENCH_PODS=10000,20000 (full rows), BENCH_LARGE_PODS=50000 (`--json` alone; 0 skips),
// BENCH_TUI_LARGE_PODS=50000 (the live view in a process of its own, with its peak memory; 0 skips),
// BENCH_CONTEXTS=20 and BENCH_CONTEXT_PODS=1000 (--all-contexts over that many clusters; 0 skips),
// BENCH_RUNS=5 (medians), KF_OUTDIR=dist (the bundle measured).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startSim } from '../source/sim/index.js';
import { median, medianOf, medianOfTurns, type Measure } from './bench-measure.js';
import { stageRow } from './bench-stages.js';

const POD_COUNTS = (process.env.BENCH_PODS ?? '10000').split(',').map(Number);
// `--json` alone at a larger cluster (issue 6: it completes; its peak memory is recorded).
// kubectl is left out there: ~1 min and ~7 GB at 50k pods. BENCH_LARGE_PODS=0 skips it.
const LARGE_PODS = Number(process.env.BENCH_LARGE_PODS ?? 50000);
const node = process.execPath;
// The bundle `npm run build` wrote (KF_OUTDIR builds elsewhere, e.g. beside a concurrent build).
const cli = `${process.env.KF_OUTDIR ?? 'dist'}/cli.js`;

/** Median start-up time in ms, timed from here (GNU time has only 10 ms resolution). */
function startupMs(args: string[], runs = 15, command = node): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    spawnSync(command, args, { stdio: 'ignore' });
    times.push(performance.now() - start);
  }
  return median(times);
}

const rows: string[][] = [];
const row = (...cells: string[]) => rows.push(cells);

/** `--json`'s peak memory by pod count, for the live view's row at the same size. */
const jsonPeaks = new Map<number, number>();

/** `--json` beside the floor (and kubectl) on one simulated cluster of `pods` generated pods. */
async function benchJson(pods: number, { kubectl }: { kubectl: boolean }): Promise<void> {
  jsonPeaks.delete(pods);
  const sim = await startSim({ scenario: 'empty', generate: { pods, seed: 1 }, controllers: false });
  try {
    const env = { ...process.env, ...sim.env };
    delete env.CI;
    // The floor sends the sim's token itself (the sim's plain-http kubeconfig carries none).
    const token = sim.token;
    const [floor, ours] = (await medianOfTurns([
      { command: [node, 'scripts/bench-floor.mjs'], env: { ...env, BENCH_URL: sim.url, BENCH_TOKEN: token } },
      { command: [node, cli, '--json', '--kubeconfig', sim.kubeconfigPath], env },
    ])) as [Measure, Measure];
    const ratio = (m: Measure) => `${(m.wallS / floor.wallS).toFixed(2)}x / ${(m.peakMb / floor.peakMb).toFixed(2)}x`;
    jsonPeaks.set(pods, ours.peakMb);
    // Issue 16's targets: 1.2x at 10k pods, 1.3x at 50k (both time and memory).
    const target = pods <= 10_000 ? '<= 1.2x / 1.2x' : pods <= 50_000 ? '<= 1.3x / 1.3x' : 'completes; info';
    row(`${pods} pods: kubectl fargate --json`, ours.wallS.toFixed(2), ours.peakMb.toFixed(0), ratio(ours), target);
    // Where its time goes, stage by stage (KUBECTL_FARGATE_TRACE), beside the floor's whole run.
    rows.push(await stageRow(`${pods} pods: --json stages (s)`, [node, cli, '--json', '--kubeconfig', sim.kubeconfigPath], env, floor.wallS));
    if (kubectl) {
      const measured = await medianOf(['kubectl', 'get', 'pods', '-A', '-o', 'json', '--kubeconfig', sim.kubeconfigPath], env, 1);
      row(`${pods} pods: kubectl get pods -A -o json`, measured.wallS.toFixed(2), measured.peakMb.toFixed(0), ratio(measured), 'anchor');
    }
    row(`${pods} pods: floor (bare paged list + JSON.parse)`, floor.wallS.toFixed(2), floor.peakMb.toFixed(0), '1.00x / 1.00x', 'anchor');
  } finally {
    await sim.close();
  }
}

for (const pods of POD_COUNTS) await benchJson(pods, { kubectl: true });
if (LARGE_PODS > 0 && !POD_COUNTS.includes(LARGE_PODS)) await benchJson(LARGE_PODS, { kubectl: false });

row('start-up: kubectl fargate --version (median)', (startupMs([cli, '--version']) / 1000).toFixed(3), '', '', '< 0.150 s');
row('start-up: kubectl fargate --help (median)', (startupMs([cli, '--help']) / 1000).toFixed(3), '', '', '< 0.150 s');
row('start-up: node -e 0 (median)', (startupMs(['-e', '0']) / 1000).toFixed(3), '', '', 'anchor');
// The self-contained executable for this machine, when `npm run release` has built one.
const executable = `release/build/${process.platform === 'win32' ? 'windows' : process.platform}_${process.arch === 'x64' ? 'amd64' : process.arch}/kubectl-fargate`;
if (existsSync(executable)) {
  row('start-up: executable --version (median)', (startupMs(['--version'], 15, executable) / 1000).toFixed(3), '', '', 'info (npm run release)');
}

// Several clusters at once (issue 16): BENCH_CONTEXTS clusters of BENCH_CONTEXT_PODS pods.
const CONTEXTS = Number(process.env.BENCH_CONTEXTS ?? 20);
const CONTEXT_PODS = Number(process.env.BENCH_CONTEXT_PODS ?? 1000);
if (CONTEXTS > 0 && CONTEXT_PODS > 0) {
  const { benchContexts } = await import('./bench-contexts.js');
  rows.push(...(await benchContexts(CONTEXTS, CONTEXT_PODS, cli)));
}

// The live view at a large cluster, in a process of its own (its peak memory beside --json's).
const TUI_LARGE_PODS = Number(process.env.BENCH_TUI_LARGE_PODS ?? 50000);
if (TUI_LARGE_PODS > 0) {
  const { benchTuiProcess } = await import('./bench-tui-process.js');
  rows.push(...(await benchTuiProcess(TUI_LARGE_PODS, jsonPeaks.get(TUI_LARGE_PODS) ?? null)));
}

// A newcomer's `npm run demo`, from typing it to the first frame (before bench-tui's environment).
const { benchDemo } = await import('./bench-demo.js');
rows.push(...(await benchDemo()));

// Last: it renders in this process, with React's production build and colours forced (both set
// through process.env, which the commands above must not inherit).
const { benchTui } = await import('./bench-tui.js');
for (const pods of POD_COUNTS) rows.push(...(await benchTui(pods)));

const header = ['measure', 'wall s', 'peak MB', 'vs floor (time / memory)', 'target'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
process.exit(0);
