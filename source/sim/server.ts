// One loopback HTTP(S) server for both APIs: /clusters/... is EKS, everything else Kubernetes.
import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Ctx } from './context.js';
import type { Faults } from './faults.js';
import { authorized, type TokenPolicy } from './auth.js';
import { handleEks } from './eks/api.js';
import { sendEksError, EksError } from './eks/errors.js';
import { sendJson } from './kube/http.js';
import { handleKube } from './kube/router.js';
import type { RequestLog } from './request-log.js';
import { ApiError } from './kube/status.js';
import type { WatchHub } from './kube/watch.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const OPEN_PATHS = new Set(['/version', '/healthz', '/livez', '/readyz']);

export interface ServerDeps {
  ctx: Ctx;
  hub: WatchHub;
  faults: Faults;
  token: string;
  /** Bearer tokens accepted besides `token` (see auth.ts). */
  acceptTokens?: TokenPolicy | undefined;
  user: string;
  latencyMs: number;
  requests: RequestLog;
  /** Serve https with this certificate (tls.ts); anonymous Kubernetes requests are then refused. */
  tls?: { cert: string; key: string } | undefined;
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startServer(host: string, port: number, deps: ServerDeps): Promise<RunningServer> {
  if (!LOOPBACK.has(host)) throw new Error(`sim: refusing to listen on ${host}: loopback only (127.0.0.1, ::1, localhost)`);
  const sockets = new Set<Socket>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    if (process.env.KUBECTL_FARGATE_SIM_DEBUG) console.error(`[sim] ${req.method} ${req.url} auth=${req.headers.authorization === undefined ? 'none' : 'yes'} accept=${req.headers.accept ?? ''}`);
    const isEks = url.pathname === '/clusters' || url.pathname.startsWith('/clusters/');
    deps.requests.record(req, url, isEks ? 'eks' : 'kube');
    const down = deps.faults.isDown();
    if (down === 'refuse') {
      req.socket.destroy();
      return;
    }
    if (down === '503') {
      if (isEks) return sendEksError(res, new EksError('ServiceUnavailableException', 'Service Unavailable'));
      return sendJson(res, 503, new ApiError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request').status);
    }
    if (deps.latencyMs > 0) await new Promise((r) => setTimeout(r, deps.latencyMs));
    if (isEks) return handleEks(req, res, url, deps);
    // kubectl never sends a bearer token over plain http, so anonymous requests are served there;
    // over https, like a real EKS API server, a request needs an accepted token.
    if (!OPEN_PATHS.has(url.pathname) && !authorized(req.headers.authorization, deps.token, deps.acceptTokens, !deps.tls)) {
      return sendJson(res, 401, new ApiError(401, 'Unauthorized', 'Unauthorized').status);
    }
    return handleKube(req, res, url, deps);
  };

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((err: unknown) => {
      deps.ctx.clock.errors.push(err as Error);
      if (!res.headersSent) sendJson(res, 500, new ApiError(500, 'InternalError', 'Internal error occurred').status);
      else res.destroy();
    });
  };
  const server: Server = deps.tls
    ? createTlsServer({ keepAliveTimeout: 5000, cert: deps.tls.cert, key: deps.tls.key }, listener)
    : createServer({ keepAliveTimeout: 5000 }, listener);
  server.on('connection', (s: Socket) => {
    if (deps.faults.isDown() === 'refuse') {
      s.destroy();
      return;
    }
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  deps.faults.onDown = (mode) => {
    if (mode === 'refuse') for (const s of sockets) s.destroy();
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  const actualPort = typeof addr === 'object' && addr !== null ? addr.port : port;
  const url = `${deps.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        deps.hub.dropAll();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
      }),
  };
}
