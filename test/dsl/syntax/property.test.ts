/** Property tests: any text, and random mutations of real rules files, never make the front end throw. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatText } from '../../../dsl/ast/print.js';
import { parse } from '../../../dsl/ast/parse.js';
import { compile } from '../../../dsl/compile.js';
import {
  deepParentheses,
  enChain,
  junkLine,
  junkLines,
  nietChain,
  plusChain,
  withDeclarations,
} from '../../support/pathological.js';

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.regels') ? [p] : [];
  });
}

const seeds = [
  ...walk('rules'),
  ...walk('test/fixtures'),
  'test/dsl/syntax/examples/alle-constructies.regels',
].map((f) => readFileSync(f, 'utf8'));

/** Every `span` in a tree, as [start, end] (with a stack: chains make trees as deep as they are long). */
function spans(root: unknown): [number, number][] {
  const out: [number, number][] = [];
  const stack: unknown[] = [root];
  for (let node = stack.pop(); stack.length > 0 || node !== undefined; node = stack.pop()) {
    if (Array.isArray(node)) stack.push(...node);
    else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (
          (k === 'span' || k.endsWith('Span')) &&
          v !== null &&
          typeof v === 'object' &&
          'start' in v &&
          'end' in v
        ) {
          out.push([Number(v.start), Number(v.end)]);
        } else stack.push(v);
      }
    }
  }
  return out;
}

function check(text: string): void {
  const { ast, diagnostics } = parse(text, 'p.regels');
  for (const d of diagnostics) {
    expect(
      0 <= d.span.start && d.span.start <= d.span.end && d.span.end <= text.length,
      `${d.code} ${JSON.stringify(d.span)}`,
    ).toBe(true);
  }
  for (const [s, e] of spans(ast))
    expect(0 <= s && s <= e && e <= text.length, `span ${s}-${e} of ${text.length}`).toBe(true);
  formatText(text, 'p.regels');
}

/** Cuts a text into token-sized chunks (words, spaces, single symbols). */
const chunks = (text: string): string[] => text.match(/\s+|[\p{L}\p{N}_.,']+|./gsu) ?? [];

const mutation = fc.record({
  seed: fc.integer({ min: 0, max: seeds.length - 1 }),
  ops: fc.array(
    fc.record({
      kind: fc.constantFrom('delete', 'insert', 'duplicate', 'swap'),
      at: fc.nat(),
      other: fc.nat(),
      text: fc.constantFrom(
        'als',
        'dan',
        '(',
        ')',
        '€',
        '1.5',
        '"',
        '\n',
        'tabel',
        '-',
        '/',
        ',',
        'x',
        '2021-02-30',
        '×',
      ),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});

describe('front end never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (s) => check(s)),
      { numRuns: 300 },
    );
  });

  it('on arbitrary strings made of language pieces', () => {
    const piece = fc.constantFrom(
      'regelset "a"\n',
      'versie "b"\n',
      'geldig vanaf 2021-01-01\n',
      'tabel ',
      'module ',
      'als ',
      'dan ',
      '\n  ',
      '€ ',
      '1,5 ',
      'x ',
      '[',
      ']',
      '(',
      ')',
      ', ',
      '= ',
      '× ',
      '"',
      '-',
      'afgerond op ',
      'verwacht ',
      'gegeven\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (ps) => check(ps.join(''))),
      { numRuns: 300 },
    );
  });

  it('on pathological shapes: deep nesting, long junk lines, long chains', () => {
    const shape = fc.oneof(
      fc.integer({ min: 1, max: 900 }).map((n) => withDeclarations(deepParentheses(n))),
      fc.integer({ min: 1, max: 3000 }).map((n) => withDeclarations(enChain(n))),
      fc.integer({ min: 1, max: 12_000 }).map((n) => withDeclarations(plusChain(n))),
      fc.integer({ min: 1, max: 20_000 }).map((n) => withDeclarations(nietChain(n))),
      fc
        .integer({ min: 1, max: 300 })
        .map((n) => withDeclarations(`bereken k = ${'als ja dan 1 anders '.repeat(n)}2`)),
      fc
        .record({ bytes: fc.integer({ min: 1, max: 40_000 }), seed: fc.nat() })
        .map(({ bytes, seed }) => junkLines(bytes, seed)),
      fc.integer({ min: 1, max: 100_000 }).map((n) => junkLine(n)),
      fc.integer({ min: 1, max: 20_000 }).map((n) => withDeclarations(junkLine(n))),
    );
    fc.assert(
      fc.property(shape, (text) => {
        check(text);
        const r = compile([{ path: 'p.regels', text }]);
        // Never an internal error, and never more diagnostics than a line each plus the syntax error budget.
        expect(r.diagnostics.filter((d) => d.code === 'RW9002')).toEqual([]);
        expect(r.diagnostics.length).toBeLessThanOrEqual(text.split('\n').length + 400);
      }),
      { numRuns: 16 },
    );
  });

  it('on random mutations of the rules files', () => {
    fc.assert(
      fc.property(mutation, ({ seed, ops }) => {
        const parts = chunks(seeds[seed] ?? '');
        for (const op of ops) {
          if (parts.length === 0) break;
          const i = op.at % parts.length;
          const j = op.other % parts.length;
          if (op.kind === 'delete') parts.splice(i, 1);
          else if (op.kind === 'insert') parts.splice(i, 0, op.text);
          else if (op.kind === 'duplicate') parts.splice(i, 0, parts[i] ?? '');
          else [parts[i], parts[j]] = [parts[j] ?? '', parts[i] ?? ''];
        }
        check(parts.join(''));
      }),
      { numRuns: 150 },
    );
  });
});
