// Whether Fargate can mount the volume behind a claim (spec §2.3, §3): the PersistentVolume
// decides, whether it was provisioned dynamically or statically; the claim's provisioner and
// StorageClass stand in only when the volume is not visible.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fargateBlockers } from '../../source/domain/blockers.js';
import { placePod } from '../../source/domain/placement.js';
import { checkClaimVolume, type StorageView } from '../../source/domain/storage.js';
import type { PersistentVolumeClaimRecord, PersistentVolumeRecord, PodRecord, StorageClassRecord } from '../../source/domain/types.js';
import { ctx, pod, profile } from '../helpers/records.js';

const claimPod = (o: Partial<PodRecord> = {}): PodRecord => pod({ namespace: 'db', volumes: [{ name: 'data', kind: 'persistentVolumeClaim', claimName: 'data' }], ...o });
const claim = (o: Partial<PersistentVolumeClaimRecord> = {}): PersistentVolumeClaimRecord => ({
  namespace: 'db',
  name: 'data',
  driver: null,
  bound: true,
  volumeName: 'pv-data',
  storageClassName: '',
  ...o,
});
const pv = (o: Partial<PersistentVolumeRecord> = {}): PersistentVolumeRecord => ({ name: 'pv-data', csiDriver: null, inTree: null, ...o });
const sc = (name: string, provisioner: string, isDefault = false): StorageClassRecord => ({ name, provisioner, isDefault });
const view = (c: PersistentVolumeClaimRecord | null, volumes?: PersistentVolumeRecord[], classes?: StorageClassRecord[]): StorageView => ({
  claims: new Map(c === null ? [] : [[`${c.namespace}/${c.name}`, c]]),
  ...(volumes ? { volumes: new Map(volumes.map((v) => [v.name, v])) } : {}),
  ...(classes ? { storageClasses: new Map(classes.map((s) => [s.name, s])) } : {}),
});

const cases: { rule: string; storage: StorageView; blocked: RegExp | null; unknown?: RegExp }[] = [
  {
    rule: 'a claim bound to a static EBS volume is blocked: the PV names ebs.csi.aws.com though the claim names no provisioner',
    storage: view(claim(), [pv({ csiDriver: 'ebs.csi.aws.com' })]),
    blocked: /volume data: PVC data bound to PV pv-data with CSI driver ebs\.csi\.aws\.com, which Fargate cannot mount \(only EFS, efs\.csi\.aws\.com, works\)/,
  },
  {
    rule: 'a claim bound to a dynamically provisioned EBS volume is blocked (PV and annotation agree)',
    storage: view(claim({ driver: 'ebs.csi.aws.com', storageClassName: 'gp3' }), [pv({ csiDriver: 'ebs.csi.aws.com' })], [sc('gp3', 'ebs.csi.aws.com')]),
    blocked: /CSI driver ebs\.csi\.aws\.com/,
  },
  { rule: 'an in-tree awsElasticBlockStore volume is blocked', storage: view(claim(), [pv({ inTree: 'awsElasticBlockStore' })]), blocked: /PV pv-data \(in-tree awsElasticBlockStore\), which Fargate cannot mount/ },
  { rule: 'an FSx for Lustre volume is blocked', storage: view(claim(), [pv({ csiDriver: 'fsx.csi.aws.com' })]), blocked: /fsx\.csi\.aws\.com/ },
  { rule: 'Fargate mounts only EFS: another CSI driver is blocked too', storage: view(claim(), [pv({ csiDriver: 's3.csi.aws.com' })]), blocked: /s3\.csi\.aws\.com, which Fargate cannot mount/ },
  { rule: 'Fargate mounts only EFS: an in-tree nfs volume is blocked too', storage: view(claim(), [pv({ inTree: 'nfs' })]), blocked: /in-tree nfs/ },
  { rule: 'a static EFS volume is supported', storage: view(claim(), [pv({ csiDriver: 'efs.csi.aws.com' })]), blocked: null },
  {
    rule: 'the bound volume decides over the claim\'s class: an EFS PV bound to a claim of an EBS class is supported',
    storage: view(claim({ storageClassName: 'gp3' }), [pv({ csiDriver: 'efs.csi.aws.com' })], [sc('gp3', 'ebs.csi.aws.com')]),
    blocked: null,
  },
  {
    rule: 'volume not visible: the claim\'s provisioner annotation decides (EBS blocked)',
    storage: view(claim({ driver: 'ebs.csi.aws.com' })),
    blocked: /PVC data bound to a volume provisioned by ebs\.csi\.aws\.com, which Fargate cannot mount/,
  },
  {
    rule: 'volume not visible, no annotation: the StorageClass provisioner decides (EBS blocked)',
    storage: view(claim({ storageClassName: 'gp3' }), [], [sc('gp3', 'ebs.csi.aws.com')]),
    blocked: /provisioned by ebs\.csi\.aws\.com/,
  },
  { rule: 'volume not visible, its StorageClass is EFS: supported', storage: view(claim({ storageClassName: 'efs-sc' }), [], [sc('efs-sc', 'efs.csi.aws.com')]), blocked: null },
  {
    rule: 'volume not visible and no provisioner known: no blocker, but it is said that we cannot tell',
    storage: view(claim()),
    blocked: null,
    unknown: /cannot tell whether Fargate can mount volume data: PVC data: its PersistentVolume pv-data is not visible/,
  },
  {
    rule: 'an unbound claim is blocked (PVC not bound), naming its StorageClass provisioner',
    storage: view(claim({ bound: false, volumeName: null, storageClassName: 'gp3' }), [], [sc('gp3', 'ebs.csi.aws.com')]),
    blocked: /PVC data not bound \(Fargate needs a bound, statically provisioned EFS volume\); its StorageClass gp3 provisions with ebs\.csi\.aws\.com/,
  },
  {
    rule: 'an unbound claim without a class gets the default StorageClass',
    storage: view(claim({ bound: false, volumeName: null, storageClassName: null }), [], [sc('efs-sc', 'efs.csi.aws.com'), sc('gp2', 'kubernetes.io/aws-ebs', true)]),
    blocked: /not bound .*StorageClass gp2 provisions with kubernetes\.io\/aws-ebs/,
  },
  {
    rule: 'an unbound claim with storageClassName "" (static binding only) names no provisioner',
    storage: view(claim({ bound: false, volumeName: null, storageClassName: '' }), [], [sc('gp2', 'kubernetes.io/aws-ebs', true)]),
    blocked: /not bound \(Fargate needs a bound, statically provisioned EFS volume\)$/,
  },
  { rule: 'a claim we cannot see is no blocker (it may just be invisible to us)', storage: view(null, [pv({ csiDriver: 'ebs.csi.aws.com' })]), blocked: null },
  { rule: 'without claims at all, claims are no blocker', storage: {}, blocked: null },
];

describe('checkClaimVolume', () => {
  for (const c of cases) {
    test(c.rule, () => {
      const check = checkClaimVolume({ name: 'data', kind: 'persistentVolumeClaim', claimName: 'data' }, 'db', c.storage);
      if (c.blocked === null) assert.equal(check.blocker, null);
      else assert.match(check.blocker ?? '', c.blocked);
      if (c.unknown) assert.match(check.unknown ?? '', c.unknown);
      else assert.equal(check.unknown, null);
      // The same fact reaches the pod's blockers.
      assert.deepEqual(fargateBlockers(claimPod(), c.storage).map((b) => b.code), c.blocked === null ? [] : ['pvc']);
    });
  }
});

describe('placement with claims', () => {
  const profiles = [profile('fp-db', 'db', 'ACTIVE', { createdAt: 5_000 })];

  test('a ReplicaSet pod on EC2 with a claim bound to a static EBS volume is blocked, not rescheduled', () => {
    const p = placePod(claimPod({ owner: { kind: 'ReplicaSet', name: 'db-1' } }), ctx(profiles, view(claim(), [pv({ csiDriver: 'ebs.csi.aws.com' })])));
    assert.equal(p.verdict, 'blocked');
    assert.equal(p.needsReschedule, false);
    assert.match(p.reasons.join('\n'), /re-creating would not help[\s\S]*CSI driver ebs\.csi\.aws\.com/);
  });

  test('the same pod with a static EFS volume needs a reschedule', () => {
    const p = placePod(claimPod({ owner: { kind: 'ReplicaSet', name: 'db-1' } }), ctx(profiles, view(claim(), [pv({ csiDriver: 'efs.csi.aws.com' })])));
    assert.equal(p.verdict, 'reschedule');
    assert.deepEqual(p.blockers, []);
  });

  test('a pod headed for Fargate whose volume cannot be seen says so in its reasons', () => {
    const p = placePod(claimPod(), ctx(profiles, view(claim())));
    assert.equal(p.verdict, 'reschedule');
    assert.ok(p.reasons.some((r) => /cannot tell whether Fargate can mount volume data/.test(r)), p.reasons.join('\n'));
  });

  test('a pod staying on EC2 is not told about volumes it will not mount on Fargate', () => {
    const p = placePod(claimPod({ namespace: 'db' }), ctx([], view(claim())));
    assert.ok(!p.reasons.some((r) => /cannot tell/.test(r)));
  });
});
