// The manifest to re-create a bare pod so EKS places it afresh (spec §2.1, §2.4).
// Works on plain V1Pod JSON; deep-copies, never mutates its input.
import { pinnedProfile } from './choose.js';
import { CAPACITY_ANNOTATION, FARGATE_SCHEDULER, LAST_APPLIED, PROFILE_LABEL } from './types.js';

/** Where the manifest to re-create comes from. */
export type ManifestSource = 'live' | 'last-applied';

export interface RecreateOptions {
  /**
   * 'live' (default): the pod as it runs now, cleaned of what the server and webhooks set, so a
   * `kubectl set image` or `kubectl label` since the last apply is kept. 'last-applied': what
   * `kubectl apply` last sent, when the pod has it (else the live pod).
   */
  from?: ManifestSource;
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

/**
 * What the EKS pod identity webhook (IRSA, and EKS Pod Identity on EC2) adds to every pod whose
 * service account is annotated: a projected token volume, its mount in every container, and env.
 * It adds them again on re-create; left in, the create fails on the duplicate volume name.
 */
export const IDENTITY_INJECTIONS: readonly { volume: string; env: readonly string[] }[] = [
  {
    volume: 'aws-iam-token',
    env: ['AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_STS_REGIONAL_ENDPOINTS', 'AWS_REGION', 'AWS_DEFAULT_REGION'],
  },
  {
    volume: 'eks-pod-identity-token',
    env: ['AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE', 'AWS_REGION', 'AWS_DEFAULT_REGION'],
  },
];

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The source actually used: 'last-applied' only when asked for and the pod has a usable one. */
export function manifestSourceFor(pod: any, from: ManifestSource = 'live'): ManifestSource {
  return from === 'last-applied' && isObject(pod) && parseLastApplied(pod) !== null ? 'last-applied' : 'live';
}

/** The service-account token volume the API server injects (kube-api-access-xxxxx). */
function isTokenVolume(v: unknown): boolean {
  return isObject(v) && typeof v.name === 'string' && v.name.startsWith('kube-api-access-') && 'projected' in v;
}

export function parseLastApplied(pod: Json): Json | null {
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

  // What the user wrote, even when not used as the base: it tells user fields from injected ones.
  const userConfig = parseLastApplied(live);
  const applied = opts.from === 'last-applied' ? userConfig : null;
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
  const appliedLabel: unknown = isObject(userConfig?.metadata) && isObject(userConfig.metadata.labels) ? userConfig.metadata.labels[PROFILE_LABEL] : undefined;
  const pinned = pinnedProfile({
    labels,
    schedulerName: typeof schedulerName === 'string' ? schedulerName : 'default-scheduler',
    // A profile label the user applied is a pin even on a pod the webhook labelled too.
    appliedProfileLabel: typeof appliedLabel === 'string' ? appliedLabel : null,
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
  // The RuntimeClass admission sets overhead from runtimeClassName and rejects a pod that brings its own.
  if (spec.runtimeClassName !== undefined) delete spec.overhead;
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

  stripIdentityInjection(spec, userConfig);

  live.apiVersion ??= 'v1';
  live.kind ??= 'Pod';
  live.metadata = meta;
  live.spec = spec;
  return live;
}

/** The containers of a pod spec (or of the user's config), by name. */
function containersByName(spec: unknown): Map<string, Json> {
  const out = new Map<string, Json>();
  if (!isObject(spec)) return out;
  for (const list of [spec.containers, spec.initContainers]) {
    if (!Array.isArray(list)) continue;
    for (const c of list) if (isObject(c) && typeof c.name === 'string') out.set(c.name, c);
  }
  return out;
}

const namesIn = (list: unknown): Set<string> =>
  new Set(Array.isArray(list) ? list.filter(isObject).map((x) => String(x.name)) : []);

/**
 * Remove what the pod identity webhook injected (see IDENTITY_INJECTIONS). Only when the webhook's
 * volume is on the pod (the sign that it ran), and never what the user's last-applied
 * configuration declares itself.
 */
function stripIdentityInjection(spec: Json, userConfig: Json | null): void {
  if (!Array.isArray(spec.volumes)) return;
  const userSpec = isObject(userConfig?.spec) ? userConfig.spec : null;
  const userVolumes = namesIn(userSpec?.volumes);
  const userContainers = containersByName(userSpec);
  const present = new Set(namesIn(spec.volumes));
  for (const injection of IDENTITY_INJECTIONS) {
    if (!present.has(injection.volume) || userVolumes.has(injection.volume)) continue;
    spec.volumes = spec.volumes.filter((v: unknown) => !(isObject(v) && v.name === injection.volume));
    for (const [name, c] of containersByName(spec)) {
      const user = userContainers.get(name);
      const userMounts = namesIn(user?.volumeMounts);
      const userEnv = namesIn(user?.env);
      if (Array.isArray(c.volumeMounts) && !userMounts.has(injection.volume)) {
        c.volumeMounts = c.volumeMounts.filter((m: unknown) => !(isObject(m) && m.name === injection.volume));
        if (c.volumeMounts.length === 0) delete c.volumeMounts;
      }
      if (Array.isArray(c.env)) {
        // The webhook writes plain values; a valueFrom is the user's own.
        c.env = c.env.filter(
          (e: unknown) => !(isObject(e) && injection.env.includes(String(e.name)) && !userEnv.has(String(e.name)) && !('valueFrom' in e)),
        );
        if (c.env.length === 0) delete c.env;
      }
    }
  }
  if (spec.volumes.length === 0) delete spec.volumes;
}
