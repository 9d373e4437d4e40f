// The EKS API through the real AWS SDK v3 client: shapes (epoch-second timestamps, ARNs),
// pagination, the real error names and messages, validation, fault injection. The profile
// lifecycle (CREATING, DELETING, their rules) is in profile-lifecycle.test.ts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateFargateProfileCommand,
  DescribeClusterCommand,
  DescribeFargateProfileCommand,
  EKSClient,
  ListFargateProfilesCommand,
  paginateListFargateProfiles,
} from '@aws-sdk/client-eks';
import type { RunningSim } from '../../source/sim/index.js';
import { fastSim } from '../helpers/sim.js';

describe('sim EKS API (AWS SDK v3)', () => {
  let sim: RunningSim;
  let eks: EKSClient;
  before(async () => {
    sim = await fastSim();
    eks = new EKSClient({ endpoint: sim.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, maxAttempts: 1 });
  });
  after(async () => {
    eks.destroy();
    await sim.close();
  });

  async function rejects(p: Promise<unknown>): Promise<{ name: string; message: string; $metadata: { httpStatusCode?: number } }> {
    try {
      await p;
    } catch (err) {
      return err as { name: string; message: string; $metadata: { httpStatusCode?: number } };
    }
    throw new Error('expected a rejection');
  }

  test('ListFargateProfiles: creation order, maxResults + nextToken paging', async () => {
    const all = await eks.send(new ListFargateProfilesCommand({ clusterName: 'demo' }));
    assert.deepEqual(all.fargateProfileNames, ['fp-default', 'fp-apps-b', 'fp-batch', 'fp-apps-a', 'fp-coredns', 'fp-test', 'fp-payments-v2', 'fp-analytics']);
    assert.equal(all.nextToken, undefined);
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListFargateProfiles({ client: eks, pageSize: 3 }, { clusterName: 'demo' })) {
      names.push(...(page.fargateProfileNames ?? []));
      pages++;
    }
    assert.equal(pages, 3);
    assert.deepEqual(names, all.fargateProfileNames);
  });

  test('DescribeFargateProfile: shape, ARN, createdAt as a Date', async () => {
    const { fargateProfile: p } = await eks.send(new DescribeFargateProfileCommand({ clusterName: 'demo', fargateProfileName: 'fp-batch' }));
    assert.ok(p);
    assert.equal(p.fargateProfileName, 'fp-batch');
    assert.match(p.fargateProfileArn ?? '', /^arn:aws:eks:us-east-1:111122223333:fargateprofile\/demo\/fp-batch\/[0-9a-f-]{36}$/);
    assert.equal(p.clusterName, 'demo');
    assert.equal(p.status, 'ACTIVE');
    assert.deepEqual(p.selectors, [{ namespace: 'batch-*' }, { namespace: 'data', labels: { tier: 'back*' } }]);
    assert.ok(p.createdAt instanceof Date);
    const ageDays = (Date.now() - p.createdAt.getTime()) / 86_400_000;
    assert.ok(ageDays > 29 && ageDays < 31, `created ~30 days ago, got ${ageDays}`);
    assert.match(p.podExecutionRoleArn ?? '', /^arn:aws:iam::111122223333:role\//);
    const creating = await eks.send(new DescribeFargateProfileCommand({ clusterName: 'demo', fargateProfileName: 'fp-analytics' }));
    assert.equal(creating.fargateProfile?.status, 'CREATING');
  });

  test('DescribeCluster: endpoint is the sim, ARN and version', async () => {
    const { cluster } = await eks.send(new DescribeClusterCommand({ name: 'demo' }));
    assert.equal(cluster?.arn, 'arn:aws:eks:us-east-1:111122223333:cluster/demo');
    assert.equal(cluster?.endpoint, sim.url);
    assert.equal(cluster?.status, 'ACTIVE');
    assert.equal(cluster?.version, '1.32');
    assert.ok(cluster?.createdAt instanceof Date);
  });

  test('not-found errors carry the real names and messages', async () => {
    const noCluster = await rejects(eks.send(new ListFargateProfilesCommand({ clusterName: 'nope' })));
    assert.equal(noCluster.name, 'ResourceNotFoundException');
    assert.equal(noCluster.message, 'No cluster found for name: nope.');
    assert.equal(noCluster.$metadata.httpStatusCode, 404);
    const noProfile = await rejects(eks.send(new DescribeFargateProfileCommand({ clusterName: 'demo', fargateProfileName: 'fp-x' })));
    assert.equal(noProfile.name, 'ResourceNotFoundException');
    assert.equal(noProfile.message, 'No Fargate Profile found with name: fp-x.');
  });

  test('raw wire format: x-amzn-ErrorType header, __type in the body, request id; missing auth is refused', async () => {
    const r = await fetch(`${sim.url}/clusters/demo/fargate-profiles/fp-x`, { headers: { authorization: 'AWS4-HMAC-SHA256 Credential=x' } });
    assert.equal(r.status, 404);
    assert.equal(r.headers.get('x-amzn-errortype'), 'ResourceNotFoundException');
    assert.ok(r.headers.get('x-amzn-requestid'));
    assert.deepEqual(await r.json(), { __type: 'ResourceNotFoundException', message: 'No Fargate Profile found with name: fp-x.', clusterName: 'demo', fargateProfileName: 'fp-x' });
    const anon = await fetch(`${sim.url}/clusters/demo/fargate-profiles`);
    assert.equal(anon.status, 403);
    assert.equal(anon.headers.get('x-amzn-errortype'), 'MissingAuthenticationTokenException');
  });

  test('injected AccessDenied, Throttling, ExpiredToken, ServerException', async () => {
    sim.faults.eksFail({ operation: 'ListFargateProfiles', error: 'AccessDeniedException' });
    const denied = await rejects(eks.send(new ListFargateProfilesCommand({ clusterName: 'demo' })));
    assert.equal(denied.name, 'AccessDeniedException');
    assert.equal(denied.$metadata.httpStatusCode, 403);
    assert.equal(
      denied.message,
      'User: arn:aws:iam::111122223333:user/demo is not authorized to perform: eks:ListFargateProfiles on resource: arn:aws:eks:us-east-1:111122223333:cluster/demo because no identity-based policy allows the eks:ListFargateProfiles action',
    );
    // count: 1 — the next call works again.
    assert.ok((await eks.send(new ListFargateProfilesCommand({ clusterName: 'demo' }))).fargateProfileNames?.length);
    sim.faults.eksFail({ operation: '*', error: 'ThrottlingException', count: 2 });
    assert.equal((await rejects(eks.send(new DescribeClusterCommand({ name: 'demo' })))).name, 'ThrottlingException');
    const t2 = await rejects(eks.send(new DescribeFargateProfileCommand({ clusterName: 'demo', fargateProfileName: 'fp-test' })));
    assert.equal(t2.name, 'ThrottlingException');
    assert.equal(t2.$metadata.httpStatusCode, 429);
    sim.faults.eksFail({ operation: 'DescribeFargateProfile', error: 'ExpiredTokenException' });
    assert.equal((await rejects(eks.send(new DescribeFargateProfileCommand({ clusterName: 'demo', fargateProfileName: 'fp-test' })))).name, 'ExpiredTokenException');
    sim.faults.eksFail({ operation: 'DescribeCluster', error: 'ServerException' });
    assert.equal((await rejects(eks.send(new DescribeClusterCommand({ name: 'demo' })))).$metadata.httpStatusCode, 500);
    // The SDK's own retries get through a single throttle.
    const retrying = new EKSClient({ endpoint: sim.url, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 3, retryMode: 'standard' });
    sim.faults.eksFail({ operation: 'ListFargateProfiles', error: 'ThrottlingException' });
    assert.ok((await retrying.send(new ListFargateProfilesCommand({ clusterName: 'demo' }))).fargateProfileNames?.length);
    retrying.destroy();
  });

  test('CreateFargateProfile validation mirrors the service', async () => {
    const base = { clusterName: 'demo', podExecutionRoleArn: 'arn:aws:iam::111122223333:role/x' };
    const e1 = await rejects(eks.send(new CreateFargateProfileCommand({ ...base, fargateProfileName: 'fp-many', selectors: Array.from({ length: 6 }, (_, i) => ({ namespace: `n${i}` })) })));
    assert.equal(e1.name, 'InvalidParameterException');
    const e2 = await rejects(eks.send(new CreateFargateProfileCommand({ ...base, fargateProfileName: 'fp-nons', selectors: [{ labels: { a: 'b' } }] })));
    assert.equal(e2.message, 'Fargate Profile must have at least one selector with at least one namespace value.');
    const six = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`k${i}`, 'v']));
    const e3 = await rejects(eks.send(new CreateFargateProfileCommand({ ...base, fargateProfileName: 'fp-labels', selectors: [{ namespace: 'a', labels: six }] })));
    assert.equal(e3.message, 'Request contains Selector with more than 5 Label pairs');
    const e4 = await rejects(eks.send(new CreateFargateProfileCommand({ ...base, fargateProfileName: 'eks-reserved', selectors: [{ namespace: 'a' }] })));
    assert.equal(e4.name, 'InvalidParameterException');
    const e5 = await rejects(eks.send(new CreateFargateProfileCommand({ ...base, fargateProfileName: 'fp-default', selectors: [{ namespace: 'a' }] })));
    assert.equal(e5.name, 'ResourceInUseException');
    assert.equal(e5.message, 'A Fargate Profile already exists with this name in this cluster.');
    const e6 = await rejects(eks.send(new CreateFargateProfileCommand({ ...base, fargateProfileName: 'fp-none', selectors: [] })));
    assert.equal(e6.message, 'Fargate Profile requires at least one selector.');
  });

  test('the walkthrough holds fp-analytics CREATING: EKS creates one profile at a time', async () => {
    const refused = await rejects(eks.send(new CreateFargateProfileCommand({ clusterName: 'demo', fargateProfileName: 'fp-new', podExecutionRoleArn: 'arn:aws:iam::111122223333:role/x', selectors: [{ namespace: 'legacy' }] })));
    assert.equal(refused.name, 'ResourceInUseException');
    assert.equal(refused.$metadata.httpStatusCode, 409);
    assert.equal(refused.message, 'Cannot create Fargate Profile fp-new because cluster demo currently has Fargate profile fp-analytics in status CREATING');
    assert.ok(!sim.cluster.profiles().some((p) => p.name === 'fp-new'));
  });

  test('no internal errors', () => {
    assert.deepEqual(sim.cluster.errors, []);
  });
});
