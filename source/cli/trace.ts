// KUBECTL_FARGATE_TRACE=1 prints each stage's time and memory to stderr (for `npm run bench`
// investigations and bug reports). Off by default; costs one env lookup.

const enabled = Boolean(process.env.KUBECTL_FARGATE_TRACE);

export function trace(stage: string): void {
  if (!enabled) return;
  const m = process.memoryUsage();
  const mb = (n: number) => Math.round(n / 1e6);
  const usage = process.resourceUsage();
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  process.stderr.write(
    `trace ${stage}: ${Math.round(performance.now())} ms (cpu ${cpuMs} ms), rss ${mb(m.rss)} MB (peak ${mb(usage.maxRSS * 1024)}), heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} MB, external ${mb(m.external)} MB\n`,
  );
}
