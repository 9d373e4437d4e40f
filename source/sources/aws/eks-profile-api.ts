// The EKS calls that change Fargate profiles, and the reads around them: CreateFargateProfile,
// DeleteFargateProfile, DescribeFargateProfile (with its health issues, for CREATE_FAILED) and
// DescribeCluster (the cluster's subnets, for hints). One client per command; every failure is an
// EksWriteError with one line saying what EKS refused and what to do.
import type { EKSClient } from '@aws-sdk/client-eks';
import type { Profile } from '../../domain/types.js';
import type { ProfileSpec } from '../../domain/profile-spec.js';
import type { ClusterIdentity } from '../../store/snapshot.js';
import { missingIdentityHint } from '../kube/identity.js';
import { UserError } from '../../errors.js';
import { toProfile } from './eks.js';
import { classifyWriteError, EksWriteError } from './eks-write-errors.js';

/** A profile as DescribeFargateProfile tells it, with the health issues EKS reports. */
export interface DescribedProfile {
  profile: Profile;
  arn: string | null;
  /** "AccessDenied: Fargate could not assume ..." (FargateProfileIssue code and message). */
  issues: string[];
}

/** The CreateFargateProfile request body, as sent (and as `--dry-run` prints it). */
export interface CreateRequest {
  fargateProfileName: string;
  clusterName: string;
  podExecutionRoleArn: string;
  subnets?: string[];
  selectors: { namespace: string; labels?: Record<string, string> }[];
  tags?: Record<string, string>;
}

export function createRequest(spec: ProfileSpec, clusterName: string): CreateRequest {
  return {
    fargateProfileName: spec.name,
    clusterName,
    podExecutionRoleArn: spec.podExecutionRoleArn,
    ...(spec.subnets.length > 0 ? { subnets: [...spec.subnets] } : {}),
    selectors: spec.selectors.map((s) => (s.labels && Object.keys(s.labels).length > 0 ? { namespace: s.namespace, labels: { ...s.labels } } : { namespace: s.namespace })),
    ...(Object.keys(spec.tags).length > 0 ? { tags: { ...spec.tags } } : {}),
  };
}

export interface ProfileApi {
  readonly cluster: string;
  /** null: no such profile (gone). */
  describe(name: string, signal?: AbortSignal): Promise<DescribedProfile | null>;
  list(signal?: AbortSignal): Promise<DescribedProfile[]>;
  create(request: CreateRequest): Promise<DescribedProfile>;
  delete(name: string): Promise<DescribedProfile>;
  /** The cluster's subnets (DescribeCluster); null when they cannot be read. */
  clusterSubnets(): Promise<string[] | null>;
  close(): void;
}

export interface ProfileApiOptions {
  /** Overrides the endpoint (the SDK also honours AWS_ENDPOINT_URL_EKS). */
  endpoint?: string;
  /** SDK attempts per call (throttling and 5xx are retried with backoff; default 4). */
  maxAttempts?: number;
}

/** Throws a UserError when the identity names no cluster or region (nothing can be written then). */
export async function openProfileApi(identity: ClusterIdentity, options: ProfileApiOptions = {}): Promise<ProfileApi> {
  const cluster = identity.clusterName;
  const region = identity.region;
  if (!cluster || !region) throw new UserError(missingIdentityHint(identity) ?? 'cannot tell the EKS cluster of this context', { hint: 'pass --eks-cluster NAME --region REGION' });
  const sdk = await import('@aws-sdk/client-eks');
  const client: EKSClient = new sdk.EKSClient({
    region,
    maxAttempts: options.maxAttempts ?? 4,
    ...(identity.awsProfile ? { profile: identity.awsProfile } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
  const where = { cluster, region, awsProfile: identity.awsProfile };
  const subject = (name: string) => `profile ${name} of cluster ${cluster}`;
  const call = async <T>(operation: string, about: string, send: () => Promise<T>): Promise<T> => {
    try {
      return await send();
    } catch (error) {
      if ((error as { name?: string }).name === 'AbortError') throw error;
      throw classifyWriteError(error, operation, about, where);
    }
  };
  const described = (fp: import('@aws-sdk/client-eks').FargateProfile): DescribedProfile => ({
    profile: toProfile(fp),
    arn: fp.fargateProfileArn ?? null,
    issues: (fp.health?.issues ?? []).map((i) => `${i.code ?? 'issue'}: ${i.message ?? ''}`.trim()),
  });

  const describe = async (name: string, signal?: AbortSignal): Promise<DescribedProfile | null> => {
    try {
      const out = await call('DescribeFargateProfile', subject(name), () =>
        client.send(new sdk.DescribeFargateProfileCommand({ clusterName: cluster, fargateProfileName: name }), signal ? { abortSignal: signal } : {}),
      );
      return out.fargateProfile ? described(out.fargateProfile) : null;
    } catch (error) {
      if (error instanceof EksWriteError && error.kind === 'not-found' && /Fargate Profile/i.test(error.message)) return null;
      throw error;
    }
  };

  return {
    cluster,
    describe,
    async list(signal) {
      const names: string[] = [];
      await call('ListFargateProfiles', `cluster ${cluster}`, async () => {
        for await (const page of sdk.paginateListFargateProfiles({ client, pageSize: 100 }, { clusterName: cluster }, ...(signal ? [{ abortSignal: signal }] : []))) {
          names.push(...(page.fargateProfileNames ?? []));
        }
      });
      const all = await Promise.all(names.map((name) => describe(name, signal)));
      return all.filter((p): p is DescribedProfile => p !== null);
    },
    async create(request) {
      const out = await call('CreateFargateProfile', subject(request.fargateProfileName), () => client.send(new sdk.CreateFargateProfileCommand(request)));
      if (!out.fargateProfile) throw new EksWriteError('error', `CreateFargateProfile for ${subject(request.fargateProfileName)} answered without the profile`, 'check it with `kubectl fargate profile list`');
      return described(out.fargateProfile);
    },
    async delete(name) {
      const out = await call('DeleteFargateProfile', subject(name), () => client.send(new sdk.DeleteFargateProfileCommand({ clusterName: cluster, fargateProfileName: name })));
      if (!out.fargateProfile) throw new EksWriteError('error', `DeleteFargateProfile for ${subject(name)} answered without the profile`, 'check it with `kubectl fargate profile list`');
      return described(out.fargateProfile);
    },
    async clusterSubnets() {
      try {
        const out = await client.send(new sdk.DescribeClusterCommand({ name: cluster }));
        return out.cluster?.resourcesVpcConfig?.subnetIds ?? null;
      } catch {
        return null;
      }
    },
    close: () => client.destroy(),
  };
}
