// What the walkthrough and edge-cases scenarios should look like, pod by pod, and the verdict the
// tool should reach for each (spec §1–§3), written by hand. Tests check the sim against
// `runsOn`/`currentProfile`, and the tool's verdicts against `expectedProfile`/`verdict`.
import type { BlockerCode, RunsOn, Verdict } from '../../domain/types.js';

export interface ExpectedPods {
  namespace: string;
  /** Exact pod name, or a prefix when `prefix` is set (controller pods: web-<hash>-<id>). */
  name: string;
  prefix?: boolean;
  /** Only pods in this phase (payments has Running and Pending pods of one Deployment). */
  phase?: string;
  count: number;
  runsOn: RunsOn;
  /** The profile label EKS's webhook recorded, if any. */
  currentProfile: string | null;
  /** The profile EKS would pick if the pod were created now (null = EC2). */
  expectedProfile: string | null;
  verdict: Verdict;
  blockers?: BlockerCode[];
  why: string;
  /**
   * Set while the tool's rules do not yet reach this verdict: names the rule it waits for.
   * Tests of the tool's verdicts mark such rows as to-do; the sim's own behaviour is still checked.
   */
  pending?: string;
}

export const WALKTHROUGH_EXPECTED: readonly ExpectedPods[] = [
  { namespace: 'kube-system', name: 'aws-node-', prefix: true, count: 3, runsOn: 'ec2', currentProfile: null, expectedProfile: null, verdict: 'ok', blockers: ['daemonset', 'host-network', 'capabilities'], why: 'DaemonSet; no profile selects k8s-app=aws-node' },
  { namespace: 'kube-system', name: 'kube-proxy-', prefix: true, count: 3, runsOn: 'ec2', currentProfile: null, expectedProfile: null, verdict: 'ok', blockers: ['daemonset', 'host-network', 'privileged', 'volume'], why: 'DaemonSet; no profile selects k8s-app=kube-proxy' },
  { namespace: 'kube-system', name: 'coredns-', prefix: true, count: 2, runsOn: 'ec2', currentProfile: null, expectedProfile: 'fp-coredns', verdict: 'reschedule', why: 'created 60d ago, fp-coredns (k8s-app=kube-dns) only 5d ago' },
  { namespace: 'default', name: 'web-', prefix: true, count: 3, runsOn: 'fargate', currentProfile: 'fp-default', expectedProfile: 'fp-default', verdict: 'ok', why: 'fp-default; PDB web (minAvailable 2) allows one eviction at a time' },
  { namespace: 'default', name: 'locked-', prefix: true, count: 2, runsOn: 'fargate', currentProfile: 'fp-default', expectedProfile: 'fp-default', verdict: 'ok', why: 'fp-default; PDB locked (minAvailable 2 of 2) refuses every eviction' },
  { namespace: 'default', name: 'hello', count: 1, runsOn: 'fargate', currentProfile: 'fp-default', expectedProfile: 'fp-default', verdict: 'ok', why: 'bare pod created with kubectl apply (last-applied-configuration)' },
  { namespace: 'default', name: 'node-debugger', count: 1, runsOn: 'pending', currentProfile: 'fp-default', expectedProfile: 'fp-default', verdict: 'blocked', blockers: ['privileged'], why: 'FailedScheduling: Pod not supported on Fargate: invalid SecurityContext fields: Privileged' },
  { namespace: 'test', name: 'test', count: 1, runsOn: 'ec2', currentProfile: null, expectedProfile: 'fp-test', verdict: 'reschedule', why: 'bare pod created 10d ago, fp-test 5d ago' },
  { namespace: 'apps', name: 'api-', prefix: true, count: 2, runsOn: 'fargate', currentProfile: 'fp-apps-b', expectedProfile: 'fp-apps-a', verdict: 'reschedule', why: 'admitted under fp-apps-b before fp-apps-a existed; both select apps, fp-apps-a sorts first' },
  { namespace: 'apps', name: 'worker-', prefix: true, count: 1, runsOn: 'fargate', currentProfile: 'fp-apps-a', expectedProfile: 'fp-apps-a', verdict: 'ok', why: 'alphabetical tie-break between fp-apps-a and fp-apps-b' },
  { namespace: 'apps', name: 'pinned-b', count: 1, runsOn: 'fargate', currentProfile: 'fp-apps-b', expectedProfile: 'fp-apps-b', verdict: 'ok', why: 'user pin: label eks.amazonaws.com/fargate-profile=fp-apps-b in last-applied-configuration' },
  { namespace: 'apps', name: 'ec2-pinned', count: 1, runsOn: 'ec2', currentProfile: null, expectedProfile: null, verdict: 'ok', why: 'annotation eks.amazonaws.com/compute-type=ec2 opts out although fp-apps-a selects it' },
  { namespace: 'batch-nightly', name: 'report-', prefix: true, count: 1, runsOn: 'fargate', currentProfile: 'fp-batch', expectedProfile: 'fp-batch', verdict: 'completed', why: 'Job pod Succeeded; fp-batch selects batch-* (wildcard); its node stays until the pod is deleted' },
  { namespace: 'payments', name: 'checkout-', prefix: true, phase: 'Pending', count: 2, runsOn: 'pending', currentProfile: 'fp-payments-old', expectedProfile: null, verdict: 'reschedule', why: 'admitted under fp-payments-old, which was deleted before launch; fp-payments-v2 requires track=v2, so re-created they would run on EC2' },
  { namespace: 'payments', name: 'checkout-', prefix: true, phase: 'Running', count: 2, runsOn: 'ec2', currentProfile: null, expectedProfile: null, verdict: 'ok', why: 'stopped with fp-payments-old and re-created; no ACTIVE profile selects them now' },
  { namespace: 'legacy', name: 'legacy-api-', prefix: true, count: 2, runsOn: 'ec2', currentProfile: null, expectedProfile: null, verdict: 'ok', why: 'no profile selects namespace legacy' },
  { namespace: 'data', name: 'postgres-', prefix: true, count: 2, runsOn: 'ec2', currentProfile: null, expectedProfile: 'fp-batch', verdict: 'blocked', blockers: ['pvc'], why: 'StatefulSet; fp-batch selects data + tier=back*, but its PVC is on EBS (ebs.csi.aws.com)' },
  { namespace: 'analytics', name: 'dashboard-', prefix: true, count: 1, runsOn: 'ec2', currentProfile: null, expectedProfile: null, verdict: 'ok', why: 'fp-analytics selects it but is still CREATING (not yet effective)' },
];

export const EDGE_CASES_EXPECTED: readonly ExpectedPods[] = [
  { namespace: 'prod', name: 'api-', prefix: true, count: 1, runsOn: 'fargate', currentProfile: 'fp-prod', expectedProfile: 'fp-prod', verdict: 'ok', why: 'fp-prod selects the literal namespace prod' },
  { namespace: 'prod-metrics', name: 'exporter', count: 1, runsOn: 'ec2', currentProfile: null, expectedProfile: null, verdict: 'ok', why: 'the literal prod is a prefix of prod-metrics, but selectors match whole names' },
  { namespace: 'production', name: 'web', count: 1, runsOn: 'ec2', currentProfile: null, expectedProfile: null, verdict: 'ok', why: 'the literal prod is a prefix of production, but selectors match whole names' },
  {
    namespace: 'prod',
    name: 'log-agent-ip-10-0-4-10.ec2.internal',
    count: 1,
    runsOn: 'ec2',
    currentProfile: null,
    expectedProfile: 'fp-prod',
    verdict: 'ok',
    why: 'mirror pod of a static pod (kubernetes.io/config.mirror, owned by its Node): fp-prod selects its labels, but deleting it only makes the kubelet write it again on the same node',
  },
  { namespace: 'team-a', name: 'app', count: 1, runsOn: 'fargate', currentProfile: 'fp-team', expectedProfile: 'fp-team', verdict: 'ok', why: 'team-? matches team-a (? is one character)' },
  { namespace: 'team-ab', name: 'app', count: 1, runsOn: 'ec2', currentProfile: null, expectedProfile: null, verdict: 'ok', why: 'team-? does not match team-ab (? is exactly one character)' },
  { namespace: 'keyed', name: 'match', count: 1, runsOn: 'fargate', currentProfile: 'fp-keyed', expectedProfile: 'fp-keyed', verdict: 'ok', why: 'label selector key?: value? matches keya: valuea (the user guide example)' },
  { namespace: 'keyed', name: 'no-char', count: 1, runsOn: 'ec2', currentProfile: null, expectedProfile: null, verdict: 'ok', why: 'key?: value? does not match key: value (? needs a character)' },
  { namespace: 'case', name: 'web-upper', count: 1, runsOn: 'fargate', currentProfile: 'fp-case', expectedProfile: 'fp-case', verdict: 'ok', why: 'app=Web is the selector label exactly' },
  { namespace: 'case', name: 'web-lower', count: 1, runsOn: 'ec2', currentProfile: null, expectedProfile: null, verdict: 'ok', why: 'app=web differs from app=Web only in case: labels are case-sensitive' },
  { namespace: 'case', name: 'key-upper', count: 1, runsOn: 'ec2', currentProfile: null, expectedProfile: null, verdict: 'ok', why: 'App=Web: the key differs from app only in case' },
  {
    namespace: 'storage',
    name: 'db-',
    prefix: true,
    count: 1,
    runsOn: 'ec2',
    currentProfile: null,
    expectedProfile: 'fp-storage',
    verdict: 'blocked',
    blockers: ['pvc'],
    why: 'created before fp-storage; its claim is bound to a hand-made EBS volume (CSI ebs.csi.aws.com): re-created, Fargate would refuse it',
  },
  {
    namespace: 'storage',
    name: 'cache',
    count: 1,
    runsOn: 'pending',
    currentProfile: 'fp-storage',
    expectedProfile: 'fp-storage',
    verdict: 'blocked',
    blockers: ['pvc'],
    why: 'claim bound to an in-tree awsElasticBlockStore volume: FailedScheduling ... with CSI Driver: ebs.csi.aws.com',
  },
  { namespace: 'storage', name: 'files', count: 1, runsOn: 'fargate', currentProfile: 'fp-storage', expectedProfile: 'fp-storage', verdict: 'ok', why: 'claim bound to a static EFS volume (efs.csi.aws.com): Fargate mounts it' },
  { namespace: 'storage', name: 'uploader', count: 1, runsOn: 'pending', currentProfile: 'fp-storage', expectedProfile: 'fp-storage', verdict: 'blocked', blockers: ['pvc'], why: 'claim not bound: FailedScheduling ... PVC incoming not bound' },
  {
    namespace: 'shop',
    name: 'cart-',
    prefix: true,
    count: 2,
    runsOn: 'fargate',
    currentProfile: 'fp-shop-b',
    expectedProfile: 'fp-shop-b',
    verdict: 'ok',
    why: 'the Deployment pod template pins fp-shop-b (eks.amazonaws.com/fargate-profile), although fp-shop-a sorts first',
  },
  { namespace: 'shop', name: 'web-', prefix: true, count: 1, runsOn: 'fargate', currentProfile: 'fp-shop-a', expectedProfile: 'fp-shop-a', verdict: 'ok', why: 'no pin: fp-shop-a and fp-shop-b both select shop, fp-shop-a sorts first' },
];

type PodLike = { metadata: { namespace?: string; name?: string }; status?: { phase?: string } };

/** The row of `rows` that covers a pod, if any. */
export function expectationIn(rows: readonly ExpectedPods[], pod: PodLike): ExpectedPods | undefined {
  const ns = pod.metadata.namespace;
  const name = String(pod.metadata.name);
  return rows.find((e) => e.namespace === ns && (e.prefix === true ? name.startsWith(e.name) : name === e.name) && (e.phase === undefined || e.phase === pod.status?.phase));
}

/** The walkthrough's expectation row that covers a pod, if any. */
export function expectationFor(pod: PodLike): ExpectedPods | undefined {
  return expectationIn(WALKTHROUGH_EXPECTED, pod);
}
