import { HttpMethod, RequestContext, type KubeConfig } from '@kubernetes/client-node';
import { fetch, type Dispatcher } from 'undici';
import type { RawStatus } from './kube-json.js';
import { authError, describeRequest, httpError, transportError } from './kube-errors.js';

export { KubeApiError, isGone } from './kube-errors.js';

export interface KubeRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API path, e.g. /api/v1/namespaces/dev/pods. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  /** Per-request timeout (--request-timeout); 0 or absent = none. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** For error messages ("cannot list pods ..."); defaults from the method. */
  verb?: string;
  /** Return the body text unparsed (big list pages are parsed item by item). */
  raw?: boolean;
}

export interface KubeResponse<T> {
  status: number;
  body: T;
}

// client-node makes a new undici Agent (and TLS connection) on every applySecurityAuthentication.
// Reusing the first one per config+context keeps keep-alive working across list pages. Tokens
// still come fresh from applySecurityAuthentication on each request (exec plugins refresh them).
const dispatchers = new WeakMap<KubeConfig, Map<string, Dispatcher | undefined>>();

/**
 * One request through client-node's authentication (exec plugins, tokens, client certificates,
 * CA / skip-verify, proxies) but with our own fetch and JSON.parse, so big list pages skip the
 * typed ObjectSerializer. Non-2xx and transport failures throw KubeApiError.
 */
export async function kubeRequest<T = unknown>(kc: KubeConfig, request: KubeRequest): Promise<KubeResponse<T>> {
  const method = request.method ?? 'GET';
  const verb = request.verb ?? defaultVerb(method);
  const description = describeRequest(kc, verb, request.path);
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw transportError(kc, description, new Error('the context has no cluster'));

  const url = new URL(cluster.server.replace(/\/+$/, '') + request.path);
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  }

  const ctx = new RequestContext(url.toString(), HttpMethod[method]);
  try {
    await kc.applySecurityAuthentication(ctx);
  } catch (error) {
    throw authError(kc, description, error);
  }
  const headers: Record<string, string> = { Accept: 'application/json', ...ctx.getHeaders() };
  let body: string | undefined;
  if (request.body !== undefined) {
    body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    headers['Content-Type'] = request.contentType ?? 'application/json';
  }

  const signals: AbortSignal[] = [];
  if (request.signal) signals.push(request.signal);
  if (request.timeoutMs && request.timeoutMs > 0) signals.push(AbortSignal.timeout(request.timeoutMs));
  const signal = signals.length === 0 ? undefined : signals.length === 1 ? signals[0] : AbortSignal.any(signals);

  let status: number;
  let text: string;
  try {
    const response = await fetch(url, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
      ...(signal ? { signal } : {}),
      ...dispatcherFor(kc, ctx),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    throw transportError(kc, description, error, request.timeoutMs);
  }

  if (status < 200 || status >= 300) {
    throw httpError(kc, description, status, parseStatus(text));
  }
  if (request.raw) return { status, body: text as T };
  try {
    return { status, body: (text === '' ? null : JSON.parse(text)) as T };
  } catch {
    throw transportError(kc, description, new Error(`the server sent a response that is not JSON (${text.slice(0, 80)})`));
  }
}

/** GET a JSON document. */
export async function kubeGet<T = unknown>(
  kc: KubeConfig,
  path: string,
  options: Omit<KubeRequest, 'path' | 'method'> = {},
): Promise<T> {
  return (await kubeRequest<T>(kc, { ...options, path, method: 'GET' })).body;
}

function dispatcherFor(kc: KubeConfig, ctx: RequestContext): { dispatcher?: Dispatcher } {
  let perContext = dispatchers.get(kc);
  if (!perContext) dispatchers.set(kc, (perContext = new Map()));
  const key = kc.getCurrentContext();
  if (!perContext.has(key)) perContext.set(key, ctx.getDispatcher());
  const dispatcher = perContext.get(key);
  return dispatcher ? { dispatcher } : {};
}

function parseStatus(text: string): RawStatus | null {
  try {
    const value = JSON.parse(text) as RawStatus;
    return value && typeof value === 'object' ? value : null;
  } catch {
    return text ? { message: text.trim().slice(0, 200) } : null;
  }
}

function defaultVerb(method: string): string {
  switch (method) {
    case 'POST':
      return 'create';
    case 'DELETE':
      return 'delete';
    case 'PATCH':
    case 'PUT':
      return 'update';
    default:
      return 'get';
  }
}
