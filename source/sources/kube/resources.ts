// What we read from Kubernetes, shared by the one-shot load and the live reflector.

/** Which pods the user asked about (-n / -A / -l). */
export interface KubeScope {
  /** A namespace (-n), or null/undefined for all namespaces (-A). */
  namespace?: string | null | undefined;
  /** -l, applied to pods only. */
  labelSelector?: string | undefined;
}

export type ResourceKind = 'pods' | 'namespaces' | 'nodes' | 'events' | 'claims';

export interface ResourceQuery {
  kind: ResourceKind;
  path: string;
  labelSelector?: string | undefined;
  fieldSelector?: string | undefined;
  /** Pods are required; the others degrade to a warning when forbidden. */
  required: boolean;
}

const under = (namespace: string | null | undefined, resource: string): string =>
  namespace ? `/api/v1/namespaces/${encodeURIComponent(namespace)}/${resource}` : `/api/v1/${resource}`;

export function resourceQueries(scope: KubeScope): ResourceQuery[] {
  const ns = scope.namespace || null;
  return [
    { kind: 'pods', path: under(ns, 'pods'), labelSelector: scope.labelSelector, required: true },
    // With -n, only that namespace (a cluster-scoped list filtered by name; may be forbidden).
    {
      kind: 'namespaces',
      path: '/api/v1/namespaces',
      fieldSelector: ns ? `metadata.name=${ns}` : undefined,
      required: false,
    },
    { kind: 'nodes', path: '/api/v1/nodes', required: false },
    { kind: 'events', path: under(ns, 'events'), fieldSelector: 'involvedObject.kind=Pod', required: false },
    { kind: 'claims', path: under(ns, 'persistentvolumeclaims'), required: false },
  ];
}

/** The warning shown when an optional resource cannot be read. */
export function degradedWarning(kind: ResourceKind, reason: string): string {
  switch (kind) {
    case 'namespaces':
      return `cannot list namespaces (${reason}); namespaces are taken from the pods`;
    case 'nodes':
      return `cannot list nodes (${reason}); Fargate nodes are recognised by their fargate- name prefix only`;
    case 'events':
      return `cannot list events (${reason}); pending reasons from fargate-scheduler are not shown`;
    case 'claims':
      return `cannot list persistentvolumeclaims (${reason}); PVC-backed volumes are judged without their claims`;
    case 'pods':
      return `cannot list pods (${reason})`;
  }
}
