// Every EKS client the tool makes, made one way: our User-Agent (CloudTrail's userAgent names the
// tool beside the SDK), the environment's proxy and CA bundle (http-agents.ts), the AWS profile,
// and -v's request log.
import type { EKSClient } from '@aws-sdk/client-eks';
import { USER_AGENT } from '../user-agent.js';
import { logFailure, logRequest, logResponse, type HeaderPairs, type RequestLog } from '../request-log.js';
import { awsHttpAgents } from './http-agents.js';

export interface EksClientOptions {
  region: string;
  /** The AWS profile (--profile, or the kubeconfig exec env's AWS_PROFILE); null = the SDK's chain. */
  profile?: string | null;
  /** Overrides the endpoint (the SDK also honours AWS_ENDPOINT_URL_EKS / AWS_ENDPOINT_URL). */
  endpoint?: string;
  maxAttempts?: number;
  /** -v's request log. */
  log?: RequestLog | null;
  env?: NodeJS.ProcessEnv;
}

export async function createEksClient(options: EksClientOptions): Promise<EKSClient> {
  // Loaded on first use: compiling the SDK (~150 ms) then overlaps with the first Kubernetes pages.
  const { EKSClient } = await import('@aws-sdk/client-eks');
  const agents = awsHttpAgents(options.env);
  const client = new EKSClient({
    region: options.region,
    customUserAgent: USER_AGENT,
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
    // The client-level profile picks credentials and config from ~/.aws like AWS_PROFILE would,
    // without changing process.env for anything else.
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(agents ? { requestHandler: agents } : {}),
  });
  if (options.log) logRequests(client, options.log);
  return client;
}

interface WireRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

/** Each attempt, signed, as it goes on the wire (the innermost step): method, URL, status, time. */
function logRequests(client: EKSClient, log: RequestLog): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as WireRequest;
      const method = request.method;
      const url = wireUrl(request);
      const started = performance.now();
      logRequest(log, { method, url, headers: Object.entries(request.headers), body: typeof request.body === 'string' ? request.body : undefined });
      try {
        const out = await next(args);
        const response = out.response as { statusCode: number; headers: Record<string, string> };
        logResponse(log, { method, url, status: response.statusCode, ms: performance.now() - started, headers: Object.entries(response.headers) as HeaderPairs });
        return out;
      } catch (error) {
        logFailure(log, { method, url, ms: performance.now() - started, error: error instanceof Error ? error.message : String(error) });
        throw error;
      }
    },
    { step: 'deserialize', priority: 'low', name: 'kubectlFargateRequestLog' },
  );
}

function wireUrl(request: WireRequest): string {
  const query = Object.entries(request.query ?? {})
    .flatMap(([key, value]) => (Array.isArray(value) ? value.map((v) => [key, v]) : value === null ? [[key, '']] : [[key, value]]))
    .map(([key, value]) => `${encodeURIComponent(key!)}=${encodeURIComponent(value!)}`)
    .join('&');
  return `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}${request.path}${query ? `?${query}` : ''}`;
}
