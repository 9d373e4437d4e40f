import { runSoak } from './scripts/soak/run-soak.js';
const which = process.argv[2];
const opts = which === 'drops'
  ? { churnEveryMs: 1e9, dropEveryMs: 150, profileEveryMs: 0, pollProfilesEveryMs: 1e9 }
  : { churnEveryMs: 1e9, dropEveryMs: 0, profileEveryMs: 0, pollProfilesEveryMs: 100 };
const r = await runSoak({ durationMs: Number(process.env.D ?? 90_000), sampleEveryMs: Number(process.env.S ?? 15_000), pods: 300, ...opts });
for (const s of r.samples) console.log(which, (s.atMs/1000).toFixed(0), 'heap', s.heapMb.toFixed(2), 'rss', s.rssMb.toFixed(0), 'watches', s.watches, 'sockets', s.sockets);
console.log('total watches', r.totalWatches);
