/**
 * `compile`: the whole front end for a set of files (usually one rules folder). Parses each file, resolves the
 * version graph, checks each version over its effective declarations, and lowers each to a `Program` when
 * there are no errors. Diagnostics always carry the path of the file their span points into.
 */
import type { RulesFile } from './ast/ast.js';
import { checkVersion, type CheckedVersion } from './check/check-version.js';
import { Reporter } from './check/env.js';
import { attributeInherited, type VersionDiagnostics } from './check/inherited.js';
import { fileSymbols, type FileSymbols } from './check/symbols.js';
import { compareVersions, resolveVersions, type SourceFile } from './check/versions.js';
import { DiagnosticSink, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { lower } from './ir/from-ast.js';
import type { Program } from './ir/ir.js';
import { parse } from './ast/parse.js';
import { LineIndex } from './text/span.js';

/** One file as the compiler saw it: its AST, its diagnostics (all stages) and its symbols. */
export interface ParsedFile {
  readonly path: string;
  readonly ast: RulesFile;
  readonly diagnostics: readonly Diagnostic[];
  readonly symbols: FileSymbols;
}

export type CompileResult =
  | {
      readonly ok: true;
      readonly programs: Program[];
      readonly diagnostics: Diagnostic[];
      readonly files: ParsedFile[];
    }
  | { readonly ok: false; readonly diagnostics: Diagnostic[]; readonly files: ParsedFile[] };

export interface Source {
  readonly path: string;
  readonly text: string;
}

/**
 * Runs one file's stage; a defect in regelwerk (an exception) becomes RW9002 for that file, so the message
 * names the file and the other files are still checked.
 */
function guarded<T>(file: string, internal: Diagnostic[], run: () => T, fallback: () => T): T {
  try {
    return run();
  } catch (e) {
    const sink = new DiagnosticSink(file);
    sink.report('RW9002', { start: 0, end: 0 }, [e instanceof Error ? e.message : String(e)]);
    internal.push(...sink.items);
    return fallback();
  }
}

const emptyFile = (length: number): RulesFile => ({
  kind: 'RulesFile',
  header: undefined,
  decls: [],
  span: { start: 0, end: length },
});

export interface CompileOptions {
  /**
   * A parse already made of exactly this source's text (the editor's workspace keeps one per file, so a keystroke
   * re-parses only the edited file); undefined: parse it here.
   */
  readonly parsed?: (
    source: Source,
  ) => { readonly ast: RulesFile; readonly diagnostics: readonly Diagnostic[] } | undefined;
}

export function compile(sources: readonly Source[], options: CompileOptions = {}): CompileResult {
  const internal: Diagnostic[] = [];
  const parsed: { src: SourceFile; parseDiagnostics: readonly Diagnostic[] }[] = sources.map((s) => {
    const r = guarded(
      s.path,
      internal,
      () => options.parsed?.(s) ?? parse(s.text, s.path),
      () => ({ ast: emptyFile(s.text.length), diagnostics: [], comments: [] }),
    );
    return {
      src: { path: s.path, ast: r.ast, sink: new DiagnosticSink(s.path) },
      parseDiagnostics: r.diagnostics,
    };
  });
  const nodes = resolveVersions(parsed.map((p) => p.src));
  const checked: CheckedVersion[] = [];
  const perVersion: VersionDiagnostics[] = [];
  for (const n of nodes) {
    const reporter = new Reporter();
    // A base that is named but not found (RW6001) or cut from a cycle (RW6002): the body is not checked
    // against an empty base, which would only give follow-on errors (unknown fields, names, modules).
    if (n.header.base !== undefined && n.base === undefined) {
      perVersion.push({ node: n, items: reporter.items });
      continue;
    }
    const c = guarded<CheckedVersion | undefined>(
      n.file.path,
      internal,
      () => checkVersion(n, reporter),
      () => undefined,
    );
    if (c !== undefined) checked.push(c);
    perVersion.push({ node: n, items: reporter.items });
  }
  const place = (file: string, offset: number): string => {
    const text = sources.find((s) => s.path === file)?.text;
    if (text === undefined) return file;
    const at = new LineIndex(text).position(offset);
    return `${file}:${at.line}:${at.column}`;
  };

  // Inherited declarations are checked once per version that has them: keep each diagnostic once.
  const seen = new Set<string>();
  const all: Diagnostic[] = [];
  const add = (d: Diagnostic): void => {
    const k = `${d.file}\u0000${d.span.start}\u0000${d.span.end}\u0000${d.code}\u0000${d.message}`;
    if (seen.has(k)) return;
    seen.add(k);
    all.push(d);
  };
  for (const p of parsed) {
    p.parseDiagnostics.forEach(add);
    p.src.sink.items.forEach(add);
  }
  attributeInherited(perVersion, place).forEach(add);
  internal.forEach(add);
  const diagnostics = sortDiagnostics(all);

  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  const files: ParsedFile[] = parsed.map((p) => ({
    path: p.src.path,
    ast: p.src.ast,
    diagnostics: byFile.get(p.src.path) ?? [],
    symbols: fileSymbols(p.src.ast),
  }));
  if (hasErrors(diagnostics)) return { ok: false, diagnostics, files };
  const lowered: Diagnostic[] = [];
  const programs: Program[] = [];
  for (const c of [...checked].sort((a, b) => compareVersions(a.node, b.node))) {
    const p = guarded<Program | undefined>(
      c.node.file.path,
      lowered,
      () => lower(c),
      () => undefined,
    );
    if (p !== undefined) programs.push(p);
  }
  if (lowered.length > 0) {
    const withInternal = sortDiagnostics([...diagnostics, ...lowered]);
    return { ok: false, diagnostics: withInternal, files };
  }
  return { ok: true, programs, diagnostics, files };
}

/** Checks one file on its own (the editor's quick path; a base version it names will be reported unknown). */
export function compileFile(path: string, text: string): CompileResult {
  return compile([{ path, text }]);
}
