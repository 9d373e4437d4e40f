// Kubernetes versions as EKS writes them, and the rule that makes a Fargate pod block the next
// control-plane upgrade (spec §2.5): a Fargate node keeps the kubelet of the control-plane
// version it was created under, and EKS refuses to upgrade the control plane while any Fargate
// node runs an older minor. Pure.
import type { NodeRecord, RunsOn } from './types.js';

/** A version reduced to what the upgrade rule compares: major and minor. */
export interface KubeVersion {
  major: number;
  minor: number;
  /** "1.33": how EKS names a version (DescribeCluster `version`, `eksctl upgrade cluster --version`). */
  text: string;
}

// gitVersion / kubeletVersion as Kubernetes builds write them: v1.33.5-eks-3025e55, v1.32.9,
// v1.31.0+k3s1; also "1.33" as EKS's API names a version. No spaces, nothing before the "v".
const VERSION = /^v?(\d{1,3})\.(\d{1,3})(?:\.\d{1,4})?(?:[-+][0-9A-Za-z.+-]*)?$/;

/** The major and minor of an EKS version string; null when it is missing or not shaped like one. */
export function parseKubeVersion(raw: string | null | undefined): KubeVersion | null {
  if (typeof raw !== 'string') return null;
  const m = VERSION.exec(raw);
  if (m === null) return null;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (major < 1) return null;
  return { major, minor, text: `${major}.${minor}` };
}

/** `version` is behind `reference`: an older minor of the same major, or an older major. */
export const isBehind = (version: KubeVersion, reference: KubeVersion): boolean =>
  version.major < reference.major || (version.major === reference.major && version.minor < reference.minor);

/** The version EKS upgrades to next: one minor up ("1.33" -> "1.34"). */
export const nextMinor = (version: KubeVersion): string => `${version.major}.${version.minor + 1}`;

/** What the upgrade rule says about one pod. */
export interface KubeletFact {
  /** The kubelet of the pod's Fargate node as the node reports it; null off Fargate, or when missing or odd. */
  kubeletVersion: string | null;
  /** On a Fargate node whose kubelet minor is below the control plane's: it blocks the next upgrade. */
  outdated: boolean;
  /** On Fargate, but its node's kubelet version is missing or odd (or the node was not read): not counted. */
  unknown: boolean;
}

export const NOT_ON_FARGATE: KubeletFact = Object.freeze({ kubeletVersion: null, outdated: false, unknown: false });

/**
 * The upgrade fact of a pod that runs on `runsOn`, on `node` (its record, when read), under a
 * control plane of `controlPlane` (null when unknown: nothing is outdated then). Only Fargate
 * counts: EKS checks Fargate nodes; EC2 node groups are upgraded on their own. A completed pod
 * counts too: its Fargate node (and kubelet) stays until the pod is deleted.
 */
export function kubeletFact(runsOn: RunsOn, node: Pick<NodeRecord, 'kubeletVersion'> | undefined, controlPlane: KubeVersion | null): KubeletFact {
  if (runsOn !== 'fargate') return NOT_ON_FARGATE;
  const raw = node?.kubeletVersion ?? null;
  const kubelet = parseKubeVersion(raw);
  if (kubelet === null) return { kubeletVersion: null, outdated: false, unknown: true };
  return { kubeletVersion: raw, outdated: controlPlane !== null && isBehind(kubelet, controlPlane), unknown: false };
}
