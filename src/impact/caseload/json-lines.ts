/**
 * Caseload in JSON Lines: one beschikking per line, exactly the JSON object `regelwerk eval` takes. Blank lines
 * are skipped; a line that is not a JSON object is a bad row with its line number and a Dutch message.
 */
import type { CaseloadBadRow, CaseloadCase, CaseloadChunk, CaseloadLine } from '../types.js';

/** Longest line read (a beschikking is a few hundred bytes; a longer line is not a beschikking). */
export const MAX_LINE_CHARS = 1024 * 1024;

/** Whether a JSON Lines line holds nothing (blank lines are allowed and skipped). */
export const isBlankLine = (text: string): boolean => text.trim() === '';

/** The bad row of a line longer than {@link MAX_LINE_CHARS}. */
export const tooLongLine = (line: number): CaseloadBadRow => ({
  kind: 'bad',
  line,
  // The reader stops just past the limit, so the line's real length is unknown: say the limit (1 MiB).
  message: `regel ${line} is te lang (meer dan 1 MiB, ten hoogste ${String(MAX_LINE_CHARS).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} tekens): geen beschikking.`,
});

/** Parses line `line` (1-based) of a JSON Lines caseload. */
export function parseJsonLine(text: string, line: number): CaseloadCase | CaseloadBadRow {
  if (text.length > MAX_LINE_CHARS) return tooLongLine(line);
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

/** Line ends as Node's readline sees them (`crlfDelay: Infinity`): `\r\n`, `\n` or a lone `\r`. */
const LINE_END = /\r\n|\n|\r/;

/**
 * Calls `visit` with every line of a chunk that is not blank, with its number (the BOM of line 1 dropped). The
 * bytes are decoded once (invalid UTF-8 becomes U+FFFD, as a stream decoder does); no object per line.
 */
export function forEachChunkLine(chunk: CaseloadChunk, visit: (text: string, line: number) => void): void {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(chunk.bytes);
  const lines = text.includes('\r') ? text.split(LINE_END) : text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const t = i === 0 && chunk.line === 1 && raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
    if (!isBlankLine(t)) visit(t, chunk.line + i);
  }
}

/** The lines of a chunk that are not blank, as unparsed entries. */
export function chunkLines(chunk: CaseloadChunk): CaseloadLine[] {
  const out: CaseloadLine[] = [];
  forEachChunkLine(chunk, (text, line) => out.push({ kind: 'line', line, text }));
  return out;
}
