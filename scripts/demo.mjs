// `npm run demo [-- ARGS]`: the tool against its built-in simulated EKS cluster, ARGS passed on
// (`--json`, `check`, `-o wide`, ...; none starts the live view). dist/ is built first only when
// it is missing or an input changed since its last build; otherwise the tool starts at once, in
// this same Node process (one start-up instead of two).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildInputsDigest, isBuildFresh } from './build-stamp.mjs';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
if (!(await isBuildFresh(root, dist, await buildInputsDigest(root)))) {
  const env = { ...process.env };
  delete env.KF_OUTDIR; // the demo runs dist/
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-stale'], { cwd: root, env, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
process.argv.splice(2, 0, '--demo');
await import(pathToFileURL(join(dist, 'cli.js')).href);
