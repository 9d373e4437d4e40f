import type { FargateProfile } from '@aws-sdk/client-eks';
import type { Profile, ProfileStatus } from '../../domain/types.js';
import type { ClusterStore } from '../../store/cluster-store.js';
import type { ClusterIdentity, ProfilesStatus } from '../../store/snapshot.js';
import { classifyEksError } from './eks-errors.js';
import { missingIdentityHint } from '../kube/identity.js';

export interface FetchProfilesOptions {
  /** Overrides the endpoint (the SDK also honours AWS_ENDPOINT_URL_EKS / AWS_ENDPOINT_URL). */
  endpoint?: string;
  signal?: AbortSignal;
  /** SDK attempts per call, retrying throttling and 5xx with backoff (default 4). */
  maxAttempts?: number;
  /** ListFargateProfiles page size, 1-100 (default 100). */
  pageSize?: number;
  /** Parallel DescribeFargateProfile calls (default 4). */
  concurrency?: number;
  now?: () => number;
}

export interface ProfilesResult {
  profiles: Profile[];
  status: ProfilesStatus;
}

/**
 * All Fargate profiles of the identity's cluster: ListFargateProfiles (every page), then
 * DescribeFargateProfile for each with bounded concurrency. Never throws: failures come back as a
 * status saying what went wrong and what to do.
 */
export async function fetchProfiles(identity: ClusterIdentity, options: FetchProfilesOptions = {}): Promise<ProfilesResult> {
  const now = options.now ?? Date.now;
  const cluster = identity.clusterName;
  const region = identity.region;
  if (!cluster || !region) {
    return { profiles: [], status: { state: 'no-cluster', message: missingIdentityHint(identity), fetchedAt: null, stale: false } };
  }
  // Loaded on first use: compiling the SDK (~150 ms) then overlaps with the first Kubernetes pages.
  const { DescribeFargateProfileCommand, EKSClient, paginateListFargateProfiles } = await import('@aws-sdk/client-eks');
  const client = new EKSClient({
    region,
    maxAttempts: options.maxAttempts ?? 4,
    // The client-level profile picks credentials and config from ~/.aws like AWS_PROFILE would,
    // without changing process.env for anything else.
    ...(identity.awsProfile ? { profile: identity.awsProfile } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
  const abortSignal = options.signal;
  try {
    const names: string[] = [];
    for await (const page of paginateListFargateProfiles(
      { client, pageSize: options.pageSize ?? 100 },
      { clusterName: cluster },
      ...(abortSignal ? [{ abortSignal }] : []),
    )) {
      for (const name of page.fargateProfileNames ?? []) names.push(name);
    }
    const described = await mapLimit(names, options.concurrency ?? 4, async (name) => {
      try {
        const out = await client.send(
          new DescribeFargateProfileCommand({ clusterName: cluster, fargateProfileName: name }),
          abortSignal ? { abortSignal } : {},
        );
        return out.fargateProfile ? toProfile(out.fargateProfile) : null;
      } catch (error) {
        // Deleted between list and describe: it is gone, not an error.
        if ((error as { name?: string }).name === 'ResourceNotFoundException') return null;
        throw error;
      }
    });
    const profiles = described.filter((p): p is Profile => p !== null);
    return { profiles, status: { state: 'ok', message: null, fetchedAt: now(), stale: false } };
  } catch (error) {
    const notJson = notJsonMessage(error, options.endpoint ?? process.env.AWS_ENDPOINT_URL_EKS ?? process.env.AWS_ENDPOINT_URL ?? `https://eks.${region}.amazonaws.com`);
    const failure = notJson !== null ? { state: 'error' as const, message: notJson } : classifyEksError(error, cluster, region, identity.awsProfile);
    return { profiles: [], status: { state: failure.state, message: failure.message, fetchedAt: null, stale: false } };
  } finally {
    client.destroy();
  }
}

/**
 * Some endpoints answer with an HTML page (a proxy's or load balancer's error page, a captive
 * portal, a wrong AWS_ENDPOINT_URL_EKS). The SDK then fails parsing it as JSON; say that in one
 * line instead of the parser's "Unexpected token '<'". Null for any other error.
 */
export function notJsonMessage(error: unknown, endpoint: string): string | null {
  const err = (error ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number }; $response?: { headers?: Record<string, string | undefined> } };
  if (err.name !== 'SyntaxError') return null;
  const status = err.$metadata?.httpStatusCode;
  const type = err.$response?.headers?.['content-type']?.split(';')[0]?.trim();
  const what = type ? `a ${type} page` : 'a body';
  return (
    `the EKS endpoint ${endpoint} answered${status ? ` HTTP ${status}` : ''} with ${what}, not the EKS API's JSON ` +
    '(a proxy or firewall in between, or a wrong AWS_ENDPOINT_URL_EKS); try again shortly, or check the endpoint'
  );
}

export function toProfile(fp: FargateProfile): Profile {
  const profile: Profile = {
    name: fp.fargateProfileName ?? '',
    status: (fp.status ?? 'ACTIVE') as ProfileStatus,
    selectors: (fp.selectors ?? []).map((s) =>
      s.labels && Object.keys(s.labels).length > 0
        ? { namespace: s.namespace ?? '', labels: { ...s.labels } }
        : { namespace: s.namespace ?? '' },
    ),
    subnets: [...(fp.subnets ?? [])],
    podExecutionRoleArn: fp.podExecutionRoleArn ?? null,
    source: 'eks',
  };
  if (fp.createdAt) profile.createdAt = fp.createdAt.getTime();
  if (fp.tags && Object.keys(fp.tags).length > 0) profile.tags = { ...fp.tags };
  return profile;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface ProfilePollerOptions extends FetchProfilesOptions {
  intervalMs?: number;
  /** For tests: replaces fetchProfiles. */
  fetch?: (identity: ClusterIdentity, options: FetchProfilesOptions) => Promise<ProfilesResult>;
}

export interface ProfilePoller {
  /** Read now (e.g. the user pressed refresh); joins a read already under way. */
  refreshNow(): Promise<void>;
  stop(): void;
}

/**
 * Re-read the profiles every `intervalMs` into the store. A failed read keeps the last known
 * profiles and marks them stale, so the view does not flip to "unknown" on one bad call.
 */
export function startProfilePoller(identity: ClusterIdentity, store: ClusterStore, options: ProfilePollerOptions = {}): ProfilePoller {
  const intervalMs = options.intervalMs ?? 60_000;
  const read = options.fetch ?? fetchProfiles;
  const abort = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> | null = null;
  let lastOkAt: number | null = null;

  const schedule = () => {
    if (abort.signal.aborted || !identity.clusterName || !identity.region) return;
    timer = setTimeout(() => void refreshNow(), intervalMs);
  };

  const once = async () => {
    const { profiles, status } = await read(identity, { ...options, signal: abort.signal });
    if (abort.signal.aborted) return;
    if (status.state === 'ok') {
      lastOkAt = status.fetchedAt;
      store.setLiveProfiles(profiles, status);
    } else if (lastOkAt !== null) {
      store.setProfilesStatus({ ...status, fetchedAt: lastOkAt, stale: true });
    } else {
      store.setLiveProfiles([], status);
    }
  };

  const refreshNow = (): Promise<void> => {
    if (inFlight) return inFlight;
    if (timer) clearTimeout(timer);
    timer = null;
    inFlight = once().finally(() => {
      inFlight = null;
      schedule();
    });
    return inFlight;
  };

  void refreshNow();
  return {
    refreshNow,
    stop: () => {
      abort.abort();
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
