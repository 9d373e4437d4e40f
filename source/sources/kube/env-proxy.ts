// kubectl (client-go) sends its requests through HTTPS_PROXY / HTTP_PROXY unless NO_PROXY lists
// the server or the kubeconfig cluster has its own proxy-url, which wins. client-node reads only
// proxy-url, so the environment's proxy is written into the cluster entry as one.
import type { Cluster } from '@kubernetes/client-node';
import { proxyFor } from '../../lib/proxy-env.js';

/** `cluster` with proxyUrl set from the environment, when kubectl would use a proxy for it. */
export function withEnvProxy(cluster: Cluster, env: NodeJS.ProcessEnv): Cluster {
  if (cluster.proxyUrl) return cluster;
  let url: URL;
  try {
    url = new URL(cluster.server);
  } catch {
    return cluster;
  }
  const proxy = proxyFor({ protocol: url.protocol, hostname: url.hostname, port: url.port }, env, { loopbackDirect: true });
  return proxy === null ? cluster : { ...cluster, proxyUrl: proxy };
}
