// `kubectl fargate <TAB>`: kubectl (>= 1.26) runs `kubectl_complete-fargate` with the words typed
// after `kubectl fargate` and reads cobra's completion protocol back. Checked with the real
// kubectl (`kubectl __complete fargate ...` is what its shell scripts ask) for both shipped forms:
// the hook from the release archive beside the compiled executable, and the npm package's bin
// (dist/complete.js). Values come from the simulated cluster over real HTTP.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { extractArchive } from '../../scripts/release/archive.mjs';
import { archiveName, hostTarget } from '../../scripts/release/targets.mjs';
import { startSim, type RunningSim } from '../../source/sim/index.js';
import { ensureRelease, RELEASE_DIR, ROOT, VERSION } from './release-fixture.js';

const host = hostTarget();
const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
const skip = !hasKubectl ? 'kubectl is not on PATH' : host?.os === 'windows' ? 'the hook is a .cmd on Windows' : false;

const scratch = mkdtempSync(join(tmpdir(), 'kf-completion-hooks-'));
const archiveDir = join(scratch, 'archive');
const npmDir = join(scratch, 'npm-bin');
let sim: RunningSim;

before(async () => {
  sim = await startSim({ scenario: 'walkthrough' });
  if (skip) return;
  mkdirSync(npmDir);
  // npm links each package.json bin into the prefix's bin directory under its name.
  const { bin } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  for (const [name, file] of Object.entries(bin)) symlinkSync(join(ROOT, file), join(npmDir, name));
  if (host) {
    await ensureRelease();
    mkdirSync(archiveDir);
    await extractArchive(join(RELEASE_DIR, archiveName(host, VERSION)), archiveDir);
  }
});

after(async () => {
  await sim?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** `kubectl __complete fargate WORDS...` with `dirs` first on PATH. Asynchronous: the sim runs in this process. */
function kubectlComplete(dirs: string[], words: string[], env: Record<string, string> = {}) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...sim.env, ...env, PATH: [...dirs, process.env.PATH].join(delimiter) };
  return new Promise<{ lines: string[]; stderr: string }>((resolve, reject) => {
    execFile('kubectl', ['__complete', 'fargate', ...words], { env: childEnv, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`kubectl __complete failed: ${stderr}`));
      else resolve({ lines: stdout.split('\n').filter(Boolean), stderr });
    });
  });
}

const forms: [string, () => string[]][] = [
  ['the release archive (hook beside the compiled executable)', () => [archiveDir]],
  // `#!/usr/bin/env node` must find this Node (24), not an older system one.
  ['the npm package (bin entries)', () => [npmDir, dirname(process.execPath)]],
];

for (const [form, dirs] of forms) {
  describe(`kubectl fargate <TAB> through ${form}`, { skip: form.startsWith('the release') && !host ? 'no executable for this machine' : skip }, () => {
    test('kubectl finds the hook and passes the words: commands', async () => {
      const { lines, stderr } = await kubectlComplete(dirs(), ['re']);
      assert.deepEqual(lines, ['reschedule\tevict or re-create pods so Fargate profiles apply', 'restore\tre-create pods from reschedule backups', ':4']);
      assert.match(stderr, /About to call: .*kubectl_complete-fargate re/, 'through kubectl_complete-fargate');
    });

    test('contexts from the kubeconfig, namespaces and pods from the cluster', async () => {
      assert.deepEqual((await kubectlComplete(dirs(), ['--context', ''])).lines, [sim.contextName, ':4']);
      const namespaces = (await kubectlComplete(dirs(), ['-n', 'kube-'])).lines;
      assert.deepEqual(namespaces, ['kube-node-lease', 'kube-public', 'kube-system', ':4']);
      assert.deepEqual((await kubectlComplete(dirs(), ['reschedule', '-n', 'test', ''])).lines, ['test', ':4']);
    });

    test('an unreachable cluster: no candidates and no error text, only the directive', async () => {
      const { lines } = await kubectlComplete(dirs(), ['--kubeconfig', join(scratch, 'absent'), '-n', '']);
      assert.deepEqual(lines, [':4']);
    });
  });
}
