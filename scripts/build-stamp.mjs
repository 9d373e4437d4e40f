// Whether a bundle (dist/) was built from the inputs as they are now, so `npm run demo` can skip
// the build. Each build records a stamp: a digest of every input's content (not mtimes: a
// checkout or a copy changes those without changing the bundle) and the size and mtime of the
// cli.js it wrote. Stamps live in node_modules/.cache, outside dist/, so the npm package and the
// release digest stay as they were; `npm ci` empties node_modules and so forces the next build.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

/** What esbuild reads (besides node_modules, which the two lockfiles stand for). */
export const BUILD_INPUTS = [
  'source',
  'scripts/build.mjs',
  'scripts/build-stamp.mjs',
  'scripts/build-notices.mjs',
  'scripts/build-notices.clarifications.json',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  // npm rewrites this on every install: it changes with what is installed, not only with the lock.
  'node_modules/.package-lock.json',
];

/** Environment variables that change the bundle. */
const BUILD_ENV = ['KF_MINIFY'];

async function filesOf(path) {
  const info = await stat(path).catch(() => null);
  if (!info) return [];
  if (!info.isDirectory()) return [path];
  return (await readdir(path, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** sha256 over the inputs' paths and contents (a missing input counts as absent, not as an error). */
export async function buildInputsDigest(root, env = process.env) {
  const files = (await Promise.all(BUILD_INPUTS.map((input) => filesOf(join(root, input))))).flat().sort();
  const contents = await Promise.all(files.map((file) => readFile(file)));
  const hash = createHash('sha256');
  for (const [i, file] of files.entries()) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(contents[i]);
    hash.update('\0');
  }
  for (const name of BUILD_ENV) hash.update(`${name}=${env[name] ?? ''}\0`);
  return hash.digest('hex');
}

/** One stamp per output directory (the tests and the bench build elsewhere with KF_OUTDIR). */
export function stampPath(root, outdir) {
  const key = createHash('sha256').update(resolve(root, outdir)).digest('hex').slice(0, 16);
  return join(root, 'node_modules', '.cache', 'kubectl-fargate', `build-${key}.json`);
}

/** esbuild's metafile of the last build of `outdir` (its inputs and outputs), beside the stamp. */
export const metafilePath = (root, outdir) => stampPath(root, outdir).replace(/\.json$/, '.metafile.json');

const bundleOf = async (root, outdir) => {
  const info = await stat(join(resolve(root, outdir), 'cli.js')).catch(() => null);
  return info ? { size: info.size, mtimeMs: info.mtimeMs } : null;
};

/** True when `outdir` holds the bundle the last build wrote there, from inputs with digest `inputs`. */
export async function isBuildFresh(root, outdir, inputs) {
  const stamp = await readFile(stampPath(root, outdir), 'utf8')
    .then((text) => JSON.parse(text))
    .catch(() => null);
  const bundle = await bundleOf(root, outdir);
  return Boolean(stamp && bundle && stamp.inputs === inputs && stamp.bundle?.size === bundle.size && stamp.bundle?.mtimeMs === bundle.mtimeMs);
}

/** Before replacing the bundle: a build that dies midway must leave no stamp claiming it fresh. */
export async function forgetBuild(root, outdir) {
  await rm(stampPath(root, outdir), { force: true });
}

/** After the bundle is in place: records that `outdir` was built from inputs with digest `inputs`. */
export async function recordBuild(root, outdir, inputs) {
  const file = stampPath(root, outdir);
  await mkdir(join(file, '..'), { recursive: true });
  const staging = `${file}.${process.pid}`;
  await writeFile(staging, `${JSON.stringify({ inputs, outdir: resolve(root, outdir), bundle: await bundleOf(root, outdir) })}\n`);
  await rename(staging, file);
}
