import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { byName, chooseProfile, namespaceProfiles, pinnedProfile } from '../../source/domain/choose.js';
import type { PodRecord, Profile } from '../../source/domain/types.js';
import { fargatePod, pod, profile } from '../helpers/records.js';

const PIN = 'eks.amazonaws.com/fargate-profile';

const cases: {
  rule: string;
  pod: PodRecord;
  profiles: Profile[];
  expected: string | null;
  matching: string[];
  pinned?: string | null;
  reason?: RegExp;
}[] = [
  { rule: 'a matching selector picks the profile', pod: pod({ namespace: 'test' }), profiles: [profile('fp-test', 'test')], expected: 'fp-test', matching: ['fp-test'], reason: /profile fp-test selector #1 \(namespace test\) matches/ },
  { rule: 'no matching profile: EC2', pod: pod({ namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } }), profiles: [profile('fp', 'default')], expected: null, matching: [], reason: /no ACTIVE profile selects namespace kube-system with labels k8s-app=kube-dns/ },
  { rule: 'no matching profile, pod without labels', pod: pod({ namespace: 'x' }), profiles: [], expected: null, matching: [], reason: /no ACTIVE profile selects namespace x \(pod has no labels\)/ },
  { rule: 'several matching profiles: alphabetically first name wins', pod: pod({ namespace: 'w' }), profiles: [profile('prod-workload', 'w'), profile('beta-workload', 'w')], expected: 'beta-workload', matching: ['beta-workload', 'prod-workload'], reason: /beta-workload and prod-workload both match; EKS picks beta-workload, the alphabetically first/ },
  { rule: 'several matching profiles: plain code-unit order (uppercase before lowercase)', pod: pod({ namespace: 'w' }), profiles: [profile('a', 'w'), profile('B', 'w'), profile('c', 'w')], expected: 'B', matching: ['B', 'a', 'c'], reason: /B, a and c all match/ },
  { rule: 'several matching profiles: plain code-unit order (digits before letters)', pod: pod({ namespace: 'w' }), profiles: [profile('fp-a', 'w'), profile('fp-1', 'w')], expected: 'fp-1', matching: ['fp-1', 'fp-a'] },
  { rule: 'only ACTIVE profiles count: CREATING is not yet effective', pod: pod({ namespace: 'n' }), profiles: [profile('fp-new', 'n', 'CREATING')], expected: null, matching: [], reason: /fp-new .* would match but is CREATING \(not yet effective\)/ },
  { rule: 'only ACTIVE profiles count: DELETING is not usable', pod: pod({ namespace: 'n' }), profiles: [profile('a-old', 'n', 'DELETING'), profile('b', 'n')], expected: 'b', matching: ['b'], reason: /a-old .* would match but is DELETING \(not usable\)/ },
  { rule: 'only ACTIVE profiles count: CREATE_FAILED is not usable', pod: pod({ namespace: 'n' }), profiles: [profile('f', 'n', 'CREATE_FAILED')], expected: null, matching: [], reason: /CREATE_FAILED \(not usable\)/ },
  { rule: 'only ACTIVE profiles count: DELETE_FAILED is not usable', pod: pod({ namespace: 'n' }), profiles: [profile('f', 'n', 'DELETE_FAILED')], expected: null, matching: [], reason: /DELETE_FAILED \(not usable\)/ },
  { rule: 'compute-type ec2 annotation opts out', pod: pod({ namespace: 'n', computeTypeAnnotation: 'ec2' }), profiles: [profile('fp', 'n')], expected: null, matching: ['fp'], reason: /compute-type=ec2 keeps it off Fargate although fp selects it/ },
  { rule: 'compute-type fargate annotation does not opt out', pod: pod({ namespace: 'n', computeTypeAnnotation: 'fargate' }), profiles: [profile('fp', 'n')], expected: 'fp', matching: ['fp'] },
  { rule: 'user pin restricts to that profile', pod: pod({ namespace: 'n', labels: { [PIN]: 'zz' } }), profiles: [profile('aa', 'n'), profile('zz', 'n')], expected: 'zz', matching: ['aa', 'zz'], pinned: 'zz', reason: /pinned to profile zz .* it selects the pod/ },
  { rule: 'user pin: pinned profile must still select the pod', pod: pod({ namespace: 'n', labels: { [PIN]: 'zz' } }), profiles: [profile('aa', 'n'), profile('zz', 'other')], expected: null, matching: ['aa'], pinned: 'zz', reason: /zz .* does not select it: EKS will not place it on Fargate/ },
  {
    rule: 'an empty profile label is no pin, but the webhook saw it at creation: a selector can match it',
    pod: pod({ namespace: 'n', labels: { [PIN]: '' } }),
    profiles: [profile('aa', [{ namespace: 'n', labels: { [PIN]: '' } }])],
    expected: 'aa',
    matching: ['aa'],
    pinned: null,
  },
  { rule: 'user pin: pinned profile does not exist', pod: pod({ namespace: 'n', labels: { [PIN]: 'ghost' } }), profiles: [profile('aa', 'n')], expected: null, matching: ['aa'], pinned: 'ghost', reason: /ghost .* no such profile exists/ },
  { rule: 'user pin: pinned profile not ACTIVE', pod: pod({ namespace: 'n', labels: { [PIN]: 'zz' } }), profiles: [profile('zz', 'n', 'CREATING')], expected: null, matching: [], pinned: 'zz', reason: /zz .* is CREATING \(not yet effective\)/ },
  { rule: 'webhook-set label on a Fargate pod is not a pin', pod: fargatePod('zz', { namespace: 'n' }), profiles: [profile('aa', 'n'), profile('zz', 'n')], expected: 'aa', matching: ['aa', 'zz'], pinned: null },
  { rule: 'label written by the user (last-applied) on a Fargate pod is a pin', pod: fargatePod('zz', { namespace: 'n', appliedProfileLabel: 'zz', hasLastApplied: true }), profiles: [profile('aa', 'n'), profile('zz', 'n')], expected: 'zz', matching: ['aa', 'zz'], pinned: 'zz' },
  { rule: 'webhook-recorded label is not seen by selectors (it was not there at creation)', pod: fargatePod('zz', { namespace: 'n' }), profiles: [profile('by-label', [{ namespace: 'n', labels: { 'eks.amazonaws.com/*': '*' } }])], expected: null, matching: [] },
];

describe('chooseProfile', () => {
  for (const c of cases) {
    test(c.rule, () => {
      const r = chooseProfile(c.pod, c.profiles);
      assert.equal(r.expected, c.expected);
      assert.deepEqual(r.matching, c.matching);
      if (c.pinned !== undefined) assert.equal(r.pinned, c.pinned);
      if (c.reason) assert.match(r.reasons.join('\n'), c.reason);
    });
  }

  test('per-profile explanation records status, pin exclusion and the chosen profile', () => {
    const r = chooseProfile(pod({ namespace: 'n', labels: { [PIN]: 'b' } }), [profile('a', 'n'), profile('b', 'n'), profile('c', 'n', 'CREATING')]);
    const by = new Map(r.perProfile.map((e) => [e.name, e]));
    assert.equal(by.get('a')?.excludedByPin, true);
    assert.equal(by.get('b')?.chosen, true);
    assert.equal(by.get('a')?.chosen, false);
    assert.equal(by.get('c')?.effective, false);
    assert.equal(by.get('c')?.statusNote, 'not yet effective');
    assert.equal(by.get('c')?.selectorsMatch, true);
    assert.equal(by.get('a')?.selectors[0]?.matched, true);
  });

  test('the choice is remembered per subject: every input EKS looks at tells pods apart', () => {
    const profiles = [profile('a', [{ namespace: 'n', labels: { tier: 'web' } }])];
    const base = pod({ namespace: 'n', labels: { tier: 'web' } });
    const first = chooseProfile(base, profiles);
    first.reasons.push('changed by a caller');
    first.matching.length = 0;
    assert.deepEqual(chooseProfile(pod({ namespace: 'n', labels: { tier: 'web' } }), profiles).matching, ['a'], 'callers get their own copies');
    const differing: Partial<PodRecord>[] = [
      { namespace: 'm' },
      { labels: { tier: 'db' } },
      { labels: { tier: 'web', [PIN]: 'other' } },
      { computeTypeAnnotation: 'ec2' },
    ];
    for (const change of differing) {
      assert.equal(chooseProfile({ ...base, ...change }, profiles).expected, null, JSON.stringify(change));
    }
    assert.equal(chooseProfile(base, profiles).expected, 'a');
  });
});

describe('pinnedProfile', () => {
  const cases2: { rule: string; pod: PodRecord; want: string | null }[] = [
    { rule: 'no label: no pin', pod: pod(), want: null },
    { rule: 'label on a pod not on fargate-scheduler is the user pin', pod: pod({ labels: { [PIN]: 'fp' } }), want: 'fp' },
    { rule: 'webhook-set label on a Fargate pod is not a pin', pod: fargatePod('fp'), want: null },
    { rule: 'label also in last-applied-configuration is the user pin', pod: fargatePod('fp', { appliedProfileLabel: 'fp', hasLastApplied: true }), want: 'fp' },
    { rule: 'last-applied without the label: the label is the webhook record', pod: fargatePod('fp', { hasLastApplied: true }), want: null },
  ];
  for (const c of cases2) test(c.rule, () => assert.equal(pinnedProfile(c.pod), c.want));
});

test('byName is plain code-unit order, not locale order', () => {
  assert.deepEqual(['b', 'B', 'a', '_', '1'].sort(byName), ['1', 'B', '_', 'a', 'b']);
});

test('near misses are explained: namespace matches but a label does not', () => {
  const r = chooseProfile(pod({ namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } }), [
    profile('fp', [{ namespace: 'kube-system', labels: { 'k8s-app': 'coredns' } }, { namespace: 'other' }]),
  ]);
  assert.deepEqual(r.reasons.slice(1), ['profile fp selector #1 (namespace kube-system, labels k8s-app=coredns): label k8s-app=coredns: pod has k8s-app=kube-dns']);
});

describe('namespaceProfiles: the profiles covering a namespace, in EKS\'s order of choice', () => {
  const cases: { rule: string; namespace: string; profiles: Profile[]; want: string[] }[] = [
    { rule: 'the alphabetically first name wins, so it comes first (not the order EKS listed them)', namespace: 'w', profiles: [profile('prod-workload', 'w'), profile('beta-workload', 'w')], want: ['beta-workload', 'prod-workload'] },
    { rule: 'plain code-unit order, like the choice itself (uppercase and digits first)', namespace: 'w', profiles: [profile('a', 'w'), profile('B', 'w'), profile('1', 'w')], want: ['1', 'B', 'a'] },
    { rule: 'DELETING profiles take no pods: left out', namespace: 'n', profiles: [profile('a-old', 'n', 'DELETING'), profile('b', 'n')], want: ['b'] },
    { rule: 'failed profiles take no pods: left out', namespace: 'n', profiles: [profile('c', 'n', 'CREATE_FAILED'), profile('d', 'n', 'DELETE_FAILED')], want: [] },
    { rule: 'CREATING profiles are not yet effective: after the ACTIVE ones', namespace: 'n', profiles: [profile('a-new', 'n', 'CREATING'), profile('z', 'n')], want: ['z', 'a-new'] },
    { rule: 'namespace patterns take wildcards', namespace: 'batch-nightly', profiles: [profile('fp-batch', 'batch-*'), profile('fp-other', 'other')], want: ['fp-batch'] },
    { rule: 'a live profile and a --profiles-file proposal of the same name are listed once', namespace: 'n', profiles: [profile('fp', 'n'), profile('fp', 'n', 'ACTIVE', { source: 'file' })], want: ['fp'] },
    { rule: 'any selector covering the namespace counts (selectors are ORed)', namespace: 'n', profiles: [profile('fp', [{ namespace: 'x' }, { namespace: 'n', labels: { a: 'b' } }])], want: ['fp'] },
  ];
  for (const c of cases) test(c.rule, () => assert.deepEqual(namespaceProfiles(c.namespace, c.profiles), c.want));
});
