// The Kubernetes half of the HTTP server: path parsing, verbs, and turning errors into Status.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ctx } from '../context.js';
import type { Faults } from '../faults.js';
import { apiVersions, group, groupList, resourceList, versionInfo } from './discovery.js';
import { openapiGroupVersion, openapiRoot } from './openapi.js';
import { evict } from './eviction.js';
import { logQuery, servePodLog } from './logs.js';
import { mediaType, parseJson, readObject } from './body.js';
import { readBody, sendJson, sendRaw } from './http.js';
import { listJson, listPage, listTableJson, makeFilter, passes } from './list.js';
import type { PatchType } from './objects.js';
import { resourceByPath } from './resources.js';
import type { Obj, ResourceDef } from './resources.js';
import { scaleOf, writeScale } from './scale.js';
import { ApiError, successStatus } from './status.js';
import { toTable, wantsTable } from './table.js';
import type { IncludeObject } from './table.js';
import type { WatchHub } from './watch.js';

export interface KubeDeps {
  ctx: Ctx;
  hub: WatchHub;
  faults: Faults;
  /** The user name RBAC messages show. */
  user: string;
}

interface Target {
  def: ResourceDef;
  ns: string;
  name?: string;
  sub?: string;
  watchPath: boolean;
}

function parseTarget(segments: string[]): Target | undefined {
  // segments start after /api or /apis: [group?, version, ...rest]
  let groupName = '';
  let rest: string[];
  if (segments[0] === 'api') rest = segments.slice(1);
  else {
    groupName = segments[1] ?? '';
    rest = segments.slice(2);
  }
  const version = rest.shift();
  if (version === undefined) return undefined;
  let watchPath = false;
  if (rest[0] === 'watch') {
    watchPath = true;
    rest.shift();
  }
  let ns = '';
  if (rest[0] === 'namespaces' && rest.length >= 3 && resourceByPath(groupName, version, rest[2]!)?.namespaced === true) {
    ns = rest[1]!;
    rest = rest.slice(2);
  }
  const def = resourceByPath(groupName, version, rest[0] ?? '');
  if (def === undefined) return undefined;
  return { def, ns, name: rest[1], sub: rest[2], watchPath };
}

const num = (v: string | null): number | undefined => (v === null || v === '' ? undefined : Number(v));

function patchType(contentType: string | undefined): PatchType {
  const ct = mediaType(contentType);
  if (ct === 'application/json-patch+json') return 'json';
  if (ct === 'application/merge-patch+json') return 'merge';
  if (ct === 'application/strategic-merge-patch+json') return 'strategic';
  throw new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json`);
}

const VERB_OF: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };

export async function handleKube(req: IncomingMessage, res: ServerResponse, url: URL, deps: KubeDeps): Promise<void> {
  const { ctx, faults } = deps;
  const method = req.method ?? 'GET';
  try {
    const forced = faults.takeKube(method, url.pathname + url.search);
    if (forced !== undefined) {
      const body = forced.body ?? new ApiError(forced.status, forced.status === 429 ? 'TooManyRequests' : forced.status === 403 ? 'Forbidden' : forced.status >= 500 ? 'InternalError' : 'BadRequest', `injected failure (${forced.status})`).status;
      return sendJson(res, forced.status, body);
    }
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const seg = path.split('/').filter((s) => s !== '').map(decodeURIComponent);
    const q = url.searchParams;

    // Discovery and health.
    if (method === 'GET') {
      if (path === '/version') return sendJson(res, 200, versionInfo(ctx.info.version));
      if (path === '/healthz' || path === '/livez' || path === '/readyz') return sendRaw(res, 200, 'ok', { 'Content-Type': 'text/plain; charset=utf-8' });
      if (path === '/api') return sendJson(res, 200, apiVersions(req.headers.host ?? ''));
      if (path === '/apis') return sendJson(res, 200, groupList());
      if (path === '/openapi/v3') return sendJson(res, 200, openapiRoot());
      if (path.startsWith('/openapi/v3/')) {
        const doc = openapiGroupVersion(path);
        if (doc !== undefined) return sendJson(res, 200, doc);
      }
      if (seg.length === 2 && seg[0] === 'api') {
        const doc = resourceList('', seg[1]!);
        if (doc !== undefined) return sendJson(res, 200, doc);
      }
      if (seg.length === 2 && seg[0] === 'apis') {
        const doc = group(seg[1]!);
        if (doc !== undefined) return sendJson(res, 200, doc);
      }
      if (seg.length === 3 && seg[0] === 'apis') {
        const doc = resourceList(seg[1]!, seg[2]!);
        if (doc !== undefined) return sendJson(res, 200, doc);
      }
    }

    const t = seg[0] === 'api' || seg[0] === 'apis' ? parseTarget(seg) : undefined;
    if (t === undefined) {
      return sendJson(res, 404, new ApiError(404, 'NotFound', 'the server could not find the requested resource').status);
    }
    const { def, ns, name, sub } = t;
    if (sub !== undefined && !(def.subresources ?? []).some((x) => x.name === sub)) {
      return sendJson(res, 404, new ApiError(404, 'NotFound', 'the server could not find the requested resource').status);
    }
    const isCollection = name === undefined;
    const watching = t.watchPath || q.get('watch') === 'true' || q.get('watch') === '1';
    const verb = method === 'GET' ? (watching ? 'watch' : isCollection ? 'list' : 'get') : method === 'DELETE' && isCollection ? 'deletecollection' : (VERB_OF[method] ?? method.toLowerCase());
    const effectiveSub = sub === 'eviction' ? 'eviction' : (sub ?? '');
    if (faults.isDenied({ verb: effectiveSub === 'eviction' ? 'create' : verb, resource: def.plural, namespace: ns, group: def.group, subresource: effectiveSub })) {
      const scope = ns === '' ? 'at the cluster scope' : `in the namespace "${ns}"`;
      const what = effectiveSub === '' ? def.plural : `${def.plural}/${effectiveSub}`;
      const subject = name === undefined ? what : `${what} "${name}"`;
      throw new ApiError(403, 'Forbidden', `${subject} is forbidden: User "${deps.user}" cannot ${effectiveSub === 'eviction' ? 'create' : verb} resource "${what}" in API group "${def.group}" ${scope}`, { name, group: def.group, kind: def.plural });
    }
    const dryRun = q.getAll('dryRun').includes('All');
    const accept = req.headers.accept;
    const include = (q.get('includeObject') ?? 'Metadata') as IncludeObject;

    if (def.virtual) {
      if (method !== 'POST') throw new ApiError(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
      // Answered in JSON whatever the request's encoding: kubectl accepts it.
      const body = await readObject(req);
      const attrs = body?.spec?.resourceAttributes ?? {};
      const denied = faults.isDenied({ verb: attrs.verb ?? '', resource: attrs.resource ?? '', namespace: attrs.namespace ?? '', group: attrs.group ?? '', subresource: attrs.subresource ?? '' });
      const out = { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: { creationTimestamp: null }, spec: body.spec ?? {}, status: denied ? { allowed: false } : { allowed: true, reason: 'sim: all access allowed' } };
      return sendJson(res, 201, out);
    }

    if (def.id === 'pods' && sub === 'log' && name !== undefined) {
      if (method !== 'GET') throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
      return servePodLog(ctx, res, ns, name, logQuery(q));
    }

    if (sub === 'scale' && name !== undefined) {
      if (method === 'GET') return sendJson(res, 200, scaleOf(ctx.api.get(def.id, ns, name)));
      if (method === 'PATCH' || method === 'PUT') {
        const type = method === 'PUT' ? 'replace' : patchType(req.headers['content-type']);
        const body = method === 'PUT' ? await readObject(req) : parseJson(await readBody(req));
        return sendJson(res, 200, writeScale(ctx, def, ns, name, body, type, dryRun));
      }
      throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    }

    switch (method) {
      case 'GET': {
        if (watching) {
          const filter = makeFilter(def, q.get('labelSelector') ?? undefined, name !== undefined ? `metadata.name=${name}` : (q.get('fieldSelector') ?? undefined));
          if (name !== undefined && q.get('fieldSelector')) {
            const extra = makeFilter(def, undefined, q.get('fieldSelector')!);
            const base = filter.fields;
            filter.fields = (f) => (base === null || base(f)) && (extra.fields === null || extra.fields(f));
          }
          deps.hub.start(res, {
            def,
            ns,
            filter,
            resourceVersion: q.get('resourceVersion') ?? undefined,
            timeoutSeconds: num(q.get('timeoutSeconds')),
            bookmarks: q.get('allowWatchBookmarks') === 'true',
            sendInitialEvents: q.get('sendInitialEvents') === 'true',
            table: wantsTable(accept) ? { include } : null,
          });
          return;
        }
        if (isCollection) {
          const page = listPage(ctx, def, ns, {
            limit: num(q.get('limit')),
            continueToken: q.get('continue') ?? undefined,
            labelSelector: q.get('labelSelector') ?? undefined,
            fieldSelector: q.get('fieldSelector') ?? undefined,
          });
          return sendRaw(res, 200, wantsTable(accept) ? listTableJson(def, page, include, ctx.clock.now()) : listJson(def, page));
        }
        const entry = ctx.store.entry(def.id, def.namespaced ? ns : '', name);
        if (entry === undefined) ctx.api.get(def.id, ns, name); // throws NotFound
        if (wantsTable(accept)) {
          const obj = JSON.parse(entry!.json);
          return sendJson(res, 200, toTable(def.id, [obj], { resourceVersion: obj.metadata.resourceVersion }, include, ctx.clock.now()));
        }
        return sendRaw(res, 200, entry!.json);
      }
      case 'POST': {
        const body = await readObject(req);
        if (def.id === 'pods' && name !== undefined && sub === 'eviction') {
          evict(ctx, ns, name, body, dryRun);
          return sendJson(res, 201, successStatus());
        }
        if (!isCollection) throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
        const created = ctx.api.create(def.id, body, { namespace: def.namespaced ? ns || undefined : undefined, dryRun });
        return sendJson(res, 201, created);
      }
      case 'PUT': {
        if (isCollection) throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
        const body = await readObject(req);
        return sendJson(res, 200, ctx.api.update(def.id, ns, name, body, { dryRun, subresource: sub }));
      }
      case 'PATCH': {
        if (isCollection) throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
        const type = patchType(req.headers['content-type']);
        // Patches are JSON documents whatever their patch type.
        const body = parseJson(await readBody(req));
        return sendJson(res, 200, ctx.api.patch(def.id, ns, name, body, type, { dryRun, subresource: sub }));
      }
      case 'DELETE': {
        const body = await readObject(req);
        const grace = num(q.get('gracePeriodSeconds')) ?? (body.gracePeriodSeconds as number | undefined);
        const propagationPolicy = (q.get('propagationPolicy') ?? body.propagationPolicy ?? undefined) as 'Background' | 'Foreground' | 'Orphan' | undefined;
        const opts = { gracePeriodSeconds: grace, propagationPolicy, dryRun: dryRun || (Array.isArray(body.dryRun) && body.dryRun.includes('All')), preconditions: body.preconditions };
        if (isCollection) {
          const filter = makeFilter(def, q.get('labelSelector') ?? undefined, q.get('fieldSelector') ?? undefined);
          const items: Obj[] = [];
          for (const e of [...ctx.store.entriesIn(def.id, ns)]) if (passes(filter, e)) items.push(ctx.api.delete(def.id, e.ns, e.name, opts));
          return sendJson(res, 200, { kind: `${def.kind}List`, apiVersion: def.group === '' ? def.version : `${def.group}/${def.version}`, metadata: { resourceVersion: String(ctx.store.rv) }, items });
        }
        return sendJson(res, 200, ctx.api.delete(def.id, ns, name, opts));
      }
      default:
        throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    }
  } catch (err) {
    if (err instanceof ApiError) return sendJson(res, err.code, err.status);
    ctx.clock.errors.push(err as Error);
    return sendJson(res, 500, new ApiError(500, 'InternalError', `Internal error occurred: ${(err as Error).message}`).status);
  }
}
