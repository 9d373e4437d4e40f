// One-line builders for the records of source/domain/types.ts, for table-driven tests. Every
// builder starts from the plainest record its doc names and takes overrides, so a test case
// shows only what matters to its rule. (test/helpers/scene.ts places them in a ready-made store.)
import type {
  ContainerRecord,
  EventRecord,
  NodeRecord,
  PersistentVolumeClaimRecord,
  PlacementContext,
  PodRecord,
  Profile,
  ProfileStatus,
  Selector,
} from '../../source/domain/types.js';
import type { ClusterIdentity } from '../../source/store/snapshot.js';

export const EC2_NODE = 'ip-10-0-0-1.ec2.internal';
export const FARGATE_NODE = 'fargate-ip-10-0-1-1.ec2.internal';

/** Container `app`, image nginx:1.27, no requests or limits, no GPU, nothing privileged, no host port. */
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

/**
 * Pod default/p (uid `uid-p`, created at 1 000 ms), Running and ready on EC2_NODE through the
 * default scheduler: no labels, no owner, no host namespaces, no node selector or affinity, one
 * container(), no volumes, no Fargate annotations and no last-applied configuration.
 */
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

/**
 * pod(), admitted to Fargate under `profileName` and running there: on FARGATE_NODE through the
 * fargate-scheduler, with the profile label EKS's webhook sets (added to `o.labels`).
 */
export function fargatePod(profileName: string, o: Partial<PodRecord> = {}): PodRecord {
  const { labels, ...rest } = o;
  return pod({
    nodeName: FARGATE_NODE,
    schedulerName: 'fargate-scheduler',
    labels: { ...labels, 'eks.amazonaws.com/fargate-profile': profileName },
    ...rest,
  });
}

/**
 * An EKS profile (ACTIVE unless `status` says otherwise) in subnet-1 with a pod execution role and
 * no creation time. `selectors` may be a namespace pattern for the common one-selector case.
 */
export function profile(name: string, selectors: Selector[] | string, status: ProfileStatus = 'ACTIVE', o: Partial<Profile> = {}): Profile {
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

/** A linux/amd64 node in us-east-1a; `fargate` says whether it is a Fargate node. */
export function node(name: string, fargate: boolean): NodeRecord {
  return { name, fargate, arch: 'amd64', os: 'linux', zone: 'us-east-1a' };
}

/** A claim provisioned by `driver` (null: not dynamically provisioned), bound unless said otherwise. */
export function claim(name: string, driver: string | null, bound = true, namespace = 'default'): PersistentVolumeClaimRecord {
  return { namespace, name, driver, bound };
}

/** A Warning FailedScheduling event from the fargate-scheduler about `podName`, seen once at 0 ms, no message. */
export function event(namespace: string, podName: string, o: Partial<EventRecord> = {}): EventRecord {
  return { namespace, podName, reason: 'FailedScheduling', message: '', type: 'Warning', source: 'fargate-scheduler', count: 1, lastSeen: 0, ...o };
}

/** What the placement engine sees besides the pod: these profiles (known), and EC2_NODE and FARGATE_NODE. */
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

/** EKS cluster demo in us-east-1 of account 111122223333, read from the context's ARN, no AWS profile or role. */
export function clusterIdentity(o: Partial<ClusterIdentity> = {}): ClusterIdentity {
  return {
    context: 'arn:aws:eks:us-east-1:111122223333:cluster/demo',
    clusterName: 'demo',
    region: 'us-east-1',
    accountId: '111122223333',
    awsProfile: null,
    roleArn: null,
    inferredFrom: 'arn',
    ...o,
  };
}

export const IDENTITY: ClusterIdentity = clusterIdentity();
