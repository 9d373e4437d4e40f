// Every request the sim received (bounded), so tests can check what a client sent: only dry-run
// writes, its User-Agent, impersonation headers. Credentials are never kept.
import type { IncomingMessage } from 'node:http';

export interface SimRequest {
  /** Which API answered: EKS is /clusters..., everything else Kubernetes. */
  api: 'kube' | 'eks';
  method: string;
  path: string;
  /** Every query parameter, with all its values (`dryRun: ['All']`). */
  query: Record<string, string[]>;
  /**
   * The request headers, lower-case names; `authorization` is reduced to its scheme ("Bearer",
   * "AWS4-HMAC-SHA256") and cookies are dropped. Repeated headers (Impersonate-Group) are lists.
   */
  headers: Record<string, string | string[]>;
  /** Epoch ms (wall clock). */
  at: number;
}

/** The Kubernetes verbs that change something (a SelfSubjectAccessReview creates nothing). */
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class RequestLog {
  private items: SimRequest[] = [];

  constructor(private readonly limit = 20_000) {}

  record(req: IncomingMessage, url: URL, api: SimRequest['api']): void {
    const query: Record<string, string[]> = {};
    for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key);
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headersDistinct ?? {})) {
      if (value === undefined || name === 'cookie') continue;
      if (name === 'authorization') headers[name] = value[0]!.split(' ')[0]!;
      else headers[name] = value.length === 1 ? value[0]! : value;
    }
    this.items.push({ api, method: req.method ?? 'GET', path: url.pathname, query, headers, at: Date.now() });
    if (this.items.length > this.limit) this.items.splice(0, this.items.length - this.limit);
  }

  /** Oldest first; the last `limit` requests. */
  get all(): readonly SimRequest[] {
    return this.items;
  }

  /** Kubernetes requests that would change the cluster (not SelfSubjectAccessReviews). */
  writes(): SimRequest[] {
    return this.items.filter((r) => r.api === 'kube' && WRITES.has(r.method) && !/\/selfsubject\w+reviews$/.test(r.path));
  }

  clear(): void {
    this.items = [];
  }
}

/** Whether a logged request asked the API server for a dry run (`?dryRun=All`). */
export const isDryRun = (r: SimRequest): boolean => (r.query.dryRun ?? []).includes('All');
