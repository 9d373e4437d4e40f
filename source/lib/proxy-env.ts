import net from 'node:net';

// HTTPS_PROXY / HTTP_PROXY / NO_PROXY as the AWS CLI reads them (Python requests): the lower-case
// name first, then the upper-case one; NO_PROXY is a list of hosts, domain suffixes (`.example.com`
// or `example.com` both cover its subdomains), `host:port`, IP addresses and CIDR ranges, or `*`.
// The AWS CLI's rules proxy loopback unless listed; Go's (kubectl's, `loopbackDirect`) never
// proxy localhost or a loopback address.

export interface ProxyTarget {
  protocol: string;
  hostname: string;
  port?: string | number;
}

const pick = (env: NodeJS.ProcessEnv, name: string): string | undefined => {
  const value = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
};

export interface ProxyRules {
  /** Go's net/http rule: localhost and loopback addresses always go direct. */
  loopbackDirect?: boolean;
}

/** The proxy URL to reach `target` through, or null for a direct connection. */
export function proxyFor(target: ProxyTarget, env: NodeJS.ProcessEnv = process.env, rules: ProxyRules = {}): string | null {
  const secure = target.protocol === 'https:';
  const proxy = pick(env, secure ? 'https_proxy' : 'http_proxy');
  if (proxy === undefined) return null;
  if (rules.loopbackDirect && isLoopback(target.hostname)) return null;
  const port = String(target.port || (secure ? 443 : 80));
  if (bypassed(target.hostname, port, pick(env, 'no_proxy') ?? '')) return null;
  return proxy.includes('://') ? proxy : `http://${proxy}`;
}

/** A proxy URL as it may be shown: scheme, host and port, without user name or password. */
export function shownProxy(proxy: string): string {
  try {
    const url = new URL(proxy);
    return `${url.protocol}//${url.host}`;
  } catch {
    return '<the proxy>';
  }
}

/** Whether NO_PROXY's `list` covers host:port. */
export function bypassed(hostname: string, port: string, list: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  for (const raw of list.split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    // host:port (an IPv6 address keeps its colons unless bracketed).
    const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry);
    if (withPort) {
      if (withPort[2] !== port) continue;
      entry = withPort[1]!.replace(/^\[|\]$/g, '');
    }
    if (entry.includes('/') && net.isIP(host)) {
      if (inCidr(host, entry)) return true;
      continue;
    }
    const domain = entry.replace(/^\*?\./, '');
    if (host === domain || host.endsWith(`.${domain}`)) return true;
  }
  return false;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost') return true;
  const family = net.isIP(host);
  if (family === 4) return host.startsWith('127.');
  return family === 6 && (host === '::1' || host === '0:0:0:0:0:0:0:1');
}

function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const family = net.isIP(base ?? '');
  if (!family || family !== net.isIP(ip) || !/^\d+$/.test(bits ?? '')) return false;
  const list = new net.BlockList();
  list.addSubnet(base!, Number(bits), family === 4 ? 'ipv4' : 'ipv6');
  return list.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}
