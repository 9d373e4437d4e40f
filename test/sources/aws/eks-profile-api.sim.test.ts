// The EKS profile writes over real HTTP with the AWS SDK against the sim's EKS: the lifecycle
// (CREATING -> ACTIVE, DELETING -> gone), EKS's refusals as one line each (busy with another
// profile, limit, invalid subnet, access denied naming the permission), CREATE_FAILED with EKS's
// reason, and waiting while EKS is busy.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequest, openProfileApi, type ProfileApi } from '../../../source/sources/aws/eks-profile-api.js';
import { EksWriteError } from '../../../source/sources/aws/eks-write-errors.js';
import { waitForProfile, whenIdle } from '../../../source/sources/aws/profile-wait.js';
import type { ProfileSpec } from '../../../source/domain/profile-spec.js';
import { startActionSim, type ActionSim } from '../../actions/helpers.js';

const ROLE = 'arn:aws:iam::111122223333:role/AmazonEKSFargatePodExecutionRole';
const spec = (name: string, o: Partial<ProfileSpec> = {}): ProfileSpec => ({ name, selectors: [{ namespace: name }], podExecutionRoleArn: ROLE, subnets: [], tags: {}, ...o });
const quick = { timeoutMs: 10_000, pollMs: () => 20 };

describe('EKS profile writes against the sim', () => {
  let s: ActionSim;
  let api: ProfileApi;
  before(async () => {
    s = await startActionSim({ scenario: 'empty' });
    api = await openProfileApi(s.identity);
  });
  after(async () => {
    api.close();
    await s.close();
  });

  const refusal = async (p: Promise<unknown>): Promise<EksWriteError> => {
    try {
      await p;
    } catch (error) {
      assert.ok(error instanceof EksWriteError, `an EksWriteError, got ${String(error)}`);
      return error;
    }
    assert.fail('expected a refusal');
  };

  test('create answers CREATING; the wait sees ACTIVE; delete answers DELETING; the wait sees it gone', async () => {
    const created = await api.create(createRequest(spec('fp-a', { tags: { team: 'a' } }), api.cluster));
    assert.equal(created.profile.status, 'CREATING');
    const seen: (string | null)[] = [];
    const active = await waitForProfile(api, 'fp-a', 'active', { ...quick, onStatus: (st) => seen.push(st) });
    assert.equal(active.state, 'active');
    assert.deepEqual(seen.at(-1), 'ACTIVE');
    assert.deepEqual((await api.describe('fp-a'))?.profile.tags, { team: 'a' });
    const deleting = await api.delete('fp-a');
    assert.equal(deleting.profile.status, 'DELETING');
    assert.equal((await waitForProfile(api, 'fp-a', 'gone', quick)).state, 'gone');
    assert.equal(await api.describe('fp-a'), null);
  });

  test('EKS creates one profile at a time: busy names the other profile; whenIdle waits for it, says so, and sends again', async () => {
    s.sim.cluster.pause('eks-profiles');
    await api.create(createRequest(spec('fp-b'), api.cluster));
    const busy = await refusal(api.create(createRequest(spec('fp-c'), api.cluster)));
    assert.equal(busy.kind, 'busy');
    assert.deepEqual(busy.busy, { profile: 'fp-b', status: 'CREATING' });
    assert.match(busy.oneLine, /profile fp-b is CREATING, and EKS changes one profile at a time/);
    const said: string[] = [];
    const sending = whenIdle(api, () => api.create(createRequest(spec('fp-c'), api.cluster)), { ...quick, onBusy: (b) => said.push(`${b.profile}:${b.status}`) });
    setTimeout(() => s.sim.cluster.resume('eks-profiles'), 200);
    const created = await sending;
    assert.equal(created.profile.name, 'fp-c');
    assert.ok(said.length >= 1 && said[0] === 'fp-b:CREATING', said.join());
    await waitForProfile(api, 'fp-c', 'active', quick);
  });

  test('a duplicate name, a public subnet, and deleting a profile that is not ACTIVE: one line each, with what to do', async () => {
    const exists = await refusal(api.create(createRequest(spec('fp-b'), api.cluster)));
    assert.equal(exists.kind, 'exists');
    const publicSubnet = await refusal(api.create(createRequest(spec('fp-d', { subnets: ['subnet-0a1b2c3d4e5f60101'] }), api.cluster)));
    assert.equal(publicSubnet.kind, 'invalid');
    assert.match(publicSubnet.oneLine, /Subnet subnet-0a1b2c3d4e5f60101 provided in Fargate Profile is not a private subnet; fix the value EKS names/);
    s.sim.cluster.pause('eks-profiles');
    await api.delete('fp-b');
    const again = await refusal(api.delete('fp-b'));
    assert.equal(again.kind, 'not-active');
    s.sim.cluster.resume('eks-profiles');
    await waitForProfile(api, 'fp-b', 'gone', quick);
  });

  test('access denied names the missing permission: iam:PassRole on the role, else the EKS action', async () => {
    s.sim.faults.eksFail({
      operation: 'CreateFargateProfile',
      error: 'AccessDeniedException',
      message: `User: arn:aws:iam::111122223333:user/demo is not authorized to perform: iam:PassRole on resource: ${ROLE}`,
    });
    const pass = await refusal(api.create(createRequest(spec('fp-e'), api.cluster)));
    assert.equal(pass.kind, 'access-denied');
    assert.match(pass.oneLine, /^access denied: CreateFargateProfile for profile fp-e of cluster demo needs iam:PassRole on the pod execution role .*; allow iam:PassRole on the pod execution role/);
    s.sim.faults.eksFail({ operation: 'DeleteFargateProfile', error: 'AccessDeniedException' });
    const del = await refusal(api.delete('fp-c'));
    assert.match(del.oneLine, /needs eks:DeleteFargateProfile .*; allow eks:DeleteFargateProfile for your AWS identity$/);
  });

  test('a broken pod execution role: CREATE_FAILED, with EKS\'s health issue as the reason', async () => {
    const broken = 'arn:aws:iam::111122223333:role/Broken';
    s.sim.cluster.breakPodExecutionRole(broken);
    await api.create(createRequest(spec('fp-f', { podExecutionRoleArn: broken }), api.cluster));
    const end = await waitForProfile(api, 'fp-f', 'active', quick);
    assert.equal(end.state, 'create-failed');
    assert.match((end as { described: { issues: string[] } }).described.issues.join(), /^AccessDenied: Fargate could not assume the pod execution role/);
  });

  test('the per-cluster limit of 10 profiles', async () => {
    const existing = (await api.list()).length;
    for (let i = existing; i < 10; i++) {
      await whenIdle(api, () => api.create(createRequest(spec(`fp-l${i}`), api.cluster)), quick);
    }
    await waitForProfile(api, `fp-l9`, 'active', quick);
    const limit = await refusal(whenIdle(api, () => api.create(createRequest(spec('fp-over'), api.cluster)), quick));
    assert.equal(limit.kind, 'limit');
    assert.match(limit.oneLine, /reached its Fargate profile limit .*; delete a profile it no longer needs, or ask AWS to raise the quota/);
  });
});
