import pkg from '../../package.json' with { type: 'json' };

/**
 * What every Kubernetes and EKS request says it comes from, so API server audit logs and
 * CloudTrail attribute evictions and reads to this tool (kubectl sends `kubectl/VERSION …`).
 */
export const USER_AGENT = `kubectl-fargate/${pkg.version}`;
