// Which bearer tokens the sim's Kubernetes API accepts. By default only the kubeconfig's own
// token; tests of credential plugins add more (a set, or a predicate such as "not yet expired").

/** Extra tokens to accept: a fixed set, or a check run on every request's token. */
export type TokenPolicy = ReadonlySet<string> | ((token: string) => boolean);

/**
 * Is this Authorization header acceptable? Over plain http anonymous requests (no header) are
 * served: kubectl never sends a bearer token over plain http. Over https, as on a real EKS API
 * server, there must be a header, and it must carry an accepted bearer token.
 */
export function authorized(header: string | undefined, ownToken: string, policy: TokenPolicy | undefined, anonymousOk = true): boolean {
  if (header === undefined) return anonymousOk;
  const match = /^Bearer (.+)$/.exec(header);
  if (!match) return false;
  const token = match[1]!;
  if (token === ownToken) return true;
  if (policy === undefined) return false;
  return typeof policy === 'function' ? policy(token) : policy.has(token);
}
