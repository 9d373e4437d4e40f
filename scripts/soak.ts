// `npm run soak`: the live path under steady churn for SOAK_MINUTES (default 30) against the sim,
// with watch drops, profile changes and one 30 s API server outage. Prints a row per sample
// (SOAK_SAMPLE_SECONDS, default 60) and exits 1 if memory or sockets grew beyond start-up noise,
// the view did not converge, or the outage took more than 5 s to recover from.
import { judgeSoak, runSoak, type SoakSample } from './soak/run-soak.js';

const minutes = Number(process.env.SOAK_MINUTES ?? 30);
const sampleSeconds = Number(process.env.SOAK_SAMPLE_SECONDS ?? (minutes >= 5 ? 60 : 10));
if (!(minutes > 0) || !(sampleSeconds > 0)) {
  process.stderr.write('soak: SOAK_MINUTES and SOAK_SAMPLE_SECONDS must be positive numbers\n');
  process.exit(2);
}
const durationMs = minutes * 60_000;
const outageMs = 30_000;

const header = ['minute', 'rss MB', 'heap MB', 'heap total', 'external', 'sockets', 'watches', 'failures', 'views', 'pods store/sim', 'k8s'];
const widths = [7, 7, 8, 10, 9, 8, 8, 9, 7, 15, 12];
const row = (cells: string[]) => `${cells.map((c, i) => c.padStart(widths[i]!)).join('  ')}\n`;
process.stdout.write(
  `soak: ${minutes} min, a sample every ${sampleSeconds} s, pods churned every 5 ms, watches dropped every 10 s, profiles replaced every 20 s` +
    `${durationMs >= 2 * outageMs ? `, API server down for ${outageMs / 1000} s at ${(durationMs * 0.4 / 60_000).toFixed(1)} min` : ''}\n\n`,
);
process.stdout.write(row(header));

const result = await runSoak({
  durationMs,
  sampleEveryMs: sampleSeconds * 1000,
  ...(durationMs >= 2 * outageMs ? { outage: { atMs: Math.round(durationMs * 0.4), forMs: outageMs } } : {}),
  onSample: (s: SoakSample) =>
    process.stdout.write(
      row([
        (s.atMs / 60_000).toFixed(1),
        s.rssMb.toFixed(0),
        s.heapMb.toFixed(1),
        s.heapTotalMb.toFixed(0),
        s.externalMb.toFixed(0),
        String(s.sockets),
        String(s.watches),
        String(s.failures),
        String(s.views),
        `${s.storePods}/${s.simPods}`,
        s.connection,
      ]),
    ),
});

process.stdout.write(`\n${result.totalWatches} watches and ${result.totalLists} lists in all\n`);
const verdict = judgeSoak(result, { warmupMs: Math.min(5 * 60_000, durationMs / 4) });
process.stdout.write(`${verdict.lines.join('\n')}\n`);
process.exit(verdict.ok ? 0 : 1);
