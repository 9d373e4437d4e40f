import type { KubeConfig } from '@kubernetes/client-node';
import { isGone } from './errors.js';
import { kubeStream } from './stream.js';
import { ListItemSplitter } from './list-items.js';
import type { PruneNode } from './prune.js';

export interface ListOptions {
  labelSelector?: string | undefined;
  fieldSelector?: string | undefined;
  /** Page size; kubectl uses 500. */
  limit?: number;
  /** Per-page timeout (--request-timeout); 0 = none. */
  timeoutMs?: number;
  signal?: AbortSignal | undefined;
  /** Called before a list restarts from scratch: drop what onItem collected so far. */
  onRestart?: () => void;
  /** For error messages; default "list". */
  verb?: string;
  /** Parts of each item nobody reads, cut before parsing (prune.ts, list-items.ts). */
  prune?: PruneNode;
}

const MAX_RESTARTS = 3;

/**
 * A paged LIST that follows `metadata.continue`, handing each raw item to `onItem` as it
 * downloads so callers can project it and let it go (list-items.ts). An expired continue token
 * (410) restarts the list from the beginning, as client-go's pager does; `onRestart` tells the
 * caller to forget.
 *
 * Pages are asked for one ahead: Kubernetes writes a list's metadata, continue token included,
 * before its items, so the next page is requested as soon as this one's items start and the
 * server prepares it while we parse (its body waits in the connection until this page is done).
 */
export async function listAll(
  kc: KubeConfig,
  path: string,
  options: ListOptions,
  onItem: (item: unknown) => void,
): Promise<{ resourceVersion: string }> {
  const request = (token: string | undefined): PageRequest => {
    const abort = new AbortController();
    const body = kubeStream(kc, {
      path,
      query: { limit: options.limit ?? 500, continue: token, labelSelector: options.labelSelector, fieldSelector: options.fieldSelector },
      verb: options.verb ?? 'list',
      signal: options.signal ? AbortSignal.any([options.signal, abort.signal]) : abort.signal,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
    // A page asked for ahead may fail before anyone waits for it; it is looked at when its turn comes.
    body.catch(() => {});
    return { token, body, abort: () => abort.abort() };
  };

  for (let attempt = 0; ; attempt++) {
    let page = request(undefined);
    // The page asked for ahead (set from inside the splitter, hence an object).
    const ahead: { page?: PageRequest } = {};
    try {
      for (;;) {
        const envelope = await (await page.body).read(
          new ListItemSplitter(onItem, {
            onHead: (head) => {
              if (head.metadata?.continue) ahead.page = request(head.metadata.continue);
            },
            prune: options.prune,
          }),
        );
        const token = envelope.metadata?.continue || undefined;
        if (!token) return { resourceVersion: envelope.metadata?.resourceVersion ?? '' };
        page = ahead.page?.token === token ? ahead.page : request(token);
      }
    } catch (error) {
      ahead.page?.abort();
      // Only a page after the first can hit an expired token; a 410 on page one is a real error.
      if (isGone(error) && page.token !== undefined && attempt < MAX_RESTARTS) {
        options.onRestart?.();
        continue;
      }
      throw error;
    }
  }
}

interface PageRequest {
  /** The continue token it was asked with (undefined for the first page). */
  token: string | undefined;
  body: ReturnType<typeof kubeStream>;
  abort: () => void;
}
