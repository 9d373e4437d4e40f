// LIST: key-ordered pages (limit + continue), label/field selectors, plain list or Table.
// Pages are built by joining each object's cached JSON, so a 500-pod page of 4 KB pods is a
// single string concatenation, not 500 JSON.stringify calls.
import type { Ctx } from '../context.js';
import { lowerBound } from './storage.js';
import type { Entry } from './storage.js';
import type { ResourceDef } from './resources.js';
import { apiVersionOf, fieldsOf } from './resources.js';
import { fieldMatcher, labelMatcher } from './selectors.js';
import type { FieldMatcher, Matcher } from './selectors.js';
import { badRequest, expired } from './status.js';
import { toTable } from './table.js';
import type { IncludeObject } from './table.js';

export interface ListQuery {
  limit?: number;
  continueToken?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface Filter {
  labels: Matcher | null;
  fields: FieldMatcher | null;
}

const supportedFields = new Map<string, Set<string>>();

/** The field names a resource accepts in ?fieldSelector=. */
export function fieldsSupported(def: ResourceDef): Set<string> {
  let s = supportedFields.get(def.id);
  if (s === undefined) {
    s = new Set(Object.keys(fieldsOf(def, { metadata: {}, spec: {}, status: {} })));
    supportedFields.set(def.id, s);
  }
  return s;
}

export function makeFilter(def: ResourceDef, labelSelector?: string, fieldSelector?: string): Filter {
  return { labels: labelMatcher(labelSelector), fields: fieldMatcher(fieldSelector, fieldsSupported(def)) };
}

export const passes = (f: Filter, e: Pick<Entry, 'labels' | 'fields'>): boolean =>
  (f.labels === null || f.labels(e.labels)) && (f.fields === null || f.fields(e.fields));

interface Token {
  rv: number;
  start: string;
}

function encodeToken(t: Token): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: t.rv, start: t.start })).toString('base64url');
}

function decodeToken(s: string): Token {
  try {
    const t = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (t.v !== 'meta.k8s.io/v1' || typeof t.rv !== 'number' || typeof t.start !== 'string') throw new Error('bad');
    return { rv: t.rv, start: t.start };
  } catch {
    throw badRequest(`continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)`);
  }
}

export interface Page {
  entries: Entry[];
  resourceVersion: string;
  continueToken?: string;
  remainingItemCount?: number;
}

export function listPage(ctx: Pick<Ctx, 'store'>, def: ResourceDef, ns: string, q: ListQuery): Page {
  const { store } = ctx;
  const filter = makeFilter(def, q.labelSelector, q.fieldSelector);
  let listRv = store.rv;
  const keys = store.sortedKeys(def.id);
  let lo = 0;
  let hi = keys.length;
  if (ns !== '' && def.namespaced) {
    lo = lowerBound(keys, `${ns}/`);
    hi = lowerBound(keys, `${ns}0`); // '0' sorts right after '/'
  }
  let i = lo;
  if (q.continueToken !== undefined && q.continueToken !== '') {
    const t = decodeToken(q.continueToken);
    if (t.rv < store.compactedRv) {
      throw expired(
        'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
      );
    }
    listRv = t.rv;
    i = Math.max(lo, lowerBound(keys, `${t.start}\u0000`));
  }
  const limit = q.limit !== undefined && q.limit > 0 ? q.limit : Infinity;
  const table = store.table(def.id);
  const out: Entry[] = [];
  for (; i < hi && out.length < limit; i++) {
    const e = table.entries.get(keys[i]!)!;
    if (passes(filter, e)) out.push(e);
  }
  const page: Page = { entries: out, resourceVersion: String(listRv) };
  if (out.length >= limit) {
    // More only if something after this page still matches.
    let more = false;
    for (let j = i; j < hi; j++) {
      if (passes(filter, table.entries.get(keys[j]!)!)) {
        more = true;
        break;
      }
    }
    if (more) {
      page.continueToken = encodeToken({ rv: listRv, start: out[out.length - 1]!.key });
      if (filter.labels === null && filter.fields === null) page.remainingItemCount = hi - i;
    }
  }
  return page;
}

export function listJson(def: ResourceDef, page: Page): string {
  const meta: Record<string, unknown> = { resourceVersion: page.resourceVersion };
  if (page.continueToken !== undefined) meta.continue = page.continueToken;
  if (page.remainingItemCount !== undefined) meta.remainingItemCount = page.remainingItemCount;
  const head = `{"kind":"${def.kind}List","apiVersion":"${apiVersionOf(def)}","metadata":${JSON.stringify(meta)},"items":[`;
  return head + page.entries.map((e) => e.json).join(',') + ']}';
}

export function listTableJson(def: ResourceDef, page: Page, include: IncludeObject, now: number): string {
  const meta: Record<string, unknown> = { resourceVersion: page.resourceVersion };
  if (page.continueToken !== undefined) meta.continue = page.continueToken;
  if (page.remainingItemCount !== undefined) meta.remainingItemCount = page.remainingItemCount;
  return JSON.stringify(toTable(def.id, page.entries.map((e) => JSON.parse(e.json)), meta, include, now));
}
