// A Fargate profile record as EKS stores it: ARN with a fresh uuid, the cluster's private subnets
// unless others are given, the default pod execution role of the account.
import type { Selector } from '../../domain/types.js';
import type { Ctx } from '../context.js';
import type { SimProfile } from './profiles.js';
import { PRIVATE_SUBNET_IDS } from './vpc.js';

export interface NewProfile {
  name: string;
  selectors: Selector[];
  status?: SimProfile['status'];
  subnets?: string[] | undefined;
  podExecutionRoleArn?: string;
  tags?: Record<string, string>;
  createdAt?: number;
}

export function newProfile(ctx: Pick<Ctx, 'info' | 'clock' | 'uid'>, n: NewProfile): SimProfile {
  const { info } = ctx;
  return {
    name: n.name,
    arn: `arn:aws:eks:${info.region}:${info.accountId}:fargateprofile/${info.clusterName}/${n.name}/${ctx.uid()}`,
    status: n.status ?? 'ACTIVE',
    selectors: n.selectors.map((s) => ({ ...s, ...(s.labels === undefined ? {} : { labels: { ...s.labels } }) })),
    subnets: n.subnets ?? [...PRIVATE_SUBNET_IDS],
    podExecutionRoleArn: n.podExecutionRoleArn ?? `arn:aws:iam::${info.accountId}:role/AmazonEKSFargatePodExecutionRole`,
    createdAt: n.createdAt ?? ctx.clock.now(),
    tags: n.tags ?? {},
    health: { issues: [] },
  };
}
