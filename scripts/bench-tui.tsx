// `npm run bench` rows for the live view at 10k pods: time to the first full frame, and how long a
// key press or a watch event takes to reach the screen. The App renders in-process into the test
// harness's fake terminal, with React's production build (as bundled in dist/). Frames are written
// unthrottled; ink's 60 fps throttle is leading-edge, so an isolated event is not delayed by it.
import '../test/ui/production-react.js';
// Before ink loads: the selection is found by its inverse-video codes.
import '../test/ui/force-color.js';
import { createElement } from 'react';
import { AppContainer } from '../source/ui/app/AppContainer.js';
import { sceneFargatePod, NOW, sceneStoreWithPods } from '../test/helpers/scene.js';
import { renderTui, selectedLine, waitForInputsReady } from '../test/ui/helpers.js';
import { churnRows } from './bench-tui-churn.js';
import { latencyRows, pause, seconds, timeToFrame, type BenchRow } from './bench-tui-timing.js';

export type { BenchRow } from './bench-tui-timing.js';

const KEY_PRESSES = 30;
const WATCH_EVENTS = 20;
const TERMINAL = { columns: 160, rows: 40 };

/** `churnSeconds` > 0: then a churn run of that long (bench-tui-churn.ts), with its rows. */
export async function benchTui(count = 10_000, churnSeconds = 0): Promise<BenchRow[]> {
  // The store on the real clock, as in the product: its batch window and change marks run on it
  // (frozen, every snapshot after the first would wait out the whole window).
  const store = sceneStoreWithPods(count, { batchMs: 16, now: Date.now });
  const total = store.getSnapshot().pods.size;

  // First full frame: the namespaces view with every pod counted, from render().
  const start = performance.now();
  const tui = renderTui(
    createElement(AppContainer, { store, readOnly: false, namespace: null, noColor: false, clock: () => NOW, refreshProfiles: () => {} }),
    TERMINAL,
  );
  const firstFrame = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no full frame within 10 s:\n${tui.frame()}`)), 10_000);
    const index = () => tui.stdout.frames.findIndex((f) => f.includes(`${total} pods`) && f.includes('ns-00'));
    const check = () => {
      const i = index();
      if (i < 0) return;
      clearTimeout(timer);
      tui.stdout.off('frame', check);
      resolve(tui.stdout.frameTimes[i]! - start);
    };
    tui.stdout.on('frame', check);
    check();
  });

  try {
    await waitForInputsReady();
    await timeToFrame(tui, () => tui.stdin.write('\t'), (f) => f.includes(`Pods(all) [${total}]`));

    const keys: number[] = [];
    for (let i = 0; i < KEY_PRESSES; i++) {
      await pause();
      const before = selectedLine(tui);
      keys.push(await timeToFrame(tui, () => tui.stdin.write(i % 2 ? 'k' : 'j'), () => selectedLine(tui) !== before));
    }

    // Watch events on rows at the top of the list (the cursor is there), so each one is on screen.
    const added: number[] = [];
    for (let i = 0; i < WATCH_EVENTS; i++) {
      await pause();
      // As on EKS: each new Fargate pod comes with a node of its own (two watch events, one batch).
      const name = `aaa-new-${i}`;
      const node = `fargate-ip-10-9-0-${i}.ec2.internal`;
      const arrive = () => {
        store.upsert('nodes', { name: node, fargate: true, arch: 'amd64', os: 'linux', zone: 'us-east-1a' });
        store.upsert('pods', sceneFargatePod('a-first', name, 'fp-prod', { nodeName: node }));
      };
      added.push(await timeToFrame(tui, arrive, (f) => f.includes(name)));
    }
    const changed: number[] = [];
    for (let i = 0; i < WATCH_EVENTS; i++) {
      await pause();
      // A watch MODIFIED event: same uid, the next resourceVersion.
      const current = store.getSnapshot().pods.get('a-first/aaa-new-0')!;
      const status = `Status${i}`;
      const next = { ...current, status, resourceVersion: String(Number(current.resourceVersion) + 1) };
      changed.push(await timeToFrame(tui, () => store.upsert('pods', next), (f) => f.includes(status)));
    }

    const label = `TUI ${count} pods`;
    const rows: BenchRow[] = [
      [`${label}: first full frame`, seconds(firstFrame), '', '', 'info'],
      ...latencyRows(label, 'key press → frame', keys),
      ...latencyRows(label, 'watch event → frame, new Fargate pod + node', added),
      ...latencyRows(label, 'watch event → frame, changed pod', changed),
    ];
    if (churnSeconds > 0) rows.push(...(await churnRows(tui, store, count, churnSeconds)));
    return rows;
  } finally {
    tui.unmount();
    store.dispose();
  }
}

// Run on its own: `npx tsx scripts/bench-tui.tsx` (BENCH_TUI_JSON=1: the rows as JSON, for
// bench-tui-process.ts, which measures this process's peak memory; BENCH_CHURN_SECONDS: a churn run).
if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchTui(Number(process.env.BENCH_PODS ?? 10_000), Number(process.env.BENCH_CHURN_SECONDS ?? 0));
  if (process.env.BENCH_TUI_JSON) console.log(JSON.stringify(rows));
  else for (const row of rows) console.log(row.filter(Boolean).join('  '));
  process.exit(0);
}
