// Disruption controller: keeps each PodDisruptionBudget's status (what `kubectl get pdb` shows)
// in step with its pods. The eviction endpoint computes the budget live, so this is display only.
import type { Ctx } from '../context.js';
import { budgetStatus } from '../kube/eviction.js';
import { k8sTime } from '../time.js';
import { workQueue, writeStatus } from './queue.js';

const RID = 'poddisruptionbudgets.policy';

export function installDisruptionController(ctx: Ctx): void {
  const { store } = ctx;
  const q = workQueue(ctx, (ns, name) => {
    const pdb = store.get(RID, ns, name);
    if (pdb === undefined) return;
    const st = budgetStatus(ctx, pdb);
    const allowed = st.disruptionsAllowed > 0;
    const prev = (pdb.status?.conditions ?? [])[0];
    const reason = allowed ? 'SufficientPods' : 'InsufficientPods';
    const t = prev?.reason === reason ? prev.lastTransitionTime : k8sTime(ctx.clock.now());
    writeStatus(ctx, RID, pdb, {
      observedGeneration: pdb.metadata.generation,
      ...st,
      conditions: [{ type: 'DisruptionAllowed', status: allowed ? 'True' : 'False', reason, message: '', observedGeneration: pdb.metadata.generation, lastTransitionTime: t }],
    });
  });
  const queueNamespace = (ns: string): void => {
    for (const e of store.entriesIn(RID, ns)) q.add(ns, e.name);
  };
  store.subscribe((c) => {
    if (c.rid === RID && c.type !== 'DELETED') q.add(c.entry.ns, c.entry.name);
    else if (c.rid === 'pods' && store.count(RID) > 0) {
      // Only the ready/deleting/phase bits matter to a budget.
      const p = c.prev;
      if (p !== undefined && c.type === 'MODIFIED' && p.ready === c.entry.ready && p.deleting === c.entry.deleting && p.fields['status.phase'] === c.entry.fields['status.phase']) return;
      queueNamespace(c.entry.ns);
    }
  });
}
