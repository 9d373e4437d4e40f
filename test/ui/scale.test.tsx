// 10k pods: what keeps the live view fast, checked as behaviour (no clocks here; the timings are
// in `npm run bench`): only the visible rows are drawn, rows are computed once per (view, query),
// and the selection stays on its pod while watch events insert rows above it.
import './production-react.js';
import { renderApp, press, selectedLine, waitForFrame, type AppHarness } from './helpers.js';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { scenePod, sceneStoreWithPods } from '../helpers/scene.js';
import { createRowSelectors, type PodQuery } from '../../source/ui/state/rows.js';
import { ClusterViewModel } from '../../source/view-model/cluster-view-model.js';

const PODS = 10_000;
const ROWS = 40;

describe(`${PODS} pods`, () => {
  let tui: AppHarness;
  let total: number;
  before(async () => {
    const store = sceneStoreWithPods(PODS);
    total = store.getSnapshot().pods.size;
    tui = await renderApp({ store, namespace: null }, { rows: ROWS, columns: 160 });
    await press(tui, 'tab');
    await waitForFrame(tui, (f) => f.includes(`Pods(all) [${total}]`));
  });
  after(() => tui.unmount());

  test('only the rows that fit are drawn: the frame never has more lines than the terminal', () => {
    const lines = tui.frame().split('\n');
    assert.ok(lines.length <= ROWS, `${lines.length} lines`);
    assert.equal(lines.filter((l) => /^\s+ns-\d\d\s+pod-\d{5}\s/.test(l)).length, ROWS - 5 - 1 - 5, 'body minus header, less the 5 fixture pods above');
    assert.match(tui.frame(), new RegExp(`1-${ROWS - 6}/${total}`));
  });

  test('the selection stays on its pod while watch events add rows above it', async () => {
    await press(tui, 'jjjjjjjjjj');
    const selected = selectedLine(tui);
    assert.match(selected, /pod-\d{5}/);
    for (let i = 0; i < 5; i++) tui.store.upsert('pods', scenePod('a-first', `aaa-new-${i}`));
    await waitForFrame(tui, (f) => f.includes(`Pods(all) [${total + 5}]`) && f.includes('aaa-new-4'));
    assert.equal(selectedLine(tui), selected);
  });

  test('a changed pod on screen is redrawn without a key press', async () => {
    const current = tui.store.getSnapshot().pods.get('a-first/aaa-new-0')!;
    tui.store.upsert('pods', { ...current, status: 'Evicted', resourceVersion: '2' });
    await waitForFrame(tui, (f) => /aaa-new-0\s+Evicted/.test(f));
  });

  test('rows are computed once per (view, filter, sort) and shared by renderer and key handler', () => {
    const view = new ClusterViewModel().update(tui.store.getSnapshot());
    const selectors = createRowSelectors();
    const query: PodQuery = { namespace: null, filter: 'pod-0', sort: { column: 'age', descending: false }, onlyReschedule: false };
    const rows = selectors.pods(view, query);
    assert.equal(selectors.pods(view, { ...query, sort: { column: 'age', descending: false } }), rows, 'same view and query: the same array');
    assert.notEqual(selectors.pods(view, { ...query, sort: { column: 'verdict', descending: false } }), rows, 'another sort: computed again');
    const unsorted = { ...query, filter: '', sort: { column: 'name', descending: false } } as const;
    assert.equal(selectors.pods(view, { ...unsorted, namespace: 'ns-07' }), view.byNamespace.get('ns-07'), "no filter, default order, one namespace: the view-model's array itself");
    const all = selectors.pods(view, unsorted);
    assert.ok(!Array.isArray(all), 'every namespace: their arrays read as one list, not copied into one');
    assert.deepEqual(all.slice(), view.pods);
    assert.equal(selectors.pods(view, { ...unsorted }), all, 'asked again: the same list');
  });
});
