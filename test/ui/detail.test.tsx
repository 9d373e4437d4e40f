// The pod detail (`enter`): the answer first (the expected profile and why), blockers, every
// profile and selector with why (matching first), events, size vs CapacityProvisioned, owners. The view on its own (ink-testing-library) for what it
// says; the whole App for opening, scrolling at 80x24 and a pod vanishing while shown.
import { renderView, uiState } from './component-harness.js';
import { press, renderApp, selectedLine, waitForFrame, waitForInputsReady, type AppHarness } from './helpers.js';
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { cleanup, render } from 'ink-testing-library';
import { AppContainer } from '../../source/ui/app/AppContainer.js';
import type { ClusterStore } from '../../source/store/cluster-store.js';
import { PodDetailView } from '../../source/ui/views/PodDetailView.js';
import { sceneFargatePod, sceneStore, NOW, scenePod, sceneProfile } from '../helpers/scene.js';

let tui: AppHarness | null = null;
afterEach(() => {
  cleanup(); // unmounts whatever ink-testing-library rendered
  tui?.unmount();
  tui = null;
});

/** The whole detail of `podKey` (tall enough that nothing is scrolled off), 100 columns wide. */
function detail(podKey: string, store: ClusterStore = sceneStore()): string {
  return renderView(<PodDetailView screen={{ kind: 'detail', podKey, scroll: 0 }} />, uiState({ store, rows: 90 })).frame();
}

describe('pod detail', () => {
  test('the test pod: why fp-test matches (namespace, wildcard label) and why the others do not', () => {
    const frame = detail('test/test');
    assert.match(frame, /Pod test\/test\s+reschedule/);
    assert.match(frame, /expected profile\s+fp-test/);
    assert.match(frame, /needs reschedule\s+yes/);
    assert.match(frame, /created before profile fp-test existed/);
    assert.match(frame, /→ fp-test\s+ACTIVE · chosen/);
    assert.match(frame, /✓ namespace test matches test/);
    assert.match(frame, /✓ label app=te\*: pod has app=test \(wildcard\)/);
    assert.match(frame, /✗ namespace prod\* does not match test \(wildcard\)/);
    assert.match(frame, /owner\s+Pod test \(no owner: a bare pod\)/);
  });

  test('a blocked privileged pod: its blocker and the fargate-scheduler FailedScheduling reason', () => {
    const frame = detail('prod/priv');
    assert.match(frame, /Pod prod\/priv\s+blocked/);
    assert.match(frame, /Blockers\n\s+✗ privileged/);
    // (The message goes on past the 100 columns, on the next line, broken between words.)
    assert.match(frame, /1m ago FailedScheduling ×3 \(fargate-scheduler\) Pod not supported on Fargate: invalid\n\s+SecurityContext/);
  });

  test('a Fargate pod: predicted size and hourly cost next to CapacityProvisioned, owner chain', () => {
    const frame = detail('default/web-1');
    assert.match(frame, /predicted\s+0\.25vCPU 0\.5GB · \$0\.0123\/h \(us-east-1 On-Demand Linux\/x86, price table of\s+\d{4}-\d\d-\d\d\)/);
    assert.match(frame, /provisioned\s+0\.25vCPU 0\.5GB \(CapacityProvisioned\)\n/);
    assert.match(frame, /Pod web-1 ← ReplicaSet web-7d9f8c6b5 ← Deployment web \(inferred\)/);
  });

  test('a provisioned size that differs from the prediction is called out', () => {
    const store = sceneStore();
    store.upsert('pods', sceneFargatePod('default', 'big', 'fp-default', { capacityProvisioned: '1vCPU 2GB' }));
    assert.match(detail('default/big', store), /provisioned\s+1vCPU 2GB \(CapacityProvisioned\) — differs from the prediction/);
  });

  test('several matching profiles: the alphabetical tie-break is explained', () => {
    const store = sceneStore();
    store.setLiveProfiles([sceneProfile('b-default', [{ namespace: 'default' }]), sceneProfile('a-default', [{ namespace: 'def*' }])], {
      state: 'ok',
      message: null,
      fetchedAt: 1,
      stale: false,
    });
    store.upsert('pods', scenePod('default', 'aaa'));
    const frame = detail('default/aaa', store);
    assert.match(frame, /a-default, b-default \(alphabetical; first wins\)/);
    assert.match(frame, /EKS picks a-default, the alphabetically first/);
  });

  test('the detail leads with the answer: expected profile and why, then blockers, then the profiles (matching first), events, size', () => {
    const frame = detail('test/test');
    const order = ['Pod test/test', 'expected profile', 'created before profile fp-test existed', 'Blockers', 'Profiles (3)', '→ fp-test', '✗ fp-default', 'Events', 'Size', 'owner'];
    const at = order.map((text) => frame.indexOf(text));
    assert.ok(at.every((i) => i >= 0), JSON.stringify(order.filter((_, i) => at[i]! < 0)));
    assert.deepEqual([...at].sort((a, b) => a - b), at, 'in this order');
  });

  test('a pin label restricts the choice to the pinned profile', () => {
    const store = sceneStore();
    store.upsert('pods', scenePod('default', 'aaa', { labels: { 'eks.amazonaws.com/fargate-profile': 'fp-default' } }));
    const frame = detail('default/aaa', store);
    assert.match(frame, /pinned\s+fp-default \(label eks\.amazonaws\.com\/fargate-profile\)/);
    assert.match(frame, /pin: label eks\.amazonaws\.com\/fargate-profile=fp-default restricts the choice/);
  });

  test('on a small terminal the detail scrolls with j / G and esc goes back to the same row', async () => {
    tui = await renderApp({ namespace: 'test' }, { rows: 24, columns: 80 });
    await press(tui, 'enter');
    let frame = await waitForFrame(tui, (f) => f.includes('Pod test/test  reschedule'));
    assert.doesNotMatch(frame, /owner /);
    await press(tui, 'G');
    frame = await waitForFrame(tui, (f) => f.includes('owner '));
    assert.doesNotMatch(frame, /Pod test\/test  reschedule/);
    await press(tui, 'esc');
    await waitForFrame(tui, (f) => f.includes('Pods(test)'));
    assert.match(selectedLine(tui), / test /);
  });

  test('a pod deleted while its detail is open says so instead of crashing', async () => {
    // Only the first lines matter here, so ink-testing-library's terminal will do.
    const store = sceneStore();
    const app = render(createElement(AppContainer, { store, readOnly: false, namespace: 'test', noColor: true, clock: () => NOW, refreshProfiles: () => {} }));
    await waitForInputsReady();
    await press(app, 'enter');
    assert.match(app.lastFrame() ?? '', /Pod test\/test/);
    store.remove('pods', 'test/test');
    await waitForFrame({ frame: () => app.lastFrame() ?? '' }, (f) => f.includes('Pod test/test is gone'));
  });
});
