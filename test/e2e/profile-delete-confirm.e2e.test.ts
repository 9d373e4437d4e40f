// `profile delete` in a real terminal (tmux), the built CLI against the sim: it asks for the
// profile's name to be typed. Enter alone, `y`, a near miss and Ctrl-C delete nothing; the exact
// name deletes it, after its bare pod is backed up. Needs tmux.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
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

function startDelete(): TmuxSession {
  const session = new TmuxSession([process.execPath, cli, 'profile', 'delete', 'fp-doomed', '--kubeconfig', sim.kubeconfigPath, '--timeout', '10s'], { ...sim.env, XDG_STATE_HOME: state, NO_COLOR: '1' }, { columns: 160, rows: 30 });
  sessions.push(session);
  return session;
}

const profileStatus = (): string | undefined => sim.cluster.profiles().find((p) => p.name === 'fp-doomed')?.status;

describe('profile delete asks for the name to be typed (tmux, sim)', { skip: missing }, () => {
  const refusals: { rule: string; answer: (s: TmuxSession) => Promise<void>; says: RegExp }[] = [
    { rule: 'enter alone', answer: (s) => s.press('enter'), says: /"" is not fp-doomed: nothing was changed\./ },
    { rule: 'y and enter', answer: async (s) => (await s.press('y'), s.press('enter')), says: /"y" is not fp-doomed: nothing was changed\./ },
    { rule: 'a near miss', answer: async (s) => (await s.type('fp-doome'), s.press('enter')), says: /"fp-doome" is not fp-doomed: nothing was changed\./ },
    { rule: 'Ctrl-C', answer: async (s) => void execFileSync('tmux', ['send-keys', '-t', s.name, 'C-c']), says: /No answer: nothing was changed\./ },
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

  test('the exact name: the bare pod is backed up, then the profile deleted', { timeout: 60_000 }, async () => {
    const tui = startDelete();
    await tui.waitFor((s) => s.includes(PROMPT), 30_000, 'the typed-name prompt');
    await tui.type('fp-doomed');
    await tui.press('enter');
    await tui.waitForExit(30_000);
    const screen = tui.capture();
    assert.match(screen, /profile fp-doomed is (DELETING|deleted)/, screen);
    assert.notEqual(profileStatus(), 'ACTIVE');
    const backups = filesUnder(state).filter((f) => /solo/.test(f) && existsSync(f));
    assert.ok(backups.length > 0, `the bare pod was backed up: ${filesUnder(state).join(', ')}`);
    assert.match(screen, /restore it with `kubectl fargate restore /, 'the exact restore command');
  });
});
