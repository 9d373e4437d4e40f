// The live view's reschedule survives its terminal going away: the tmux session is killed (the
// program gets SIGHUP, then EIO on every write) between a bare pod's delete and its create, and
// the pod is re-created all the same. And a run some earlier process left unfinished shows in the
// status bar. Needs tmux; the CLI is a private copy of dist/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { RunJournal } from '../../source/actions/journal.js';
import { startSim, type RunningSim } from '../../source/sim/index.js';
import { namespace } from '../../source/sim/scenarios/manifests.js';
import { FAST } from '../helpers/sim.js';
import { journalsUnder, tempDir } from '../helpers/files.js';
import { builtCliCopy } from '../helpers/cli.js';
import { hasTmux, TmuxSession } from './tmux.js';

const missing = !hasTmux() ? 'tmux is not installed' : false;

let sim: RunningSim;
let cli: string;
let removeCli: () => void = () => {};
let state: string;
const sessions: TmuxSession[] = [];

before(async () => {
  if (missing) return;
  ({ cli, remove: removeCli } = await builtCliCopy());
  // A grace period long enough that the hang-up lands between the delete and the create.
  sim = await startSim({ scenario: 'walkthrough', timing: { ...FAST, graceMsPerSecond: 60, maxGraceMs: 1800 } });
  state = tempDir('kf-tui-hup-state-');
});
after(async () => {
  for (const s of sessions) s.kill();
  await sim?.close();
  removeCli();
});

function startTui(args: string[] = []): TmuxSession {
  const session = new TmuxSession([process.execPath, cli, '--kubeconfig', sim.kubeconfigPath, '--timeout', '10s', ...args], { ...sim.env, XDG_STATE_HOME: state }, { columns: 200, rows: 40 });
  sessions.push(session);
  return session;
}

async function driftedBarePod(ns: string): Promise<string> {
  sim.cluster.apply(namespace(ns));
  sim.cluster.createPod({ apiVersion: 'v1', kind: 'Pod', metadata: { name: ns, namespace: ns, labels: { app: ns } }, spec: { containers: [{ name: 'app', image: 'public.ecr.aws/nginx/nginx:1.27' }] } });
  await sim.cluster.waitFor(() => sim.cluster.getPod(ns, ns)?.status?.phase === 'Running', 5000, `${ns} running`);
  sim.cluster.createProfile({ name: `fp-${ns}`, selectors: [{ namespace: ns }] });
  return String(sim.cluster.getPod(ns, ns)!.metadata.uid);
}

function deletionSeen(ns: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = sim.cluster.onChange((c) => {
      if (c.rid === 'pods' && c.entry.ns === ns && c.entry.name === ns && (c.entry.deleting || c.type === 'DELETED')) {
        stop();
        resolve();
      }
    });
  });
}

describe('the live view and a terminal that goes away (tmux, sim)', { skip: missing }, () => {
  test('the terminal closes between delete and create: the pod is re-created anyway, the journal closed', async () => {
    const uid = await driftedBarePod('tuihup');
    const tui = startTui(['-n', 'tuihup']);
    try {
      await tui.waitFor((s) => / r reschedule/.test(s.split('\n').at(-2) ?? s) && /^\s+tuihup\s.*fp-tuihup\s+reschedule/m.test(s), 20_000, 'the pod needing a reschedule, r bound');
      await tui.press('r');
      await tui.waitFor((s) => s.includes('Reschedule tuihup/tuihup?'), 10_000, 'the plan dialog');
      const deleted = deletionSeen('tuihup');
      await tui.press('y');
      await deleted;
    } finally {
      // The terminal goes away: SIGHUP, and every later write to it fails.
      tui.kill();
    }
    const back = await sim.cluster.waitFor(() => {
      const p = sim.cluster.getPod('tuihup', 'tuihup');
      return p && p.metadata.uid !== uid && !p.metadata.deletionTimestamp ? p : undefined;
    }, 20_000, 'the pod re-created after the hang-up');
    assert.ok(back);
    await sim.cluster.waitFor(() => journalsUnder(state).every((f) => f.endsWith('.done.jsonl')) || undefined, 10_000, 'the journal closed');
  });

  test('a run an earlier process left unfinished is named in the status bar', async () => {
    await driftedBarePod('leftover');
    // What a killed run leaves: the pod's backup and delete in the journal, no create.
    const journal = RunJournal.open({ root: `${state}/kubectl-fargate/backups`, context: sim.contextName, pods: ['leftover/gone'] });
    journal.append({ event: 'backup-written', pod: 'leftover/gone', namespace: 'leftover', name: 'gone', uid: 'u-gone', file: '/backups/leftover/gone.yaml' });
    journal.append({ event: 'deleting', pod: 'leftover/gone', uid: 'u-gone' });
    writeFileSync(journal.file, readFileSync(journal.file, 'utf8').replace(`"pid":${process.pid}`, '"pid":999999'));
    const tui = startTui(['-n', 'leftover']);
    try {
      const screen = await tui.waitFor((s) => s.includes('was left deleted'), 20_000, 'the pending restore in the status bar');
      assert.match(screen, /pod leftover\/gone was left deleted by a reschedule that did not finish/);
    } finally {
      tui.kill();
    }
  });
});
