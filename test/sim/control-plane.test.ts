// The control-plane version (spec §2.5): /version and DescribeCluster report it, a Fargate node
// keeps the kubelet of the version at its creation, and EKS's upgrade rules hold (one minor up,
// none while a Fargate pod runs an older kubelet), directly and through UpdateClusterVersion.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DescribeClusterCommand, DescribeUpdateCommand, EKSClient, ListUpdatesCommand, UpdateClusterVersionCommand } from '@aws-sdk/client-eks';
import type { RunningSim, Scenario } from '../../source/sim/index.js';
import { kube } from './helpers.js';
import { fastSim, podManifest } from '../helpers/sim.js';

const SCENARIO: Scenario = {
  name: 'versions',
  nodes: [
    { name: 'ip-10-0-1-10.ec2.internal', ip: '10.0.1.10', zone: 'us-east-1a' },
    // A node group left on an older version: a scenario may say so.
    { name: 'ip-10-0-2-20.ec2.internal', ip: '10.0.2.20', zone: 'us-east-1b', version: '1.31' },
  ],
  steps: [{ namespaces: ['default', 'shop', 'legacy'], profiles: [{ name: 'fp-shop', selectors: [{ namespace: 'shop' }] }] }],
};

async function withSim(opts: { version?: string }, fn: (sim: RunningSim, eks: EKSClient) => Promise<void>): Promise<void> {
  const sim = await fastSim({ scenario: SCENARIO, ...opts });
  const eks = new EKSClient({ endpoint: sim.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, maxAttempts: 1 });
  try {
    await fn(sim, eks);
    assert.deepEqual(sim.cluster.errors, []);
  } finally {
    eks.destroy();
    await sim.close();
  }
}

/** A pod created now, once bound: its node's kubelet version. */
async function kubeletOfNewPod(sim: RunningSim, ns: string, name: string): Promise<string> {
  sim.cluster.createPod(podManifest(ns, name));
  const pod = await sim.cluster.waitFor(() => sim.cluster.getPod(ns, name)?.status?.phase === 'Running' && sim.cluster.getPod(ns, name), 3000, `${name} running`);
  return String(sim.cluster.get('nodes', '', pod.spec.nodeName)?.status.nodeInfo.kubeletVersion);
}

async function rejects(p: Promise<unknown>): Promise<{ name: string; message: string; $metadata: { httpStatusCode?: number } }> {
  try {
    await p;
  } catch (err) {
    return err as { name: string; message: string; $metadata: { httpStatusCode?: number } };
  }
  throw new Error('expected a rejection');
}

describe('control-plane version and upgrades', () => {
  test('/version, DescribeCluster and new nodes report the version the sim starts with', async () => {
    await withSim({}, async (sim, eks) => {
      const v = (await kube(sim, '/version')).body;
      assert.equal(v.major, '1');
      assert.equal(v.minor, '32');
      assert.match(v.gitVersion, /^v1\.32\.\d+-eks-[0-9a-f]{7}$/);
      const { cluster } = await eks.send(new DescribeClusterCommand({ name: 'demo' }));
      assert.equal(cluster?.version, '1.32');
      assert.equal(cluster?.status, 'ACTIVE');
      assert.equal(await kubeletOfNewPod(sim, 'shop', 'a'), 'v1.32.9-eks-113cf36');
      assert.equal(sim.cluster.get('nodes', '', 'ip-10-0-1-10.ec2.internal')?.status.nodeInfo.kubeletVersion, 'v1.32.9-eks-113cf36');
      assert.match(String(sim.cluster.get('nodes', '', 'ip-10-0-2-20.ec2.internal')?.status.nodeInfo.kubeletVersion), /^v1\.31\./);
    });
    await withSim({ version: '1.33' }, async (sim, eks) => {
      assert.equal((await kube(sim, '/version')).body.gitVersion, 'v1.33.5-eks-3025e55');
      assert.equal((await eks.send(new DescribeClusterCommand({ name: 'demo' }))).cluster?.version, '1.33');
      assert.match(await kubeletOfNewPod(sim, 'shop', 'a'), /^v1\.33\./);
    });
  });

  test('an unknown version is refused at start', async () => {
    await assert.rejects(fastSim({ scenario: SCENARIO, version: '1.40' }), /unknown Kubernetes version "1\.40"/);
  });

  test('an upgrade leaves running Fargate pods on the old kubelet; new pods get the new one', () =>
    withSim({}, async (sim) => {
      const old = await kubeletOfNewPod(sim, 'shop', 'old');
      sim.cluster.upgradeControlPlane('1.33');
      assert.equal(sim.cluster.info.version, '1.33');
      assert.equal((await kube(sim, '/version')).body.minor, '33');
      const oldPod = sim.cluster.getPod('shop', 'old');
      assert.equal(sim.cluster.get('nodes', '', oldPod.spec.nodeName)?.status.nodeInfo.kubeletVersion, old, 'the running pod keeps its node');
      assert.equal(await kubeletOfNewPod(sim, 'shop', 'new'), 'v1.33.5-eks-ecaa3a6');
      assert.match(String(sim.cluster.get('nodes', '', 'ip-10-0-1-10.ec2.internal')?.status.nodeInfo.kubeletVersion), /^v1\.32\./, 'EC2 nodes keep theirs');
    }));

  test('EKS upgrade rules: one minor up; none while a Fargate pod runs an older kubelet', () =>
    withSim({}, async (sim) => {
      assert.throws(() => sim.cluster.upgradeControlPlane('1.34'), /InvalidParameterException: Unsupported Kubernetes minor version update from 1\.32 to 1\.34$/);
      assert.throws(() => sim.cluster.upgradeControlPlane('1.31'), /Unsupported Kubernetes minor version update from 1\.32 to 1\.31$/);
      assert.throws(() => sim.cluster.upgradeControlPlane('1.32'), /InvalidParameterException/);
      assert.throws(() => sim.cluster.upgradeControlPlane('1.99'), /InvalidParameterException/);
      await kubeletOfNewPod(sim, 'shop', 'old');
      // A pod on EC2 does not count (node groups are outside the rule).
      sim.cluster.createPod(podManifest('legacy', 'on-ec2'));
      sim.cluster.upgradeControlPlane('1.33');
      assert.throws(
        () => sim.cluster.upgradeControlPlane('1.34'),
        /InvalidRequestException: Kubelet version of Fargate pods must be updated to match cluster version 1\.33 before updating cluster version; Please recycle all offending pod replicas$/,
      );
      // Recycling the pod (its node goes with it) clears the way.
      sim.cluster.deletePod('shop', 'old', { gracePeriodSeconds: 0 });
      await sim.cluster.waitFor(() => !sim.cluster.list('nodes').some((n) => /^v1\.32\./.test(n.status.nodeInfo.kubeletVersion) && n.metadata.name.startsWith('fargate-')), 3000, 'old node gone');
      sim.cluster.upgradeControlPlane('1.34');
      assert.equal(sim.cluster.info.version, '1.34');
    }));

  test('UpdateClusterVersion: UPDATING, then the new version; DescribeUpdate, ListUpdates; the same refusals', () =>
    withSim({}, async (sim, eks) => {
      sim.cluster.pause('eks-updates');
      const { update } = await eks.send(new UpdateClusterVersionCommand({ name: 'demo', version: '1.33' }));
      assert.equal(update?.status, 'InProgress');
      assert.equal(update?.type, 'VersionUpdate');
      assert.deepEqual(update?.params?.find((p) => p.type === 'Version'), { type: 'Version', value: '1.33' });
      assert.ok(update?.createdAt instanceof Date);
      const during = (await eks.send(new DescribeClusterCommand({ name: 'demo' }))).cluster;
      assert.equal(during?.status, 'UPDATING');
      assert.equal(during?.version, '1.32', 'the old version until the update ends');
      const again = await rejects(eks.send(new UpdateClusterVersionCommand({ name: 'demo', version: '1.33' })));
      assert.equal(again.name, 'ResourceInUseException');
      assert.equal(again.$metadata.httpStatusCode, 409);
      assert.equal(again.message, `Cannot VersionUpdate because cluster demo currently has update ${String(update?.id)} in progress`);
      sim.cluster.resume('eks-updates');
      await sim.cluster.waitFor(() => sim.cluster.info.status === 'ACTIVE', 3000, 'update done');
      assert.equal((await eks.send(new DescribeUpdateCommand({ name: 'demo', updateId: update?.id }))).update?.status, 'Successful');
      assert.equal((await eks.send(new DescribeClusterCommand({ name: 'demo' }))).cluster?.version, '1.33');
      assert.deepEqual((await eks.send(new ListUpdatesCommand({ name: 'demo' }))).updateIds, [update?.id]);

      // Pods created on 1.33 do not block 1.33 -> 1.34.
      sim.cluster.createPod(podManifest('shop', 'new'));
      await sim.cluster.waitFor(() => sim.cluster.getPod('shop', 'new')?.spec.nodeName, 3000, 'bound');
      const next = await eks.send(new UpdateClusterVersionCommand({ name: 'demo', version: '1.34' }));
      assert.equal(next.update?.status, 'InProgress');
      await sim.cluster.waitFor(() => sim.cluster.info.version === '1.34', 3000, '1.34');
      const unknown = await rejects(eks.send(new UpdateClusterVersionCommand({ name: 'demo', version: '1.35' })));
      assert.equal(unknown.name, 'InvalidParameterException', '1.35 is not a version the sim offers');
      const skip = await rejects(eks.send(new UpdateClusterVersionCommand({ name: 'demo', version: '1.32' })));
      assert.equal(skip.message, 'Unsupported Kubernetes minor version update from 1.34 to 1.32');
    }));

  test('UpdateClusterVersion refuses while Fargate pods run an older kubelet (400 InvalidRequestException)', () =>
    withSim({ version: '1.31' }, async (sim, eks) => {
      await kubeletOfNewPod(sim, 'shop', 'old');
      sim.cluster.upgradeControlPlane('1.32');
      const refused = await rejects(eks.send(new UpdateClusterVersionCommand({ name: 'demo', version: '1.33' })));
      assert.equal(refused.name, 'InvalidRequestException');
      assert.equal(refused.$metadata.httpStatusCode, 400);
      assert.equal(refused.message, 'Kubelet version of Fargate pods must be updated to match cluster version 1.32 before updating cluster version; Please recycle all offending pod replicas');
      assert.equal((await eks.send(new DescribeClusterCommand({ name: 'demo' }))).cluster?.status, 'ACTIVE');
    }));
});
