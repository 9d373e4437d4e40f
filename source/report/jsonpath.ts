import { JSONPath } from 'jsonpath-plus';
import { UsageError, errorText } from '../errors.js';
import { parseTemplate, type TemplateNode } from './jsonpath-template.js';

// kubectl's JSONPath templates evaluated with jsonpath-plus (already bundled: the Kubernetes
// client uses it for its auth providers). kubectl's paths differ from jsonpath-plus's in three
// ways, bridged here: they start with `.` (relative to the current object, the range's element
// or the document), `$` (the document) or `@` (the current object); a dot inside a key is
// escaped (`.labels.app\.kubernetes\.io/name`); and results print as kubectl prints them:
// strings as they are, other values as JSON, several results of one action joined by a space.

/** What one path finds: the document is `root`, a range's element `current`. */
export function findResults(path: string, root: unknown, current: unknown = root): unknown[] {
  const base = path.startsWith('$') ? root : current;
  const rest = path.startsWith('$') || path.startsWith('@') ? path.slice(1) : path;
  if (rest === '' || rest === '.') return [base];
  if (base === null || typeof base !== 'object') return [];
  try {
    return JSONPath({ path: plusPath(rest), json: base as object, wrap: true }) as unknown[];
  } catch (error) {
    throw new UsageError(`jsonpath ${path}: ${errorText(error).replace(/^jsonPath:\s*/, '')}`);
  }
}

/** The first value a path finds in `item`, or undefined. */
export const firstResult = (path: string, item: unknown): unknown => findResults(path, item, item)[0];

/** A value as kubectl prints it in a template or a column. */
export function printValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value);
}

/** Run a parsed template over `document`. */
export function executeTemplate(nodes: readonly TemplateNode[], root: unknown, current: unknown = root): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'path') out += findResults(node.path, root, current).map(printValue).join(' ');
    else {
      const found = findResults(node.path, root, current);
      // `{range .pods}` (the array itself) walks its elements, like `{range .pods[*]}`.
      const items = found.length === 1 && Array.isArray(found[0]) ? (found[0] as unknown[]) : found;
      for (const item of items) out += executeTemplate(node.body, root, item);
    }
  }
  return out;
}

/** `-o jsonpath=TEMPLATE` over the document `-o json` would print. */
export const jsonpathOutput = (template: string, document: unknown): string => executeTemplate(parseTemplate(template), document);

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** kubectl's path (after its `$`/`@`) in jsonpath-plus's form: `$` plus `.name` or `['odd.name']` steps. */
export function plusPath(path: string): string {
  let out = '$';
  let i = 0;
  const readName = (): string => {
    let name = '';
    while (i < path.length && path[i] !== '.' && path[i] !== '[') {
      if (path[i] === '\\' && i + 1 < path.length) i++;
      name += path[i++];
    }
    return name;
  };
  const step = (name: string): string => (name === '' ? '' : name === '*' || PLAIN_NAME.test(name) ? `.${name}` : `['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`);
  while (i < path.length) {
    const c = path[i]!;
    if (c === '.' && path[i + 1] === '.') {
      i += 2;
      const name = readName();
      out += name === '' ? '..' : `..${step(name).replace(/^\./, '')}`;
    } else if (c === '.') {
      i++;
      out += step(readName());
    } else if (c === '[') {
      const start = i;
      let depth = 0;
      let quote: string | null = null;
      for (; i < path.length; i++) {
        const d = path[i]!;
        if (quote) {
          if (d === '\\') i++;
          else if (d === quote) quote = null;
        } else if (d === '"' || d === "'") quote = d;
        else if (d === '[' || d === '(') depth++;
        else if ((d === ']' || d === ')') && --depth === 0 && d === ']') break;
      }
      out += path.slice(start, ++i);
    } else {
      out += step(readName());
    }
  }
  return out;
}
