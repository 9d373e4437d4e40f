import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fargateBlockers } from '../../source/domain/blockers.js';
import type { BlockerCode, PersistentVolumeClaimRecord, PodRecord } from '../../source/domain/types.js';
import { claim, container, pod } from '../helpers/records.js';

const pvcPod = (claimName: string): PodRecord => pod({ volumes: [{ name: 'data', kind: 'persistentVolumeClaim', claimName }] });
const claims = (...cs: PersistentVolumeClaimRecord[]): Map<string, PersistentVolumeClaimRecord> => new Map(cs.map((c) => [c.name, c]));

const cases: { rule: string; pod: PodRecord; claims?: Map<string, PersistentVolumeClaimRecord>; want: BlockerCode[]; msg?: RegExp }[] = [
  { rule: 'a plain pod has no blockers', pod: pod(), want: [] },
  { rule: 'DaemonSets are not supported', pod: pod({ owner: { kind: 'DaemonSet', name: 'aws-node' } }), want: ['daemonset'], msg: /DaemonSet aws-node/ },
  { rule: 'ReplicaSet owners are fine', pod: pod({ owner: { kind: 'ReplicaSet', name: 'web-1' } }), want: [] },
  { rule: 'privileged containers are not supported', pod: pod({ containers: [container({ name: 'agent', privileged: true })] }), want: ['privileged'], msg: /container agent is privileged/ },
  { rule: 'privileged init containers are not supported either', pod: pod({ initContainers: [container({ name: 'setup', privileged: true })] }), want: ['privileged'], msg: /init container setup/ },
  { rule: 'allowPrivilegeEscalation true is rejected', pod: pod({ containers: [container({ allowPrivilegeEscalation: true })] }), want: ['privilege-escalation'], msg: /AllowPrivilegeEscalation/ },
  { rule: 'added capabilities are rejected', pod: pod({ containers: [container({ addedCapabilities: ['CAP_CHOWN', 'SYS_PTRACE'] })] }), want: ['capabilities'], msg: /CAP_CHOWN, SYS_PTRACE/ },
  { rule: 'hostNetwork is not allowed', pod: pod({ hostNetwork: true }), want: ['host-network'], msg: /HostNetwork/ },
  { rule: 'hostPort is not allowed', pod: pod({ containers: [container({ name: 'web', hostPorts: [8080] })] }), want: ['host-port'], msg: /container web uses hostPort 8080/ },
  { rule: 'hostPID is not allowed', pod: pod({ hostPID: true }), want: ['host-pid'] },
  { rule: 'hostIPC is not allowed', pod: pod({ hostIPC: true }), want: ['host-ipc'] },
  { rule: 'hostPath volumes are unsupported', pod: pod({ volumes: [{ name: 'logs', kind: 'hostPath' }] }), want: ['volume'], msg: /volume logs .*hostPath/ },
  { rule: 'supported volume kinds pass', pod: pod({ volumes: ['emptyDir', 'configMap', 'secret', 'projected', 'downwardAPI'].map((k) => ({ name: k, kind: k })) }), want: [] },
  { rule: 'EBS CSI PVCs are unsupported', pod: pvcPod('c'), claims: claims(claim('c', 'ebs.csi.aws.com')), want: ['pvc'], msg: /PVC c .*ebs\.csi\.aws\.com/ },
  { rule: 'in-tree EBS PVCs are unsupported', pod: pvcPod('c'), claims: claims(claim('c', 'kubernetes.io/aws-ebs')), want: ['pvc'] },
  { rule: 'FSx PVCs are unsupported', pod: pvcPod('c'), claims: claims(claim('c', 'fsx.csi.aws.com')), want: ['pvc'] },
  { rule: 'EFS PVCs work', pod: pvcPod('c'), claims: claims(claim('c', 'efs.csi.aws.com')), want: [] },
  { rule: 'unbound PVCs are rejected', pod: pvcPod('c'), claims: claims(claim('c', null, false)), want: ['pvc'], msg: /not bound/ },
  { rule: 'an unknown claim is no blocker (may just be invisible)', pod: pvcPod('c'), claims: claims(), want: [] },
  { rule: 'without claims information PVCs are no blocker', pod: pvcPod('c'), want: [] },
  { rule: 'claims keyed namespace/name (store form) are found', pod: pvcPod('c'), claims: new Map([['default/c', claim('c', 'ebs.csi.aws.com')]]), want: ['pvc'] },
  { rule: 'a claim of another namespace does not count', pod: pvcPod('c'), claims: claims(claim('c', 'ebs.csi.aws.com', true, 'other')), want: [] },
  { rule: 'GPUs are not available', pod: pod({ containers: [container({ gpus: ['nvidia.com/gpu'] })] }), want: ['gpu'], msg: /nvidia\.com\/gpu/ },
  { rule: 'Arm is not available (nodeSelector)', pod: pod({ nodeSelector: { 'kubernetes.io/arch': 'arm64' } }), want: ['arch'], msg: /arm64/ },
  { rule: 'Arm is not available (beta nodeSelector)', pod: pod({ nodeSelector: { 'beta.kubernetes.io/arch': 'arm64' } }), want: ['arch'] },
  { rule: 'amd64 nodeSelector is fine', pod: pod({ nodeSelector: { 'kubernetes.io/arch': 'amd64' } }), want: [] },
  { rule: 'Arm is not available (required affinity without amd64)', pod: pod({ affinityArch: ['arm64'] }), want: ['arch'] },
  { rule: 'affinity allowing amd64 among others is fine', pod: pod({ affinityArch: ['arm64', 'amd64'] }), want: [] },
  { rule: 'Windows is not available (nodeSelector)', pod: pod({ nodeSelector: { 'kubernetes.io/os': 'windows' } }), want: ['os'], msg: /windows/ },
  { rule: 'Windows is not available (affinity)', pod: pod({ affinityOs: ['windows'] }), want: ['os'] },
  { rule: 'pods beyond 16 vCPU / 120 GB do not fit', pod: pod({ containers: [container({ requests: { cpu: '20', memory: '64Gi' } })] }), want: ['too-large'], msg: /20 CPU .*16 vCPU \/ 120 GB/ },
  { rule: 'blockers accumulate', pod: pod({ hostNetwork: true, containers: [container({ privileged: true, hostPorts: [80] })] }), want: ['privileged', 'host-port', 'host-network'] },
];

describe('fargateBlockers', () => {
  for (const c of cases) {
    test(c.rule, () => {
      const b = fargateBlockers(c.pod, { claims: c.claims });
      assert.deepEqual(b.map((x) => x.code), c.want);
      if (c.msg) assert.match(b.map((x) => x.message).join('\n'), c.msg);
    });
  }
});
