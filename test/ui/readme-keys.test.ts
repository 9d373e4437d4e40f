// README's key and `:` command tables are generated from the keymap and the command table
// (scripts/readme-keys.ts): if a key or command is added, changed or removed, this fails until
// README is updated, so the docs cannot drift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { KEYMAP } from '../../source/ui/keymap.js';
import { COMMANDS } from '../../source/ui/state/commands.js';
import { commandTableMarkdown, keyTableMarkdown } from '../../scripts/readme-keys.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const start = readme.indexOf('## The live view');
const section = readme.slice(start, readme.indexOf('\n## ', start + 1));

test('the key table has one row per binding of the keymap', () => {
  const rows = keyTableMarkdown().split('\n').slice(2);
  assert.equal(rows.length, KEYMAP.length);
  for (const binding of KEYMAP) assert.ok(rows.some((r) => r.includes(`| ${binding.description} |`)), binding.command);
});

test('README\'s "The live view" holds the key table of the current keymap', () => {
  assert.ok(start >= 0, 'README has a "## The live view" section');
  assert.ok(section.includes(keyTableMarkdown()), 'README\'s key table is out of date: replace it with the output of `npx tsx scripts/readme-keys.ts`');
});

test('README\'s "The live view" holds the table of the current `:` commands', () => {
  assert.equal(commandTableMarkdown().split('\n').length - 2, COMMANDS.length);
  assert.ok(section.includes(commandTableMarkdown()), 'README\'s command table is out of date: replace it with the output of `npx tsx scripts/readme-keys.ts`');
});
