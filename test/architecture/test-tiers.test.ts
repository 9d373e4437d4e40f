// The test tiers (scripts/test-tiers.mjs): every test file is in exactly one, `npm test` runs all
// of them after the typecheck and the build, and the names tell the truth: a fast test starts no
// sim and runs no built CLI, and a file named *.sim.test.ts or *.cli.test.ts does one of them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { filesOf, testFiles, tierOf, TIERS } from '../../scripts/test-tiers.mjs';
import { importsOf } from './import-graph.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('tierOf', () => {
  const cases = [
    { rule: 'a domain table is fast', file: 'test/domain/matching.test.ts', tier: 'fast' },
    { rule: 'a UI component test is fast', file: 'test/ui/views.test.tsx', tier: 'fast' },
    { rule: 'a pure test beside sim tests is fast', file: 'test/sources/kube/projection.test.ts', tier: 'fast' },
    { rule: '*.sim.test.ts starts the sim: sim tier, in any folder', file: 'test/sources/kube/reflector.sim.test.ts', tier: 'sim' },
    { rule: '*.sim.test.tsx too', file: 'test/ui/keys.sim.test.tsx', tier: 'sim' },
    { rule: '*.cli.test.ts runs the built CLI: sim tier', file: 'test/cli/bad-input.cli.test.ts', tier: 'sim' },
    { rule: 'everything under test/sim is the sim tier', file: 'test/sim/eks-rules.test.ts', tier: 'sim' },
    { rule: 'faults are slow, even when named .sim', file: 'test/faults/outage.sim.test.ts', tier: 'slow' },
    { rule: 'soak is slow', file: 'test/soak/soak.test.ts', tier: 'slow' },
    { rule: 'release is slow', file: 'test/release/archives.test.ts', tier: 'slow' },
    { rule: 'e2e is slow', file: 'test/e2e/tui.e2e.test.ts', tier: 'slow' },
    { rule: '*.e2e.test.ts is slow in any folder', file: 'test/cli/first-run.e2e.test.ts', tier: 'slow' },
    { rule: 'a folder merely named like a tier elsewhere does not count', file: 'test/ui/sim/x.test.ts', tier: 'fast' },
  ] as const;
  for (const c of cases) {
    test(c.rule, () => assert.equal(tierOf(c.file), c.tier));
  }
});

describe('the tiers cover the tests', () => {
  const all = testFiles(ROOT);

  test('every test file is in exactly one tier', () => {
    assert.ok(all.length > 50, `found ${all.length} test files`);
    const seen = new Map<string, string[]>();
    for (const tier of TIERS) for (const file of filesOf(ROOT, [tier])) seen.set(file, [...(seen.get(file) ?? []), tier]);
    const wrong = all.filter((file) => seen.get(file)?.length !== 1).map((file) => `${file}: ${seen.get(file)?.join(', ') ?? 'no tier'}`);
    assert.deepEqual(wrong, []);
    assert.deepEqual(filesOf(ROOT, ['all']), all, '`all` is the union of the tiers');
  });

  test('no test file escapes the file pattern (a .test.js or .test.mts would run in no tier)', () => {
    const odd = readdirSync(join(ROOT, 'test'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.test\./.test(e.name) && !/\.test\.tsx?$/.test(e.name))
      .map((e) => relative(ROOT, join(e.parentPath, e.name)));
    assert.deepEqual(odd, []);
  });

  test('npm test typechecks, builds, then runs every tier; each test:TIER runs its tier', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    assert.equal(scripts.test, 'npm run typecheck && npm run build && node scripts/test.mjs all');
    for (const tier of TIERS) assert.equal(scripts[`test:${tier}`], `node scripts/test.mjs ${tier}`);
  });
});

// ---- what each file needs, from its imports (through the test helpers it imports) ----

type Need = 'starts the sim' | 'runs the built CLI' | 'drives tmux';

/** import-graph names an import `x.js` as `x.ts`; it may be `x.tsx`. */
const existing = (file: string): string => (existsSync(join(ROOT, file)) ? file : file.replace(/\.ts$/, '.tsx'));

const needsOf = new Map<string, Set<Need>>();
/** What a test file (or helper) needs, following its runtime imports of other files under test/. */
function needs(file: string, visiting = new Set<string>()): Set<Need> {
  const known = needsOf.get(file);
  if (known) return known;
  const out = new Set<Need>();
  if (visiting.has(file)) return out;
  visiting.add(file);
  for (const fact of importsOf(join(ROOT, file), readFileSync(join(ROOT, file), 'utf8'), ROOT)) {
    if (fact.typeOnly || !fact.internal) continue;
    if (fact.target === 'source/sim/index.ts' && fact.values.includes('startSim')) out.add('starts the sim');
    // --demo's startDemo starts a sim in the test's process.
    if (fact.target === 'source/cli/demo.ts' && fact.values.includes('startDemo')) out.add('starts the sim');
    if (fact.target === 'test/helpers/cli.ts' && fact.values.some((v) => v === 'runCli' || v === 'builtCliCopy')) out.add('runs the built CLI');
    if (fact.target === 'test/e2e/tmux.ts') out.add('drives tmux');
    if (fact.target.startsWith('test/') && fact.values.length > 0) for (const need of needs(existing(fact.target), visiting)) out.add(need);
  }
  needsOf.set(file, out);
  return out;
}

describe('test names tell the truth', () => {
  test('a fast test starts no sim, runs no built CLI and drives no tmux', () => {
    const wrong = filesOf(ROOT, ['fast'])
      .map((file) => [file, [...needs(file)]] as const)
      .filter(([, n]) => n.length > 0)
      .map(([file, n]) => `${file} ${n.join(' and ')}: name it *.sim.test.ts (or *.cli.test.ts), or move it to test/sim`);
    assert.deepEqual(wrong, []);
  });

  test('a file named *.sim.test.ts or *.cli.test.ts does start the sim or run the built CLI', () => {
    const named = testFiles(ROOT).filter((file) => /\.(sim|cli)\.test\.tsx?$/.test(file));
    assert.ok(named.length > 5);
    const wrong = named.filter((file) => needs(file).size === 0);
    assert.deepEqual(wrong, [], 'these need neither: drop .sim/.cli from the name so they run with test:fast');
  });

  test('the check sees through helpers and ignores type-only imports', () => {
    assert.ok(needs('test/ui/keys.sim.test.tsx').has('starts the sim'), 'via test/actions/helpers.ts -> test/helpers/sim.ts');
    assert.ok(needs('test/cli/faces.cli.test.ts').has('runs the built CLI'));
    assert.equal(needs('test/helpers/records.ts').size, 0);
    assert.equal(needs('test/sources/kube/http.test.ts').size, 0, 'it imports only the sim\'s certificate');
  });
});
