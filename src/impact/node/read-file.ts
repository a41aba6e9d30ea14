/**
 * Reads a caseload file as a stream (Node only): JSON Lines line by line, CSV record by record through
 * csv-parse, so that a 1 GB file is never held in memory, let alone twice. Entries come out in file order.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { parse } from 'csv-parse';
import type { Ir } from '../../../dsl/index.js';
import { CsvErrorLines, csvErrorText, csvHeader } from '../caseload/csv-rows.js';
import { MAX_LINE_CHARS, tooLongLine } from '../caseload/json-lines.js';
import { CSV_OPTIONS, caseloadFormat, csvDelimiter, noHeader } from '../caseload/read-text.js';
import type { CaseloadFormat } from '../caseload/read-text.js';
import type { CaseloadBadRow, CaseloadChunk, CaseloadEntry, CaseloadPiece } from '../types.js';

export type CaseloadFile =
  | {
      readonly ok: true;
      readonly format: CaseloadFormat;
      /** Bytes in the file (for a progress bar). */
      readonly size: number;
      /** Bytes read so far. */
      readonly position: () => number;
      /** JSON Lines: chunks of whole lines (parsed where they are priced); CSV: beschikkingen. */
      readonly entries: AsyncIterable<CaseloadPiece>;
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
  if (await startsUtf16(file))
    return {
      ok: false,
      message: `Het caseloadbestand '${file}' is UTF-16; sla het op als UTF-8 (in Excel: "CSV UTF-8", in Kladblok: codering UTF-8).`,
    };
  const format = caseloadFormat(file);
  if (format === 'jsonl') {
    const bytes = createReadStream(file, { highWaterMark: CHUNK_BYTES });
    return { ok: true, format, size, position: () => bytes.bytesRead, entries: jsonChunks(bytes) };
  }
  const delimiter = csvDelimiter(await fileStart(file));
  const stream = createReadStream(file, { encoding: 'utf8' });
  const position = () => stream.bytesRead;
  const first = await csvRecords(stream, programs, delimiter);
  if (!first.ok) {
    stream.destroy();
    return {
      ok: false,
      message: `Caseload '${file}': ${first.message.charAt(0).toUpperCase()}${first.message.slice(1)}`,
    };
  }
  return { ok: true, format, size, position, entries: first.entries };
}

/** Whether a file starts with a UTF-16 byte-order mark (FF FE or FE FF), as Windows "Unicode" files do. */
async function startsUtf16(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = new Uint8Array(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return (
      bytesRead === 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
    );
  } finally {
    await handle.close();
  }
}

/** The first 64 KiB of a file as text (to see the CSV column separator in its header line). */
async function fileStart(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Bytes read at a time: a chunk of ~700 beschikkingen for a worker. */
const CHUNK_BYTES = 256 * 1024;

/** A line longer than this many bytes is longer than {@link MAX_LINE_CHARS} (a character is at most 3 bytes). */
const LONG_LINE_BYTES = 3 * MAX_LINE_CHARS + 1;

const LF = 10;
const CR = 13;

/** The end of the last line end in `data` that is certain (a `\r` as the last byte may be half of `\r\n`). */
function lastLineEnd(data: Buffer): number {
  const lf = data.lastIndexOf(LF);
  const cr = data.length >= 2 ? data.lastIndexOf(CR, data.length - 2) : -1;
  return Math.max(lf, cr) + 1;
}

/** Line ends in `bytes`, as readline counts them: `\n`, `\r\n` and a lone `\r` are one each. */
function countLineEnds(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) n++;
  if (bytes.indexOf(CR) >= 0)
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === CR && bytes[i + 1] !== LF) n++;
  return n;
}

/**
 * The file as chunks of whole lines (a copy each, so it can be handed to a worker thread). A line longer than
 * {@link LONG_LINE_BYTES} is never held: it is reported as too long and skipped to its end.
 */
async function* jsonChunks(stream: AsyncIterable<Buffer>): AsyncIterable<CaseloadChunk | CaseloadBadRow> {
  let rest: Buffer | undefined;
  let line = 1;
  let skipping = false;
  for await (const read of stream) {
    let data = rest ? Buffer.concat([rest, read]) : read;
    rest = undefined;
    if (skipping) {
      if (lastLineEnd(data) === 0) {
        // Still in the long line; a `\r` as the last byte may end it (alone, or with a `\n` still to come).
        if (data[data.length - 1] === CR) rest = data.subarray(data.length - 1);
        continue;
      }
      // The rest of the long line, up to its end, is dropped.
      const first = firstLineEnd(data);
      line++;
      skipping = false;
      data = data.subarray(first);
    }
    const end = lastLineEnd(data);
    if (end > 0) {
      const bytes = new Uint8Array(data.subarray(0, end));
      const first = line;
      // Counted before the chunk is handed on (its buffer may then move to a worker).
      line += countLineEnds(bytes);
      yield { kind: 'chunk', line: first, bytes };
    }
    if (end < data.length) rest = data.subarray(end);
    if (rest && rest.length > LONG_LINE_BYTES) {
      yield tooLongLine(line);
      rest = undefined;
      skipping = true;
    }
  }
  if (rest && !skipping) yield { kind: 'chunk', line, bytes: new Uint8Array(rest) };
}

/** Just past the first line end of `data` (there is one, see {@link lastLineEnd}). */
function firstLineEnd(data: Buffer): number {
  const lf = data.indexOf(LF);
  const cr = data.indexOf(CR);
  if (cr >= 0 && (lf < 0 || cr < lf)) return data[cr + 1] === LF ? cr + 2 : cr + 1;
  return lf + 1;
}

interface CsvRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/** Reads the header, then yields beschikkingen as their rows are read. */
async function csvRecords(
  stream: NodeJS.ReadableStream,
  programs: readonly Ir.Program[],
  delimiter: ',' | ';',
): Promise<{ ok: true; entries: AsyncIterable<CaseloadEntry> } | { ok: false; message: string }> {
  const skipped: { line: number; message: string }[] = [];
  const places = new CsvErrorLines();
  const parser = stream.pipe(
    parse({
      ...CSV_OPTIONS,
      delimiter,
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
  if (head.done) return { ok: false, message: noHeader(skipped) };
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
