// The profiles view's c and x through the REAL wiring (source/cli/tui-profiles.ts over a live
// session) against the sim: --dry-run shows what would be sent and sends nothing; without it,
// `c` creates the profile (ACTIVE), and `x` backs up the bare pod the profile runs before
// DeleteFargateProfile, after which EKS (the sim) has stopped it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from '../../source/cli/flags.js';
import { openLiveSession, type LiveSession } from '../../source/cli/live-session.js';
import { tuiProfiles } from '../../source/cli/tui-profiles.js';
import type { RunningSim, SimRequest } from '../../source/sim/index.js';
import { filesUnder, tempDir } from '../helpers/files.js';
import { fastSim, podManifest, pointAwsSdkAt } from '../helpers/sim.js';
import { waitUntil } from '../helpers/waiting.js';
import { press, renderApp, selectedLine, type as typeText, waitForFrame, type AppHarness } from './helpers.js';

let sim: RunningSim;
let restoreEnv: () => void = () => {};
const sessions: LiveSession[] = [];
let tui: AppHarness | null = null;
let stateBefore: string | undefined;

before(async () => {
  sim = await fastSim({ scenario: 'walkthrough' });
  // The walkthrough's fp-analytics is CREATING for a minute: EKS would make every write wait for it.
  sim.cluster.setProfileStatus('fp-analytics', 'ACTIVE');
  restoreEnv = pointAwsSdkAt(sim);
  // Journal links go to the default state directory even with --backup-dir (so the next start
  // finds them): point it at a private one, never the user's.
  stateBefore = process.env.XDG_STATE_HOME;
  process.env.XDG_STATE_HOME = tempDir('kf-tui-profiles-state-');
});
after(async () => {
  tui?.unmount();
  for (const live of sessions) await live.close();
  restoreEnv();
  if (stateBefore === undefined) delete process.env.XDG_STATE_HOME;
  else process.env.XDG_STATE_HOME = stateBefore;
  await sim?.close();
});

/** The TUI over a live session opened from these flags, as source/cli/view-mode.ts wires it, on the profiles view. */
async function open(flags: string[]): Promise<{ t: AppHarness; backups: string }> {
  tui?.unmount();
  const backups = tempDir('kf-tui-profiles-');
  const options = parseArgs(['--kubeconfig', sim.kubeconfigPath, '--backup-dir', backups, ...flags]);
  const live = await openLiveSession(options);
  sessions.push(live);
  await live.refreshProfiles();
  const t = await renderApp({ store: live.current().store, profiles: tuiProfiles(live, options), clock: Date.now, readOnly: options.readOnly }, { columns: 140, rows: 40 });
  tui = t;
  await press(t, 'p');
  await waitForFrame(t, (f) => f.includes('fp-test'), 10_000);
  return { t, backups };
}

async function select(t: AppHarness, profile: string): Promise<void> {
  await press(t, 'g');
  for (let i = 0; i < 20 && !selectedLine(t).includes(profile); i++) await press(t, 'j');
  assert.match(selectedLine(t), new RegExp(profile));
}

const eksWrites = (): SimRequest[] => [...sim.requests.all.filter((r) => r.api === 'eks' && r.method !== 'GET'), ...sim.requests.writes()];
const profilesNow = (): string[] => sim.cluster.profiles().map((p) => `${p.name}:${p.status}`).sort();

describe('c and x against the sim', () => {
  test('--dry-run: the delete and create dialogs show the request; the typed name or y sends nothing and backs up nothing', async () => {
    const { t, backups } = await open(['--dry-run']);
    await select(t, 'fp-test');
    const before = profilesNow();
    sim.requests.clear();
    await press(t, 'x');
    const dialog = await waitForFrame(t, (f) => f.includes('Delete Fargate profile fp-test? (dry run'), 10_000);
    assert.match(dialog, /Would send DeleteFargateProfile/);
    await typeText(t, 'fp-test');
    await press(t, 'enter');
    await waitForFrame(t, (f) => f.includes('Dry run: DeleteFargateProfile fp-test was not sent'), 10_000);
    assert.deepEqual(eksWrites().map((w) => `${w.api} ${w.method} ${w.path}`), []);
    assert.deepEqual(profilesNow(), before);
    assert.deepEqual(filesUnder(backups), []);

    // c: the what-if and the request; y sends nothing.
    await press(t, 'c');
    await waitForFrame(t, (f) => f.includes('Create a Fargate profile'));
    await typeText(t, 'fp-dry');
    await press(t, 'tab');
    await typeText(t, 'test');
    await press(t, 'enter');
    const create = await waitForFrame(t, (f) => f.includes('Create Fargate profile fp-dry? (dry run'), 10_000);
    assert.match(create, /Would send CreateFargateProfile/);
    await press(t, 'y');
    await waitForFrame(t, (f) => f.includes('Dry run: CreateFargateProfile fp-dry was not sent'), 10_000);
    assert.deepEqual(eksWrites().map((w) => `${w.api} ${w.method} ${w.path}`), []);
    assert.deepEqual(profilesNow(), before);
  });

  test('c creates the profile once y is pressed; x then backs up its bare pod before EKS stops it', async () => {
    const { t, backups } = await open([]);
    // The form is prefilled from the namespace selected last: none here, so the fields are typed.
    await press(t, 'c');
    await waitForFrame(t, (f) => f.includes('Create a Fargate profile'));
    await typeText(t, 'fp-tui');
    await press(t, 'tab');
    await typeText(t, 'solo');
    sim.requests.clear();
    await press(t, 'enter');
    await waitForFrame(t, (f) => f.includes('Create Fargate profile fp-tui?'), 10_000);
    assert.deepEqual(eksWrites(), [], 'the what-if sends nothing');
    await press(t, 'y');
    await waitForFrame(t, (f) => f.includes('profile fp-tui is ACTIVE'), 20_000);
    assert.ok(profilesNow().includes('fp-tui:ACTIVE'));

    // A bare pod EKS now runs under fp-tui.
    sim.cluster.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'solo' } });
    sim.cluster.createPod(podManifest('solo', 'lonely'));
    await waitUntil('lonely runs under fp-tui', () => (sim.cluster.listPods('solo').some((p) => (p.metadata as { labels?: Record<string, string> }).labels?.['eks.amazonaws.com/fargate-profile'] === 'fp-tui') ? true : null), 10_000);
    await press(t, 'R');
    await waitUntil('the view has fp-tui', () => (t.frame().includes('fp-tui') ? true : null), 10_000);
    await select(t, 'fp-tui');
    // The preview reads the cluster anew: the dialog names the pod the view may not have yet.
    await press(t, 'x');
    await waitForFrame(t, (f) => f.includes('solo/lonely'), 10_000);
    const dialog = t.frame();
    assert.match(dialog, /stopped and lost: a bare pod/);
    await typeText(t, 'fp-tui');
    await press(t, 'enter');
    await waitForFrame(t, (f) => f.includes('profile fp-tui is deleted'), 20_000);
    assert.ok(!profilesNow().some((p) => p.startsWith('fp-tui:')));
    assert.ok(filesUnder(backups).some((f) => f.includes('lonely')), `a backup of solo/lonely: ${filesUnder(backups).join(', ')}`);
    assert.equal(sim.cluster.listPods('solo').filter((p) => !(p.metadata as { deletionTimestamp?: string }).deletionTimestamp).length, 0, 'EKS stopped it');
  });
});
