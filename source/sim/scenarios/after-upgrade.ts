// A cluster ten days after its control plane went from 1.32 to 1.33 with nothing recycled: the
// Fargate pods started before still run 1.32 kubelets (each Fargate node keeps the kubelet it was
// created with, spec §2.5), so EKS refuses the next upgrade until they are re-created. Among the
// old ones: bare pods, a one-replica and a three-replica Deployment, a StatefulSet and a running
// Job. Newer pods (and a Deployment restarted after the upgrade) run 1.33. EC2 nodes keep 1.32:
// node groups are outside the Fargate rule. Expected outcomes: AFTER_UPGRADE_EXPECTED.
import { container, deployment, job, statefulSet } from './manifests.js';
import { checkout, ec2Nodes, hello, legacyApi, rolloutRestart, runPod, sleeper, SYSTEM_NAMESPACES } from './shared.js';
import type { Scenario } from './types.js';

const toolbox = runPod('shop', 'toolbox');
const debug = runPod('default', 'debug');

const cart = deployment('shop', 'cart', {
  replicas: 1,
  labels: { app: 'cart' },
  containers: [container({ name: 'cart', image: 'public.ecr.aws/example/cart:2.0', cpu: '250m', memory: '512Mi', ports: [8080] })],
});

const catalog = deployment('shop', 'catalog', {
  replicas: 3,
  labels: { app: 'catalog' },
  containers: [container({ name: 'catalog', image: 'public.ecr.aws/example/catalog:4.2', cpu: '500m', memory: '1Gi', ports: [8080] })],
});

const search = deployment('shop', 'search', {
  replicas: 2,
  labels: { app: 'search' },
  containers: [container({ name: 'search', image: 'public.ecr.aws/example/search:1.9', cpu: '500m', memory: '1Gi' })],
});

// No volume claims: EBS claims would keep it off Fargate.
const sessions = statefulSet('shop', 'sessions', {
  replicas: 2,
  labels: { app: 'sessions' },
  containers: [container({ name: 'redis', image: 'public.ecr.aws/docker/library/redis:7.2', cpu: '250m', memory: '512Mi', ports: [6379] })],
});

const backfill = job('batch', 'backfill', { labels: { app: 'backfill' }, containers: [sleeper('backfill')] });

export const afterUpgrade: Scenario = {
  name: 'after-upgrade',
  description: 'The control plane went from 1.32 to 1.33 ten days ago and nothing was recycled: old Fargate pods still run 1.32 kubelets, so EKS refuses 1.34.',
  version: '1.32',
  nodes: ec2Nodes(2, '120d'),
  steps: [
    { ago: '120d', note: 'cluster created on 1.32', namespaces: [...SYSTEM_NAMESPACES, 'shop', 'batch', 'legacy'] },
    {
      ago: '90d',
      profiles: [
        { name: 'fp-batch', selectors: [{ namespace: 'batch' }] },
        { name: 'fp-default', selectors: [{ namespace: 'default' }] },
        { name: 'fp-shop', selectors: [{ namespace: 'shop' }] },
      ],
    },
    { ago: '30d', note: 'workloads started on 1.32 kubelets', apply: [hello(), toolbox, cart, catalog, search, sessions, backfill, legacyApi()] },
    { ago: '10d', note: 'the control plane is upgraded to 1.33; nothing is recycled', upgrade: '1.33' },
    {
      ago: '5d',
      note: 'after the upgrade: new workloads, and search restarted (its pods move to 1.33 kubelets)',
      apply: [checkout('shop'), debug],
      patch: [rolloutRestart('shop', 'search', '2026-01-10T09:00:00Z')],
    },
  ],
};
