// What every Kubernetes request carries besides its credentials: our User-Agent, kubectl's
// impersonation headers (--as, --as-group, --as-uid) and, with -v, the request log. Every
// request, list, watch and write goes through kc.applySecurityAuthentication (ours in http.ts and
// stream.ts, client-node's Watch), so that is where they are added, once per KubeConfig.
// Repeated headers (one Impersonate-Group per group, as client-go sends them) cannot live in the
// request's header record, which fetch merges into one comma-joined value that the API server
// would read as a single group: they are added below fetch, by an undici interceptor.
import type { KubeConfig, RequestContext } from '@kubernetes/client-node';
import { getGlobalDispatcher, type Dispatcher } from 'undici';
import { USER_AGENT } from '../user-agent.js';
import { logFailure, logRequest, logResponse, logResponseBody, type HeaderPairs, type RequestLog } from '../request-log.js';
import { isPlainHttp } from './credentials.js';
import type { Impersonation } from './overrides.js';

export interface RequestDecorations {
  impersonation?: Impersonation | null;
  log?: RequestLog | null;
}

const decorated = new WeakSet<KubeConfig>();

/** Install the decorations on `kc` (idempotent: the first call's settings stay). */
export function decorateRequests(kc: KubeConfig, decorations: RequestDecorations = {}): void {
  if (decorated.has(kc)) return;
  decorated.add(kc);
  const authenticate = kc.applySecurityAuthentication.bind(kc);
  kc.applySecurityAuthentication = async (ctx: RequestContext) => {
    await authenticate(ctx);
    ctx.setHeaderParam('User-Agent', USER_AGENT);
    // Like kubectl, impersonation is part of the user's identity: never sent over plain http.
    const impersonation = isPlainHttp(kc.getCurrentCluster()?.server) ? null : (decorations.impersonation ?? null);
    const interceptors: Dispatcher.DispatcherComposeInterceptor[] = [];
    if (impersonation) {
      ctx.setHeaderParam('Impersonate-User', impersonation.user);
      if (impersonation.uid) ctx.setHeaderParam('Impersonate-Uid', impersonation.uid);
      if (impersonation.groups.length > 0) interceptors.push(addHeaders(impersonation.groups.map((g) => ['Impersonate-Group', g] as const)));
    }
    if (decorations.log) interceptors.push(logRequests(decorations.log));
    if (interceptors.length > 0) ctx.setDispatcher((ctx.getDispatcher() ?? getGlobalDispatcher()).compose(interceptors));
  };
}

/** The headers of a dispatch, whatever form undici was given them in, as name/value pairs. */
export function headerPairs(headers: Dispatcher.DispatchOptions['headers']): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const add = (name: string, value: unknown) => {
    if (Array.isArray(value)) for (const v of value) out.push([name, String(v)]);
    else if (value !== undefined && value !== null) out.push([name, String(value)]);
  };
  if (headers === null || headers === undefined) return out;
  if (Array.isArray(headers)) {
    if (headers.length > 0 && Array.isArray(headers[0])) for (const [name, value] of headers as unknown as [string, unknown][]) add(name, value);
    else for (let i = 0; i + 1 < headers.length; i += 2) add(String(headers[i]), headers[i + 1]);
  } else if (typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function') {
    for (const [name, value] of headers as Iterable<[string, unknown]>) add(name, value);
  } else {
    for (const [name, value] of Object.entries(headers as Record<string, unknown>)) add(name, value);
  }
  return out;
}

/** Adds headers, repeated ones included, below fetch. */
function addHeaders(extra: HeaderPairs): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) => dispatch({ ...opts, headers: [...headerPairs(opts.headers), ...extra].flat() }, handler);
}

/** -v: each request and its answer, as kubectl logs them (request-log.ts). */
function logRequests(log: RequestLog): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) => {
    const started = performance.now();
    const url = `${opts.origin ?? ''}${opts.path}`;
    const method = opts.method;
    const body = typeof opts.body === 'string' ? opts.body : Buffer.isBuffer(opts.body) ? opts.body.toString('utf8') : undefined;
    logRequest(log, { method, url, headers: headerPairs(opts.headers), body });
    // Watch streams go on for minutes: their line is logged when they start, their body never.
    const watching = /[?&]watch=(true|1)\b/.test(opts.path);
    let chunks: Buffer[] | null = log.level >= 8 && !watching ? [] : null;
    let size = 0;
    let answered = false;
    const wrapped = new Proxy(handler, {
      get(target, key, receiver) {
        if (key === 'onResponseStart') {
          return (controller: unknown, status: number, headers: Record<string, string | string[]>, text: string) => {
            if (status >= 200 || status < 100) {
              answered = true;
              const pairs = headerPairs(headers);
              logResponse(log, { method, url, status, ms: performance.now() - started, headers: pairs });
              const encoding = pairs.find(([name]) => name.toLowerCase() === 'content-encoding')?.[1] ?? 'identity';
              if (chunks && encoding !== 'identity') {
                logResponseBody(log, `<${encoding}-compressed, not shown>`);
                chunks = null;
              }
            }
            return target.onResponseStart?.(controller as never, status, headers as never, text);
          };
        }
        if (key === 'onResponseData') {
          return (controller: unknown, chunk: Buffer) => {
            if (chunks && (log.level >= 9 || size < 64 * 1024)) {
              chunks.push(chunk);
              size += chunk.length;
            }
            return target.onResponseData?.(controller as never, chunk);
          };
        }
        if (key === 'onResponseEnd') {
          return (controller: unknown, trailers: Record<string, string | string[]>) => {
            if (chunks) logResponseBody(log, Buffer.concat(chunks).toString('utf8'));
            return target.onResponseEnd?.(controller as never, trailers as never);
          };
        }
        if (key === 'onResponseError') {
          return (controller: unknown, error: Error) => {
            if (!answered) logFailure(log, { method, url, ms: performance.now() - started, error: error.message });
            return target.onResponseError?.(controller as never, error);
          };
        }
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return dispatch(opts, wrapped);
  };
}
