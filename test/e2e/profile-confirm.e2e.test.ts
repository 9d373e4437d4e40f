// The profile commands' questions in a real terminal (tmux), the built CLI against the sim.
// `profile delete` asks for the profile's name to be typed: enter alone, `y`, a near miss and
// Ctrl-C delete nothing; the exact name deletes it, after its bare pod is backed up, and with
// --wait offers to restore it. `profile create` asks y/N: only `y` creates. Needs tmux.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { startSim, type RunningSim } from '../../source/sim/index.js';
import { container, namespace, pod } from '../../source/sim/scenarios/manifests.js';
import { builtCliCopy } from '../helpers/cli.js';
import { filesUnder, tempDir } from '../helpers/files.js';
import { FAST } from '../helpers/sim.js';
import { waitUntil } from '../helpers/waiting.js';
import { hasTmux, TmuxSession } from './tmux.js';

const missing = !hasTmux() ? 'tmux is not installed' : false;
const PROMPT = 'Type the profile name (fp-doomed) to delete it:';

let sim: RunningSim;
let cli: string;
let removeCli: () => void = () => {};
let state: string;
const sessions: TmuxSession[] = [];

before(async () => {
  if (missing) return;
  ({ cli, remove: removeCli } = await builtCliCopy());
  sim = await startSim({ scenario: 'empty', timing: FAST });
  sim.cluster.createProfile({ name: 'fp-doomed', selectors: [{ namespace: 'doomed' }] });
  sim.cluster.apply([namespace('doomed'), pod('doomed', 'solo', { containers: [container({ image: 'nginx:1.27' })] })]);
  await waitUntil('the bare pod running under fp-doomed', () => {
    const p = sim.cluster.getPod('doomed', 'solo');
    return p?.status?.phase === 'Running' && String(p.spec?.nodeName).startsWith('fargate-');
  });
  state = tempDir('kf-delete-confirm-');
});
after(async () => {
  for (const s of sessions) s.kill();
  await sim?.close();
  removeCli();
});

function startCli(...args: string[]): TmuxSession {
  const session = new TmuxSession([process.execPath, cli, ...args, '--kubeconfig', sim.kubeconfigPath, '--timeout', '20s'], { ...sim.env, XDG_STATE_HOME: state, NO_COLOR: '1' }, { columns: 160, rows: 40 });
  sessions.push(session);
  return session;
}
const startDelete = (...extra: string[]): TmuxSession => startCli('profile', 'delete', 'fp-doomed', ...extra);
const ROLE = 'arn:aws:iam::111122223333:role/AmazonEKSFargatePodExecutionRole';

const profileStatus = (): string | undefined => sim.cluster.profiles().find((p) => p.name === 'fp-doomed')?.status;

describe('profile delete asks for the name to be typed (tmux, sim)', { skip: missing }, () => {
  const refusals: { rule: string; answer: (s: TmuxSession) => Promise<void>; says: RegExp }[] = [
    { rule: 'enter alone', answer: (s) => s.press('enter'), says: /"" is not fp-doomed: nothing was changed\./ },
    { rule: 'y and enter', answer: async (s) => (await s.press('y'), s.press('enter')), says: /"y" is not fp-doomed: nothing was changed\./ },
    { rule: 'a near miss', answer: async (s) => (await s.type('fp-doome'), s.press('enter')), says: /"fp-doome" is not fp-doomed: nothing was changed\./ },
    { rule: 'Ctrl-C', answer: async (s) => void s.sendKeys('C-c'), says: /No answer: nothing was changed\./ },
  ];
  for (const r of refusals) {
    test(`${r.rule}: nothing is deleted or backed up`, { timeout: 60_000 }, async () => {
      sim.requests.clear();
      const tui = startDelete();
      await tui.waitFor((s) => s.includes(PROMPT), 30_000, 'the typed-name prompt');
      assert.match(tui.capture(), /doomed\/solo\s+<none>\s+stopped and lost: a bare pod/, 'what EKS would do is shown before the question');
      await r.answer(tui);
      await tui.waitForExit(15_000);
      assert.match(tui.capture(), r.says);
      assert.deepEqual(sim.requests.all.filter((q) => q.api === 'eks' && q.method !== 'GET').map((q) => `${q.method} ${q.path}`), []);
      assert.equal(profileStatus(), 'ACTIVE');
      assert.deepEqual(filesUnder(state), [], 'no backup');
    });
  }

  test('the exact name, with --wait: the bare pod is backed up, the profile deleted, and y restores the pod', { timeout: 90_000 }, async () => {
    const tui = startDelete('--wait');
    await tui.waitFor((s) => s.includes(PROMPT), 30_000, 'the typed-name prompt');
    await tui.type('fp-doomed');
    await tui.press('enter');
    await tui.waitFor((s) => /Restore doomed\/solo from its backup\? \[y\/N\]/.test(s), 30_000, 'the offer to restore');
    const offer = tui.capture();
    assert.match(offer, /profile fp-doomed is deleted/, offer);
    assert.match(offer, /doomed\/solo: would run on EC2 \(backup /, 'where it would run now');
    assert.equal(profileStatus(), undefined, 'gone');
    assert.equal(sim.cluster.getPod('doomed', 'solo'), undefined, 'EKS stopped the bare pod');
    assert.ok(filesUnder(state).some((f) => /solo/.test(f) && existsSync(f)), `the bare pod was backed up: ${filesUnder(state).join(', ')}`);
    await tui.press('y');
    await tui.press('enter');
    await tui.waitForExit(30_000);
    assert.match(tui.capture(), /doomed\/solo\s+succeeded/, tui.capture());
    const back = sim.cluster.getPod('doomed', 'solo');
    assert.ok(back && !String(back.spec?.nodeName ?? '').startsWith('fargate-'), 'restored, off Fargate');
  });
});

describe('profile create asks y/N (tmux, sim)', { skip: missing }, () => {
  for (const answer of ['enter', 'n', 'yes-no', 'ctrl-c']) {
    test(`${answer === 'enter' ? 'enter alone' : answer === 'ctrl-c' ? 'Ctrl-C' : JSON.stringify(answer)}: nothing is created`, { timeout: 60_000 }, async () => {
      sim.requests.clear();
      const tui = startCli('profile', 'create', 'fp-asked', '--selector', 'asked', '--role', ROLE);
      await tui.waitFor((s) => s.includes('Create Fargate profile fp-asked? [y/N]'), 30_000, 'the question');
      if (answer === 'ctrl-c') tui.sendKeys('C-c');
      else {
        if (answer !== 'enter') await tui.type(answer);
        await tui.press('enter');
      }
      await tui.waitForExit(15_000);
      assert.match(tui.capture(), /Nothing was changed\./);
      assert.equal(sim.cluster.profiles().find((p) => p.name === 'fp-asked'), undefined);
      assert.deepEqual(sim.requests.all.filter((q) => q.api === 'eks' && q.method !== 'GET').map((q) => `${q.method} ${q.path}`), []);
    });
  }

  test('y: created', { timeout: 60_000 }, async () => {
    const tui = startCli('profile', 'create', 'fp-asked', '--selector', 'asked', '--role', ROLE);
    await tui.waitFor((s) => s.includes('Create Fargate profile fp-asked? [y/N]'), 30_000, 'the question');
    await tui.press('y');
    await tui.press('enter');
    await tui.waitForExit(15_000);
    assert.match(tui.capture(), /profile fp-asked created: CREATING/);
    assert.ok(sim.cluster.profiles().some((p) => p.name === 'fp-asked'));
  });
});
