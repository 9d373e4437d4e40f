// The EKS REST-JSON API for one cluster (spec §5): DescribeCluster, ListClusters,
// List/Describe/Create/DeleteFargateProfile, UpdateClusterVersion, DescribeUpdate, ListUpdates.
// Signatures are not verified, but a request without an Authorization header is refused like
// the real endpoint does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ctx } from '../context.js';
import type { Faults } from '../faults.js';
import { readBody } from '../kube/http.js';
import { findUpdate, startVersionUpdate, updateJson } from './cluster-updates.js';
import { EksError, injectedError, sendEks, sendEksError } from './errors.js';
import { createProfileRequest, deleteProfileRequest } from './profile-requests.js';
import type { SimProfile } from './profiles.js';
import { eksVersion } from './versions.js';
import { SUBNETS, VPC_ID } from './vpc.js';

export const clusterArn = (ctx: Pick<Ctx, 'info'>): string => `arn:aws:eks:${ctx.info.region}:${ctx.info.accountId}:cluster/${ctx.info.clusterName}`;

export function profileJson(ctx: Pick<Ctx, 'info'>, p: SimProfile): object {
  return {
    fargateProfileName: p.name,
    fargateProfileArn: p.arn,
    clusterName: ctx.info.clusterName,
    // Epoch seconds as a number: the SDKs parse timestamps that way (an ISO string breaks them).
    createdAt: Math.round(p.createdAt) / 1000,
    podExecutionRoleArn: p.podExecutionRoleArn,
    subnets: p.subnets,
    selectors: p.selectors.map((s) => (s.labels === undefined ? { namespace: s.namespace } : { namespace: s.namespace, labels: s.labels })),
    status: p.status,
    tags: p.tags,
    health: p.health,
  };
}

function clusterJson(ctx: Ctx): object {
  const { info } = ctx;
  const id = Buffer.from(`${info.accountId}${info.clusterName}`).toString('hex').toUpperCase().slice(0, 32).padEnd(32, '0');
  return {
    name: info.clusterName,
    arn: clusterArn(ctx),
    createdAt: Math.round(info.createdAt) / 1000,
    version: info.version,
    // The API server of this cluster is the simulator itself.
    endpoint: info.url,
    roleArn: `arn:aws:iam::${info.accountId}:role/eksClusterRole`,
    resourcesVpcConfig: {
      subnetIds: SUBNETS.map((s) => s.id),
      securityGroupIds: [],
      clusterSecurityGroupId: 'sg-0123456789abcdef0',
      vpcId: VPC_ID,
      endpointPublicAccess: true,
      endpointPrivateAccess: true,
      publicAccessCidrs: ['0.0.0.0/0'],
    },
    kubernetesNetworkConfig: { serviceIpv4Cidr: '172.20.0.0/16', ipFamily: 'ipv4', elasticLoadBalancing: { enabled: false } },
    logging: { clusterLogging: [{ types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'], enabled: false }] },
    identity: { oidc: { issuer: `https://oidc.eks.${info.region}.amazonaws.com/id/${id}` } },
    status: info.status,
    certificateAuthority: { data: Buffer.from('-----BEGIN CERTIFICATE-----\nsimulated\n-----END CERTIFICATE-----\n').toString('base64') },
    platformVersion: eksVersion(info.version).platform,
    tags: {},
    health: { issues: [] },
    accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' },
    upgradePolicy: { supportType: 'STANDARD' },
  };
}

interface Route {
  operation: string;
  cluster?: string;
  profile?: string;
  update?: string;
}

function route(method: string, seg: string[]): Route | undefined {
  if (seg[0] !== 'clusters') return undefined;
  if (seg.length === 1 && method === 'GET') return { operation: 'ListClusters' };
  const cluster = seg[1];
  if (seg.length === 2 && method === 'GET') return { operation: 'DescribeCluster', cluster };
  if (seg[2] === 'updates') {
    if (seg.length === 3) return method === 'GET' ? { operation: 'ListUpdates', cluster } : method === 'POST' ? { operation: 'UpdateClusterVersion', cluster } : undefined;
    if (seg.length === 4 && method === 'GET') return { operation: 'DescribeUpdate', cluster, update: seg[3] };
    return undefined;
  }
  if (seg[2] !== 'fargate-profiles') return undefined;
  if (seg.length === 3) return method === 'GET' ? { operation: 'ListFargateProfiles', cluster } : method === 'POST' ? { operation: 'CreateFargateProfile', cluster } : undefined;
  if (seg.length === 4) {
    const profile = seg[3];
    if (method === 'GET') return { operation: 'DescribeFargateProfile', cluster, profile };
    if (method === 'DELETE') return { operation: 'DeleteFargateProfile', cluster, profile };
  }
  return undefined;
}

function page<T>(items: T[], maxResults: string | null, nextToken: string | null): { items: T[]; next: string | null } {
  const max = maxResults === null ? 100 : Number(maxResults);
  if (!Number.isInteger(max) || max < 1 || max > 100) throw new EksError('InvalidParameterException', 'maxResults must be between 1 and 100');
  let start = 0;
  if (nextToken !== null && nextToken !== '') {
    const m = /^sim-(\d+)$/.exec(Buffer.from(nextToken, 'base64url').toString('utf8'));
    if (m === null) throw new EksError('InvalidParameterException', 'The nextToken provided is invalid');
    start = Number(m[1]);
  }
  const end = start + max;
  return { items: items.slice(start, end), next: end < items.length ? Buffer.from(`sim-${end}`).toString('base64url') : null };
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  try {
    const body: unknown = JSON.parse((await readBody(req)) || '{}');
    if (body !== null && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new EksError('InvalidParameterException', 'Request body is not valid JSON');
}

export async function handleEks(req: IncomingMessage, res: ServerResponse, url: URL, deps: { ctx: Ctx; faults: Faults }): Promise<void> {
  const { ctx, faults } = deps;
  const { info } = ctx;
  const method = req.method ?? 'GET';
  const seg = url.pathname.split('/').filter((s) => s !== '').map(decodeURIComponent);
  try {
    const r = route(method, seg);
    if (r === undefined) throw new EksError('UnknownOperationException', 'Unknown operation');
    if (req.headers.authorization === undefined || req.headers.authorization === '') {
      throw new EksError('MissingAuthenticationTokenException', 'Missing Authentication Token');
    }
    const resourceArn = r.profile === undefined ? (r.cluster === undefined ? `arn:aws:eks:${info.region}:${info.accountId}:cluster/*` : `arn:aws:eks:${info.region}:${info.accountId}:cluster/${r.cluster}`) : `arn:aws:eks:${info.region}:${info.accountId}:fargateprofile/${r.cluster}/${r.profile}/*`;
    const forced = faults.takeEks(r.operation);
    if (forced !== undefined) throw injectedError(forced.error, { operation: r.operation, accountId: info.accountId, resourceArn, clusterName: r.cluster ?? info.clusterName, message: forced.message });

    if (r.operation === 'ListClusters') {
      const p = page([info.clusterName], url.searchParams.get('maxResults'), url.searchParams.get('nextToken'));
      return sendEks(res, 200, { clusters: p.items, nextToken: p.next });
    }
    if (r.cluster !== info.clusterName) throw new EksError('ResourceNotFoundException', `No cluster found for name: ${String(r.cluster)}.`, { clusterName: String(r.cluster) });

    switch (r.operation) {
      case 'DescribeCluster':
        return sendEks(res, 200, { cluster: clusterJson(ctx) });
      case 'ListFargateProfiles': {
        const p = page(ctx.profiles.list().map((x) => x.name), url.searchParams.get('maxResults'), url.searchParams.get('nextToken'));
        return sendEks(res, 200, p.next === null ? { fargateProfileNames: p.items } : { fargateProfileNames: p.items, nextToken: p.next });
      }
      case 'DescribeFargateProfile': {
        const p = ctx.profiles.get(String(r.profile));
        if (p === undefined) throw new EksError('ResourceNotFoundException', `No Fargate Profile found with name: ${String(r.profile)}.`, { clusterName: info.clusterName, fargateProfileName: String(r.profile) });
        return sendEks(res, 200, { fargateProfile: profileJson(ctx, p) });
      }
      case 'CreateFargateProfile': {
        const p = createProfileRequest(ctx, await jsonBody(req));
        return sendEks(res, 200, { fargateProfile: profileJson(ctx, p) });
      }
      case 'DeleteFargateProfile': {
        const p = deleteProfileRequest(ctx, String(r.profile));
        return sendEks(res, 200, { fargateProfile: profileJson(ctx, p) });
      }
      case 'UpdateClusterVersion':
        return sendEks(res, 200, { update: updateJson(startVersionUpdate(ctx, await jsonBody(req))) });
      case 'DescribeUpdate':
        return sendEks(res, 200, { update: updateJson(findUpdate(ctx, String(r.update))) });
      case 'ListUpdates': {
        const p = page(ctx.info.updates.map((u) => u.id), url.searchParams.get('maxResults'), url.searchParams.get('nextToken'));
        return sendEks(res, 200, p.next === null ? { updateIds: p.items } : { updateIds: p.items, nextToken: p.next });
      }
    }
    throw new EksError('UnknownOperationException', 'Unknown operation');
  } catch (err) {
    if (err instanceof EksError) return sendEksError(res, err);
    ctx.clock.errors.push(err as Error);
    return sendEksError(res, new EksError('ServerException', 'An internal server error occurred.'));
  }
}
