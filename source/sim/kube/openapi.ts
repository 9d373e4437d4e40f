// A minimal OpenAPI v3 discovery: just enough for kubectl to see that the server supports
// server-side field validation (a `fieldValidation` query parameter on each kind's PATCH), so
// `kubectl apply` works without --validate=false. There are no schemas: kubectl then relies on
// its built-in types for patches. The sim does not enforce unknown-field rejection.
import { RESOURCES, apiVersionOf } from './resources.js';

const HASH = '5349494d2d4f50454e4150492d5633';

export function openapiRoot(): object {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const r of RESOURCES) {
    const key = r.group === '' ? `api/${r.version}` : `apis/${r.group}/${r.version}`;
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${HASH}` };
  }
  return { paths };
}

/** The document for /openapi/v3/api/v1 or /openapi/v3/apis/<group>/<version>; undefined if unknown. */
export function openapiGroupVersion(path: string): object | undefined {
  const m = /^\/openapi\/v3\/(?:api\/([^/]+)|apis\/([^/]+)\/([^/]+))$/.exec(path);
  if (m === null) return undefined;
  const group = m[2] ?? '';
  const version = m[1] ?? m[3] ?? '';
  const defs = RESOURCES.filter((r) => r.group === group && r.version === version && !r.virtual);
  if (defs.length === 0 && !RESOURCES.some((r) => r.group === group && r.version === version)) return undefined;
  const paths: Record<string, object> = {};
  for (const r of defs) {
    const base = `/${r.group === '' ? 'api' : 'apis'}/${apiVersionOf(r)}${r.namespaced ? '/namespaces/{namespace}' : ''}/${r.plural}`;
    const gvk = { group: r.group, version: r.version, kind: r.kind };
    const param = (name: string): object => ({ name, in: 'query', schema: { type: 'string', uniqueItems: true } });
    const op = (id: string): object => ({
      operationId: id,
      'x-kubernetes-group-version-kind': gvk,
      parameters: [param('dryRun'), param('fieldManager'), param('fieldValidation')],
      responses: { '200': { description: 'OK' } },
    });
    paths[base] = { post: op(`create${r.kind}`) };
    paths[`${base}/{name}`] = { put: op(`replace${r.kind}`), patch: op(`patch${r.kind}`) };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.9-eks-sim' }, paths, components: {} };
}
