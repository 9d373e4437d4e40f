import { writeHeapSnapshot } from 'node:v8';
import { runSoak } from './scripts/soak/run-soak.js';
let i = 0;
await runSoak({ durationMs: 240_000, sampleEveryMs: 30_000, pods: 300, churnEveryMs: 1e9, dropEveryMs: 150, profileEveryMs: 0, pollProfilesEveryMs: 1e9,
  onSample: (s) => { i++; console.log(i, s.heapMb.toFixed(2)); if (i === 3) writeHeapSnapshot('/tmp/hx/a.heapsnapshot'); if (i === 8) writeHeapSnapshot('/tmp/hx/b.heapsnapshot'); } });
