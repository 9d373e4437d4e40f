// The built CLI under the machine's own Node, when that one is older than the supported one (the
// case the issue saw: Node 20 failed with "Cannot read properties of undefined (reading 'bind')").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { nodeTooOld } from '../../source/cli/node-version.js';
import { builtCliCopy } from '../helpers/cli.js';

const run = promisify(execFile);
const SYSTEM_NODE = '/usr/bin/node';

function systemNodeVersion(): string | null {
  try {
    return execFileSync(SYSTEM_NODE, ['--version'], { encoding: 'utf8' }).trim().replace(/^v/, '');
  } catch {
    return null;
  }
}
const version = systemNodeVersion();
const skip = version === null ? `no ${SYSTEM_NODE}` : nodeTooOld(version) === null ? `${SYSTEM_NODE} is Node ${version}, supported` : false;

test('an old Node gets one line naming the version needed, exit 1, for any face', { skip }, async () => {
  const cli = await builtCliCopy();
  try {
    for (const args of [['--demo', '--json'], ['check', '--demo'], ['--version']]) {
      const failed = await run(SYSTEM_NODE, [cli.cli, ...args]).then(
        () => null,
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
      assert.ok(failed, `${args.join(' ')} should fail`);
      assert.equal(failed.code, 1);
      assert.equal(failed.stdout, '');
      assert.match(failed.stderr, /^error: kubectl-fargate needs Node \d+\.\d+ or newer; this is Node 20[^\n]*\n$/);
    }
  } finally {
    cli.remove();
  }
});
