// An AWS SDK error from a profile write (or the reads around it) -> one line saying what EKS
// refused and what to do. Kinds the flows act on: `busy` (another profile is CREATING or
// DELETING: wait, then try again), `exists`, `not-active`, `not-found`.
import { UserError } from '../../errors.js';
import { classifyEksError } from './eks-errors.js';

export type EksWriteKind = 'busy' | 'exists' | 'limit' | 'invalid' | 'not-active' | 'not-found' | 'access-denied' | 'no-credentials' | 'transient' | 'error';

/** The profile EKS is busy with (ResourceInUseException), or the cluster's update. */
export interface Busy {
  profile: string | null;
  status: string;
}

export class EksWriteError extends UserError {
  constructor(
    readonly kind: EksWriteKind,
    message: string,
    hint: string | undefined,
    readonly busy: Busy | null = null,
  ) {
    super(message, { hint });
    this.name = 'EksWriteError';
  }
}

interface SdkError {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

/** The IAM action an AccessDenied names: "not authorized to perform: iam:PassRole", "missing permissions for 'iam:GetRole'". */
export function deniedPermission(message: string): string | null {
  return /not authorized to perform:?\s+([\w-]+:\w+)/.exec(message)?.[1] ?? /missing permissions? for '?([\w-]+:\w+)/.exec(message)?.[1] ?? null;
}

/**
 * `operation` is the EKS call (CreateFargateProfile, ...), `subject` what it was about
 * ("profile fp-a of cluster demo"), for the message.
 */
export function classifyWriteError(error: unknown, operation: string, subject: string, where: { cluster: string; region: string; awsProfile: string | null }): EksWriteError {
  const err = (error ?? {}) as SdkError;
  const name = err.name ?? '';
  const detail = (err.message ?? '').split('\n')[0]!.trim();
  const eks = `EKS refused ${operation} for ${subject}`;
  if (name === 'ResourceInUseException') {
    const other = /currently has Fargate profile (\S+) in status ([A-Z_]+)/.exec(detail);
    if (other) return new EksWriteError('busy', `${eks}: profile ${other[1]} is ${other[2]}, and EKS changes one profile at a time (${detail})`, 'wait until it is done, or pass --wait', { profile: other[1]!, status: other[2]! });
    if (/update in progress/.test(detail)) return new EksWriteError('busy', `${eks}: the cluster is being updated (${detail})`, 'wait until the update is done', { profile: null, status: 'UPDATING' });
    if (/already exists/.test(detail)) return new EksWriteError('exists', `${eks}: a profile of that name exists already`, 'pick another name, or `kubectl fargate profile list`');
    return new EksWriteError('busy', `${eks}: ${detail}`, 'try again once the cluster is idle', { profile: null, status: 'busy' });
  }
  if (name === 'ResourceLimitExceededException') {
    return new EksWriteError('limit', `${eks}: the cluster has reached its Fargate profile limit (${detail})`, 'delete a profile it no longer needs, or ask AWS to raise the quota (default 10)');
  }
  if (name === 'InvalidRequestException' && /not in Active State/i.test(detail)) {
    return new EksWriteError('not-active', `${eks}: it is not ACTIVE (${detail})`, 'wait until it is ACTIVE (or already gone): `kubectl fargate profile list`');
  }
  if (name === 'InvalidParameterException' || name === 'InvalidRequestException' || name === 'ClientException') {
    const permission = deniedPermission(detail);
    if (permission !== null) return denied(operation, subject, permission, detail);
    return new EksWriteError('invalid', `${eks}: ${detail}`, 'fix the value EKS names and run it again');
  }
  if (name === 'ResourceNotFoundException') {
    return new EksWriteError('not-found', `${eks}: ${detail || 'not found'}`, 'check the name (`kubectl fargate profile list`) and --eks-cluster/--region');
  }
  // Credential failures arrive as 403 too: the read path's classification tells them apart.
  const read = classifyEksError(error, where.cluster, where.region, where.awsProfile);
  if (read.state === 'no-credentials') return new EksWriteError('no-credentials', read.message, undefined);
  if (read.state === 'access-denied') return denied(operation, subject, deniedPermission(detail), detail);
  if (read.state === 'throttled' || (read.state === 'error' && (err.$metadata?.httpStatusCode ?? 0) >= 500)) return new EksWriteError('transient', `${operation} for ${subject} failed: ${read.message}`, undefined);
  return new EksWriteError('error', `${operation} for ${subject} failed: ${read.message}`, undefined);
}

function denied(operation: string, subject: string, permission: string | null, detail: string): EksWriteError {
  const needed = permission ?? `eks:${operation}`;
  const passRole = needed === 'iam:PassRole' ? ' on the pod execution role (EKS passes it to Fargate)' : '';
  const also = permission === null && operation === 'CreateFargateProfile' ? ', and iam:PassRole on the pod execution role' : '';
  return new EksWriteError('access-denied', `access denied: ${operation} for ${subject} needs ${needed}${passRole}${detail ? ` (${detail})` : ''}`, `allow ${needed}${passRole}${also} for your AWS identity`);
}
