/**
 * A set of rules files as the editor holds them: parsed lazily per file (cached by text), compiled lazily as a
 * whole (cached per revision). Every language feature asks the workspace, so one edit costs one parse of the
 * edited file and at most one compile.
 */
import type { RulesFile } from '../ast/ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compileFiles, parseFile, type CompileOutcome } from './pipeline.js';
import type { SourceFile } from './types.js';

export interface ParsedFile {
  readonly path: string;
  readonly text: string;
  readonly ast: RulesFile;
  readonly diagnostics: readonly Diagnostic[];
}

export class Workspace {
  private readonly texts = new Map<string, string>();
  private readonly parsed = new Map<string, ParsedFile>();
  private compiled: CompileOutcome | undefined;

  constructor(files: readonly SourceFile[] = []) {
    this.setFiles(files);
  }

  setFiles(files: readonly SourceFile[]): void {
    this.texts.clear();
    this.parsed.clear();
    for (const f of files) this.texts.set(f.path, f.text);
    this.compiled = undefined;
  }

  /** Replaces (or adds) one file's text. */
  update(path: string, text: string): void {
    if (this.texts.get(path) === text) return;
    this.texts.set(path, text);
    this.parsed.delete(path);
    this.compiled = undefined;
  }

  get paths(): string[] {
    return [...this.texts.keys()];
  }

  text(path: string): string | undefined {
    return this.texts.get(path);
  }

  /** Only `.regels` files take part in the language. */
  get rulePaths(): string[] {
    return this.paths.filter((p) => p.endsWith('.regels'));
  }

  file(path: string): ParsedFile | undefined {
    const cached = this.parsed.get(path);
    if (cached !== undefined) return cached;
    const text = this.texts.get(path);
    if (text === undefined || !path.endsWith('.regels')) return undefined;
    const { ast, diagnostics } = parseFile(text, path);
    const file: ParsedFile = { path, text, ast, diagnostics };
    this.parsed.set(path, file);
    return file;
  }

  get files(): ParsedFile[] {
    return this.rulePaths.flatMap((p) => {
      const f = this.file(p);
      return f === undefined ? [] : [f];
    });
  }

  /** Compiles all rules files together (versions resolve across files). */
  compile(): CompileOutcome {
    // Unchanged files keep their parse: one edit re-parses only the edited file.
    this.compiled ??= compileFiles(
      this.rulePaths.map((path) => ({ path, text: this.texts.get(path) ?? '' })),
      (source) => {
        const file = this.file(source.path);
        return file !== undefined && file.text === source.text ? file : undefined;
      },
    );
    return this.compiled;
  }

  /**
   * The file and the versions it builds on (`op basis van`), nearest first; a municipal override's base is
   * the regional version with that name.
   */
  chain(path: string): ParsedFile[] {
    const out: ParsedFile[] = [];
    let current = this.file(path);
    while (current !== undefined && !out.includes(current)) {
      out.push(current);
      const header = current.ast.header;
      const base = header?.base?.value;
      if (header === undefined || base === undefined) break;
      const candidates = this.files.filter(
        (f) =>
          f.ast.header?.ruleset.value === header.ruleset.value &&
          f.ast.header.version.value === base &&
          f !== current,
      );
      current = candidates.find((f) => f.ast.header?.municipality === undefined) ?? candidates[0];
    }
    return out;
  }

  /** Every file of the same ruleset as `path` (itself first). */
  ruleset(path: string): ParsedFile[] {
    const self = this.file(path);
    if (self === undefined) return [];
    const name = self.ast.header?.ruleset.value;
    return [
      self,
      ...this.files.filter((f) => f !== self && name !== undefined && f.ast.header?.ruleset.value === name),
    ];
  }
}
