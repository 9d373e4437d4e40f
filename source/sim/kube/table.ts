// meta.k8s.io/v1 Table answers (what `kubectl get` asks for), with the real server's columns
// and cell logic (ported from kubernetes pkg/printers/internalversion/printers.go). Long because
// it is one column table per kind, as upstream keeps them.
import type { Obj } from './resources.js';
import { humanDuration } from '../time.js';

interface Column {
  name: string;
  type: string;
  format?: string;
  priority?: number;
  description?: string;
}

interface TableDef {
  columns: Column[];
  cells: (o: Obj, now: number) => unknown[];
}

const NAME: Column = { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace.' };
const AGE: Column = { name: 'Age', type: 'string', description: 'CreationTimestamp is a timestamp representing the server time when this object was created.' };
const wide = (name: string, description = ''): Column => ({ name, type: 'string', priority: 1, description });

const since = (ts: string | undefined, now: number): string => (ts === undefined || ts === null ? '<unknown>' : humanDuration(now - Date.parse(ts)));
const images = (spec: Obj): string => (spec?.containers ?? []).map((c: Obj) => c.image).join(',');
const names = (spec: Obj): string => (spec?.containers ?? []).map((c: Obj) => c.name).join(',');
const selectorText = (sel: Obj): string => {
  const parts = Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${String(v)}`);
  for (const e of sel?.matchExpressions ?? []) parts.push(`${e.key} ${String(e.operator).toLowerCase()} (${(e.values ?? []).join(',')})`);
  return parts.length === 0 ? '<none>' : parts.join(',');
};

export function podCells(pod: Obj, now: number): unknown[] {
  const st = pod.status ?? {};
  let restarts = 0;
  let readyContainers = 0;
  let lastRestart = 0;
  let reason: string = st.reason || st.phase || '';
  const total = (pod.spec?.containers ?? []).length;
  let initializing = false;
  const inits: Obj[] = st.initContainerStatuses ?? [];
  inits.forEach((c, i) => {
    restarts += Number(c.restartCount ?? 0);
    const t = c.state?.terminated;
    if (t !== undefined && t.exitCode === 0) return;
    if (c.started === true && c.state?.running !== undefined) return; // running sidecar
    if (t !== undefined) reason = t.reason ? `Init:${t.reason}` : t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`;
    else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') reason = `Init:${c.state.waiting.reason}`;
    else reason = `Init:${i}/${(pod.spec?.initContainers ?? []).length}`;
    initializing = true;
  });
  const initialized = (st.conditions ?? []).some((c: Obj) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    let hasRunning = false;
    const cs: Obj[] = st.containerStatuses ?? [];
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i]!;
      restarts += Number(c.restartCount ?? 0);
      const finished = c.lastState?.terminated?.finishedAt;
      if (finished) lastRestart = Math.max(lastRestart, Date.parse(finished));
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
      else if (c.state?.terminated !== undefined) reason = c.state.terminated.signal ? `Signal:${c.state.terminated.signal}` : `ExitCode:${c.state.terminated.exitCode}`;
      else if (c.ready === true && c.state?.running !== undefined) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = (st.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }
  const terminal = st.phase === 'Succeeded' || st.phase === 'Failed';
  if (pod.metadata.deletionTimestamp && st.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !terminal) reason = 'Terminating';
  const restartsText = restarts !== 0 && lastRestart > 0 ? `${restarts} (${humanDuration(now - lastRestart)} ago)` : String(restarts);
  const gates: Obj[] = pod.spec?.readinessGates ?? [];
  let gatesText = '<none>';
  if (gates.length > 0) {
    const ok = gates.filter((g) => (st.conditions ?? []).some((c: Obj) => c.type === g.conditionType && c.status === 'True')).length;
    gatesText = `${ok}/${gates.length}`;
  }
  return [
    pod.metadata.name,
    `${readyContainers}/${total}`,
    reason,
    restartsText,
    since(pod.metadata.creationTimestamp, now),
    st.podIPs?.[0]?.ip || st.podIP || '<none>',
    pod.spec?.nodeName || '<none>',
    st.nominatedNodeName || '<none>',
    gatesText,
  ];
}

const TABLES: Record<string, TableDef> = {
  pods: {
    columns: [
      NAME,
      { name: 'Ready', type: 'string', description: 'The aggregate readiness state of this pod for accepting traffic.' },
      { name: 'Status', type: 'string', description: 'The aggregate status of the containers in this pod.' },
      { name: 'Restarts', type: 'string', description: 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.' },
      AGE,
      wide('IP', 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.'),
      wide('Node', 'NodeName indicates in which node this pod is scheduled.'),
      wide('Nominated Node', 'nominatedNodeName is set only when this pod preempts other pods on the node.'),
      wide('Readiness Gates', 'If specified, all readiness gates will be evaluated for pod readiness.'),
    ],
    cells: podCells,
  },
  namespaces: {
    columns: [NAME, { name: 'Status', type: 'string', description: 'The status of the namespace' }, AGE],
    cells: (o, now) => [o.metadata.name, o.status?.phase ?? 'Active', since(o.metadata.creationTimestamp, now)],
  },
  nodes: {
    columns: [
      NAME,
      { name: 'Status', type: 'string', description: 'The status of the node' },
      { name: 'Roles', type: 'string', description: 'The roles of the node' },
      AGE,
      { name: 'Version', type: 'string', description: 'Kubelet Version reported by the node.' },
      wide('Internal-IP'),
      wide('External-IP'),
      wide('OS-Image'),
      wide('Kernel-Version'),
      wide('Container-Runtime'),
    ],
    cells: (o, now) => {
      const ready = (o.status?.conditions ?? []).find((c: Obj) => c.type === 'Ready');
      let status = ready?.status === 'True' ? 'Ready' : ready === undefined ? 'Unknown' : 'NotReady';
      if (o.spec?.unschedulable) status += ',SchedulingDisabled';
      const roles = Object.keys(o.metadata.labels ?? {})
        .filter((k) => k.startsWith('node-role.kubernetes.io/'))
        .map((k) => k.slice('node-role.kubernetes.io/'.length));
      const addr = (t: string): string => (o.status?.addresses ?? []).find((a: Obj) => a.type === t)?.address ?? '<none>';
      const ni = o.status?.nodeInfo ?? {};
      return [o.metadata.name, status, roles.length === 0 ? '<none>' : roles.join(','), since(o.metadata.creationTimestamp, now), ni.kubeletVersion ?? '', addr('InternalIP'), addr('ExternalIP'), ni.osImage ?? '<unknown>', ni.kernelVersion ?? '<unknown>', ni.containerRuntimeVersion ?? '<unknown>'];
    },
  },
  'deployments.apps': {
    columns: [NAME, { name: 'Ready', type: 'string' }, { name: 'Up-to-date', type: 'integer' }, { name: 'Available', type: 'integer' }, AGE, wide('Containers'), wide('Images'), wide('Selector')],
    cells: (o, now) => [o.metadata.name, `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`, o.status?.updatedReplicas ?? 0, o.status?.availableReplicas ?? 0, since(o.metadata.creationTimestamp, now), names(o.spec?.template?.spec), images(o.spec?.template?.spec), selectorText(o.spec?.selector)],
  },
  'replicasets.apps': {
    columns: [NAME, { name: 'Desired', type: 'integer' }, { name: 'Current', type: 'integer' }, { name: 'Ready', type: 'integer' }, AGE, wide('Containers'), wide('Images'), wide('Selector')],
    cells: (o, now) => [o.metadata.name, o.spec?.replicas ?? 0, o.status?.replicas ?? 0, o.status?.readyReplicas ?? 0, since(o.metadata.creationTimestamp, now), names(o.spec?.template?.spec), images(o.spec?.template?.spec), selectorText(o.spec?.selector)],
  },
  'statefulsets.apps': {
    columns: [NAME, { name: 'Ready', type: 'string' }, AGE, wide('Containers'), wide('Images')],
    cells: (o, now) => [o.metadata.name, `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`, since(o.metadata.creationTimestamp, now), names(o.spec?.template?.spec), images(o.spec?.template?.spec)],
  },
  'daemonsets.apps': {
    columns: [NAME, { name: 'Desired', type: 'integer' }, { name: 'Current', type: 'integer' }, { name: 'Ready', type: 'integer' }, { name: 'Up-to-date', type: 'integer' }, { name: 'Available', type: 'integer' }, { name: 'Node Selector', type: 'string' }, AGE, wide('Containers'), wide('Images'), wide('Selector')],
    cells: (o, now) => {
      const s = o.status ?? {};
      const ns = Object.entries(o.spec?.template?.spec?.nodeSelector ?? {}).map(([k, v]) => `${k}=${String(v)}`);
      return [o.metadata.name, s.desiredNumberScheduled ?? 0, s.currentNumberScheduled ?? 0, s.numberReady ?? 0, s.updatedNumberScheduled ?? 0, s.numberAvailable ?? 0, ns.length === 0 ? '<none>' : ns.join(','), since(o.metadata.creationTimestamp, now), names(o.spec?.template?.spec), images(o.spec?.template?.spec), selectorText(o.spec?.selector)];
    },
  },
  'jobs.batch': {
    columns: [NAME, { name: 'Status', type: 'string' }, { name: 'Completions', type: 'string' }, { name: 'Duration', type: 'string' }, AGE, wide('Containers'), wide('Images'), wide('Selector')],
    cells: (o, now) => {
      const s = o.status ?? {};
      const cond = (t: string): boolean => (s.conditions ?? []).some((c: Obj) => c.type === t && c.status === 'True');
      const status = cond('Complete') ? 'Complete' : cond('Failed') ? 'Failed' : o.spec?.suspend ? 'Suspended' : 'Running';
      const start = s.startTime ? Date.parse(s.startTime) : undefined;
      const end = s.completionTime ? Date.parse(s.completionTime) : now;
      return [o.metadata.name, status, `${s.succeeded ?? 0}/${o.spec?.completions ?? 1}`, start === undefined ? '' : humanDuration(end - start), since(o.metadata.creationTimestamp, now), names(o.spec?.template?.spec), images(o.spec?.template?.spec), selectorText(o.spec?.selector)];
    },
  },
  'poddisruptionbudgets.policy': {
    columns: [NAME, { name: 'Min Available', type: 'string' }, { name: 'Max Unavailable', type: 'string' }, { name: 'Allowed Disruptions', type: 'integer' }, AGE],
    cells: (o, now) => [o.metadata.name, o.spec?.minAvailable === undefined ? 'N/A' : String(o.spec.minAvailable), o.spec?.maxUnavailable === undefined ? 'N/A' : String(o.spec.maxUnavailable), o.status?.disruptionsAllowed ?? 0, since(o.metadata.creationTimestamp, now)],
  },
  events: {
    columns: [
      { name: 'Last Seen', type: 'string' },
      { name: 'Type', type: 'string' },
      { name: 'Reason', type: 'string' },
      { name: 'Object', type: 'string' },
      wide('Subobject'),
      wide('Source'),
      { name: 'Message', type: 'string' },
      wide('First Seen'),
      { name: 'Count', type: 'string', priority: 1 },
      { name: 'Name', type: 'string', priority: 1 },
    ],
    cells: (o, now) => {
      const io = o.involvedObject ?? {};
      const last = o.lastTimestamp ?? o.eventTime ?? o.metadata.creationTimestamp;
      const first = o.firstTimestamp ?? o.eventTime ?? o.metadata.creationTimestamp;
      const source = [o.source?.component, o.source?.host].filter((x) => x).join(', ');
      return [since(last, now), o.type ?? '', o.reason ?? '', `${String(io.kind).toLowerCase()}/${io.name}`, io.fieldPath ?? '', source, o.message ?? '', since(first, now), String(o.count ?? 1), o.metadata.name];
    },
  },
  configmaps: {
    columns: [NAME, { name: 'Data', type: 'string' }, AGE],
    cells: (o, now) => [o.metadata.name, Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length, since(o.metadata.creationTimestamp, now)],
  },
  secrets: {
    columns: [NAME, { name: 'Type', type: 'string' }, { name: 'Data', type: 'string' }, AGE],
    cells: (o, now) => [o.metadata.name, o.type ?? '', Object.keys(o.data ?? {}).length, since(o.metadata.creationTimestamp, now)],
  },
  services: {
    columns: [NAME, { name: 'Type', type: 'string' }, { name: 'Cluster-IP', type: 'string' }, { name: 'External-IP', type: 'string' }, { name: 'Port(s)', type: 'string' }, AGE, wide('Selector')],
    cells: (o, now) => {
      const spec = o.spec ?? {};
      const ports = (spec.ports ?? []).map((p: Obj) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`);
      const external = spec.type === 'ExternalName' ? (spec.externalName ?? '') : (spec.externalIPs ?? []).length > 0 ? spec.externalIPs.join(',') : spec.type === 'LoadBalancer' ? '<pending>' : '<none>';
      const selector = Object.entries(spec.selector ?? {}).map(([k, v]) => `${k}=${String(v)}`);
      return [o.metadata.name, spec.type ?? 'ClusterIP', spec.clusterIP ?? '<none>', external, ports.length === 0 ? '<none>' : ports.join(','), since(o.metadata.creationTimestamp, now), selector.length === 0 ? '<none>' : selector.join(',')];
    },
  },
  serviceaccounts: {
    columns: [NAME, { name: 'Secrets', type: 'string' }, AGE],
    cells: (o, now) => [o.metadata.name, (o.secrets ?? []).length, since(o.metadata.creationTimestamp, now)],
  },
  'cronjobs.batch': {
    columns: [NAME, { name: 'Schedule', type: 'string' }, { name: 'Timezone', type: 'string' }, { name: 'Suspend', type: 'boolean' }, { name: 'Active', type: 'integer' }, { name: 'Last Schedule', type: 'string' }, AGE, wide('Containers'), wide('Images'), wide('Selector')],
    cells: (o, now) => {
      const spec = o.spec?.jobTemplate?.spec ?? {};
      const last = o.status?.lastScheduleTime;
      return [o.metadata.name, o.spec?.schedule ?? '', o.spec?.timeZone ?? '<none>', o.spec?.suspend === true, (o.status?.active ?? []).length, last === undefined ? '<none>' : since(last, now), since(o.metadata.creationTimestamp, now), names(spec.template?.spec), images(spec.template?.spec), selectorText(spec.selector)];
    },
  },
  persistentvolumeclaims: {
    columns: [NAME, { name: 'Status', type: 'string' }, { name: 'Volume', type: 'string' }, { name: 'Capacity', type: 'string' }, { name: 'Access Modes', type: 'string' }, { name: 'StorageClass', type: 'string' }, { name: 'VolumeAttributesClass', type: 'string' }, AGE, wide('VolumeMode')],
    cells: (o, now) => {
      const modes = (o.status?.accessModes ?? o.spec?.accessModes ?? []).map((m: string) => ({ ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' })[m] ?? m);
      return [o.metadata.name, o.status?.phase ?? 'Pending', o.spec?.volumeName ?? '', o.status?.capacity?.storage ?? '', modes.join(','), o.spec?.storageClassName ?? '<unset>', '<unset>', since(o.metadata.creationTimestamp, now), o.spec?.volumeMode ?? 'Filesystem'];
    },
  },
};

const DEFAULT_TABLE: TableDef = { columns: [NAME, AGE], cells: (o, now) => [o.metadata.name, since(o.metadata.creationTimestamp, now)] };

/** Does the Accept header ask for a Table (kubectl get does)? */
export function wantsTable(accept: string | undefined): boolean {
  return accept !== undefined && /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

function rowObject(o: Obj, include: IncludeObject): Obj | undefined {
  if (include === 'None') return undefined;
  if (include === 'Object') return o;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
}

/** A Table of the given objects; `listMeta` is the list's metadata (resourceVersion, continue). */
export function toTable(rid: string, objs: Obj[], listMeta: Obj, include: IncludeObject, now: number, withColumns = true): Obj {
  const def = TABLES[rid] ?? DEFAULT_TABLE;
  const table: Obj = { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: listMeta };
  if (withColumns) table.columnDefinitions = def.columns.map((c) => ({ name: c.name, type: c.type, format: c.format ?? '', description: c.description ?? '', priority: c.priority ?? 0 }));
  table.rows = objs.map((o) => {
    const row: Obj = { cells: def.cells(o, now) };
    const obj = rowObject(o, include);
    if (obj !== undefined) row.object = obj;
    return row;
  });
  return table;
}
