import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mapBounded } from '../../source/lib/bounded-map.js';

test('property: never more than `limit` at once, every item once, results in order, a failure stays with its item', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.nat(3), { maxLength: 30 }), fc.integer({ min: 1, max: 8 }), async (delays, limit) => {
      let running = 0;
      let most = 0;
      const results = mapBounded(delays, limit, async (delay, i) => {
        running++;
        most = Math.max(most, running);
        for (let t = 0; t < delay; t++) await Promise.resolve();
        running--;
        if (i % 5 === 4) throw new Error(`item ${i}`);
        return i * 2;
      });
      const settled = await Promise.allSettled(results);
      assert.ok(most <= limit, `${most} ran at once`);
      settled.forEach((s, i) => {
        if (i % 5 === 4) assert.equal(s.status === 'rejected' && (s.reason as Error).message, `item ${i}`);
        else assert.deepEqual(s, { status: 'fulfilled', value: i * 2 });
      });
    }),
  );
});
