// Bundles source/cli.ts into dist/ (ESM, code-split so --version/--help load only the flag parser).
// `--if-stale` (scripts/demo.mjs) builds only when an input changed since the last build of dist/.
import { rm, chmod, readFile, rename, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildInputsDigest, forgetBuild, isBuildFresh, metafilePath, recordBuild } from './build-stamp.mjs';
import { NOTICES_FILE, bundledPackageDirs, renderNotices } from './build-notices.mjs';

const root = join(import.meta.dirname, '..');
const outdir = resolve(process.env.KF_OUTDIR ?? 'dist');
const inputs = await buildInputsDigest(root);
if (process.argv.includes('--if-stale')) {
  if (await isBuildFresh(root, outdir, inputs)) process.exit(0);
  const shown = relative(process.cwd(), outdir);
  process.stderr.write(`Building ${shown.startsWith('..') ? outdir : shown}/ (first run, or the sources changed since the last build) ...\n`);
}
// Loaded only when building: the up-to-date path above stays fast.
const { build } = await import('esbuild');

// ink imports react-devtools-core only when DEV=true; a stub keeps the bundle self-contained.
const stubDevtools = {
  name: 'stub-react-devtools-core',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default {connectToDevTools() {}};', loader: 'js' }));
  },
};

// `import ... from 'node:http'` in an ES module makes Node build an ES facade of the built-in,
// which reads every export once, lazy getters included: http.WebSocket alone loads Node's own
// copy of undici (~30 ms and 13 MB on every run). Through require (the banner's), an export is
// read only when used. Our dependencies' CommonJS code already goes that way. (The AWS SDK
// imports node:http itself for http:// endpoints, such as the simulator's.)
const builtinsViaRequire = {
  name: 'builtins-via-require',
  setup(b) {
    b.onResolve({ filter: /^[a-z:_/]+$/ }, (args) =>
      (args.kind === 'import-statement' || args.kind === 'dynamic-import') && isBuiltin(args.path) ? { path: args.path, namespace: 'builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

// client-node's index re-exports every generated API and model (~450 KB minified) and the
// watch / exec / port-forward code. Its modules only define things (the one bare import is a
// polyfill for Node 18), so declaring them side-effect free lets esbuild keep just what we use.
// The package's directory as esbuild sees it (real path; its main is dist/index.js).
const clientNodeDir = join(dirname(fileURLToPath(import.meta.resolve('@kubernetes/client-node'))), '..') + sep;
const clientNodeSideEffectFree = {
  name: 'client-node-side-effect-free',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === clientNodeSideEffectFree) return undefined;
      const inside = args.importer.startsWith(clientNodeDir);
      if (!inside && !args.path.startsWith('@kubernetes/client-node')) return undefined;
      // Its ~2000 relative imports (all `./x.js`) resolve here: a round trip through b.resolve
      // for each took ~10 s of the build.
      if (inside && /^\.\.?\/.*\.js$/.test(args.path)) return { path: resolve(args.resolveDir, args.path), sideEffects: false };
      const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: clientNodeSideEffectFree });
      if (resolved.errors.length > 0 || !resolved.path.startsWith(clientNodeDir)) return resolved;
      return { ...resolved, sideEffects: false };
    });
  },
};

// Build beside dist/ and swap it in, so a concurrent build or a running test never sees half a dist/.
const staging = `${outdir}.building-${process.pid}`;
const { metafile } = await build({
  // complete.js is kubectl_complete-fargate (package.json bin): kubectl runs it for `kubectl fargate <TAB>`.
  entryPoints: { cli: 'source/cli.ts', complete: 'source/complete.ts' },
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // ESM builds first: they tree-shake, and a lazily import()ed package keeps its named exports.
  mainFields: ['module', 'main'],
  target: 'node22',
  minify: process.env.KF_MINIFY !== '0',
  sourcemap: false,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [stubDevtools, builtinsViaRequire, clientNodeSideEffectFree],
  // React's production build: the development one profiles every component (slow at 10k rows).
  define: { 'process.env.DEV': '"false"', 'process.env.NODE_ENV': '"production"' },
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // Which files went in: THIRD_PARTY_NOTICES lists the packages they belong to.
  metafile: true,
  logLevel: 'warning',
});
await chmod(`${staging}/cli.js`, 0o755);
await chmod(`${staging}/complete.js`, 0o755);
// The bundle strips the packages' licence comments: their licences ship beside it instead.
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const notices = await renderNotices({ root, dirs: await bundledPackageDirs(metafile, root), product: `kubectl-fargate ${version}` });
await writeFile(join(staging, NOTICES_FILE), notices.text);
await forgetBuild(root, outdir);
await rm(outdir, { recursive: true, force: true });
await rename(staging, outdir);
await recordBuild(root, outdir, inputs);
// What went into the bundle, outside dist/: the notices test checks THIRD_PARTY_NOTICES against it.
await writeFile(metafilePath(root, outdir), JSON.stringify(metafile));
