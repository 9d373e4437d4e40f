// The tmux driver itself. Every session has its own tmux server: with one shared server, killing
// its last session ends the server while another file's new-session may be connecting to it, and
// that new-session fails with "server exited unexpectedly" (seen in CI; reproduced by running
// kill-session and new-session side by side on one socket: 2 failures in 300 rounds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { hasTmux, TmuxSession } from './tmux.js';

test('a session outlives the end of another session’s tmux server', { skip: hasTmux() ? false : 'tmux is not installed' }, async () => {
  const first = new TmuxSession(['sh', '-c', 'echo first; sleep 30']);
  const second = new TmuxSession(['sh', '-c', 'echo second; sleep 30']);
  try {
    await second.waitFor((s) => s.includes('second'), 5000, 'the second session running');
    // What the last kill-session of a server does: the server goes.
    execFileSync('tmux', ['-L', first.name, 'kill-server']);
    assert.equal(second.exited(), false);
    assert.match(second.capture(), /second/);
  } finally {
    first.kill();
    second.kill();
  }
});
