// A digest of everything a release is made from: dist/ (esbuild's output is deterministic, so it
// changes only when the bundle does), the release scripts and completion hooks, LICENSE,
// package.json and the version of bun (whose runtime is in every executable). release/ built
// from an equal digest is up to date.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

async function filesUnder(dir, keep = () => true) {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && keep(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** `distDir` defaults to the checkout's dist/; the release passes its private copy. */
export async function releaseInputsDigest(root, distDir = join(root, 'dist')) {
  // Sorted by the name each file is hashed under, so a copy of dist/ elsewhere (the release's
  // private one) hashes the same as dist/ itself.
  const named = [
    ...(await filesUnder(distDir)).map((file) => [join('dist', relative(distDir, file)), file]),
    ...(await filesUnder(join(root, 'scripts', 'release'), (name) => name.endsWith('.mjs') || name.startsWith('kubectl_complete-'))).map((file) => [relative(root, file), file]),
    ['LICENSE', join(root, 'LICENSE')],
    ['package.json', join(root, 'package.json')],
  ].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const hash = createHash('sha256');
  const bun = JSON.parse(await readFile(createRequire(import.meta.url).resolve('bun/package.json'), 'utf8'));
  hash.update(`bun ${bun.version}\0`);
  for (const [name, file] of named) {
    hash.update(`${name}\0`);
    hash.update(await readFile(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}
