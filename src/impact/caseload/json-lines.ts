/**
 * Caseload in JSON Lines: one beschikking per line, exactly the JSON object `regelwerk eval` takes. Blank lines
 * are skipped; a line that is not a JSON object is a bad row with its line number and a Dutch message.
 */
import type { CaseloadBadRow, CaseloadCase } from '../types.js';

/** Longest line read (a beschikking is a few hundred bytes; a longer line is not a beschikking). */
export const MAX_LINE_CHARS = 1024 * 1024;

/** Whether a JSON Lines line holds nothing (blank lines are allowed and skipped). */
export const isBlankLine = (text: string): boolean => text.trim() === '';

/** Parses line `line` (1-based) of a JSON Lines caseload. */
export function parseJsonLine(text: string, line: number): CaseloadCase | CaseloadBadRow {
  if (text.length > MAX_LINE_CHARS)
    return {
      kind: 'bad',
      line,
      // The reader stops just past the limit, so the line's real length is unknown: say the limit (1 MiB).
      message: `regel ${line} is te lang (meer dan 1 MiB, ten hoogste ${String(MAX_LINE_CHARS).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} tekens): geen beschikking.`,
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/.exec(e instanceof Error ? e.message : '');
    const where = pos ? `, kolom ${Number(pos[1]) + 1}` : '';
    return { kind: 'bad', line, message: `regel ${line}${where}: geen geldige JSON.` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return {
      kind: 'bad',
      line,
      message: `regel ${line}: verwacht één beschikking als JSON-object ({ … }), niet ${Array.isArray(value) ? 'een lijst' : value === null ? 'null' : typeof value === 'string' ? 'een tekst' : 'een getal of ja/nee'}.`,
    };
  return { kind: 'case', line, casus: value };
}
