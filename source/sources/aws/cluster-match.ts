// Is the EKS cluster whose Fargate profiles we read the cluster the kubeconfig talks to? A wrong
// --eks-cluster would judge every pod by another cluster's profiles (and plan to evict them), so
// writes are refused unless this says `match`.
import type { ClusterIdentity } from '../../store/snapshot.js';
import { regionOfServer } from '../kube/identity.js';
import { classifyEksError } from './eks-errors.js';
import { createEksClient } from './eks-client.js';
import type { RequestLog } from '../request-log.js';

export type ClusterMatchState =
  /** The kubeconfig names this EKS cluster, or EKS says its API server is the context's. */
  | 'match'
  /** They differ: the message says how. */
  | 'mismatch'
  /** The kubeconfig names no EKS cluster and DescribeCluster could not tell. */
  | 'unknown'
  /** No EKS cluster is read (--no-aws, or none could be inferred: the profile status says so). */
  | 'not-applicable';

export interface ClusterMatch {
  state: ClusterMatchState;
  /** The fact, for `mismatch` and `unknown`; the face adds what follows from it. */
  message: string | null;
  /** What to do, when it is not the faces' general advice. */
  hint?: string;
}

export interface ClusterMatchInput {
  /** The EKS cluster the profiles are read from (flags applied). */
  identity: ClusterIdentity;
  /** What the kubeconfig alone says (inferClusterIdentity without flags). */
  claim: ClusterIdentity;
  /** The kubeconfig server of the context (after --cluster). */
  server: string;
}

export interface ClusterMatchOptions {
  /** Overrides the endpoint (the SDK also honours AWS_ENDPOINT_URL_EKS). */
  endpoint?: string;
  signal?: AbortSignal;
  maxAttempts?: number;
  /** -v's request log. */
  log?: RequestLog | null;
}

export async function checkClusterMatch(input: ClusterMatchInput, options: ClusterMatchOptions = {}): Promise<ClusterMatch> {
  const { identity, claim, server } = input;
  const name = identity.clusterName;
  const region = identity.region;
  if (!name || !region) return { state: 'not-applicable', message: null };
  const target = `EKS cluster ${name} (${region})`;
  const context = `context "${identity.context}"`;

  // What the kubeconfig itself says: an ARN or eksctl name gives name and region, exec args a
  // name (their region is only where the token is made), an EKS server host the region.
  const claimedRegion = claim.inferredFrom === 'arn' || claim.inferredFrom === 'eksctl' ? claim.region : (regionOfServer(server) ?? null);
  if ((claim.clusterName && claim.clusterName !== name) || (claimedRegion && claimedRegion !== region)) {
    const its = claim.clusterName ? `EKS cluster ${claim.clusterName}${claimedRegion ? ` (${claimedRegion})` : ''}` : `an EKS cluster in ${claimedRegion}`;
    return { state: 'mismatch', message: `${target} is not the cluster of ${context}, which is ${its}` };
  }
  if (claim.clusterName) return { state: 'match', message: null };

  // The kubeconfig names no EKS cluster: ask EKS where this one's API server is.
  const { DescribeClusterCommand } = await import('@aws-sdk/client-eks');
  const client = await createEksClient({
    region,
    maxAttempts: options.maxAttempts ?? 4,
    profile: identity.awsProfile,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    log: options.log ?? null,
  });
  try {
    const out = await client.send(new DescribeClusterCommand({ name }), options.signal ? { abortSignal: options.signal } : {});
    const endpoint = out.cluster?.endpoint;
    if (endpoint && sameServer(endpoint, server)) return { state: 'match', message: null };
    if (!endpoint) return { state: 'unknown', message: `cannot confirm that ${target} is the cluster of ${context}: EKS reports no API server endpoint for it` };
    return {
      state: 'mismatch',
      message: `${target} is not the cluster of ${context}: its API server is ${endpoint}, the context's is ${server}`,
      hint: `pass the --eks-cluster of this context; if it is the same cluster behind another address, name the context or its cluster entry by the cluster's ARN (as \`aws eks update-kubeconfig\` does)`,
    };
  } catch (error) {
    const why = classifyEksError(error, name, region, identity.awsProfile);
    const detail = why.state === 'access-denied' ? 'eks:DescribeCluster is not allowed' : why.message;
    return {
      state: 'unknown',
      message: `cannot confirm that ${target} is the cluster of ${context}: the kubeconfig names no EKS cluster and DescribeCluster failed (${detail})`,
    };
  } finally {
    client.destroy();
  }
}

/** Scheme, host and port compared without case, default ports and trailing slashes. */
export function sameServer(a: string, b: string): boolean {
  return normaliseServer(a) === normaliseServer(b);
}

function normaliseServer(server: string): string {
  const text = server.trim();
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return text.replace(/\/+$/, '').toLowerCase();
  }
}
