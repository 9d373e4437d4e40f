// The live view under churn (issue 16): 100 pod changes a second — adds (each new Fargate pod with
// a node of its own, as on EKS), updates and deletes (a Fargate pod's node goes with it) — written
// through the store's upsert/remove as the watches do, for BENCH_CHURN_SECONDS (default 60) on
// the large cluster. Meanwhile key press → frame and watch event → frame are sampled as in the
// quiet rows, and the heap after a full GC is compared once the churn has gone round its pods (a
// third of the run) and at the end (flat: within 10%). Updates and deletes go round a working set
// of 1,000 pods of the initial list: a pod costs a few hundred bytes more once a watch event has
// replaced its record (main's view-model too), so a run that kept touching new pods of 50k would
// show that one-off cost rather than whether the live view keeps its memory.
// The changes go to namespaces below the screen (ns-10 and up), so each sample's frame is its own.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { PodRecord } from '../source/domain/types.js';
import type { ClusterStore } from '../source/store/cluster-store.js';
import { sceneFargatePod } from '../test/helpers/scene.js';
import { selectedLine, type Tui } from '../test/ui/helpers.js';
import { latencyRows, pause, timeToFrame, type BenchRow } from './bench-tui-timing.js';

const CHANGES_PER_SECOND = 100;
const WORKING_SET = 1000;
const STATUSES = ['Running', 'CrashLoopBackOff', 'Error', 'Running'];

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap in use after a full collection, MB: what the view keeps, not what it has yet to collect. */
function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/**
 * One pod change a call, in a round of 10: 4 updates, 3 adds and 3 deletes, so the cluster keeps
 * its size and its mix. Adds are new Fargate pods, each with a node of its own, and the pods of
 * the initial list deleted earlier coming back (as a controller re-creates them: a new uid);
 * deletes take the oldest added pod with its node, or a pod of the initial list.
 */
function churner(store: ClusterStore, count: number) {
  let n = 0;
  let original = 0;
  const added: { key: string; node: string }[] = [];
  const deleted: PodRecord[] = [];
  /** A pod of the initial list in ns-10..ns-99 (scene.ts names pod i `pod-<i>` in ns-<i % 100>), round the working set. */
  const originalKey = (): string => {
    let i: number;
    do i = ((original++ % WORKING_SET) * 7919) % count;
    while (i % 100 < 10);
    return `ns-${String(i % 100).padStart(2, '0')}/pod-${String(i).padStart(5, '0')}`;
  };
  const addFargatePod = () => {
    const name = `churn-${n}`;
    const node = `fargate-ip-10-8-${(n >> 8) & 255}-${n & 255}.ec2.internal`;
    store.upsert('nodes', { name: node, fargate: true, arch: 'amd64', os: 'linux', zone: 'us-east-1a' });
    const namespace = `ns-${10 + (n % 90)}`;
    store.upsert('pods', sceneFargatePod(namespace, name, 'fp-prod', { nodeName: node }));
    added.push({ key: `${namespace}/${name}`, node });
  };
  return () => {
    const step = n++ % 10;
    if (step === 0 || step === 4) addFargatePod();
    else if (step === 7) {
      const again = deleted.shift();
      if (again === undefined) addFargatePod();
      else store.upsert('pods', { ...again, uid: `${again.uid}-${n}`, resourceVersion: '1' });
    } else if (step === 2 || step === 9) {
      const gone = added.shift();
      if (gone === undefined) return;
      store.remove('pods', gone.key);
      store.remove('nodes', gone.node);
    } else if (step === 5) {
      const key = originalKey();
      const pod = store.getSnapshot().pods.get(key);
      if (pod === undefined) return;
      store.remove('pods', key);
      deleted.push(pod);
    } else {
      const key = originalKey();
      const current = store.getSnapshot().pods.get(key);
      if (current === undefined) return;
      // A watch MODIFIED event: same uid, the next resourceVersion.
      store.upsert('pods', { ...current, status: STATUSES[n % STATUSES.length]!, resourceVersion: String(Number(current.resourceVersion) + 1) });
    }
  };
}

/** The frames kept by the fake terminal grow without end; a churn run keeps the last only. */
function dropOldFrames(tui: Tui): void {
  const old = tui.stdout.frames.length - 1;
  if (old <= 0) return;
  tui.stdout.frames.splice(0, old);
  tui.stdout.frameTimes.splice(0, old);
}

export async function churnRows(tui: Tui, store: ClusterStore, count: number, churnSeconds: number): Promise<BenchRow[]> {
  const change = churner(store, count);
  dropOldFrames(tui);
  const podsAtStart = store.getSnapshot().pods.size;
  const heapAtStart = heapAfterGc();
  /** The heap once the churn has gone round its working set. */
  const warm = { heap: 0, at: 0 };

  // Changes at a steady rate: each tick catches up with the clock, so a slow frame does not lower the rate.
  const start = performance.now();
  let done = 0;
  const churn = setInterval(() => {
    const due = Math.floor(((performance.now() - start) / 1000) * CHANGES_PER_SECOND);
    while (done < due) {
      change();
      done++;
    }
  }, 10);

  const keys: number[] = [];
  const watch: number[] = [];
  try {
    for (let i = 0; performance.now() - start < churnSeconds * 1000; i++) {
      await pause(200);
      dropOldFrames(tui);
      if (warm.at === 0 && performance.now() - start >= (churnSeconds * 1000) / 3) {
        warm.heap = heapAfterGc();
        warm.at = (performance.now() - start) / 1000;
      }
      const status = `Churn${i}`;
      const current = store.getSnapshot().pods.get('a-first/aaa-new-0')!;
      const next = { ...current, status, resourceVersion: String(Number(current.resourceVersion) + 1) };
      watch.push(await timeToFrame(tui, () => store.upsert('pods', next), (f) => f.includes(status)));
      await pause(200);
      const before = selectedLine(tui);
      keys.push(await timeToFrame(tui, () => tui.stdin.write(i % 2 ? 'k' : 'j'), () => selectedLine(tui) !== before));
    }
  } finally {
    clearInterval(churn);
  }
  const elapsed = (performance.now() - start) / 1000;
  dropOldFrames(tui);
  await pause(100);
  const heapAtEnd = heapAfterGc();
  const growth = ((heapAtEnd - warm.heap) / warm.heap) * 100;
  const label = `TUI ${count} pods, churn ${CHANGES_PER_SECOND} pod changes/s for ${churnSeconds} s`;
  return [
    [`${label}: changes made (pods ${podsAtStart} → ${store.getSnapshot().pods.size})`, elapsed.toFixed(1), '', `${(done / elapsed).toFixed(0)}/s`, 'info'],
    ...latencyRows(label, 'key press → frame', keys),
    ...latencyRows(label, 'watch event → frame, changed pod', watch),
    [`${label}: heap after GC at the end (${warm.heap.toFixed(0)} MB at ${warm.at.toFixed(0)} s, ${heapAtStart.toFixed(0)} MB before)`, '', heapAtEnd.toFixed(0), `${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%`, '<= +10%'],
  ];
}
