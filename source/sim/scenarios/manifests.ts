// Terse builders for the manifests scenarios use (plain Kubernetes JSON out).
import { LAST_APPLIED } from '../../domain/types.js';
import type { Obj } from '../kube/resources.js';

export interface ContainerOpts {
  name?: string;
  image: string;
  cpu?: string;
  memory?: string;
  limits?: { cpu?: string; memory?: string };
  ports?: number[];
  env?: Record<string, string>;
  securityContext?: Obj;
  args?: string[];
}

export function container(o: ContainerOpts): Obj {
  const c: Obj = { name: o.name ?? o.image.split('/').pop()!.split(':')[0], image: o.image };
  if (o.args !== undefined) c.args = o.args;
  if (o.ports !== undefined) c.ports = o.ports.map((p) => ({ containerPort: p, protocol: 'TCP' }));
  if (o.env !== undefined) c.env = Object.entries(o.env).map(([name, value]) => ({ name, value }));
  const requests: Obj = {};
  if (o.cpu !== undefined) requests.cpu = o.cpu;
  if (o.memory !== undefined) requests.memory = o.memory;
  const resources: Obj = {};
  if (Object.keys(requests).length > 0) resources.requests = requests;
  if (o.limits !== undefined) resources.limits = o.limits;
  c.resources = resources;
  if (o.securityContext !== undefined) c.securityContext = o.securityContext;
  return c;
}

export interface WorkloadOpts {
  labels: Record<string, string>;
  /** Labels only the pods get (not the controller's selector), e.g. a profile pin. */
  podLabels?: Record<string, string>;
  containers: Obj[];
  replicas?: number;
  annotations?: Record<string, string>;
  podSpec?: Obj;
  /** Deployment strategy / StatefulSet updateStrategy (default: the API server's). */
  strategy?: Obj;
}

function template(o: WorkloadOpts): Obj {
  const metadata: Obj = { labels: { ...o.labels, ...o.podLabels } };
  if (o.annotations !== undefined) metadata.annotations = { ...o.annotations };
  return { metadata, spec: { containers: o.containers, ...o.podSpec } };
}

export const namespace = (name: string): Obj => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

export function deployment(ns: string, name: string, o: WorkloadOpts): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns, labels: { ...o.labels } },
    spec: { replicas: o.replicas ?? 1, selector: { matchLabels: { ...o.labels } }, template: template(o), ...(o.strategy === undefined ? {} : { strategy: o.strategy }) },
  };
}

export function statefulSet(ns: string, name: string, o: WorkloadOpts & { serviceName?: string; volumeClaims?: { name: string; storage: string; storageClassName?: string }[] }): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: ns, labels: { ...o.labels } },
    spec: {
      replicas: o.replicas ?? 1,
      serviceName: o.serviceName ?? name,
      selector: { matchLabels: { ...o.labels } },
      template: template(o),
      ...(o.strategy === undefined ? {} : { updateStrategy: o.strategy }),
      volumeClaimTemplates: (o.volumeClaims ?? []).map((v) => ({
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: v.name },
        spec: { accessModes: ['ReadWriteOnce'], storageClassName: v.storageClassName ?? 'gp2', resources: { requests: { storage: v.storage } }, volumeMode: 'Filesystem' },
      })),
    },
  };
}

export function daemonSet(ns: string, name: string, o: WorkloadOpts): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: ns, labels: { ...o.labels } },
    spec: { selector: { matchLabels: { ...o.labels } }, template: template(o) },
  };
}

export function job(ns: string, name: string, o: Omit<WorkloadOpts, 'replicas'>): Obj {
  const t = template(o);
  t.spec.restartPolicy = 'Never';
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: ns, labels: { ...o.labels } }, spec: { backoffLimit: 2, template: t } };
}

export function pdb(ns: string, name: string, matchLabels: Record<string, string>, budget: { minAvailable?: number | string; maxUnavailable?: number | string }): Obj {
  return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, namespace: ns }, spec: { ...budget, selector: { matchLabels } } };
}

export function pod(ns: string, name: string, o: { labels?: Record<string, string>; annotations?: Record<string, string>; containers: Obj[]; spec?: Obj }): Obj {
  const metadata: Obj = { name, namespace: ns };
  if (o.labels !== undefined) metadata.labels = { ...o.labels };
  if (o.annotations !== undefined) metadata.annotations = { ...o.annotations };
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: { containers: o.containers, ...o.spec } };
}

/** What `kubectl apply` sends: the manifest plus its own last-applied-configuration annotation. */
export function applied(manifest: Obj): Obj {
  const copy = structuredClone(manifest);
  copy.metadata.annotations = { ...copy.metadata.annotations, [LAST_APPLIED]: `${JSON.stringify(manifest)}\n` };
  return copy;
}

/** A PersistentVolume made by hand (static provisioning), already bound to `claim`. */
export function persistentVolume(name: string, claim: { namespace: string; name: string }, source: Obj, storage = '10Gi'): Obj {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, finalizers: ['kubernetes.io/pv-protection'] },
    spec: {
      accessModes: ['ReadWriteOnce'],
      capacity: { storage },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: claim.namespace, name: claim.name },
      persistentVolumeReclaimPolicy: 'Retain',
      storageClassName: '',
      volumeMode: 'Filesystem',
      ...source,
    },
    status: { phase: 'Bound' },
  };
}

/** A claim bound to a named volume (static binding: no StorageClass, no provisioner), or left Pending. */
export function claim(ns: string, name: string, o: { volumeName?: string; storageClassName?: string; storage?: string; accessModes?: string[] }): Obj {
  const storage = o.storage ?? '10Gi';
  const accessModes = o.accessModes ?? ['ReadWriteOnce'];
  const bound = o.volumeName !== undefined;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: ns, ...(bound ? { annotations: { 'pv.kubernetes.io/bind-completed': 'yes' } } : {}), finalizers: ['kubernetes.io/pvc-protection'] },
    spec: {
      accessModes,
      resources: { requests: { storage } },
      storageClassName: o.storageClassName ?? '',
      volumeMode: 'Filesystem',
      ...(bound ? { volumeName: o.volumeName } : {}),
    },
    status: bound ? { phase: 'Bound', accessModes, capacity: { storage } } : { phase: 'Pending' },
  };
}

/** A pod volume backed by a claim. */
export const claimVolume = (name: string, claimName: string): Obj => ({ name, persistentVolumeClaim: { claimName } });
