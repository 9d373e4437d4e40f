// Turns the esbuild bundle (dist/cli.js, which already stubs react-devtools-core) into a
// self-contained executable for one target with `bun build --compile`. Bun fetches the runtime
// of a foreign target from the npm registry (@oven/bun-*) and caches it in ~/.bun/install/cache.
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { adhocSign, machoSignatureErrors } from './macho-signature.mjs';

/** The bun binary of the `bun` devDependency (its postinstall puts the platform binary there). */
export function bunPath() {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('bun/package.json');
  return join(dirname(manifest), require('bun/package.json').bin.bun);
}

/**
 * Compiles `entry` for `target` into `outfile`. The executable must not pick up a `.env` or
 * `bunfig.toml` from whatever directory the user runs kubectl in, so autoloading is off.
 * --splitting keeps the code behind dynamic import() (ink, the Kubernetes client, the AWS SDK)
 * in chunks loaded on demand: `--version` starts in ~40 ms instead of ~150 ms.
 * @returns {Promise<{outfile: string, ms: number, resigned: boolean}>}
 */
export async function compile({ entry, target, outfile, bun = bunPath() }) {
  await mkdir(dirname(outfile), { recursive: true });
  const args = [
    'build',
    basename(entry),
    '--compile',
    `--target=${target.bunTarget}`,
    '--splitting',
    '--no-compile-autoload-dotenv',
    '--no-compile-autoload-bunfig',
    // Bun would bake the build machine's absolute path into `__filename` (undici reads it);
    // the npm bundle is ESM, where it is undefined too.
    '--define',
    '__filename=undefined',
    `--outfile=${resolve(outfile)}`,
  ];
  const started = performance.now();
  // Run from the bundle's directory: bun labels modules with paths relative to the working
  // directory, so the executable does not depend on where the checkout is.
  await run(bun, args, dirname(entry));
  const resigned = target.os === 'darwin' ? await ensureValidSignature(outfile) : false;
  return { outfile, ms: Math.round(performance.now() - started), resigned };
}

/**
 * macOS kills an executable whose code signature does not match its bytes (always on Apple
 * Silicon, and with the hardened-runtime flag bun's x64 runtime carries). Re-signs ad hoc when
 * bun's output fails the check; throws if it still does. Returns whether it re-signed.
 */
async function ensureValidSignature(file) {
  const original = await readFile(file);
  if (machoSignatureErrors(original).length === 0) return false;
  const signed = adhocSign(original, 'kubectl-fargate');
  const errors = machoSignatureErrors(signed);
  if (errors.length > 0) throw new Error(`${file}: code signature still invalid after re-signing: ${errors.join('; ')}`);
  await writeFile(file, signed, { mode: 0o755 });
  return true;
}

function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-2000)}`));
    });
  });
}
