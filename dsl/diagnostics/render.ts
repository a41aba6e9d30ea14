/**
 * Renders a diagnostic the way compilers do: `file:line:column: fout RW1101: message`, the source line, and a
 * `^~~~` marker under the span (to the end of the first line for multi-line spans).
 *
 * Rendering is linear in the size of the output: one {@link LineIndex} per file, long source lines shortened to
 * a window around the marker, and at most {@link DEFAULT_MAX_PER_FILE} diagnostics per file followed by one
 * closing line `en nog N fouten` (see {@link renderDiagnostics}).
 */
import { LineIndex } from '../text/span.js';
import type { Diagnostic } from './diagnostic.js';

/** How many diagnostics of one file are shown before the rest is summarised. */
export const DEFAULT_MAX_PER_FILE = 100;
/** Source lines longer than this are shown as a window around the marker. */
export const MAX_SHOWN_LINE = 200;
/** Columns of context kept before the marker in a shortened line. */
const CONTEXT_BEFORE = 80;

/** Renders one diagnostic against the text it points into. Pass a LineIndex to reuse it across diagnostics. */
export function renderDiagnostic(
  d: Diagnostic,
  text: string,
  index: LineIndex = new LineIndex(text),
): string {
  const start = index.position(d.span.start);
  const end = index.position(Math.max(d.span.start, d.span.end));
  const full = index.lineText(start.line);
  const head = `${d.file}:${start.line}:${start.column}: ${d.severity} ${d.code}: ${d.message}`;
  const from = start.column - 1;
  const to = end.line === start.line ? end.column - 1 : Math.max(full.length, from + 1);
  const { line, markerFrom, markerWidth } = window(full, from, Math.max(1, to - from));
  const marker = ' '.repeat(markerFrom) + '^' + '~'.repeat(markerWidth - 1);
  return `${head}\n${line}\n${marker}`;
}

/** A line of at most about {@link MAX_SHOWN_LINE} characters around the marker, with `…` where it was cut. */
function window(
  full: string,
  from: number,
  width: number,
): { line: string; markerFrom: number; markerWidth: number } {
  if (full.length <= MAX_SHOWN_LINE) {
    return { line: full.replace(/\t/g, ' '), markerFrom: from, markerWidth: width };
  }
  const cutStart = Math.max(0, Math.min(from - CONTEXT_BEFORE, full.length - MAX_SHOWN_LINE));
  const cutEnd = Math.min(full.length, cutStart + MAX_SHOWN_LINE);
  const prefix = cutStart > 0 ? '…' : '';
  const suffix = cutEnd < full.length ? '…' : '';
  const line = prefix + full.slice(cutStart, cutEnd).replace(/\t/g, ' ') + suffix;
  const markerFrom = prefix.length + (from - cutStart);
  const markerWidth = Math.max(1, Math.min(width, cutEnd - from));
  return { line, markerFrom, markerWidth };
}

/** Shown whatever the cap: the parser's "stopped here" notice. */
const ALWAYS_SHOWN: ReadonlySet<string> = new Set(['RW1202']);

/** Diagnostics of a set of files, capped per file. */
export interface CappedDiagnostics {
  /** The diagnostics to show, in the given order. */
  readonly shown: Diagnostic[];
  /** Per file, how many errors and warnings were left out. */
  readonly omitted: Map<string, { errors: number; warnings: number }>;
}

/** Keeps the first `maxPerFile` diagnostics of each file (in the given order) and counts the rest. */
export function capDiagnostics(
  ds: readonly Diagnostic[],
  maxPerFile = DEFAULT_MAX_PER_FILE,
): CappedDiagnostics {
  const count = new Map<string, number>();
  const shown: Diagnostic[] = [];
  const omitted = new Map<string, { errors: number; warnings: number }>();
  for (const d of ds) {
    const n = (count.get(d.file) ?? 0) + 1;
    count.set(d.file, n);
    if (n <= maxPerFile || ALWAYS_SHOWN.has(d.code)) {
      shown.push(d);
      continue;
    }
    const o = omitted.get(d.file) ?? { errors: 0, warnings: 0 };
    if (d.severity === 'fout') o.errors++;
    else o.warnings++;
    omitted.set(d.file, o);
  }
  return { shown, omitted };
}

/** `en nog 3 fouten en 1 waarschuwing`: the closing line for what was left out of one file. */
export function omittedLine(file: string, o: { errors: number; warnings: number }): string {
  const parts: string[] = [];
  if (o.errors > 0) parts.push(`${o.errors} ${o.errors === 1 ? 'fout' : 'fouten'}`);
  if (o.warnings > 0) parts.push(`${o.warnings} ${o.warnings === 1 ? 'waarschuwing' : 'waarschuwingen'}`);
  return `${file}: en nog ${parts.join(' en ')} (niet getoond)`;
}

/**
 * Renders diagnostics of several files: one line index per file, at most `maxPerFile` per file, and after the
 * last shown diagnostic of a file a line `file: en nog N fouten (niet getoond)`. Each entry is one rendered
 * diagnostic or closing line.
 */
export function renderDiagnostics(
  ds: readonly Diagnostic[],
  texts: ReadonlyMap<string, string>,
  maxPerFile = DEFAULT_MAX_PER_FILE,
): string[] {
  const { shown, omitted } = capDiagnostics(ds, maxPerFile);
  const indexes = new Map<string, LineIndex>();
  const remaining = new Map<string, number>();
  for (const d of shown) remaining.set(d.file, (remaining.get(d.file) ?? 0) + 1);
  const out: string[] = [];
  for (const d of shown) {
    let index = indexes.get(d.file);
    if (index === undefined) {
      index = new LineIndex(texts.get(d.file) ?? '');
      indexes.set(d.file, index);
    }
    out.push(renderDiagnostic(d, index.text, index));
    const left = (remaining.get(d.file) ?? 1) - 1;
    remaining.set(d.file, left);
    const o = omitted.get(d.file);
    if (left === 0 && o !== undefined) out.push(omittedLine(d.file, o));
  }
  return out;
}
