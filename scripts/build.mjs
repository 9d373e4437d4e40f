// Bundles source/cli.ts into dist/ (ESM, code-split so --version/--help load only the flag parser).
import { build } from 'esbuild';
import { rm, chmod, rename } from 'node:fs/promises';

// ink imports react-devtools-core only when DEV=true; a stub keeps the bundle self-contained.
const stubDevtools = {
  name: 'stub-react-devtools-core',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default {connectToDevTools() {}};', loader: 'js' }));
  },
};

// Build beside dist/ and swap it in, so a concurrent build or a running test never sees half a dist/.
const outdir = process.env.KF_OUTDIR ?? 'dist';
const staging = `${outdir}.building-${process.pid}`;
await build({
  entryPoints: { cli: 'source/cli.ts' },
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
  plugins: [stubDevtools],
  // React's production build: the development one profiles every component (slow at 10k rows).
  define: { 'process.env.DEV': '"false"', 'process.env.NODE_ENV': '"production"' },
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
await chmod(`${staging}/cli.js`, 0o755);
await rm(outdir, { recursive: true, force: true });
await rename(staging, outdir);
