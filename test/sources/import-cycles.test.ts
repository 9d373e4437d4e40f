// No runtime import circle among the sources and general helpers: each file can be read, and
// loaded, after what it depends on (a circle is how list.ts and load-cluster.ts once tangled).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importGraph } from '../architecture/import-graph.js';

const AREAS = ['sources/', 'lib/'];

/** The first circle found among `files`' runtime imports, as a path, or null. */
function findCircle(edges: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | null => {
    if (state.get(file) === 'done') return null;
    if (state.get(file) === 'open') return [...path.slice(path.indexOf(file)), file];
    state.set(file, 'open');
    path.push(file);
    for (const next of edges.get(file) ?? []) {
      const circle = visit(next);
      if (circle) return circle;
    }
    path.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of edges.keys()) {
    const circle = visit(file);
    if (circle) return circle;
  }
  return null;
}

const inAreas = (file: string) => AREAS.some((area) => file.startsWith(area));

test(`no import circle within ${AREAS.join(', ')}`, () => {
  const edges = new Map<string, string[]>();
  for (const imp of importGraph()) {
    if (imp.typeOnly || !imp.internal || !inAreas(imp.file) || !inAreas(imp.target)) continue;
    edges.set(imp.file, [...(edges.get(imp.file) ?? []), imp.target]);
  }
  assert.ok(edges.size > 10, 'the scan sees the sources');
  assert.equal(findCircle(edges)?.join(' -> ') ?? null, null);
});

test('a circle is found', () => {
  const edges = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts']],
  ]);
  assert.deepEqual(findCircle(edges), ['a.ts', 'b.ts', 'c.ts', 'a.ts']);
});
