// The values of -o jsonpath=…, -o custom-columns=… and --sort-by, checked after parseArgs and
// before anything is contacted (a bad one: exit 2). Apart from flags.ts because every run loads
// that, --version and --help included; the JSONPath template parser loads only when one of these
// flags is given.
import type { Options } from './flags.js';

export async function checkTemplateFlags(options: Pick<Options, 'output' | 'template' | 'sortBy'>): Promise<void> {
  const { output, template, sortBy } = options;
  if (output !== 'jsonpath' && output !== 'custom-columns' && sortBy === undefined) return;
  const { parseCustomColumns, parseTemplate, relaxedPath } = await import('../report/jsonpath-template.js');
  if (output === 'jsonpath') parseTemplate(template ?? '');
  if (output === 'custom-columns') parseCustomColumns(template ?? '');
  if (sortBy !== undefined) relaxedPath(sortBy, '--sort-by');
}
