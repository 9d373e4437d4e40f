// --demo touches nothing of the user's: its kubeconfig and its backups and journal live in one
// temporary directory, removed when the demo ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { defaultBackupDir } from '../../source/actions/backup.js';
import { startDemo } from '../../source/cli/demo.js';

test("the demo's backups go to its temporary directory, not the user's state directory, and are removed with it", async () => {
  const saved = { ...process.env };
  const userBackups = defaultBackupDir();
  const demo = await startDemo();
  const root = dirname(demo.kubeconfigPath);
  try {
    const backups = defaultBackupDir();
    assert.notEqual(backups, userBackups);
    assert.ok(backups.startsWith(root), `${backups} is under ${root}`);
  } finally {
    // Closed even when an assertion failed (a running sim would keep the test process alive),
    // and the environment the demo changed put back.
    await demo.close();
    process.env = saved;
  }
  assert.equal(existsSync(root), false, 'removed');
});
