import type { Blocker, FargateSize, RunsOn, Selector, Verdict } from '../domain/types.js';
import { addUsd, FARGATE_PRICES_DATE, FARGATE_PRICES_SOURCE } from '../domain/fargate-prices.js';
import type { ClusterView, PodView } from '../view-model/cluster-view.js';
import { ownerRef } from '../view-model/words/pod.js';

// The `--json` / `-o yaml` document. Its shape is a public contract (documented in README):
// add fields, never rename or remove them.

export const REPORT_API_VERSION = 'kubectl-fargate/v1';

export interface ReportDocument {
  apiVersion: typeof REPORT_API_VERSION;
  kind: 'FargatePlacementReport' | 'FargateCheck' | 'FargateUpgradeCheck';
  context: string;
  /** version: the control plane's Kubernetes minor ("1.33"), null when /version could not be read. */
  cluster: { name: string | null; region: string | null; version: string | null };
  generatedAt: string;
  aws: { state: string; message: string | null; stale: boolean };
  /** False when EKS could not be read: profile-derived pod fields are null (unknown). */
  profilesKnown: boolean;
  profiles: ReportProfile[];
  namespaces: ReportNamespace[];
  pods: ReportPod[];
  /** `check --upgrade` only: the upgrade it checks and the outdated pods by workload. */
  upgrade?: ReportUpgrade;
  warnings: string[];
  /** The Fargate rates every hourlyUsd uses, where they come from, and the cluster's hourly total. */
  prices: ReportPrices;
}

export interface ReportPrices {
  region: string | null;
  /** "table" (built in, of `date`), "file" (--price-file) or "unknown" (then every hourlyUsd is null). */
  source: string;
  /** The built-in table's date and source page (also when --price-file overrides it). */
  tableDate: string;
  tableSource: string;
  vcpuHour: number | null;
  gbHour: number | null;
  /** USD per hour of the reported namespaces' pods running on Fargate; null when prices are unknown. */
  hourlyUsd: number | null;
}

export interface ReportUpgrade {
  controlPlane: string;
  next: string;
  outdated: number;
  workloads: { namespace: string; kind: string; name: string; pods: string[] }[];
}

export interface ReportProfile {
  name: string;
  status: string;
  selectors: Selector[];
  subnets: string[];
  podExecutionRoleArn: string | null;
  /** "eks" (live) or "file" (from --profiles-file: proposed). */
  source: string;
  /** USD per hour of the pods running on Fargate under it now; null when prices are unknown. */
  hourlyUsd: number | null;
}

export interface ReportNamespace {
  name: string;
  pods: number;
  onFargate: number;
  needsReschedule: number;
  profiles: string[];
  /** Pods blocking the next control-plane upgrade. */
  outdated: number;
  /** USD per hour of its pods running on Fargate; null when prices are unknown. */
  hourlyUsd: number | null;
}

export interface ReportPod {
  namespace: string;
  name: string;
  uid: string;
  labels: Record<string, string>;
  /** RFC 3339, seconds, as Kubernetes writes metadata.creationTimestamp. */
  creationTimestamp: string;
  phase: string;
  status: string;
  node: string | null;
  owner: string | null;
  runsOn: RunsOn;
  currentProfile: string | null;
  expectedProfile: string | null;
  matchingProfiles: string[] | null;
  needsReschedule: boolean | null;
  verdict: Verdict;
  blockers: Blocker[];
  reasons: string[];
  size: FargateSize | null;
  /** Its Fargate node's kubelet (v1.32.9-eks-113cf36); null off Fargate, or when missing or odd. */
  kubeletVersion: string | null;
  /** On a Fargate kubelet older than the control plane: it blocks the next upgrade. */
  outdated: boolean;
}

export function reportPod({ pod, placement, upgrade }: PodView): ReportPod {
  return {
    namespace: pod.namespace,
    name: pod.name,
    uid: pod.uid,
    labels: pod.labels,
    creationTimestamp: rfc3339(pod.createdAt),
    phase: pod.phase,
    status: pod.status,
    node: pod.nodeName,
    owner: ownerRef(pod.owner),
    runsOn: placement.runsOn,
    currentProfile: placement.currentProfile,
    expectedProfile: placement.expectedProfile,
    matchingProfiles: placement.matchingProfiles,
    needsReschedule: placement.needsReschedule,
    verdict: placement.verdict,
    blockers: placement.blockers,
    reasons: placement.reasons,
    size: placement.size,
    kubeletVersion: upgrade?.kubeletVersion ?? null,
    outdated: upgrade?.outdated === true,
  };
}

/** Kubernetes' timestamp form: `2026-01-02T03:04:05Z` (no fraction). */
export const rfc3339 = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A report whose pods are still views (buildReportFrame). */
export interface ReportFrame {
  document: ReportDocument;
  views: readonly PodView[];
}

type ReportOptions = { kind?: ReportDocument['kind']; pods?: readonly PodView[]; now?: Date; upgrade?: ReportUpgrade };

export function buildReport(view: ClusterView, options: ReportOptions = {}): ReportDocument {
  const { document, views } = buildReportFrame(view, options);
  document.pods = views.map(reportPod);
  return document;
}

/**
 * The report with an empty `pods`, and the views its pods are made from: a writer makes them a
 * batch at a time (reportPod), so 50k report pods are never all alive at once.
 */
export function buildReportFrame(
  view: ClusterView,
  { kind = 'FargatePlacementReport', pods = view.pods, now = new Date(), upgrade }: ReportOptions = {},
): ReportFrame {
  const { identity, aws } = view;
  const profileUsd = new Map(view.profiles.map((p) => [p.profile, p.hourlyUsd]));
  const document: ReportDocument = {
    apiVersion: REPORT_API_VERSION,
    kind,
    context: identity.context,
    cluster: { name: identity.clusterName, region: identity.region, version: view.upgrade.controlPlane },
    generatedAt: now.toISOString(),
    aws: { state: aws.state, message: aws.message, stale: aws.stale },
    profilesKnown: view.profilesKnown,
    profiles: view.profileRecords.map((p) => ({
      name: p.name,
      status: p.status,
      selectors: p.selectors.map((s) => ({ namespace: s.namespace, labels: s.labels ?? {} })),
      subnets: p.subnets,
      podExecutionRoleArn: p.podExecutionRoleArn,
      source: p.source,
      hourlyUsd: profileUsd.get(p) ?? null,
    })),
    namespaces: view.namespaces.map((n) => ({
      name: n.name,
      pods: n.pods,
      onFargate: n.onFargate,
      needsReschedule: n.needsReschedule,
      profiles: n.profiles,
      outdated: n.outdated,
      hourlyUsd: n.hourlyUsd,
    })),
    // Here, so that the key keeps its place in the document.
    pods: [],
    ...(upgrade ? { upgrade } : {}),
    warnings: [...view.warnings],
    prices: reportPrices(view),
  };
  return { document, views: pods };
}

function reportPrices({ prices, namespaces }: ClusterView): ReportPrices {
  return {
    region: prices.region,
    source: prices.origin,
    tableDate: FARGATE_PRICES_DATE,
    tableSource: FARGATE_PRICES_SOURCE,
    vcpuHour: prices.rates?.vcpuHour ?? null,
    gbHour: prices.rates?.gbHour ?? null,
    hourlyUsd: namespaces.reduce<number | null>((sum, n) => addUsd(sum, n.hourlyUsd), 0),
  };
}
