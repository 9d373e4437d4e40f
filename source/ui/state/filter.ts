// The `/` filter language (k9s-like): `text` = a regular expression (case-insensitive) matched
// against the row's visible columns (a pod's name, status, verdict, profiles, reason ...),
// `!text` = inverse, `-l key=value,key!=value,key,!key` = label requirements (ANDed). Text that
// is not a valid regular expression (`web(` while typing) is matched as plain text.

export interface LabelRequirement {
  key: string;
  op: 'equals' | 'not-equals' | 'exists' | 'not-exists';
  value?: string;
}

export type Filter =
  | { kind: 'none' }
  /** `literal`: the text was not a valid regular expression and is matched as it is. */
  | { kind: 'text'; text: string; pattern: RegExp; inverse: boolean; literal: boolean }
  | { kind: 'labels'; requirements: LabelRequirement[] }
  | { kind: 'invalid'; text: string; error: string };

export const NO_FILTER: Filter = { kind: 'none' };

export function parseFilter(raw: string): Filter {
  const text = raw.trim();
  if (text === '') return NO_FILTER;
  if (text === '-l' || text.startsWith('-l ') || text.startsWith('-l=')) return parseLabels(text.slice(3).trim(), text);
  if (text.startsWith('!')) {
    const rest = text.slice(1).trim();
    return rest === '' ? NO_FILTER : textFilter(rest, true);
  }
  return textFilter(text, false);
}

function textFilter(text: string, inverse: boolean): Filter {
  try {
    return { kind: 'text', text, pattern: new RegExp(text, 'i'), inverse, literal: false };
  } catch {
    return { kind: 'text', text, pattern: new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'), inverse, literal: true };
  }
}

function parseLabels(selector: string, raw: string): Filter {
  if (selector === '') return { kind: 'invalid', text: raw, error: 'expected -l key=value' };
  const requirements: LabelRequirement[] = [];
  for (const part of selector.split(',').map((p) => p.trim()).filter(Boolean)) {
    const notEq = part.indexOf('!=');
    const eq = part.indexOf('=');
    if (notEq > 0) requirements.push({ key: part.slice(0, notEq).trim(), op: 'not-equals', value: part.slice(notEq + 2).trim() });
    else if (eq > 0) requirements.push({ key: part.slice(0, eq).trim(), op: 'equals', value: part.slice(part[eq + 1] === '=' ? eq + 2 : eq + 1).trim() });
    else if (part.startsWith('!') && part.length > 1) requirements.push({ key: part.slice(1).trim(), op: 'not-exists' });
    else if (/^[\w./-]+$/.test(part)) requirements.push({ key: part, op: 'exists' });
    else return { kind: 'invalid', text: raw, error: `cannot read label requirement "${part}"` };
  }
  return { kind: 'labels', requirements };
}

export function matchesLabels(requirements: readonly LabelRequirement[], labels: Readonly<Record<string, string>>): boolean {
  return requirements.every((r) => {
    const has = Object.hasOwn(labels, r.key);
    switch (r.op) {
      case 'equals':
        return has && labels[r.key] === r.value;
      case 'not-equals':
        return !has || labels[r.key] !== r.value;
      case 'exists':
        return has;
      case 'not-exists':
        return !has;
    }
  });
}

/**
 * Whether a row passes the filter: a text filter matches any of the row's column texts. Rows
 * without labels (namespaces, profiles) ignore a label filter; an invalid filter hides nothing
 * (the filter bar shows the error instead).
 */
export function matchesFilter(filter: Filter, texts: readonly string[], labels?: Readonly<Record<string, string>>): boolean {
  switch (filter.kind) {
    case 'none':
    case 'invalid':
      return true;
    case 'text':
      return texts.some((t) => filter.pattern.test(t)) !== filter.inverse;
    case 'labels':
      return labels === undefined || matchesLabels(filter.requirements, labels);
  }
}

export function describeFilter(filter: Filter): string {
  switch (filter.kind) {
    case 'none':
      return '';
    case 'invalid':
      return `invalid filter: ${filter.error}`;
    case 'text':
      if (filter.literal) return `${filter.inverse ? 'not containing' : 'containing'} "${filter.text}" (not a valid regular expression: matched as text)`;
      return `${filter.inverse ? 'not matching' : 'matching'} /${filter.text}/`;
    case 'labels':
      return `labels ${filter.requirements
        .map((r) => (r.op === 'equals' ? `${r.key}=${r.value}` : r.op === 'not-equals' ? `${r.key}!=${r.value}` : r.op === 'exists' ? r.key : `!${r.key}`))
        .join(',')}`;
  }
}
