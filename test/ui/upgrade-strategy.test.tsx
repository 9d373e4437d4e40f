// The strategy choice in `U`'s typed confirmation: tab plans again with the next strategy
// (default -> evict -> restart -> default), keeping what was typed, one plan at a time; the
// dialog says the strategy in use and each pod's method, and the typed name then enter starts
// exactly the plan shown. tab itself never starts anything.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanup } from 'ink-testing-library';
import { planForKeys } from '../../source/actions/plan.js';
import type { ClusterStore } from '../../source/store/cluster-store.js';
import type { PodPermissions, RescheduleStep, TuiActions } from '../../source/ui/tui-actions.js';
import { sceneStore, SCENE_FARGATE_NODE_A, SCENE_FARGATE_NODE_B } from '../helpers/scene.js';
import { allowAll, fakeActions, type FakeActions } from './fake-actions.js';
import { lineWith, press, renderApp, type as typeText, waitForFrame, type AppHarness } from './helpers.js';

let tui: AppHarness | null = null;
afterEach(() => {
  cleanup();
  tui?.unmount();
  tui = null;
});

/** After a control-plane upgrade to 1.33: web-1 (Deployment web's pod) still runs on a 1.32 kubelet. */
function afterUpgrade(): ClusterStore {
  const store = sceneStore();
  store.upsert('nodes', { name: SCENE_FARGATE_NODE_A, fargate: true, arch: 'amd64', os: 'linux', zone: 'us-east-1a', kubeletVersion: 'v1.32.9-eks-113cf36' });
  store.upsert('nodes', { name: SCENE_FARGATE_NODE_B, fargate: true, arch: 'amd64', os: 'linux', zone: 'us-east-1a', kubeletVersion: 'v1.33.5-eks-ecaa3a6' });
  store.setControlPlaneVersion('v1.33.5-eks-3025e55');
  return store;
}

const mayRestart = (namespace: string | null): PodPermissions => ({ ...allowAll(namespace), canRestart: { Deployment: true, StatefulSet: true } });

/**
 * The host's plan as describeWorkloads shapes it (that part is tested against the sim): asked
 * for restart, a Deployment's pod is restarted with the workload; otherwise it is evicted.
 */
const hostPlan: TuiActions['plan'] = (pods, podKeys, options) =>
  planForKeys(pods, podKeys, options).map((step): RescheduleStep =>
    options?.strategy === 'restart' && step.method === 'evict'
      ? { ...step, method: 'restart', group: 'default/Deployment/web', warnings: ['Deployment web is restarted (kubectl rollout restart): its controller re-creates all 2 of its replicas'] }
      : step,
  );

/** A host whose first plan answers at once, and each later one only when the test says. */
function slowHost() {
  const answers: Array<() => void> = [];
  let calls = 0;
  const plan: TuiActions['plan'] = (pods, podKeys, options) =>
    calls++ === 0 ? hostPlan(pods, podKeys, options) : new Promise((resolve) => answers.push(() => resolve(hostPlan(pods, podKeys, options))));
  return { plan, answers };
}

async function dialogIn(fake: FakeActions): Promise<AppHarness> {
  tui = await renderApp({ namespace: 'default', actions: fake.actions, store: afterUpgrade() }, { rows: 40, columns: 150 });
  await waitForFrame(tui, (f) => f.includes('Pods(default)') && /r reschedule/.test(f));
  await press(tui, 'U');
  await waitForFrame(tui, (f) => f.includes('Type default to confirm'));
  return tui;
}

const asked = (fake: FakeActions) => fake.planOptions.map((o) => o?.strategy ?? 'default');

describe("U's dialog: tab chooses the strategy", () => {
  test('tab plans again with evict, restart, then the default; the dialog says which, and what was typed stays', async () => {
    const fake = fakeActions(mayRestart, hostPlan);
    const t = await dialogIn(fake);
    assert.match(t.frame(), /Strategy: default \(tab: evict\) — evict; restart a one-replica Deployment/);
    assert.match(lineWith(t.frame(), 'default/web-1'), /\sevict\s/);
    await typeText(t, 'def');

    await press(t, 'tab');
    let frame = await waitForFrame(t, (f) => f.includes('Strategy: evict'));
    assert.match(lineWith(frame, 'default/web-1'), /\sevict\s/);
    assert.match(frame, /> def\b/, 'what was typed stays');

    await press(t, 'tab');
    frame = await waitForFrame(t, (f) => f.includes('Strategy: restart'));
    assert.match(lineWith(frame, 'default/web-1'), /\srestart\s/, "the pod's method is the new plan's");
    assert.match(frame, /Deployment web is restarted/);

    await press(t, 'tab');
    frame = await waitForFrame(t, (f) => f.includes('Strategy: default'));
    assert.match(lineWith(frame, 'default/web-1'), /\sevict\s/);
    assert.match(frame, /> def\b/);

    assert.deepEqual(asked(fake), ['default', 'evict', 'restart', 'default']);
    assert.ok(fake.planOptions.every((o) => o?.purpose === 'upgrade' && o.controlPlane === '1.33'), 'each plan is for the upgrade');
    assert.deepEqual(fake.plans, Array(4).fill(['default/web-1']));
    assert.equal(fake.runs.length, 0, 'tab never starts anything');
  });

  test('the typed name then enter starts exactly the plan shown: the last strategy chosen', async () => {
    const fake = fakeActions(mayRestart, hostPlan);
    const t = await dialogIn(fake);
    await press(t, 'tab');
    await waitForFrame(t, (f) => f.includes('Strategy: evict'));
    await press(t, 'tab');
    await waitForFrame(t, (f) => f.includes('Strategy: restart'));
    await press(t, 'enter');
    assert.equal(fake.runs.length, 0, 'enter alone does not confirm');
    await typeText(t, 'default');
    await press(t, 'enter');
    await waitForFrame(t, (f) => f.includes('Reschedule progress'));
    assert.equal(fake.runs.length, 1);
    assert.deepEqual(
      fake.runs[0]!.steps.map((s) => [s.key, s.method]),
      [['default/web-1', 'restart']],
    );
  });

  test('a burst of keys (tab, the name, enter in one chunk) re-plans nothing and starts nothing', async () => {
    const fake = fakeActions(mayRestart, hostPlan);
    const t = await dialogIn(fake);
    await press(t, '\t\tdefault\r');
    await press(t, 'default\t\r');
    await press(t, '\ty\r');
    await waitForFrame(t, (f) => f.includes('ignored: it came with other keys at once'));
    assert.equal(fake.runs.length, 0);
    assert.deepEqual(asked(fake), ['default'], 'no plan was made again');
    assert.match(t.frame(), /Strategy: default/);
  });

  test('one plan at a time: tab and enter wait while it is made; the new plan then shows', async () => {
    const host = slowHost();
    const fake = fakeActions(mayRestart, host.plan);
    const t = await dialogIn(fake);
    await typeText(t, 'default');
    await press(t, 'tab');
    await waitForFrame(t, (f) => f.includes('planning with evict'));
    await press(t, 'tab');
    await waitForFrame(t, (f) => f.includes('wait for the plan'));
    await press(t, 'enter');
    await waitForFrame(t, (f) => f.includes('confirm once the new plan shows'));
    assert.deepEqual(asked(fake), ['default', 'evict'], 'one plan request at a time');
    assert.equal(fake.runs.length, 0, 'the plan on screen is not the one being made: nothing starts');
    host.answers.shift()!();
    await waitForFrame(t, (f) => f.includes('Strategy: evict') && !f.includes('planning with'));
    await press(t, 'enter');
    await waitForFrame(t, (f) => f.includes('Reschedule progress'));
    assert.deepEqual(fake.runs[0]!.steps.map((s) => s.method), ['evict']);
  });

  test('closed while the plan is made: no dialog pops up when it comes', async () => {
    const host = slowHost();
    const fake = fakeActions(mayRestart, host.plan);
    const t = await dialogIn(fake);
    await press(t, 'tab');
    await waitForFrame(t, (f) => f.includes('planning with evict'));
    await press(t, 'esc');
    await waitForFrame(t, (f) => !f.includes('Type default'));
    host.answers.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await press(t, 'y');
    assert.doesNotMatch(t.frame(), /Type default|Strategy:/);
    assert.equal(fake.runs.length, 0);
  });

  test("tab in ctrl-r's typed confirmation (no workloads read) says so and plans nothing", async () => {
    const fake = fakeActions(mayRestart, hostPlan);
    tui = await renderApp({ namespace: 'test', actions: fake.actions }, { rows: 40, columns: 150 });
    await waitForFrame(tui, (f) => f.includes('Pods(test)') && /r reschedule/.test(f));
    await press(tui, 'ctrlR');
    const frame = await waitForFrame(tui, (f) => f.includes('Type test to confirm'));
    assert.doesNotMatch(frame, /Strategy:/);
    await press(tui, 'tab');
    await waitForFrame(tui, (f) => f.includes('the strategy is chosen when recycling for the upgrade'));
    assert.equal(fake.plans.length, 1);
    assert.equal(fake.runs.length, 0);
  });

  test('a strategy that refuses every pod: the typed name and enter start nothing', async () => {
    // As describeWorkloads answers --strategy restart for a paused Deployment.
    const refusing: TuiActions['plan'] = (pods, podKeys, options) =>
      planForKeys(pods, podKeys, options).map((step): RescheduleStep => (options?.strategy === 'restart' ? { ...step, method: 'refuse', reason: '--strategy restart cannot recycle Deployment web: it is paused', warnings: [] } : step));
    const fake = fakeActions(mayRestart, refusing);
    const t = await dialogIn(fake);
    await press(t, 'tab');
    await waitForFrame(t, (f) => f.includes('Strategy: evict'));
    await press(t, 'tab');
    await waitForFrame(t, (f) => f.includes('Strategy: restart') && f.includes('it is paused'));
    await typeText(t, 'default');
    await press(t, 'enter');
    await waitForFrame(t, (f) => f.includes('this strategy refuses every pod'));
    assert.equal(fake.runs.length, 0);
  });
});
