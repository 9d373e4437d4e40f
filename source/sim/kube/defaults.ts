// What the real API server fills in on create (defaulting + built-in admission), so objects read
// back from the sim look like those from a real cluster.
import type { Obj } from './resources.js';
import { randomSuffix } from '../ids.js';

const DEFAULT_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

const PRIORITY_CLASSES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

function defaultContainer(c: Obj): void {
  c.resources ??= {};
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  if (c.imagePullPolicy === undefined) {
    const image = String(c.image ?? '');
    const tag = image.includes('@') ? 'digest' : image.slice(image.lastIndexOf('/') + 1).split(':')[1];
    c.imagePullPolicy = tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent';
  }
  for (const p of c.ports ?? []) p.protocol ??= 'TCP';
  // A container that sets only limits gets requests equal to them (Kubernetes defaulting).
  const limits = c.resources.limits;
  if (limits !== undefined) {
    c.resources.requests ??= {};
    for (const k of ['cpu', 'memory']) if (limits[k] !== undefined && c.resources.requests[k] === undefined) c.resources.requests[k] = limits[k];
    if (Object.keys(c.resources.requests).length === 0) delete c.resources.requests;
  }
}

/** The pod template defaults shared by pods and workload templates. */
export function defaultPodSpec(spec: Obj): void {
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
}

export function qosClass(spec: Obj): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const all: Obj[] = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of all) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length > 0 || Object.keys(lim).length > 0) any = true;
    for (const k of ['cpu', 'memory']) if (lim[k] === undefined || (req[k] !== undefined && req[k] !== lim[k])) guaranteed = false;
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** Pod create: defaults, the service-account token volume, priority, initial status. */
export function defaultPod(pod: Obj, rand: () => number): void {
  const spec = pod.spec;
  defaultPodSpec(spec);
  spec.serviceAccountName ??= spec.serviceAccount ?? 'default';
  spec.serviceAccount = spec.serviceAccountName;
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  spec.tolerations = [...(spec.tolerations ?? [])];
  for (const t of DEFAULT_TOLERATIONS) if (!spec.tolerations.some((x: Obj) => x.key === t.key)) spec.tolerations.push({ ...t });
  if (spec.priorityClassName !== undefined && PRIORITY_CLASSES[spec.priorityClassName] !== undefined) spec.priority = PRIORITY_CLASSES[spec.priorityClassName];
  spec.priority ??= 0;
  // The ServiceAccount admission plugin mounts a projected token volume into every container.
  if (spec.automountServiceAccountToken !== false && !(spec.volumes ?? []).some((v: Obj) => String(v.name).startsWith('kube-api-access-'))) {
    const name = `kube-api-access-${randomSuffix(rand)}`;
    spec.volumes = [...(spec.volumes ?? []), tokenVolume(name)];
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      c.volumeMounts = [...(c.volumeMounts ?? []), { name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }];
    }
  }
  pod.status = { phase: 'Pending', qosClass: qosClass(spec) };
}

export function tokenVolume(name: string): Obj {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  };
}

function defaultTemplate(o: Obj): void {
  o.spec.template ??= {};
  o.spec.template.metadata ??= {};
  o.spec.template.spec ??= {};
  defaultPodSpec(o.spec.template.spec);
}

export function defaultWorkload(kind: string, o: Obj): void {
  o.spec ??= {};
  switch (kind) {
    case 'Deployment':
      o.spec.replicas ??= 1;
      o.spec.revisionHistoryLimit ??= 10;
      o.spec.progressDeadlineSeconds ??= 600;
      o.spec.strategy ??= { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
      defaultTemplate(o);
      o.status = {};
      break;
    case 'ReplicaSet':
      o.spec.replicas ??= 1;
      defaultTemplate(o);
      o.status = { replicas: 0 };
      break;
    case 'StatefulSet':
      o.spec.replicas ??= 1;
      o.spec.podManagementPolicy ??= 'OrderedReady';
      o.spec.revisionHistoryLimit ??= 10;
      o.spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { partition: 0 } };
      o.spec.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: 'Retain', whenScaled: 'Retain' };
      defaultTemplate(o);
      o.status = { replicas: 0, availableReplicas: 0 };
      break;
    case 'DaemonSet':
      o.spec.revisionHistoryLimit ??= 10;
      o.spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } };
      defaultTemplate(o);
      o.status = { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
      break;
    case 'Job':
      o.spec.parallelism ??= 1;
      o.spec.completions ??= 1;
      o.spec.backoffLimit ??= 6;
      o.spec.completionMode ??= 'NonIndexed';
      o.spec.suspend ??= false;
      defaultTemplate(o);
      o.spec.template.spec.restartPolicy = o.spec.template.spec.restartPolicy === 'Always' ? 'Never' : o.spec.template.spec.restartPolicy;
      o.status = {};
      break;
    case 'PodDisruptionBudget':
      o.status = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
      break;
    case 'CronJob':
      o.spec.concurrencyPolicy ??= 'Allow';
      o.spec.suspend ??= false;
      o.spec.successfulJobsHistoryLimit ??= 3;
      o.spec.failedJobsHistoryLimit ??= 1;
      // Only the pod template is defaulted; the Job fields are when a Job is made from it.
      o.spec.jobTemplate ??= {};
      o.spec.jobTemplate.spec ??= {};
      o.spec.jobTemplate.spec.template ??= {};
      o.spec.jobTemplate.spec.template.spec ??= {};
      defaultPodSpec(o.spec.jobTemplate.spec.template.spec);
      o.status = {};
      break;
  }
}

/**
 * Service defaults. EKS picks its service range from the VPC's: 172.20.0.0/16 when the VPC is
 * in 10.0.0.0/8, as the sim's is. `taken` holds the cluster IPs already in use.
 */
export function defaultService(o: Obj, rand: () => number, taken: Set<string>): void {
  const spec = (o.spec ??= {});
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  if (spec.type !== 'ExternalName') {
    if (spec.clusterIP === undefined || spec.clusterIP === '') {
      let ip: string;
      do ip = `172.20.${Math.floor(rand() * 256)}.${1 + Math.floor(rand() * 254)}`;
      while (taken.has(ip));
      spec.clusterIP = ip;
    }
    spec.clusterIPs ??= [spec.clusterIP];
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
    spec.internalTrafficPolicy ??= 'Cluster';
  }
  for (const p of spec.ports ?? []) {
    p.protocol ??= 'TCP';
    p.targetPort ??= p.port;
  }
  o.status = { loadBalancer: {} };
}
