import { UsageError } from '../errors.js';

// kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath): text with `{…}` actions —
// a path (`{.pods[*].name}`), a quoted string (`{"\n"}`), `{range PATH}` … `{end}` — parsed
// here; the paths themselves are evaluated by jsonpath-plus (jsonpath.ts). No dependencies, so
// the flag parser can check a template before anything is contacted.

export type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'path'; path: string }
  | { kind: 'range'; path: string; body: TemplateNode[] };

/** Parse `template`; a malformed one is a usage error (exit 2). */
export function parseTemplate(template: string, flag = '-o jsonpath'): TemplateNode[] {
  const fail = (why: string): never => {
    throw new UsageError(`invalid ${flag} template ${JSON.stringify(template)}: ${why}`, "e.g. -o jsonpath='{range .pods[*]}{.name}{\"\\t\"}{.verdict}{\"\\n\"}{end}'");
  };
  const stack: TemplateNode[][] = [[]];
  const ranges: Array<{ path: string }> = [];
  let text = '';
  const flushText = () => {
    if (text !== '') stack.at(-1)!.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < template.length) {
    const c = template[i]!;
    if (c !== '{') {
      text += c;
      i++;
      continue;
    }
    flushText();
    const end = actionEnd(template, i + 1);
    if (end === -1) fail('a "{" is not closed');
    const action = template.slice(i + 1, end).trim();
    i = end + 1;
    if (action === '') fail('an empty {}');
    if (action === 'end') {
      const body = stack.pop();
      const range = ranges.pop();
      if (!body || !range || stack.length === 0) fail('{end} without {range}');
      stack.at(-1)!.push({ kind: 'range', path: range!.path, body: body! });
    } else if (/^range\s/.test(action)) {
      const path = action.slice('range'.length).trim();
      checkPath(path, fail);
      ranges.push({ path });
      stack.push([]);
    } else if (action[0] === '"' || action[0] === "'") {
      stack.at(-1)!.push({ kind: 'text', text: unquote(action, fail) });
    } else {
      checkPath(action, fail);
      stack.at(-1)!.push({ kind: 'path', path: action });
    }
  }
  flushText();
  if (ranges.length > 0) fail('{range} without {end}');
  return stack[0]!;
}

/** kubectl's relaxed form for custom-columns and --sort-by: `.a.b` is `{.a.b}`. */
export function relaxedPath(expression: string, flag: string): string {
  const trimmed = expression.trim();
  const inner = trimmed.startsWith('{') && trimmed.endsWith('}') ? trimmed.slice(1, -1).trim() : trimmed;
  const nodes = parseTemplate(`{${inner.startsWith('.') || inner.startsWith('$') || inner.startsWith('@') || inner.startsWith('[') ? inner : `.${inner}`}}`, flag);
  const node = nodes[0];
  if (nodes.length !== 1 || node?.kind !== 'path') throw new UsageError(`invalid ${flag} ${JSON.stringify(expression)}: give one path, e.g. .name or .size.hourlyUsd`);
  return node.path;
}

export interface CustomColumn {
  header: string;
  path: string;
}

/** `NAME:.name,VERDICT:.verdict` (or `{.name}`) checked as kubectl checks it. */
export function parseCustomColumns(spec: string): CustomColumn[] {
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon <= 0) throw new UsageError(`invalid -o custom-columns "${spec}": each column is HEADER:PATH (got "${part}")`, 'e.g. -o custom-columns=NAME:.name,VERDICT:.verdict');
    return { header: part.slice(0, colon), path: relaxedPath(part.slice(colon + 1), '-o custom-columns') };
  });
}

/** The index of the `}` closing an action that starts at `from`, skipping quoted text; -1 if none. */
function actionEnd(template: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < template.length; i++) {
    const c = template[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') return i;
  }
  return -1;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", '0': '\0' };

function unquote(action: string, fail: (why: string) => never): string {
  const quote = action[0]!;
  if (action.length < 2 || action.at(-1) !== quote) fail(`a quoted string is not closed: ${action}`);
  const body = action.slice(1, -1);
  return body.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? fail(`unknown escape \\${c}`));
}

/** The shapes kubectl's paths take: `.a`, `..a`, `[...]`, `$…`, `@…`; anything else is refused. */
function checkPath(path: string, fail: (why: string) => never): void {
  if (!/^[.$@[]/.test(path)) fail(`"${path}" is not a path (paths start with ".", "$", "@" or "[")`);
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    if (depth < 0) fail(`unbalanced "${c}" in ${path}`);
  }
  if (depth !== 0 || quote) fail(`unbalanced brackets or quotes in ${path}`);
}
