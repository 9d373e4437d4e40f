// `npm run bench` rows for the live view at a large cluster (default 50k pods), run in a process of
// its own so that its peak memory is the live view's alone (the in-process rows share the bench's
// heap with the sims): first full frame, key press → frame and watch event → frame, and the peak
// memory beside `--json`'s at the same size (target <= 2x). The store is filled with synthetic
// records (test/helpers/scene.ts), not listed from a sim: the first frame is from a full store.
// Then the churn run (bench-tui-churn.ts): BENCH_CHURN_SECONDS long, 60 unless set (0: none).
// Alone: `npx tsx scripts/bench-tui-process.ts` (BENCH_TUI_LARGE_PODS=2000 BENCH_CHURN_SECONDS=5 for a smoke).
import { measureWithOutput } from './bench-measure.js';

type BenchRow = [string, string, string, string, string];

export async function benchTuiProcess(pods: number, jsonPeakMb: number | null): Promise<BenchRow[]> {
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_PODS: String(pods), BENCH_TUI_JSON: '1', BENCH_CHURN_SECONDS: process.env.BENCH_CHURN_SECONDS ?? '60' };
  const run = await measureWithOutput([process.execPath, '--import', 'tsx', 'scripts/bench-tui.tsx'], env);
  const rows = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as BenchRow[];
  const ratio = jsonPeakMb ? `${(run.peakMb / jsonPeakMb).toFixed(2)}x of --json's peak` : '';
  return [...rows, [`TUI ${pods} pods: peak memory (a process of its own)`, '', run.peakMb.toFixed(0), ratio, jsonPeakMb ? '<= 2x' : 'info']];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await benchTuiProcess(Number(process.env.BENCH_TUI_LARGE_PODS ?? 50_000), null)) console.log(row.filter(Boolean).join('  '));
  process.exit(0);
}
