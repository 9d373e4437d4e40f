// The demo cluster: every placement case the tool explains, produced by replaying a plausible
// history through the simulated EKS rules. Expected outcomes are listed in WALKTHROUGH_EXPECTED.
import { PROFILE_LABEL } from '../../domain/types.js';
import { applied, container, daemonSet, deployment, job, pdb, pod, statefulSet } from './manifests.js';
import { BUSYBOX, checkout, ec2Nodes, hello, legacyApi, NGINX, rolloutRestart, sleeper, SYSTEM_NAMESPACES } from './shared.js';
import type { Scenario } from './types.js';

const awsNode = daemonSet('kube-system', 'aws-node', {
  labels: { 'k8s-app': 'aws-node' },
  containers: [
    container({ name: 'aws-node', image: '602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon-k8s-cni:v1.19.2-eksbuild.1', cpu: '25m', securityContext: { capabilities: { add: ['NET_ADMIN', 'NET_RAW'] } } }),
  ],
  podSpec: {
    hostNetwork: true,
    priorityClassName: 'system-node-critical',
    serviceAccountName: 'aws-node',
    tolerations: [{ operator: 'Exists' }],
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'eks.amazonaws.com/compute-type', operator: 'NotIn', values: ['fargate'] }] }] } } },
  },
});

const kubeProxy = daemonSet('kube-system', 'kube-proxy', {
  labels: { 'k8s-app': 'kube-proxy' },
  containers: [container({ name: 'kube-proxy', image: '602401143452.dkr.ecr.us-east-1.amazonaws.com/eks/kube-proxy:v1.32.0-minimal-eksbuild.2', cpu: '100m', securityContext: { privileged: true } })],
  podSpec: { hostNetwork: true, priorityClassName: 'system-node-critical', tolerations: [{ operator: 'Exists' }], volumes: [{ name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } }] },
});

const coredns = deployment('kube-system', 'coredns', {
  replicas: 2,
  labels: { 'k8s-app': 'kube-dns', 'eks.amazonaws.com/component': 'coredns' },
  containers: [container({ name: 'coredns', image: '602401143452.dkr.ecr.us-east-1.amazonaws.com/eks/coredns:v1.11.4-eksbuild.2', cpu: '100m', memory: '70Mi', limits: { memory: '170Mi' }, ports: [53, 9153] })],
  podSpec: { priorityClassName: 'system-cluster-critical', serviceAccountName: 'coredns' },
});

const web = deployment('default', 'web', {
  replicas: 3,
  labels: { app: 'web' },
  containers: [container({ name: 'nginx', image: NGINX, cpu: '250m', memory: '512Mi', limits: { cpu: '250m', memory: '512Mi' }, ports: [80] })],
});

const locked = deployment('default', 'locked', {
  replicas: 2,
  labels: { app: 'locked' },
  containers: [sleeper('app')],
});

const nodeDebugger = pod('default', 'node-debugger', {
  labels: { app: 'node-debugger' },
  containers: [container({ name: 'debug', image: BUSYBOX, args: ['sleep', '3600'], securityContext: { privileged: true } })],
});

const testPod = pod('test', 'test', { labels: { run: 'test' }, containers: [container({ name: 'test', image: NGINX })], spec: { restartPolicy: 'Always' } });

const api = deployment('apps', 'api', {
  replicas: 2,
  labels: { app: 'api', tier: 'frontend' },
  containers: [container({ name: 'api', image: 'public.ecr.aws/example/api:2.4.1', cpu: '500m', memory: '1Gi', limits: { cpu: '500m', memory: '1Gi' }, ports: [8080], env: { LOG_LEVEL: 'info' } })],
});

const worker = deployment('apps', 'worker', {
  replicas: 1,
  labels: { app: 'worker', tier: 'backend' },
  containers: [container({ name: 'worker', image: 'public.ecr.aws/example/worker:2.4.1', cpu: '1', memory: '2Gi', limits: { cpu: '1', memory: '2Gi' } })],
});

const pinnedB = applied(
  pod('apps', 'pinned-b', {
    labels: { app: 'pinned', [PROFILE_LABEL]: 'fp-apps-b' },
    containers: [container({ name: 'app', image: NGINX, cpu: '250m', memory: '256Mi' })],
  }),
);

const ec2Pinned = pod('apps', 'ec2-pinned', {
  labels: { app: 'ec2-pinned' },
  annotations: { 'eks.amazonaws.com/compute-type': 'ec2' },
  containers: [container({ name: 'app', image: NGINX, cpu: '250m', memory: '256Mi' })],
});

const report = job('batch-nightly', 'report', { labels: { app: 'report' }, containers: [container({ name: 'report', image: 'public.ecr.aws/example/report:1.0', cpu: '500m', memory: '1Gi' })] });

// maxSurge 100%: a rollout starts every new pod at once (both end up Pending in the story below).
const paymentsCheckout = checkout('payments', { limits: { cpu: '500m', memory: '1Gi' }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '100%', maxUnavailable: 0 } } });

const postgres = statefulSet('data', 'postgres', {
  replicas: 2,
  labels: { app: 'postgres', tier: 'backend' },
  containers: [container({ name: 'postgres', image: 'public.ecr.aws/docker/library/postgres:16', cpu: '500m', memory: '1Gi', ports: [5432], env: { PGDATA: '/var/lib/postgresql/data/pgdata' } })],
  volumeClaims: [{ name: 'data', storage: '20Gi', storageClassName: 'gp3' }],
});

const dashboard = deployment('analytics', 'dashboard', {
  replicas: 1,
  labels: { app: 'dashboard' },
  containers: [container({ name: 'dashboard', image: 'public.ecr.aws/example/dashboard:5.0', cpu: '250m', memory: '512Mi' })],
});

export const walkthrough: Scenario = {
  name: 'walkthrough',
  description: 'us-east-1 cluster "demo" with every Fargate placement case: matched, drifted, pinned, opted out, blocked, pending, completed.',
  nodes: ec2Nodes(3, '90d'),
  steps: [
    {
      ago: '60d',
      note: 'cluster bootstrap: system DaemonSets and CoreDNS on EC2 before any profile; workloads without profiles',
      namespaces: [...SYSTEM_NAMESPACES, 'legacy', 'data', 'apps', 'payments', 'test', 'batch-nightly', 'analytics'],
      apply: [awsNode, kubeProxy, coredns, legacyApi(), postgres, dashboard],
    },
    {
      ago: '30d',
      note: 'first profiles; fp-apps-b exists before fp-apps-a; fp-batch uses wildcards',
      profiles: [
        { name: 'fp-default', selectors: [{ namespace: 'default' }] },
        { name: 'fp-apps-b', selectors: [{ namespace: 'apps' }] },
        { name: 'fp-batch', selectors: [{ namespace: 'batch-*' }, { namespace: 'data', labels: { tier: 'back*' } }] },
        { name: 'fp-payments-old', selectors: [{ namespace: 'payments' }] },
      ],
    },
    { ago: '25d', note: 'api admitted under fp-apps-b (the only apps profile then)', apply: [api] },
    { ago: '20d', note: 'fp-apps-a sorts first: new apps pods pick it', profiles: [{ name: 'fp-apps-a', selectors: [{ namespace: 'apps' }] }] },
    {
      ago: '15d',
      apply: [web, locked, pdb('default', 'web', { app: 'web' }, { minAvailable: 2 }), pdb('default', 'locked', { app: 'locked' }, { minAvailable: 2 }), hello(), worker, pinnedB, ec2Pinned, paymentsCheckout],
    },
    { ago: '10d', note: 'test pod created before any profile selects namespace test', apply: [testPod] },
    {
      ago: '5d',
      note: 'profiles added after their pods existed: CoreDNS and test stay on EC2 until recreated',
      profiles: [
        { name: 'fp-coredns', selectors: [{ namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } }] },
        { name: 'fp-test', selectors: [{ namespace: 'test' }] },
      ],
    },
    { ago: '2d', note: 'nightly job; a privileged debug pod in a Fargate namespace', apply: [report, nodeDebugger] },
    {
      ago: '1d',
      note: 'payments: a rollout is admitted under fp-payments-old but not launched yet ...',
      pause: ['fargate-scheduler'],
      patch: [rolloutRestart('payments', 'checkout', '2026-01-01T00:00:00Z')],
    },
    {
      ago: '23h',
      note: '... when fp-payments-old is replaced by fp-payments-v2 (different labels): the running pods are stopped and come back on EC2, the admitted ones stay Pending',
      profiles: [{ name: 'fp-payments-v2', selectors: [{ namespace: 'payments', labels: { app: 'checkout', track: 'v2' } }] }],
      deleteProfiles: ['fp-payments-old'],
      resume: ['fargate-scheduler'],
    },
    {
      ago: '2m',
      // EKS takes minutes to create a profile: the demo shows "not yet effective" for a minute, then
      // it is ACTIVE and `profile create` (one profile CREATING at a time) can go ahead.
      note: 'a profile still being created; EKS finishes it a minute after the cluster starts',
      profiles: [{ name: 'fp-analytics', selectors: [{ namespace: 'analytics' }], status: 'CREATING', finishesIn: '60s' }],
    },
  ],
};
