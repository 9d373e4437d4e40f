// EKS version strings and the upgrade rule (spec §2.5): a Fargate node keeps the kubelet of the
// control plane it was created under; EKS refuses the next control-plane upgrade while a Fargate
// node runs an older minor.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { isBehind, kubeletFact, nextMinor, parseKubeVersion, type KubeVersion } from '../../source/domain/versions.js';
import { workloadOf } from '../../source/domain/workload.js';
import type { OwnerTemplateRecord, RunsOn } from '../../source/domain/types.js';
import { pod } from '../helpers/records.js';

const v = (text: string): KubeVersion => parseKubeVersion(text)!;

describe('parseKubeVersion', () => {
  const cases: { rule: string; raw: string | null | undefined; expected: string | null }[] = [
    { rule: 'a Fargate kubelet as EKS reports it', raw: 'v1.32.9-eks-113cf36', expected: '1.32' },
    { rule: 'the API server gitVersion as EKS reports it', raw: 'v1.33.5-eks-3025e55', expected: '1.33' },
    { rule: 'an EKS cluster version (DescribeCluster) has no v and no patch', raw: '1.33', expected: '1.33' },
    { rule: 'a plain upstream build', raw: 'v1.31.0', expected: '1.31' },
    { rule: 'another distribution build suffix (+)', raw: 'v1.30.4+k3s1', expected: '1.30' },
    { rule: 'minor 10 sorts above 9 (numbers, not text)', raw: 'v1.10.3-eks-1', expected: '1.10' },
    { rule: 'missing: no version', raw: undefined, expected: null },
    { rule: 'missing: null', raw: null, expected: null },
    { rule: 'odd: empty', raw: '', expected: null },
    { rule: 'odd: a word', raw: 'unknown', expected: null },
    { rule: 'odd: only a major', raw: 'v1', expected: null },
    { rule: 'odd: a non-numeric minor', raw: 'v1.x.3', expected: null },
    { rule: 'odd: surrounding spaces are not a version', raw: ' v1.33.5', expected: null },
    { rule: 'odd: major 0', raw: 'v0.33.1', expected: null },
    { rule: 'odd: four numbers', raw: 'v1.33.5.1', expected: null },
  ];
  for (const c of cases) {
    test(c.rule, () => assert.equal(parseKubeVersion(c.raw)?.text ?? null, c.expected));
  }

  test('any v<major>.<minor>.<patch>-eks-<hash> parses to <major>.<minor>', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 }), fc.stringMatching(/^[0-9a-f]{7}$/), (major, minor, patch, hash) => {
        assert.equal(parseKubeVersion(`v${major}.${minor}.${patch}-eks-${hash}`)?.text, `${major}.${minor}`);
      }),
    );
  });
});

describe('isBehind and nextMinor', () => {
  const cases: { rule: string; version: string; reference: string; behind: boolean }[] = [
    { rule: 'one minor older is behind', version: '1.32', reference: '1.33', behind: true },
    { rule: 'two minors older is behind', version: '1.31', reference: '1.33', behind: true },
    { rule: 'the same minor (another patch) is not behind', version: 'v1.33.1-eks-a', reference: 'v1.33.5-eks-b', behind: false },
    { rule: 'a newer minor is not behind', version: '1.34', reference: '1.33', behind: false },
    { rule: 'minor 9 is behind minor 10 (numeric)', version: '1.9', reference: '1.10', behind: true },
    { rule: 'an older major is behind whatever its minor', version: '1.99', reference: '2.0', behind: true },
  ];
  for (const c of cases) test(c.rule, () => assert.equal(isBehind(v(c.version), v(c.reference)), c.behind));

  test('EKS upgrades one minor at a time: the next version of 1.33 is 1.34', () => assert.equal(nextMinor(v('v1.33.5-eks-3025e55')), '1.34'));
});

describe('kubeletFact: which pods block the next control-plane upgrade', () => {
  const CP = v('v1.33.5-eks-3025e55');
  const cases: {
    rule: string;
    runsOn: RunsOn;
    kubelet: string | null | undefined;
    controlPlane?: KubeVersion | null;
    expected: { kubeletVersion: string | null; outdated: boolean; unknown: boolean };
  }[] = [
    {
      rule: 'a Fargate node created before the upgrade keeps its older kubelet: its pod blocks the upgrade',
      runsOn: 'fargate',
      kubelet: 'v1.32.9-eks-113cf36',
      expected: { kubeletVersion: 'v1.32.9-eks-113cf36', outdated: true, unknown: false },
    },
    {
      rule: 'a Fargate node created after the upgrade runs the current minor: not outdated',
      runsOn: 'fargate',
      kubelet: 'v1.33.5-eks-ecaa3a6',
      expected: { kubeletVersion: 'v1.33.5-eks-ecaa3a6', outdated: false, unknown: false },
    },
    {
      rule: 'only the minor counts: an older patch of the current minor does not block',
      runsOn: 'fargate',
      kubelet: 'v1.33.1-eks-0000000',
      expected: { kubeletVersion: 'v1.33.1-eks-0000000', outdated: false, unknown: false },
    },
    {
      rule: 'EC2 nodes are outside the Fargate rule (node groups are upgraded on their own)',
      runsOn: 'ec2',
      kubelet: 'v1.32.9-eks-113cf36',
      expected: { kubeletVersion: null, outdated: false, unknown: false },
    },
    { rule: 'a pending pod has no node and no kubelet', runsOn: 'pending', kubelet: undefined, expected: { kubeletVersion: null, outdated: false, unknown: false } },
    {
      rule: 'a missing kubelet version is unknown: kubeletVersion null, not outdated',
      runsOn: 'fargate',
      kubelet: null,
      expected: { kubeletVersion: null, outdated: false, unknown: true },
    },
    {
      rule: 'an odd kubelet version is unknown: kubeletVersion null, not outdated',
      runsOn: 'fargate',
      kubelet: 'v1.x',
      expected: { kubeletVersion: null, outdated: false, unknown: true },
    },
    {
      rule: 'an unknown control-plane version makes nothing outdated',
      runsOn: 'fargate',
      kubelet: 'v1.32.9-eks-113cf36',
      controlPlane: null,
      expected: { kubeletVersion: 'v1.32.9-eks-113cf36', outdated: false, unknown: false },
    },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const node = c.kubelet === undefined ? undefined : { kubeletVersion: c.kubelet };
      assert.deepEqual({ ...kubeletFact(c.runsOn, node, c.controlPlane === undefined ? CP : c.controlPlane) }, c.expected);
    });
  }

  test('a Fargate pod whose node record was not read is unknown', () => {
    assert.deepEqual({ ...kubeletFact('fargate', undefined, CP) }, { kubeletVersion: null, outdated: false, unknown: true });
  });
});

describe('workloadOf', () => {
  const rs = (owner: OwnerTemplateRecord['owner']): Map<string, OwnerTemplateRecord> =>
    new Map([['shop/ReplicaSet/cart-5d4f8', { namespace: 'shop', kind: 'ReplicaSet', name: 'cart-5d4f8', templateLabels: {}, owner }]]);
  const cases: { rule: string; owner: { kind: string; name: string } | null; templates?: Map<string, OwnerTemplateRecord>; expected: string | null }[] = [
    { rule: 'a bare pod belongs to no workload', owner: null, expected: null },
    { rule: "a ReplicaSet's pod belongs to the Deployment that owns the ReplicaSet", owner: { kind: 'ReplicaSet', name: 'cart-5d4f8' }, templates: rs({ kind: 'Deployment', name: 'cart' }), expected: 'Deployment/cart' },
    { rule: 'a ReplicaSet without an owner is the workload itself', owner: { kind: 'ReplicaSet', name: 'cart-5d4f8' }, templates: rs(null), expected: 'ReplicaSet/cart-5d4f8' },
    { rule: 'a ReplicaSet not read is the workload itself', owner: { kind: 'ReplicaSet', name: 'cart-5d4f8' }, expected: 'ReplicaSet/cart-5d4f8' },
    { rule: 'a StatefulSet owns its pods directly', owner: { kind: 'StatefulSet', name: 'sessions' }, expected: 'StatefulSet/sessions' },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const w = workloadOf(pod({ namespace: 'shop', owner: c.owner }), c.templates);
      assert.equal(w === null ? null : `${w.kind}/${w.name}`, c.expected);
    });
  }
});
