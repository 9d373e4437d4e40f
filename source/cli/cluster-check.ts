// What the faces do with the cluster check (sources/aws/cluster-match.ts): writes are refused
// unless the Fargate profiles are the kubeconfig cluster's own; views go on with a warning.
import { UsageError, UserError } from '../errors.js';
import type { ClusterMatch } from '../sources/aws/cluster-match.js';
import type { Session } from './session.js';

const REFUSING = 'refusing to change anything';

/** Throws unless the check says the clusters match (or no EKS cluster is involved). */
export async function requireClusterMatch(session: Pick<Session, 'clusterMatch'>): Promise<void> {
  const { state, message, hint } = await session.clusterMatch();
  if (state === 'mismatch') {
    // Only flags can make them differ (--eks-cluster, --region): a usage error.
    throw new UsageError(`${REFUSING}: ${message}`, hint ?? 'drop --eks-cluster/--region to use the context\'s own cluster, or pick the right context with --context');
  }
  if (state === 'unknown') {
    throw new UserError(`${REFUSING}: ${message}`, { hint: 'allow eks:DescribeCluster, or use a context named by the cluster\'s ARN (`aws eks update-kubeconfig`)' });
  }
}

/** The warning a view shows, or null when there is nothing to say. */
export function clusterMatchWarning({ state, message }: ClusterMatch): string | null {
  if (state === 'mismatch') return `${message}: the verdicts use that EKS cluster's Fargate profiles`;
  if (state === 'unknown') return message;
  return null;
}
