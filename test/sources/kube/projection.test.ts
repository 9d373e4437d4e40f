import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  toClaimRecord,
  toEventRecord,
  toNamespaceRecord,
  toNodeRecord,
  toPersistentVolumeRecord,
  toStorageClassRecord,
  toTemplateRecord,
} from '../../../source/sources/kube/projection.js';
import { toPodRecord } from '../../../source/sources/kube/pod-projection.js';

type Json = Record<string, unknown>;

const running = (name = 'app', restartCount = 0) => ({
  name,
  ready: true,
  restartCount,
  started: true,
  state: { running: { startedAt: '2026-01-01T00:00:00Z' } },
});

function pod(overrides: { spec?: Json; status?: Json; metadata?: Json } = {}): Json {
  return {
    metadata: {
      name: 'web-1',
      namespace: 'dev',
      uid: 'uid-1',
      resourceVersion: '42',
      creationTimestamp: '2026-01-02T03:04:05Z',
      labels: { app: 'web' },
      ...overrides.metadata,
    },
    spec: { containers: [{ name: 'app', image: 'nginx' }], ...overrides.spec },
    status: { phase: 'Running', containerStatuses: [running()], ...overrides.status },
  };
}

describe('pod STATUS column (kubectl printPod parity)', () => {
  const cases: { rule: string; pod: Json; status: string; ready?: boolean; restarts?: number; readyOf?: [number, number] }[] = [
    { rule: 'all containers running and ready -> Running', pod: pod(), status: 'Running', ready: true, readyOf: [1, 1] },
    {
      rule: 'no container statuses yet -> the phase',
      pod: pod({ status: { phase: 'Pending', containerStatuses: undefined } }),
      status: 'Pending',
      ready: false,
    },
    {
      rule: 'a waiting reason wins -> ContainerCreating',
      pod: pod({ status: { phase: 'Pending', containerStatuses: [{ name: 'app', ready: false, state: { waiting: { reason: 'ContainerCreating' } } }] } }),
      status: 'ContainerCreating',
      ready: false,
    },
    {
      rule: 'CrashLoopBackOff with its restart count',
      pod: pod({ status: { containerStatuses: [{ name: 'app', ready: false, restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff' } } }] } }),
      status: 'CrashLoopBackOff',
      restarts: 7,
    },
    {
      rule: 'a finished Job pod -> Completed, not ready',
      pod: pod({ status: { phase: 'Succeeded', containerStatuses: [{ name: 'app', ready: false, state: { terminated: { reason: 'Completed', exitCode: 0 } } }] } }),
      status: 'Completed',
      ready: false,
      readyOf: [0, 1],
    },
    {
      rule: 'terminated without a reason -> ExitCode:N',
      pod: pod({ status: { phase: 'Failed', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 137 } } }] } }),
      status: 'ExitCode:137',
    },
    {
      rule: 'terminated by a signal without a reason -> Signal:N',
      pod: pod({ status: { phase: 'Failed', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 0, signal: 9 } } }] } }),
      status: 'Signal:9',
    },
    {
      rule: 'one container Completed while another still runs, pod Ready -> Running',
      pod: pod({
        spec: { containers: [{ name: 'a' }, { name: 'b' }] },
        status: {
          conditions: [{ type: 'Ready', status: 'True' }],
          containerStatuses: [running('a'), { name: 'b', state: { terminated: { reason: 'Completed', exitCode: 0 } } }],
        },
      }),
      status: 'Running',
    },
    {
      rule: 'one container Completed while another runs, pod not Ready -> NotReady',
      pod: pod({
        spec: { containers: [{ name: 'a' }, { name: 'b' }] },
        status: { containerStatuses: [running('a'), { name: 'b', state: { terminated: { reason: 'Completed', exitCode: 0 } } }] },
      }),
      status: 'NotReady',
    },
    {
      rule: 'deletionTimestamp on a running pod -> Terminating',
      pod: pod({ metadata: { deletionTimestamp: '2026-01-02T04:00:00Z' } }),
      status: 'Terminating',
    },
    {
      rule: 'deletionTimestamp on a Succeeded pod keeps Completed',
      pod: pod({
        metadata: { deletionTimestamp: '2026-01-02T04:00:00Z' },
        status: { phase: 'Succeeded', containerStatuses: [{ name: 'app', state: { terminated: { reason: 'Completed', exitCode: 0 } } }] },
      }),
      status: 'Completed',
    },
    {
      rule: 'deleted pod on a lost node -> Unknown',
      pod: pod({ metadata: { deletionTimestamp: '2026-01-02T04:00:00Z' }, status: { reason: 'NodeLost', containerStatuses: [] } }),
      status: 'Unknown',
    },
    {
      rule: 'pod status reason (Evicted) is shown',
      pod: pod({ status: { phase: 'Failed', reason: 'Evicted', containerStatuses: [] } }),
      status: 'Evicted',
    },
    {
      rule: 'scheduling gates -> SchedulingGated',
      pod: pod({ status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }], containerStatuses: [] } }),
      status: 'SchedulingGated',
    },
    {
      rule: 'init containers in progress -> Init:i/n',
      pod: pod({
        spec: { initContainers: [{ name: 'i1' }, { name: 'i2' }], containers: [{ name: 'app' }] },
        status: {
          phase: 'Pending',
          initContainerStatuses: [
            { name: 'i1', state: { terminated: { exitCode: 0, reason: 'Completed' } } },
            { name: 'i2', state: { running: {} } },
          ],
          containerStatuses: [{ name: 'app', state: { waiting: { reason: 'PodInitializing' } } }],
        },
      }),
      status: 'Init:1/2',
    },
    {
      rule: 'a crash-looping init container -> Init:CrashLoopBackOff, init restarts counted',
      pod: pod({
        spec: { initContainers: [{ name: 'i1' }], containers: [{ name: 'app' }] },
        status: {
          phase: 'Pending',
          initContainerStatuses: [{ name: 'i1', restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } } }],
          containerStatuses: [{ name: 'app', state: { waiting: { reason: 'PodInitializing' } } }],
        },
      }),
      status: 'Init:CrashLoopBackOff',
      restarts: 3,
    },
    {
      rule: 'a failed init container -> Init:Error',
      pod: pod({
        spec: { initContainers: [{ name: 'i1' }], containers: [{ name: 'app' }] },
        status: { phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: { terminated: { exitCode: 1, reason: 'Error' } } }] },
      }),
      status: 'Init:Error',
    },
    {
      rule: 'a started native sidecar does not hold the pod in Init and counts in READY',
      pod: pod({
        spec: { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }], containers: [{ name: 'app' }] },
        status: {
          conditions: [{ type: 'Initialized', status: 'True' }],
          initContainerStatuses: [{ ...running('proxy', 2) }],
          containerStatuses: [running('app', 1)],
        },
      }),
      status: 'Running',
      ready: true,
      restarts: 3,
      readyOf: [2, 2],
    },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const record = toPodRecord(c.pod);
      assert.equal(record.status, c.status);
      if (c.ready !== undefined) assert.equal(record.ready, c.ready);
      if (c.restarts !== undefined) assert.equal(record.restarts, c.restarts);
      if (c.readyOf) assert.deepEqual([record.readyContainers, record.totalContainers], c.readyOf);
    });
  }
});

describe('pod fields placement needs', () => {
  test('owner is the managing controller; a non-controller ownerReference leaves the pod bare', () => {
    const owned = toPodRecord(pod({ metadata: { ownerReferences: [{ kind: 'Foo', name: 'x' }, { kind: 'StatefulSet', name: 'db', controller: true }] } }));
    assert.deepEqual(owned.owner, { kind: 'StatefulSet', name: 'db' });
    const bare = toPodRecord(pod({ metadata: { ownerReferences: [{ kind: 'ConfigMap', name: 'cm' }] } }));
    assert.equal(bare.owner, null);
  });

  test('a mirror pod (static pod) is marked; other pods are not', () => {
    const mirror = toPodRecord(
      pod({
        metadata: {
          annotations: { 'kubernetes.io/config.mirror': '3c3b8b8f', 'kubernetes.io/config.source': 'file' },
          ownerReferences: [{ kind: 'Node', name: 'ip-10-0-1-23.ec2.internal', controller: true }],
        },
      }),
    );
    assert.equal(mirror.mirror, true);
    assert.deepEqual(mirror.owner, { kind: 'Node', name: 'ip-10-0-1-23.ec2.internal' });
    assert.equal(toPodRecord(pod({})).mirror, undefined);
  });

  test('identity, labels, owner, scheduling and security fields are copied', () => {
    const record = toPodRecord(
      pod({
        metadata: {
          ownerReferences: [{ kind: 'ReplicaSet', name: 'web-abc', controller: true }],
          annotations: { CapacityProvisioned: '0.25vCPU 0.5GB', 'eks.amazonaws.com/compute-type': 'ec2' },
        },
        spec: {
          nodeName: 'fargate-ip-10-0-1-2.ec2.internal',
          schedulerName: 'fargate-scheduler',
          hostNetwork: true,
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          containers: [
            {
              name: 'app',
              image: 'nginx:1',
              resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '1Gi' } },
              securityContext: { privileged: true, allowPrivilegeEscalation: true, capabilities: { add: ['NET_ADMIN'] } },
              ports: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 81 }],
            },
          ],
          volumes: [
            { name: 'data', persistentVolumeClaim: { claimName: 'data-pvc' } },
            { name: 'host', hostPath: { path: '/var' } },
          ],
        },
      }),
    );
    assert.equal(record.namespace, 'dev');
    assert.equal(record.name, 'web-1');
    assert.equal(record.createdAt, Date.parse('2026-01-02T03:04:05Z'));
    assert.deepEqual(record.labels, { app: 'web' });
    assert.deepEqual(record.owner, { kind: 'ReplicaSet', name: 'web-abc' });
    assert.equal(record.nodeName, 'fargate-ip-10-0-1-2.ec2.internal');
    assert.equal(record.schedulerName, 'fargate-scheduler');
    assert.equal(record.hostNetwork, true);
    assert.deepEqual(record.nodeSelector, { 'kubernetes.io/os': 'linux' });
    assert.equal(record.capacityProvisioned, '0.25vCPU 0.5GB');
    assert.equal(record.computeTypeAnnotation, 'ec2');
    const [container] = record.containers;
    assert.deepEqual(container?.requests, { cpu: '250m', memory: '512Mi' });
    assert.deepEqual(container?.limits, { memory: '1Gi' });
    assert.equal(container?.privileged, true);
    assert.equal(container?.allowPrivilegeEscalation, true);
    assert.deepEqual(container?.addedCapabilities, ['NET_ADMIN']);
    assert.deepEqual(container?.hostPorts, [8080]);
    assert.deepEqual(record.volumes, [
      { name: 'data', kind: 'persistentVolumeClaim', claimName: 'data-pvc' },
      { name: 'host', kind: 'hostPath' },
    ]);
  });

  test('defaults: default-scheduler, no node, escalation only when explicitly true', () => {
    const record = toPodRecord(pod({ spec: { containers: [{ name: 'a', securityContext: {} }] } }));
    assert.equal(record.schedulerName, 'default-scheduler');
    assert.equal(record.nodeName, null);
    assert.equal(record.containers[0]?.allowPrivilegeEscalation, false);
    assert.equal(record.owner, null);
  });

  const gpuCases: { rule: string; resources: Json; gpus: string[] }[] = [
    { rule: 'nvidia.com/gpu limit is a GPU', resources: { limits: { 'nvidia.com/gpu': '1' } }, gpus: ['nvidia.com/gpu'] },
    { rule: 'a zero GPU request is not a GPU', resources: { requests: { 'nvidia.com/gpu': '0' }, limits: { 'nvidia.com/gpu': '0' } }, gpus: [] },
    { rule: 'AMD GPUs count', resources: { limits: { 'amd.com/gpu': '2' } }, gpus: ['amd.com/gpu'] },
    { rule: 'AWS Neuron (Inferentia/Trainium) counts', resources: { limits: { 'aws.amazon.com/neuroncore': '2', 'aws.amazon.com/neuron': '1' } }, gpus: ['aws.amazon.com/neuroncore', 'aws.amazon.com/neuron'] },
    { rule: 'Habana Gaudi counts', resources: { limits: { 'habana.ai/gaudi': '1' } }, gpus: ['habana.ai/gaudi'] },
    { rule: 'cpu, memory and other extended resources do not', resources: { limits: { cpu: '1', memory: '1Gi', 'hugepages-2Mi': '1Gi', 'example.com/foo': '1' } }, gpus: [] },
  ];
  for (const c of gpuCases) {
    test(`gpus: ${c.rule}`, () => {
      const record = toPodRecord(pod({ spec: { containers: [{ name: 'a', resources: c.resources }] } }));
      assert.deepEqual(record.containers[0]?.gpus, c.gpus);
    });
  }

  test('required node affinity In values for arch and os; NotIn and preferred terms ignored', () => {
    const record = toPodRecord(
      pod({
        spec: {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  { matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] }] },
                  {
                    matchExpressions: [
                      { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64', 'amd64'] },
                      { key: 'kubernetes.io/os', operator: 'NotIn', values: ['windows'] },
                    ],
                  },
                ],
              },
              preferredDuringSchedulingIgnoredDuringExecution: [
                { weight: 1, preference: { matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['windows'] }] } },
              ],
            },
          },
        },
      }),
    );
    assert.deepEqual(record.affinityArch, ['arm64', 'amd64']);
    assert.deepEqual(record.affinityOs, []);
  });

  const applied = (labels: Json) => JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', labels } });
  const appliedCases: { rule: string; annotations?: Json; label: string | null; has: boolean }[] = [
    {
      rule: 'a profile label the user applied is reported',
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': applied({ 'eks.amazonaws.com/fargate-profile': 'fp-pinned' }) },
      label: 'fp-pinned',
      has: true,
    },
    {
      rule: 'last-applied without the label: null, but hasLastApplied',
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': applied({ app: 'web' }) },
      label: null,
      has: true,
    },
    { rule: 'no last-applied annotation at all', annotations: {}, label: null, has: false },
    {
      rule: 'broken last-applied JSON is ignored',
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"metadata":{"labels":{"eks.amazonaws.com/fargate-profile"' },
      label: null,
      has: true,
    },
  ];
  for (const c of appliedCases) {
    test(`appliedProfileLabel: ${c.rule}`, () => {
      const record = toPodRecord(pod({ metadata: { annotations: c.annotations, labels: { 'eks.amazonaws.com/fargate-profile': 'fp-webhook' } } }));
      assert.equal(record.appliedProfileLabel, c.label);
      assert.equal(record.hasLastApplied, c.has);
    });
  }

  test('the record shares no object with the parsed JSON (so the page can be freed)', () => {
    const raw = pod({
      metadata: { annotations: { a: 'b' } },
      spec: { nodeSelector: { x: 'y' }, containers: [{ name: 'a', resources: { requests: { cpu: '1' } }, securityContext: { capabilities: { add: ['X'] } } }] },
    });
    const seen = new Set<object>();
    const collect = (value: unknown) => {
      if (value && typeof value === 'object') {
        seen.add(value);
        for (const v of Object.values(value)) collect(v);
      }
    };
    collect(raw);
    const walk = (value: unknown, where: string) => {
      if (value && typeof value === 'object') {
        assert.ok(!seen.has(value), `record${where} is an object of the input`);
        for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`);
      }
    };
    walk(toPodRecord(raw), '');
  });
});

describe('other records', () => {
  const nodeCases: { rule: string; node: Json; fargate: boolean }[] = [
    { rule: 'the compute-type=fargate label marks a Fargate node', node: { metadata: { name: 'ip-10-0-0-1', labels: { 'eks.amazonaws.com/compute-type': 'fargate' } } }, fargate: true },
    { rule: 'a fargate- name prefix marks a Fargate node', node: { metadata: { name: 'fargate-ip-10-0-0-1.ec2.internal' } }, fargate: true },
    { rule: 'an EC2 node is not Fargate', node: { metadata: { name: 'ip-10-0-0-2.ec2.internal', labels: { 'kubernetes.io/arch': 'arm64' } } }, fargate: false },
  ];
  for (const c of nodeCases) {
    test(`node: ${c.rule}`, () => assert.equal(toNodeRecord(c.node).fargate, c.fargate));
  }

  test('node arch, os and zone come from the well-known labels', () => {
    const record = toNodeRecord({
      metadata: { name: 'n', labels: { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/os': 'linux', 'topology.kubernetes.io/zone': 'us-east-1a' } },
    });
    assert.deepEqual(record, { name: 'n', fargate: false, arch: 'amd64', os: 'linux', zone: 'us-east-1a', kubeletVersion: null });
  });

  test('namespace phase and creation time', () => {
    assert.deepEqual(toNamespaceRecord({ metadata: { name: 'dev', creationTimestamp: '2026-01-01T00:00:00Z' }, status: { phase: 'Terminating' } }), {
      name: 'dev',
      phase: 'Terminating',
      createdAt: Date.parse('2026-01-01T00:00:00Z'),
    });
  });

  test('pod events are kept with their source and last time', () => {
    const event = toEventRecord({
      metadata: { namespace: 'dev', name: 'web-1.123' },
      involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'dev' },
      reason: 'FailedScheduling',
      message: 'Pod not supported on Fargate: fields not supported: HostNetwork',
      type: 'Warning',
      count: 3,
      source: { component: 'fargate-scheduler' },
      lastTimestamp: '2026-01-02T00:00:00Z',
    });
    assert.deepEqual(event, {
      namespace: 'dev',
      podName: 'web-1',
      reason: 'FailedScheduling',
      message: 'Pod not supported on Fargate: fields not supported: HostNetwork',
      type: 'Warning',
      source: 'fargate-scheduler',
      count: 3,
      lastSeen: Date.parse('2026-01-02T00:00:00Z'),
    });
  });

  test('events about other kinds are dropped', () => {
    assert.equal(toEventRecord({ involvedObject: { kind: 'Node', name: 'n' }, reason: 'NodeReady' }), null);
  });

  test('events.k8s.io-style events fall back to eventTime and reportingController', () => {
    const event = toEventRecord({
      metadata: { namespace: 'dev' },
      involvedObject: { kind: 'Pod', name: 'p' },
      eventTime: '2026-01-03T00:00:00.000000Z',
      reportingController: 'default-scheduler',
    });
    assert.equal(event?.source, 'default-scheduler');
    assert.equal(event?.lastSeen, Date.parse('2026-01-03T00:00:00Z'));
    assert.equal(event?.namespace, 'dev');
  });

  test('claims: bound state, volume, StorageClass and the provisioner when the PVC shows it', () => {
    assert.deepEqual(
      toClaimRecord({
        metadata: { namespace: 'dev', name: 'data', annotations: { 'volume.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com' } },
        spec: { volumeName: 'pvc-1234', storageClassName: 'gp3' },
        status: { phase: 'Bound' },
      }),
      { namespace: 'dev', name: 'data', driver: 'ebs.csi.aws.com', bound: true, volumeName: 'pvc-1234', storageClassName: 'gp3' },
    );
    assert.deepEqual(toClaimRecord({ metadata: { namespace: 'dev', name: 'static' }, spec: { storageClassName: '' }, status: { phase: 'Pending' } }), {
      namespace: 'dev',
      name: 'static',
      driver: null,
      bound: false,
      volumeName: null,
      storageClassName: '',
    });
  });

  test('persistent volumes: the CSI driver, else the in-tree source', () => {
    const pv = (spec: object) => toPersistentVolumeRecord({ metadata: { name: 'pv-1' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], claimRef: { namespace: 'dev', name: 'data' }, ...spec } });
    assert.deepEqual(pv({ csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-0abc' } }), { name: 'pv-1', csiDriver: 'ebs.csi.aws.com', inTree: null });
    assert.deepEqual(pv({ csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-0abc::fsap-1' } }), { name: 'pv-1', csiDriver: 'efs.csi.aws.com', inTree: null });
    assert.deepEqual(pv({ awsElasticBlockStore: { volumeID: 'vol-0abc', fsType: 'ext4' } }), { name: 'pv-1', csiDriver: null, inTree: 'awsElasticBlockStore' });
    assert.deepEqual(pv({ nfs: { server: 'fs.local', path: '/' } }), { name: 'pv-1', csiDriver: null, inTree: 'nfs' });
    assert.deepEqual(pv({}), { name: 'pv-1', csiDriver: null, inTree: null });
  });

  test('storage classes: provisioner and the default-class annotation', () => {
    assert.deepEqual(
      toStorageClassRecord({ metadata: { name: 'gp3', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'ebs.csi.aws.com' }),
      { name: 'gp3', provisioner: 'ebs.csi.aws.com', isDefault: true },
    );
    assert.deepEqual(toStorageClassRecord({ metadata: { name: 'efs-sc' }, provisioner: 'efs.csi.aws.com' }), { name: 'efs-sc', provisioner: 'efs.csi.aws.com', isDefault: false });
  });

  test('owner templates: only the pod template labels and the controller of the workload (a ReplicaSet has its Deployment), with the kind they were listed as', () => {
    const rs = {
      metadata: { namespace: 'apps', name: 'api-5d4f8', labels: { app: 'api' }, ownerReferences: [{ kind: 'Deployment', name: 'api', controller: true }] },
      spec: { replicas: 2, template: { metadata: { labels: { app: 'api', 'pod-template-hash': '5d4f8' }, annotations: { a: 'b' } }, spec: { containers: [] } } },
    };
    assert.deepEqual(toTemplateRecord('ReplicaSet')(rs), { namespace: 'apps', kind: 'ReplicaSet', name: 'api-5d4f8', templateLabels: { app: 'api', 'pod-template-hash': '5d4f8' }, owner: { kind: 'Deployment', name: 'api' } });
    assert.deepEqual(toTemplateRecord('Job')({ metadata: { namespace: 'b', name: 'j' }, spec: {} }), { namespace: 'b', kind: 'Job', name: 'j', templateLabels: {}, owner: null });
  });
});
