// A run that loses its terminal, or is killed outright, between a bare pod's delete and its
// create. The built CLI (dist/) as a child process against the sim over real HTTP; the signal is
// sent at the step the test watches for (the CLI's progress lines, or the sim seeing the delete).
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseJournal } from '../../source/actions/journal.js';
import { namespace } from '../../source/sim/scenarios/manifests.js';
import { cliSimForFile, SIGNAL_WINDOW } from '../helpers/sim.js';
import { backupsUnder, journalsUnder, tempDir } from '../helpers/files.js';

// The built CLI against a walkthrough sim whose grace periods leave a signal its window.
const f = cliSimForFile({ scenario: 'walkthrough', timing: SIGNAL_WINDOW }, 'kf-hup-state-');
afterEach(() => assert.deepEqual(f.sim.cluster.errors.map(String), [], 'the sim had no internal errors'));

const cli = f.run;
const kubectl = f.kubectl;
const IMAGE_NOW = 'public.ecr.aws/nginx/nginx:1.28';

/** A bare pod on EC2, applied with kubectl and then given a new image, that a new profile selects. */
async function driftedBarePod(ns: string): Promise<string> {
  f.sim.cluster.apply(namespace(ns));
  const file = path.join(tempDir('kf-hup-'), 'pod.yaml');
  writeFileSync(file, ['apiVersion: v1', 'kind: Pod', 'metadata:', `  name: ${ns}`, `  namespace: ${ns}`, `  labels: {app: ${ns}}`, 'spec:', '  containers:', '  - name: app', '    image: public.ecr.aws/nginx/nginx:1.27', ''].join('\n'));
  await kubectl('apply', '-f', file);
  await f.sim.cluster.waitFor(() => f.sim.cluster.getPod(ns, ns)?.status?.phase === 'Running', 5000, `${ns} running`);
  await kubectl('set', 'image', '-n', ns, `pod/${ns}`, `app=${IMAGE_NOW}`);
  f.sim.cluster.createProfile({ name: `fp-${ns}`, selectors: [{ namespace: ns }] });
  return String(f.sim.cluster.getPod(ns, ns)!.metadata.uid);
}

interface Running {
  child: ChildProcess;
  stderr: () => string;
  stdout: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startReschedule(ns: string, extra: string[] = []): Running {
  const child = spawn(process.execPath, [f.cli, 'reschedule', '-n', ns, ns, '--yes', ...extra], { env: f.env() });
  let stderr = '';
  let stdout = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, stderr: () => stderr, stdout: () => stdout, exit };
}

/** Resolves once the sim has the pod marked for deletion (the DELETE reached the API server). */
function deletionSeen(ns: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = f.sim.cluster.onChange((c) => {
      if (c.rid === 'pods' && c.entry.ns === ns && c.entry.name === ns && (c.entry.deleting || c.type === 'DELETED')) {
        stop();
        resolve();
      }
    });
  });
}

const pendingLines = (stderr: string) => stderr.split('\n').filter((l) => l.includes('was left deleted'));

describe('a hang-up is handled like Ctrl-C: the pod in flight is re-created, nothing new starts', () => {
  test('SIGHUP between delete and create: re-created, exit 129, the journal closed', async () => {
    const uid = await driftedBarePod('hup');
    const dir = tempDir('kf-hup-b-');
    const run = startReschedule('hup', ['--backup-dir', dir]);
    await deletionSeen('hup');
    run.child.kill('SIGHUP');
    const { code, signal } = await run.exit;
    assert.deepEqual({ code, signal }, { code: 129, signal: null }, run.stderr());
    assert.match(run.stderr(), /interrupted \(SIGHUP: the terminal hung up\): finishing hup\/hup \(re-creating it from .*\) first, then stopping/);
    const now = f.sim.cluster.getPod('hup', 'hup');
    assert.ok(now && now.metadata.uid !== uid, 'the pod exists again');
    assert.equal(now.spec.containers[0].image, IMAGE_NOW, 'as it ran: the live spec');
    assert.match(run.stdout(), /hup\/hup\s+interrupted\s+re-created/);
    assert.deepEqual(journalsUnder(dir).map((f) => path.basename(f).endsWith('.done.jsonl')), [true]);
    const next = await cli('-n', 'hup');
    assert.deepEqual(pendingLines(next.stderr), [], 'nothing is reported at the next start');
  });

  test('the terminal goes away (EPIPE writing progress): re-created, exit 129', async () => {
    const uid = await driftedBarePod('lost');
    const run = startReschedule('lost', ['--backup-dir', tempDir('kf-hup-b-')]);
    await deletionSeen('lost');
    // Whoever read the progress is gone: the next line written hits a closed pipe.
    run.child.stderr!.destroy();
    const { code, signal } = await run.exit;
    assert.deepEqual({ code, signal }, { code: 129, signal: null }, run.stdout());
    const now = f.sim.cluster.getPod('lost', 'lost');
    assert.ok(now && now.metadata.uid !== uid, 'the pod exists again');
    assert.match(run.stdout(), /lost\/lost\s+interrupted\s+re-created/);
  });
});

describe('a run killed outright (SIGKILL) is found by the next start', () => {
  test('the next start names the pod and the exact restore command; `restore --pending --yes` brings it back with its live spec', async () => {
    const uid = await driftedBarePod('killed');
    // A --backup-dir of its own: the next start without it still finds the run (a link in the default place).
    const dir = tempDir('kf-killed-b-');
    const run = startReschedule('killed', ['--backup-dir', dir]);
    await deletionSeen('killed');
    run.child.kill('SIGKILL');
    assert.equal((await run.exit).signal, 'SIGKILL');
    await f.sim.cluster.waitFor(() => f.sim.cluster.getPod('killed', 'killed') === undefined, 10_000, 'the pod is gone');

    const [backup] = backupsUnder(dir);
    const [journal] = journalsUnder(dir);
    assert.ok(backup && journal, 'a backup and an open journal');
    assert.match(journal, /\.open\.jsonl$/);
    const startedAt = parseJournal(readFileSync(journal, 'utf8'))[0]!.at;
    const ctx = f.sim.contextName;
    const expected = `warning: pod killed/killed was left deleted by a reschedule that did not finish (started ${startedAt}): restore it with \`kubectl fargate restore --context ${ctx} ${backup}\`, or every such pod with \`kubectl fargate restore --pending --context ${ctx}\``;

    for (const args of [['-n', 'killed'], ['-n', 'killed', '-o', 'json'], ['check', '-n', 'killed']]) {
      const next = await cli(...args);
      assert.deepEqual(pendingLines(next.stderr), [expected], `kubectl fargate ${args.join(' ')}:\n${next.stderr}`);
    }

    const unconfirmed = await cli('restore', '--pending');
    assert.equal(unconfirmed.code, 2, unconfirmed.stderr);
    assert.match(unconfirmed.stderr, /refusing to restore without confirmation: pass --yes/);
    assert.equal(f.sim.cluster.getPod('killed', 'killed'), undefined, 'nothing was created');

    const restored = await cli('restore', '--pending', '--yes');
    assert.equal(restored.code, 0, restored.stderr);
    assert.match(restored.stdout, /killed\/killed\s+succeeded\s+restored: now on Fargate under fp-killed/);
    const now = f.sim.cluster.getPod('killed', 'killed');
    assert.ok(now && now.metadata.uid !== uid);
    assert.equal(now.spec.containers[0].image, IMAGE_NOW, 'the live spec, not the last-applied one');

    const after = await cli('-n', 'killed');
    assert.deepEqual(pendingLines(after.stderr), [], 'the journal is closed');
    assert.match(journalsUnder(dir)[0]!, /\.done\.jsonl$/);
    const nothing = await cli('restore', '--pending', '--yes');
    assert.equal(nothing.code, 0);
    assert.match(nothing.stderr, /No pods were left deleted by an unfinished reschedule/);
  });

  test('a killed run whose pod exists again (restored by hand) is closed with a note, not reported', async () => {
    await driftedBarePod('byhand');
    const dir = tempDir('kf-byhand-b-');
    const run = startReschedule('byhand', ['--backup-dir', dir]);
    await deletionSeen('byhand');
    run.child.kill('SIGKILL');
    await run.exit;
    await f.sim.cluster.waitFor(() => f.sim.cluster.getPod('byhand', 'byhand') === undefined, 10_000, 'the pod is gone');
    await kubectl('apply', '-f', backupsUnder(dir)[0]!);
    const next = await cli('-n', 'byhand');
    assert.deepEqual(pendingLines(next.stderr), []);
    const [journal] = journalsUnder(dir);
    assert.match(journal!, /\.done\.jsonl$/);
    assert.match(readFileSync(journal!, 'utf8'), /"event":"restored","pod":"byhand\/byhand","note":"the pod exists again/);
  });
});
