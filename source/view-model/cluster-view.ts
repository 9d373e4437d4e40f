import { placePod } from '../domain/placement.js';
import { addUsd, type ResolvedPrices } from '../domain/fargate-prices.js';
import { namespaceProfiles } from '../domain/choose.js';
import type { PodView } from '../domain/pod-view.js';
import type { EventRecord, NodeRecord, OwnerTemplateRecord, Placement, PlacementContext, PodRecord, Profile } from '../domain/types.js';
import { kubeletFact, nextMinor, parseKubeVersion, type KubeletFact, type KubeVersion } from '../domain/versions.js';
import { workloadOf } from '../domain/workload.js';
import { EMPTY_LIST } from '../lib/empty-list.js';
import { type ClusterIdentity, type ConnectionStatus, type ProfilesStatus, type Snapshot } from '../store/snapshot.js';

// The one evaluation of a snapshot that every face reads, so the TUI and `--json`
// always agree on a pod. Faces read this, never the store: what they show about the cluster
// itself (identity, AWS, connection, warnings) is carried here too.

export type { AwsState, ClusterIdentity, ConnectionState, ConnectionStatus, ProfilesStatus } from '../store/snapshot.js';

export type { PodView } from '../domain/pod-view.js';

export interface NamespaceSummary {
  name: string;
  pods: number;
  onFargate: number;
  needsReschedule: number;
  blocked: number;
  pending: number;
  /** Pods on a Fargate kubelet older than the control plane: they block the next upgrade. */
  outdated: number;
  /**
   * Profiles with a selector whose namespace pattern covers this namespace, in EKS's order of
   * choice (ACTIVE by name, then CREATING); DELETING and failed ones are left out.
   */
  profiles: string[];
  /** USD per hour of its pods running on Fargate (completed ones cost nothing); null when prices are unknown. */
  hourlyUsd: number | null;
}

export type ProfileEffect = 'effective' | 'not yet effective' | 'not usable';

export interface ProfileSummary {
  profile: Profile;
  /** True for --profiles-file profiles (a what-if proposal). */
  proposed: boolean;
  effect: ProfileEffect;
  /** Pods running on Fargate under this profile now. */
  running: number;
  /** Pods EKS would place under this profile if they were created now. */
  wouldCapture: number;
  /** USD per hour of the pods running under it (as `running`, less completed ones); null when prices are unknown. */
  hourlyUsd: number | null;
}

export interface Totals {
  pods: number;
  onFargate: number;
  onEc2: number;
  pending: number;
  needsReschedule: number;
  blocked: number;
  completed: number;
  unknown: number;
  /** Pods on a Fargate kubelet older than the control plane: they block the next upgrade. */
  outdated: number;
  /** Fargate pods whose node's kubelet version is unknown (not read, missing or odd). */
  kubeletUnknown: number;
}

/** The control plane's version and the upgrade it would take next. */
export interface UpgradeView {
  /** "1.33"; null when /version could not be read (nothing is outdated then). */
  controlPlane: string | null;
  /** "1.34": the next version EKS would upgrade to (one minor up); null when the control plane is unknown. */
  next: string | null;
}

/** What a view says about the cluster besides its pods: taken from the snapshot as it is. */
export interface ClusterFacts {
  /** The kubeconfig context and the EKS cluster and region it points at. */
  identity: ClusterIdentity;
  /** How reading Fargate profiles from EKS went. */
  aws: ProfilesStatus;
  /** The Kubernetes watches, and when the last list or watch event came (lastUpdateAt). */
  connection: ConnectionStatus;
  warnings: readonly string[];
  /** Live EKS profiles followed by --profiles-file ones: what EKS's choice is explained with. */
  profileRecords: readonly Profile[];
  /** Profiles only --profiles-file has (no live one of that name): a pod expected there is a what-if. */
  proposed: ReadonlySet<string>;
  /** Pods whose record changed in the last few seconds (key -> epoch ms), marked for a moment. */
  changedAt: ReadonlyMap<string, number>;
  /** The Fargate rates every price uses, and where they come from. */
  prices: ResolvedPrices;
}

export interface ClusterView extends ClusterFacts {
  snapshotVersion: number;
  profilesKnown: boolean;
  /** Sorted by namespace, then name. */
  pods: PodView[];
  /** In namespace order (the order of `pods`), each sorted by name. */
  byNamespace: ReadonlyMap<string, PodView[]>;
  namespaces: NamespaceSummary[];
  profiles: ProfileSummary[];
  totals: Totals;
  upgrade: UpgradeView;
}

/** A pod without events: one shared empty list, not one per pod. */
const NO_EVENTS: readonly EventRecord[] = EMPTY_LIST;

/** Whether profile-derived fields can be trusted: EKS was read (even if stale) or only file profiles count. */
export function profilesAreKnown(snapshot: Snapshot): boolean {
  const status = snapshot.profilesStatus;
  return status.state === 'ok' || status.state === 'file-only' || status.fetchedAt !== null;
}

export function profileEffect(profile: Profile): ProfileEffect {
  if (profile.status === 'ACTIVE') return 'effective';
  if (profile.status === 'CREATING') return 'not yet effective';
  return 'not usable';
}

export function buildClusterView(snapshot: Snapshot): ClusterView {
  const profilesKnown = profilesAreKnown(snapshot);
  const ctx = placementContext(snapshot, profilesKnown);
  const controlPlane = parseKubeVersion(snapshot.controlPlaneVersion);
  const pods: PodView[] = [];
  for (const [key, pod] of snapshot.pods) {
    const around = podSurroundings(snapshot, key, pod);
    pods.push(podViewOf(key, pod, placePod(pod, ctx), around, controlPlane, snapshot.templates));
  }
  pods.sort(comparePodViews);

  const byNamespace = new Map<string, PodView[]>();
  for (const view of pods) {
    const list = byNamespace.get(view.pod.namespace);
    if (list) list.push(view);
    else byNamespace.set(view.pod.namespace, [view]);
  }

  const namespaceNames = new Set<string>([...snapshot.namespaces.keys(), ...byNamespace.keys()]);
  const namespaces = [...namespaceNames].sort(compare).map((name) => summarizeNamespace(name, byNamespace.get(name) ?? [], snapshot.profiles));
  const profiles = snapshot.profiles.map((profile) => summarizeProfile(profile, pods));
  const totals = totalsOf(pods);
  const facts = clusterFacts(snapshot);
  return { ...facts, warnings: withUpgradeWarnings(facts.warnings, totals), snapshotVersion: snapshot.version, profilesKnown, pods, byNamespace, namespaces, profiles, totals, upgrade: upgradeView(controlPlane) };
}

/** What a pod's view takes from the snapshot besides the pod: its node (when listed) and its events. */
export interface PodSurroundings {
  node: NodeRecord | undefined;
  events: readonly EventRecord[];
}

export function podSurroundings(snapshot: Snapshot, key: string, pod: PodRecord): PodSurroundings {
  // Events are kept under the same "namespace/name" key as the pods.
  return { node: pod.nodeName ? snapshot.nodes.get(pod.nodeName) : undefined, events: snapshot.events.get(key) ?? NO_EVENTS };
}

/** A pod's view: the pod, its placement, its events and its upgrade fact (the one-shot build and the live model both make them here). */
export function podViewOf(
  key: string,
  pod: PodRecord,
  placement: Placement,
  { node, events }: PodSurroundings,
  controlPlane: KubeVersion | null,
  templates: ReadonlyMap<string, OwnerTemplateRecord>,
): PodView {
  return { key, pod, placement, events, ...upgradeFields(pod, placement, node, controlPlane, templates) };
}

// ---- upgrade readiness (domain/versions.ts) ----

/** A pod's upgrade fact from its node and the control plane; an outdated pod also gets its workload. */
function upgradeFields(
  pod: PodRecord,
  placement: Pick<Placement, 'runsOn'>,
  node: NodeRecord | undefined,
  controlPlane: KubeVersion | null,
  templates: ReadonlyMap<string, OwnerTemplateRecord>,
): { upgrade: KubeletFact; workload?: PodView['workload'] } {
  const upgrade = kubeletFact(placement.runsOn, node, controlPlane);
  return upgrade.outdated ? { upgrade, workload: workloadOf(pod, templates) } : { upgrade };
}

export function upgradeView(controlPlane: KubeVersion | null): UpgradeView {
  return { controlPlane: controlPlane?.text ?? null, next: controlPlane === null ? null : nextMinor(controlPlane) };
}

/** The view's warnings, with one saying how many Fargate pods' kubelets could not be told. */
export function withUpgradeWarnings(warnings: readonly string[], totals: Pick<Totals, 'kubeletUnknown'>): readonly string[] {
  const n = totals.kubeletUnknown;
  if (n === 0) return warnings;
  const pods = n === 1 ? '1 Fargate pod' : `${n} Fargate pods`;
  return [...warnings, `the kubelet version of the node of ${pods} is unknown (not read, missing or not a version): not counted as blocking the upgrade`];
}

/** The workload key a pod's upgrade is grouped under: "namespace/Kind/name", or "namespace/Pod/name" for a bare pod. */
export function workloadKey(view: Pick<PodView, 'pod' | 'workload'> & { pod: Pick<PodRecord, 'namespace' | 'name' | 'owner'> }): string {
  const w = view.workload ?? view.pod.owner;
  return w ? `${view.pod.namespace}/${w.kind}/${w.name}` : `${view.pod.namespace}/Pod/${view.pod.name}`;
}

export function clusterFacts(snapshot: Snapshot): ClusterFacts {
  return {
    identity: snapshot.identity,
    aws: snapshot.profilesStatus,
    connection: snapshot.connection,
    warnings: snapshot.warnings,
    profileRecords: snapshot.profiles,
    proposed: proposedNames(snapshot.profiles),
    changedAt: snapshot.changedAt,
    prices: snapshot.prices ?? { region: snapshot.identity.region, rates: null, origin: 'unknown' },
  };
}

/** Names only --profiles-file profiles carry; a file profile with a live one's name is not a proposal. */
export function proposedNames(profiles: readonly Profile[]): ReadonlySet<string> {
  const live = new Set(profiles.filter((p) => p.source !== 'file').map((p) => p.name));
  return new Set(profiles.filter((p) => p.source === 'file' && !live.has(p.name)).map((p) => p.name));
}

/** What a placement depends on besides the pod itself. */
export function placementContext(snapshot: Snapshot, profilesKnown: boolean): PlacementContext {
  return {
    profiles: [...snapshot.profiles],
    profilesKnown,
    prices: snapshot.prices?.rates ?? null,
    nodes: snapshot.nodes,
    // Keyed "namespace/name"; the blocker check looks claims up that way.
    claims: snapshot.claims,
    volumes: snapshot.volumes,
    storageClasses: snapshot.storageClasses,
    templates: snapshot.templates,
    templatesRead: snapshot.templatesRead,
  };
}

/** The order of pods everywhere: namespace, then name. */
export const comparePodViews = (a: PodView, b: PodView): number => compare(a.pod.namespace, b.pod.namespace) || compare(a.pod.name, b.pod.name);

export function summarizeNamespace(name: string, pods: PodView[], profiles: readonly Profile[]): NamespaceSummary {
  let onFargate = 0;
  let needsReschedule = 0;
  let blocked = 0;
  let pending = 0;
  let outdated = 0;
  let hourlyUsd: number | null = 0;
  for (const { placement, upgrade } of pods) {
    if (upgrade?.outdated) outdated++;
    if (isBilled(placement)) hourlyUsd = addUsd(hourlyUsd, placement.size === null ? 0 : placement.size.hourlyUsd);
    if (placement.runsOn === 'fargate') onFargate++;
    if (placement.needsReschedule) needsReschedule++;
    if (placement.verdict === 'blocked') blocked++;
    if (placement.runsOn === 'pending' && placement.verdict !== 'completed') pending++;
  }
  return { name, pods: pods.length, onFargate, needsReschedule, blocked, pending, outdated, profiles: namespaceProfiles(name, profiles), hourlyUsd };
}

export function summarizeProfile(profile: Profile, pods: PodView[]): ProfileSummary {
  let running = 0;
  let wouldCapture = 0;
  let hourlyUsd: number | null = 0;
  for (const { placement } of pods) {
    if (placement.runsOn === 'fargate' && placement.currentProfile === profile.name) running++;
    if (isBilled(placement) && placement.currentProfile === profile.name) hourlyUsd = addUsd(hourlyUsd, placement.size === null ? 0 : placement.size.hourlyUsd);
    if (placement.expectedProfile === profile.name && placement.verdict !== 'completed') wouldCapture++;
  }
  return { profile, proposed: profile.source === 'file', effect: profileEffect(profile), running, wouldCapture, hourlyUsd };
}

/** A pod Fargate bills for now: running on a Fargate node, not finished. */
const isBilled = (placement: Placement): boolean => placement.runsOn === 'fargate' && placement.verdict !== 'completed';

export function totalsOf(pods: PodView[]): Totals {
  const totals: Totals = { pods: pods.length, onFargate: 0, onEc2: 0, pending: 0, needsReschedule: 0, blocked: 0, completed: 0, unknown: 0, outdated: 0, kubeletUnknown: 0 };
  for (const { placement, upgrade } of pods) {
    if (upgrade?.outdated) totals.outdated++;
    if (upgrade?.unknown) totals.kubeletUnknown++;
    if (placement.runsOn === 'fargate') totals.onFargate++;
    else if (placement.runsOn === 'ec2') totals.onEc2++;
    else if (placement.verdict !== 'completed') totals.pending++;
    if (placement.needsReschedule) totals.needsReschedule++;
    if (placement.verdict === 'blocked') totals.blocked++;
    if (placement.verdict === 'completed') totals.completed++;
    if (placement.verdict === 'unknown') totals.unknown++;
  }
  return totals;
}

export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
