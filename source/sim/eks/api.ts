// The EKS REST-JSON API for one cluster (spec §5): DescribeCluster, ListClusters,
// List/Describe/Create/DeleteFargateProfile. Signatures are not verified, but a request
// without an Authorization header is refused like the real endpoint does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ctx } from '../context.js';
import type { Faults } from '../faults.js';
import { readBody } from '../kube/http.js';
import type { Selector } from '../../domain/types.js';
import { EksError, injectedError, sendEks, sendEksError } from './errors.js';
import { finishCreate, finishDelete } from './lifecycle.js';
import type { SimProfile } from './profiles.js';

const NAME = /^[0-9A-Za-z][A-Za-z0-9\-_]*$/;
const MAX_PROFILES = 10;
const MAX_SELECTORS = 5;
const MAX_LABELS = 5;

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
      subnetIds: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002', 'subnet-0a1b2c3d4e5f60003'],
      securityGroupIds: [],
      clusterSecurityGroupId: 'sg-0123456789abcdef0',
      vpcId: 'vpc-0123456789abcdef0',
      endpointPublicAccess: true,
      endpointPrivateAccess: true,
      publicAccessCidrs: ['0.0.0.0/0'],
    },
    kubernetesNetworkConfig: { serviceIpv4Cidr: '172.20.0.0/16', ipFamily: 'ipv4', elasticLoadBalancing: { enabled: false } },
    logging: { clusterLogging: [{ types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'], enabled: false }] },
    identity: { oidc: { issuer: `https://oidc.eks.${info.region}.amazonaws.com/id/${id}` } },
    status: 'ACTIVE',
    certificateAuthority: { data: Buffer.from('-----BEGIN CERTIFICATE-----\nsimulated\n-----END CERTIFICATE-----\n').toString('base64') },
    platformVersion: 'eks.12',
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
}

function route(method: string, seg: string[]): Route | undefined {
  if (seg[0] !== 'clusters') return undefined;
  if (seg.length === 1 && method === 'GET') return { operation: 'ListClusters' };
  const cluster = seg[1];
  if (seg.length === 2 && method === 'GET') return { operation: 'DescribeCluster', cluster };
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

function validateSelectors(raw: unknown): Selector[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new EksError('InvalidParameterException', 'Fargate Profile requires at least one selector.');
  // INVENTED wording (the 5-selector quota is documented, its message is not).
  if (raw.length > MAX_SELECTORS) throw new EksError('InvalidParameterException', `Fargate Profile cannot have more than ${MAX_SELECTORS} selectors`);
  return raw.map((s: { namespace?: unknown; labels?: unknown }) => {
    if (typeof s?.namespace !== 'string' || s.namespace === '') {
      throw new EksError('InvalidParameterException', 'Fargate Profile must have at least one selector with at least one namespace value.');
    }
    const labels = (s.labels ?? undefined) as Record<string, string> | undefined;
    if (labels !== undefined && Object.keys(labels).length > MAX_LABELS) throw new EksError('InvalidParameterException', 'Request contains Selector with more than 5 Label pairs');
    return labels === undefined ? { namespace: s.namespace } : { namespace: s.namespace, labels: { ...labels } };
  });
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
        let body: Record<string, unknown>;
        try {
          body = JSON.parse((await readBody(req)) || '{}');
        } catch {
          throw new EksError('InvalidParameterException', 'Request body is not valid JSON');
        }
        const p = createProfile(ctx, body);
        return sendEks(res, 200, { fargateProfile: profileJson(ctx, p) });
      }
      case 'DeleteFargateProfile': {
        const p = deleteProfile(ctx, String(r.profile));
        return sendEks(res, 200, { fargateProfile: profileJson(ctx, p) });
      }
    }
    throw new EksError('UnknownOperationException', 'Unknown operation');
  } catch (err) {
    if (err instanceof EksError) return sendEksError(res, err);
    ctx.clock.errors.push(err as Error);
    return sendEksError(res, new EksError('ServerException', 'An internal server error occurred.'));
  }
}

/** CreateFargateProfile with the real service's checks; the profile starts CREATING. */
export function createProfile(ctx: Ctx, body: Record<string, unknown>): SimProfile {
  const name = body.fargateProfileName;
  if (typeof name !== 'string' || !NAME.test(name) || name.length > 100) {
    throw new EksError('InvalidParameterException', `Fargate profile name ${JSON.stringify(name)} is invalid: it must start with a letter or digit and contain only letters, digits, - and _`);
  }
  // INVENTED wording: the eks- prefix is reserved (eksctl says the API rejects it).
  if (name.startsWith('eks-')) throw new EksError('InvalidParameterException', 'Fargate Profile name cannot start with the reserved prefix eks-', { fargateProfileName: name });
  if (ctx.profiles.get(name) !== undefined) throw new EksError('ResourceInUseException', 'A Fargate Profile already exists with this name in this cluster.', { clusterName: ctx.info.clusterName });
  const deleting = ctx.profiles.list().find((p) => p.status === 'DELETING');
  if (deleting !== undefined) {
    // INVENTED wording; the rule (no create while one is DELETING) is documented.
    throw new EksError('ResourceInUseException', `Cannot create Fargate Profile ${name} while Fargate Profile ${deleting.name} is being deleted.`, { clusterName: ctx.info.clusterName });
  }
  if (typeof body.podExecutionRoleArn !== 'string' || body.podExecutionRoleArn === '') {
    throw new EksError('InvalidParameterException', 'podExecutionRoleArn is required');
  }
  const selectors = validateSelectors(body.selectors);
  if (ctx.profiles.list().length >= MAX_PROFILES) {
    throw new EksError('ResourceLimitExceededException', `Fargate Profile limit of ${MAX_PROFILES} reached for cluster ${ctx.info.clusterName}`, { clusterName: ctx.info.clusterName });
  }
  const p = newProfile(ctx, {
    name,
    selectors,
    status: 'CREATING',
    subnets: Array.isArray(body.subnets) ? (body.subnets as string[]) : undefined,
    podExecutionRoleArn: body.podExecutionRoleArn,
    tags: (body.tags ?? {}) as Record<string, string>,
  });
  ctx.profiles.add(p);
  finishCreate(ctx, name);
  return p;
}

export function deleteProfile(ctx: Ctx, name: string): SimProfile {
  const p = ctx.profiles.get(name);
  if (p === undefined) throw new EksError('ResourceNotFoundException', `No Fargate Profile found with name: ${name}.`, { clusterName: ctx.info.clusterName, fargateProfileName: name });
  if (p.status === 'DELETING') return p;
  const other = ctx.profiles.list().find((x) => x.status === 'DELETING');
  if (other !== undefined) {
    // INVENTED wording; only one profile may be DELETING at a time (documented).
    throw new EksError('ResourceInUseException', `Fargate Profile ${other.name} is already being deleted. Only one Fargate Profile can be deleted at a time.`, { clusterName: ctx.info.clusterName });
  }
  ctx.profiles.setStatus(name, 'DELETING');
  finishDelete(ctx, name);
  return p;
}

export interface NewProfile {
  name: string;
  selectors: Selector[];
  status?: SimProfile['status'];
  subnets?: string[];
  podExecutionRoleArn?: string;
  tags?: Record<string, string>;
  createdAt?: number;
}

export function newProfile(ctx: Ctx, n: NewProfile): SimProfile {
  const { info } = ctx;
  return {
    name: n.name,
    arn: `arn:aws:eks:${info.region}:${info.accountId}:fargateprofile/${info.clusterName}/${n.name}/${ctx.uid()}`,
    status: n.status ?? 'ACTIVE',
    selectors: n.selectors.map((s) => ({ ...s, ...(s.labels === undefined ? {} : { labels: { ...s.labels } }) })),
    subnets: n.subnets ?? ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'],
    podExecutionRoleArn: n.podExecutionRoleArn ?? `arn:aws:iam::${info.accountId}:role/AmazonEKSFargatePodExecutionRole`,
    createdAt: n.createdAt ?? ctx.clock.now(),
    tags: n.tags ?? {},
    health: { issues: [] },
  };
}
