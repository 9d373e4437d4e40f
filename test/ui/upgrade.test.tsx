// Upgrade readiness in the live view: the KUBELET column and its `outdated` marker, the status
// bar's "N pods block the upgrade to 1.34", the `u` toggle that keeps only those pods, and the
// pod detail naming the Fargate node and its kubelet. Fed through the store as the reflector
// (nodes) and the /version poller (control plane) feed it.
import { renderView, uiState } from './component-harness.js';
import { lineWith, press, renderApp, type as typeText, waitForFrame, type AppHarness } from './helpers.js';
import { fakeActions } from './fake-actions.js';
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanup } from 'ink-testing-library';
import type { ClusterStore } from '../../source/store/cluster-store.js';
import { PodDetailView } from '../../source/ui/views/PodDetailView.js';
import { KEYMAP } from '../../source/ui/keymap.js';
import { sceneStore, SCENE_FARGATE_NODE_A, SCENE_FARGATE_NODE_B } from '../helpers/scene.js';

let tui: AppHarness | null = null;
afterEach(() => {
  cleanup();
  tui?.unmount();
  tui = null;
});

const OLD = 'v1.32.9-eks-113cf36';
const NEW = 'v1.33.5-eks-ecaa3a6';

/** The scene after a control-plane upgrade to 1.33: web-1's node (A) is still on 1.32, web-2's (B) on 1.33. */
function afterUpgrade(store: ClusterStore = sceneStore()): ClusterStore {
  store.upsert('nodes', { name: SCENE_FARGATE_NODE_A, fargate: true, arch: 'amd64', os: 'linux', zone: 'us-east-1a', kubeletVersion: OLD });
  store.upsert('nodes', { name: SCENE_FARGATE_NODE_B, fargate: true, arch: 'amd64', os: 'linux', zone: 'us-east-1a', kubeletVersion: NEW });
  store.setControlPlaneVersion('v1.33.5-eks-3025e55');
  return store;
}

async function podsOfAll(store: ClusterStore): Promise<AppHarness> {
  tui = await renderApp({ namespace: null, store }, { columns: 160, rows: 40 });
  await press(tui, 'tab');
  await waitForFrame(tui, (f) => f.includes('Pods(all)'));
  return tui;
}

/** Pod names in the order shown (second column in the all-namespaces pods view). */
function podNames(frame: string): string[] {
  const lines = frame.split('\n');
  const header = lines.findIndex((l) => /^\s+NAMESPACE\s+NAME/.test(l));
  const rows = lines.slice(header + 1);
  const end = rows.findIndex((l) => l.trim() === '');
  return rows.slice(0, end < 0 ? undefined : end).map((l) => l.trim().split(/\s+/)[1] ?? '');
}

describe('upgrade readiness in the TUI', () => {
  test('the KUBELET column marks the pod on an older Fargate kubelet as outdated, and only it', async () => {
    const t = await podsOfAll(afterUpgrade());
    const frame = await waitForFrame(t, (f) => f.includes('KUBELET'));
    assert.match(lineWith(frame, 'web-1'), /\s1\.32 outdated\s/);
    assert.match(lineWith(frame, 'web-2'), /\s1\.33\s/);
    assert.doesNotMatch(lineWith(frame, 'web-2'), /outdated/);
    assert.match(lineWith(frame, 'worker'), /<none>/, 'off Fargate: no kubelet to judge');
  });

  test('the status bar counts the pods that block the next upgrade, and says nothing when none do', async () => {
    const store = afterUpgrade();
    const t = await podsOfAll(store);
    await waitForFrame(t, (f) => f.includes('1 pod blocks the upgrade to 1.34'));
    // The old node is replaced by one of the control plane's minor: nothing blocks any more.
    store.upsert('nodes', { name: SCENE_FARGATE_NODE_A, fargate: true, arch: 'amd64', os: 'linux', zone: 'us-east-1a', kubeletVersion: NEW });
    const frame = await waitForFrame(t, (f) => lineWith(f, 'web-1').includes(' 1.33 '));
    assert.doesNotMatch(frame, /blocks? the upgrade/);
  });

  test('u keeps only the pods that block the upgrade; u again (or esc) shows all', async () => {
    const t = await podsOfAll(afterUpgrade());
    const all = podNames(t.frame()).length;
    await press(t, 'u');
    let frame = await waitForFrame(t, (f) => f.includes('only blocking the upgrade'));
    assert.deepEqual(podNames(frame), ['web-1']);
    await press(t, 'u');
    frame = await waitForFrame(t, (f) => !f.includes('only blocking the upgrade'));
    assert.equal(podNames(frame).length, all);
    await press(t, 'u');
    await waitForFrame(t, (f) => f.includes('only blocking the upgrade'));
    await press(t, 'esc');
    frame = await waitForFrame(t, (f) => !f.includes('only blocking the upgrade'));
    assert.equal(podNames(frame).length, all);
  });

  test('u with no outdated pod says so', async () => {
    const t = await podsOfAll(sceneStore());
    await press(t, 'u');
    await waitForFrame(t, (f) => f.includes('No pods block the next upgrade here.'));
  });

  test('u is in the keymap (so help and README list it); it writes nothing', () => {
    const binding = KEYMAP.find((b) => b.command === 'pods.onlyOutdated');
    assert.ok(binding);
    assert.deepEqual(binding.keys.map((k) => k.char), ['u']);
    assert.equal(binding.destructive, undefined);
    assert.equal(KEYMAP.filter((b) => b.screens.includes('pods') && b.keys.some((k) => k.char === 'u' && !k.ctrl)).length, 1, 'u means one thing on the pods view');
  });

  test('the pod detail names the Fargate node, its kubelet and what it means for the upgrade', () => {
    const store = afterUpgrade();
    // Read as one line: the sentence wraps at the harness's 100 columns.
    const detail = (key: string) => renderView(<PodDetailView screen={{ kind: 'detail', podKey: key, scroll: 0 }} />, uiState({ store, rows: 90 })).frame().replace(/\s+/g, ' ');
    assert.match(detail('default/web-1'), new RegExp(`kubelet Fargate node ${SCENE_FARGATE_NODE_A} runs kubelet v1\\.32\\.9-eks-113cf36, older than the control plane \\(1\\.33\\): outdated, it blocks the upgrade to 1\\.34`));
    assert.match(detail('default/web-2'), new RegExp(`kubelet Fargate node ${SCENE_FARGATE_NODE_B} runs kubelet v1\\.33\\.5-eks-ecaa3a6, the control plane's minor \\(1\\.33\\): it does not block the upgrade to 1\\.34`));
    assert.doesNotMatch(detail('batch/worker'), / kubelet (Fargate|v1)/, 'off Fargate the detail says nothing of kubelets');
  });
});

describe('U: recycle every pod of the namespace that blocks the upgrade', () => {
  const inDefault = async (fake: ReturnType<typeof fakeActions>, store = afterUpgrade()) => {
    tui = await renderApp({ namespace: 'default', actions: fake.actions, store }, { rows: 40, columns: 120 });
    await waitForFrame(tui, (f) => f.includes('Pods(default)'));
    return tui;
  };

  test('plans only the outdated pods for the upgrade, asks for the namespace typed, and runs exactly that plan', async () => {
    const fake = fakeActions();
    const t = await inDefault(fake);
    await press(t, 'U');
    const frame = await waitForFrame(t, (f) => f.includes('Type default to confirm'));
    assert.match(frame, /Recycle the pod that blocks the upgrade in default\?/);
    assert.ok(frame.includes('default/web-1') && !frame.includes('default/web-2'), 'only the pod on the 1.32 kubelet');
    assert.deepEqual(fake.plans, [['default/web-1']]);
    await press(t, 'enter');
    assert.equal(fake.runs.length, 0, 'enter alone does not confirm');
    await typeText(t, 'default');
    await press(t, 'enter');
    await waitForFrame(t, (f) => f.includes('Reschedule progress'));
    assert.equal(fake.runs.length, 1);
    const [step] = fake.runs[0]!.steps;
    assert.deepEqual([step?.key, step?.method, step?.upgrade], ['default/web-1', 'evict', { kubeletVersion: OLD, controlPlane: '1.33' }]);
  });

  test('esc cancels; nothing runs', async () => {
    const fake = fakeActions();
    const t = await inDefault(fake);
    await press(t, 'U');
    await waitForFrame(t, (f) => f.includes('Type default to confirm'));
    await typeText(t, 'default');
    await press(t, 'esc');
    await waitForFrame(t, (f) => !f.includes('Type default'));
    assert.equal(fake.runs.length, 0);
  });

  test('with nothing outdated it says so and plans nothing; on all namespaces it asks for one first', async () => {
    const fake = fakeActions();
    const t = await inDefault(fake, sceneStore());
    await press(t, 'U');
    await waitForFrame(t, (f) => f.includes('No pod in default blocks the next upgrade.'));
    t.unmount();
    tui = await renderApp({ namespace: null, actions: fake.actions, store: afterUpgrade() }, { rows: 40 });
    await press(tui, 'tab');
    await waitForFrame(tui, (f) => f.includes('Pods(all)'));
    await press(tui, 'U');
    await waitForFrame(tui, (f) => f.includes('U works on one namespace'));
    assert.deepEqual(fake.plans, []);
    assert.equal(fake.runs.length, 0);
  });

  test('--read-only: U is not bound and does nothing', async () => {
    const fake = fakeActions();
    tui = await renderApp({ namespace: 'default', actions: fake.actions, store: afterUpgrade(), readOnly: true }, { rows: 40 });
    await waitForFrame(tui, (f) => f.includes('Pods(default)'));
    await press(tui, 'U');
    await press(tui, 'y');
    assert.deepEqual(fake.plans, []);
    assert.equal(fake.runs.length, 0);
  });
});
