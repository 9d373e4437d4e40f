// CreateFargateProfile and DeleteFargateProfile with the service's rules (spec §1.1, §1.5):
// selectors and labels within their quotas, private subnets only, at most 10 profiles, and one
// profile CREATING or DELETING per cluster at a time. Messages are the real service's where
// captured; the rest are marked INVENTED.
import type { Selector } from '../../domain/types.js';
import type { Ctx } from '../context.js';
import { EksError } from './errors.js';
import { beginDelete, finishCreate } from './lifecycle.js';
import { newProfile } from './new-profile.js';
import type { SimProfile } from './profiles.js';
import { subnetById } from './vpc.js';

export const MAX_PROFILES = 10;
export const MAX_SELECTORS = 5;
export const MAX_LABELS = 5;
const NAME = /^[0-9A-Za-z][A-Za-z0-9\-_]*$/;

function invalid(message: string, extra: Record<string, string> = {}): EksError {
  return new EksError('InvalidParameterException', message, extra);
}

function validateName(name: unknown): string {
  // INVENTED wording: the API documents no name pattern; eksctl and the console keep to this one.
  if (typeof name !== 'string' || !NAME.test(name) || name.length > 100) {
    throw invalid(`Fargate profile name ${JSON.stringify(name)} is invalid: it must start with a letter or digit and contain only letters, digits, - and _`);
  }
  // INVENTED wording: the eks- prefix is reserved (eksctl says the API rejects it).
  if (name.startsWith('eks-')) throw invalid('Fargate Profile name cannot start with the reserved prefix eks-', { fargateProfileName: name });
  return name;
}

function validateSelectors(raw: unknown): Selector[] {
  if (!Array.isArray(raw) || raw.length === 0) throw invalid('Fargate Profile requires at least one selector.');
  // INVENTED wording (the 5-selector quota is documented, its message is not).
  if (raw.length > MAX_SELECTORS) throw invalid(`Fargate Profile cannot have more than ${MAX_SELECTORS} selectors`);
  return raw.map((s: { namespace?: unknown; labels?: unknown }) => {
    if (typeof s?.namespace !== 'string' || s.namespace === '') throw invalid('Fargate Profile must have at least one selector with at least one namespace value.');
    const labels = (s.labels ?? undefined) as Record<string, string> | undefined;
    if (labels !== undefined && Object.keys(labels).length > MAX_LABELS) throw invalid('Request contains Selector with more than 5 Label pairs');
    return labels === undefined ? { namespace: s.namespace } : { namespace: s.namespace, labels: { ...labels } };
  });
}

function validateSubnets(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw) || raw.some((s) => typeof s !== 'string')) throw invalid('subnets must be a list of subnet IDs');
  for (const id of raw as string[]) {
    const subnet = subnetById(id);
    // INVENTED wording for a subnet that is not in the cluster's VPC.
    if (subnet === undefined) throw invalid(`Subnet ${id} is not part of the VPC of the cluster`);
    if (!subnet.private) throw invalid(`Subnet ${id} provided in Fargate Profile is not a private subnet`);
  }
  return raw.length === 0 ? undefined : [...(raw as string[])];
}

/** CreateFargateProfile: checks, then a CREATING profile that settles after `timing.profileCreateMs`. */
export function createProfileRequest(ctx: Ctx, body: Record<string, unknown>): SimProfile {
  const { info } = ctx;
  const cluster = { clusterName: info.clusterName };
  const name = validateName(body.fargateProfileName);
  if (typeof body.podExecutionRoleArn !== 'string' || body.podExecutionRoleArn === '') throw invalid('podExecutionRoleArn is required');
  const selectors = validateSelectors(body.selectors);
  const subnets = validateSubnets(body.subnets);
  const profiles = ctx.profiles.list();
  if (profiles.some((p) => p.name === name)) throw new EksError('ResourceInUseException', 'A Fargate Profile already exists with this name in this cluster.', cluster);
  if (profiles.length >= MAX_PROFILES) {
    // INVENTED wording (the quota of 10 is documented, its message is not).
    throw new EksError('ResourceLimitExceededException', `Fargate Profile limit of ${MAX_PROFILES} reached for cluster ${info.clusterName}`, cluster);
  }
  // Inferred from the observed "Cannot Delete Fargate Profile ... currently has an update in progress".
  if (info.status === 'UPDATING') throw new EksError('ResourceInUseException', `Cannot create Fargate Profile ${name} because cluster ${info.clusterName} currently has an update in progress`, cluster);
  const busy = profiles.find((p) => p.status === 'CREATING' || p.status === 'DELETING');
  if (busy !== undefined) {
    // Observed for CREATING (spec §1.5); the DELETING form follows the same template.
    throw new EksError('ResourceInUseException', `Cannot create Fargate Profile ${name} because cluster ${info.clusterName} currently has Fargate profile ${busy.name} in status ${busy.status}`, cluster);
  }
  const p = newProfile(ctx, { name, selectors, status: 'CREATING', subnets, podExecutionRoleArn: body.podExecutionRoleArn, tags: (body.tags ?? {}) as Record<string, string> });
  ctx.profiles.add(p);
  finishCreate(ctx, name);
  return p;
}

/** DeleteFargateProfile: DELETING at once (its pods are stopped), gone after `timing.profileDeleteMs`. */
export function deleteProfileRequest(ctx: Ctx, name: string): SimProfile {
  const { info } = ctx;
  const cluster = { clusterName: info.clusterName };
  const p = ctx.profiles.get(name);
  if (p === undefined) throw new EksError('ResourceNotFoundException', `No Fargate Profile found with name: ${name}.`, { ...cluster, fargateProfileName: name });
  if (info.status === 'UPDATING') throw new EksError('ResourceInUseException', `Cannot Delete Fargate Profile ${name} because cluster ${info.clusterName} currently has an update in progress`, cluster);
  // Observed for a second delete of a DELETING profile (eksctl-io/eksctl#2845); for a CREATING
  // one the text is assumed to be the same.
  if (p.status === 'DELETING' || p.status === 'CREATING') throw new EksError('InvalidRequestException', 'Fargate Profile is currently not in Active State.', cluster);
  const other = ctx.profiles.list().find((x) => x.status === 'DELETING');
  if (other !== undefined) {
    throw new EksError('ResourceInUseException', `Cannot Delete Fargate Profile ${name} because cluster ${info.clusterName} currently has Fargate profile ${other.name} in status DELETING`, cluster);
  }
  beginDelete(ctx, name);
  return p;
}
