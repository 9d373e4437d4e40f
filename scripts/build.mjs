// Bundles source/cli.ts into dist/ (ESM, code-split so --version/--help load only the flag parser).
import { build } from 'esbuild';
import { rm, chmod } from 'node:fs/promises';

// ink imports react-devtools-core only when DEV=true; a stub keeps the bundle self-contained.
const stubDevtools = {
  name: 'stub-react-devtools-core',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default {connectToDevTools() {}};', loader: 'js' }));
  },
};

await rm('dist', { recursive: true, force: true });
await build({
  entryPoints: { cli: 'source/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  minify: true,
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
await chmod('dist/cli.js', 0o755);
