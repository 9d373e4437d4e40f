// One-line builders for domain test cases.
import type {
  ContainerRecord,
  NodeRecord,
  PersistentVolumeClaimRecord,
  PlacementContext,
  PodRecord,
  Profile,
  ProfileStatus,
  Selector,
} from '../../source/domain/types.js';

export function container(o: Partial<ContainerRecord> = {}): ContainerRecord {
  return {
    name: 'app',
    image: 'nginx:1.27',
    requests: {},
    limits: {},
    gpus: [],
    privileged: false,
    allowPrivilegeEscalation: false,
    addedCapabilities: [],
    hostPorts: [],
    ...o,
  };
}

export const EC2_NODE = 'ip-10-0-0-1.ec2.internal';
export const FARGATE_NODE = 'fargate-ip-10-0-1-1.ec2.internal';

export function pod(o: Partial<PodRecord> = {}): PodRecord {
  return {
    namespace: 'default',
    name: 'p',
    uid: 'uid-p',
    resourceVersion: '1',
    createdAt: 1_000,
    labels: {},
    phase: 'Running',
    status: 'Running',
    ready: true,
    restarts: 0,
    deleting: false,
    nodeName: EC2_NODE,
    schedulerName: 'default-scheduler',
    owner: null,
    hostNetwork: false,
    hostPID: false,
    hostIPC: false,
    nodeSelector: {},
    affinityArch: [],
    affinityOs: [],
    containers: [container()],
    initContainers: [],
    volumes: [],
    capacityProvisioned: null,
    computeTypeAnnotation: null,
    appliedProfileLabel: null,
    hasLastApplied: false,
    ...o,
  };
}

/** A pod EKS admitted to Fargate under `profile` and that runs there. */
export function fargatePod(profileName: string, o: Partial<PodRecord> = {}): PodRecord {
  const { labels, ...rest } = o;
  return pod({
    nodeName: FARGATE_NODE,
    schedulerName: 'fargate-scheduler',
    labels: { ...labels, 'eks.amazonaws.com/fargate-profile': profileName },
    ...rest,
  });
}

/** `selectors` may be a namespace pattern for the common one-selector case. */
export function profile(
  name: string,
  selectors: Selector[] | string,
  status: ProfileStatus = 'ACTIVE',
  o: Partial<Profile> = {},
): Profile {
  return {
    name,
    status,
    selectors: typeof selectors === 'string' ? [{ namespace: selectors }] : selectors,
    subnets: ['subnet-1'],
    podExecutionRoleArn: 'arn:aws:iam::111122223333:role/FargatePodExecRole',
    source: 'eks',
    ...o,
  };
}

export function node(name: string, fargate: boolean): NodeRecord {
  return { name, fargate, arch: 'amd64', os: 'linux', zone: 'us-east-1a' };
}

export function claim(name: string, driver: string | null, bound = true, namespace = 'default'): PersistentVolumeClaimRecord {
  return { namespace, name, driver, bound };
}

export function ctx(profiles: Profile[], o: Partial<PlacementContext> = {}): PlacementContext {
  return {
    profiles,
    profilesKnown: true,
    nodes: new Map([
      [EC2_NODE, node(EC2_NODE, false)],
      [FARGATE_NODE, node(FARGATE_NODE, true)],
    ]),
    ...o,
  };
}
