/** Diagnostics and unreadable files as `--json` objects: one shape for every command (see `check --json`). */
import { capDiagnostics, LineIndex, type Diagnostic } from '../../dsl/index.js';
import { loadProblemMessage, type LoadProblem } from './files.js';
import type { JsonProblem } from './output.js';

export function problemAsJson(p: LoadProblem): JsonProblem {
  return {
    file: p.path,
    code: 'RW9001',
    severity: 'fout',
    message: loadProblemMessage(p),
  };
}

/** One line index per file, built when first needed (so many diagnostics in one file stay linear). */
export class LineIndexes {
  private readonly indexes = new Map<string, LineIndex>();

  constructor(private readonly texts: ReadonlyMap<string, string>) {}

  of(file: string): LineIndex {
    let index = this.indexes.get(file);
    if (index === undefined) {
      index = new LineIndex(this.texts.get(file) ?? '');
      this.indexes.set(file, index);
    }
    return index;
  }
}

/** With 1-based `line` and `column` next to the offsets `start` and `end`. */
export function diagnosticAsJson(
  d: Diagnostic,
  texts: ReadonlyMap<string, string>,
  indexes: LineIndexes = new LineIndexes(texts),
): JsonProblem {
  const pos = indexes.of(d.file).position(d.span.start);
  return {
    file: d.file,
    code: d.code,
    severity: d.severity,
    stage: d.stage,
    message: d.message,
    start: d.span.start,
    end: d.span.end,
    line: pos.line,
    column: pos.column,
    ...(d.suggestions ? { suggestions: d.suggestions } : {}),
  };
}

/** Diagnostics as `--json` objects, at most `maxPerFile` per file, with what was left out per file. */
export function diagnosticsAsJson(
  ds: readonly Diagnostic[],
  texts: ReadonlyMap<string, string>,
  maxPerFile?: number,
): { diagnostics: JsonProblem[]; omitted: number; omittedPerFile: Record<string, number> } {
  const { shown, omitted } = capDiagnostics(ds, maxPerFile);
  const indexes = new LineIndexes(texts);
  const omittedPerFile: Record<string, number> = {};
  let total = 0;
  for (const [file, o] of omitted) {
    omittedPerFile[file] = o.errors + o.warnings;
    total += o.errors + o.warnings;
  }
  return {
    diagnostics: shown.map((d) => diagnosticAsJson(d, texts, indexes)),
    omitted: total,
    omittedPerFile,
  };
}
