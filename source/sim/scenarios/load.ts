// Replay a scenario into a fresh SimCluster with the clock set back to each step's time, running
// all queued control-plane work at once. The caller compacts history afterwards (startSim does), so resourceVersions from
// the load answer 410 on watch, as they would on a long-running real cluster.
import type { SimCluster } from '../cluster.js';
import { finishCreate } from '../eks/lifecycle.js';
import { resourceByKind } from '../kube/resources.js';
import { parseAgo } from '../time.js';
import type { Scenario } from './types.js';

export function loadScenario(cluster: SimCluster, scenario: Scenario): void {
  const { clock } = cluster.ctx;
  // CREATING profiles that finish later: timed from the moment the cluster goes live.
  const finishing: { name: string; inMs: number }[] = [];
  clock.hold();
  try {
    for (const n of scenario.nodes ?? []) {
      clock.setAgo(parseAgo(n.ago ?? '90d'));
      const { ago: _ago, ...spec } = n;
      cluster.addNode(spec);
    }
    for (const step of scenario.steps) {
      clock.setAgo(parseAgo(step.ago));
      for (const c of step.pause ?? []) cluster.pause(c);
      for (const ns of step.namespaces ?? []) {
        if (cluster.get('namespaces', '', ns) === undefined) cluster.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
      }
      for (const { finishesIn, ...p } of step.profiles ?? []) {
        cluster.createProfile({ createdAt: clock.now(), ...p });
        if (finishesIn !== undefined && p.status === 'CREATING') finishing.push({ name: p.name, inMs: parseAgo(finishesIn) });
      }
      for (const name of step.deleteProfiles ?? []) cluster.deleteProfile(name);
      clock.settle();
      if (step.apply !== undefined) cluster.apply(step.apply);
      for (const p of step.patch ?? []) {
        const def = resourceByKind(p.apiVersion ?? 'apps/v1', p.kind);
        if (def === undefined) throw new Error(`sim: scenario patch of unknown kind ${p.kind}`);
        cluster.ctx.api.patch(def.id, p.namespace, p.name, p.patch, 'merge');
      }
      for (const o of step.insert ?? []) {
        const def = resourceByKind(String(o.apiVersion ?? 'v1'), String(o.kind));
        if (def === undefined) throw new Error(`sim: scenario insert of unknown kind ${String(o.kind)}`);
        cluster.ctx.api.insert(def.id, structuredClone(o));
      }
      for (const s of step.staticPods ?? []) cluster.addStaticPod(s.node, s.pod);
      clock.settle();
      for (const c of step.resume ?? []) cluster.resume(c);
      clock.settle();
      if (step.upgrade !== undefined) cluster.upgradeControlPlane(step.upgrade);
    }
  } finally {
    clock.setAgo(0);
    clock.live();
  }
  for (const f of finishing) finishCreate(cluster.ctx, f.name, f.inMs);
}
