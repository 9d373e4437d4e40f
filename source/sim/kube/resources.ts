// The resources the simulated API server serves: discovery data plus the field-selector
// fields each one supports (the real server answers 400 for any other field). Long because it
// is a table: one entry per resource, read best in one place.

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Obj = any;

export interface ResourceDef {
  /** Store key: "pods", "deployments.apps". */
  id: string;
  group: string;
  version: string;
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  verbs: string[];
  categories?: string[];
  /** Field-selector values, computed once per write. metadata.name/namespace are always added. */
  fields?: (o: Obj) => Record<string, string>;
  /** Subresources listed in discovery: name -> kind. */
  subresources?: { name: string; kind: string; group?: string; version?: string; verbs: string[] }[];
  /** Create-only virtual resources (reviews) are not stored. */
  virtual?: boolean;
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

export const RESOURCES: ResourceDef[] = [
  {
    id: 'pods',
    group: '',
    version: 'v1',
    plural: 'pods',
    singular: 'pod',
    kind: 'Pod',
    namespaced: true,
    shortNames: ['po'],
    verbs: ALL_VERBS,
    categories: ['all'],
    fields: (o) => ({
      'spec.nodeName': str(o.spec?.nodeName),
      'spec.restartPolicy': str(o.spec?.restartPolicy),
      'spec.schedulerName': str(o.spec?.schedulerName),
      'spec.serviceAccountName': str(o.spec?.serviceAccountName),
      'spec.hostNetwork': str(o.spec?.hostNetwork ?? false),
      'status.phase': str(o.status?.phase),
      'status.podIP': str(o.status?.podIP),
      'status.nominatedNodeName': str(o.status?.nominatedNodeName),
    }),
    subresources: [
      { name: 'eviction', kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] },
      { name: 'log', kind: 'Pod', verbs: ['get'] },
      { name: 'status', kind: 'Pod', verbs: ['get', 'patch', 'update'] },
    ],
  },
  {
    id: 'namespaces',
    group: '',
    version: 'v1',
    plural: 'namespaces',
    singular: 'namespace',
    kind: 'Namespace',
    namespaced: false,
    shortNames: ['ns'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    fields: (o) => ({ 'status.phase': str(o.status?.phase) }),
  },
  {
    id: 'nodes',
    group: '',
    version: 'v1',
    plural: 'nodes',
    singular: 'node',
    kind: 'Node',
    namespaced: false,
    shortNames: ['no'],
    verbs: ALL_VERBS,
    fields: (o) => ({ 'spec.unschedulable': str(o.spec?.unschedulable ?? false) }),
  },
  {
    id: 'events',
    group: '',
    version: 'v1',
    plural: 'events',
    singular: 'event',
    kind: 'Event',
    namespaced: true,
    shortNames: ['ev'],
    verbs: ALL_VERBS,
    fields: (o) => ({
      'involvedObject.kind': str(o.involvedObject?.kind),
      'involvedObject.namespace': str(o.involvedObject?.namespace),
      'involvedObject.name': str(o.involvedObject?.name),
      'involvedObject.uid': str(o.involvedObject?.uid),
      'involvedObject.apiVersion': str(o.involvedObject?.apiVersion),
      'involvedObject.resourceVersion': str(o.involvedObject?.resourceVersion),
      'involvedObject.fieldPath': str(o.involvedObject?.fieldPath),
      reason: str(o.reason),
      reportingComponent: str(o.reportingComponent),
      source: str(o.source?.component),
      type: str(o.type),
    }),
  },
  {
    id: 'persistentvolumeclaims',
    group: '',
    version: 'v1',
    plural: 'persistentvolumeclaims',
    singular: 'persistentvolumeclaim',
    kind: 'PersistentVolumeClaim',
    namespaced: true,
    shortNames: ['pvc'],
    verbs: ALL_VERBS,
  },
  {
    id: 'configmaps',
    group: '',
    version: 'v1',
    plural: 'configmaps',
    singular: 'configmap',
    kind: 'ConfigMap',
    namespaced: true,
    shortNames: ['cm'],
    verbs: ALL_VERBS,
  },
  {
    id: 'secrets',
    group: '',
    version: 'v1',
    plural: 'secrets',
    singular: 'secret',
    kind: 'Secret',
    namespaced: true,
    shortNames: [],
    verbs: ALL_VERBS,
    fields: (o) => ({ type: str(o.type) }),
  },
  {
    id: 'services',
    group: '',
    version: 'v1',
    plural: 'services',
    singular: 'service',
    kind: 'Service',
    namespaced: true,
    shortNames: ['svc'],
    verbs: ALL_VERBS,
    categories: ['all'],
    fields: (o) => ({ 'spec.clusterIP': str(o.spec?.clusterIP), 'spec.type': str(o.spec?.type) }),
  },
  {
    id: 'serviceaccounts',
    group: '',
    version: 'v1',
    plural: 'serviceaccounts',
    singular: 'serviceaccount',
    kind: 'ServiceAccount',
    namespaced: true,
    shortNames: ['sa'],
    verbs: ALL_VERBS,
  },
  {
    id: 'persistentvolumes',
    group: '',
    version: 'v1',
    plural: 'persistentvolumes',
    singular: 'persistentvolume',
    kind: 'PersistentVolume',
    namespaced: false,
    shortNames: ['pv'],
    verbs: ALL_VERBS,
  },
  {
    id: 'storageclasses.storage.k8s.io',
    group: 'storage.k8s.io',
    version: 'v1',
    plural: 'storageclasses',
    singular: 'storageclass',
    kind: 'StorageClass',
    namespaced: false,
    shortNames: ['sc'],
    verbs: ALL_VERBS,
  },
  {
    id: 'deployments.apps',
    group: 'apps',
    version: 'v1',
    plural: 'deployments',
    singular: 'deployment',
    kind: 'Deployment',
    namespaced: true,
    shortNames: ['deploy'],
    verbs: ALL_VERBS,
    categories: ['all'],
    subresources: [
      { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] },
      { name: 'status', kind: 'Deployment', verbs: ['get', 'patch', 'update'] },
    ],
  },
  {
    id: 'replicasets.apps',
    group: 'apps',
    version: 'v1',
    plural: 'replicasets',
    singular: 'replicaset',
    kind: 'ReplicaSet',
    namespaced: true,
    shortNames: ['rs'],
    verbs: ALL_VERBS,
    categories: ['all'],
    fields: (o) => ({ 'status.replicas': str(o.status?.replicas ?? 0) }),
    subresources: [{ name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] }],
  },
  {
    id: 'daemonsets.apps',
    group: 'apps',
    version: 'v1',
    plural: 'daemonsets',
    singular: 'daemonset',
    kind: 'DaemonSet',
    namespaced: true,
    shortNames: ['ds'],
    verbs: ALL_VERBS,
    categories: ['all'],
  },
  {
    id: 'statefulsets.apps',
    group: 'apps',
    version: 'v1',
    plural: 'statefulsets',
    singular: 'statefulset',
    kind: 'StatefulSet',
    namespaced: true,
    shortNames: ['sts'],
    verbs: ALL_VERBS,
    categories: ['all'],
    subresources: [{ name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] }],
  },
  {
    id: 'jobs.batch',
    group: 'batch',
    version: 'v1',
    plural: 'jobs',
    singular: 'job',
    kind: 'Job',
    namespaced: true,
    shortNames: [],
    verbs: ALL_VERBS,
    categories: ['all'],
    fields: (o) => ({ 'status.successful': str(o.status?.succeeded ?? 0) }),
  },
  {
    id: 'cronjobs.batch',
    group: 'batch',
    version: 'v1',
    plural: 'cronjobs',
    singular: 'cronjob',
    kind: 'CronJob',
    namespaced: true,
    shortNames: ['cj'],
    verbs: ALL_VERBS,
    categories: ['all'],
  },
  {
    id: 'poddisruptionbudgets.policy',
    group: 'policy',
    version: 'v1',
    plural: 'poddisruptionbudgets',
    singular: 'poddisruptionbudget',
    kind: 'PodDisruptionBudget',
    namespaced: true,
    shortNames: ['pdb'],
    verbs: ALL_VERBS,
    subresources: [{ name: 'status', kind: 'PodDisruptionBudget', verbs: ['get', 'patch', 'update'] }],
  },
  {
    id: 'selfsubjectaccessreviews.authorization.k8s.io',
    group: 'authorization.k8s.io',
    version: 'v1',
    plural: 'selfsubjectaccessreviews',
    singular: 'selfsubjectaccessreview',
    kind: 'SelfSubjectAccessReview',
    namespaced: false,
    shortNames: [],
    verbs: ['create'],
    virtual: true,
  },
];

const byId = new Map(RESOURCES.map((r) => [r.id, r]));
const byPath = new Map(RESOURCES.map((r) => [`${r.group}/${r.version}/${r.plural}`, r]));
const byKind = new Map(RESOURCES.map((r) => [`${r.group}/${r.kind}`, r]));

export function resourceById(id: string): ResourceDef {
  const r = byId.get(id);
  if (r === undefined) throw new Error(`unknown resource ${id}`);
  return r;
}

export function resourceByPath(group: string, version: string, plural: string): ResourceDef | undefined {
  return byPath.get(`${group}/${version}/${plural}`);
}

/** apiVersion "apps/v1" + kind "Deployment" -> its definition. */
export function resourceByKind(apiVersion: string, kind: string): ResourceDef | undefined {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  return byKind.get(`${group}/${kind}`);
}

export const apiVersionOf = (r: ResourceDef): string => (r.group === '' ? r.version : `${r.group}/${r.version}`);

/** The field-selector values of an object (including metadata.name / metadata.namespace). */
export function fieldsOf(r: ResourceDef, o: Obj): Record<string, string> {
  const base = { 'metadata.name': str(o.metadata?.name), 'metadata.namespace': str(o.metadata?.namespace) };
  return r.fields === undefined ? base : { ...base, ...r.fields(o) };
}
