// A cluster ten days after its control plane went from 1.32 to 1.33 with nothing recycled: the
// Fargate pods started before still run 1.32 kubelets (each Fargate node keeps the kubelet it was
// created with, spec §2.5), so EKS refuses the next upgrade until they are re-created. Among the
// old ones: bare pods, a one-replica and a three-replica Deployment, a StatefulSet and a running
// Job. Newer pods (and a Deployment restarted after the upgrade) run 1.33. EC2 nodes keep 1.32:
// node groups are outside the Fargate rule. Expected outcomes: AFTER_UPGRADE_EXPECTED.
import { applied, container, deployment, job, pod, statefulSet } from './manifests.js';
import type { Scenario } from './types.js';

const NGINX = 'public.ecr.aws/nginx/nginx:1.27';
const BUSYBOX = 'public.ecr.aws/docker/library/busybox:1.36';

const hello = applied(pod('default', 'hello', { labels: { app: 'hello' }, containers: [container({ name: 'hello', image: NGINX, cpu: '100m', memory: '128Mi' })] }));
const toolbox = pod('shop', 'toolbox', { labels: { run: 'toolbox' }, containers: [container({ name: 'toolbox', image: BUSYBOX, args: ['sleep', 'infinity'] })] });
const debug = pod('default', 'debug', { labels: { run: 'debug' }, containers: [container({ name: 'debug', image: BUSYBOX, args: ['sleep', 'infinity'] })] });

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

const checkout = deployment('shop', 'checkout', {
  replicas: 2,
  labels: { app: 'checkout' },
  containers: [container({ name: 'checkout', image: 'public.ecr.aws/example/checkout:3.1.0', cpu: '500m', memory: '1Gi', ports: [8443] })],
});

// No volume claims: EBS claims would keep it off Fargate.
const sessions = statefulSet('shop', 'sessions', {
  replicas: 2,
  labels: { app: 'sessions' },
  containers: [container({ name: 'redis', image: 'public.ecr.aws/docker/library/redis:7.2', cpu: '250m', memory: '512Mi', ports: [6379] })],
});

const backfill = job('batch', 'backfill', { labels: { app: 'backfill' }, containers: [container({ name: 'backfill', image: BUSYBOX, args: ['sleep', 'infinity'] })] });

const legacyApi = deployment('legacy', 'legacy-api', {
  replicas: 2,
  labels: { app: 'legacy-api' },
  containers: [container({ name: 'api', image: 'public.ecr.aws/example/legacy-api:0.9', cpu: '200m', memory: '256Mi' })],
});

export const afterUpgrade: Scenario = {
  name: 'after-upgrade',
  description: 'The control plane went from 1.32 to 1.33 ten days ago and nothing was recycled: old Fargate pods still run 1.32 kubelets, so EKS refuses 1.34.',
  version: '1.32',
  nodes: [
    { name: 'ip-10-0-1-23.ec2.internal', ip: '10.0.1.23', zone: 'us-east-1a', ago: '120d' },
    { name: 'ip-10-0-2-45.ec2.internal', ip: '10.0.2.45', zone: 'us-east-1b', ago: '120d' },
  ],
  steps: [
    { ago: '120d', note: 'cluster created on 1.32', namespaces: ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'shop', 'batch', 'legacy'] },
    {
      ago: '90d',
      profiles: [
        { name: 'fp-batch', selectors: [{ namespace: 'batch' }] },
        { name: 'fp-default', selectors: [{ namespace: 'default' }] },
        { name: 'fp-shop', selectors: [{ namespace: 'shop' }] },
      ],
    },
    { ago: '30d', note: 'workloads started on 1.32 kubelets', apply: [hello, toolbox, cart, catalog, search, sessions, backfill, legacyApi] },
    { ago: '10d', note: 'the control plane is upgraded to 1.33; nothing is recycled', upgrade: '1.33' },
    {
      ago: '5d',
      note: 'after the upgrade: new workloads, and search restarted (its pods move to 1.33 kubelets)',
      apply: [checkout, debug],
      patch: [{ kind: 'Deployment', namespace: 'shop', name: 'search', patch: { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-01-10T09:00:00Z' } } } } } }],
    },
  ],
};
