// KUBECTL_FARGATE_TRACE=1 prints each stage's time and memory to stderr (for `npm run bench`
// investigations and bug reports). Off by default; costs one env lookup.

const enabled = Boolean(process.env.KUBECTL_FARGATE_TRACE);

export function trace(stage: string): void {
  if (!enabled) return;
  const m = process.memoryUsage();
  const mb = (n: number) => Math.round(n / 1e6);
  process.stderr.write(
    `trace ${stage}: ${Math.round(performance.now())} ms, rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} MB, external ${mb(m.external)} MB\n`,
  );
}
