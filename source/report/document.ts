import type { Blocker, FargateSize, RunsOn, Selector, Verdict } from '../domain/types.js';
import type { ClusterView, PodView } from '../view-model/cluster-view.js';
import { ownerRef } from '../view-model/words/pod.js';

// The `--json` / `-o yaml` document. Its shape is a public contract (documented in README):
// add fields, never rename or remove them.

export const REPORT_API_VERSION = 'kubectl-fargate/v1';

export interface ReportDocument {
  apiVersion: typeof REPORT_API_VERSION;
  kind: 'FargatePlacementReport' | 'FargateCheck';
  context: string;
  cluster: { name: string | null; region: string | null };
  generatedAt: string;
  aws: { state: string; message: string | null; stale: boolean };
  /** False when EKS could not be read: profile-derived pod fields are null (unknown). */
  profilesKnown: boolean;
  profiles: ReportProfile[];
  namespaces: ReportNamespace[];
  pods: ReportPod[];
  warnings: string[];
}

export interface ReportProfile {
  name: string;
  status: string;
  selectors: Selector[];
  subnets: string[];
  podExecutionRoleArn: string | null;
  /** "eks" (live) or "file" (from --profiles-file: proposed). */
  source: string;
}

export interface ReportNamespace {
  name: string;
  pods: number;
  onFargate: number;
  needsReschedule: number;
  profiles: string[];
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
}

export function reportPod({ pod, placement }: PodView): ReportPod {
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
  };
}

/** Kubernetes' timestamp form: `2026-01-02T03:04:05Z` (no fraction). */
export const rfc3339 = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function buildReport(
  view: ClusterView,
  { kind = 'FargatePlacementReport', pods = view.pods, now = new Date() }: { kind?: ReportDocument['kind']; pods?: PodView[]; now?: Date } = {},
): ReportDocument {
  const { identity, aws } = view;
  return {
    apiVersion: REPORT_API_VERSION,
    kind,
    context: identity.context,
    cluster: { name: identity.clusterName, region: identity.region },
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
    })),
    namespaces: view.namespaces.map((n) => ({
      name: n.name,
      pods: n.pods,
      onFargate: n.onFargate,
      needsReschedule: n.needsReschedule,
      profiles: n.profiles,
    })),
    pods: pods.map(reportPod),
    warnings: [...view.warnings],
  };
}
