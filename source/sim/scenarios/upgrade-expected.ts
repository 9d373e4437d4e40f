// What the after-upgrade scenario should look like, pod by pod, written by hand: where each pod
// runs, the kubelet minor of its node, and whether it blocks the next control-plane upgrade
// ("outdated": a Fargate pod whose kubelet is older than the control plane, spec §2.5).
export interface ExpectedKubelet {
  namespace: string;
  /** Exact pod name, or a prefix when `prefix` is set (controller pods: cart-<hash>-<id>). */
  name: string;
  prefix?: boolean;
  count: number;
  runsOn: 'fargate' | 'ec2';
  /** Kubernetes minor of the kubelet of the pod's node. */
  kubelet: string;
  /** A Fargate pod on an older kubelet than the control plane: EKS refuses the next upgrade until it is re-created. */
  outdated: boolean;
  /** The controller that owns the pod (Kind/name), or null for a bare pod. */
  owner: string | null;
  why: string;
}

export const AFTER_UPGRADE_CONTROL_PLANE = '1.33';

export const AFTER_UPGRADE_EXPECTED: readonly ExpectedKubelet[] = [
  { namespace: 'default', name: 'hello', count: 1, runsOn: 'fargate', kubelet: '1.32', outdated: true, owner: null, why: 'bare pod (kubectl apply) started 30d ago, before the upgrade' },
  { namespace: 'shop', name: 'toolbox', count: 1, runsOn: 'fargate', kubelet: '1.32', outdated: true, owner: null, why: 'bare pod without last-applied-configuration, started before the upgrade' },
  { namespace: 'shop', name: 'cart-', prefix: true, count: 1, runsOn: 'fargate', kubelet: '1.32', outdated: true, owner: 'Deployment/cart', why: 'one replica: a restart surges a second pod (maxSurge 25% of 1 rounds up to 1) so one stays Ready' },
  { namespace: 'shop', name: 'catalog-', prefix: true, count: 3, runsOn: 'fargate', kubelet: '1.32', outdated: true, owner: 'Deployment/catalog', why: 'three replicas started before the upgrade' },
  { namespace: 'shop', name: 'sessions-', prefix: true, count: 2, runsOn: 'fargate', kubelet: '1.32', outdated: true, owner: 'StatefulSet/sessions', why: 'StatefulSet: a restart replaces sessions-1, then sessions-0' },
  { namespace: 'batch', name: 'backfill-', prefix: true, count: 1, runsOn: 'fargate', kubelet: '1.32', outdated: true, owner: 'Job/backfill', why: 'a running Job pod: recycled by deleting it (the Job counts a failure and starts another)' },
  { namespace: 'shop', name: 'search-', prefix: true, count: 2, runsOn: 'fargate', kubelet: '1.33', outdated: false, owner: 'Deployment/search', why: 'created before the upgrade but restarted 5d ago: its pods are new' },
  { namespace: 'shop', name: 'checkout-', prefix: true, count: 2, runsOn: 'fargate', kubelet: '1.33', outdated: false, owner: 'Deployment/checkout', why: 'created after the upgrade' },
  { namespace: 'default', name: 'debug', count: 1, runsOn: 'fargate', kubelet: '1.33', outdated: false, owner: null, why: 'bare pod created after the upgrade' },
  { namespace: 'legacy', name: 'legacy-api-', prefix: true, count: 2, runsOn: 'ec2', kubelet: '1.32', outdated: false, owner: 'Deployment/legacy-api', why: 'no profile selects legacy: EC2 nodes keep their kubelet, and the Fargate rule does not look at them' },
];

/** The row of the after-upgrade expectations that covers a pod, if any. */
export function upgradeExpectationFor(pod: { metadata: { namespace?: string; name?: string } }): ExpectedKubelet | undefined {
  const name = String(pod.metadata.name);
  return AFTER_UPGRADE_EXPECTED.find((e) => e.namespace === pod.metadata.namespace && (e.prefix === true ? name.startsWith(e.name) : name === e.name));
}
