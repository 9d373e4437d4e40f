// The built CLI in a real terminal (tmux): the walkthrough a user would do, and live changes in
// the simulated cluster reaching the screen without a key press. Needs `npm run build` and tmux.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { hasTmux, TmuxSession } from './tmux.js';

const CLI = 'dist/cli.js';
// Async: the sim serves from this process, so a blocking child call would stall it.
const run = promisify(execFile);
const missing = !existsSync(CLI) ? `${CLI} is missing (npm run build)` : !hasTmux() ? 'tmux is not installed' : false;

const sessions: TmuxSession[] = [];
after(() => {
  for (const s of sessions) s.kill();
});

function start(args: string[], env: Record<string, string> = {}): TmuxSession {
  const session = new TmuxSession([process.execPath, CLI, ...args], env, { columns: 120, rows: 30 });
  sessions.push(session);
  return session;
}


/** A table row whose NAME (or NAMESPACE) cell is exactly `name`. */
const rowNamed = (name: string) => (row: string) => new RegExp(`^\\s{2}(\\S+\\s+)?${name}\\s`).test(row);

describe('TUI end to end (tmux)', { skip: missing }, () => {
  test('--demo: find the test pod needing reschedule, read why, filter, quit', async () => {
    const tui = start(['--demo']);
    try {
      await tui.waitFor((s) => s.includes('Namespaces ['), 20_000, 'the namespaces view');
      await tui.selectRow(rowNamed('test'));
      await tui.press('enter');
      let screen = await tui.waitFor((s) => s.includes('Pods(test)'), 5000, 'the pods of test');
      const row = screen.split('\n').find((l) => rowNamed('test')(l));
      assert.ok(row, screen);
      assert.match(row, /EC2\s+.*reschedule\s+\S+/, 'flagged with a reason');

      await tui.selectRow(rowNamed('test'));
      await tui.press('enter');
      screen = await tui.waitFor((s) => s.includes('Pod detail'), 5000, 'the detail');
      assert.match(screen, /Pod test\/test\s+reschedule/);
      assert.match(screen, /needs reschedule\s+yes/);

      await tui.press('esc');
      await tui.waitFor((s) => s.includes('Pods(test)'), 5000, 'back on the pods');
      await tui.press('/');
      await tui.type('zz-no-such-pod');
      await tui.waitFor((s) => s.includes('/zz-no-such-pod') && rowsOf(s).every((r) => !rowNamed('test')(r)), 5000, 'the live filter hiding everything');
      await tui.press('esc');
      await tui.press('/');
      await tui.type('!zz');
      await tui.press('enter');
      screen = await tui.waitFor((s) => s.includes('filter: not matching /zz/'), 5000, 'the inverse filter');
      assert.ok(screen.split('\n').some(rowNamed('test')), screen);

      await tui.press('q');
      await tui.waitFor(() => tui.exited(), 5000, 'the exit');
      // The alternate screen is gone: the shell's screen is back, without our frame on it.
      assert.doesNotMatch(tui.capture(), /Pods\(test\)|Namespaces \[/);
    } finally {
      tui.kill();
    }
  });

  test('a pod created and a profile deleted in the sim show up without a key press', async (t) => {
    const { startSim } = await import('../../source/sim/index.js');
    const sim = await startSim({ scenario: 'walkthrough' });
    // Closed whatever fails, even the terminal's start: an open sim keeps this file's process alive.
    t.after(() => sim.close());
    const tui = start(['--kubeconfig', sim.kubeconfigPath, '-n', 'test'], sim.env);
    const env = { ...process.env, ...sim.env };
    try {
      await tui.waitFor((s) => s.includes('Pods(test)') && rowsOf(s).length > 0, 20_000, 'the pods of test');

      // Created with the real kubectl: the Fargate webhook admits it, the watch brings it in.
      await run('kubectl', ['--kubeconfig', sim.kubeconfigPath, 'run', 'e2e-fresh', '-n', 'test', '--image=nginx:1.27', '--restart=Never'], { env });
      const screen = await tui.waitFor((s) => rowsOf(s).some((r) => rowNamed('e2e-fresh')(r) && /Fargate/.test(r)), 10_000, 'the new pod on Fargate');
      // The CURRENT column names the profile it was admitted under.
      const profile = /Fargate\s+(\S+)/.exec(rowsOf(screen).find(rowNamed('e2e-fresh')) ?? '')?.[1];
      assert.ok(profile, screen);

      // Deleting that profile (with the real AWS CLI) stops the pods it launched (spec §2.4).
      await run(
        'aws',
        ['eks', 'delete-fargate-profile', '--cluster-name', sim.clusterName, '--fargate-profile-name', profile, '--region', sim.region, '--endpoint-url', sim.url, '--output', 'json'],
        { env },
      );
      await tui.waitFor(
        (s) => s.includes('Pods(test)') && !rowsOf(s).some((r) => rowNamed('e2e-fresh')(r) && /Running/.test(r)),
        15_000,
        'the pod of the deleted profile stopping',
      );
    } finally {
      tui.kill();
    }
  });

  test('k9s reflexes (:crd⏎, :secret⏎ in one chunk) and enter in the dialog leave the drifted pod alone', async (t) => {
    const { startSim } = await import('../../source/sim/index.js');
    const sim = await startSim({ scenario: 'walkthrough' });
    // Closed whatever fails, even the terminal's start: an open sim keeps this file's process alive.
    t.after(() => sim.close());
    const tui = start(['--kubeconfig', sim.kubeconfigPath, '-n', 'test'], sim.env);
    try {
      const before = sim.cluster.getPod('test', 'test');
      assert.ok(before, 'the walkthrough has the bare pod test/test');
      await tui.waitFor((s) => rowsOf(s).some(rowNamed('test')) && / r reschedule/.test(s.trimEnd().split('\n').at(-1) ?? ''), 20_000, 'the pods of test with the reschedule keys bound');
      await tui.selectRow(rowNamed('test'));

      await tui.type(':crd');
      await tui.press('enter');
      await tui.waitFor((s) => s.includes('unknown command: crd'), 5000, 'the unknown command named');
      await tui.press('esc');
      // One send-keys call: the app reads the whole line as one input chunk.
      tui.sendKeys('-l', ':secret\r');
      await tui.waitFor((s) => s.includes('unknown command: secret'), 5000, 'the unknown command named');
      await tui.press('esc');

      await tui.press('r');
      await tui.waitFor((s) => s.includes('Reschedule test/test?'), 10_000, 'the plan dialog');
      await tui.press('enter');
      await tui.waitFor((s) => s.includes('enter does not confirm'), 5000, 'enter refused, visibly');
      await tui.press('n');
      await tui.waitFor((s) => s.includes('Pods(test)') && !s.includes('Reschedule test/test?'), 5000, 'the dialog closed');

      const after = sim.cluster.getPod('test', 'test');
      assert.equal(after?.metadata.uid, before.metadata.uid, 'the same pod');
      assert.equal(after?.metadata.deletionTimestamp, undefined, 'not being deleted');
      assert.doesNotMatch(tui.capture(), /Reschedule progress|rescheduling/);
    } finally {
      tui.kill();
    }
  });
});

/** Table rows: the lines under the header line. */
function rowsOf(screen: string): string[] {
  const lines = screen.split('\n');
  const header = lines.findIndex((l) => /^\s{2}(NAMESPACE|NAME)[▲▼]?\s/.test(l));
  if (header < 0) return [];
  const rows = lines.slice(header + 1);
  const end = rows.findIndex((l) => l.trim() === '');
  return rows.slice(0, end < 0 ? undefined : end);
}
