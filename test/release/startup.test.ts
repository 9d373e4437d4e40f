// `kubectl fargate --version` and `--help` from the npm bundle must not load ink, React, the
// Kubernetes client or the AWS SDK (they cost ~600 ms together; the target is < 150 ms, measured
// by `npm run bench`), nor a flag's heavier value check, nor Node's HTTP stack. A load hook
// records every file and built-in Node loads; each heavy library is recognised by a string only
// its code contains. (test/architecture/startup.test.ts checks the sources' import graph.)
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './release-fixture.js';

const CLI = join(ROOT, 'dist', 'cli.js');
const MARKERS: Record<string, string> = {
  ink: 'yoga', // ink's layout engine
  react: 'react.transitional.element',
  // A string of client-node's KubeConfig (its generated models are tree-shaken away).
  '@kubernetes/client-node': 'printenv KUBECONFIG',
  '@aws-sdk/client-eks': 'smithy',
  yaml: 'YAMLParseError',
  // A second flag parser (its option name; ~130 KB and ~60 ms of every start-up once).
  meow: 'isMultiple',
  // The JSONPath template checks: loaded when -o jsonpath/custom-columns or --sort-by is given.
  'report/jsonpath-template.ts': '{range} without {end}',
};
/** Built-ins Node does not load for itself: the HTTP stack (the request log imported it). */
const HEAVY_BUILTINS = /^node:(http|https|http2|net|tls|zlib|child_process)$/;

const TRACER = `
import { registerHooks } from 'node:module';
import { appendFileSync } from 'node:fs';
registerHooks({
  load(url, context, next) {
    if (url.startsWith('file:') || url.startsWith('node:')) appendFileSync(process.env.KF_LOAD_TRACE, url + '\\n');
    return next(url, context);
  },
});`;

const scratch = mkdtempSync(join(tmpdir(), 'kf-startup-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** The files `node dist/cli.js ...args` loads, and the heavy libraries and built-ins among them. */
function load(args: string[]): { files: string[]; bytes: number; heavy: string[]; builtins: string[] } {
  const trace = join(scratch, `trace-${Math.random().toString(36).slice(2)}.txt`);
  spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(TRACER)}`, CLI, ...args], {
    env: { ...process.env, KF_LOAD_TRACE: trace, KUBECONFIG: join(scratch, 'none') },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const urls = existsSync(trace) ? [...new Set(readFileSync(trace, 'utf8').trim().split('\n'))] : [];
  const files = urls.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  const builtins = urls.filter((u) => u.startsWith('node:'));
  const heavy = Object.entries(MARKERS)
    .filter(([, marker]) => files.some((f) => readFileSync(f, 'utf8').includes(marker)))
    .map(([name]) => name);
  return { files, bytes: files.reduce((sum, f) => sum + statSync(f).size, 0), heavy, builtins };
}

describe('start-up of the npm bundle', { skip: existsSync(CLI) ? false : 'dist/cli.js is missing (npm run build)' }, () => {
  for (const flag of ['--version', '--help']) {
    test(`${flag} loads only the flag parser (no ink, React, Kubernetes client, AWS SDK, JSONPath checks or HTTP stack)`, () => {
      const { files, bytes, heavy, builtins } = load([flag]);
      assert.ok(files.includes(CLI), `the tracer saw ${JSON.stringify(files)}`);
      assert.deepEqual(heavy, []);
      assert.deepEqual(builtins.filter((b) => HEAVY_BUILTINS.test(b)), [], `built-ins loaded: ${builtins.join(' ')}`);
      // ~35 KB today (the flag table, its checks, the help text); it was ~175 KB with meow.
      assert.ok(bytes < 60_000, `${bytes} bytes of JavaScript loaded: ${files.map((f) => `${f} ${statSync(f).size}`).join(', ')}`);
    });
  }

  test('control: a real run (--json --demo) loads the Kubernetes client and the AWS SDK (the markers work)', () => {
    const { heavy } = load(['--json', '--demo']);
    assert.ok(heavy.includes('@kubernetes/client-node') && heavy.includes('@aws-sdk/client-eks'), `heavy libraries seen: ${JSON.stringify(heavy)}`);
  });

  test('control: --help with -o jsonpath loads the JSONPath checks, and the tracer sees built-ins', () => {
    const { heavy, builtins } = load(['--help', '-o', 'jsonpath={.x}']);
    assert.ok(heavy.includes('report/jsonpath-template.ts'), `heavy libraries seen: ${JSON.stringify(heavy)}`);
    assert.ok(builtins.includes('node:fs'), `built-ins seen: ${JSON.stringify(builtins)}`);
  });
});
