// The actions API end to end against the simulated EKS cluster over real HTTP: plan from the
// live views, reschedule, check the cluster afterwards. Faults are injected in the sim.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { planReschedule, podsNeedingReschedule } from '../../source/actions/plan.js';
import { reschedule, startReschedule } from '../../source/actions/reschedule.js';
import { restore } from '../../source/actions/restore.js';
import type { RescheduleEvent } from '../../source/actions/types.js';
import { pdb, statefulSet, container, namespace } from '../../source/sim/scenarios/manifests.js';
import { PROFILE_LABEL } from '../../source/domain/types.js';
import { WALKTHROUGH_EXPECTED } from '../../source/sim/index.js';
import { clusterView, rescheduleOptionsFor, viewsOf } from './helpers.js';
import { actionSimForFile } from '../helpers/sim.js';
import { backupsUnder, tempDir } from '../helpers/files.js';

const s = actionSimForFile({ timing: { graceMsPerSecond: 20, maxGraceMs: 400 } });

const options = rescheduleOptionsFor(s, { backupPrefix: 'kf-resched-', timeoutMs: 15_000, pdbWaitMs: 300 });

/** A bare pod on EC2 with env and volumes, in a namespace a profile selects only after it was created. */
async function driftedBarePod(ns: string, name: string): Promise<void> {
  s.sim.cluster.apply(namespace(ns));
  s.sim.cluster.createPod({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, labels: { app: name } },
    spec: {
      containers: [
        { name: 'web', image: 'public.ecr.aws/nginx/nginx:1.27', env: [{ name: 'MODE', value: 'prod' }, { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }], volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg' }, { name: 'scratch', mountPath: '/tmp' }] },
        { name: 'sidecar', image: 'public.ecr.aws/docker/library/busybox:1.36', args: ['sleep', 'infinity'] },
      ],
      volumes: [{ name: 'cfg', configMap: { name: 'web-cfg' } }, { name: 'scratch', emptyDir: {} }],
    },
  });
  await s.sim.cluster.waitFor(() => s.sim.cluster.getPod(ns, name)?.status?.phase === 'Running', 5000, `${ns}/${name} running`);
  s.sim.cluster.createProfile({ name: `fp-${ns}`, selectors: [{ namespace: ns }] });
}

const deletions = (ns: string, name: string) => {
  const seen: { type: string; at: number }[] = [];
  const stop = s.sim.cluster.onChange((c) => {
    if (c.rid === 'pods' && c.entry.ns === ns && c.entry.name === name && (c.type === 'DELETED' || c.entry.deleting)) seen.push({ type: c.type, at: Date.now() });
  });
  return { seen, stop };
};

describe('the plan from live views (runs first: before anything is rescheduled)', () => {
  test('--all over the walkthrough takes exactly the pods expected.ts marks "reschedule", with the right method', async () => {
    const view = await clusterView(s);
    const steps = planReschedule(podsNeedingReschedule(view.pods));
    const expected = WALKTHROUGH_EXPECTED.filter((e) => e.verdict === 'reschedule');
    assert.equal(steps.length, expected.reduce((n, e) => n + e.count, 0));
    for (const step of steps) {
      const row = expected.find((e) => e.namespace === step.pod.namespace && (e.prefix ? step.pod.name.startsWith(e.name) : step.pod.name === e.name));
      assert.ok(row, `${step.key} is expected to need a reschedule`);
      assert.equal(step.to.profile, row.expectedProfile, step.key);
      assert.equal(step.method, step.owner === null ? 'recreate' : 'evict', step.key);
    }
    assert.deepEqual(steps.filter((x) => x.method === 'recreate').map((x) => x.key), ['test/test']);
  });
});

describe('reschedule: the acceptance flows', () => {
  test('the test/test bare pod moves from EC2 to Fargate and keeps containers, images, env and volumes', async () => {
    const before = s.sim.cluster.getPod('test', 'test')!;
    const steps = planReschedule(await viewsOf(s, 'test', 'test'));
    assert.equal(steps[0]!.method, 'recreate');
    const events: RescheduleEvent[] = [];
    const [result] = await reschedule(s.kc, steps, options({ events }));
    assert.equal(result!.outcome, 'succeeded', result!.message);
    assert.match(result!.message, /now on Fargate under fp-test/);
    assert.deepEqual({ ...result!.landed, node: undefined }, { name: 'test', runsOn: 'fargate', profile: 'fp-test', node: undefined, kubeletVersion: 'v1.32.9-eks-113cf36' });
    const after = s.sim.cluster.getPod('test', 'test')!;
    assert.notEqual(after.metadata.uid, before.metadata.uid, 'a new pod');
    assert.match(after.spec.nodeName, /^fargate-/);
    const strip = (c: any) => ({ name: c.name, image: c.image, env: c.env, mounts: (c.volumeMounts ?? []).filter((m: any) => !m.name.startsWith('kube-api-access-')) });
    assert.deepEqual(after.spec.containers.map(strip), before.spec.containers.map(strip));
    assert.deepEqual(after.metadata.labels.run, 'test');
    assert.deepEqual(events.map((e) => e.step), ['backup', 'dry-run', 'delete', 'wait-gone', 'create', 'wait-scheduled', 'done']);
    // The backup holds the pod without server fields or the service-account token.
    const backup = readFileSync(result!.backupFile!, 'utf8');
    assert.doesNotMatch(backup, /kube-api-access|serviceAccountToken|uid:|resourceVersion|nodeName/);
    assert.equal(statSync(result!.backupFile!).mode & 0o777, 0o600);
  });

  test('a bare pod with env and volumes keeps them all', async () => {
    await driftedBarePod('rich', 'rich');
    const before = s.sim.cluster.getPod('rich', 'rich')!;
    const [result] = await reschedule(s.kc, planReschedule(await viewsOf(s, 'rich', 'rich')), options());
    assert.equal(result!.outcome, 'succeeded', result!.message);
    const after = s.sim.cluster.getPod('rich', 'rich')!;
    assert.equal(after.metadata.labels[PROFILE_LABEL], 'fp-rich');
    const userVolumes = (p: any) => p.spec.volumes.filter((v: any) => !v.name.startsWith('kube-api-access-'));
    assert.deepEqual(userVolumes(after), userVolumes(before));
    assert.deepEqual(after.spec.containers.map((c: any) => [c.name, c.image, c.env, c.args]), before.spec.containers.map((c: any) => [c.name, c.image, c.env, c.args]));
    assert.equal(after.spec.volumes.filter((v: any) => v.name.startsWith('kube-api-access-')).length, 1, 'one token volume: ours was dropped, the API server added its own');
  });

  test('ReplicaSet pods are evicted one at a time; each replacement lands on Fargate; never more than one replica down', async () => {
    const views = await viewsOf(s, 'kube-system', 'coredns-*');
    assert.equal(views.length, 2);
    let minReady = Infinity;
    const readyCoredns = () =>
      s.sim.cluster.listPods('kube-system').filter((p) => p.metadata.name.startsWith('coredns-') && !p.metadata.deletionTimestamp && (p.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True')).length;
    const stop = s.sim.cluster.onChange((c) => {
      if (c.rid === 'pods') minReady = Math.min(minReady, readyCoredns());
    });
    const events: RescheduleEvent[] = [];
    const results = await reschedule(s.kc, planReschedule(views), options({ events })).finally(stop);
    for (const r of results) {
      assert.equal(r.outcome, 'succeeded', r.message);
      assert.equal(r.method, 'evict');
      assert.equal(r.landed?.runsOn, 'fargate');
      assert.equal(r.landed?.profile, 'fp-coredns');
      assert.notEqual(r.landed?.name, r.name, 'a new pod replaced it');
    }
    assert.equal(minReady, 1, 'one of two replicas stayed Ready throughout');
    const firstDone = events.findIndex((e) => e.index === 1 && e.step === 'done');
    const secondEvict = events.findIndex((e) => e.index === 2 && e.step === 'evict');
    assert.ok(firstDone >= 0 && firstDone < secondEvict, 'the second pod waits for the first replacement');
  });

  test('a pod a PodDisruptionBudget protects is reported blocked, naming the PDB, and left running', async () => {
    s.sim.cluster.apply(pdb('apps', 'api-budget', { app: 'api' }, { minAvailable: 2 }));
    const views = await viewsOf(s, 'apps', 'api-*');
    const target = views[0]!;
    const [result] = await reschedule(s.kc, planReschedule([target]), options());
    assert.equal(result!.outcome, 'blocked', result!.message);
    assert.match(result!.message, /PodDisruptionBudget api-budget allows no disruption now \(minAvailable 2: 2 healthy, needs 2\); the pod was left running/);
    const still = s.sim.cluster.getPod('apps', target.pod.name)!;
    assert.equal(still.metadata.uid, target.pod.uid);
    assert.equal(still.metadata.deletionTimestamp, undefined);
    s.sim.cluster.delete('poddisruptionbudgets.policy', 'apps', 'api-budget');
  });

  test('a DaemonSet pod is refused with the reason, and nothing is touched', async () => {
    const [view] = await viewsOf(s, 'kube-system', 'aws-node-*');
    const events: RescheduleEvent[] = [];
    const [result] = await reschedule(s.kc, planReschedule([view!]), options({ events }));
    assert.equal(result!.outcome, 'refused');
    assert.match(result!.message, /DaemonSet aws-node/);
    assert.deepEqual(events.map((e) => e.step), ['refused']);
    assert.equal(s.sim.cluster.getPod('kube-system', view!.pod.name)?.metadata.uid, view!.pod.uid);
  });

  test('a StatefulSet pod comes back under the same name, on Fargate', async () => {
    s.sim.cluster.apply([namespace('sts'), statefulSet('sts', 'cache', { replicas: 1, labels: { app: 'cache' }, containers: [container({ name: 'cache', image: 'public.ecr.aws/docker/library/redis:7' })] })]);
    await s.sim.cluster.waitFor(() => s.sim.cluster.getPod('sts', 'cache-0')?.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True'), 5000, 'cache-0 ready');
    s.sim.cluster.createProfile({ name: 'fp-sts', selectors: [{ namespace: 'sts' }] });
    const before = s.sim.cluster.getPod('sts', 'cache-0')!;
    const steps = planReschedule(await viewsOf(s, 'sts', 'cache-0'));
    assert.match(steps[0]!.warnings.join(), /same name/);
    const [result] = await reschedule(s.kc, steps, options());
    assert.equal(result!.outcome, 'succeeded', result!.message);
    assert.match(result!.message, /cache-0 is back now on Fargate under fp-sts/);
    assert.notEqual(s.sim.cluster.getPod('sts', 'cache-0')!.metadata.uid, before.metadata.uid);
  });
});

describe('reschedule: a bare pod is never deleted before its backup is on disk', () => {
  test('at the moment the API server marks the pod deleted, the backup file already exists', async () => {
    await driftedBarePod('order', 'order');
    let backupFile: string | null = null;
    const existedAtDelete: boolean[] = [];
    const stop = s.sim.cluster.onChange((c) => {
      if (c.rid === 'pods' && c.entry.ns === 'order' && c.entry.name === 'order' && (c.entry.deleting || c.type === 'DELETED')) existedAtDelete.push(backupFile !== null && existsSync(backupFile));
    });
    const events: RescheduleEvent[] = [];
    const [result] = await reschedule(s.kc, planReschedule(await viewsOf(s, 'order', 'order')), options({
      events,
      onEvent: (e) => {
        events.push(e);
        if (e.step === 'backup') backupFile = e.message.replace(/^saved to /, '');
      },
    })).finally(stop);
    assert.equal(result!.outcome, 'succeeded', result!.message);
    assert.ok(existedAtDelete.length > 0, 'the deletion was observed');
    assert.ok(existedAtDelete.every(Boolean), 'the backup existed at every deletion change');
    assert.ok(events.findIndex((e) => e.step === 'backup') < events.findIndex((e) => e.step === 'delete'));
  });

  const refusals = [
    { rule: 'the server-side dry run fails: nothing is deleted', fault: { method: 'POST', path: /\/namespaces\/guard\/pods\?dryRun=All/, status: 500 }, message: /would not accept the re-created pod.*nothing was deleted/ },
    { rule: 'the delete fails: nothing is changed', fault: { method: 'DELETE', path: /\/namespaces\/guard\/pods\/guard$/, status: 500 }, message: /could not delete it.*nothing was changed/ },
  ];
  for (const [i, c] of refusals.entries()) {
    test(c.rule, async () => {
      if (i === 0) await driftedBarePod('guard', 'guard');
      const uid = s.sim.cluster.getPod('guard', 'guard')!.metadata.uid;
      const watch = deletions('guard', 'guard');
      s.sim.faults.failNext(c.fault);
      const dir = tempDir('kf-guard-');
      const [result] = await reschedule(s.kc, planReschedule(await viewsOf(s, 'guard', 'guard')), options({ backupDir: dir })).finally(watch.stop);
      assert.equal(result!.outcome, 'failed');
      assert.match(result!.message, c.message);
      assert.equal(s.sim.cluster.getPod('guard', 'guard')?.metadata.uid, uid, 'the same pod still runs');
      assert.deepEqual(watch.seen, [], 'no deletion reached the API server');
      assert.equal(backupsUnder(dir).length, 1, 'the backup was written first anyway');
    });
  }
});

describe('reschedule: faults after the delete', () => {
  test('the create after the delete keeps failing (500): failed, backup present, restore brings the pod back', async () => {
    await driftedBarePod('crash', 'crash');
    s.sim.faults.failNext({ method: 'POST', path: /\/api\/v1\/namespaces\/crash\/pods\?fieldManager=kubectl-fargate$/, status: 500, count: 10 });
    const events: RescheduleEvent[] = [];
    const [result] = await reschedule(s.kc, planReschedule(await viewsOf(s, 'crash', 'crash')), options({ events }));
    assert.equal(result!.outcome, 'failed');
    assert.match(result!.message, /deleted, but re-creating it failed: .*500.*restore it with `kubectl fargate restore --context \S+ \S+` \(or `kubectl --context \S+ apply -f \S+`\)/);
    assert.ok(result!.backupFile && existsSync(result!.backupFile));
    assert.equal(result!.restoreHint?.includes(result!.backupFile!), true);
    assert.equal(events.filter((e) => e.step === 'create').length, 3, 'tried, then re-created from the backup twice more');
    assert.equal(s.sim.cluster.getPod('crash', 'crash'), undefined, 'the pod is gone');

    s.sim.faults.reset();
    const [restored] = await restore(s.kc, [result!.backupFile!], { timeoutMs: 10_000, namespace: 'default' });
    assert.equal(restored!.outcome, 'succeeded', restored!.message);
    assert.match(restored!.message, /restored: now on Fargate under fp-crash/);
    assert.equal(s.sim.cluster.getPod('crash', 'crash')?.status?.phase, 'Running');

    const [again] = await restore(s.kc, [result!.backupFile!], { timeoutMs: 10_000, namespace: 'default' });
    assert.equal(again!.outcome, 'failed');
    assert.match(again!.message, /pod crash\/crash already exists; delete it first, or restore it under another name: edit metadata.name in /);
  });

  test('one failed create is retried from the backup: the pod exists again', async () => {
    await driftedBarePod('retry', 'retry');
    s.sim.faults.failNext({ method: 'POST', path: /\/api\/v1\/namespaces\/retry\/pods\?fieldManager=kubectl-fargate$/, status: 503, count: 1 });
    const [result] = await reschedule(s.kc, planReschedule(await viewsOf(s, 'retry', 'retry')), options());
    assert.equal(result!.outcome, 'succeeded', result!.message);
    assert.match(s.sim.cluster.getPod('retry', 'retry')!.spec.nodeName, /^fargate-/);
  });

  test('watches that drop while waiting (gone, then scheduled) do not stop the waits', async () => {
    await driftedBarePod('flaky', 'flaky');
    s.sim.cluster.pause('fargate-scheduler');
    const dropped: string[] = [];
    const drop = (step: string, times: number) => {
      for (let i = 0; i < times; i++) setTimeout(() => { s.sim.faults.dropWatches(); dropped.push(step); }, 30 + i * 60);
    };
    const [result] = await reschedule(s.kc, planReschedule(await viewsOf(s, 'flaky', 'flaky')), options({
      onEvent: (e) => {
        if (e.step === 'wait-gone') drop(e.step, 3);
        if (e.step === 'wait-scheduled') {
          drop(e.step, 4);
          setTimeout(() => s.sim.cluster.resume('fargate-scheduler'), 400);
        }
      },
    }));
    assert.equal(result!.outcome, 'succeeded', result!.message);
    assert.ok(dropped.filter((d) => d === 'wait-scheduled').length === 4, `watches were cut while waiting: ${dropped.join(',')}`);
  });

  test('the scheduler refusing the new pod is reported with its FailedScheduling reason', async () => {
    await driftedBarePod('nofit', 'nofit');
    const steps = planReschedule(await viewsOf(s, 'nofit', 'nofit'));
    // The profile goes away between plan and create: fargate-scheduler refuses the admitted pod.
    s.sim.cluster.pause('fargate-scheduler');
    const [result] = await reschedule(s.kc, steps, options({
      onEvent: (e) => {
        if (e.step === 'wait-scheduled') {
          s.sim.cluster.setProfileStatus('fp-nofit', 'DELETING');
          s.sim.cluster.resume('fargate-scheduler');
        }
      },
    }));
    assert.equal(result!.outcome, 'failed');
    assert.match(result!.message, /re-created: not running: Pending \(FailedScheduling: Misconfigured Fargate Profile: fargate profile fp-nofit is DELETING\)/);
    assert.ok(s.sim.cluster.getPod('nofit', 'nofit'), 'the pod exists (Pending)');
  });
});

describe('reschedule: Ctrl-C', () => {
  test('an abort right after the delete still re-creates the pod, then stops', async () => {
    await driftedBarePod('ctrlc', 'ctrlc');
    await driftedBarePod('ctrlc2', 'ctrlc2');
    const uid = s.sim.cluster.getPod('ctrlc', 'ctrlc')!.metadata.uid;
    const views = [...(await viewsOf(s, 'ctrlc', 'ctrlc')), ...(await viewsOf(s, 'ctrlc2', 'ctrlc2'))];
    const run = startReschedule(s.kc, planReschedule(views), { backupDir: tempDir('kf-ctrlc-'), context: s.identity.context, timeoutMs: 10_000 });
    const seen: string[] = [];
    run.subscribe((e) => {
      seen.push(`${e.index}:${e.step}`);
      if (e.step === 'delete') run.cancel();
    });
    const results = await run.done;
    assert.equal(run.finished, true);
    assert.equal(results[0]!.outcome, 'interrupted');
    assert.match(results[0]!.message, /re-created/);
    const now = s.sim.cluster.getPod('ctrlc', 'ctrlc');
    assert.ok(now && now.metadata.uid !== uid, 'the deleted pod exists again');
    assert.equal(results[1]!.outcome, 'interrupted');
    assert.match(results[1]!.message, /not started/);
    assert.ok(seen.includes('1:create') && !seen.some((x) => x.startsWith('2:') && x !== '2:interrupted'), seen.join(' '));
    assert.equal(run.events.length, seen.length, 'the handle keeps every event for a view that subscribes later');
  });
});
