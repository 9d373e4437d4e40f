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
import { renderTui, selectedLine, waitForInputsReady, type Tui } from '../test/ui/helpers.js';

/** [measure, wall s, peak MB, vs floor, target]: the bench table's columns. */
export type BenchRow = [string, string, string, string, string];

const KEY_PRESSES = 30;
const WATCH_EVENTS = 20;
const TARGET = '< 0.050 s';
const TERMINAL = { columns: 160, rows: 40 };

/** Milliseconds from `act` until a frame satisfying `done` is written. */
function timeToFrame(tui: Tui, act: () => void, done: (frame: string) => boolean): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching frame within 5 s:\n${tui.frame()}`)), 5000);
    const check = () => {
      if (!done(tui.frame())) return;
      clearTimeout(timer);
      tui.stdout.off('frame', check);
      resolve((tui.stdout.frameTimes.at(-1) ?? performance.now()) - start);
    };
    tui.stdout.on('frame', check);
    const start = performance.now();
    act();
  });
}

const percentile = (times: number[], p: number): number => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
};

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** Lets the garbage collector and the scheduler settle between samples, as between real key presses. */
const pause = () => new Promise((resolve) => setTimeout(resolve, 30));

export async function benchTui(count = 10_000): Promise<BenchRow[]> {
  const store = sceneStoreWithPods(count, { batchMs: 16 });
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
    const pair = (what: string, times: number[]): BenchRow[] => [
      [`${label}: ${what} (median of ${times.length})`, seconds(percentile(times, 0.5)), '', '', TARGET],
      [`${label}: ${what} (p95)`, seconds(percentile(times, 0.95)), '', '', TARGET],
    ];
    return [
      [`${label}: first full frame`, seconds(firstFrame), '', '', 'info'],
      ...pair('key press → frame', keys),
      ...pair('watch event → frame, new Fargate pod + node', added),
      ...pair('watch event → frame, changed pod', changed),
    ];
  } finally {
    tui.unmount();
    store.dispose();
  }
}

// Run on its own: `npx tsx scripts/bench-tui.tsx`.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await benchTui(Number(process.env.BENCH_PODS ?? 10_000))) console.log(row.filter(Boolean).join('  '));
}
