/**
 * Diagnostics are data: a code from the catalog, a Dutch message, a span, a severity, the stage that made it.
 * They are reported through a {@link DiagnosticSink}, never thrown.
 */
import type { Span } from '../text/span.js';
import { CATALOG, type DiagnosticCode } from './catalog.js';

export type DiagnosticSeverity = 'fout' | 'waarschuwing';
export type Stage = 'lexer' | 'parser' | 'controle' | 'versies' | 'bestand';

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: DiagnosticSeverity;
  readonly message: string;
  /** The file the span points into (as given to the compiler). */
  readonly file: string;
  readonly span: Span;
  readonly stage: Stage;
  /** Names the user may have meant ("Bedoelt u 'vervoer'?"). */
  readonly suggestions?: readonly string[];
}

/** Fills a catalog message's `{0}`, `{1}`… placeholders. */
export function formatMessage(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

/** Collects diagnostics for one file. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  constructor(readonly file: string) {}

  report(
    code: DiagnosticCode,
    span: Span,
    args: readonly (string | number)[] = [],
    extra: { suggestions?: readonly string[]; file?: string } = {},
  ): void {
    const entry = CATALOG[code];
    let message = formatMessage(entry.message, args);
    const suggestions = extra.suggestions?.filter((s) => s.length > 0) ?? [];
    if (suggestions.length > 0) message += ` Bedoelt u '${suggestions[0]}'?`;
    this.items.push({
      code,
      severity: entry.severity,
      message,
      file: extra.file ?? this.file,
      span,
      stage: entry.stage,
      ...(suggestions.length > 0 ? { suggestions } : {}),
    });
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'fout');
  }
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'fout');

/** Stable order: file, position, code. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.span.start - b.span.start ||
      a.span.end - b.span.end ||
      a.code.localeCompare(b.code),
  );
}
