// Tables of any length: no spread of the rows into one call (Math.max(...rows) throws
// "Maximum call stack size exceeded" at about 130k rows).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderColumns } from '../../source/report/columns.js';

test('a table of 130k rows renders, widths taken over every row', () => {
  const rows = Array.from({ length: 130_000 }, (_, i) => ({ name: `pod-${i}`, ns: i === 129_999 ? 'the-longest-namespace' : 'ns' }));
  const text = renderColumns(rows, [
    { header: 'NAMESPACE', value: (r) => r.ns },
    { header: 'NAME', value: (r) => r.name },
  ]);
  const lines = text.trimEnd().split('\n');
  assert.equal(lines.length, 130_001);
  assert.equal(lines[1], `${'ns'.padEnd('the-longest-namespace'.length)}   pod-0`);
});
