// What several scenarios have in common: the EC2 node group, the system namespaces, the images,
// and the workloads that run in more than one story (the walkthrough and the after-upgrade cluster
// run the same hello pod and legacy API). One builder each, so the scenarios cannot drift apart.
import type { Ec2NodeSpec } from '../eks/nodes.js';
import type { Obj } from '../kube/resources.js';
import { applied, container, deployment, pod, type ContainerOpts, type WorkloadOpts } from './manifests.js';

export const NGINX = 'public.ecr.aws/nginx/nginx:1.27';
export const BUSYBOX = 'public.ecr.aws/docker/library/busybox:1.36';

/** The namespaces every EKS cluster starts with. */
export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'] as const;

const NODE_GROUP: readonly Ec2NodeSpec[] = [
  { name: 'ip-10-0-1-23.ec2.internal', ip: '10.0.1.23', zone: 'us-east-1a' },
  { name: 'ip-10-0-2-45.ec2.internal', ip: '10.0.2.45', zone: 'us-east-1b' },
  { name: 'ip-10-0-3-67.ec2.internal', ip: '10.0.3.67', zone: 'us-east-1c' },
];

/** The first `count` nodes of the managed node group (one per zone), joined `ago` (unset: at the start). */
export function ec2Nodes(count: number, ago?: string): (Ec2NodeSpec & { ago?: string })[] {
  return NODE_GROUP.slice(0, count).map((n) => (ago === undefined ? { ...n } : { ...n, ago }));
}

/** A container that only sleeps (a debug shell, a job that keeps running). */
export const sleeper = (name: string): Obj => container({ name, image: BUSYBOX, args: ['sleep', 'infinity'] });

/** A bare pod someone started by hand (`kubectl run NAME`): a sleeping busybox, labelled run=NAME. */
export const runPod = (ns: string, name: string): Obj => pod(ns, name, { labels: { run: name }, containers: [sleeper(name)] });

/** default/hello: a bare nginx pod created with `kubectl apply` (it carries its last-applied-configuration). */
export const hello = (): Obj => applied(pod('default', 'hello', { labels: { app: 'hello' }, containers: [container({ name: 'hello', image: NGINX, cpu: '100m', memory: '128Mi' })] }));

/** legacy/legacy-api: two replicas in a namespace no profile selects (they stay on EC2). */
export const legacyApi = (): Obj =>
  deployment('legacy', 'legacy-api', {
    replicas: 2,
    labels: { app: 'legacy-api' },
    containers: [container({ name: 'api', image: 'public.ecr.aws/example/legacy-api:0.9', cpu: '200m', memory: '256Mi' })],
  });

/** NS/checkout: two replicas of the checkout service; `limits` and `strategy` as a story needs them. */
export const checkout = (ns: string, o: { limits?: ContainerOpts['limits']; strategy?: WorkloadOpts['strategy'] } = {}): Obj =>
  deployment(ns, 'checkout', {
    replicas: 2,
    labels: { app: 'checkout' },
    containers: [container({ name: 'checkout', image: 'public.ecr.aws/example/checkout:3.1.0', cpu: '500m', memory: '1Gi', ...(o.limits === undefined ? {} : { limits: o.limits }), ports: [8443] })],
    ...(o.strategy === undefined ? {} : { strategy: o.strategy }),
  });

/** A step's patch that does what `kubectl rollout restart deployment/NAME` does at `at` (an ISO time). */
export const rolloutRestart = (ns: string, name: string, at: string) => ({
  kind: 'Deployment',
  namespace: ns,
  name,
  patch: { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': at } } } } },
});
