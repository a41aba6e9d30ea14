/**
 * A caseload in the browser: the shipped sample or a file the advisor picked, read in the impact worker as a
 * stream of lines (a large file is never held whole; a small one is parsed once and kept for the next run).
 */
import { isBlankLine, MAX_LINE_CHARS, parseJsonLine } from '../../src/impact/caseload/json-lines.js';
import type { CaseloadEntry, CaseloadLine } from '../../src/impact/types.js';
import type { CaseloadInfo } from './impact-protocol.js';

/** Files up to this size are parsed once and kept; larger ones are read again on every run. */
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

/** A caseload ready to be priced, as often as needed. */
export interface Caseload {
  readonly info: CaseloadInfo;
  /** Its entries, in order. */
  entries(): AsyncIterable<Entry> | Iterable<Entry>;
  /** How many entries, when known (for the progress bar). */
  readonly size: number | undefined;
}

/** Reads a caseload from a blob. A small one is parsed once, here; a large one is streamed on every run. */
export async function openCaseload(blob: Blob, name: string): Promise<Caseload> {
  const format = await detectFormat(blob, name);
  const info: CaseloadInfo = { name, format, bytes: blob.size };
  const stream = (): AsyncIterable<Entry> => (format === 'csv' ? csvEntries(blob) : jsonLines(blob));
  if (blob.size > KEEP_BYTES) return { info, entries: stream, size: undefined };
  const kept: Entry[] = [];
  for await (const e of stream()) kept.push(e.kind === 'line' ? parseJsonLine(e.text, e.line) : e);
  return { info, entries: () => kept, size: kept.length };
}

async function* csvEntries(blob: Blob): AsyncGenerator<Entry> {
  void blob;
  yield { kind: 'bad', line: 1, message: 'CSV wordt nog niet gelezen.' };
}
