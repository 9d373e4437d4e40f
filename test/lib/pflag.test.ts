// kubectl's command-line grammar at any length: a shell glob may hand over any number of files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../source/lib/pflag.js';

const defs = [
  { name: 'namespace', short: 'n', kind: 'string' as const },
  { name: 'filename', short: 'f', kind: 'array' as const },
];

test('200k arguments: every positional kept, in order, before and after --', () => {
  const files = Array.from({ length: 200_000 }, (_, i) => `backup-${i}.yaml`);
  const tokens = tokenize(['-n', 'x', ...files.slice(0, 10), '--', ...files.slice(10)], defs);
  assert.equal(tokens.positionals.length, 200_000);
  assert.equal(tokens.positionals[0], 'backup-0.yaml');
  assert.equal(tokens.positionals.at(-1), 'backup-199999.yaml');
  assert.deepEqual(tokens.values.get('namespace'), ['x']);
});

test('a flag given 100k times keeps every value, in order', () => {
  const argv = Array.from({ length: 100_000 }, (_, i) => [`-f`, `f${i}`]).flat();
  const values = tokenize(argv, defs).values.get('filename')!;
  assert.equal(values.length, 100_000);
  assert.equal(values[99_999], 'f99999');
});
