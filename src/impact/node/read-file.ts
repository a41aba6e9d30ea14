/**
 * Reads a caseload file as a stream (Node only): JSON Lines line by line, CSV record by record through
 * csv-parse, so that a 1 GB file is never held in memory, let alone twice. Entries come out in file order.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import type { Ir } from '../../../dsl/index.js';
import { CsvErrorLines, csvErrorText, csvHeader } from '../caseload/csv-rows.js';
import { isBlankLine } from '../caseload/json-lines.js';
import { CSV_OPTIONS, caseloadFormat } from '../caseload/read-text.js';
import type { CaseloadFormat } from '../caseload/read-text.js';
import type { CaseloadEntry, CaseloadLine } from '../types.js';

export type CaseloadFile =
  | {
      readonly ok: true;
      readonly format: CaseloadFormat;
      /** Bytes in the file (for a progress bar). */
      readonly size: number;
      /** Bytes read so far. */
      readonly position: () => number;
      readonly entries: AsyncIterable<CaseloadEntry | CaseloadLine>;
    }
  | { readonly ok: false; readonly message: string };

/** Opens `file`; `programs` (the versions compared) tell which CSV columns are which `invoer` fields. */
export async function openCaseload(file: string, programs: readonly Ir.Program[]): Promise<CaseloadFile> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) return { ok: false, message: `'${file}' is geen bestand.` };
    size = s.size;
  } catch {
    return { ok: false, message: `Het caseloadbestand '${file}' bestaat niet of kan niet worden gelezen.` };
  }
  const format = caseloadFormat(file);
  const stream = createReadStream(file, { encoding: 'utf8' });
  const position = () => stream.bytesRead;
  if (format === 'jsonl') return { ok: true, format, size, position, entries: jsonLines(stream) };
  const first = await csvRecords(stream, programs);
  if (!first.ok) {
    stream.destroy();
    return first;
  }
  return { ok: true, format, size, position, entries: first.entries };
}

async function* jsonLines(stream: NodeJS.ReadableStream): AsyncIterable<CaseloadLine> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    const text = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!isBlankLine(text)) yield { kind: 'line', line: n, text };
  }
}

interface CsvRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/** Reads the header, then yields beschikkingen as their rows are read. */
async function csvRecords(
  stream: NodeJS.ReadableStream,
  programs: readonly Ir.Program[],
): Promise<{ ok: true; entries: AsyncIterable<CaseloadEntry> } | { ok: false; message: string }> {
  const skipped: { line: number; message: string }[] = [];
  const places = new CsvErrorLines();
  const parser = stream.pipe(
    parse({
      ...CSV_OPTIONS,
      max_record_size: 1024 * 1024,
      // Where each record ends (the context has the record's line counts): to place an unclosed quote.
      on_record: (record, context) => {
        places.record(context);
        return record;
      },
    }),
  );
  let lastSkipped = -1;
  parser.on('skip', (err: { lines?: number; empty_lines?: number; code?: string }) => {
    // One broken row can raise two errors (a bad closing quote, then a quote open until the end): report it once.
    const line = places.lineOf(err);
    if (line !== lastSkipped) skipped.push({ line, message: csvErrorText(String(err.code ?? '')) });
    lastSkipped = line;
  });
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<CsvRecord>;
  const head = await records.next();
  if (head.done) return { ok: false, message: 'het CSV-bestand is leeg; verwacht een kopregel en rijen.' };
  const header = csvHeader(head.value.record, head.value.info.lines, programs);
  if (!header.ok) return header;
  const { builder } = header;
  async function* entries(): AsyncIterable<CaseloadEntry> {
    for (;;) {
      const next = await records.next();
      while (
        skipped.length > 0 &&
        (next.done || (skipped[0] as { line: number }).line < next.value.info.lines)
      ) {
        const k = skipped.shift() as { line: number; message: string };
        yield builder.unreadable(k.line, k.message);
      }
      if (next.done) break;
      yield* builder.row(next.value.record, next.value.info.lines);
    }
    yield* builder.end();
  }
  return { ok: true, entries: entries() };
}
