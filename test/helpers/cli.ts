// Runs the BUILT CLI (dist/cli.js) as a child process, like a user would. dist/ is rebuilt first
// when its sources changed (scripts/build.mjs --if-stale compares a content stamp), so a test never
// runs yesterday's bundle. Under scripts/test.mjs (npm test and the tiers) that check is done once
// before the tests start instead.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { RunningSim } from '../../source/sim/index.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'dist', 'cli.js');

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

let built: Promise<void> | null = null;
/** Build dist/ unless it was built from the sources as they are (checked once per test process). */
export function ensureBuilt(): Promise<void> {
  // scripts/test.mjs (npm test, test:sim, test:slow) has checked already.
  if (process.env.KF_TEST_DIST_FRESH === '1') return Promise.resolve();
  const env = { ...process.env };
  delete env.KF_OUTDIR;
  built ??= run(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT, env }).then(
    () => undefined,
    (error: Error & { stderr?: string }) => {
      built = null;
      throw new Error(`building dist/ failed: ${error.stderr || error.message}`);
    },
  );
  return built;
}

/**
 * A private copy of the built bundle, so another build running meanwhile (it empties dist/ first)
 * cannot pull the CLI away mid-test. Checked by running it.
 */
export async function builtCliCopy(): Promise<{ cli: string; remove(): void }> {
  await ensureBuilt();
  for (let attempt = 0; ; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'kf-dist-'));
    try {
      cpSync(join(ROOT, 'dist'), dir, { recursive: true });
      const cli = join(dir, 'cli.js');
      await run(process.execPath, [cli, '--help']);
      return { cli, remove: () => rmSync(dir, { recursive: true, force: true }) };
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      if (attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      built = null;
      await ensureBuilt();
    }
  }
}

let stateHome: string | null = null;
/** One state directory per test process, removed when it exits. */
function testStateHome(): string {
  if (stateHome === null) {
    const dir = mkdtempSync(join(tmpdir(), 'kf-test-state-'));
    stateHome = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return stateHome;
}

/** The sim's environment (kubeconfig, EKS endpoint, dummy credentials) without the user's AWS profile or CI flag. */
export function simEnv(sim: RunningSim, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  // A private state directory (backups, journals) unless the test names one: journals another
  // run left in the user's would add warnings, and a test must not leave any there.
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_STATE_HOME: testStateHome(), ...sim.env, ...extra };
  delete env.AWS_PROFILE;
  delete env.AWS_ENDPOINT_URL;
  return env;
}

export interface RunOptions {
  /** The bundle to run (default dist/cli.js, rebuilt first if stale), e.g. a builtCliCopy(). */
  cli?: string;
  timeoutMs?: number;
}

/** Run the CLI with `args` and `env`; resolves with its exit code and output (never rejects). */
export async function runCli(args: string[], env: NodeJS.ProcessEnv, { cli, timeoutMs = 60_000 }: RunOptions = {}): Promise<CliResult> {
  if (cli === undefined) await ensureBuilt();
  return new Promise((resolve) => {
    execFile(process.execPath, [cli ?? CLI, ...args], { env, timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
