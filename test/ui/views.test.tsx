// Each view over the fixture store: what a user sees before pressing anything but tab.
import { lineWith, press, renderApp, waitForFrame, type AppHarness } from './helpers.js';
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NOW } from './fixtures.js';

let tui: AppHarness | null = null;
afterEach(() => {
  tui?.unmount();
  tui = null;
});


describe('namespaces view', () => {
  test('shows pods, on Fargate, needing reschedule, blocked and the covering profiles per namespace', async () => {
    tui = await renderApp();
    const frame = tui.frame();
    assert.match(frame, /Namespaces \[5\]/);
    assert.match(lineWith(frame, ' test '), /test\s+1\s+0\s+1\s+0\s+0\s+fp-test/);
    assert.match(lineWith(frame, ' default '), /default\s+2\s+2\s+0\s+0\s+0\s+fp-default/);
    assert.match(lineWith(frame, ' prod '), /prod\s+2\s+0\s+0\s+1\s+2\s+fp-prod/);
    assert.match(lineWith(frame, 'kube-system'), /kube-system\s+1\s+0\s+0\s+0\s+1\s+-/);
  });
});

describe('pods view', () => {
  test('lists every pod with node type, current and expected profile and the verdict', async () => {
    tui = await renderApp({ namespace: null }, { withFileProfile: true });
    await press(tui, 'tab');
    const frame = await waitForFrame(tui, (f) => f.includes('Pods(all)'));
    assert.match(lineWith(frame, ' test '), /test\s+test\s+Running\s+EC2\s+fp-test\s+reschedule\s+created before profile fp-te/);
    assert.match(lineWith(frame, 'web-1'), /Running\s+Fargate\s+fp-default\s+ok/);
    assert.match(lineWith(frame, 'priv'), /Pending\s+pending\s+fp-prod\s+blocked/);
    assert.match(lineWith(frame, 'coredns-1'), /pending\s+EC2\s+pending/);
    assert.match(lineWith(frame, 'backup-29001'), /completed/);
  });

  test('with a wide terminal the current profile and the Fargate size show too', async () => {
    tui = await renderApp({ namespace: 'default' }, { columns: 160 });
    const frame = tui.frame();
    assert.match(frame, /CURRENT/);
    assert.match(lineWith(frame, 'web-1'), /Fargate\s+fp-default\s+fp-default\s+ok.*0\.25vCPU 0\.5GB/);
  });

  test('verdicts are coloured by meaning through the theme', async () => {
    tui = await renderApp({ namespace: null });
    await press(tui, 'tab');
    const raw = tui.rawFrame();
    const line = (text: string) => raw.split('\n').find((l) => l.includes(text)) ?? '';
    // Codes directly before the word (ink may order bold and colour either way).
    const codesBefore = (text: string, word: string) => new Set((new RegExp(`((?:\u001B\\[\\d+m)+)${word}`).exec(line(text))?.[1] ?? '').match(/\d+/g));
    assert.deepEqual(codesBefore(' test ', 'reschedule'), new Set(['1', '33']), 'reschedule is bold yellow');
    assert.deepEqual(codesBefore(' priv ', 'blocked'), new Set(['1', '31']), 'blocked is bold red');
    assert.deepEqual(codesBefore('web-1', 'ok'), new Set(['32']), 'ok is green');
    assert.deepEqual(codesBefore('coredns', 'pending '), new Set(['35']), 'pending is magenta');
  });

  test('NO_COLOR: no colour codes at all, the selection still shows (inverse)', async () => {
    tui = await renderApp({ namespace: null, noColor: true });
    await press(tui, 'tab');
    const raw = tui.rawFrame();
    assert.doesNotMatch(raw, /\u001B\[(3[0-7]|9[0-7]|38;)/);
    assert.match(raw, /\u001B\[7m/);
  });

  test('what-if: pods a --profiles-file profile would capture show it as proposed', async () => {
    tui = await renderApp({ namespace: 'batch' }, { withFileProfile: true });
    const frame = tui.frame();
    assert.match(frame, /\* = proposed profile/);
    assert.match(lineWith(frame, 'worker'), /fp-batch\*\s+reschedule/);
    assert.match(frame, /what-if: 1 proposed/);
  });
});

describe('profiles view', () => {
  test('status, selectors, pods running under each and pods each would capture; file profiles are proposed', async () => {
    tui = await renderApp({}, { withFileProfile: true, columns: 140 });
    await press(tui, 'p');
    const frame = await waitForFrame(tui, (f) => f.includes('Profiles ['));
    assert.match(lineWith(frame, 'fp-default'), /ACTIVE\s+default\s+2\s+2\s+subnet-0a1,subnet-0b2\s+eks-fargate-pods/);
    assert.match(lineWith(frame, 'fp-test'), /ACTIVE\s+test \{app=te\*\}\s+0\s+1/);
    assert.match(lineWith(frame, 'fp-batch'), /fp-batch \(proposed\)\s+ACTIVE\s+batch\s+0\s+1/);
  });

  test('esc returns from profiles to where p was pressed', async () => {
    tui = await renderApp();
    await press(tui, 'p');
    await press(tui, 'esc');
    await waitForFrame(tui, (f) => f.includes('Namespaces ['));
  });
});

describe('status bar', () => {
  test('context, cluster, region, AWS state, totals and time since the last update', async () => {
    tui = await renderApp();
    const [line1, line2] = tui.frame().split('\n');
    assert.match(line1 ?? '', /demo-ctx │ cluster demo │ us-east-1 │ AWS ok │ k8s live │ updated 3s ago/);
    assert.match(line2 ?? '', /8 pods │ 2 on Fargate │ 3 on EC2 │ 1 need reschedule │ 1 blocked │ 3 pending │ 3 profiles/);
  });

  const awsCases = [
    { state: 'no-credentials', text: 'AWS no credentials', message: 'no AWS credentials found' },
    { state: 'access-denied', text: 'AWS access denied', message: 'not authorized to perform eks:ListFargateProfiles' },
    { state: 'file-only', text: 'AWS file profiles only', message: null },
  ] as const;
  for (const c of awsCases) {
    test(`AWS state ${c.state} is shown${c.message ? ' with its message' : ''}`, async () => {
      tui = await renderApp();
      tui.store.setLiveProfiles([], { state: c.state, message: c.message, fetchedAt: null, stale: false });
      const frame = await waitForFrame(tui, (f) => f.includes(c.text));
      if (c.message) assert.match(frame, new RegExp(`AWS: ${c.message}`));
    });
  }

  test('a lost watch connection shows as reconnecting with the error', async () => {
    tui = await renderApp();
    tui.store.setConnection({ state: 'reconnecting', message: 'watch pods: connection reset' });
    const frame = await waitForFrame(tui, (f) => f.includes('k8s reconnecting'));
    assert.match(frame, /Kubernetes: watch pods: connection reset/);
  });

  test('at 80 columns low-priority parts drop instead of wrapping', async () => {
    tui = await renderApp({}, { columns: 80, rows: 24 });
    tui.store.setIdentity({ ...tui.store.getSnapshot().identity, context: 'arn:aws:eks:us-east-1:111122223333:cluster/demo-with-a-long-name' });
    const frame = await waitForFrame(tui, (f) => f.includes('arn:aws:eks'));
    const [line1, line2] = frame.split('\n');
    assert.ok((line1 ?? '').length <= 80 && (line2 ?? '').length <= 80, frame);
    assert.match(line1 ?? '', /AWS ok │ k8s live/);
    assert.match(line2 ?? '', /need reschedule │ 1 blocked/);
    assert.equal(frame.split('\n').length <= 24, true);
  });

  test('the "updated" age follows the clock', async () => {
    let now = NOW;
    tui = await renderApp({ clock: () => now });
    now += 60_000;
    await waitForFrame(tui, (f) => f.includes('updated 1m ago'), 3000);
  });
});
