/** Diagnostics and unreadable files as `--json` objects: one shape for every command (see `check --json`). */
import type { Diagnostic } from '../../dsl/index.js';
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

/** With 1-based `line` and `column` next to the offsets `start` and `end`. */
export function diagnosticAsJson(d: Diagnostic, texts: ReadonlyMap<string, string>): JsonProblem {
  const text = texts.get(d.file) ?? '';
  const lines = text.slice(0, d.span.start).split('\n');
  return {
    file: d.file,
    code: d.code,
    severity: d.severity,
    stage: d.stage,
    message: d.message,
    start: d.span.start,
    end: d.span.end,
    line: lines.length,
    column: (lines[lines.length - 1]?.length ?? 0) + 1,
    ...(d.suggestions ? { suggestions: d.suggestions } : {}),
  };
}
