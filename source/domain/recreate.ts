// The manifest to re-create a bare pod so EKS places it afresh (spec §2.1, §2.4).
// Works on plain V1Pod JSON; deep-copies, never mutates its input.
import { pinnedProfile } from './choose.js';
import { CAPACITY_ANNOTATION, FARGATE_SCHEDULER, LAST_APPLIED, PROFILE_LABEL } from './types.js';

export interface RecreateOptions {
  /** Use the kubectl last-applied-configuration as the base when present (default true). */
  useLastApplied?: boolean;
}

/** Annotations Fargate or its webhooks add; re-creation must not carry them over. */
export const WEBHOOK_ANNOTATIONS: readonly string[] = [
  CAPACITY_ANNOTATION,
  'Logging',
  // Set by the VPC resource controller webhook when a SecurityGroupPolicy matches; it re-adds it.
  'fargate.amazonaws.com/pod-sg',
];

const SERVER_METADATA = [
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'generation',
  'managedFields',
  'selfLink',
];

type Json = Record<string, any>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The service-account token volume the API server injects (kube-api-access-xxxxx). */
function isTokenVolume(v: unknown): boolean {
  return isObject(v) && typeof v.name === 'string' && v.name.startsWith('kube-api-access-') && 'projected' in v;
}

function parseLastApplied(pod: Json): Json | null {
  const text = pod.metadata?.annotations?.[LAST_APPLIED];
  if (typeof text !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(text);
    // Only a Pod's own configuration will do (not one copied from some other object).
    if (!isObject(parsed) || (parsed.kind !== undefined && parsed.kind !== 'Pod')) return null;
    return parsed;
  } catch {
    return null;
  }
}

function dropEmpty(obj: Json, key: string): void {
  if (isObject(obj[key]) && Object.keys(obj[key]).length === 0) delete obj[key];
}

export function cleanManifestForRecreate(pod: any, opts: RecreateOptions = {}): Json {
  const live: Json = structuredClone(isObject(pod) ? pod : {});
  const meta: Json = isObject(live.metadata) ? live.metadata : {};
  const spec: Json = isObject(live.spec) ? live.spec : {};
  const labels: Record<string, string> = isObject(meta.labels) ? meta.labels : {};

  const applied = opts.useLastApplied === false ? null : parseLastApplied(live);
  if (applied !== null) {
    // What the user wrote is the cleanest source: no server fields, no webhook additions.
    const base: Json = structuredClone(applied);
    base.apiVersion ??= 'v1';
    base.kind ??= 'Pod';
    base.metadata = isObject(base.metadata) ? base.metadata : {};
    base.metadata.name ??= meta.name;
    base.metadata.namespace ??= meta.namespace;
    // Keep the annotation so the next `kubectl apply` still has its merge base.
    base.metadata.annotations = { ...(isObject(base.metadata.annotations) ? base.metadata.annotations : {}) };
    base.metadata.annotations[LAST_APPLIED] = meta.annotations[LAST_APPLIED];
    return base;
  }

  const schedulerName: unknown = spec.schedulerName;
  const wasFargate = schedulerName === FARGATE_SCHEDULER;
  const pinned = pinnedProfile({
    labels,
    schedulerName: typeof schedulerName === 'string' ? schedulerName : 'default-scheduler',
    appliedProfileLabel: null, // no last-applied here (else we returned above)
  });

  for (const k of SERVER_METADATA) delete meta[k];
  // ownerReferences stay: a bare pod has none, and we must not invent or drop ownership.
  if (pinned === null) delete labels[PROFILE_LABEL];
  if (isObject(meta.annotations)) for (const a of WEBHOOK_ANNOTATIONS) delete meta.annotations[a];
  dropEmpty(meta, 'labels');
  dropEmpty(meta, 'annotations');
  delete live.status;

  delete spec.nodeName;
  // Priority is derived from priorityClassName by admission; the API rejects a mismatch.
  delete spec.priority;
  if (spec.preemptionPolicy === 'PreemptLowerPriority') delete spec.preemptionPolicy;
  // Ephemeral containers cannot be set on create.
  delete spec.ephemeralContainers;
  if (wasFargate) {
    // Set by the Fargate webhook; EKS decides again on create.
    delete spec.schedulerName;
    // Observed (not documented): Fargate pods get system-node-critical from the webhook.
    if (spec.priorityClassName === 'system-node-critical') delete spec.priorityClassName;
  }

  // The API server injects the service-account token volume again on create.
  if (Array.isArray(spec.volumes)) {
    const tokenNames = new Set<string>(spec.volumes.filter(isTokenVolume).map((v: Json) => v.name as string));
    spec.volumes = spec.volumes.filter((v: unknown) => !isTokenVolume(v));
    if (spec.volumes.length === 0) delete spec.volumes;
    for (const list of [spec.containers, spec.initContainers]) {
      if (!Array.isArray(list)) continue;
      for (const c of list) {
        if (!isObject(c) || !Array.isArray(c.volumeMounts)) continue;
        c.volumeMounts = c.volumeMounts.filter((m: unknown) => !(isObject(m) && tokenNames.has(m.name)));
        if (c.volumeMounts.length === 0) delete c.volumeMounts;
      }
    }
  }

  live.apiVersion ??= 'v1';
  live.kind ??= 'Pod';
  live.metadata = meta;
  live.spec = spec;
  return live;
}
