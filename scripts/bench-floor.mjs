// The floor for any Node client: page through every pod (limit=500) and JSON.parse each page,
// keeping nothing. Usage: BENCH_URL=http://127.0.0.1:PORT BENCH_TOKEN=... node bench-floor.mjs
const base = process.env.BENCH_URL;
const headers = { Authorization: `Bearer ${process.env.BENCH_TOKEN}`, Accept: 'application/json' };
let next = '';
let count = 0;
do {
  const url = `${base}/api/v1/pods?limit=500${next ? `&continue=${encodeURIComponent(next)}` : ''}`;
  const response = await fetch(url, { headers });
  const page = JSON.parse(await response.text());
  count += page.items.length;
  next = page.metadata?.continue ?? '';
} while (next);
process.stdout.write(`${count}\n`);
