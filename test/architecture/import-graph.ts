// Every import of every file under source/, read with TypeScript's own parser: static imports,
// re-exports, `import()` calls and `import('x')` types, each marked type-only or not. Under
// verbatimModuleSyntax only `import type` / `export type` vanish at build; `import { type X }`
// still loads the module, so it counts as a runtime import.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import ts from 'typescript';

export const SOURCE_ROOT = resolve(import.meta.dirname, '../../source');

export interface ImportFact {
  /** The importing file, relative to source/ ("sim/eks/match.ts"). */
  file: string;
  line: number;
  /** As written: "../../domain/glob.js", "react", "node:fs". */
  specifier: string;
  /** A file under source/ ("domain/glob.ts"), a file outside it ("../package.json"), or a package name ("react", "@aws-sdk/client-eks", "node:fs"). */
  target: string;
  internal: boolean;
  /** Erased at build: `import type`, `export type ... from`, `typeof import('x')`. */
  typeOnly: boolean;
  /** The value bindings it brings in ("*" for a namespace import); empty for side-effect imports. */
  values: string[];
  /** An `import()` call: loaded when that line runs, not with the importing file. */
  dynamic: boolean;
}

export function sourceFiles(root = SOURCE_ROOT): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(join(entry.parentPath, entry.name));
  }
  return out.sort();
}

/** "../../domain/glob.js" from sim/eks/match.ts -> "domain/glob.ts" (the .js suffix names the .ts file). */
function resolveTarget(fromFile: string, specifier: string, root: string): { target: string; internal: boolean } {
  if (!specifier.startsWith('.')) {
    const parts = specifier.split('/');
    return { target: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier), internal: false };
  }
  const abs = resolve(dirname(fromFile), specifier);
  const rel = relative(root, abs).split('\\').join('/');
  if (rel.startsWith('..')) return { target: rel, internal: false };
  return { target: posix.normalize(rel.replace(/\.js(x?)$/, '.ts$1')), internal: true };
}

/** The imports of one file's text. `file` is its absolute path (for resolving relative specifiers). */
export function importsOf(file: string, text: string, root = SOURCE_ROOT): ImportFact[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: ImportFact[] = [];
  const add = (node: ts.Node, specifier: string, typeOnly: boolean, values: string[], dynamic = false): void => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    out.push({ file: relative(root, file).split('\\').join('/'), line: line + 1, specifier, ...resolveTarget(file, specifier, root), typeOnly, values, dynamic });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const values: string[] = [];
      if (clause !== undefined && !clause.isTypeOnly) {
        if (clause.name !== undefined) values.push('default');
        const nb = clause.namedBindings;
        if (nb !== undefined && ts.isNamespaceImport(nb)) values.push('*');
        if (nb !== undefined && ts.isNamedImports(nb)) for (const el of nb.elements) if (!el.isTypeOnly) values.push((el.propertyName ?? el.name).text);
      }
      add(node, node.moduleSpecifier.text, clause?.isTypeOnly === true, values);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) {
      const ec = node.exportClause;
      const values = node.isTypeOnly ? [] : ec === undefined || ts.isNamespaceExport(ec) ? ['*'] : ec.elements.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text);
      add(node, node.moduleSpecifier.text, node.isTypeOnly, values);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      add(node, node.moduleReference.expression.text, node.isTypeOnly, node.isTypeOnly ? [] : [node.name.text]);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] !== undefined && ts.isStringLiteralLike(node.arguments[0])) {
      add(node, node.arguments[0].text, false, ['*'], true);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node, node.argument.literal.text, true, []);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

export function importGraph(root = SOURCE_ROOT): ImportFact[] {
  return sourceFiles(root).flatMap((f) => importsOf(f, readFileSync(f, 'utf8'), root));
}

/** Runtime imports reachable from `start` that `bad` flags, with the chain that gets there. */
export function reachable(start: string, graph: readonly ImportFact[], bad: (imp: ImportFact) => boolean): string[] {
  const byFile = new Map<string, ImportFact[]>();
  for (const imp of graph) if (!imp.typeOnly) byFile.set(imp.file, [...(byFile.get(imp.file) ?? []), imp]);
  const found: string[] = [];
  const seen = new Set<string>([start]);
  const queue: { file: string; path: string[] }[] = [{ file: start, path: [start] }];
  while (queue.length > 0) {
    const { file, path } = queue.shift()!;
    for (const imp of byFile.get(file) ?? []) {
      if (bad(imp)) found.push(`${[...path, imp.target].join(' -> ')}  (${imp.file}:${imp.line})`);
      else if (imp.internal && !seen.has(imp.target)) {
        seen.add(imp.target);
        queue.push({ file: imp.target, path: [...path, imp.target] });
      }
    }
  }
  return found;
}

/** Names a module exports whose value is a function or class (a constants-only module has none). */
export function exportedFunctions(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const exported = (n: ts.Node): boolean => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const st of sf.statements) {
    if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && exported(st)) out.push(st.name?.text ?? 'default');
    if (ts.isVariableStatement(st) && exported(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer;
        if (init === undefined) continue;
        const computed = ts.isArrowFunction(init) || ts.isFunctionExpression(init) || ts.isClassExpression(init) || ts.isCallExpression(init) || ts.isNewExpression(init);
        if (computed) out.push(d.name.getText(sf));
      }
    }
    if (ts.isExportDeclaration(st) && st.moduleSpecifier !== undefined && !st.isTypeOnly) out.push(`re-export from ${st.moduleSpecifier.getText(sf)}`);
  }
  return out;
}
