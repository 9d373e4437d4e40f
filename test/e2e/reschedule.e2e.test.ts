// Rescheduling from the TUI in a real terminal (tmux), the built CLI against the simulated
// cluster: a bare pod re-created onto Fargate, ReplicaSet pods evicted and replaced on Fargate,
// and a pod its PodDisruptionBudget protects reported blocked and left running. Needs tmux; the
// CLI is a private copy of dist/ (built if stale), so a concurrent build cannot pull it away.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { startSim, type RunningSim } from '../../source/sim/index.js';
import { namespace } from '../../source/sim/scenarios/manifests.js';
import { filesUnder, tempDir } from '../helpers/files.js';
import { builtCliCopy } from '../helpers/cli.js';
import { hasTmux, TmuxSession } from './tmux.js';

const missing = !hasTmux() ? 'tmux is not installed' : false;

let sim: RunningSim;
let cli: string;
let removeCli: () => void = () => {};
let state: string;
const sessions: TmuxSession[] = [];

before(async () => {
  if (missing) return;
  ({ cli, remove: removeCli } = await builtCliCopy());
  sim = await startSim({ scenario: 'walkthrough' });
  state = tempDir('kf-tui-state-');
});
after(async () => {
  for (const s of sessions) s.kill();
  await sim?.close();
  removeCli();
});

/** The TUI on the sim; backups go under a private XDG_STATE_HOME; waits are kept short. */
function startTui(args: string[] = [], on: RunningSim = sim): TmuxSession {
  const session = new TmuxSession([process.execPath, cli, '--kubeconfig', on.kubeconfigPath, '--timeout', '5s', ...args], { ...on.env, XDG_STATE_HOME: state }, { columns: 140, rows: 40 });
  sessions.push(session);
  return session;
}

/** A table row whose NAME (or NAMESPACE) cell is exactly `name` (or starts with it, for `prefix*`). */
const rowNamed = (name: string) => (row: string) =>
  name.endsWith('*') ? new RegExp(`^[\\s✓•]{2}${escape(name.slice(0, -1))}\\S*\\s`).test(row) : new RegExp(`^[\\s✓•]{2}${escape(name)}\\s`).test(row);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');


/** From the namespaces view into one namespace's pods. */
async function openNamespace(tui: TmuxSession, namespace: string): Promise<void> {
  await tui.waitFor((s) => s.includes('Namespaces ['), 20_000, 'the namespaces view');
  await tui.selectRow(rowNamed(namespace));
  await tui.press('enter');
  await tui.waitFor((s) => s.includes(`Pods(${namespace})`) && / r reschedule/.test(s.split('\n').at(-2) ?? s), 10_000, `the pods of ${namespace} with the reschedule keys bound`);
}

const onFargate = (p: any): boolean => typeof p?.spec?.nodeName === 'string' && p.spec.nodeName.startsWith('fargate-');
const ready = (p: any): boolean => p?.status?.phase === 'Running' && !p.metadata?.deletionTimestamp;

describe('rescheduling from the TUI (tmux, sim)', { skip: missing }, () => {
  test('a bare pod: r shows the plan (re-create, EC2 -> fp-test), y re-creates it on Fargate; esc leaves the progress', async () => {
    const before = sim.cluster.getPod('test', 'test');
    assert.ok(before && !onFargate(before), 'the test pod starts on EC2');
    const tui = startTui();
    try {
      await openNamespace(tui, 'test');
      await tui.selectRow(rowNamed('test'));
      await tui.press('r');
      const dialog = await tui.waitFor((s) => s.includes('Reschedule test/test?'), 10_000, 'the plan dialog');
      assert.match(dialog, /test\/test\s+re-create\s+EC2 -> Fargate \(fp-test\)/);
      assert.match(dialog, /! bare pod: it is deleted and re-created from a backup/);
      await tui.press('y');
      const done = await tui.waitFor((s) => s.includes('now on Fargate under fp-test'), 30_000, 'the pod re-created on Fargate');
      assert.match(done, /Reschedule progress/);
      assert.match(done, /✓ \[1\/1\] test\/test\s+re-create/);
      assert.match(done, /backup\s+\S+\/kubectl-fargate\/backups\/\S+/, 'the backup file is named');
      await tui.press('esc');
      const back = await tui.waitFor((s) => s.includes('Pods(test)'), 5000, 'back on the pods');
      assert.match(back.split('\n')[1] ?? '', /rescheduled: 1 of 1 done: 1 succeeded/);

      const after = sim.cluster.getPod('test', 'test');
      assert.notEqual(after?.metadata?.uid, before.metadata.uid, 're-created');
      assert.ok(onFargate(after), `on Fargate now (node ${after?.spec?.nodeName})`);
      assert.equal(after?.metadata?.labels?.['eks.amazonaws.com/fargate-profile'], 'fp-test');
      assert.ok(filesUnder(state).some((f) => /test-\d/.test(f) && existsSync(f)), 'the backup is on disk');
      await tui.press('q');
      await tui.waitFor(() => tui.exited(), 5000, 'the exit');
    } finally {
      tui.kill();
    }
  });

  test('ReplicaSet pods (kube-system coredns): space marks both, r evicts them, the replacements land on Fargate', async () => {
    const dnsPods = () => sim.cluster.listPods('kube-system').filter((p) => p.metadata?.labels?.['k8s-app'] === 'kube-dns');
    const original = dnsPods().map((p) => String(p.metadata.name));
    assert.equal(original.length, 2);
    assert.ok(dnsPods().every((p) => !onFargate(p)), 'coredns starts on EC2');
    const tui = startTui();
    try {
      await openNamespace(tui, 'kube-system');
      await tui.selectRow(rowNamed('coredns-*'));
      await tui.press('space');
      await tui.press('space');
      await tui.waitFor((s) => s.includes('2 marked'), 5000, 'two marks');
      await tui.press('r');
      const dialog = await tui.waitFor((s) => s.includes('Reschedule 2 pods?'), 10_000, 'the plan dialog');
      for (const name of original) assert.match(dialog, new RegExp(`kube-system/${name}\\s+evict\\s+EC2 -> Fargate \\(fp-coredns\\)`));
      await tui.press('y');
      const done = await tui.waitFor((s) => s.includes('Reschedule: 2 of 2 done · finished'), 40_000, 'both evicted and replaced');
      assert.match(done, /2 succeeded/);
      assert.match(done, /replacement coredns-\S+ now on Fargate under fp-coredns/);
      await tui.press('esc');

      // The sim: the evicted pods are gone, their replacements run on Fargate under fp-coredns.
      await sim.cluster.waitFor(() => dnsPods().filter(ready).length === 2 && dnsPods().every((p) => !original.includes(String(p.metadata.name))), 10_000, 'coredns replaced');
      for (const p of dnsPods().filter(ready)) {
        assert.ok(onFargate(p), `${p.metadata.name} on ${p.spec.nodeName}`);
        assert.equal(p.metadata.labels['eks.amazonaws.com/fargate-profile'], 'fp-coredns');
      }
      await tui.press('q');
      await tui.waitFor(() => tui.exited(), 5000, 'the exit');
    } finally {
      tui.kill();
    }
  });

  test('a pod its PodDisruptionBudget protects (default/locked-*) is reported blocked and left running', async () => {
    const lockedPods = () => sim.cluster.listPods('default').filter((p) => String(p.metadata?.name).startsWith('locked-'));
    const before = lockedPods().map((p) => String(p.metadata.uid)).sort();
    assert.equal(before.length, 2);
    // The locked pods run where they should; a profile that sorts before fp-default and selects
    // them makes them drift (EKS takes the first matching profile by name).
    sim.cluster.createProfile({ name: 'fp-critical', selectors: [{ namespace: 'default', labels: { app: 'locked' } }] });
    await sim.cluster.waitFor(() => sim.cluster.profiles().some((p) => p.name === 'fp-critical' && p.status === 'ACTIVE'), 10_000, 'fp-critical ACTIVE');
    const tui = startTui();
    try {
      await openNamespace(tui, 'default');
      await tui.selectRow(rowNamed('locked-*'));
      const name = /^\s+(locked-\S+)/.exec(tui.selectedRow())?.[1];
      assert.ok(name, tui.capture());
      await tui.press('r');
      const dialog = await tui.waitFor((s) => s.includes(`Reschedule default/${name}?`), 10_000, 'the plan dialog');
      assert.match(dialog, new RegExp(`default/${escape(name)}\\s+evict\\s+Fargate \\(fp-default\\) -> Fargate \\(fp-critical\\)`));
      await tui.press('y');
      // The eviction is retried for the PDB wait (--timeout 5s here), then reported.
      const done = await tui.waitFor((s) => s.includes('Reschedule: 1 of 1 done · finished'), 40_000, 'the blocked result');
      assert.match(done, new RegExp(`! \\[1/1\\] default/${escape(name)}.*blocked`));
      assert.match(done, /→ blocked: PodDisruptionBudget locked allows no disruption now.*the pod was left running/);
      assert.match(done.split('\n')[1] ?? '', /rescheduled: 1 of 1 done: 1 blocked/);
      assert.deepEqual(lockedPods().map((p) => String(p.metadata.uid)).sort(), before, 'nothing was evicted');
      assert.ok(lockedPods().every(ready), 'still running');
      await tui.press('q');
      await tui.waitFor(() => tui.exited(), 5000, 'the exit');
    } finally {
      tui.kill();
    }
  });

  test('Ctrl-C while a bare pod is deleted: the TUI says it finishes the pod in flight, re-creates it, then exits', async () => {
    // Slow graceful deletion: the pod stays Terminating for seconds, a window to press Ctrl-C in.
    const slow = await startSim({ scenario: 'empty', timing: { graceMsPerSecond: 200, maxGraceMs: 6000 } });
    try {
      slow.cluster.apply(namespace('quit'));
      slow.cluster.createPod({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'solo', namespace: 'quit', labels: { app: 'solo' } }, spec: { containers: [{ name: 'app', image: 'public.ecr.aws/nginx/nginx:1.27' }] } });
      await slow.cluster.waitFor(() => ready(slow.cluster.getPod('quit', 'solo')), 10_000, 'quit/solo running');
      const uid = String(slow.cluster.getPod('quit', 'solo')!.metadata.uid);
      slow.cluster.createProfile({ name: 'fp-quit', selectors: [{ namespace: 'quit' }] });
      await slow.cluster.waitFor(() => slow.cluster.profiles().some((p) => p.name === 'fp-quit' && p.status === 'ACTIVE'), 10_000, 'fp-quit ACTIVE');

      const tui = startTui([], slow);
      try {
        await openNamespace(tui, 'quit');
        await tui.selectRow(rowNamed('solo'));
        await tui.press('r');
        await tui.waitFor((s) => s.includes('Reschedule quit/solo?'), 10_000, 'the plan dialog');
        await tui.press('y');
        await tui.waitFor((s) => s.includes('waiting until it is gone'), 10_000, 'the pod being deleted');
        tui.sendKeys('C-c');
        const quitting = await tui.waitFor((s) => s.includes('finishing the pod in flight'), 5000, 'the quitting notice');
        assert.match(quitting, /finishing the pod in flight \(quit\/solo\)/);
        assert.equal(tui.exited(), false, 'still running while the pod is deleted');
        await tui.waitFor(() => tui.exited(), 30_000, 'the exit once the pod is re-created');
        const now = slow.cluster.getPod('quit', 'solo');
        assert.ok(now, 'the bare pod exists again');
        assert.notEqual(String(now.metadata.uid), uid, 're-created, not the old pod');
        assert.equal(now.metadata.deletionTimestamp, undefined);
      } finally {
        tui.kill();
      }
    } finally {
      await slow.close();
    }
  });
});
