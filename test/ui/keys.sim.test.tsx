// The reflexes through the REAL action layer, against the simulated cluster over HTTP:
// the App gets the actions the CLI builds (planner, reschedule executor, permission checks), the
// store is fed by the production reflector. `:crd⏎` and `:secret⏎` on the drifted bare pod
// `test/test`, and `enter` in its dialog, leave it alone: same uid, not being deleted.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { planForKeys } from '../../source/actions/plan.js';
import { startReschedule } from '../../source/actions/reschedule.js';
import { fetchProfiles } from '../../source/sources/aws/eks.js';
import { checkPodPermissions } from '../../source/sources/kube/permissions.js';
import type { RescheduleStep, TuiActions } from '../../source/ui/tui-actions.js';
import { startActionSim, type ActionSim } from '../actions/helpers.js';
import { tempDir } from '../helpers/files.js';
import { follow, type Followed } from '../faults/helpers.js';
import { press, renderApp, selectedLine, type as typeText, waitForFrame, type AppHarness } from './helpers.js';

let s: ActionSim;
let live: Followed;
let tui: AppHarness;
const calls = { plans: [] as string[][], starts: [] as RescheduleStep[][] };

before(async () => {
  s = await startActionSim();
  live = await follow(s.sim.kubeconfigPath);
  const { profiles, status } = await fetchProfiles(live.store.getSnapshot().identity);
  live.store.setLiveProfiles(profiles, status);
  const backupDir = tempDir('kf-keys-sim-');
  // As source/cli/view-mode.ts builds them, recording what the UI asks for.
  const actions: TuiActions = {
    backupDir,
    plan: (pods, podKeys) => {
      calls.plans.push([...podKeys]);
      return planForKeys(pods, podKeys);
    },
    start: (steps) => {
      calls.starts.push([...steps]);
      return startReschedule(live.kc, steps, { backupDir, context: s.identity.context, timeoutMs: 5000 });
    },
    permissions: (namespace) => checkPodPermissions(live.kc, namespace),
  };
  tui = await renderApp({ store: live.store, namespace: 'test', actions, clock: Date.now }, { columns: 120, rows: 30 });
});

after(async () => {
  tui?.unmount();
  await live?.stop();
  await s?.close();
});

const barePod = () => s.sim.cluster.getPod('test', 'test');

describe('keys against the sim, through the real actions', () => {
  test(':crd⏎ and :secret⏎ on the drifted bare pod, and enter in its dialog, send nothing', async () => {
    const before = barePod();
    assert.ok(before, 'the walkthrough has the bare pod test/test');
    await waitForFrame(tui, (f) => /\stest\s+Running\s+EC2.*reschedule/.test(f) && /r reschedule/.test(f.split('\n').at(-1) ?? ''), 20_000);
    for (let i = 0; i < 10 && !/\stest\s/.test(selectedLine(tui)); i++) await press(tui, 'j');
    assert.match(selectedLine(tui), /\stest\s/);

    await typeText(tui, ':crd');
    await press(tui, 'enter');
    assert.deepEqual(calls, { plans: [], starts: [] }, ':crd⏎ sent nothing');
    await waitForFrame(tui, (f) => f.includes('unknown command: crd'));
    await press(tui, 'esc');
    await press(tui, ':secret\r');
    assert.deepEqual(calls, { plans: [], starts: [] }, ':secret⏎ sent nothing');
    await waitForFrame(tui, (f) => f.includes('unknown command: secret'));
    await press(tui, 'esc');

    // The dialog itself: enter does not confirm, n cancels.
    await press(tui, 'r');
    await waitForFrame(tui, (f) => f.includes('Reschedule test/test?'), 10_000);
    await press(tui, 'enter');
    await waitForFrame(tui, (f) => f.includes('enter does not confirm'));
    await press(tui, 'n');
    await waitForFrame(tui, (f) => !f.includes('Reschedule test/test?'));
    assert.deepEqual(calls.starts, []);

    const after = barePod();
    assert.equal(after?.metadata.uid, before.metadata.uid, 'the same pod');
    assert.equal(after?.metadata.deletionTimestamp, undefined, 'not being deleted');
  });
});
