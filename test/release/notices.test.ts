// THIRD_PARTY_NOTICES (dist/, from `npm run build`): every package the bundle contains, by
// esbuild's own account of its inputs, is listed with its licence and the full text of its
// licence file; and the archives carry the same (archives.test.ts).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledPackageDirs } from '../../scripts/build-notices.mjs';
import { metafilePath } from '../../scripts/build-stamp.mjs';
import { ROOT } from './release-fixture.js';

const DIST = join(ROOT, 'dist');
let notices = '';
let bundled: { name: string; version: string; dir: string }[] = [];

before(async () => {
  const metafile = metafilePath(ROOT, DIST);
  assert.ok(existsSync(metafile), 'run `npm run build` first (it records what went into dist/)');
  notices = readFileSync(join(DIST, 'THIRD_PARTY_NOTICES'), 'utf8');
  const dirs = await bundledPackageDirs(JSON.parse(readFileSync(metafile, 'utf8')), ROOT);
  bundled = [...dirs].map((dir) => ({ ...(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string }), dir }));
});

/** The notices' sections: `name version (licence)`, then the text up to the next rule. */
function sections(text: string): Map<string, { licence: string; body: string }> {
  const found = new Map<string, { licence: string; body: string }>();
  for (const part of text.split(/^={80}\n/m).slice(1)) {
    const [title, ...rest] = part.split('\n');
    const m = /^(\S+) (\S+) \((.+)\)$/.exec(title!);
    assert.ok(m, `a section title: ${title}`);
    const body = rest.join('\n').split(/^-{80}\n/m)[1] ?? '';
    found.set(`${m[1]}@${m[2]}`, { licence: m[3]!, body });
  }
  return found;
}

describe('THIRD_PARTY_NOTICES', () => {
  test('the bundle holds the packages users ask about (ink, react, undici, client-node, the AWS SDK, yaml)', () => {
    const names = new Set(bundled.map((p) => p.name));
    for (const name of ['ink', 'react', 'undici', '@kubernetes/client-node', '@aws-sdk/client-eks', 'yaml']) assert.ok(names.has(name), name);
  });

  test('lists exactly the bundled packages, each once', () => {
    const listed = [...sections(notices).keys()].sort();
    assert.deepEqual(listed, [...new Set(bundled.map((p) => `${p.name}@${p.version}`))].sort());
  });

  test("each with its package.json licence and its licence file's full text (or the same text given above)", () => {
    const all = sections(notices);
    const normalise = (t: string) => t.replace(/\r\n?/g, '\n').trim();
    for (const { name, version, dir } of bundled) {
      const section = all.get(`${name}@${version}`)!;
      const declared = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { license?: string }).license;
      if (declared) assert.equal(section.licence, declared, `${name}@${version}`);
      const same = /^The same licence text as (\S+) (\S+), above\.$/.exec(section.body.trim());
      const body = same ? all.get(`${same[1]}@${same[2]}`)!.body : section.body;
      assert.ok(body.trim().length > 100, `${name}@${version} has a licence text`);
      const file = ['LICENSE', 'license', 'LICENSE.md', 'license.md', 'LICENSE.txt', 'LICENCE', 'UNLICENSE'].map((f) => join(dir, f)).find(existsSync);
      if (file) assert.ok(normalise(body).startsWith(normalise(readFileSync(file, 'utf8'))), `${name}@${version}: the text of ${file}`);
    }
  });

  test("ships in the npm package (it is in dist/) and names this project's version", () => {
    const { version, files } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; files: string[] };
    assert.ok(files.includes('dist'));
    assert.ok(notices.startsWith(`Third-party software in kubectl-fargate ${version}\n`));
  });
});
