/**
 * A caseload in the browser: the shipped sample or a file the advisor picked, read in the impact worker as a
 * stream of lines (a large file is never held whole; a small one is parsed once and kept for the next run).
 */
import type { Ir } from '../../dsl/index.js';
import { isBlankLine, MAX_LINE_CHARS, parseJsonLine } from '../../src/impact/caseload/json-lines.js';
import { readCaseloadText } from '../../src/impact/caseload/read-text.js';
import type { CaseloadEntry, CaseloadLine } from '../../src/impact/types.js';
import type { CaseloadInfo } from './impact-protocol.js';

/**
 * JSON Lines files up to this size are parsed once and kept; larger ones are read again, as a stream, on every
 * run. A CSV file is read whole (its columns depend on the rules' `invoer`, so it is read again per run): up to
 * this size too.
 */
const KEEP_BYTES = 64 * 1024 * 1024;

export type Entry = CaseloadEntry | CaseloadLine;

/**
 * The lines of a blob, numbered from 1, without line ends or BOM. An over-long line is kept only up to just past
 * the limit (so it is reported as too long, never held whole).
 */
export async function* blobLines(blob: Blob): AsyncGenerator<{ line: number; text: string }> {
  const reader = blob.stream().pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  let line = 0;
  let first = true;
  const cap = (t: string): string => (t.length > MAX_LINE_CHARS ? t.slice(0, MAX_LINE_CHARS + 1) : t);
  const clean = (t: string): string => (t.endsWith('\r') ? t.slice(0, -1) : t);
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    let chunk = value;
    if (first) {
      first = false;
      if (chunk.startsWith('\uFEFF')) chunk = chunk.slice(1);
    }
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', start)) {
      const text = cap(rest + chunk.slice(start, nl));
      start = nl + 1;
      rest = '';
      line++;
      yield { line, text: clean(text) };
    }
    rest = cap(rest + chunk.slice(start));
  }
  if (rest !== '') yield { line: line + 1, text: clean(rest) };
}

/** JSON Lines or CSV: by the file's name, else by its first character. */
export async function detectFormat(blob: Blob, name: string): Promise<'jsonl' | 'csv'> {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (/\.(jsonl|ndjson|json)$/.test(lower)) return 'jsonl';
  const head = (await blob.slice(0, 512).text()).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('{') ? 'jsonl' : 'csv';
}

async function* jsonLines(blob: Blob): AsyncGenerator<Entry> {
  for await (const { line, text } of blobLines(blob)) {
    if (isBlankLine(text)) continue;
    yield { kind: 'line', line, text };
  }
}

export type Entries =
  | { readonly ok: true; readonly entries: AsyncIterable<Entry> | Iterable<Entry> }
  | { readonly ok: false; readonly message: string };

/** A caseload ready to be priced, as often as needed. */
export interface Caseload {
  readonly info: CaseloadInfo;
  /** Its entries, in order; `programs` (the versions compared) say which CSV columns are which fields. */
  entries(programs: readonly Ir.Program[]): Promise<Entries>;
  /** How many entries, when known (for the progress bar). */
  readonly size: number | undefined;
}

const megabytes = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;

/** Reads a caseload from a blob (a picked file or the sample). Never throws for bad content: rows are reported. */
export async function openCaseload(blob: Blob, name: string): Promise<Caseload> {
  const format = await detectFormat(blob, name);
  const info: CaseloadInfo = { name, format, bytes: blob.size };
  if (format === 'csv') {
    if (blob.size > KEEP_BYTES)
      throw new Error(
        `'${name}' is ${megabytes(blob.size)}: een CSV-caseload leest de editor tot ${megabytes(KEEP_BYTES)}. ` +
          'Gebruik JSON Lines (dat leest de editor als stroom) of regelwerk impact op de opdrachtregel.',
      );
    const text = await blob.text();
    return {
      info,
      size: undefined,
      entries: async (programs) => {
        const read = readCaseloadText(text, 'csv', programs);
        return read.ok ? read : { ok: false, message: `${name}: ${read.message}` };
      },
    };
  }
  if (blob.size > KEEP_BYTES)
    return { info, size: undefined, entries: async () => ({ ok: true, entries: jsonLines(blob) }) };
  const kept: Entry[] = [];
  for await (const e of jsonLines(blob)) kept.push(e.kind === 'line' ? parseJsonLine(e.text, e.line) : e);
  return { info, size: kept.length, entries: async () => ({ ok: true, entries: kept }) };
}
