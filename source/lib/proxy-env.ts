import net from 'node:net';

// HTTPS_PROXY / HTTP_PROXY / NO_PROXY as the AWS CLI reads them (Python requests): the lower-case
// name first, then the upper-case one; NO_PROXY is a list of hosts, domain suffixes (`.example.com`
// or `example.com` both cover its subdomains), `host:port`, IP addresses and CIDR ranges, or `*`.
// Unlike Go's rules, loopback is not exempt unless listed.

export interface ProxyTarget {
  protocol: string;
  hostname: string;
  port?: string | number;
}

const pick = (env: NodeJS.ProcessEnv, name: string): string | undefined => {
  const value = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
};

/** The proxy URL to reach `target` through, or null for a direct connection. */
export function proxyFor(target: ProxyTarget, env: NodeJS.ProcessEnv = process.env): string | null {
  const secure = target.protocol === 'https:';
  const proxy = pick(env, secure ? 'https_proxy' : 'http_proxy');
  if (proxy === undefined) return null;
  const port = String(target.port || (secure ? 443 : 80));
  if (bypassed(target.hostname, port, pick(env, 'no_proxy') ?? '')) return null;
  return proxy.includes('://') ? proxy : `http://${proxy}`;
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

function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const family = net.isIP(base ?? '');
  if (!family || family !== net.isIP(ip) || !/^\d+$/.test(bits ?? '')) return false;
  const list = new net.BlockList();
  list.addSubnet(base!, Number(bits), family === 4 ? 'ipv4' : 'ipv6');
  return list.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}
