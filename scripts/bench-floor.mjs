// The floor for any Node client: page through every pod (limit=500) and JSON.parse each page,
// keeping nothing. Usage: BENCH_URL=http://127.0.0.1:PORT BENCH_TOKEN=... node bench-floor.mjs
// Several clusters: BENCH_URL=url1,url2,... (BENCH_TOKEN=token1,token2,... or one for all), read
// BENCH_CONCURRENCY (4) at a time, as --contexts does.
const urls = (process.env.BENCH_URL ?? '').split(',');
const tokens = (process.env.BENCH_TOKEN ?? '').split(',');
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);

async function listPods(base, token) {
  const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  let next = '';
  let count = 0;
  do {
    const url = `${base}/api/v1/pods?limit=500${next ? `&continue=${encodeURIComponent(next)}` : ''}`;
    const response = await fetch(url, { headers });
    const page = JSON.parse(await response.text());
    count += page.items.length;
    next = page.metadata?.continue ?? '';
  } while (next);
  return count;
}

let count = 0;
let at = 0;
const worker = async () => {
  while (at < urls.length) {
    const i = at++;
    count += await listPods(urls[i], tokens[i] ?? tokens[0]);
  }
};
await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker));
process.stdout.write(`${count}\n`);
