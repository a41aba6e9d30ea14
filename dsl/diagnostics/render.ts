/**
 * Renders a diagnostic the way compilers do: `file:line:column: fout RW1101: message`, the source line, and a
 * `^~~~` marker under the span (to the end of the first line for multi-line spans).
 */
import { LineIndex } from '../text/span.js';
import type { Diagnostic } from './diagnostic.js';

/** Renders one diagnostic against the text it points into. Pass a LineIndex to reuse it across diagnostics. */
export function renderDiagnostic(
  d: Diagnostic,
  text: string,
  index: LineIndex = new LineIndex(text),
): string {
  const start = index.position(d.span.start);
  const end = index.position(Math.max(d.span.start, d.span.end));
  const line = index.lineText(start.line).replace(/\t/g, ' ');
  const head = `${d.file}:${start.line}:${start.column}: ${d.severity} ${d.code}: ${d.message}`;
  const from = start.column - 1;
  const to = end.line === start.line ? end.column - 1 : Math.max(line.length, from + 1);
  const width = Math.max(1, to - from);
  const marker = ' '.repeat(from) + '^' + '~'.repeat(width - 1);
  return `${head}\n${line}\n${marker}`;
}
