// Node objects: the per-pod Fargate micro-VM nodes (spec §2.2) and the scenario's EC2 nodes.
import type { Ctx } from '../context.js';
import type { Obj } from '../kube/resources.js';
import { k8sTime } from '../time.js';
import { eksVersion } from './versions.js';

/** Every Fargate node carries it as a label (=fargate) and as a NoSchedule taint (spec §2.2). */
export const COMPUTE_TYPE_LABEL = 'eks.amazonaws.com/compute-type';
export const FARGATE_TAINT = { key: COMPUTE_TYPE_LABEL, value: 'fargate', effect: 'NoSchedule' };

/** us-east-1 uses ec2.internal; every other region <region>.compute.internal. */
export function dnsSuffix(region: string): string {
  return region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`;
}

export const hostName = (ip: string, region: string): string => `ip-${ip.replaceAll('.', '-')}.${dnsSuffix(region)}`;
export const fargateNodeName = (ip: string, region: string): string => `fargate-${hostName(ip, region)}`;

function hex(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rand() * 16).toString(16);
  return s;
}

const NODE_CONDITIONS = (now: string): Obj[] => [
  { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
  { type: 'DiskPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
  { type: 'PIDPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
  { type: 'Ready', status: 'True', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'KubeletReady', message: 'kubelet is posting ready status' },
];

function baseLabels(region: string, zone: string, host: string): Record<string, string> {
  return {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'failure-domain.beta.kubernetes.io/region': region,
    'failure-domain.beta.kubernetes.io/zone': zone,
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': host,
    'kubernetes.io/os': 'linux',
    'topology.kubernetes.io/region': region,
    'topology.kubernetes.io/zone': zone,
  };
}

/** A Fargate node runs the kubelet of the control-plane version at its creation (spec §2.5). */
export function fargateNode(ctx: Pick<Ctx, 'info' | 'rand' | 'clock'>, ip: string, zone: string): Obj {
  const { region } = ctx.info;
  const kubelet = eksVersion(ctx.info.version).kubelet;
  const name = fargateNodeName(ip, region);
  const host = hostName(ip, region);
  const now = k8sTime(ctx.clock.now());
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: { ...baseLabels(region, zone, host), 'eks.amazonaws.com/compute-type': 'fargate' },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec: { providerID: `aws:///${zone}/${hex(ctx.rand, 10)}-${hex(ctx.rand, 32)}/${name}`, taints: [{ ...FARGATE_TAINT }] },
    status: {
      capacity: { cpu: '2', 'ephemeral-storage': '30787492Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '3977908Ki', pods: '1' },
      allocatable: { cpu: '2', 'ephemeral-storage': '28373752581', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '3875508Ki', pods: '1' },
      conditions: NODE_CONDITIONS(now),
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'InternalDNS', address: host },
        { type: 'Hostname', address: host },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: hex(ctx.rand, 32),
        systemUUID: hex(ctx.rand, 32),
        bootID: hex(ctx.rand, 32),
        kernelVersion: '5.10.234-225.910.amzn2.x86_64',
        osImage: 'Amazon Linux 2',
        containerRuntimeVersion: 'containerd://1.7.27',
        kubeletVersion: kubelet,
        kubeProxyVersion: kubelet,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

export interface Ec2NodeSpec {
  name: string;
  ip: string;
  zone: string;
  instanceType?: string;
  nodegroup?: string;
  labels?: Record<string, string>;
  taints?: Obj[];
  /** Kubernetes minor of its kubelet (default: the control plane's when the node joined). */
  version?: string;
}

/** An EC2 node keeps its kubelet: upgrading node groups is outside the sim. */
export function ec2Node(ctx: Pick<Ctx, 'info' | 'rand' | 'clock'>, n: Ec2NodeSpec): Obj {
  const { region } = ctx.info;
  const kubelet = eksVersion(n.version ?? ctx.info.version).kubelet;
  const now = k8sTime(ctx.clock.now());
  const instanceType = n.instanceType ?? 'm5.large';
  const nodegroup = n.nodegroup ?? 'ng-default';
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels: {
        ...baseLabels(region, n.zone, n.name),
        'eks.amazonaws.com/capacityType': 'ON_DEMAND',
        'eks.amazonaws.com/nodegroup': nodegroup,
        'eks.amazonaws.com/nodegroup-image': 'ami-0c2f3d2c6a7f1e3b4',
        'node.kubernetes.io/instance-type': instanceType,
        'beta.kubernetes.io/instance-type': instanceType,
        ...n.labels,
      },
      annotations: { 'alpha.kubernetes.io/provided-node-ip': n.ip, 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec: { providerID: `aws:///${n.zone}/i-0${hex(ctx.rand, 16)}`, ...(n.taints === undefined ? {} : { taints: n.taints }) },
    status: {
      capacity: { cpu: '2', 'ephemeral-storage': '20959212Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '7824316Ki', pods: '29' },
      allocatable: { cpu: '1930m', 'ephemeral-storage': '18242267924', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '7134140Ki', pods: '29' },
      conditions: NODE_CONDITIONS(now),
      addresses: [
        { type: 'InternalIP', address: n.ip },
        { type: 'InternalDNS', address: n.name },
        { type: 'Hostname', address: n.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: hex(ctx.rand, 32),
        systemUUID: hex(ctx.rand, 32),
        bootID: hex(ctx.rand, 32),
        kernelVersion: '6.1.132-147.221.amzn2023.x86_64',
        osImage: 'Amazon Linux 2023.7.20250414',
        containerRuntimeVersion: 'containerd://1.7.27',
        kubeletVersion: kubelet,
        kubeProxyVersion: kubelet,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

export const isFargateNode = (node: Obj | undefined): boolean => node?.metadata?.labels?.['eks.amazonaws.com/compute-type'] === 'fargate';
