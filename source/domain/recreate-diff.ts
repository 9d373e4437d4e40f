// Where a pod's last-applied-configuration and its live spec part ways (a `kubectl set image`,
// `kubectl label`, an in-place resize since the last apply). Shown in the reschedule plan so the
// user sees what `--from last-applied` would lose. Pure.
//
// The live object carries many fields the server defaulted (imagePullPolicy, dnsPolicy, ...) that
// the user never wrote; they are not differences. So the walk follows what the user applied, and
// reports live-only keys only where the user, not the server, adds them: labels, annotations,
// named list items (containers, env, volumes) and tolerations.
import { parseQuantity } from './quantity.js';
import { cleanManifestForRecreate, parseLastApplied } from './recreate.js';
import { LAST_APPLIED } from './types.js';

export interface SpecDifference {
  /** e.g. `spec.containers[web].image`, `metadata.labels.tier`. */
  path: string;
  /** undefined: not there. */
  lastApplied: unknown;
  live: unknown;
}

type Json = Record<string, any>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Maps whose live-only keys are the user's (the server adds none of its own there once cleaned). */
const USER_MAPS = new Set(['metadata.labels', 'metadata.annotations', 'resources.requests', 'resources.limits']);

/** The tolerations every pod gets from the DefaultTolerationSeconds admission plugin. */
const isDefaultToleration = (t: unknown): boolean =>
  isObject(t) && (t.key === 'node.kubernetes.io/not-ready' || t.key === 'node.kubernetes.io/unreachable') && t.effect === 'NoExecute' && t.tolerationSeconds === 300;

/** null when the pod has no usable last-applied-configuration. */
export function lastAppliedDifferences(pod: unknown): SpecDifference[] | null {
  if (!isObject(pod) || parseLastApplied(pod) === null) return null;
  const applied = cleanManifestForRecreate(pod, { from: 'last-applied' });
  const live = cleanManifestForRecreate(pod, { from: 'live' });
  const out: SpecDifference[] = [];
  walk(applied.metadata, live.metadata, 'metadata', out);
  walk(applied.spec, live.spec, 'spec', out);
  return out.filter((d) => d.path !== `metadata.annotations.${LAST_APPLIED}`);
}

function walk(applied: unknown, live: unknown, path: string, out: SpecDifference[]): void {
  // null in a last-applied (creationTimestamp: null, status: {}) means "not set".
  if (applied === null || applied === undefined) return;
  // Cleaning drops maps and lists that became empty: compare with an empty one.
  if (live === undefined && isObject(applied)) live = {};
  if (live === undefined && Array.isArray(applied)) live = [];
  if (isObject(applied) && isObject(live)) {
    for (const [key, value] of Object.entries(applied)) walk(value, live[key], `${path}.${key}`, out);
    if ([...USER_MAPS].some((m) => path === m || path.endsWith(`.${m}`))) {
      for (const [key, value] of Object.entries(live)) if (!(key in applied)) out.push({ path: `${path}.${key}`, lastApplied: undefined, live: value });
    }
    return;
  }
  if (Array.isArray(applied) && Array.isArray(live)) return walkList(applied, live, path, out);
  if (!sameScalar(applied, live, path)) out.push({ path, lastApplied: applied, live });
}

function walkList(applied: unknown[], live: unknown[], path: string, out: SpecDifference[]): void {
  const named = (list: unknown[]) => list.every((x) => isObject(x) && typeof x.name === 'string');
  if (named(applied) && named(live)) {
    const liveByName = new Map(live.map((x) => [(x as Json).name as string, x]));
    const appliedNames = new Set(applied.map((x) => (x as Json).name as string));
    for (const item of applied as Json[]) {
      const match = liveByName.get(item.name);
      if (match === undefined) out.push({ path: `${path}[${item.name}]`, lastApplied: item, live: undefined });
      else walk(item, match, `${path}[${item.name}]`, out);
    }
    for (const item of live as Json[]) if (!appliedNames.has(item.name)) out.push({ path: `${path}[${item.name}]`, lastApplied: undefined, live: item });
    return;
  }
  // Unnamed items (tolerations, ports, args): an applied item is kept when a live item carries
  // all of its fields (the server adds defaults such as protocol: TCP).
  const covers = (big: unknown, small: unknown): boolean => {
    if (isObject(small) && isObject(big)) return Object.entries(small).every(([k, v]) => v === null || covers(big[k], v));
    if (Array.isArray(small) && Array.isArray(big)) return small.length === big.length && small.every((v, i) => covers(big[i], v));
    return sameScalar(small, big, '');
  };
  if (!isObject(applied[0]) && !isObject(live[0])) {
    // A list of scalars (command, args) is one value.
    if (applied.length !== live.length || applied.some((v, i) => !sameScalar(v, live[i], path))) out.push({ path, lastApplied: applied, live });
    return;
  }
  for (const item of applied) if (!live.some((l) => covers(l, item))) out.push({ path, lastApplied: item, live: undefined });
  if (path.endsWith('.tolerations')) {
    for (const item of live) if (!isDefaultToleration(item) && !applied.some((a) => covers(item, a))) out.push({ path, lastApplied: undefined, live: item });
  }
}

/** Equal, or the same quantity written two ways (the server writes cpu 0.5 back as 500m). */
function sameScalar(a: unknown, b: unknown, path: string): boolean {
  if (a === b) return true;
  if (/\.resources\.(requests|limits)\.|\.overhead\./.test(path) && (typeof a === 'string' || typeof a === 'number') && (typeof b === 'string' || typeof b === 'number')) {
    const x = parseQuantity(String(a));
    const y = parseQuantity(String(b));
    return x !== null && x === y;
  }
  return false;
}

/** One line per difference: `spec.containers[web].image: last-applied nginx:1.27, live nginx:1.28`. */
export function differenceText(d: SpecDifference): string {
  return `${d.path}: last-applied ${valueText(d.lastApplied)}, live ${valueText(d.live)}`;
}

function valueText(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
