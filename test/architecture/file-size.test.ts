// Small files with one job: a file under the layers listed here stays within LIMIT lines, or says
// in its opening comment why it is longer ("Long because …"). The opening comment is every comment
// before the first statement that is not an import. The UI is held to it first (issue 11's
// container split); a layer joins ROOTS once its long files are split or explained.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import ts from 'typescript';
import { SOURCE_ROOT, sourceFiles } from './import-graph.js';

const LIMIT = 250;
const ROOTS: readonly string[] = ['ui/'];
const REASON = /\blong because\b/i;

/** The comments before the first statement that is not an import. */
export function openingComment(file: string, text: string): string {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const parts: string[] = [];
  for (const statement of source.statements) {
    for (const range of ts.getLeadingCommentRanges(text, statement.pos) ?? []) parts.push(text.slice(range.pos, range.end));
    if (!ts.isImportDeclaration(statement)) break;
  }
  return parts.join('\n');
}

/** Files over the limit whose opening comment gives no reason, as "path (N lines)". */
export function unexplainedLongFiles(files: ReadonlyArray<{ path: string; text: string }>): string[] {
  return files
    .filter(({ text }) => text.split('\n').length > LIMIT)
    .filter(({ path, text }) => !REASON.test(openingComment(path, text)))
    .map(({ path, text }) => `${path} (${text.split('\n').length} lines)`);
}

describe(`files stay within ${LIMIT} lines or say why (${ROOTS.join(', ')})`, () => {
  test('every file', () => {
    const files = sourceFiles()
      .map((abs) => ({ path: relative(SOURCE_ROOT, abs).split('\\').join('/'), abs }))
      .filter(({ path }) => ROOTS.some((root) => path.startsWith(root)))
      .map(({ path, abs }) => ({ path, text: readFileSync(abs, 'utf8') }));
    assert.ok(files.length > 20, 'the scan sees the UI');
    assert.deepEqual(unexplainedLongFiles(files), [], 'split these files, or say in their opening comment why they are long ("Long because …")');
  });

  test('the check can fail', () => {
    const long = (head: string) => `${head}\nimport { x } from './x.js';\n${'export const a = 1;\n'.repeat(LIMIT)}`;
    assert.deepEqual(unexplainedLongFiles([{ path: 'ui/a.ts', text: long('// One job.') }]), [`ui/a.ts (${LIMIT + 3} lines)`]);
    assert.deepEqual(unexplainedLongFiles([{ path: 'ui/b.ts', text: long('// Long because the table is one piece.') }]), []);
    // A reason after the imports still opens the file; one further down does not.
    assert.deepEqual(unexplainedLongFiles([{ path: 'ui/c.ts', text: `import { x } from './x.js';\n// Long because it is one reducer.\n${'export const a = 1;\n'.repeat(LIMIT)}` }]), []);
    assert.equal(unexplainedLongFiles([{ path: 'ui/d.ts', text: `export const b = 2;\n// Long because.\n${'export const a = 1;\n'.repeat(LIMIT)}` }]).length, 1);
  });
});
