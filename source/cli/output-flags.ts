import { readFileSync } from 'node:fs';
import { UsageError, errorText } from '../errors.js';

// kubectl's -o values: the plain forms, and the forms that carry a template after `=`
// (`-o jsonpath='{.pods[*].name}'`, `-o custom-columns=NAME:.name`, or the same from a file).

export const PLAIN_OUTPUTS = ['json', 'yaml', 'wide', 'table', 'name'] as const;
export const TEMPLATE_OUTPUTS = ['jsonpath', 'jsonpath-file', 'custom-columns', 'custom-columns-file'] as const;
export type Output = (typeof PLAIN_OUTPUTS)[number] | 'jsonpath' | 'custom-columns';

/** The outputs that print one row per pod (what --watch, --show-labels and --no-headers apply to). */
export const ROW_OUTPUTS: readonly Output[] = ['table', 'wide', 'name', 'custom-columns'];

export interface OutputChoice {
  output: Output;
  /** jsonpath: the template; custom-columns: the column spec (`NAME:.name,...`), files already read. */
  template?: string;
}

const ALL = [...PLAIN_OUTPUTS, ...TEMPLATE_OUTPUTS.map((t) => `${t}=...`)].join('|');

/** `-o VALUE` as kubectl reads it; a file form is read here, so a missing file is a usage error. */
export function parseOutput(value: string): OutputChoice {
  if ((PLAIN_OUTPUTS as readonly string[]).includes(value)) return { output: value as Output };
  const eq = value.indexOf('=');
  const kind = eq === -1 ? value : value.slice(0, eq);
  if (!(TEMPLATE_OUTPUTS as readonly string[]).includes(kind)) {
    throw new UsageError(`unsupported output format "${value}"`, `use -o ${ALL}`);
  }
  const rest = eq === -1 ? '' : value.slice(eq + 1);
  if (rest.trim() === '') throw new UsageError(`-o ${kind} needs ${kind.endsWith('-file') ? 'a file' : 'a template'} after "="`, `e.g. ${EXAMPLE[kind]}`);
  const output: Output = kind.startsWith('jsonpath') ? 'jsonpath' : 'custom-columns';
  if (!kind.endsWith('-file')) return { output, template: rest };
  let text: string;
  try {
    text = readFileSync(rest, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`-o ${kind}=${rest}: ${code === 'ENOENT' ? 'no such file' : errorText(error)}`, 'check the path');
  }
  return { output, template: output === 'custom-columns' ? columnsFromFile(text, rest) : text.replace(/\r?\n$/, '') };
}

const EXAMPLE: Record<string, string> = {
  jsonpath: `-o jsonpath='{.pods[*].name}'`,
  'jsonpath-file': '-o jsonpath-file=template.txt',
  'custom-columns': '-o custom-columns=NAME:.name,VERDICT:.verdict',
  'custom-columns-file': '-o custom-columns-file=columns.txt',
};

/**
 * kubectl's custom-columns file: a line of headers and a line of paths, split on whitespace, as
 * the same spec `-o custom-columns` takes.
 */
function columnsFromFile(text: string, file: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length !== 2) throw new UsageError(`-o custom-columns-file=${file}: expected two lines (headers, then paths), found ${lines.length}`);
  const headers = lines[0]!.trim().split(/\s+/);
  const paths = lines[1]!.trim().split(/\s+/);
  if (headers.length !== paths.length) {
    throw new UsageError(`-o custom-columns-file=${file}: ${headers.length} headers but ${paths.length} paths`, 'give one path under each header');
  }
  return headers.map((h, i) => `${h}:${paths[i]}`).join(',');
}
