// The kubelet's part: a bound pod's containers start after a moment; a Job's pod runs to
// completion. Pods inserted by a scenario in their final state are left as they are.
import type { Ctx } from '../context.js';
import type { Obj } from '../kube/resources.js';
import { jobRunMs } from './job-run-time.js';
import { completePod, runPod } from './pod-status.js';

const runsToCompletion = (pod: Obj): boolean =>
  (pod.metadata.ownerReferences ?? []).some((r: Obj) => r.kind === 'Job' && r.controller === true) && pod.spec?.restartPolicy !== 'Always';

export function installKubelet(ctx: Ctx): void {
  const { store, clock, timing } = ctx;
  const queued = new Set<string>();

  const queue = (pod: Obj, stage: 'start' | 'complete', ms: number, expect: (p: Obj) => boolean, apply: (p: Obj) => void): void => {
    const uid = String(pod.metadata.uid);
    const key = `${uid}/${stage}`;
    if (queued.has(key)) return;
    queued.add(key);
    const ns = String(pod.metadata.namespace);
    const name = String(pod.metadata.name);
    clock.later(ms, () => {
      queued.delete(key);
      const cur = store.get('pods', ns, name);
      if (cur === undefined || cur.metadata.uid !== uid || cur.metadata.deletionTimestamp !== undefined || !expect(cur)) return;
      apply(cur);
      ctx.api.write('pods', cur);
    });
  };

  store.subscribe((c) => {
    if (c.rid !== 'pods' || c.type === 'DELETED') return;
    const pod = c.obj;
    if (!pod.spec?.nodeName || pod.metadata.deletionTimestamp !== undefined) return;
    const creating = (p: Obj): boolean => p.status?.phase === 'Pending' && (p.status.containerStatuses ?? []).some((s: Obj) => s.state?.waiting?.reason === 'ContainerCreating');
    if (creating(pod)) {
      queue(pod, 'start', timing.containerStartMs, creating, (p) => runPod(p, clock.now(), ctx.rand));
    } else if (pod.status?.phase === 'Running' && runsToCompletion(pod)) {
      const ms = jobRunMs(pod, timing);
      if (ms !== null) queue(pod, 'complete', ms, (p) => p.status?.phase === 'Running', (p) => completePod(p, clock.now()));
    }
  });
}
