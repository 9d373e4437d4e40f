// The built CLI in a real terminal (tmux) reading one pod and switching clusters: `y` shows the
// pod's YAML and `l` its log lines as the sim's kubelet writes them, and `:ctx` moves the live
// view between two simulated clusters of one kubeconfig. Needs `npm run build` and tmux.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { RunningSim } from '../../source/sim/index.js';
import { hasTmux, TmuxSession } from './tmux.js';

const CLI = 'dist/cli.js';
const missing = !existsSync(CLI) ? `${CLI} is missing (npm run build)` : !hasTmux() ? 'tmux is not installed' : false;

describe('pod reads and :ctx end to end (tmux, two sims)', { skip: missing }, () => {
  let blue: RunningSim;
  let green: RunningSim;
  let dir: string;
  let kubeconfig: string;
  let tui: TmuxSession;
  before(async () => {
    const { startSim } = await import('../../source/sim/index.js');
    blue = await startSim({ scenario: 'walkthrough', clusterName: 'blue' });
    green = await startSim({ scenario: 'edge-cases', clusterName: 'green' });
    const docs = [blue, green].map((s) => parse(readFileSync(s.kubeconfigPath, 'utf8')) as Record<string, unknown[]>);
    dir = mkdtempSync(join(tmpdir(), 'kf-e2e-ctx-'));
    kubeconfig = join(dir, 'config');
    writeFileSync(kubeconfig, stringify({ ...docs[0], clusters: docs.flatMap((d) => d.clusters), contexts: docs.flatMap((d) => d.contexts), users: docs.flatMap((d) => d.users), 'current-context': blue.contextName }));
    tui = new TmuxSession([process.execPath, CLI, '--kubeconfig', kubeconfig, '--no-aws', '-n', 'test'], blue.env, { columns: 140, rows: 35 });
  });
  after(async () => {
    tui?.kill();
    await blue?.close();
    await green?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('y shows the pod\'s YAML from the API server', async () => {
    await tui.waitFor((s) => s.includes('Pods(test)') && /y yaml/.test(s), 20_000, 'the pods of test, y bound');
    await tui.press('y');
    const screen = await tui.waitFor((s) => s.includes('YAML · test/test') && s.includes('kind: Pod'), 10_000, 'the YAML');
    assert.match(screen, /name: test/);
    await tui.press('esc');
    await tui.waitFor((s) => s.includes('Pods(test)'), 5000, 'back on the pods');
  });

  test('l shows the log lines the kubelet writes, following new ones', async () => {
    await tui.press('l');
    const screen = await tui.waitFor((s) => /Log test\/test/.test(s) && /"GET \S+ HTTP\/1.1" 200/.test(s), 10_000, 'log lines');
    const lines = screen.split('\n').filter((l) => /HTTP\/1.1/.test(l));
    await tui.waitFor((s) => s.split('\n').filter((l) => /HTTP\/1.1/.test(l)).at(-1) !== lines.at(-1), 15_000, 'a newer line');
    await tui.press('esc');
    await tui.waitFor((s) => s.includes('Pods(test)'), 5000, 'back on the pods');
  });

  test(':ctx lists both contexts and switches the live view to the other cluster', async () => {
    await tui.press(':');
    await tui.type('ctx');
    await tui.press('enter');
    await tui.waitFor((s) => s.includes('Contexts [2]') && s.includes(green.contextName), 5000, 'the contexts');
    await tui.press(':');
    await tui.type(`ctx ${green.contextName}`);
    await tui.press('enter');
    const screen = await tui.waitFor((s) => s.split('\n')[0]!.includes('cluster green'), 15_000, 'the green cluster in the status bar');
    assert.doesNotMatch(screen.split('\n')[0]!, /cluster blue/);
  });
});
