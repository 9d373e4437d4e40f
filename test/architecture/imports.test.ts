// The layering of docs/architecture.md, enforced on every file under source/.
// Rules are data (LAYER_RULES, NO_REACT_IN): a new file is checked without touching this test,
// and a new rule is one more entry. An offending import prints as
//   sim/eks/match.ts:4  '../../domain/matching.js' (profileMatches)
// under the rule it breaks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportedFunctions, importGraph, importsOf, reachable, SOURCE_ROOT } from './import-graph.js';
import type { ImportFact } from './import-graph.js';

interface LayerRule {
  /** The rule in words, printed above its offending imports. */
  rule: string;
  /** Files it governs: path prefixes under source/ ("" = every file). */
  files: string[];
  except?: string[];
  /** Internal modules they may import (path prefixes; "errors.ts" is the root file). Omitted = any. */
  mayImport?: string[];
  /** Internal modules they must not import (path prefixes). */
  mayNotImport?: string[];
  /** Parts of a mayNotImport layer they may import all the same (path prefixes). */
  butMayImport?: string[];
  /** No packages at all (npm or node: built-ins). */
  noPackages?: boolean;
  /** `import type` is fine: it is erased at build. */
  typesExempt?: boolean;
  /** Modules of constants only, whose values may be imported even where the layer may not be. */
  constantsFrom?: string[];
}

export const LAYER_RULES: readonly LayerRule[] = [
  {
    rule: 'domain imports only domain (pure rules: no packages, no Node built-ins, no other layer)',
    files: ['domain/'],
    mayImport: ['domain/'],
    noPackages: true,
  },
  {
    rule: 'sim takes only types (import type) and the constants of domain/types.ts from domain: it implements EKS itself, from the docs',
    files: ['sim/'],
    mayNotImport: ['domain/'],
    typesExempt: true,
    constantsFrom: ['domain/types.ts'],
  },
  {
    rule: 'nothing but the demo entry (cli/demo.ts) imports sim',
    files: [''],
    except: ['sim/', 'cli/demo.ts'],
    mayNotImport: ['sim/'],
  },
  {
    rule: 'the UI never imports sources or actions: it changes the cluster only through what its host hands it (ui/tui-actions.ts names their types)',
    files: ['ui/'],
    except: ['ui/tui-actions.ts'],
    mayNotImport: ['sources/', 'actions/'],
  },
  {
    rule: 'ui/tui-actions.ts takes only types from actions and sources (import type: erased at build)',
    files: ['ui/tui-actions.ts'],
    mayNotImport: ['sources/', 'actions/'],
    typesExempt: true,
  },
  {
    rule: 'faces read only the view-model: report and the UI never import the store',
    files: ['report/', 'ui/'],
    mayNotImport: ['store/'],
  },
  {
    rule: 'actions take the evaluated pod (PodView) from domain, not from the view-model; only its words (one wording per fact)',
    files: ['actions/'],
    mayNotImport: ['view-model/'],
    butMayImport: ['view-model/words/'],
  },
  {
    rule: 'the words of each fact (view-model/words) stand on domain alone, so every face and the actions can use them',
    files: ['view-model/words/'],
    mayImport: ['view-model/words/', 'domain/', 'store/snapshot.ts'],
    noPackages: true,
  },
  { rule: 'lib holds general helpers with no project knowledge', files: ['lib/'], mayImport: ['lib/', 'errors.ts'] },
  { rule: 'store imports down only: domain', files: ['store/'], mayImport: ['store/', 'domain/', 'lib/', 'errors.ts'] },
  { rule: 'sources import down only: store, domain', files: ['sources/'], mayImport: ['sources/', 'store/', 'domain/', 'lib/', 'errors.ts'] },
  { rule: 'view-model imports down only: store, domain', files: ['view-model/'], mayImport: ['view-model/', 'store/', 'domain/', 'lib/', 'errors.ts'] },
  { rule: 'report imports down only: view-model, domain', files: ['report/'], mayImport: ['report/', 'view-model/', 'domain/', 'lib/', 'errors.ts'] },
];

/** Layers whose runtime import closure must not reach React (one-shot outputs start fast). */
export const NO_REACT_IN: readonly string[] = ['report/', 'domain/', 'view-model/', 'store/'];
const REACT = (imp: ImportFact): boolean => (!imp.internal && /^(react|react-dom|ink|ink-.*)$/.test(imp.target)) || (imp.internal && imp.target.startsWith('ui/'));

/** Constants-only modules: they may export no function, class, or computed value. */
export const CONSTANTS_ONLY: readonly string[] = ['domain/types.ts'];

const under = (path: string, prefixes: readonly string[]): boolean => prefixes.some((p) => path === p || path.startsWith(p));

/** The imports of `graph` that break `rule`. */
export function offences(rule: LayerRule, graph: readonly ImportFact[]): ImportFact[] {
  return graph.filter((imp) => {
    if (!under(imp.file, rule.files) || under(imp.file, rule.except ?? [])) return false;
    if (!imp.internal) return rule.noPackages === true;
    if (imp.typeOnly && rule.typesExempt === true) return false;
    const allowedHere = rule.mayImport === undefined || under(imp.target, rule.mayImport);
    const forbidden = !allowedHere || (under(imp.target, rule.mayNotImport ?? []) && !under(imp.target, rule.butMayImport ?? []));
    if (!forbidden) return false;
    return !(rule.constantsFrom !== undefined && under(imp.target, rule.constantsFrom));
  });
}

const show = (imp: ImportFact): string => `  ${imp.file}:${imp.line}  '${imp.specifier}'${imp.typeOnly ? ' (type only)' : imp.values.length > 0 ? ` (${imp.values.join(', ')})` : ''}`;

describe('import rules (architecture.md)', () => {
  const graph = importGraph();

  test('the scan sees the project', () => {
    const files = new Set(graph.map((i) => i.file));
    for (const f of ['domain/choose.ts', 'sim/eks/webhook.ts', 'cli/demo.ts', 'report/document.ts']) assert.ok(files.has(f), `no imports read from ${f}`);
  });

  for (const rule of LAYER_RULES) {
    test(rule.rule, () => {
      const bad = offences(rule, graph);
      assert.equal(bad.length, 0, `${rule.rule}; offending imports:\n${bad.map(show).join('\n')}`);
    });
  }

  test(`no React reachable from ${NO_REACT_IN.join(', ')}`, () => {
    const starts = [...new Set(graph.map((i) => i.file))].filter((f) => under(f, NO_REACT_IN));
    const bad = starts.flatMap((f) => reachable(f, graph, REACT));
    assert.deepEqual(bad, [], `these load React or the UI:\n${bad.join('\n')}`);
  });

  test(`constants-only modules export no functions: ${CONSTANTS_ONLY.join(', ')}`, () => {
    for (const m of CONSTANTS_ONLY) {
      const path = join(SOURCE_ROOT, m);
      assert.deepEqual(exportedFunctions(path, readFileSync(path, 'utf8')), [], `${m} must hold only types and constants (the sim may import it)`);
    }
  });
});

describe('the import rules can fail', () => {
  const file = join(SOURCE_ROOT, 'sim/eks/x.ts');
  const scan = (text: string): ImportFact[] => importsOf(file, text);

  test('the scanner tells type-only imports from runtime ones, and finds every form', () => {
    const facts = scan(
      [
        "import type { Selector } from '../../domain/types.js';",
        "import { type Profile } from '../../domain/types.js';",
        "import { PROFILE_LABEL } from '../../domain/types.js';",
        "import * as glob from '../../domain/glob.js';",
        "export { globMatch as g } from '../../domain/glob.js';",
        "export type { Verdict } from '../../domain/types.js';",
        "const m = await import('../../domain/sizing.js');",
        "let t: typeof import('../../domain/choose.js');",
        "import 'node:fs';",
      ].join('\n'),
    );
    assert.deepEqual(
      facts.map((f) => [f.line, f.target, f.typeOnly, f.values.join(',')]),
      [
        [1, 'domain/types.ts', true, ''],
        // verbatimModuleSyntax keeps `import {}` for this one: the module is loaded.
        [2, 'domain/types.ts', false, ''],
        [3, 'domain/types.ts', false, 'PROFILE_LABEL'],
        [4, 'domain/glob.ts', false, '*'],
        [5, 'domain/glob.ts', false, 'globMatch'],
        [6, 'domain/types.ts', true, ''],
        [7, 'domain/sizing.ts', false, '*'],
        [8, 'domain/choose.ts', true, ''],
        [9, 'node:fs', false, ''],
      ],
    );
  });

  test('a sim file calling a domain function, a domain file using a package, and a report reaching ink are caught', () => {
    const simRule = LAYER_RULES.find((r) => r.files.includes('sim/'))!;
    const simFacts = scan("import { globMatch } from '../../domain/glob.js';\nimport { PROFILE_LABEL } from '../../domain/types.js';\nimport type { Verdict } from '../../domain/types.js';");
    assert.deepEqual(offences(simRule, simFacts).map((f) => f.line), [1]);

    const domainRule = LAYER_RULES.find((r) => r.files.includes('domain/'))!;
    const domainFacts = importsOf(join(SOURCE_ROOT, 'domain/x.ts'), "import { parse } from 'yaml';\nimport { x } from '../store/snapshot.js';\nimport { y } from './glob.js';");
    assert.deepEqual(offences(domainRule, domainFacts).map((f) => f.line), [1, 2]);

    const notSim = LAYER_RULES.find((r) => r.mayNotImport?.includes('sim/'))!;
    const cliFacts = importsOf(join(SOURCE_ROOT, 'cli/run.ts'), "import type { RunningSim } from '../sim/index.js';");
    assert.deepEqual(offences(notSim, cliFacts).map((f) => f.line), [1]);

    const chain = [
      ...importsOf(join(SOURCE_ROOT, 'report/a.ts'), "import { b } from '../view-model/b.js';"),
      ...importsOf(join(SOURCE_ROOT, 'view-model/b.ts'), "import type { X } from 'ink';\nimport { c } from './c.js';"),
      ...importsOf(join(SOURCE_ROOT, 'view-model/c.ts'), "const r = await import('react');"),
    ];
    assert.deepEqual(reachable('report/a.ts', chain, REACT), ['report/a.ts -> view-model/b.ts -> view-model/c.ts -> react  (view-model/c.ts:1)']);
  });

  test('a face importing the store, the UI importing actions outside its door, and actions importing the view-model are caught', () => {
    const rule = (text: string) => LAYER_RULES.find((r) => r.rule.startsWith(text))!;
    const noStore = rule('faces read only the view-model');
    const reportFacts = importsOf(join(SOURCE_ROOT, 'report/document.ts'), "import type { Snapshot } from '../store/snapshot.js';\nimport type { ClusterView } from '../view-model/cluster-view.js';");
    assert.deepEqual(offences(noStore, reportFacts).map((f) => f.line), [1], 'a type-only import of the store counts too');
    const uiFacts = importsOf(join(SOURCE_ROOT, 'ui/app/contexts.ts'), "import type { Snapshot } from '../../store/snapshot.js';");
    assert.deepEqual(offences(noStore, uiFacts).map((f) => f.line), [1]);

    const uiDoor = rule('the UI never imports sources or actions');
    const viewFacts = importsOf(join(SOURCE_ROOT, 'ui/state/navigation.ts'), "import type { RescheduleStep } from '../../actions/types.js';\nimport type { RescheduleStep as S } from '../tui-actions.js';");
    assert.deepEqual(offences(uiDoor, viewFacts).map((f) => f.line), [1]);
    const door = rule('ui/tui-actions.ts takes only types');
    const doorFacts = importsOf(join(SOURCE_ROOT, 'ui/tui-actions.ts'), "import type { RescheduleStep } from '../actions/types.js';\nimport { planForKeys } from '../actions/plan.js';");
    assert.deepEqual(offences(door, doorFacts).map((f) => f.line), [2]);

    const actions = rule('actions take the evaluated pod');
    const actionFacts = importsOf(join(SOURCE_ROOT, 'actions/plan.ts'), "import type { PodView } from '../view-model/cluster-view.js';\nimport { moveText } from '../view-model/words/reschedule.js';");
    assert.deepEqual(offences(actions, actionFacts).map((f) => f.line), [1]);

    const words = rule('the words of each fact');
    const wordFacts = importsOf(join(SOURCE_ROOT, 'view-model/words/pod.ts'), "import type { PodView } from '../../domain/pod-view.js';\nimport { buildClusterView } from '../cluster-view.js';");
    assert.deepEqual(offences(words, wordFacts).map((f) => f.line), [2]);
  });

  test('a module exporting a function is not constants-only', () => {
    assert.deepEqual(exportedFunctions('x.ts', "export const A = 'a';\nexport type T = string;\nexport function f() {}\nexport const g = () => 1;\nexport const S = new Set();"), ['f', 'g', 'S']);
  });
});
