/** Asserting diagnostics: that one with a code is there, where it points and what it says. */
import { expect } from 'vitest';
import type { Diagnostic, Source } from '../../dsl/index.js';

export interface DiagnosticExpectation {
  /** The message, exactly (a string) or matching (a regex). */
  readonly message?: string | RegExp;
  /** The text the diagnostic's span covers, in `sources`. */
  readonly spanText?: string;
  readonly severity?: Diagnostic['severity'];
  readonly file?: string;
}

/** The text a diagnostic's span covers. */
export function spanText(sources: readonly Source[], d: Diagnostic): string {
  const text = sources.find((s) => s.path === d.file)?.text ?? '';
  return text.slice(d.span.start, d.span.end);
}

/**
 * Expects exactly one diagnostic with `code` among `diagnostics` (failing with the codes that are there) that
 * meets the expectation; returns it.
 */
export function expectDiagnostic(
  diagnostics: readonly Diagnostic[],
  code: string,
  expected: DiagnosticExpectation = {},
  sources: readonly Source[] = [],
): Diagnostic {
  const found = diagnostics.filter((d) => d.code === code);
  expect(
    found.map((d) => `${d.code} ${d.message}`),
    `één ${code} in ${diagnostics.map((d) => d.code).join(', ') || '(geen)'}`,
  ).toHaveLength(1);
  const d = found[0] as Diagnostic;
  if (typeof expected.message === 'string') expect(d.message).toBe(expected.message);
  else if (expected.message) expect(d.message).toMatch(expected.message);
  if (expected.severity) expect(d.severity).toBe(expected.severity);
  if (expected.file) expect(d.file).toBe(expected.file);
  if (expected.spanText !== undefined) expect(spanText(sources, d)).toBe(expected.spanText);
  return d;
}

/** Expects no diagnostic with `code` (or, without a code, no error at all). */
export function expectNoDiagnostic(diagnostics: readonly Diagnostic[], code?: string): void {
  const found = diagnostics.filter((d) => (code ? d.code === code : d.severity === 'fout'));
  expect(found.map((d) => `${d.code} ${d.message}`)).toEqual([]);
}
