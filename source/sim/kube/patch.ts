// PATCH bodies: JSON merge patch (RFC 7386), a light strategic merge patch (lists of named
// objects merge by `name`, `$patch: delete` removes, other `$` directives are ignored), and
// JSON patch (RFC 6902).
import type { Obj } from './resources.js';
import { ApiError, badRequest } from './status.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return patch;
  const out: Record<string, unknown> = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** Lists whose items are merged by a key (the common patchMergeKey fields of core types). */
const MERGE_KEYS = ['name', 'containerPort', 'mountPath', 'devicePath', 'ip', 'type', 'key'];

function mergeKeyOf(items: unknown[]): string | null {
  for (const k of MERGE_KEYS) if (items.length > 0 && items.every((i) => isObj(i) && k in i)) return k;
  return null;
}

export function strategicMerge(target: unknown, patch: unknown): unknown {
  if (Array.isArray(patch)) {
    if (!Array.isArray(target)) return patch.filter((p) => !(isObj(p) && p.$patch === 'delete'));
    const key = mergeKeyOf([...target, ...patch.filter((p) => !(isObj(p) && '$patch' in p && Object.keys(p).length === 1))]);
    if (key === null) return patch;
    const out = [...target] as Record<string, unknown>[];
    for (const p of patch as Record<string, unknown>[]) {
      const i = out.findIndex((t) => t[key] === p[key]);
      if (p.$patch === 'delete') {
        if (i >= 0) out.splice(i, 1);
      } else if (i >= 0) out[i] = strategicMerge(out[i], p) as Record<string, unknown>;
      else out.push(strategicMerge(undefined, p) as Record<string, unknown>);
    }
    return out;
  }
  if (!isObj(patch)) return patch;
  if (patch.$patch === 'replace') {
    const { $patch: _r, ...rest } = patch;
    return rest;
  }
  const out: Record<string, unknown> = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue; // $setElementOrder, $retainKeys, $deleteFromPrimitiveList...
    if (v === null) delete out[k];
    else out[k] = strategicMerge(out[k], v);
  }
  return out;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw badRequest(`invalid JSON pointer ${path}`);
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function jsonPatch(doc: Obj, ops: unknown): Obj {
  if (!Array.isArray(ops)) throw badRequest('json patch must be an array');
  let out = structuredClone(doc);
  for (const op of ops as Obj[]) {
    const parts = pointer(String(op.path));
    const last = parts.pop();
    let parent: Obj = out;
    for (const p of parts) {
      parent = Array.isArray(parent) ? parent[Number(p)] : parent?.[p];
      if (parent === undefined) throw new ApiError(422, 'Invalid', `the server rejected our request due to an error in our request: path ${op.path} not found`);
    }
    const get = (): unknown => (last === undefined ? out : Array.isArray(parent) ? parent[Number(last)] : parent[last]);
    switch (op.op) {
      case 'add':
      case 'replace':
        if (last === undefined) out = op.value;
        else if (Array.isArray(parent)) {
          const i = last === '-' ? parent.length : Number(last);
          if (op.op === 'add') parent.splice(i, 0, op.value);
          else parent[i] = op.value;
        } else parent[last] = op.value;
        break;
      case 'remove':
        if (last === undefined) throw badRequest('cannot remove the root');
        if (get() === undefined) throw new ApiError(422, 'Invalid', `the server rejected our request due to an error in our request: path ${op.path} not found`);
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else delete parent[last];
        break;
      case 'test':
        if (JSON.stringify(get()) !== JSON.stringify(op.value)) throw new ApiError(422, 'Invalid', `the server rejected our request due to an error in our request: test failed at ${op.path}`);
        break;
      default:
        throw badRequest(`unsupported json patch op ${String(op.op)}`);
    }
  }
  return out;
}
