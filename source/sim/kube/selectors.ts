// Label and field selectors as the API server parses them (?labelSelector=, ?fieldSelector=).
import { badRequest } from './status.js';

export type LabelRequirement =
  | { op: 'exists' | '!exists'; key: string }
  | { op: '=' | '!='; key: string; value: string }
  | { op: 'in' | 'notin'; key: string; values: string[] };

export type Matcher = (labels: Record<string, string> | undefined) => boolean;

// Commas inside `in (a,b)` belong to the value list, not the requirement list.
function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

const SET = /^([^\s=!(),]+)\s+(in|notin)\s*\(([^()]*)\)$/;
const NOT_EXISTS = /^!\s*([^\s=!(),]+)$/;
const EQUALITY = /^([^\s=!(),]+)\s*(==|=|!=)\s*([^\s=!(),]*)$/;
const EXISTS = /^([^\s=!(),]+)$/;

export function parseLabelSelector(text: string): LabelRequirement[] {
  return splitTopLevel(text).map((part) => {
    let m = SET.exec(part);
    if (m !== null) {
      const values = m[3]!.split(',').map((v) => v.trim()).filter((v) => v !== '');
      return { op: m[2] as 'in' | 'notin', key: m[1]!, values };
    }
    m = NOT_EXISTS.exec(part);
    if (m !== null) return { op: '!exists', key: m[1]! };
    m = EQUALITY.exec(part);
    if (m !== null) return { op: m[2] === '!=' ? '!=' : '=', key: m[1]!, value: m[3]! };
    m = EXISTS.exec(part);
    if (m !== null) return { op: 'exists', key: m[1]! };
    throw badRequest(`unable to parse requirement: found '${part}', expected: key, !key, key=value, key!=value, key in (...), key notin (...)`);
  });
}

export function requirementMatches(r: LabelRequirement, labels: Record<string, string> | undefined): boolean {
  const has = labels !== undefined && Object.hasOwn(labels, r.key);
  const v = has ? labels[r.key] : undefined;
  switch (r.op) {
    case 'exists':
      return has;
    case '!exists':
      return !has;
    case '=':
      return has && v === r.value;
    case '!=':
      return !has || v !== r.value;
    case 'in':
      return has && r.values.includes(v as string);
    case 'notin':
      return !has || !r.values.includes(v as string);
  }
}

export function labelMatcher(text: string | null | undefined): Matcher | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const reqs = parseLabelSelector(text);
  return (labels) => reqs.every((r) => requirementMatches(r, labels));
}

/** A Kubernetes LabelSelector object (matchLabels + matchExpressions), e.g. a PDB's or a ReplicaSet's. */
export function selectorObjectMatcher(sel: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | undefined | null): Matcher {
  if (sel === undefined || sel === null) return () => false;
  const reqs: LabelRequirement[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) reqs.push({ op: '=', key, value });
  for (const e of sel.matchExpressions ?? []) {
    const op = e.operator;
    if (op === 'In') reqs.push({ op: 'in', key: e.key, values: e.values ?? [] });
    else if (op === 'NotIn') reqs.push({ op: 'notin', key: e.key, values: e.values ?? [] });
    else if (op === 'Exists') reqs.push({ op: 'exists', key: e.key });
    else if (op === 'DoesNotExist') reqs.push({ op: '!exists', key: e.key });
  }
  return (labels) => reqs.every((r) => requirementMatches(r, labels));
}

/** A LabelSelector object rendered as a ?labelSelector= string (for status.selector fields). */
export function selectorObjectToString(sel: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | undefined): string {
  const parts = Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of sel?.matchExpressions ?? []) {
    const vals = (e.values ?? []).join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${vals})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${vals})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

export type FieldMatcher = (fields: Record<string, string>) => boolean;

/** `metadata.name=x,status.phase!=Running`; fields outside `supported` are a 400, as on a real server. */
export function fieldMatcher(text: string | null | undefined, supported: ReadonlySet<string>): FieldMatcher | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const reqs = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((part) => {
      const m = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(part);
      if (m === null) throw badRequest(`invalid selector: '${text}'; can't understand '${part}'`);
      const field = m[1]!;
      if (!supported.has(field)) throw badRequest(`field label not supported: ${field}`);
      return { field, neg: m[2] === '!=', value: m[3]! };
    });
  return (fields) => reqs.every((r) => (fields[r.field] === r.value) !== r.neg);
}
