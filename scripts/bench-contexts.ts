// `npm run bench` rows for several clusters at once: `--all-contexts --json` over N simulated
// clusters of P pods each, beside `--context ONE --json` on one such cluster (target: at most 3x its
// wall time), and the floor over the same clusters beside the floor over one. Every sim serves
// from this process, like the one-cluster rows. EKS is not consulted
// (--no-aws) in either run: the AWS SDK has one EKS endpoint, and the sims each serve their own.
// BENCH_CONTEXTS=20 clusters, BENCH_CONTEXT_PODS=1000 pods each (0 skips); run alone with
// `npx tsx scripts/bench-contexts.ts` (e.g. BENCH_CONTEXTS=2 BENCH_CONTEXT_PODS=50 BENCH_RUNS=1).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { startSim, type RunningSim } from '../source/sim/index.js';
import { medianOfTurns, type Measure } from './bench-measure.js';

/** [measure, wall s, peak MB, vs floor, target]: the bench table's columns. */
type BenchRow = [string, string, string, string, string];

export async function benchContexts(clusters: number, pods: number, cli: string): Promise<BenchRow[]> {
  const sims: RunningSim[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'kf-bench-contexts-'));
  try {
    // One at a time: generating pods is CPU work in this process.
    for (let i = 0; i < clusters; i++) sims.push(await startSim({ scenario: 'empty', generate: { pods, seed: i + 1 }, controllers: false, clusterName: `bench-${i}` }));
    const names = sims.map((_, i) => `bench-${String(i).padStart(2, '0')}`);
    const kubeconfig = join(dir, 'config');
    writeFileSync(
      kubeconfig,
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: sims.map((sim, i) => ({ name: names[i], cluster: { server: sim.url } })),
        users: [{ name: 'anonymous', user: {} }],
        contexts: names.map((name) => ({ name, context: { cluster: name, user: 'anonymous' } })),
        'current-context': names[0],
      }),
    );
    const env: NodeJS.ProcessEnv = { ...process.env, KUBECONFIG: kubeconfig };
    delete env.CI;
    // The floor (a bare paged list + JSON.parse) over the same clusters, 4 at a time, and over one:
    // how much of the ratio is this machine's (the sims share its cores with the client).
    const floor = (urls: RunningSim[]) => ({
      command: [process.execPath, 'scripts/bench-floor.mjs'],
      env: { ...env, BENCH_URL: urls.map((sim) => sim.url).join(','), BENCH_TOKEN: urls.map((sim) => sim.token).join(','), BENCH_CONCURRENCY: '4' },
    });
    const [one, all, floorOne, floorAll] = (await medianOfTurns([
      { command: [process.execPath, cli, '--json', '--no-aws', '--context', names[0]!], env },
      { command: [process.execPath, cli, '--json', '--no-aws', '--all-contexts'], env },
      floor(sims.slice(0, 1)),
      floor(sims),
    ])) as [Measure, Measure, Measure, Measure];
    const label = `${clusters} clusters x ${pods} pods`;
    const ofOne = (m: Measure, base: Measure) => `${(m.wallS / base.wallS).toFixed(2)}x of one cluster`;
    return [
      [`${label}: --all-contexts --json (concurrency 4)`, all.wallS.toFixed(2), all.peakMb.toFixed(0), ofOne(all, one), '<= 3x'],
      [`${pods} pods: --context ONE --json (the one cluster)`, one.wallS.toFixed(2), one.peakMb.toFixed(0), '1.00x', 'anchor'],
      [`${label}: floor, 4 at a time`, floorAll.wallS.toFixed(2), floorAll.peakMb.toFixed(0), ofOne(floorAll, floorOne), 'anchor'],
      [`${pods} pods: floor, one cluster`, floorOne.wallS.toFixed(2), floorOne.peakMb.toFixed(0), '1.00x', 'anchor'],
      // What the machine must do for the first row: the client's CPU and the simulated servers'
      // (they serve from this process), against the cores there are.
      [`${label}: CPU s, client + simulated servers`, '', '', `${all.cpuS.toFixed(2)} + ${all.serverCpuS.toFixed(2)} on ${availableParallelism()} cores`, `info (3x = ${(3 * one.wallS).toFixed(2)} s)`],
    ];
  } finally {
    await Promise.all(sims.map((sim) => sim.close()));
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run on its own (the bundle must be built: npm run build).
if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchContexts(Number(process.env.BENCH_CONTEXTS ?? 20), Number(process.env.BENCH_CONTEXT_PODS ?? 1000), `${process.env.KF_OUTDIR ?? 'dist'}/cli.js`);
  for (const row of rows) console.log(row.filter(Boolean).join('  '));
  process.exit(0);
}
