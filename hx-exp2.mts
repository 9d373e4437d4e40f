import { writeHeapSnapshot, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readFileSync, rmSync } from 'node:fs';
import { startSim } from './source/sim/index.js';
import { loadKubeConfig } from './source/sources/kubeconfig.js';
import { inferClusterIdentity } from './source/sources/identity.js';
import { Reflector } from './source/sources/reflector.js';
import { ClusterStore } from './source/store/cluster-store.js';
setFlagsFromString('--expose-gc'); const gc = runInNewContext('gc');
const sim = await startSim({ generate: { pods: 50 } });
const { kc, contextName } = loadKubeConfig({ kubeconfig: sim.kubeconfigPath, env: {} });
const store = new ClusterStore(inferClusterIdentity(kc, contextName));
store.subscribe(() => {});
const r = new Reflector(kc, store).start();
const drop = setInterval(() => sim.faults.dropWatches(), 100);
function counts(file: string) {
  const snap = JSON.parse(readFileSync(file, 'utf8'));
  const f = snap.snapshot.meta.node_fields; const n = f.length; const nodes = snap.nodes; const strings = snap.strings;
  const types = snap.snapshot.meta.node_types[0];
  const m = new Map<string, number>();
  for (let i = 0; i < nodes.length; i += n) { const t = types[nodes[i]]; const name = strings[nodes[i + 1]]; const k = `${t}:${name}`.slice(0, 80); m.set(k, (m.get(k) ?? 0) + 1); }
  rmSync(file); return m;
}
await new Promise((res) => setTimeout(res, 15000));
gc(); const w1 = r.stats.watches; const a = counts(writeHeapSnapshot('/tmp/hx/a.heapsnapshot'));
await new Promise((res) => setTimeout(res, 45000));
gc(); const w2 = r.stats.watches; const b = counts(writeHeapSnapshot('/tmp/hx/b.heapsnapshot'));
console.log('watches between', w2 - w1);
const d = [...b].map(([k, v]) => [k, v - (a.get(k) ?? 0)] as const).filter(([, v]) => v > 20).sort((x, y) => y[1] - x[1]).slice(0, 40);
for (const [k, v] of d) console.log(v, k);
clearInterval(drop); await r.stop(); store.dispose(); await sim.close();
