// The scene: a hand-filled ClusterStore at a fixed moment (NOW) holding one pod for every verdict
// the faces show, plus an optional --profiles-file profile, so view, view-model and TUI tests need
// no sim and no network. Its builders are records.ts's, placed in the scene as documented on each.
import type { EventRecord, PodRecord, Profile, Selector } from '../../source/domain/types.js';
import { ClusterStore } from '../../source/store/cluster-store.js';
import { clusterIdentity, container, event, node, pod, profile } from './records.js';

export const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const HOUR = 3_600_000;

export const SCENE_EC2_NODE = 'ip-10-0-1-5.ec2.internal';
export const SCENE_FARGATE_NODE_A = 'fargate-ip-10-0-2-7.ec2.internal';
export const SCENE_FARGATE_NODE_B = 'fargate-ip-10-0-2-8.ec2.internal';
/** The kubelet of the scene's Fargate nodes. */
export const SCENE_KUBELET = 'v1.33.5-eks-ecaa3a6';

/** The scene's containers request 250m CPU and 256Mi memory (the smallest Fargate size). */
const sceneContainer = () => container({ requests: { cpu: '250m', memory: '256Mi' } });

let uid = 0;
/**
 * pod() as namespace/name with a unique uid, created 5 h before NOW, running on SCENE_EC2_NODE
 * with one container requesting 250m/256Mi.
 */
export function scenePod(namespace: string, name: string, o: Partial<PodRecord> = {}): PodRecord {
  uid++;
  return pod({ namespace, name, uid: `uid-${uid}`, createdAt: NOW - 5 * HOUR, nodeName: SCENE_EC2_NODE, containers: [sceneContainer()], ...o });
}

/** scenePod() admitted to Fargate under `profileName`: on SCENE_FARGATE_NODE_A, sized 0.25vCPU 0.5GB. */
export function sceneFargatePod(namespace: string, name: string, profileName: string, o: Partial<PodRecord> = {}): PodRecord {
  const { labels, ...rest } = o;
  return scenePod(namespace, name, {
    nodeName: SCENE_FARGATE_NODE_A,
    schedulerName: 'fargate-scheduler',
    labels: { ...labels, 'eks.amazonaws.com/fargate-profile': profileName },
    capacityProvisioned: '0.25vCPU 0.5GB',
    ...rest,
  });
}

/** profile() (ACTIVE unless `o.status`) created 24 h before NOW, in two subnets. */
export function sceneProfile(name: string, selectors: Selector[], o: Partial<Profile> = {}): Profile {
  return profile(name, selectors, o.status ?? 'ACTIVE', {
    subnets: ['subnet-0a1', 'subnet-0b2'],
    podExecutionRoleArn: 'arn:aws:iam::111122223333:role/eks-fargate-pods',
    createdAt: NOW - 24 * HOUR,
    ...o,
  });
}

/** event() seen a minute before NOW. */
export function sceneEvent(namespace: string, podName: string, o: Partial<EventRecord> = {}): EventRecord {
  return event(namespace, podName, { lastSeen: NOW - 60_000, ...o });
}

export const SCENE_PROFILES: Profile[] = [
  sceneProfile('fp-default', [{ namespace: 'default' }]),
  // Created AFTER the `test` pod: that pod still runs on EC2 and needs a reschedule.
  sceneProfile('fp-test', [{ namespace: 'test', labels: { app: 'te*' } }], { createdAt: NOW - 2 * HOUR }),
  sceneProfile('fp-prod', [{ namespace: 'prod*' }]),
];

/** A --profiles-file proposal: would capture the `batch` namespace. */
export const SCENE_FILE_PROFILE = sceneProfile('fp-batch', [{ namespace: 'batch' }], { source: 'file', file: 'profiles.yaml', createdAt: undefined });

export interface SceneOptions {
  batchMs?: number;
  now?: () => number;
  withFileProfile?: boolean;
}

/**
 * The scene's store (context demo-ctx, cluster demo): namespaces default, test, prod, batch and
 * kube-system; one EC2 and two Fargate nodes; SCENE_PROFILES read 10 s before NOW; the
 * connection live, last updated 3 s before NOW; a batch window of 1 ms unless `batchMs`.
 */
export function sceneStore(options: SceneOptions = {}): ClusterStore {
  // Filled "a minute ago" so no row is marked as just changed, unless a test changes it.
  let clock = NOW - 60_000;
  const store = new ClusterStore(clusterIdentity({ context: 'demo-ctx' }), options.batchMs ?? 1, options.now ?? (() => clock));
  for (const name of ['default', 'test', 'prod', 'batch', 'kube-system']) store.upsert('namespaces', { name, phase: 'Active', createdAt: NOW - 48 * HOUR });
  store.upsert('nodes', node(SCENE_EC2_NODE, false));
  // Fargate nodes report their kubelet, as on EKS; the control plane's version stays unread (nothing is outdated).
  store.upsert('nodes', { ...node(SCENE_FARGATE_NODE_A, true), kubeletVersion: SCENE_KUBELET });
  store.upsert('nodes', { ...node(SCENE_FARGATE_NODE_B, true), kubeletVersion: SCENE_KUBELET });

  store.upsert('pods', scenePod('test', 'test', { labels: { app: 'test' }, createdAt: NOW - 5 * HOUR }));
  store.upsert('pods', sceneFargatePod('default', 'web-1', 'fp-default', { owner: { kind: 'ReplicaSet', name: 'web-7d9f8c6b5' } }));
  store.upsert('pods', sceneFargatePod('default', 'web-2', 'fp-default', { nodeName: SCENE_FARGATE_NODE_B, createdAt: NOW - HOUR, owner: { kind: 'ReplicaSet', name: 'web-7d9f8c6b5' } }));
  store.upsert(
    'pods',
    scenePod('prod', 'priv', {
      nodeName: null,
      phase: 'Pending',
      status: 'Pending',
      ready: false,
      schedulerName: 'fargate-scheduler',
      labels: { 'eks.amazonaws.com/fargate-profile': 'fp-prod' },
      containers: [{ ...sceneContainer(), privileged: true }],
    }),
  );
  store.upsert('pods', sceneFargatePod('prod', 'api-0', 'fp-prod', { nodeName: null, phase: 'Pending', status: 'Pending', ready: false, capacityProvisioned: null }));
  store.upsert('pods', scenePod('kube-system', 'coredns-1', { nodeName: null, phase: 'Pending', status: 'Pending', ready: false }));
  store.upsert('pods', scenePod('batch', 'backup-29001', { phase: 'Succeeded', status: 'Completed', ready: false, owner: { kind: 'Job', name: 'backup-29001440' } }));
  store.upsert('pods', scenePod('batch', 'worker', { owner: { kind: 'ReplicaSet', name: 'worker-5c8d7f9b4' } }));

  store.addEvent(sceneEvent('prod', 'priv', { message: 'Pod not supported on Fargate: invalid SecurityContext fields: Privileged', count: 3 }));
  store.addEvent(sceneEvent('default', 'web-1', { reason: 'Scheduled', type: 'Normal', message: `Successfully assigned default/web-1 to ${SCENE_FARGATE_NODE_A}`, lastSeen: NOW - 5 * HOUR }));

  store.setLiveProfiles(SCENE_PROFILES, { state: 'ok', message: null, fetchedAt: NOW - 10_000, stale: false });
  if (options.withFileProfile) store.setFileProfiles([SCENE_FILE_PROFILE]);
  clock = NOW;
  store.setConnection({ state: 'live', message: null, lastUpdateAt: NOW - 3_000 });
  return store;
}

/**
 * sceneStore() plus `count` pods in 100 namespaces (a third on Fargate), added with one
 * replaceAll as the reflector's initial list does, so no row is marked as just changed.
 */
export function sceneStoreWithPods(count: number, options: SceneOptions = {}): ClusterStore {
  const store = sceneStore(options);
  const pods: PodRecord[] = [...store.getSnapshot().pods.values()];
  for (let i = 0; i < count; i++) {
    const namespace = `ns-${String(i % 100).padStart(2, '0')}`;
    const name = `pod-${String(i).padStart(5, '0')}`;
    pods.push(i % 3 === 0 ? sceneFargatePod(namespace, name, 'fp-prod') : scenePod(namespace, name, { labels: { app: `a${i % 7}` } }));
  }
  store.replaceAll('pods', pods);
  store.flush();
  return store;
}
