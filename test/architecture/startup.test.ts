// What every run loads before it knows its mode: the static import closure of source/cli.ts.
// `--version` and `--help` load nothing more (the target is < 150 ms, `npm run bench`), so a mode,
// a library, or a flag's heavier value check belongs behind an `import()` that runs only when it
// is needed (cli.ts's modes, cli/template-flags.ts for -o jsonpath/custom-columns and --sort-by).
// test/release/startup.test.ts checks the same on the built bundle, by what Node actually loads.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { importGraph, importsOf, reachable, SOURCE_ROOT, type ImportFact } from './import-graph.js';

export const STARTUP_ENTRY = 'cli.ts';

/** Our files the start-up path may load: the flag parser, its light checks, general helpers. */
export const STARTUP_MAY_LOAD: readonly string[] = ['cli.ts', 'cli/', 'lib/', 'errors.ts', 'sources/kube/identity.ts', '../package.json'];

/** Built-ins it may load: ones Node has loaded already for itself (node:http, net, tls, zlib... are not). */
export const STARTUP_BUILTINS: readonly string[] = ['node:fs', 'node:module', 'node:path', 'node:url', 'node:process', 'node:os', 'node:util'];

/** Named so a failure says what came back (any other package, or file, is refused all the same). */
const KNOWN_HEAVY: Array<[RegExp, string]> = [
  [/^(react|ink|ink-.*)$/, 'the UI'],
  [/^@kubernetes\/client-node$/, 'the Kubernetes client'],
  [/^@aws-sdk\/|^@smithy\//, 'the AWS SDK'],
  [/^yaml$/, 'the YAML parser'],
  [/^meow$/, 'a second flag parser (~130 KB, ~60 ms)'],
  [/^(node:)?(http|https|http2|net|tls)$/, 'Node\'s HTTP stack'],
  [/^report\/jsonpath/, 'the JSONPath template checks (cli/template-flags.ts loads them when -o jsonpath/custom-columns or --sort-by is given)'],
  [/^sources\/request-log\.ts$/, 'the request log (node:http; -v is checked by cli/verbosity-flag.ts)'],
];

const under = (target: string, prefixes: readonly string[]): boolean => prefixes.some((p) => target === p || target.startsWith(p));

/** An import the start-up path must not make. */
export function notAtStartup(imp: ImportFact): boolean {
  if (imp.internal || imp.target.startsWith('.')) return !under(imp.target, STARTUP_MAY_LOAD);
  return !STARTUP_BUILTINS.includes(imp.target);
}

/** The start-up offences of `graph`: each with its chain from the entry, and what it is if known. */
export function startupOffences(graph: readonly ImportFact[], entry = STARTUP_ENTRY): string[] {
  const loadedWithTheFile = graph.filter((imp) => !imp.dynamic);
  return reachable(entry, loadedWithTheFile, notAtStartup).map((chain) => {
    const target = chain.split('  (')[0]!.split(' -> ').at(-1)!;
    const known = KNOWN_HEAVY.find(([re]) => re.test(target));
    return known ? `${chain}  = ${known[1]}` : chain;
  });
}

describe('start-up: what every run loads before it knows its mode (--version, --help)', () => {
  test(`${STARTUP_ENTRY}'s static imports reach only the flag parser, its light checks and cheap built-ins`, () => {
    const bad = startupOffences(importGraph());
    assert.deepEqual(bad, [], `loaded by --version and --help; put it behind import() where it is needed:\n${bad.join('\n')}`);
  });

  test('the scan follows the entry: it reaches the flag parser', () => {
    const graph = importGraph().filter((imp) => !imp.dynamic);
    assert.deepEqual(reachable(STARTUP_ENTRY, graph, (imp) => imp.target === 'lib/pflag.ts').length, 1);
  });
});

describe('the start-up rule can fail', () => {
  const facts = (file: string, text: string) => importsOf(join(SOURCE_ROOT, file), text);

  test('a flag check importing the JSONPath parser, the request log (node:http) or a package is caught, with its chain', () => {
    const graph = [
      ...facts('cli.ts', "import { parseArgs } from './cli/flags.js';\nconst { run } = await import('./cli/run.js');"),
      ...facts('cli/flags.ts', "import { parseTemplate } from '../report/jsonpath-template.js';\nimport { parseVerbosity } from '../sources/request-log.js';\nimport meow from 'meow';\nimport { readFileSync } from 'node:fs';\nimport type { KubeConfig } from '@kubernetes/client-node';"),
      ...facts('sources/request-log.ts', "import { STATUS_CODES } from 'node:http';"),
      ...facts('cli/run.ts', "import { render } from 'ink';"),
    ];
    assert.deepEqual(startupOffences(graph), [
      'cli.ts -> cli/flags.ts -> report/jsonpath-template.ts  (cli/flags.ts:1)  = the JSONPath template checks (cli/template-flags.ts loads them when -o jsonpath/custom-columns or --sort-by is given)',
      'cli.ts -> cli/flags.ts -> sources/request-log.ts  (cli/flags.ts:2)  = the request log (node:http; -v is checked by cli/verbosity-flag.ts)',
      'cli.ts -> cli/flags.ts -> meow  (cli/flags.ts:3)  = a second flag parser (~130 KB, ~60 ms)',
    ]);
  });

  test('behind import() it is fine; a light check reaching node:http through a helper is not', () => {
    const graph = [
      ...facts('cli.ts', "import { parseArgs } from './cli/flags.js';"),
      ...facts('cli/flags.ts', "import { check } from './template-flags.js';"),
      ...facts('cli/template-flags.ts', "export async function check() { await import('../report/jsonpath-template.js'); }\nimport { x } from '../lib/x.js';"),
      ...facts('lib/x.ts', "import https from 'node:https';"),
    ];
    assert.deepEqual(startupOffences(graph), ["cli.ts -> cli/flags.ts -> cli/template-flags.ts -> lib/x.ts -> node:https  (lib/x.ts:1)  = Node's HTTP stack"]);
  });
});
