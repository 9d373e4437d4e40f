// A hand-filled ClusterStore covering every verdict the TUI colours, plus a --profiles-file
// profile, so component tests need no sim and no network.
import type { ContainerRecord, EventRecord, NodeRecord, PodRecord, Profile, Selector } from '../../source/domain/types.js';
import { ClusterStore } from '../../source/store/cluster-store.js';
import { container as baseContainer, pod as basePod } from '../domain/fixtures.js';

export const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const HOUR = 3_600_000;

export const EC2_NODE = 'ip-10-0-1-5.ec2.internal';
export const FARGATE_NODE_A = 'fargate-ip-10-0-2-7.ec2.internal';
export const FARGATE_NODE_B = 'fargate-ip-10-0-2-8.ec2.internal';

export function container(o: Partial<ContainerRecord> = {}): ContainerRecord {
  return baseContainer({ requests: { cpu: '250m', memory: '256Mi' }, ...o });
}

let uid = 0;
/** The domain tests' pod, placed in a namespace, with a unique uid and an age. */
export function pod(namespace: string, name: string, o: Partial<PodRecord> = {}): PodRecord {
  uid++;
  return basePod({
    namespace,
    name,
    uid: `uid-${uid}`,
    createdAt: NOW - 5 * HOUR,
    nodeName: EC2_NODE,
    containers: [container()],
    ...o,
  });
}

export function fargatePod(namespace: string, name: string, profileName: string, o: Partial<PodRecord> = {}): PodRecord {
  const { labels, ...rest } = o;
  return pod(namespace, name, {
    nodeName: FARGATE_NODE_A,
    schedulerName: 'fargate-scheduler',
    labels: { ...labels, 'eks.amazonaws.com/fargate-profile': profileName },
    capacityProvisioned: '0.25vCPU 0.5GB',
    ...rest,
  });
}

export function profile(name: string, selectors: Selector[], o: Partial<Profile> = {}): Profile {
  return {
    name,
    status: 'ACTIVE',
    selectors,
    subnets: ['subnet-0a1', 'subnet-0b2'],
    podExecutionRoleArn: 'arn:aws:iam::111122223333:role/eks-fargate-pods',
    source: 'eks',
    createdAt: NOW - 24 * HOUR,
    ...o,
  };
}

const node = (name: string, fargate: boolean): NodeRecord => ({ name, fargate, arch: 'amd64', os: 'linux', zone: 'us-east-1a' });

export function event(namespace: string, podName: string, o: Partial<EventRecord> = {}): EventRecord {
  return { namespace, podName, reason: 'FailedScheduling', message: '', type: 'Warning', source: 'fargate-scheduler', count: 1, lastSeen: NOW - 60_000, ...o };
}

export const LIVE_PROFILES: Profile[] = [
  profile('fp-default', [{ namespace: 'default' }]),
  // Created AFTER the `test` pod: that pod still runs on EC2 and needs a reschedule.
  profile('fp-test', [{ namespace: 'test', labels: { app: 'te*' } }], { createdAt: NOW - 2 * HOUR }),
  profile('fp-prod', [{ namespace: 'prod*' }]),
];

/** A --profiles-file proposal: would capture the `batch` namespace. */
export const FILE_PROFILE = profile('fp-batch', [{ namespace: 'batch' }], { source: 'file', file: 'profiles.yaml', createdAt: undefined });

export interface FixtureOptions {
  batchMs?: number;
  now?: () => number;
  withFileProfile?: boolean;
}

export function fixtureStore(options: FixtureOptions = {}): ClusterStore {
  // Filled "a minute ago" so no row is marked as just changed, unless a test changes it.
  let clock = NOW - 60_000;
  const store = new ClusterStore(
    {
      context: 'demo-ctx',
      clusterName: 'demo',
      region: 'us-east-1',
      accountId: '111122223333',
      awsProfile: null,
      roleArn: null,
      inferredFrom: 'arn',
    },
    options.batchMs ?? 1,
    options.now ?? (() => clock),
  );
  for (const name of ['default', 'test', 'prod', 'batch', 'kube-system']) store.upsert('namespaces', { name, phase: 'Active', createdAt: NOW - 48 * HOUR });
  store.upsert('nodes', node(EC2_NODE, false));
  store.upsert('nodes', node(FARGATE_NODE_A, true));
  store.upsert('nodes', node(FARGATE_NODE_B, true));

  store.upsert('pods', pod('test', 'test', { labels: { app: 'test' }, createdAt: NOW - 5 * HOUR }));
  store.upsert('pods', fargatePod('default', 'web-1', 'fp-default', { owner: { kind: 'ReplicaSet', name: 'web-7d9f8c6b5' } }));
  store.upsert('pods', fargatePod('default', 'web-2', 'fp-default', { nodeName: FARGATE_NODE_B, createdAt: NOW - HOUR, owner: { kind: 'ReplicaSet', name: 'web-7d9f8c6b5' } }));
  store.upsert(
    'pods',
    pod('prod', 'priv', {
      nodeName: null,
      phase: 'Pending',
      status: 'Pending',
      ready: false,
      schedulerName: 'fargate-scheduler',
      labels: { 'eks.amazonaws.com/fargate-profile': 'fp-prod' },
      containers: [container({ privileged: true })],
    }),
  );
  store.upsert('pods', fargatePod('prod', 'api-0', 'fp-prod', { nodeName: null, phase: 'Pending', status: 'Pending', ready: false, capacityProvisioned: null }));
  store.upsert('pods', pod('kube-system', 'coredns-1', { nodeName: null, phase: 'Pending', status: 'Pending', ready: false }));
  store.upsert('pods', pod('batch', 'backup-29001', { phase: 'Succeeded', status: 'Completed', ready: false, owner: { kind: 'Job', name: 'backup-29001440' } }));
  store.upsert('pods', pod('batch', 'worker', { owner: { kind: 'ReplicaSet', name: 'worker-5c8d7f9b4' } }));

  store.addEvent(event('prod', 'priv', { message: 'Pod not supported on Fargate: invalid SecurityContext fields: Privileged', count: 3 }));
  store.addEvent(event('default', 'web-1', { reason: 'Scheduled', type: 'Normal', message: `Successfully assigned default/web-1 to ${FARGATE_NODE_A}`, lastSeen: NOW - 5 * HOUR }));

  store.setLiveProfiles(LIVE_PROFILES, { state: 'ok', message: null, fetchedAt: NOW - 10_000, stale: false });
  if (options.withFileProfile) store.setFileProfiles([FILE_PROFILE]);
  clock = NOW;
  store.setConnection({ state: 'live', message: null, lastUpdateAt: NOW - 3_000 });
  return store;
}

/**
 * The fixture store plus `count` pods in 100 namespaces (a third on Fargate), added with one
 * replaceAll as the reflector's initial list does, so no row is marked as just changed.
 */
export function storeWithPods(count: number, options: FixtureOptions = {}): ClusterStore {
  const store = fixtureStore(options);
  const pods: PodRecord[] = [...store.getSnapshot().pods.values()];
  for (let i = 0; i < count; i++) {
    const namespace = `ns-${String(i % 100).padStart(2, '0')}`;
    const name = `pod-${String(i).padStart(5, '0')}`;
    pods.push(i % 3 === 0 ? fargatePod(namespace, name, 'fp-prod') : pod(namespace, name, { labels: { app: `a${i % 7}` } }));
  }
  store.replaceAll('pods', pods);
  store.flush();
  return store;
}
