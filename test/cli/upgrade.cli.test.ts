// Before a control-plane upgrade, through the BUILT CLI (child processes) against the after-upgrade
// sim (its control plane went 1.32 -> 1.33 with nothing recycled): `check --upgrade` lists exactly
// the Fargate pods created before the upgrade, `reschedule --outdated --yes` recycles them (bare
// pods backed up and re-created, controller pods by the chosen strategy), and then `check
// --upgrade` passes and EKS takes 1.34. The one-replica Deployment never has zero Ready replicas.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AFTER_UPGRADE_EXPECTED, startSim, upgradeExpectationFor, type RunningSim } from '../../source/sim/index.js';
import { runCli, simEnv } from '../helpers/cli.js';
import { FAST } from '../helpers/sim.js';
import { backupsUnder } from '../helpers/files.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = any;

let sim: RunningSim;
let home: string;
before(async () => {
  sim = await startSim({ scenario: 'after-upgrade', timing: { ...FAST, graceMsPerSecond: 20, maxGraceMs: 300 } });
  home = mkdtempSync(path.join(tmpdir(), 'kf-upgrade-home-'));
});
after(async () => {
  await sim.close();
  rmSync(home, { recursive: true, force: true });
});

const env = () => {
  const e = simEnv(sim, { HOME: home, NO_COLOR: '1' });
  delete e.CI;
  return e;
};
const cli = (...args: string[]) => runCli(['--kubeconfig', sim.kubeconfigPath, ...args], env(), { timeoutMs: 180_000 });
const outdatedRows = AFTER_UPGRADE_EXPECTED.filter((r) => r.outdated);
const running = () => sim.cluster.listPods().filter((p: Obj) => !p.metadata.deletionTimestamp);

describe('kubectl fargate before an upgrade (after-upgrade sim)', () => {
  test('check --upgrade lists exactly the Fargate pods created before the upgrade, by workload, and exits 1', async () => {
    const json = await cli('check', '--upgrade', '-o', 'json');
    assert.equal(json.code, 1, json.stderr);
    const doc = JSON.parse(json.stdout);
    assert.equal(doc.kind, 'FargateUpgradeCheck');
    assert.equal(doc.cluster.version, '1.33');
    const expected = running()
      .filter((p: Obj) => upgradeExpectationFor(p)?.outdated === true)
      .map((p: Obj) => `${String(p.metadata.namespace)}/${String(p.metadata.name)}`)
      .sort();
    assert.equal(expected.length, outdatedRows.reduce((n, r) => n + r.count, 0));
    assert.deepEqual(doc.pods.map((p: Obj) => `${String(p.namespace)}/${String(p.name)}`).sort(), expected);
    assert.ok(doc.pods.every((p: Obj) => p.outdated === true && /^v1\.32\./.test(p.kubeletVersion)));
    const workloads = doc.upgrade.workloads.map((w: Obj) => `${String(w.namespace)}/${String(w.kind)}/${String(w.name)}`).sort();
    assert.deepEqual(workloads, outdatedRows.map((r) => `${r.namespace}/${r.owner ?? `Pod/${r.name}`}`).sort());
    assert.deepEqual({ controlPlane: doc.upgrade.controlPlane, next: doc.upgrade.next, outdated: doc.upgrade.outdated }, { controlPlane: '1.33', next: '1.34', outdated: expected.length });

    const table = await cli('check', '--upgrade');
    assert.equal(table.code, 1);
    assert.match(table.stdout, /^shop\s+Deployment\/cart\s+1\s+1\.32 outdated\s+cart-/m);
    assert.match(table.stderr, /^9 pods block the upgrade to 1\.34 \(kubelets older than the control plane's 1\.33\), in 6 workloads; recycle them: kubectl fargate reschedule --outdated -A$/m);
  });

  test('--json and -o wide show the kubelet of every pod; the namespaces count the outdated ones', async () => {
    const json = await cli('--json');
    assert.equal(json.code, 0, json.stderr);
    const doc = JSON.parse(json.stdout);
    const debug = doc.pods.find((p: Obj) => p.name === 'debug');
    assert.deepEqual([debug.kubeletVersion, debug.outdated], ['v1.33.5-eks-ecaa3a6', false]);
    const legacy = doc.pods.find((p: Obj) => p.namespace === 'legacy');
    assert.deepEqual([legacy.kubeletVersion, legacy.outdated], [null, false], 'EC2 pods are outside the Fargate rule');
    assert.equal(doc.namespaces.find((n: Obj) => n.name === 'shop').outdated, 7);
    const wide = await cli('-o', 'wide', '-n', 'default');
    assert.match(wide.stdout, /^hello\s.*\s1\.32 outdated\s/m);
    assert.match(wide.stdout, /^debug\s.*\s1\.33\s/m);
  });

  test('reschedule --outdated -n default --dry-run plans only that namespace and sends nothing', async () => {
    sim.requests.clear();
    const plan = await cli('reschedule', '--outdated', '-n', 'default', '--dry-run', '--json');
    assert.equal(plan.code, 0, plan.stderr);
    const doc = JSON.parse(plan.stdout);
    assert.deepEqual(doc.steps.map((s: Obj) => `${String(s.key)}:${String(s.method)}`), ['default/hello:recreate']);
    assert.equal(doc.steps[0].upgrade.controlPlane, '1.33');
    assert.deepEqual(sim.requests.writes(), []);
  });

  test('reschedule --outdated -A --yes --strategy restart recycles them all; the one-replica Deployment stays Ready; then check --upgrade passes and EKS takes 1.34', async () => {
    assert.throws(() => sim.cluster.upgradeControlPlane('1.34'), /Kubelet version of Fargate pods must be updated to match cluster version 1\.33/);
    const cartReady = () =>
      running().filter((p: Obj) => p.metadata.namespace === 'shop' && p.metadata.labels?.app === 'cart' && (p.status?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True')).length;
    const samples: number[] = [cartReady()];
    const stop = sim.cluster.onChange((c) => {
      if (c.rid === 'pods' && c.entry.ns === 'shop') samples.push(cartReady());
    });
    const backupDir = path.join(home, 'backups');
    let run;
    try {
      run = await cli('reschedule', '--outdated', '-A', '--yes', '--strategy', 'restart', '--backup-dir', backupDir, '--timeout', '60s');
    } finally {
      stop();
    }
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    // Controller pods by the chosen strategy: the Deployments and the StatefulSet restarted, the Job's pod evicted.
    for (const [kind, name] of [['deployments.apps', 'cart'], ['deployments.apps', 'catalog'], ['statefulsets.apps', 'sessions']] as const) {
      assert.ok(sim.cluster.get(kind, 'shop', name)!.spec.template.metadata.annotations?.['kubectl.kubernetes.io/restartedAt'], `${name} restarted`);
    }
    assert.match(run.stderr, /batch\/backfill-\w+: evict: evicting it/);
    // Bare pods through backup and re-create.
    assert.deepEqual(backupsUnder(backupDir).map((f) => path.basename(path.dirname(f)) + '/' + path.basename(f).replace(/-\d{8}T.*$/, '')).sort(), ['default/hello', 'shop/toolbox']);
    assert.ok(samples.length > 3 && samples.every((n) => n >= 1), `cart's Ready replicas over the run: ${samples.join(',')}`);

    const check = await cli('check', '--upgrade');
    assert.equal(check.code, 0, `${check.stdout}\n${check.stderr}`);
    assert.match(check.stderr, /^ok: no Fargate pod runs a kubelet older than the control plane \(1\.33\); nothing blocks the upgrade to 1\.34$/m);
    // Nothing left to recycle: reschedule --outdated says so in check --upgrade's words (-A), and in the TUI's U words (-n).
    const all = await cli('reschedule', '--outdated', '-A', '--dry-run');
    assert.equal(all.code, 0, all.stderr);
    assert.equal(all.stderr, 'No Fargate pod runs a kubelet older than the control plane (1.33); nothing blocks the upgrade to 1.34.\n');
    const one = await cli('reschedule', '--outdated', '-n', 'default', '--dry-run');
    assert.equal(one.code, 0, one.stderr);
    assert.equal(one.stderr, 'No pod in default blocks the upgrade to 1.34.\n');
    await sim.cluster.waitFor(() => {
      try {
        sim.cluster.upgradeControlPlane('1.34');
        return true;
      } catch {
        return false;
      }
    }, 10_000, 'EKS takes 1.34 once the old Fargate nodes are gone');
    assert.equal(sim.cluster.info.version, '1.34');
    assert.deepEqual(sim.cluster.errors.map(String), []);
  });
});
