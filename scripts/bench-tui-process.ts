// `npm run bench` rows for the live view at a large cluster (default 50k pods), run in a process of
// its own so that its peak memory is the live view's alone (the in-process rows share the bench's
// heap with the sims): first full frame, key press → frame and watch event → frame, and the peak
// memory beside `--json`'s at the same size (target <= 2x; the median of 3 runs without churn).
// The store is filled with synthetic records (test/helpers/scene.ts), not listed from a sim: the
// first frame is from a full store.
// Then the churn run (bench-tui-churn.ts): BENCH_CHURN_SECONDS long, 60 unless set (0: none).
// Alone: `npx tsx scripts/bench-tui-process.ts` (BENCH_TUI_LARGE_PODS=2000 BENCH_CHURN_SECONDS=5 for a smoke).
import { measureWithOutput, median } from './bench-measure.js';

type BenchRow = [string, string, string, string, string];

export async function benchTuiProcess(pods: number, jsonPeakMb: number | null): Promise<BenchRow[]> {
  const run = (churnSeconds: string) =>
    measureWithOutput([process.execPath, '--import', 'tsx', 'scripts/bench-tui.tsx'], { ...process.env, BENCH_PODS: String(pods), BENCH_TUI_JSON: '1', BENCH_CHURN_SECONDS: churnSeconds });
  const rowsOf = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as BenchRow[];
  // The peak is the median of 3 runs without churn: one run's peak RSS moved by 1.7x between
  // runs (V8 grows the heap ahead of a late full collection), the heap after GC did not.
  const plain = [await run('0'), await run('0'), await run('0')];
  const peak = median(plain.map((r) => r.peakMb));
  const ratio = (mb: number) => (jsonPeakMb ? `${(mb / jsonPeakMb).toFixed(2)}x of --json's peak` : '');
  const rows = [...rowsOf(plain[0]!.stdout), [`TUI ${pods} pods: peak memory (a process of its own, median of 3)`, '', peak.toFixed(0), ratio(peak), jsonPeakMb ? '<= 2x' : 'info'] as BenchRow];
  const churnSeconds = process.env.BENCH_CHURN_SECONDS ?? '60';
  if (churnSeconds === '0') return rows;
  const churn = await run(churnSeconds);
  const churnRows = rowsOf(churn.stdout).filter(([measure]) => measure.includes('churn'));
  return [...rows, ...churnRows, [`TUI ${pods} pods, churn run: peak memory (one run)`, '', churn.peakMb.toFixed(0), ratio(churn.peakMb), 'info']];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await benchTuiProcess(Number(process.env.BENCH_TUI_LARGE_PODS ?? 50_000), null)) console.log(row.filter(Boolean).join('  '));
  process.exit(0);
}
