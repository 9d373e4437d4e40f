// `U` through the REAL action layer against the after-upgrade sim (control plane 1.32 -> 1.33,
// nothing recycled): the live store is fed by the production reflector and the /version read,
// the plan is the host's (view-plan.ts), the run is the reschedule executor. Every shop pod that
// blocked the upgrade ends on a 1.33 kubelet; the one-replica Deployment is restarted (its
// default) and never has zero Ready replicas; the others are evicted or re-created.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startReschedule } from '../../source/actions/reschedule.js';
import { viewPlanner } from '../../source/actions/view-plan.js';
import { upgradeExpectationFor } from '../../source/sim/index.js';
import { fetchProfiles } from '../../source/sources/aws/eks.js';
import { checkPodPermissions } from '../../source/sources/kube/permissions.js';
import { loadControlPlaneVersion } from '../../source/sources/kube/version.js';
import type { RescheduleStep, TuiActions } from '../../source/ui/tui-actions.js';
import { startActionSim, type ActionSim } from '../actions/helpers.js';
import { tempDir } from '../helpers/files.js';
import { follow, type Followed } from '../faults/helpers.js';
import { press, renderApp, type as typeText, waitForFrame, type AppHarness } from './helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = any;

let s: ActionSim;
let live: Followed;
let tui: AppHarness;
const starts: RescheduleStep[][] = [];

before(async () => {
  s = await startActionSim({ scenario: 'after-upgrade', timing: { graceMsPerSecond: 20, maxGraceMs: 300 } });
  live = await follow(s.sim.kubeconfigPath);
  await loadControlPlaneVersion(live.kc, live.store);
  const { profiles, status } = await fetchProfiles(live.store.getSnapshot().identity);
  live.store.setLiveProfiles(profiles, status);
  const backupDir = tempDir('kf-upgrade-sim-');
  // As source/cli/view-mode.ts builds them.
  const actions: TuiActions = {
    backupDir,
    plan: viewPlanner(live.kc),
    start: (steps) => {
      starts.push([...steps]);
      return startReschedule(live.kc, steps, { backupDir, context: s.identity.context, timeoutMs: 60_000 });
    },
    permissions: (namespace) => checkPodPermissions(live.kc, namespace),
  };
  tui = await renderApp({ store: live.store, namespace: 'shop', actions, clock: Date.now }, { columns: 140, rows: 40 });
});

after(async () => {
  tui?.unmount();
  await live?.stop();
  await s?.close();
});

const running = (ns: string): Obj[] => s.sim.cluster.listPods(ns).filter((p: Obj) => !p.metadata.deletionTimestamp);
const kubeletOf = (pod: Obj): string => String(s.sim.cluster.get('nodes', '', String(pod.spec?.nodeName))?.status?.nodeInfo?.kubeletVersion ?? '');
/** The method word of the dialog's first line for a pod whose key starts with `prefix`. */
const method = (frame: string, prefix: string): string => new RegExp(`${prefix.replace('/', '\\/')}\\S*\\s+(\\S+)`).exec(frame)?.[1] ?? '';
const isReady = (pod: Obj): boolean => (pod.status?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True');

describe('U against the after-upgrade sim, through the real actions', () => {
  test('recycles every shop pod that blocks the upgrade onto a 1.33 kubelet; the one-replica Deployment stays Ready', async () => {
    const outdated = running('shop').filter((p: Obj) => upgradeExpectationFor(p)?.outdated === true);
    assert.ok(outdated.length >= 5, `the scenario has outdated shop pods (${outdated.length})`);
    // The reschedule keys are bound once the permission check answered (the footer shows r).
    await waitForFrame(tui, (f) => /pods? blocks? the upgrade to 1\.34/.test(f) && /\s1\.32 outdated\s/.test(f) && /r reschedule/.test(f.split('\n').at(-1) ?? ''), 20_000);

    const cartReady = () => running('shop').filter((p: Obj) => p.metadata.labels?.app === 'cart' && isReady(p)).length;
    const samples: number[] = [cartReady()];
    const stop = s.sim.cluster.onChange((c: Obj) => {
      if (c.rid === 'pods' && c.entry.ns === 'shop') samples.push(cartReady());
    });
    try {
      await press(tui, 'U');
      const dialog = await waitForFrame(tui, (f) => f.includes('Type shop to confirm'), 20_000);
      assert.match(dialog, /Recycle all \d+ pods that block the upgrade in shop\?/);
      assert.match(dialog, /Strategy: default/);
      assert.match(method(dialog, 'shop/cart-'), /^restart$/, 'the one-replica Deployment is restarted');
      assert.match(method(dialog, 'shop/catalog-'), /^evict$/);
      // tab: the host plans again with --strategy's choice (the workloads read anew), nothing runs.
      await press(tui, 'tab');
      let frame = await waitForFrame(tui, (f) => f.includes('Strategy: evict') && !f.includes('planning with'), 20_000);
      assert.equal(method(frame, 'shop/cart-'), 'evict');
      assert.match(frame, /evicting leaves Deployment cart with no Ready replica/);
      await press(tui, 'tab');
      frame = await waitForFrame(tui, (f) => f.includes('Strategy: restart') && !f.includes('planning with'), 20_000);
      assert.equal(method(frame, 'shop/catalog-'), 'restart');
      assert.equal(method(frame, 'shop/cart-'), 'restart');
      await press(tui, 'tab');
      frame = await waitForFrame(tui, (f) => f.includes('Strategy: default') && !f.includes('planning with'), 20_000);
      assert.equal(method(frame, 'shop/catalog-'), 'evict');
      assert.equal(starts.length, 0, 'tab starts nothing');
      await typeText(tui, 'shop');
      await press(tui, 'enter');
      await s.sim.cluster.waitFor(
        () => {
          const pods = running('shop');
          return pods.length > 0 && pods.every((p: Obj) => p.spec?.nodeName && kubeletOf(p).startsWith('v1.33.') && isReady(p));
        },
        60_000,
        'every shop pod Ready on a 1.33 kubelet',
      );
    } finally {
      stop();
    }
    assert.equal(starts.length, 1);
    const methods = new Map(starts[0]!.map((step) => [step.key.replace(/-[a-z0-9]+(-[a-z0-9]+)?$/, ''), step.method]));
    assert.equal(methods.get('shop/cart'), 'restart');
    assert.equal(methods.get('shop/toolbox'), 'recreate');
    assert.ok(starts[0]!.every((step) => step.upgrade?.controlPlane === '1.33'), 'planned for the upgrade');
    assert.ok(s.sim.cluster.get('deployments.apps', 'shop', 'cart')!.spec.template.metadata.annotations?.['kubectl.kubernetes.io/restartedAt'], 'cart restarted');
    assert.ok(samples.every((n) => n >= 1), `cart's Ready replicas over the run: ${samples.join(',')}`);
  });
});
