// Upgrade readiness in the live view: the KUBELET column and its `outdated` marker, the status
// bar's "N pods block the upgrade to 1.34", the `u` toggle that keeps only those pods, and the
// pod detail naming the Fargate node and its kubelet. Fed through the store as the reflector
// (nodes) and the /version poller (control plane) feed it.
import { renderView, uiState } from './component-harness.js';
import { lineWith, press, renderApp, waitForFrame, type AppHarness } from './helpers.js';
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
    const detail = (key: string) => renderView(<PodDetailView podKey={key} />, uiState({ store, rows: 90 })).frame().replace(/\s+/g, ' ');
    assert.match(detail('default/web-1'), new RegExp(`kubelet Fargate node ${SCENE_FARGATE_NODE_A} runs kubelet v1\\.32\\.9-eks-113cf36, older than the control plane \\(1\\.33\\): outdated, it blocks the upgrade to 1\\.34`));
    assert.match(detail('default/web-2'), new RegExp(`kubelet Fargate node ${SCENE_FARGATE_NODE_B} runs kubelet v1\\.33\\.5-eks-ecaa3a6, the control plane's minor \\(1\\.33\\): it does not block the upgrade to 1\\.34`));
    assert.doesNotMatch(detail('batch/worker'), / kubelet (Fargate|v1)/, 'off Fargate the detail says nothing of kubelets');
  });
});
