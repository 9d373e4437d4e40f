import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { StringPool } from '../../source/lib/string-pool.js';

test('a pool gives back an equal value for every string, seen before or not', () => {
  fc.assert(
    fc.property(fc.array(fc.string(), { maxLength: 50 }), (values) => {
      const pool = new StringPool(8);
      for (const value of values) assert.equal(pool.intern(value), value);
      for (const value of values) assert.equal(pool.intern(`${value}`), value);
    }),
  );
});

test('a pool holds each value once and never more than its limit: it starts again when full', () => {
  const pool = new StringPool(3);
  for (const value of ['a', 'b', 'a', 'b']) pool.intern(value);
  assert.equal(pool.size, 2, 'repeats are held once');
  pool.intern('c');
  assert.equal(pool.size, 3);
  pool.intern('d');
  assert.equal(pool.size, 1, 'the fourth distinct value starts a new pool');
  for (let i = 0; i < 1000; i++) pool.intern(`value-${i}`);
  assert.ok(pool.size <= 3);
});
