import { HttpMethod, RequestContext, type KubeConfig } from '@kubernetes/client-node';
import { fetch, type Dispatcher, type Response } from 'undici';
import type { RawStatus } from './json.js';
import { secureKubeConfig } from './credentials.js';
import { configError, describeRequest, httpError, type KubeApiError } from './errors.js';
import { authError, transportError } from './transport-errors.js';

export { KubeApiError, isGone, isTransient } from './errors.js';

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
  const prepared = await prepareRequest(kc, request);
  const { url, method, headers, body, signal, dispatcher, fail } = prepared;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
      ...(signal ? { signal } : {}),
      ...(dispatcher ? { dispatcher } : {}),
    });
    text = await response.text();
  } catch (error) {
    throw fail(error);
  }
  if (!response.ok) throw prepared.refuse(response.status, text);
  try {
    return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as T };
  } catch {
    throw fail(new Error(`the server sent a response that is not JSON (${text.slice(0, 80)})`));
  }
}

/** A request ready to send: authenticated headers, combined abort signal, the context's connection. */
export interface PreparedRequest {
  url: URL;
  method: NonNullable<KubeRequest['method']>;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal | undefined;
  dispatcher: Dispatcher | undefined;
  /** A failure talking to the server, as the KubeApiError users see. */
  fail(error: unknown): KubeApiError;
  /** A non-2xx answer (with its body text), as the KubeApiError users see. */
  refuse(status: number, text: string): KubeApiError;
}

export async function prepareRequest(kc: KubeConfig, request: KubeRequest): Promise<PreparedRequest> {
  const method = request.method ?? 'GET';
  const description = describeRequest(kc, request.verb ?? defaultVerb(method), request.path);
  const fail = (error: unknown) => transportError(kc, description, error, request.timeoutMs);
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw fail(new Error('the context has no cluster'));
  // Normally done by loadKubeConfig; a KubeConfig made elsewhere gets the same rules.
  secureKubeConfig(kc);

  let url: URL;
  try {
    url = new URL(cluster.server.replace(/\/+$/, '') + request.path);
  } catch {
    throw configError(kc, description, `the server ${JSON.stringify(cluster.server)} of cluster "${cluster.name}" is not a URL`);
  }
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

  return {
    url,
    method,
    headers,
    body,
    signal,
    dispatcher: dispatcherFor(kc, ctx),
    fail,
    refuse: (status, text) => httpError(kc, description, status, parseStatus(text)),
  };
}

/** GET a JSON document. */
export async function kubeGet<T = unknown>(
  kc: KubeConfig,
  path: string,
  options: Omit<KubeRequest, 'path' | 'method'> = {},
): Promise<T> {
  return (await kubeRequest<T>(kc, { ...options, path, method: 'GET' })).body;
}

function dispatcherFor(kc: KubeConfig, ctx: RequestContext): Dispatcher | undefined {
  let perContext = dispatchers.get(kc);
  if (!perContext) dispatchers.set(kc, (perContext = new Map()));
  const key = kc.getCurrentContext();
  if (!perContext.has(key)) perContext.set(key, ctx.getDispatcher());
  return perContext.get(key);
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
