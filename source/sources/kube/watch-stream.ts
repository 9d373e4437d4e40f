// One Kubernetes watch stream for the reflector, through client-node's Watch: its events handed
// on in order, and how it ended told apart (the server closed it, it went quiet, 410, an error).
import { Watch, type KubeConfig, type RequestContext } from '@kubernetes/client-node';
import { describeRequest, httpError } from './errors.js';
import { authError, transportError } from './transport-errors.js';
import type { RawMeta, RawStatus } from './json.js';
import type { ResourceQuery } from './resources.js';

/** The watch ended for a reason that needs a fresh list (410 Gone / Expired). */
export class GoneError extends Error {}

export interface WatchStreamOptions {
  resourceVersion: string;
  /** Ends the stream ('closed'). */
  signal: AbortSignal;
  /** Client-side inactivity timeout (catches half-open connections); default 90 s. */
  inactivityMs?: number | undefined;
  /** Server-side timeout: the server ends the stream; default 300 s. */
  timeoutSeconds?: number | undefined;
}

export interface WatchStreamEvents {
  onChange(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: unknown): void;
  /** Where the stream stands (after each change, and at bookmarks). */
  onVersion(resourceVersion: string): void;
  /** The request is out and the stream open. */
  onOpen(): void;
}

/**
 * Resolves 'closed' when the server ends the stream (or the signal does), 'timeout' when it was
 * idle past the inactivity timeout; rejects GoneError on 410, KubeApiError on anything else.
 */
export function watchStream(kc: KubeConfig, query: ResourceQuery, options: WatchStreamOptions, events: WatchStreamEvents): Promise<'closed' | 'timeout'> {
  const describe = describeRequest(kc, 'watch', query.path);
  const { signal } = options;
  return new Promise((resolve, reject) => {
    let settled = false;
    let controller: AbortController | null = null;
    let failure: Error | null = null;
    // client-node gives every watch its own undici Agent (for TLS / skip-verify clusters) and
    // never closes it: left alone, each reconnect would leave one behind for the whole session.
    let dispatcher: { destroy(): Promise<void> } | undefined;
    const release = () => void dispatcher?.destroy().catch(() => {});
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onStop);
      controller?.abort();
      release();
      fn();
    };
    const onStop = () => settle(() => resolve('closed'));
    signal.addEventListener('abort', onStop, { once: true });

    const onEvent = (type: string, object: unknown) => {
      if (settled) return;
      switch (type) {
        case 'ADDED':
        case 'MODIFIED':
        case 'DELETED':
          events.onChange(type, object);
          break;
        case 'BOOKMARK':
          break;
        case 'ERROR': {
          const status = (object ?? {}) as RawStatus;
          failure = status.code === 410 ? new GoneError(status.message ?? 'gone') : httpError(kc, describe, status.code ?? 500, status);
          settle(() => reject(failure));
          return;
        }
        default:
          return;
      }
      const rv = (object as { metadata?: RawMeta } | null)?.metadata?.resourceVersion;
      if (rv) events.onVersion(rv);
    };

    const onDone = (error: unknown) => {
      settle(() => {
        if (failure) return reject(failure);
        if (!error) return resolve('closed');
        const err = error as { name?: string; statusCode?: number };
        if (err.name === 'TimeoutError') return resolve('timeout');
        if (err.statusCode === 410) return reject(new GoneError('gone'));
        if (err.statusCode) return reject(httpError(kc, describe, err.statusCode, null));
        reject(transportError(kc, describe, error));
      });
    };

    // The kubeconfig as the Watch sees it, noting the Agent its authentication made.
    const config = Object.create(kc, {
      applySecurityAuthentication: {
        value: async (ctx: RequestContext) => {
          await kc.applySecurityAuthentication(ctx);
          dispatcher = ctx.getDispatcher();
          if (settled) release();
        },
      },
    }) as KubeConfig;
    const watch = new Watch(config);
    // TypeScript-private but a plain field at run time: the stream's inactivity timeout
    // (default 30s) would otherwise cut quiet watches far more often than needed.
    (watch as unknown as { requestTimeoutMs: number }).requestTimeoutMs = options.inactivityMs ?? 90_000;
    const params = {
      resourceVersion: options.resourceVersion,
      allowWatchBookmarks: true,
      timeoutSeconds: options.timeoutSeconds ?? 300,
      labelSelector: query.labelSelector,
      fieldSelector: query.fieldSelector,
    };
    watch.watch(query.path, params, onEvent, onDone).then(
      (ctrl) => {
        controller = ctrl;
        if (settled) return void ctrl.abort();
        events.onOpen();
      },
      // Thrown before the request: the credential plugin or the kubeconfig failed.
      (error: unknown) => settle(() => reject(authError(kc, describe, error))),
    );
  });
}
