import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterIdentity } from '../../store/snapshot.js';

export interface IdentityOverrides {
  /** --eks-cluster: a name or an EKS cluster ARN (which also gives region and account). */
  eksCluster?: string;
  region?: string;
  profile?: string;
}

const REGION = '[a-z]{2}(?:-[a-z]+)+-\\d+';
// arn:aws:eks:us-east-1:123456789012:cluster/demo (also aws-cn, aws-us-gov partitions).
const ARN = new RegExp(`^arn:aws[a-z-]*:eks:(${REGION}):(\\d{12}):cluster/([^/]+)$`);
// EKS cluster names: letters, digits, - and _, starting with a letter or digit, at most 100.
const EKS_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/;
// [user@]demo.us-east-1.eksctl.io — unambiguous because EKS cluster names cannot contain dots.
const EKSCTL = new RegExp(`^(?:[^@]+@)?([^.@]+)\\.(${REGION})\\.eksctl\\.io$`);
// <id>.<xx>.us-east-1.eks.amazonaws.com(.cn) gives the region only.
const SERVER = new RegExp(`\\.(${REGION})\\.eks\\.amazonaws\\.com(?:\\.cn)?$`);

interface Found {
  clusterName?: string | undefined;
  region?: string | undefined;
  accountId?: string | undefined;
  awsProfile?: string | undefined;
  roleArn?: string | undefined;
}

/**
 * Which EKS cluster (name, region, account) a kubeconfig context points at, and which AWS
 * profile/role its credential plugin uses. Order (fargate-domain.md §6.4): an ARN-shaped context
 * or cluster entry name, eksctl's `user@NAME.REGION.eksctl.io`, the exec plugin's args and env,
 * then the server host for the region. Flags override everything.
 */
export function inferClusterIdentity(
  kc: KubeConfig,
  contextName: string,
  overrides: IdentityOverrides = {},
): ClusterIdentity {
  const context = kc.getContextObject(contextName);
  // The cluster entry first: it holds the server actually used (also after --cluster).
  const names = [context?.cluster, contextName].filter((n): n is string => !!n);
  const user = context ? kc.getUser(context.user) : null;
  const server = context ? kc.getCluster(context.cluster)?.server : undefined;

  const sources: [ClusterIdentity['inferredFrom'], Found][] = [
    ['arn', fromNames(names, ARN, (m) => ({ region: m[1], accountId: m[2], clusterName: m[3] }))],
    ['eksctl', fromNames(names, EKSCTL, (m) => ({ clusterName: m[1], region: m[2] }))],
    ['exec', fromExec(user?.exec)],
    ['server', { region: regionOfServer(server) }],
  ];
  const pick = <K extends keyof Found>(key: K) => {
    for (const [from, found] of sources) if (found[key]) return { value: found[key]!, from };
    return null;
  };
  const name = pick('clusterName');
  const region = pick('region');

  const flagged = overrides.eksCluster ? parseEksClusterFlag(overrides.eksCluster) : null;
  let inferredFrom: ClusterIdentity['inferredFrom'] = name?.from ?? region?.from ?? null;
  if (flagged) inferredFrom = 'flag';
  else if (!name && overrides.region) inferredFrom = 'flag';

  return {
    context: contextName,
    clusterName: flagged?.name || name?.value || null,
    region: overrides.region || flagged?.region || region?.value || null,
    // Another cluster named by flag may live in another account: only its ARN tells.
    accountId: flagged ? (flagged.accountId ?? null) : (pick('accountId')?.value ?? null),
    awsProfile: overrides.profile || pick('awsProfile')?.value || null,
    roleArn: pick('roleArn')?.value ?? null,
    inferredFrom,
  };
}

/** When the cluster name or region is unknown: one line saying which flag to pass. Else null. */
export function missingIdentityHint(identity: ClusterIdentity): string | null {
  if (!identity.clusterName) {
    const region = identity.region ? '' : ' (and --region REGION)';
    return `cannot tell the EKS cluster name for context "${identity.context}": pass --eks-cluster NAME${region}`;
  }
  if (!identity.region) {
    return `cannot tell the AWS region of EKS cluster "${identity.clusterName}" (context "${identity.context}"): pass --region REGION`;
  }
  return null;
}

/** --eks-cluster's value: a cluster name, or an ARN (name, region, account); null when it is neither. */
export function parseEksClusterFlag(value: string): { name: string; region?: string; accountId?: string } | null {
  const arn = ARN.exec(value);
  if (arn) return { name: arn[3]!, region: arn[1]!, accountId: arn[2]! };
  return EKS_NAME.test(value) ? { name: value } : null;
}

export function regionOfServer(server: string | undefined): string | undefined {
  if (!server) return undefined;
  try {
    return SERVER.exec(new URL(server).hostname)?.[1];
  } catch {
    return undefined;
  }
}

function fromNames(names: string[], pattern: RegExp, map: (m: RegExpExecArray) => Found): Found {
  for (const name of names) {
    const match = pattern.exec(name);
    if (match) return map(match);
  }
  return {};
}

interface ExecConfig {
  command?: unknown;
  args?: unknown;
  env?: unknown;
}

/** `aws eks get-token --cluster-name N --region R [--role-arn A]` or `aws-iam-authenticator token -i N [-r A]`. */
function fromExec(exec: ExecConfig | undefined): Found {
  if (!exec || typeof exec !== 'object') return {};
  const args = Array.isArray(exec.args) ? exec.args.filter((a): a is string => typeof a === 'string') : [];
  const env = new Map<string, string>();
  if (Array.isArray(exec.env)) {
    for (const entry of exec.env) {
      if (entry && typeof entry.name === 'string' && typeof entry.value === 'string') env.set(entry.name, entry.value);
    }
  }
  const arg = (...flags: string[]): string | undefined => {
    for (let i = 0; i < args.length; i++) {
      const current = args[i]!;
      for (const flag of flags) {
        if (current === flag && i + 1 < args.length) return args[i + 1];
        if (flag.startsWith('--') && current.startsWith(`${flag}=`)) return current.slice(flag.length + 1);
      }
    }
    return undefined;
  };
  const clusterArg = arg('--cluster-name', '--cluster-id', '-i');
  // An ARN passed as the name still tells region and account.
  const arn = clusterArg ? ARN.exec(clusterArg) : null;
  return {
    clusterName: arn ? arn[3] : clusterArg,
    region: arg('--region') || env.get('AWS_REGION') || env.get('AWS_DEFAULT_REGION') || arn?.[1],
    accountId: arn?.[2],
    awsProfile: env.get('AWS_PROFILE') || arg('--profile'),
    roleArn: arg('--role-arn', '--role', '-r'),
  };
}
