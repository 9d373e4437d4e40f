// `check --help`, `reschedule --help`, `restore --help`: each its own text with examples, and
// every example is a command line the flag parser accepts (so the help cannot drift from it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from '../../source/cli/flags.js';
import { commandHelpText } from '../../source/cli/command-help.js';

for (const command of ['check', 'reschedule', 'restore'] as const) {
  test(`${command} --help: its own usage and examples, each accepted by the parser`, () => {
    const options = parseArgs([command, '--help']);
    assert.equal(options.help, true);
    const text = commandHelpText(options.command);
    assert.ok(text, 'has its own help');
    assert.match(text, new RegExp(`^Usage:\\n  kubectl fargate ${command}`, 'm'));
    const examples = text
      .split('\n')
      .filter((line) => line.startsWith(`  kubectl fargate ${command}`) && text.indexOf(line) > text.indexOf('Examples:'));
    assert.ok(examples.length >= 2, 'examples');
    for (const line of examples) {
      const argv = line.replace(/#.*$/, '').trim().split(/\s+/).slice(2);
      assert.doesNotThrow(() => parseArgs(argv), line);
    }
  });
}

test('the live view (no subcommand) keeps the main help', () => {
  assert.equal(commandHelpText(parseArgs(['--help']).command), null);
});
