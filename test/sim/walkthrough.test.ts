// The walkthrough scenario ends up in the documented state (WALKTHROUGH_EXPECTED), produced by
// replaying its history through the simulated EKS rules.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SimCluster, WALKTHROUGH_EXPECTED, expectationFor } from '../../source/sim/index.js';
import { SCENARIOS } from '../../source/sim/index.js';
import { loadScenario } from '../../source/sim/scenarios/load.js';

describe('walkthrough scenario', () => {
  let cluster: SimCluster;
  before(() => {
    cluster = new SimCluster();
    loadScenario(cluster, SCENARIOS.walkthrough!);
  });
  after(() => cluster.close());

  test('every pod is covered by exactly one expectation row, with the expected count', () => {
    const pods = cluster.listPods();
    const counts = new Map<unknown, number>();
    for (const p of pods) {
      const e = expectationFor(p);
      assert.ok(e, `no expectation for ${String(p.metadata.namespace)}/${String(p.metadata.name)} (${String(p.status.phase)})`);
      counts.set(e, (counts.get(e) ?? 0) + 1);
    }
    for (const e of WALKTHROUGH_EXPECTED) assert.equal(counts.get(e) ?? 0, e.count, `${e.namespace}/${e.name}${e.phase ? ` (${e.phase})` : ''}`);
  });

  test('where each pod runs and which profile EKS recorded match the expectations', () => {
    for (const p of cluster.listPods()) {
      const e = expectationFor(p)!;
      const id = `${String(p.metadata.namespace)}/${String(p.metadata.name)}`;
      const node: string | undefined = p.spec.nodeName;
      const runsOn = node === undefined ? 'pending' : node.startsWith('fargate-') ? 'fargate' : 'ec2';
      assert.equal(runsOn, e.runsOn, id);
      const recorded = p.spec.schedulerName === 'fargate-scheduler' ? (p.metadata.labels?.['eks.amazonaws.com/fargate-profile'] ?? null) : null;
      assert.equal(recorded, e.currentProfile, id);
      if (runsOn === 'fargate') {
        assert.match(p.metadata.annotations?.CapacityProvisioned ?? '', /^\d+(\.\d+)?vCPU \d+(\.\d+)?GB$/, id);
        assert.equal(p.status.podIP, p.status.hostIP, id);
      }
    }
  });

  test('profiles: names, statuses and creation order', () => {
    assert.deepEqual(
      cluster.profiles().map((p) => `${p.name}:${p.status}`),
      ['fp-default:ACTIVE', 'fp-apps-b:ACTIVE', 'fp-batch:ACTIVE', 'fp-apps-a:ACTIVE', 'fp-coredns:ACTIVE', 'fp-test:ACTIVE', 'fp-payments-v2:ACTIVE', 'fp-analytics:CREATING'],
    );
  });

  test('history shows in timestamps: test/test predates fp-test, coredns predates fp-coredns', () => {
    const created = (ns: string, prefix: string) => Date.parse(cluster.listPods(ns).find((p) => p.metadata.name.startsWith(prefix))!.metadata.creationTimestamp);
    const profileAt = (name: string) => cluster.profiles().find((p) => p.name === name)!.createdAt;
    assert.ok(created('test', 'test') < profileAt('fp-test'));
    assert.ok(created('kube-system', 'coredns-') < profileAt('fp-coredns'));
    assert.ok(created('apps', 'api-') < profileAt('fp-apps-a'));
  });

  test('fargate-scheduler events: refusals for the debugger and the orphaned payments pods', () => {
    const failed = cluster.events().filter((e) => e.reason === 'FailedScheduling');
    assert.deepEqual(
      failed.map((e) => `${String(e.involvedObject.namespace)} ${String(e.source.component)} ${String(e.message)}`).sort(),
      [
        'default fargate-scheduler Pod not supported on Fargate: invalid SecurityContext fields: Privileged',
        'payments fargate-scheduler Misconfigured Fargate Profile: fargate profile fp-payments-old not found',
        'payments fargate-scheduler Misconfigured Fargate Profile: fargate profile fp-payments-old not found',
      ],
    );
    const scheduled = cluster.events().filter((e) => e.reason === 'Scheduled' && e.source.component === 'fargate-scheduler');
    assert.ok(scheduled.every((e) => /^Successfully assigned [a-z-]+\/[a-z0-9-]+ to fargate-ip-10-\d+-\d+-\d+\.ec2\.internal$/.test(e.message)));
  });

  test('nodes: three EC2 nodes plus one Fargate node per Fargate pod; DaemonSets only on EC2', () => {
    const nodes = cluster.list('nodes');
    const ec2 = nodes.filter((n) => !n.metadata.name.startsWith('fargate-')).map((n) => n.metadata.name);
    assert.deepEqual(ec2, ['ip-10-0-1-23.ec2.internal', 'ip-10-0-2-45.ec2.internal', 'ip-10-0-3-67.ec2.internal']);
    const fargatePods = cluster.listPods().filter((p) => p.spec.nodeName?.startsWith('fargate-'));
    assert.equal(nodes.length - 3, fargatePods.length);
    const ds = cluster.listPods('kube-system').filter((p) => p.metadata.ownerReferences?.[0]?.kind === 'DaemonSet');
    assert.equal(ds.length, 6);
    assert.ok(ds.every((p) => ec2.includes(p.spec.nodeName)));
  });

  test('the same seed gives the same pod names', () => {
    const again = new SimCluster();
    loadScenario(again, SCENARIOS.walkthrough!);
    assert.deepEqual(
      again.listPods().map((p) => p.metadata.name),
      cluster.listPods().map((p) => p.metadata.name),
    );
    again.close();
  });

  test('StatefulSet claims are bound to EBS PersistentVolumes; re-created, postgres-0 goes to fp-batch and is refused', async () => {
    const fresh = new SimCluster({ timing: { fargateScheduleMs: 10, controllerMs: 2, graceMsPerSecond: 1 } });
    try {
      loadScenario(fresh, SCENARIOS.walkthrough!);
      const claim = fresh.get('persistentvolumeclaims', 'data', 'data-postgres-0');
      const volume = fresh.get('persistentvolumes', '', String(claim.spec.volumeName));
      assert.equal(volume?.spec.csi.driver, 'ebs.csi.aws.com');
      assert.equal(volume?.spec.claimRef.name, 'data-postgres-0');
      const old = fresh.getPod('data', 'postgres-0');
      fresh.deletePod('data', 'postgres-0', { gracePeriodSeconds: 0 });
      const refused = await fresh.waitFor(() => {
        const p = fresh.getPod('data', 'postgres-0');
        if (p === undefined || p.metadata.uid === old.metadata.uid) return undefined;
        return fresh.events('data', 'postgres-0').find((e) => e.reason === 'FailedScheduling' && e.involvedObject.uid === p.metadata.uid);
      }, 3000, 'the new postgres-0 refused');
      assert.equal(fresh.getPod('data', 'postgres-0').metadata.labels['eks.amazonaws.com/fargate-profile'], 'fp-batch');
      assert.equal(
        refused.message,
        `Pod not supported on Fargate: volumes not supported: data not supported because: PVC data-postgres-0 bound to invalid PV ${String(volume?.metadata.name)} with CSI Driver: ebs.csi.aws.com`,
      );
      assert.deepEqual(fresh.errors, []);
    } finally {
      fresh.close();
    }
  });

  test('no internal controller errors', () => {
    assert.deepEqual(cluster.errors, []);
  });
});
