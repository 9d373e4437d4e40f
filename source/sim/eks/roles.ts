// Pod execution roles as the sim's IAM sees them: usable unless a test or scenario breaks one.
// A profile created with a broken role ends CREATE_FAILED with a health issue (BOTO
// FargateProfileIssueCode) instead of ACTIVE.

export type ProfileIssueCode = 'PodExecutionRoleAlreadyInUse' | 'AccessDenied' | 'ClusterUnreachable' | 'InternalFailure';

export interface ProfileIssue {
  code: ProfileIssueCode;
  message: string;
  resourceIds?: string[];
}

export class PodExecutionRoles {
  private readonly broken = new Map<string, ProfileIssue>();

  /** From now on, creating a profile with `arn` fails with `issue` (default AccessDenied). */
  break(arn: string, issue?: Partial<ProfileIssue>): void {
    const code = issue?.code ?? 'AccessDenied';
    // INVENTED wording: AWS documents the issue codes, not their messages.
    const message = issue?.message ?? `Fargate could not assume the pod execution role ${arn}: check that its trust policy allows eks-fargate-pods.amazonaws.com`;
    this.broken.set(arn, { code, message, resourceIds: issue?.resourceIds ?? [arn] });
  }

  repair(arn: string): void {
    this.broken.delete(arn);
  }

  /** What stops a profile with this role from becoming ACTIVE, if anything. */
  issue(arn: string): ProfileIssue | undefined {
    return this.broken.get(arn);
  }
}
