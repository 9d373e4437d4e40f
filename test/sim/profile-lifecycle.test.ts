// The Fargate profile lifecycle through the real AWS SDK v3 client (spec §1.5, §2.4): CREATING
// before ACTIVE, one profile CREATING or DELETING at a time, the quota of ten, private subnets
// only, CREATE_FAILED for an unusable pod execution role, no profile changes during a control-plane
// update, and a deleted profile's pods stopped (bare pods gone, controller pods re-admitted by the
// profiles that remain, else EC2).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CreateFargateProfileCommand, DeleteFargateProfileCommand, DescribeFargateProfileCommand, EKSClient, UpdateClusterVersionCommand } from '@aws-sdk/client-eks';
import type { RunningSim, Scenario } from '../../source/sim/index.js';
import { fastSim, podManifest } from '../helpers/sim.js';

const ROLE = 'arn:aws:iam::111122223333:role/AmazonEKSFargatePodExecutionRole';

const SCENARIO: Scenario = {
  name: 'lifecycle',
  nodes: [{ name: 'ip-10-0-1-10.ec2.internal', ip: '10.0.1.10', zone: 'us-east-1a' }],
  steps: [{ namespaces: ['default', 'shop', 'tools'] }],
};

interface EksErr {
  name: string;
  message: string;
  $metadata: { httpStatusCode?: number };
}

async function rejects(p: Promise<unknown>): Promise<EksErr> {
  try {
    await p;
  } catch (err) {
    return err as EksErr;
  }
  throw new Error('expected a rejection');
}

/** A sim of SCENARIO and an EKS client for it; closed when `fn` ends. */
async function withSim(fn: (sim: RunningSim, eks: EKSClient) => Promise<void>): Promise<void> {
  const sim = await fastSim({ scenario: SCENARIO });
  const eks = new EKSClient({ endpoint: sim.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, maxAttempts: 1 });
  try {
    await fn(sim, eks);
    assert.deepEqual(sim.cluster.errors, []);
  } finally {
    eks.destroy();
    await sim.close();
  }
}

const create = (eks: EKSClient, name: string, extra: { selectors?: { namespace: string; labels?: Record<string, string> }[]; subnets?: string[]; role?: string } = {}) =>
  eks.send(new CreateFargateProfileCommand({ clusterName: 'demo', fargateProfileName: name, podExecutionRoleArn: extra.role ?? ROLE, selectors: extra.selectors ?? [{ namespace: 'tools' }], subnets: extra.subnets }));
const del = (eks: EKSClient, name: string) => eks.send(new DeleteFargateProfileCommand({ clusterName: 'demo', fargateProfileName: name }));
const status = async (eks: EKSClient, name: string) => (await eks.send(new DescribeFargateProfileCommand({ clusterName: 'demo', fargateProfileName: name }))).fargateProfile?.status;

describe('Fargate profile lifecycle (AWS SDK v3)', () => {
  test('create: CREATING first, no second create meanwhile (the real 409), then ACTIVE', () =>
    withSim(async (sim, eks) => {
      sim.cluster.pause('eks-profiles');
      const created = await create(eks, 'fp-tools');
      assert.equal(created.fargateProfile?.status, 'CREATING');
      assert.equal(await status(eks, 'fp-tools'), 'CREATING');
      const busy = await rejects(create(eks, 'fp-shop', { selectors: [{ namespace: 'shop' }] }));
      assert.equal(busy.name, 'ResourceInUseException');
      assert.equal(busy.$metadata.httpStatusCode, 409);
      assert.equal(busy.message, 'Cannot create Fargate Profile fp-shop because cluster demo currently has Fargate profile fp-tools in status CREATING');
      // Not yet effective: a pod created now is not admitted under it.
      assert.equal(sim.cluster.createPod(podManifest('tools', 'early')).metadata.labels?.['eks.amazonaws.com/fargate-profile'], undefined);
      sim.cluster.resume('eks-profiles');
      await sim.cluster.waitFor(() => sim.cluster.profiles()[0]?.status === 'ACTIVE', 3000, 'fp-tools ACTIVE');
      assert.equal(await status(eks, 'fp-tools'), 'ACTIVE');
      assert.equal((await create(eks, 'fp-shop', { selectors: [{ namespace: 'shop' }] })).fargateProfile?.status, 'CREATING');
      await sim.cluster.waitFor(() => sim.cluster.profiles().every((p) => p.status === 'ACTIVE'), 3000, 'both ACTIVE');
    }));

  test('delete: DELETING stops the pods it launched at once; one DELETING at a time; then gone', () =>
    withSim(async (sim, eks) => {
      // fp-a-shop sorts first, so it admits everything in shop; fp-b-shop is the fallback.
      sim.cluster.createProfile({ name: 'fp-a-shop', selectors: [{ namespace: 'shop' }] });
      sim.cluster.createProfile({ name: 'fp-b-shop', selectors: [{ namespace: 'shop', labels: { app: 'web' } }] });
      const labels = { app: 'web' };
      sim.cluster.apply([
        { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { replicas: 2, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'a', image: 'nginx' }] } } } },
        { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'cache', namespace: 'shop' }, spec: { replicas: 1, serviceName: 'cache', selector: { matchLabels: { app: 'cache' } }, template: { metadata: { labels: { app: 'cache' } }, spec: { containers: [{ name: 'a', image: 'redis' }] } } } },
        // Deleting a profile ignores PodDisruptionBudgets (CR#996).
        { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web', namespace: 'shop' }, spec: { minAvailable: 2, selector: { matchLabels: labels } } },
      ]);
      sim.cluster.createPod(podManifest('shop', 'toolbox'));
      const running = (): ReturnType<typeof sim.cluster.listPods> => sim.cluster.listPods('shop').filter((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp);
      await sim.cluster.waitFor(() => running().length === 4, 3000, 'four pods running');
      const before = new Map(sim.cluster.listPods('shop').map((p) => [p.metadata.name, p.metadata.uid]));
      assert.ok(sim.cluster.listPods('shop').every((p) => p.metadata.labels['eks.amazonaws.com/fargate-profile'] === 'fp-a-shop'));

      sim.cluster.pause('eks-profiles');
      assert.equal((await del(eks, 'fp-a-shop')).fargateProfile?.status, 'DELETING');
      assert.ok(
        [...before.keys()].every((name) => sim.cluster.getPod('shop', name)?.metadata.deletionTimestamp !== undefined),
        'every pod fp-a-shop launched is terminating as soon as the profile is DELETING',
      );
      const second = await rejects(del(eks, 'fp-b-shop'));
      assert.equal(second.name, 'ResourceInUseException');
      assert.equal(second.message, 'Cannot Delete Fargate Profile fp-b-shop because cluster demo currently has Fargate profile fp-a-shop in status DELETING');
      const createMeanwhile = await rejects(create(eks, 'fp-tools'));
      assert.equal(createMeanwhile.message, 'Cannot create Fargate Profile fp-tools because cluster demo currently has Fargate profile fp-a-shop in status DELETING');
      const again = await rejects(del(eks, 'fp-a-shop'));
      assert.equal(again.name, 'InvalidRequestException');
      assert.equal(again.$metadata.httpStatusCode, 400);
      assert.equal(again.message, 'Fargate Profile is currently not in Active State.');

      // Controllers replace their pods; the webhook admits them under what remains.
      const replaced = (): boolean => {
        const now = running();
        return now.length === 3 && now.every((p) => before.get(p.metadata.name) !== p.metadata.uid);
      };
      await sim.cluster.waitFor(replaced, 5000, 'web and cache replaced');
      assert.equal(sim.cluster.getPod('shop', 'toolbox'), undefined, 'a bare pod is simply gone');
      const byName = (prefix: string) => running().filter((p) => p.metadata.name.startsWith(prefix));
      assert.ok(byName('web-').every((p) => p.metadata.labels['eks.amazonaws.com/fargate-profile'] === 'fp-b-shop' && p.spec.nodeName.startsWith('fargate-')));
      const cache = byName('cache-')[0];
      assert.equal(cache?.metadata.labels['eks.amazonaws.com/fargate-profile'], undefined, 'fp-b-shop selects app=web only: cache-0 goes to EC2');
      assert.equal(cache?.spec.nodeName, 'ip-10-0-1-10.ec2.internal');

      assert.equal(await status(eks, 'fp-a-shop'), 'DELETING');
      sim.cluster.resume('eks-profiles');
      await sim.cluster.waitFor(() => !sim.cluster.profiles().some((p) => p.name === 'fp-a-shop'), 3000, 'fp-a-shop gone');
      const gone = await rejects(status(eks, 'fp-a-shop'));
      assert.equal(gone.name, 'ResourceNotFoundException');
      assert.equal(gone.message, 'No Fargate Profile found with name: fp-a-shop.');
    }));

  test('at most ten profiles per cluster (ResourceLimitExceededException)', () =>
    withSim(async (sim, eks) => {
      for (let i = 0; i < 9; i++) sim.cluster.createProfile({ name: `fp-${i}`, selectors: [{ namespace: `ns-${i}` }] });
      await create(eks, 'fp-9');
      await sim.cluster.waitFor(() => sim.cluster.profiles().every((p) => p.status === 'ACTIVE'), 3000, 'fp-9 ACTIVE');
      const full = await rejects(create(eks, 'fp-10'));
      assert.equal(full.name, 'ResourceLimitExceededException');
      assert.equal(full.$metadata.httpStatusCode, 400);
      assert.equal(sim.cluster.profiles().length, 10);
    }));

  test('private subnets only; a pod lands in its subnet\'s zone', () =>
    withSim(async (sim, eks) => {
      const pub = await rejects(create(eks, 'fp-tools', { subnets: ['subnet-0a1b2c3d4e5f60003', 'subnet-0a1b2c3d4e5f60101'] }));
      assert.equal(pub.name, 'InvalidParameterException');
      assert.equal(pub.message, 'Subnet subnet-0a1b2c3d4e5f60101 provided in Fargate Profile is not a private subnet');
      const unknown = await rejects(create(eks, 'fp-tools', { subnets: ['subnet-nope'] }));
      assert.equal(unknown.name, 'InvalidParameterException');
      const ok = await create(eks, 'fp-tools', { subnets: ['subnet-0a1b2c3d4e5f60003'] });
      assert.deepEqual(ok.fargateProfile?.subnets, ['subnet-0a1b2c3d4e5f60003']);
      await sim.cluster.waitFor(() => sim.cluster.profiles()[0]?.status === 'ACTIVE', 3000, 'ACTIVE');
      sim.cluster.createPod(podManifest('tools', 'zoned'));
      const pod = await sim.cluster.waitFor(() => sim.cluster.getPod('tools', 'zoned')?.spec.nodeName && sim.cluster.getPod('tools', 'zoned'), 3000, 'bound');
      assert.equal(sim.cluster.get('nodes', '', pod.spec.nodeName)?.metadata.labels['topology.kubernetes.io/zone'], 'us-east-1c');
      // Without subnets, the cluster's private subnets.
      await create(eks, 'fp-shop', { selectors: [{ namespace: 'shop' }] });
      const shop = (await eks.send(new DescribeFargateProfileCommand({ clusterName: 'demo', fargateProfileName: 'fp-shop' }))).fargateProfile;
      assert.deepEqual(shop?.subnets, ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002', 'subnet-0a1b2c3d4e5f60003']);
    }));

  test('an unusable pod execution role: CREATE_FAILED with a health issue; nothing admitted; deletable', () =>
    withSim(async (sim, eks) => {
      const broken = 'arn:aws:iam::111122223333:role/NoTrust';
      sim.cluster.breakPodExecutionRole(broken);
      assert.equal((await create(eks, 'fp-tools', { role: broken })).fargateProfile?.status, 'CREATING');
      await sim.cluster.waitFor(() => sim.cluster.profiles()[0]?.status === 'CREATE_FAILED', 3000, 'CREATE_FAILED');
      const p = (await eks.send(new DescribeFargateProfileCommand({ clusterName: 'demo', fargateProfileName: 'fp-tools' }))).fargateProfile;
      assert.equal(p?.status, 'CREATE_FAILED');
      assert.equal(p?.health?.issues?.[0]?.code, 'AccessDenied');
      assert.deepEqual(p?.health?.issues?.[0]?.resourceIds, [broken]);
      assert.equal(sim.cluster.createPod(podManifest('tools', 'after')).metadata.labels?.['eks.amazonaws.com/fargate-profile'], undefined);
      // A failed creation does not hold the cluster: the next profile can be created.
      assert.equal((await create(eks, 'fp-shop', { selectors: [{ namespace: 'shop' }] })).fargateProfile?.status, 'CREATING');
      await sim.cluster.waitFor(() => sim.cluster.profiles().find((x) => x.name === 'fp-shop')?.status === 'ACTIVE', 3000, 'fp-shop ACTIVE');
      assert.equal((await del(eks, 'fp-tools')).fargateProfile?.status, 'DELETING');
      await sim.cluster.waitFor(() => !sim.cluster.profiles().some((x) => x.name === 'fp-tools'), 3000, 'gone');
    }));

  test('while the control plane updates, profiles are neither created nor deleted', () =>
    withSim(async (sim, eks) => {
      sim.cluster.createProfile({ name: 'fp-shop', selectors: [{ namespace: 'shop' }] });
      sim.cluster.pause('eks-updates');
      await eks.send(new UpdateClusterVersionCommand({ name: 'demo', version: '1.33' }));
      const c = await rejects(create(eks, 'fp-tools'));
      assert.equal(c.name, 'ResourceInUseException');
      assert.equal(c.message, 'Cannot create Fargate Profile fp-tools because cluster demo currently has an update in progress');
      const d = await rejects(del(eks, 'fp-shop'));
      assert.equal(d.message, 'Cannot Delete Fargate Profile fp-shop because cluster demo currently has an update in progress');
      sim.cluster.resume('eks-updates');
      await sim.cluster.waitFor(() => sim.cluster.info.status === 'ACTIVE', 3000, 'update done');
      assert.equal((await create(eks, 'fp-tools')).fargateProfile?.status, 'CREATING');
    }));
});
