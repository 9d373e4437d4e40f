// The new profile from the command line: --selector, --tag, and --role/--subnets or their
// defaults (what the ACTIVE profiles agree on; for a replace, what the replaced profile uses),
// then EKS's rules. A missing value that cannot be defaulted is one line naming the flag.
import { agreedRole, agreedSubnets, differText } from '../domain/profile-defaults.js';
import { specProblems, type ProfileSpec } from '../domain/profile-spec.js';
import type { Profile } from '../domain/types.js';
import { UsageError } from '../errors.js';
import type { Options } from './flags.js';
import type { ProfileCommand } from './profile-usage.js';
import type { SpecSources } from './profile-text.js';

export function resolveSpec(name: string, command: ProfileCommand, options: Options, profiles: readonly Profile[], replaced?: Profile): { spec: ProfileSpec; sources: SpecSources } {
  let role: string;
  let roleFrom: string;
  if (options.role !== undefined) [role, roleFrom] = [options.role, '--role'];
  else if (replaced?.podExecutionRoleArn) [role, roleFrom] = [replaced.podExecutionRoleArn, `as ${replaced.name} uses`];
  else {
    const agreed = agreedRole(profiles);
    if (agreed.kind === 'differ') throw new UsageError(`--role is required: the ACTIVE profiles use different pod execution roles (${differText(agreed.values, (v) => v)})`, 'pass --role ARN');
    if (agreed.kind === 'none') throw new UsageError('--role is required: there is no ACTIVE profile to take the pod execution role from', 'pass --role arn:aws:iam::ACCOUNT:role/NAME (a role that trusts eks-fargate-pods.amazonaws.com)');
    [role, roleFrom] = [agreed.value, agreedText(agreed.from)];
  }

  let subnets: string[];
  let subnetsFrom: string;
  if (options.subnets.length > 0) [subnets, subnetsFrom] = [[...new Set(options.subnets)], '--subnets'];
  else if (replaced && replaced.subnets.length > 0) [subnets, subnetsFrom] = [[...replaced.subnets], `as ${replaced.name} uses`];
  else {
    const agreed = agreedSubnets(profiles);
    if (agreed.kind === 'differ') throw new UsageError(`--subnets is required: the ACTIVE profiles use different subnets (${differText(agreed.values, (v) => v.join(','))})`, 'pass --subnets a,b (private subnets of the cluster\'s VPC)');
    if (agreed.kind === 'agreed') [subnets, subnetsFrom] = [agreed.value, agreedText(agreed.from)];
    else [subnets, subnetsFrom] = [[], 'none sent: EKS uses the cluster\'s private subnets, as `aws eks create-fargate-profile` without --subnets'];
  }

  const spec: ProfileSpec = { name, selectors: command.selectors, podExecutionRoleArn: role, subnets, tags: command.tags };
  const problem = specProblems(spec)[0];
  if (problem) throw new UsageError(problem.problem, problem.hint);
  return { spec, sources: { role: roleFrom, subnets: subnetsFrom } };
}

/** "as fp-a uses", "as fp-a and fp-b use", "as all 7 ACTIVE profiles use". */
function agreedText(from: readonly string[]): string {
  if (from.length === 1) return `as ${from[0]}, the only ACTIVE profile, uses`;
  if (from.length === 2) return `as the ACTIVE profiles ${from[0]} and ${from[1]} use`;
  return `as all ${from.length} ACTIVE profiles use`;
}
