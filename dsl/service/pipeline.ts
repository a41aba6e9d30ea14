/**
 * The language stages the service uses, in one place: parse one file, compile a set, format one file.
 */
import { compile, formatText, parse } from '../index.js';
import type { RulesFile } from '../ast/ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Program } from '../ir/ir.js';
import type { SourceFile } from './types.js';

export type CompileOutcome =
  | { readonly ok: true; readonly programs: readonly Program[]; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export function parseFile(
  text: string,
  path: string,
): { ast: RulesFile; diagnostics: readonly Diagnostic[] } {
  const result = parse(text, path);
  return { ast: result.ast, diagnostics: result.diagnostics };
}

export function compileFiles(
  files: readonly SourceFile[],
  parsed?: (
    file: SourceFile,
  ) => { readonly ast: RulesFile; readonly diagnostics: readonly Diagnostic[] } | undefined,
): CompileOutcome {
  return compile(files, parsed === undefined ? {} : { parsed });
}

/** The formatted text, or undefined when the file has syntax errors. */
export function formatFile(text: string, path: string): string | undefined {
  const result = formatText(text, path);
  return result.ok ? result.text : undefined;
}
