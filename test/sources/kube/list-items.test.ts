import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ListItemSplitter, type ListEnvelope } from '../../../source/sources/kube/list-items.js';

/** Feed `text` in chunks of `size` bytes, as a slow network would deliver it. */
function split(text: string, size: number): { envelope: ListEnvelope; items: unknown[] } {
  const items: unknown[] = [];
  const splitter = new ListItemSplitter((item) => items.push(item));
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) splitter.write(bytes.subarray(i, i + size));
  return { envelope: splitter.end(), items };
}

// Chunk sizes that cut inside keys, strings, escapes and multi-byte characters.
const SIZES = [1, 2, 3, 7, 64, 1 << 20];

describe('ListItemSplitter: a list page cut into items as it downloads', () => {
  const cases: Array<{ rule: string; page: unknown }> = [
    { rule: 'items after metadata, as Kubernetes writes them', page: { kind: 'PodList', metadata: { continue: 'abc', resourceVersion: '7' }, items: [{ a: 1 }, { b: [1, { c: '}' }] }] } },
    { rule: 'strings with brackets, quotes and escapes inside items', page: { metadata: {}, items: [{ s: 'x"]}{[\\"' }, { t: '\\\\' }, { u: 'ü ✓ \u2028 😀' }] } },
    { rule: 'an empty items array', page: { metadata: { resourceVersion: '1' }, items: [] } },
    { rule: 'items before metadata', page: { items: [{ z: { y: [] } }], metadata: { continue: 'n' } } },
    { rule: 'an "items" key nested deeper is not the list', page: { metadata: { labels: { items: 'x' } }, spec: { items: [9] }, items: [{ ok: true }] } },
    { rule: 'an "items" string value is not the key', page: { kind: 'items', metadata: { name: 'items' }, items: [{ n: 1 }] } },
    { rule: 'keys that start like "items" are not it', page: { itemsX: [{ no: 1 }], item: [{ no: 2 }], items: [{ yes: 3 }] } },
    { rule: 'items of any JSON type, in the order sent', page: { metadata: {}, items: [1, 'two', null, true, [3], { four: -4.5e-1 }] } },
  ];
  for (const { rule, page } of cases) {
    test(rule, () => {
      const expected = page as Record<string, unknown> & { items: unknown[] };
      const { items: _ignored, ...rest } = expected;
      for (const text of [JSON.stringify(page), JSON.stringify(page, null, 2)]) {
        for (const size of SIZES) {
          const { envelope, items } = split(text, size);
          assert.deepEqual(items, expected.items, `chunks of ${size}`);
          assert.deepEqual({ ...envelope, items: undefined }, { ...rest, items: undefined }, `chunks of ${size}`);
        }
      }
    });
  }

  test('a body without an items array is parsed whole', () => {
    for (const size of SIZES) {
      assert.deepEqual(split('{"kind":"Status","metadata":{}}', size), { envelope: { kind: 'Status', metadata: {} }, items: [] });
      assert.deepEqual(split('{"items":null,"metadata":{}}', size), { envelope: { metadata: {} }, items: [] });
      assert.deepEqual(split('{"items":{"a":[1]},"metadata":{}}', size), { envelope: { metadata: {} }, items: [] }, 'an "items" object');
    }
  });

  const broken = [
    { rule: 'a body cut inside the items is an error', text: '{"metadata":{},"items":[{"a":1},{"b":' },
    { rule: 'an item that is not JSON is an error', text: '{"metadata":{},"items":[{"a":nope}]}' },
    { rule: 'an unbalanced items array is an error', text: '{"metadata":{},"items":[{"a":1}}]}' },
    { rule: 'a broken envelope is an error', text: '{"metadata":{,"items":[]}' },
  ];
  for (const { rule, text } of broken) {
    test(rule, () => {
      for (const size of SIZES) assert.throws(() => split(text, size), SyntaxError, `chunks of ${size}`);
    });
  }
});
