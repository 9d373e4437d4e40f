import type { KubeConfig } from '@kubernetes/client-node';
import { KubeApiError, isGone, kubeGet } from './kube-http.js';
import { splitListItems } from './list-items.js';

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
}

const MAX_RESTARTS = 3;

/**
 * A paged LIST that follows `metadata.continue`, handing each raw item to `onItem` so callers
 * can project it and let the parsed page go. An expired continue token (410) restarts the list
 * from the beginning, as client-go's pager does; `onRestart` tells the caller to forget.
 */
export async function listAll(
  kc: KubeConfig,
  path: string,
  options: ListOptions,
  onItem: (item: unknown) => void,
): Promise<{ resourceVersion: string }> {
  for (let attempt = 0; ; attempt++) {
    let token: string | undefined;
    try {
      do {
        const text = await kubeGet<string>(kc, path, {
          raw: true,
          query: {
            limit: options.limit ?? 500,
            continue: token,
            labelSelector: options.labelSelector,
            fieldSelector: options.fieldSelector,
          },
          verb: options.verb ?? 'list',
          ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        });
        const { envelope, items } = splitListItems(text);
        // One item alive at a time: see list-items.ts.
        for (let i = 0; i < items.length; i++) {
          const item: unknown = JSON.parse(items[i]!);
          items[i] = '';
          onItem(item);
        }
        token = envelope.metadata?.continue || undefined;
        if (!token) return { resourceVersion: envelope.metadata?.resourceVersion ?? '' };
      } while (token);
    } catch (error) {
      // Only a page after the first can hit an expired token; a 410 on page one is a real error.
      if (isGone(error) && token !== undefined && attempt < MAX_RESTARTS) {
        options.onRestart?.();
        continue;
      }
      throw error;
    }
  }
}

export { KubeApiError };
export { loadClusterOnce, type LoadOptions } from './load-cluster.js';
