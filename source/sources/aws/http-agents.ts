// The AWS SDK for JavaScript reads neither HTTPS_PROXY/HTTP_PROXY/NO_PROXY nor AWS_CA_BUNDLE
// (the AWS CLI does): its requests go straight out with Node's trust store. These agents, handed
// to the SDK's request handler, decide per connection whether to tunnel through the proxy the
// environment names (HTTP CONNECT, with hpagent, which the Kubernetes client already uses for
// kubeconfig proxy-url) and trust AWS_CA_BUNDLE's certificates besides Node's own.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { HttpProxyAgent, HttpsProxyAgent } from 'hpagent';
import { UsageError } from '../../errors.js';
import { proxyFor } from '../../lib/proxy-env.js';

type Callback = (err: Error | null, stream: Duplex) => void;

export interface AwsAgents {
  httpAgent: http.Agent;
  httpsAgent: https.Agent;
}

/** Agents for the SDK, or null when the environment asks for nothing the SDK's defaults lack. */
export function awsHttpAgents(env: NodeJS.ProcessEnv = process.env): AwsAgents | null {
  const proxied = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'].some((name) => (env[name] ?? '').trim() !== '');
  const bundle = env.AWS_CA_BUNDLE?.trim();
  if (!proxied && !bundle) return null;
  // The SDK's own defaults: keep-alive, 50 sockets.
  const options: https.AgentOptions = { keepAlive: true, maxSockets: 50, ...(bundle ? { ca: trustedCertificates(bundle, env) } : {}) };
  const tunnels = new Map<string, http.Agent>();
  const tunnel = (proxy: string, secure: boolean): http.Agent => {
    const key = `${secure}:${proxy}`;
    let agent = tunnels.get(key);
    if (!agent) tunnels.set(key, (agent = secure ? new HttpsProxyAgent({ ...options, proxy }) : new HttpProxyAgent({ keepAlive: true, maxSockets: 50, proxy })));
    return agent;
  };
  // The proxy to tunnel through for this connection, or null to connect directly.
  const proxyOf = (secure: boolean, options: http.ClientRequestArgs): string | null =>
    proxyFor({ protocol: secure ? 'https:' : 'http:', hostname: options.hostname ?? options.host ?? '', port: options.port ?? undefined }, env);

  class EnvHttpsAgent extends https.Agent {
    override createConnection(options: http.ClientRequestArgs, callback?: Callback): Duplex | null | undefined {
      const proxy = proxyOf(true, options);
      if (proxy === null) return super.createConnection(options, callback);
      // The tunnel's socket arrives through the callback once the proxy has answered CONNECT.
      tunnel(proxy, true).createConnection(options, callback);
      return undefined;
    }
  }
  class EnvHttpAgent extends http.Agent {
    override createConnection(options: http.ClientRequestArgs, callback?: Callback): Duplex | null | undefined {
      const proxy = proxyOf(false, options);
      if (proxy === null) return super.createConnection(options, callback);
      tunnel(proxy, false).createConnection(options, callback);
      return undefined;
    }
  }
  return { httpsAgent: new EnvHttpsAgent(options), httpAgent: new EnvHttpAgent({ keepAlive: true, maxSockets: 50 }) };
}

/**
 * Node's trusted roots, NODE_EXTRA_CA_CERTS's and AWS_CA_BUNDLE's: the bundle adds to what is
 * trusted rather than replacing it, so a bundle holding only a TLS-inspecting proxy's CA does
 * not break the hosts NO_PROXY sends around it.
 */
function trustedCertificates(bundle: string, env: NodeJS.ProcessEnv): string[] {
  const read = (file: string, name: string): string => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new UsageError(`${name} ${file}: ${code === 'ENOENT' ? 'no such file' : 'cannot be read'}`, `point ${name} at a PEM certificate bundle, or unset it`);
    }
  };
  const extra = env.NODE_EXTRA_CA_CERTS?.trim();
  return [...tls.rootCertificates, ...(extra ? [read(extra, 'NODE_EXTRA_CA_CERTS')] : []), read(bundle, 'AWS_CA_BUNDLE')];
}
