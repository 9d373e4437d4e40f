// The shipped forms, end to end on this machine:
// - the linux/amd64 executable, extracted from its release archive into a directory on PATH, is a
//   kubectl plugin (`kubectl plugin list`, `kubectl fargate`), gives the same JSON as the Node
//   build, and runs the TUI in a real terminal (tmux);
// - `npm pack` holds only dist/, LICENSE, README.md and package.json, and installed with
//   `npm i -g --prefix` gives a working `kubectl fargate`.
// Release artifacts come from test/release/release-fixture.ts (built once, ~30-45 s).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { extractArchive } from '../../scripts/release/archive.mjs';
import { archiveName, hostTarget } from '../../scripts/release/targets.mjs';
import { startSim, type RunningSim } from '../../source/sim/index.js';
import { ensureRelease, RELEASE_DIR, ROOT, VERSION } from '../release/release-fixture.js';
import { hasTmux, TmuxSession } from './tmux.js';

const host = hostTarget();
const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
const skip = host?.os !== 'linux' || host.arch !== 'amd64' ? 'the end-to-end run needs a linux/amd64 machine' : !hasKubectl ? 'kubectl is not on PATH' : false;

const scratch = mkdtempSync(join(tmpdir(), 'kf-dist-e2e-'));
const pluginDir = join(scratch, 'bin'); // where the release archive is extracted
const nodeDir = dirname(process.execPath); // Node 24, for the npm-installed entry's `#!/usr/bin/env node`
let sim: RunningSim | undefined;
// The Node build the executables were compiled from (the release's copy of dist/), so a rebuild
// of dist/ during the run cannot make the two differ.
const NODE_BUILD = join(RELEASE_DIR, 'build', 'dist', 'cli.js');

after(async () => {
  await sim?.close();
  rmSync(scratch, { recursive: true, force: true });
});

interface RunOptions {
  dirs?: string[];
  env?: Record<string, string>;
  cwd?: string;
}

/**
 * Runs a command with `dirs` first on PATH. Asynchronous: the simulated cluster lives in this
 * process and must keep answering while the command runs.
 */
function run(command: string, args: string[], { dirs = [pluginDir], env = {}, cwd = scratch }: RunOptions = {}) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, PATH: [...dirs, process.env.PATH].join(delimiter) };
  delete childEnv.CI;
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(command, args, { cwd, env: childEnv, encoding: 'utf8', timeout: 180_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = (error as { code?: unknown } | null)?.code;
      resolve({ status: error ? (typeof code === 'number' ? code : null) : 0, stdout, stderr });
    });
  });
}

/** A JSON report without its timestamp, for comparing two runs. */
function report(stdout: string): Record<string, unknown> {
  const document = JSON.parse(stdout) as Record<string, unknown>;
  assert.equal(typeof document.generatedAt, 'string');
  delete document.generatedAt;
  return document;
}

describe('the release executable as a kubectl plugin', { skip }, () => {
  before(async () => {
    await ensureRelease();
    execFileSync('mkdir', ['-p', pluginDir]);
    await extractArchive(join(RELEASE_DIR, archiveName(host!, VERSION)), pluginDir);
    sim = await startSim({ scenario: 'walkthrough' });
  });

  test('kubectl plugin list finds it', async () => {
    const r = await run('kubectl', ['plugin', 'list']);
    assert.ok(r.stdout.split('\n').includes(join(pluginDir, 'kubectl-fargate')), `stdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
    assert.doesNotMatch(r.stderr, /kubectl-fargate.*(not executable|overshadow)/);
  });

  test('kubectl fargate --version runs it', async () => {
    const r = await run('kubectl', ['fargate', '--version']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `kubectl-fargate ${VERSION}\n`);
  });

  test('kubectl fargate --json against the simulated cluster gives the same JSON as the Node build', async () => {
    const args = ['--json', '--kubeconfig', sim!.kubeconfigPath];
    // The Node build's report, once two in a row agree (the cluster has settled).
    let fromNode: Record<string, unknown> | undefined;
    for (let i = 0; i < 5; i++) {
      const node = await run(process.execPath, [NODE_BUILD, ...args], { dirs: [], env: sim!.env });
      assert.equal(node.status, 0, node.stderr);
      const next = report(node.stdout);
      if (fromNode && isDeepStrictEqual(fromNode, next)) break;
      fromNode = next;
    }
    const executable = await run('kubectl', ['fargate', ...args], { env: sim!.env });
    assert.equal(executable.status, 0, executable.stderr);
    const fromExecutable = report(executable.stdout);
    assert.ok(Array.isArray(fromExecutable.pods) && fromExecutable.pods.length > 0, 'the walkthrough has pods');
    assert.deepEqual(fromExecutable, fromNode);
  });

  test('kubectl fargate --json --demo gives the same JSON as the Node build', async () => {
    const executable = await run('kubectl', ['fargate', '--json', '--demo']);
    assert.equal(executable.status, 0, executable.stderr);
    const node = await run(process.execPath, [NODE_BUILD, '--json', '--demo'], { dirs: [] });
    assert.equal(node.status, 0, node.stderr);
    // Each --demo starts its own simulated cluster, whose pods are created relative to its start:
    // their creation times differ between the two runs, everything else must not.
    const withoutCreation = (text: string) => {
      const document = report(text);
      for (const pod of document.pods as Array<{ creationTimestamp?: string }>) {
        assert.match(pod.creationTimestamp ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        delete pod.creationTimestamp;
      }
      return document;
    };
    assert.deepEqual(withoutCreation(executable.stdout), withoutCreation(node.stdout));
  });

  test('the TUI opens, moves and quits in a real terminal (tmux)', { skip: hasTmux() ? false : 'tmux is not installed' }, async () => {
    const tui = new TmuxSession(['kubectl', 'fargate', '--kubeconfig', sim!.kubeconfigPath], {
      ...sim!.env,
      PATH: [pluginDir, process.env.PATH].join(delimiter),
    });
    try {
      await tui.waitFor((s) => s.includes('Namespaces ['), 20_000, 'the namespaces view');
      await tui.waitFor(() => tui.selectedRow().trim() !== '', 10_000, 'a selected row');
      const first = tui.selectedRow();
      await tui.press('j');
      await tui.waitFor(() => tui.selectedRow() !== first, 5000, 'the selection moving down');
      await tui.press('q');
      await tui.waitForExit(5000, 'q to quit');
      assert.doesNotMatch(tui.capture(), /error:/);
    } finally {
      tui.kill();
    }
  });
});

describe('the npm package', { skip: hasKubectl ? false : 'kubectl is not on PATH' }, () => {
  // npm's own CLI when the tests run under `npm test`, else the `npm` on PATH.
  const npm = (args: string[], cwd = scratch) =>
    process.env.npm_execpath
      ? run(process.execPath, [process.env.npm_execpath, ...args], { dirs: [nodeDir], cwd })
      : run('npm', args, { dirs: [nodeDir], cwd });
  const packDir = join(scratch, 'pack');
  const prefix = join(scratch, 'prefix');
  let tarball = '';
  let packFiles: string[] = [];

  before(async () => {
    execFileSync('mkdir', ['-p', packDir]);
    const r = await npm(['pack', '--json', '--pack-destination', packDir], ROOT);
    assert.equal(r.status, 0, r.stderr);
    const [packed] = JSON.parse(r.stdout) as { filename: string; files: { path: string }[] }[];
    tarball = join(packDir, packed!.filename);
    packFiles = packed!.files.map((f) => f.path);
  });

  test('npm pack holds only dist/, LICENSE, README.md and package.json', () => {
    assert.ok(packFiles.includes('dist/cli.js'), JSON.stringify(packFiles));
    const unexpected = packFiles.filter((p) => !['LICENSE', 'README.md', 'package.json'].includes(p) && !p.startsWith('dist/'));
    assert.deepEqual(unexpected, []);
  });

  test('npm i -g --prefix gives a working kubectl fargate --version', async () => {
    const install = await npm(['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball]);
    assert.equal(install.status, 0, install.stderr);
    const direct = await run(join(prefix, 'bin', 'kubectl-fargate'), ['--version'], { dirs: [nodeDir] });
    assert.equal(direct.stdout, `kubectl-fargate ${VERSION}\n`, direct.stderr);
    const viaKubectl = await run('kubectl', ['fargate', '--version'], { dirs: [join(prefix, 'bin'), nodeDir] });
    assert.equal(viaKubectl.status, 0, viaKubectl.stderr);
    assert.equal(viaKubectl.stdout, `kubectl-fargate ${VERSION}\n`);
  });
});
