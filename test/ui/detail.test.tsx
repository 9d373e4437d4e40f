// The pod detail (`enter`): every profile and selector with why, the choice, blockers, events,
// size vs CapacityProvisioned, owner chain.
import { press, renderApp, waitForFrame, type AppHarness } from './helpers.js';
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fargatePod, pod, profile } from './fixtures.js';

let tui: AppHarness | null = null;
afterEach(() => {
  tui?.unmount();
  tui = null;
});

/** Open the detail of `name` in `namespace` and return the whole detail text (scrolling through it). */
async function openDetail(namespace: string, name: string, options: Parameters<typeof renderApp>[1] = {}): Promise<string> {
  tui = await renderApp({ namespace }, { rows: 60, columns: 140, ...options });
  await waitForFrame(tui, (f) => f.includes(name));
  // Move the cursor onto the pod by name (rows are sorted by name).
  for (let i = 0; i < 10 && !selected(tui).includes(` ${name} `); i++) await press(tui, 'j');
  await press(tui, 'enter');
  return waitForFrame(tui, (f) => f.includes('Pod detail'));
}

function selected(t: AppHarness): string {
  const line = t.rawFrame().split('\n').find((l) => l.includes('\u001B[7m')) ?? '';
  return line.replace(/\u001B\[[\d;]*m/g, '');
}

describe('pod detail', () => {
  test('the test pod: why fp-test matches (namespace, wildcard label) and why the others do not', async () => {
    const frame = await openDetail('test', 'test');
    assert.match(frame, /Pod test\/test\s+reschedule/);
    assert.match(frame, /expected profile\s+fp-test/);
    assert.match(frame, /needs reschedule\s+yes/);
    assert.match(frame, /created before profile fp-test existed/);
    assert.match(frame, /→ fp-test\s+ACTIVE · chosen/);
    assert.match(frame, /✓ namespace test matches test/);
    assert.match(frame, /✓ label app=te\*: pod has app=test \(wildcard\)/);
    assert.match(frame, /✗ namespace prod\* does not match test \(wildcard\)/);
    assert.match(frame, /Owner\n\s+Pod test \(no owner: a bare pod\)/);
  });

  test('a blocked privileged pod: its blocker and the fargate-scheduler FailedScheduling reason', async () => {
    const frame = await openDetail('prod', 'priv');
    assert.match(frame, /Pod prod\/priv\s+blocked/);
    assert.match(frame, /Blockers\n\s+✗ privileged/);
    assert.match(frame, /1m ago FailedScheduling ×3 \(fargate-scheduler\) Pod not supported on Fargate: invalid SecurityContext fields: Privileged/);
  });

  test('a Fargate pod: predicted size and hourly cost next to CapacityProvisioned, owner chain', async () => {
    const frame = await openDetail('default', 'web-1');
    assert.match(frame, /predicted\s+0\.25vCPU 0\.5GB · \$0\.0123\/h/);
    assert.match(frame, /provisioned\s+0\.25vCPU 0\.5GB \(CapacityProvisioned\)\n/);
    assert.match(frame, /Pod web-1 ← ReplicaSet web-7d9f8c6b5 ← Deployment web \(inferred\)/);
  });

  test('a provisioned size that differs from the prediction is called out', async () => {
    tui = await renderApp({ namespace: 'default' }, { rows: 60, columns: 140 });
    tui.store.upsert('pods', fargatePod('default', 'big', 'fp-default', { capacityProvisioned: '1vCPU 2GB' }));
    await waitForFrame(tui, (f) => f.includes('big'));
    await press(tui, 'enter');
    const frame = await waitForFrame(tui, (f) => f.includes('Pod default/big'));
    assert.match(frame, /provisioned\s+1vCPU 2GB \(CapacityProvisioned\) — differs from the prediction/);
  });

  test('several matching profiles: the alphabetical tie-break is explained', async () => {
    tui = await renderApp({ namespace: 'default' }, { rows: 70, columns: 140 });
    tui.store.setLiveProfiles([profile('b-default', [{ namespace: 'default' }]), profile('a-default', [{ namespace: 'def*' }])], {
      state: 'ok',
      message: null,
      fetchedAt: 1,
      stale: false,
    });
    tui.store.upsert('pods', pod('default', 'aaa'));
    await waitForFrame(tui, (f) => f.includes('aaa'));
    await press(tui, 'enter');
    const frame = await waitForFrame(tui, (f) => f.includes('Pod default/aaa'));
    assert.match(frame, /a-default, b-default \(alphabetical; first wins\)/);
    assert.match(frame, /EKS picks a-default, the alphabetically first/);
  });

  test('a pin label restricts the choice to the pinned profile', async () => {
    tui = await renderApp({ namespace: 'default' }, { rows: 70, columns: 140 });
    tui.store.upsert('pods', pod('default', 'aaa', { labels: { 'eks.amazonaws.com/fargate-profile': 'fp-default' } }));
    await waitForFrame(tui, (f) => f.includes('aaa'));
    await press(tui, 'enter');
    const frame = await waitForFrame(tui, (f) => f.includes('Pod default/aaa'));
    assert.match(frame, /pinned\s+fp-default \(label eks\.amazonaws\.com\/fargate-profile\)/);
    assert.match(frame, /pin: label eks\.amazonaws\.com\/fargate-profile=fp-default restricts the choice/);
  });

  test('on a small terminal the detail scrolls with j / G and esc goes back to the same row', async () => {
    tui = await renderApp({ namespace: 'test' }, { rows: 24, columns: 80 });
    await press(tui, 'enter');
    let frame = await waitForFrame(tui, (f) => f.includes('Pod test/test'));
    assert.doesNotMatch(frame, /Owner/);
    await press(tui, 'G');
    frame = await waitForFrame(tui, (f) => f.includes('Owner'));
    assert.doesNotMatch(frame, /Pod test\/test/);
    await press(tui, 'esc');
    await waitForFrame(tui, (f) => f.includes('Pods(test)'));
    assert.match(selected(tui), / test /);
  });

  test('a pod deleted while its detail is open says so instead of crashing', async () => {
    tui = await renderApp({ namespace: 'test' });
    await press(tui, 'enter');
    await waitForFrame(tui, (f) => f.includes('Pod test/test'));
    tui.store.remove('pods', 'test/test');
    await waitForFrame(tui, (f) => f.includes('Pod test/test is gone'));
  });
});
