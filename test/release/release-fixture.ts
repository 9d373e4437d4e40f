// The release artifacts the release and distribution tests look at. Building them is slow (five
// `bun build --compile` runs, ~110 MB each, then gzip/zip), so it happens at most once: when
// release/ is missing or was built from other inputs (release.json records a digest of dist/,
// the release scripts, LICENSE and package.json; esbuild's output is deterministic). Timing on the 2-core machine: ~30 s with bun's target
// runtimes cached in ~/.bun/install/cache, ~45 s on a fresh machine (five ~35 MB downloads from
// the npm registry). Test files may run in parallel, so a lock directory serialises the build.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { releaseInputsDigest } from '../../scripts/release/inputs-digest.mjs';
import { waitUntil } from '../helpers/waiting.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const RELEASE_DIR = join(ROOT, 'release');
export const VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

export interface ReleaseInfo {
  version: string;
  inputsDigest: string;
  manifest: boolean;
  targets: {
    os: string;
    arch: string;
    archive: string;
    sha256: string;
    binaryBytes: number;
    archiveBytes: number;
    compileMs: number;
    archiveMs: number;
    resigned: boolean;
  }[];
}

const LOCK = join(ROOT, 'node_modules', '.cache', 'kubectl-fargate-release.lock');
async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  mkdirSync(join(LOCK, '..'), { recursive: true });
  const taken = (): boolean => {
    try {
      mkdirSync(LOCK);
      return true;
    } catch {
      // A lock left by a killed run is stale after 10 minutes (a build takes well under that).
      const held = statSync(LOCK, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 10 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      return false;
    }
  };
  await waitUntil(`the lock ${LOCK}`, taken, 15 * 60_000, { intervalMs: 500 });
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function readInfo(): ReleaseInfo | null {
  const file = join(RELEASE_DIR, 'release.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ReleaseInfo) : null;
}

let ready: Promise<ReleaseInfo> | undefined;

/** release/ for the current dist/ (building dist/ first only if it is missing). */
export function ensureRelease(): Promise<ReleaseInfo> {
  ready ??= withLock(async () => {
    // `npm test` has just built dist/; rebuilding it here would pull it from under other tests.
    if (!existsSync(join(ROOT, 'dist', 'cli.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    const digest = await releaseInputsDigest(ROOT);
    const info = readInfo();
    if (info?.inputsDigest === digest && info.version === VERSION && info.manifest) return info;
    execFileSync(process.execPath, ['scripts/release/index.mjs', '--skip-build', '--no-root', '--no-pack'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 10 * 60_000,
    });
    const built = readInfo();
    if (!built) throw new Error('the release wrote no release/release.json');
    return built;
  });
  return ready;
}
