// README's set-up is two command lines on a fresh clone: one installs and starts the demo, one runs
// the tests, and CI runs that same test command. (test/e2e/first-run.e2e.test.ts runs the first.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setupCommands } from './readme-setup.js';

const ROOT = join(import.meta.dirname, '..', '..');

test('README\'s set-up block is exactly two command lines: install and start the demo, then the tests', () => {
  const commands = setupCommands();
  assert.equal(commands.length, 2, JSON.stringify(commands));
  const [first, second] = commands as [string, string];
  assert.match(first, /^npm ci && npm run demo$/, 'the first line installs, then starts the demo (the first-run test appends the demo\'s arguments)');
  assert.equal(second, 'npm test');
});

test('.ci/run runs README\'s test command after a clean install', () => {
  const ciCommands = readFileSync(join(ROOT, '.ci', 'run'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const [, testCommand] = setupCommands() as [string, string];
  assert.equal(ciCommands.at(-1), testCommand);
  assert.ok(ciCommands.indexOf('npm ci') >= 0 && ciCommands.indexOf('npm ci') < ciCommands.length - 1, 'npm ci before the tests');
});

test('the parser reads the block under "Set up, run, test", without comments', () => {
  const readme = '# x\n\n## Other\n\n```sh\nnope\n```\n\n## Set up, run, test\n\n```sh\n# a comment\nnpm ci && npm run demo   # install, demo\n\nnpm test # tests\n```\n';
  assert.deepEqual(setupCommands(readme), ['npm ci && npm run demo', 'npm test']);
  assert.throws(() => setupCommands('# x\n'), /no "## Set up, run, test"/);
});
