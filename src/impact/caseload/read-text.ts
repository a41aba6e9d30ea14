/**
 * A caseload held as text (the editor: a file the advisor picked, or the shipped sample), read into entries.
 * Runs in a browser: CSV through csv-parse's browser build (the Node CLI streams files, see ../node/read-file.ts).
 */
import { parse } from 'csv-parse/browser/esm/sync';
import type { Ir } from '../../../dsl/index.js';
import type { CaseloadEntry, CaseloadLine } from '../types.js';
import { CsvErrorLines, csvErrorText, csvHeader } from './csv-rows.js';
import { isBlankLine } from './json-lines.js';

export type CaseloadFormat = 'jsonl' | 'csv';

/** The format by file name: `.csv` is CSV; `.jsonl`, `.ndjson` and anything else JSON Lines. */
export const caseloadFormat = (name: string): CaseloadFormat => (/\.csv$/i.test(name) ? 'csv' : 'jsonl');

export type TextCaseload =
  | { readonly ok: true; readonly entries: (CaseloadEntry | CaseloadLine)[] }
  | { readonly ok: false; readonly message: string };

/** Options csv-parse reads a caseload with (also used by the Node stream reader). */
export const CSV_OPTIONS = {
  info: true,
  relax_column_count: true,
  skip_empty_lines: true,
  skip_records_with_error: true,
  bom: true,
} as const;

/**
 * The column separator of a CSV file, from its header line: a semicolon when the header has more semicolons than
 * commas outside quotes (what Excel writes with Dutch settings, where the comma is the decimal sign), else a comma.
 */
export function csvDelimiter(start: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of start) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** The message for a CSV file without a readable header row (empty, or its first row broken). */
export function noHeader(skipped: readonly { line: number; message: string }[]): string {
  const first = skipped[0];
  return first
    ? `de kopregel (regel ${first.line}) kan niet worden gelezen: ${first.message}.`
    : 'het CSV-bestand is leeg; verwacht een kopregel en rijen.';
}

/**
 * Reads a whole caseload text. `programs` are the versions compared: their `invoer` says which CSV columns are
 * beschikking fields and which belong to a result or module request.
 */
export function readCaseloadText(
  text: string,
  format: CaseloadFormat,
  programs: readonly Ir.Program[],
): TextCaseload {
  if (format === 'jsonl') {
    const entries: CaseloadLine[] = [];
    const lines = text.split('\n');
    lines.forEach((raw, i) => {
      const line = i === 0 ? raw.replace(/^\uFEFF/, '') : raw;
      if (!isBlankLine(line)) entries.push({ kind: 'line', line: i + 1, text: line });
    });
    return { ok: true, entries };
  }
  const entries: CaseloadEntry[] = [];
  const skipped: { line: number; message: string }[] = [];
  const places = new CsvErrorLines();
  const records = parse(text, {
    ...CSV_OPTIONS,
    delimiter: csvDelimiter(text.slice(0, 64 * 1024)),
    // Where each record ends (the context has the record's line counts): to place an unclosed quote.
    on_record: (record, context) => {
      places.record(context);
      return record;
    },
    on_skip: (err) => {
      // One broken row can raise two errors (a bad closing quote, then a quote open until the end): report it once.
      const line = err ? places.lineOf(err) : 0;
      if (err && skipped[skipped.length - 1]?.line !== line)
        skipped.push({ line, message: csvErrorText(err.code) });
      return undefined;
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [head, ...rows] = records;
  if (!head) return { ok: false, message: noHeader(skipped) };
  const header = csvHeader(head.record, head.info.lines, programs);
  if (!header.ok) return header;
  const { builder } = header;
  let s = 0;
  for (const r of rows) {
    while (s < skipped.length && (skipped[s] as { line: number }).line < r.info.lines) {
      const k = skipped[s++] as { line: number; message: string };
      entries.push(builder.unreadable(k.line, k.message));
    }
    entries.push(...builder.row(r.record, r.info.lines));
  }
  entries.push(...builder.end());
  for (; s < skipped.length; s++) {
    const k = skipped[s] as { line: number; message: string };
    entries.push(builder.unreadable(k.line, k.message));
  }
  return { ok: true, entries };
}
