// `npm run demo` builds dist/ only when a build input changed (scripts/build.mjs --if-stale): the
// digest of the inputs follows their content and nothing else, and the stamp ties it to the
// bundle the build wrote.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildInputsDigest, forgetBuild, isBuildFresh, recordBuild, stampPath } from '../../scripts/build-stamp.mjs';
import { ROOT } from './release-fixture.js';

const scratch = mkdtempSync(join(tmpdir(), 'kf-build-stamp-'));
const stamps: string[] = [];
after(() => {
  rmSync(scratch, { recursive: true, force: true });
  for (const stamp of stamps) rmSync(stamp, { force: true });
});

let trees = 0;
/** A small checkout: the build's inputs, plus files the build does not read. */
function checkout(): string {
  const root = join(scratch, `tree-${trees++}`);
  const files: Record<string, string> = {
    'source/cli.ts': "console.log('hi');\n",
    'source/ui/app.tsx': 'export const App = () => null;\n',
    'scripts/build.mjs': '// build\n',
    'scripts/build-stamp.mjs': '// stamp\n',
    'package.json': '{"name":"x","version":"1.0.0"}\n',
    'package-lock.json': '{"lockfileVersion":3}\n',
    'tsconfig.json': '{}\n',
    'node_modules/.package-lock.json': '{"lockfileVersion":3}\n',
    'README.md': '# x\n',
    'test/cli.test.ts': '// a test\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the digest of the build inputs', () => {
  const cases: { change: string; rebuild: boolean; apply: (root: string) => void; env?: NodeJS.ProcessEnv }[] = [
    { change: 'a source file edited', rebuild: true, apply: (r) => writeFileSync(join(r, 'source/cli.ts'), "console.log('bye');\n") },
    { change: 'a source file added', rebuild: true, apply: (r) => writeFileSync(join(r, 'source/new.ts'), 'export {};\n') },
    { change: 'a source file renamed', rebuild: true, apply: (r) => renameSync(join(r, 'source/ui/app.tsx'), join(r, 'source/ui/main.tsx')) },
    { change: 'a source file removed', rebuild: true, apply: (r) => rmSync(join(r, 'source/ui/app.tsx')) },
    { change: 'the build script edited', rebuild: true, apply: (r) => writeFileSync(join(r, 'scripts/build.mjs'), '// build v2\n') },
    { change: 'package.json edited (the version is bundled)', rebuild: true, apply: (r) => writeFileSync(join(r, 'package.json'), '{"name":"x","version":"1.0.1"}\n') },
    { change: 'the lockfile changed', rebuild: true, apply: (r) => writeFileSync(join(r, 'package-lock.json'), '{"lockfileVersion":3,"x":1}\n') },
    { change: 'node_modules reinstalled differently', rebuild: true, apply: (r) => writeFileSync(join(r, 'node_modules/.package-lock.json'), '{"x":2}\n') },
    { change: 'tsconfig.json edited', rebuild: true, apply: (r) => writeFileSync(join(r, 'tsconfig.json'), '{"compilerOptions":{}}\n') },
    { change: 'KF_MINIFY=0 set', rebuild: true, apply: () => {}, env: { KF_MINIFY: '0' } },
    { change: 'a source file touched, content unchanged', rebuild: false, apply: (r) => utimesSync(join(r, 'source/cli.ts'), new Date(), new Date(Date.now() + 60_000)) },
    { change: 'the README edited', rebuild: false, apply: (r) => writeFileSync(join(r, 'README.md'), '# y\n') },
    { change: 'a test edited', rebuild: false, apply: (r) => writeFileSync(join(r, 'test/cli.test.ts'), '// another test\n') },
  ];
  for (const { change, rebuild, apply, env = {} } of cases) {
    test(`${change}: ${rebuild ? 'rebuild' : 'no rebuild'}`, async () => {
      const root = checkout();
      const before = await buildInputsDigest(root, {});
      apply(root);
      const now = await buildInputsDigest(root, env);
      assert.equal(now !== before, rebuild);
    });
  }
});

describe('the build stamp', () => {
  test('fresh only after a build recorded from the same inputs, for the bundle it wrote', async () => {
    const root = checkout();
    const outdir = join(root, 'dist');
    mkdirSync(outdir);
    writeFileSync(join(outdir, 'cli.js'), '// bundle\n');
    const inputs = await buildInputsDigest(root);
    assert.equal(await isBuildFresh(root, outdir, inputs), false, 'no stamp yet');

    await recordBuild(root, outdir, inputs);
    assert.equal(await isBuildFresh(root, outdir, inputs), true);
    assert.equal(await isBuildFresh(root, outdir, `${inputs.slice(1)}0`), false, 'other inputs');
    assert.equal(await isBuildFresh(root, join(root, 'other'), inputs), false, 'another output directory');

    writeFileSync(join(outdir, 'cli.js'), '// a bundle written by something else\n');
    assert.equal(await isBuildFresh(root, outdir, inputs), false, 'cli.js replaced');

    await recordBuild(root, outdir, inputs);
    rmSync(outdir, { recursive: true });
    assert.equal(await isBuildFresh(root, outdir, inputs), false, 'dist/ removed');

    mkdirSync(outdir);
    writeFileSync(join(outdir, 'cli.js'), '// bundle\n');
    await recordBuild(root, outdir, inputs);
    await forgetBuild(root, outdir);
    assert.equal(await isBuildFresh(root, outdir, inputs), false, 'forgotten at the start of a build');

    writeFileSync(stampPath(root, outdir), '{"inputs": "trunc');
    assert.equal(await isBuildFresh(root, outdir, inputs), false, 'a damaged stamp');
  });
});

/** `node scripts/build.mjs ...args` into `outdir`; resolves with its stderr. */
function build(outdir: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['scripts/build.mjs', ...args], { cwd: ROOT, env: { ...process.env, KF_OUTDIR: outdir }, timeout: 300_000 }, (error, _stdout, stderr) =>
      error ? reject(new Error(`build failed: ${error.message}\n${stderr}`)) : resolve(stderr),
    );
  });
}

describe('scripts/build.mjs --if-stale (npm run demo)', () => {
  test('builds a missing bundle, then leaves it alone while the inputs are unchanged; a plain build always builds', async () => {
    const outdir = join(scratch, 'dist');
    stamps.push(stampPath(ROOT, outdir));

    assert.match(await build(outdir, ['--if-stale']), /Building .*first run, or the sources changed/);
    const first = statSync(join(outdir, 'cli.js'));
    const bundle = readFileSync(join(outdir, 'cli.js'));

    assert.equal(await build(outdir, ['--if-stale']), '', 'up to date: silent');
    const second = statSync(join(outdir, 'cli.js'));
    assert.deepEqual([second.ino, second.mtimeMs], [first.ino, first.mtimeMs], 'dist/cli.js was rewritten');

    await build(outdir, []);
    assert.notEqual(statSync(join(outdir, 'cli.js')).ino, second.ino, 'npm run build (npm test) builds every time');
    assert.deepEqual(readFileSync(join(outdir, 'cli.js')), bundle);
    assert.ok(existsSync(stampPath(ROOT, outdir)));
  });
});
