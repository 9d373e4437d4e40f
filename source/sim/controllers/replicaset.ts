// ReplicaSet controller: keep spec.replicas active pods (<rs>-<5 chars>); terminating pods do not
// count, so a deleted pod's replacement starts at once.
import type { Ctx } from '../context.js';
import type { Entry } from '../kube/storage.js';
import { controllerOf, entryActive, ownedPodEntries, podFromTemplate, workQueue, writeStatus } from './queue.js';

const RID = 'replicasets.apps';

// Which pod goes first when scaling down: unscheduled, then not ready, then the newest.
function deletionRank(e: Entry): [number, number, number] {
  const created = Date.parse(JSON.parse(e.json).metadata.creationTimestamp ?? '0');
  return [e.fields['spec.nodeName'] !== '' ? 1 : 0, e.ready ? 1 : 0, -created];
}

export function installReplicaSetController(ctx: Ctx): void {
  const { store } = ctx;
  const q = workQueue(ctx, (ns, name) => {
    const rs = store.get(RID, ns, name);
    if (rs === undefined || rs.metadata.deletionTimestamp !== undefined) return;
    const active = ownedPodEntries(ctx, rs).filter(entryActive);
    const want = Number(rs.spec.replicas ?? 1);
    let count = active.length;
    let ready = active.filter((e) => e.ready).length;
    if (count < want) {
      for (; count < want; count++) ctx.api.create('pods', podFromTemplate(rs, { generateName: `${String(rs.metadata.name)}-` }));
    } else if (count > want) {
      const ranked = active.map((e) => ({ e, r: deletionRank(e) }));
      ranked.sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.r[2] - b.r[2]);
      for (const { e } of ranked.slice(0, count - want)) {
        ctx.api.delete('pods', ns, e.name);
        if (e.ready) ready--;
      }
      count = want;
    }
    writeStatus(ctx, RID, rs, {
      replicas: count,
      fullyLabeledReplicas: count,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: rs.metadata.generation,
    });
  });

  store.subscribe((c) => {
    if (c.rid === RID && c.type !== 'DELETED') q.add(c.entry.ns, c.entry.name);
    else if (c.rid === 'pods') {
      const ref = controllerOf(c.obj);
      if (ref?.kind === 'ReplicaSet') q.add(c.entry.ns, ref.name);
    }
  });
}
