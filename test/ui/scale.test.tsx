// 10k pods: a key press or a watch event must reach the screen in < 50 ms. Only the visible
// rows are rendered; the view-model is rebuilt once per snapshot, placements come from the cache.
import './production-react.js';
import { renderApp, selectedLine, waitForInputsReady, type AppHarness } from './helpers.js';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fargatePod, pod } from './fixtures.js';

const PODS = 10_000;
const BUDGET_MS = 50;

/** The median: one GC pause on a loaded 2-core CI box should not fail the run; a slow path will. */
const median = (times: number[]): number => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Infinity;
const show = (times: number[]) => times.map((t) => t.toFixed(1)).join(', ');

/** Time from `act` until the next frame that satisfies `done` is written. */
async function timeToFrame(tui: AppHarness, act: () => void, done: (frame: string) => boolean): Promise<number> {
  const start = performance.now();
  const written = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching frame within 2 s:\n${tui.frame()}`)), 2000);
    const check = () => {
      if (!done(tui.frame())) return;
      clearTimeout(timer);
      tui.stdout.off('frame', check);
      resolve(performance.now() - start);
    };
    tui.stdout.on('frame', check);
  });
  act();
  return written;
}

describe(`${PODS} pods`, () => {
  let tui: AppHarness;
  before(async () => {
    tui = await renderApp({ namespace: null }, { rows: 40, columns: 160, batchMs: 16 });
    for (let i = 0; i < PODS; i++) {
      const ns = `ns-${String(i % 100).padStart(2, '0')}`;
      const name = `pod-${String(i).padStart(5, '0')}`;
      tui.store.upsert('pods', i % 3 === 0 ? fargatePod(ns, name, 'fp-prod') : pod(ns, name, { labels: { app: `a${i % 7}` } }));
    }
    tui.store.flush();
    await waitForInputsReady();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Warm up: the first view build evaluates every pod once.
    tui.stdin.write('\t');
    await waitForInputsReady();
  });
  after(() => tui.unmount());

  test('only the visible rows are rendered', () => {
    const lines = tui.frame().split('\n');
    assert.ok(lines.length <= 40, `${lines.length} lines`);
    assert.match(tui.frame(), /Pods\(all\) \[10008\]/);
  });

  test(`a key press reaches the screen in < ${BUDGET_MS} ms`, async (t) => {
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const before = selectedLine(tui);
      times.push(await timeToFrame(tui, () => tui.stdin.write('j'), () => selectedLine(tui) !== before));
    }
    t.diagnostic(`${median(times).toFixed(1)} ms median (${show(times)})`);
    assert.ok(median(times) < BUDGET_MS, `median ${median(times).toFixed(1)} ms (${show(times)})`);
  });

  // TODO(view-model): buildClusterView alone takes 10-40 ms at 10k pods on the 2-core box (a
  // fresh sort + PodView per pod per snapshot), plus the store's 16 ms batch; measured 45-90 ms.
  test(`a watch event reaches the screen in < ${BUDGET_MS} ms (16 ms store batching included)`, { todo: 'needs an incremental view-model' }, async (t) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const name = `aaa-new-${i}`;
      // Sorted first in the all-namespaces view, so it is on screen.
      times.push(await timeToFrame(tui, () => tui.store.upsert('pods', pod('a-first', name)), (f) => f.includes(name)));
    }
    t.diagnostic(`${median(times).toFixed(1)} ms median (${show(times)})`);
    assert.ok(median(times) < BUDGET_MS, `median ${median(times).toFixed(1)} ms (${show(times)})`);
  });
});
