/**
 * The JSON Lines reader of the CLI hands out chunks of whole lines as bytes (split and parsed in the workers): the
 * lines and their numbers are exactly those of Node's readline (`\n`, `\r\n` and a lone `\r` end a line; BOM on
 * line 1 dropped; blank lines skipped), across chunk boundaries and multi-byte characters; an over-long line is
 * reported with its number and skipped to its end without being held.
 */
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS, chunkLines, isBlankLine } from '../../src/impact/caseload/json-lines.js';
import { openCaseload } from '../../src/impact/node/read-file.js';
import { tmp } from '../support/cli.js';

/** What the reader yields, as lines (chunks split) and bad rows. */
async function read(file: string): Promise<{ line: number; text?: string; message?: string }[]> {
  const opened = await openCaseload(file, []);
  if (!opened.ok) throw new Error(opened.message);
  const out: { line: number; text?: string; message?: string }[] = [];
  for await (const piece of opened.entries)
    if (piece.kind === 'chunk') for (const l of chunkLines(piece)) out.push({ line: l.line, text: l.text });
    else if (piece.kind === 'bad') out.push({ line: piece.line, message: piece.message });
    else throw new Error(`unexpected ${piece.kind}`);
  return out;
}

/** The lines as readline gives them (what the reader did before it read bytes). */
async function viaReadline(file: string): Promise<{ line: number; text: string }[]> {
  const out: { line: number; text: string }[] = [];
  let n = 0;
  for await (const raw of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    n++;
    const text = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!isBlankLine(text)) out.push({ line: n, text });
  }
  return out;
}

async function file(name: string, content: string | Buffer): Promise<string> {
  const f = path.join(await tmp(), name);
  await writeFile(f, content);
  return f;
}

describe('the JSON Lines reader', () => {
  it('gives readline’s lines and numbers, whatever the line ends, across chunk boundaries', async () => {
    const ends = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\n  \n'];
    const parts: string[] = ['\uFEFF'];
    for (let i = 0; i < 6000; i++)
      parts.push(`{"i":${i},"naam":"${'é€𝄞x'.repeat(i % 37)}"}`, ends[i % ends.length] as string);
    parts.push('{"laatste":true}');
    const f = await file('c.jsonl', parts.join(''));
    const got = await read(f);
    expect(got.length).toBeGreaterThan(6000);
    expect(got).toEqual(await viaReadline(f));
  });

  it('reports an over-long line with its number and goes on after it', async () => {
    const long = `{"x":"${'a'.repeat(4 * MAX_LINE_CHARS)}"}`;
    const f = await file('long.jsonl', `{"a":1}\r\n${long}\r\n{"b":2}\n`);
    // (Texts cut short, so that a failure does not print megabytes.)
    const got = (await read(f)).map((g) => (g.text !== undefined ? { ...g, text: g.text.slice(0, 20) } : g));
    expect(got).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, message: expect.stringMatching(/^regel 2 is te lang/) as unknown as string },
      { line: 3, text: '{"b":2}' },
    ]);
  });
});
