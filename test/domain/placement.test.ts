import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { placePod } from '../../source/domain/placement.js';
import type { PlacementContext, PodRecord, Profile, RunsOn, Verdict } from '../../source/domain/types.js';
import { claim, container, ctx, fargatePod, node, pod, profile } from '../helpers/records.js';

const PIN = 'eks.amazonaws.com/fargate-profile';
const pendingOn = (schedulerName: string, o: Partial<PodRecord> = {}): PodRecord =>
  pod({ nodeName: null, phase: 'Pending', status: 'Pending', ready: false, schedulerName, ...o });

interface Case {
  rule: string;
  pod: PodRecord;
  profiles: Profile[];
  ctx?: Partial<PlacementContext>;
  runsOn?: RunsOn;
  current?: string | null;
  expected?: string | null;
  needs: boolean | null;
  verdict: Verdict;
  reason?: RegExp;
}

const needsRescheduleCases: Case[] = [
  // ---- true ----
  { rule: 'on EC2 but a profile now matches (profile created after the pod)', pod: pod({ namespace: 'test', createdAt: 1000 }), profiles: [profile('fp-test', 'test', 'ACTIVE', { createdAt: 2000 })], runsOn: 'ec2', expected: 'fp-test', needs: true, verdict: 'reschedule', reason: /created before profile fp-test existed: running on EC2, would go to Fargate/ },
  { rule: 'on EC2 but a profile now matches (labels changed after creation)', pod: pod({ namespace: 'test', createdAt: 3000 }), profiles: [profile('fp-test', 'test', 'ACTIVE', { createdAt: 2000 })], needs: true, verdict: 'reschedule', reason: /running on EC2 although profile fp-test selects it/ },
  { rule: 'on Fargate but no profile selects it any more', pod: fargatePod('fp-old', { namespace: 'n' }), profiles: [profile('fp-old', 'other')], runsOn: 'fargate', current: 'fp-old', expected: null, needs: true, verdict: 'reschedule', reason: /would go to EC2 if re-created/ },
  { rule: 'on Fargate under a profile that is being deleted', pod: fargatePod('fp-old', { namespace: 'n' }), profiles: [profile('fp-old', 'n', 'DELETING')], current: 'fp-old', expected: null, needs: true, verdict: 'reschedule' },
  { rule: 'on Fargate under A while B (alphabetically first) would now be picked', pod: fargatePod('fp-b', { namespace: 'n' }), profiles: [profile('fp-b', 'n'), profile('fp-a', 'n')], current: 'fp-b', expected: 'fp-a', needs: true, verdict: 'reschedule', reason: /runs on Fargate under fp-b, but EKS would now pick fp-a/ },
  { rule: 'Pending on fargate-scheduler with no profile', pod: pendingOn('fargate-scheduler', { namespace: 'n', labels: { [PIN]: 'gone' } }), profiles: [], runsOn: 'pending', current: 'gone', expected: null, needs: true, verdict: 'reschedule', reason: /no profile would select it now/ },
  { rule: 'Pending on fargate-scheduler under a DELETING profile while another matches', pod: pendingOn('fargate-scheduler', { namespace: 'n', labels: { [PIN]: 'a-old' } }), profiles: [profile('a-old', 'n', 'DELETING'), profile('b-new', 'n')], current: 'a-old', expected: 'b-new', needs: true, verdict: 'reschedule' },
  { rule: 'Pending on default-scheduler while a profile matches', pod: pendingOn('default-scheduler', { namespace: 'n' }), profiles: [profile('fp', 'n')], runsOn: 'pending', expected: 'fp', needs: true, verdict: 'reschedule', reason: /Pending on default-scheduler although profile fp selects it/ },
  { rule: 'blockers do not prevent a move OFF Fargate (Pending on fargate-scheduler, no profile)', pod: pendingOn('fargate-scheduler', { namespace: 'n', hostNetwork: true }), profiles: [], needs: true, verdict: 'reschedule' },
  // ---- false ----
  { rule: 'on EC2 and no profile selects it', pod: pod({ namespace: 'n' }), profiles: [profile('fp', 'other')], runsOn: 'ec2', current: null, expected: null, needs: false, verdict: 'ok' },
  { rule: 'on Fargate under the profile EKS would still pick', pod: fargatePod('fp', { namespace: 'n' }), profiles: [profile('fp', 'n')], runsOn: 'fargate', current: 'fp', expected: 'fp', needs: false, verdict: 'ok' },
  { rule: 'completed pods are never rescheduled (Succeeded)', pod: pod({ namespace: 'n', phase: 'Succeeded', status: 'Completed' }), profiles: [profile('fp', 'n')], needs: false, verdict: 'completed', reason: /completed \(Succeeded\)/ },
  { rule: 'completed pods are never rescheduled (Failed)', pod: fargatePod('fp', { namespace: 'n', phase: 'Failed' }), profiles: [], needs: false, verdict: 'completed' },
  { rule: 'DaemonSet pods are never rescheduled (on EC2 in a selected namespace: ok)', pod: pod({ namespace: 'kube-system', owner: { kind: 'DaemonSet', name: 'aws-node' } }), profiles: [profile('fp-default', 'kube-system')], expected: 'fp-default', needs: false, verdict: 'ok', reason: /DaemonSet aws-node/ },
  { rule: 'DaemonSet pods bound to a Fargate node are blocked', pod: pod({ nodeName: 'fargate-ip-10-0-9-9.ec2.internal', owner: { kind: 'DaemonSet', name: 'agent' } }), profiles: [], runsOn: 'fargate', needs: false, verdict: 'blocked' },
  { rule: 'pods being deleted are never rescheduled', pod: pod({ namespace: 'n', deleting: true }), profiles: [profile('fp', 'n')], needs: false, verdict: 'ok', reason: /being deleted/ },
  { rule: 'blocked pods are not rescheduled: on EC2, a profile selects it, hostNetwork', pod: pod({ namespace: 'n', hostNetwork: true }), profiles: [profile('fp', 'n')], expected: 'fp', needs: false, verdict: 'blocked', reason: /re-creating would not help[\s\S]*HostNetwork/ },
  { rule: 'Pending on fargate-scheduler WITH a matching profile but blocked is blocked', pod: pendingOn('fargate-scheduler', { namespace: 'n', labels: { [PIN]: 'fp' }, volumes: [{ name: 'h', kind: 'hostPath' }] }), profiles: [profile('fp', 'n')], current: 'fp', expected: 'fp', needs: false, verdict: 'blocked' },
  { rule: 'a blocked pod that no profile selects is just ok on EC2 (blockers still listed)', pod: pod({ namespace: 'n', hostNetwork: true }), profiles: [], needs: false, verdict: 'ok' },
  { rule: 'Pending on fargate-scheduler with its matching profile: just pending', pod: pendingOn('fargate-scheduler', { namespace: 'n', labels: { [PIN]: 'fp' } }), profiles: [profile('fp', 'n')], current: 'fp', expected: 'fp', needs: false, verdict: 'pending' },
  { rule: 'Pending on default-scheduler and no profile: just pending', pod: pendingOn('default-scheduler', { namespace: 'n' }), profiles: [], needs: false, verdict: 'pending' },
  { rule: 'compute-type ec2 opt-out: on EC2 is where it belongs', pod: pod({ namespace: 'n', computeTypeAnnotation: 'ec2' }), profiles: [profile('fp', 'n')], expected: null, needs: false, verdict: 'ok' },
  { rule: 'user pin to a non-matching profile keeps it on EC2', pod: pod({ namespace: 'n', labels: { [PIN]: 'other' } }), profiles: [profile('fp', 'n'), profile('other', 'x')], current: null, expected: null, needs: false, verdict: 'ok', reason: /pinned to profile other/ },
  { rule: 'only ACTIVE profiles count: a CREATING profile does not make an EC2 pod drift', pod: pod({ namespace: 'n' }), profiles: [profile('fp', 'n', 'CREATING')], expected: null, needs: false, verdict: 'ok', reason: /not yet effective/ },
];

const runsOnCases: Case[] = [
  { rule: 'a node marked fargate is Fargate even without the name prefix', pod: pod({ nodeName: 'odd-node', namespace: 'n' }), profiles: [], ctx: { nodes: new Map([['odd-node', node('odd-node', true)]]) }, runsOn: 'fargate', needs: true, verdict: 'reschedule' },
  { rule: 'an unknown node named fargate-* is Fargate', pod: pod({ nodeName: 'fargate-ip-1-2-3-4.ec2.internal', namespace: 'n' }), profiles: [profile('fp', 'n')], ctx: { nodes: new Map() }, runsOn: 'fargate', needs: false, verdict: 'ok' },
  { rule: 'a pinned pod on EC2 has no current profile', pod: pod({ labels: { [PIN]: 'fp' } }), profiles: [], runsOn: 'ec2', current: null, needs: false, verdict: 'ok' },
  { rule: 'profiles unknown: verdict unknown, nothing predicted', pod: fargatePod('fp'), profiles: [], ctx: { profilesKnown: false }, runsOn: 'fargate', current: 'fp', expected: null, needs: null, verdict: 'unknown', reason: /profiles are unknown[\s\S]*admitted it under profile fp/ },
  { rule: 'profiles unknown: completed pods are still completed', pod: pod({ phase: 'Succeeded' }), profiles: [], ctx: { profilesKnown: false }, needs: false, verdict: 'completed' },
];

describe('placePod', () => {
  for (const c of [...needsRescheduleCases, ...runsOnCases]) {
    test(c.rule, () => {
      const p = placePod(c.pod, ctx(c.profiles, c.ctx));
      assert.equal(p.needsReschedule, c.needs, p.reasons.join(' | '));
      assert.equal(p.verdict, c.verdict, p.reasons.join(' | '));
      if (c.runsOn !== undefined) assert.equal(p.runsOn, c.runsOn);
      if (c.current !== undefined) assert.equal(p.currentProfile, c.current);
      if (c.expected !== undefined) assert.equal(p.expectedProfile, c.expected);
      if (c.reason) assert.match(p.reasons.join('\n'), c.reason);
    });
  }

  test('profiles unknown: matchingProfiles null', () => {
    assert.equal(placePod(pod(), ctx([], { profilesKnown: false })).matchingProfiles, null);
  });

  test('blockers are always listed, size is predicted, pin is reported', () => {
    const p = placePod(pod({ hostNetwork: true, labels: { [PIN]: 'x' }, containers: [container({ requests: { cpu: '1', memory: '8Gi' } })] }), ctx([]));
    assert.deepEqual(p.blockers.map((b) => b.code), ['host-network']);
    assert.equal(p.size?.label, '2vCPU 9GB');
    assert.equal(p.pinnedProfile, 'x');
  });

  test('EBS claims from ctx make a selected pod blocked', () => {
    const p = placePod(
      pod({ namespace: 'n', volumes: [{ name: 'd', kind: 'persistentVolumeClaim', claimName: 'c' }] }),
      ctx([profile('fp', 'n')], { claims: new Map([['n/c', claim('c', 'ebs.csi.aws.com', true, 'n')]]) }),
    );
    assert.equal(p.verdict, 'blocked');
    assert.equal(p.needsReschedule, false);
  });

  test('tie-break is explained', () => {
    const p = placePod(pod({ namespace: 'n' }), ctx([profile('fp-b', 'n'), profile('fp-a', 'n')]));
    assert.match(p.reasons.join('\n'), /fp-a and fp-b both match; EKS picks fp-a, the alphabetically first/);
    assert.deepEqual(p.matchingProfiles, ['fp-a', 'fp-b']);
  });
});
