import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { splitListItems } from '../../source/sources/list-items.js';

describe('splitListItems: a list page cut into per-item JSON', () => {
  const cases: Array<{ rule: string; page: unknown }> = [
    { rule: 'items after metadata, as Kubernetes writes them', page: { kind: 'PodList', metadata: { continue: 'abc', resourceVersion: '7' }, items: [{ a: 1 }, { b: [1, { c: '}' }] }] } },
    { rule: 'strings with brackets, quotes and escapes inside items', page: { metadata: {}, items: [{ s: 'x"]}{[\\"' }, { t: '\\\\' }, { u: 'ü ✓ \u2028' }] } },
    { rule: 'an empty items array', page: { metadata: { resourceVersion: '1' }, items: [] } },
    { rule: 'items before metadata', page: { items: [{ z: { y: [] } }], metadata: { continue: 'n' } } },
    { rule: 'an "items" key nested deeper is not the list', page: { metadata: { labels: { items: 'x' } }, spec: { items: [9] }, items: [{ ok: true }] } },
  ];
  for (const { rule, page } of cases) {
    test(rule, () => {
      for (const text of [JSON.stringify(page), JSON.stringify(page, null, 2)]) {
        const { envelope, items } = splitListItems(text);
        const expected = page as { items: unknown[] };
        assert.deepEqual(items.map((t) => JSON.parse(t)), expected.items);
        const { items: _ignored, ...rest } = expected as Record<string, unknown>;
        assert.deepEqual({ ...envelope, items: undefined }, { ...rest, items: undefined });
      }
    });
  }

  test('a page without items falls back to a plain parse', () => {
    assert.deepEqual(splitListItems('{"kind":"Status","metadata":{}}'), { envelope: { kind: 'Status', metadata: {} }, items: [] });
  });
});
