import { readFileSync } from 'node:fs';
function agg(file: string) {
  const snap = JSON.parse(readFileSync(file, 'utf8'));
  const fields: string[] = snap.snapshot.meta.node_fields; const n = fields.length;
  const ti = fields.indexOf('type'), ni = fields.indexOf('name'), si = fields.indexOf('self_size');
  const types: string[] = snap.snapshot.meta.node_types[0]; const nodes: number[] = snap.nodes; const strings: string[] = snap.strings;
  const m = new Map<string, [number, number]>();
  for (let i = 0; i < nodes.length; i += n) {
    const t = types[nodes[i + ti]!]!; let name = strings[nodes[i + ni]!]!;
    if (t.includes('string')) name = name.slice(0, 60).replace(/\n/g, ' ');
    const k = `${t}|${name}`; const e = m.get(k) ?? [0, 0]; e[0]++; e[1] += nodes[i + si]!; m.set(k, e);
  }
  return m;
}
const a = agg('/tmp/hx/a.heapsnapshot'), b = agg('/tmp/hx/b.heapsnapshot');
const d = [...b].map(([k, [c, sz]]) => [k, c - (a.get(k)?.[0] ?? 0), sz - (a.get(k)?.[1] ?? 0)] as const).sort((x, y) => y[2] - x[2]).slice(0, 30);
for (const [k, c, sz] of d) console.log(sz, c, k);
