import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { JoinedList } from '../../source/lib/joined-list.js';

test('a joined list reads as the concatenation of its parts (length, at, slice), empty parts included', () => {
  const parts = fc.array(fc.array(fc.integer(), { maxLength: 5 }), { maxLength: 6 });
  fc.assert(
    fc.property(parts, fc.integer({ min: -12, max: 40 }), fc.integer({ min: -12, max: 40 }), (ps, a, b) => {
      const flat = ps.flat();
      const list = new JoinedList(ps);
      assert.equal(list.length, flat.length);
      for (let i = -2; i < flat.length + 2; i++) assert.equal(list.at(i), i >= 0 ? flat[i] : undefined);
      assert.deepEqual(list.slice(a, b), flat.slice(a, b));
      assert.deepEqual(list.slice(a), flat.slice(a));
      assert.deepEqual(list.slice(), flat);
    }),
  );
});
