/**
 * Hostile and pathological rules files (issue 9): junk gives a bounded, capped report; deep nesting gives RW1201
 * at the place; long flat chains (`en`, `+`, `niet`) pass through every stage without recursion per term.
 * Sizes are asserted, never times.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, DEFAULT_MAX_PER_FILE, formatText, renderDiagnostics } from '../../../dsl/index.js';
import { MAX_TERMS } from '../../../dsl/syntax/nesting.js';
import { MAX_SYNTAX_ERRORS } from '../../../dsl/syntax/parse.js';
import { createEngine } from '../../../src/engine/evaluate.js';
import { cli, tmp } from '../../support/cli.js';
import {
  deepParentheses,
  enChain,
  junkLine,
  junkLines,
  nietChain,
  plusChain,
  withDeclarations,
} from '../../support/pathological.js';

const codes = (text: string): string[] =>
  compile([{ path: 'p.regels', text }]).diagnostics.map((d) => d.code);

describe('junk', () => {
  it('a 200 KB junk file is checked with a capped report of bounded size', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'rommel.regels');
    await writeFile(file, junkLines(200 * 1024));
    const r = await cli('check', file);
    expect(r.code).toBe(1);
    expect(r.out.length).toBeLessThan(120_000);
    const shown = r.out.match(/: (fout|waarschuwing) RW\d{4}:/g) ?? [];
    expect(shown.length).toBeLessThanOrEqual(DEFAULT_MAX_PER_FILE + 1);
    expect(r.out).toMatch(/rommel\.regels: en nog \d+ fouten/);
    const json = await cli('check', '--json', file);
    const report = JSON.parse(json.out) as { diagnostics: unknown[]; omitted: number; errors: number };
    expect(report.diagnostics.length).toBeLessThanOrEqual(DEFAULT_MAX_PER_FILE + 1);
    expect(report.omitted).toBeGreaterThan(0);
    expect(report.diagnostics.length + report.omitted).toBe(report.errors);
    expect(json.out.length).toBeLessThan(120_000);
  });

  it('a 1 MB line of junk gives one diagnostic per line and a shortened source line', () => {
    const text = junkLine(1024 * 1024);
    const ds = compile([{ path: 'r.regels', text }]).diagnostics;
    expect(ds.filter((d) => d.code === 'RW1001')).toHaveLength(1);
    const out = renderDiagnostics(ds, new Map([['r.regels', text]])).join('\n');
    expect(out.length).toBeLessThan(10_000);
  });

  it('the number of diagnostics grows at most linearly with the junk', () => {
    const count = (text: string): number => compile([{ path: 'a.regels', text }]).diagnostics.length;
    const small = count(junkLines(16 * 1024, 7));
    const text = junkLines(64 * 1024, 7);
    const large = count(text);
    expect(large).toBeLessThanOrEqual(4.5 * small);
    // At most one RW1001 per line, and syntax errors stop at a fixed budget (RW1202).
    expect(large).toBeLessThanOrEqual(text.split('\n').length + MAX_SYNTAX_ERRORS + 2);
  });
});

describe('nesting', () => {
  it('63 parentheses are fine, 64 give RW1201 at the 64th', () => {
    expect(codes(withDeclarations(deepParentheses(63)))).not.toContain('RW1201');
    const text = withDeclarations(deepParentheses(64));
    const d = compile([{ path: 'p.regels', text }]).diagnostics.find((x) => x.code === 'RW1201');
    expect(d?.message).toContain('te diep genest');
    expect(d?.span.start).toBe(text.indexOf('bereken diep = ') + 'bereken diep = '.length + 63);
  });

  it('800 parentheses give one RW1201 naming the file, and the other files are still checked', () => {
    const r = compile([
      { path: 'diep.regels', text: withDeclarations(deepParentheses(800)) },
      {
        path: 'ander.regels',
        text: 'regelset "X"\nversie "1"\ngeldig vanaf 2024-01-01\n\nbereken x = 1 +\n',
      },
    ]);
    const deep = r.diagnostics.filter((d) => d.file === 'diep.regels' && d.severity === 'fout');
    expect(deep.map((d) => d.code)).toEqual(['RW1201']);
    expect(r.diagnostics.some((d) => d.file === 'ander.regels')).toBe(true);
  });

  it('deeply nested als-expressions and table keys are limited too', () => {
    const ifs = `bereken k = ${'als ja dan 1 anders '.repeat(300)}2\n`;
    expect(codes(withDeclarations(ifs))).toContain('RW1201');
    const keys = `bereken t = ${'minimum(1, '.repeat(300)}1${')'.repeat(300)}\n`;
    expect(codes(withDeclarations(keys))).toContain('RW1201');
  });
});

describe('terms in one expression', () => {
  it(`${MAX_TERMS} terms are fine; one more gives one RW1701 at the first term too many`, () => {
    expect(MAX_TERMS).toBe(10_000);
    expect(codes(withDeclarations(plusChain(MAX_TERMS)))).not.toContain('RW1701');
    const text = withDeclarations(plusChain(MAX_TERMS + 1));
    const ds = compile([{ path: 'p.regels', text }]).diagnostics.filter((d) => d.severity === 'fout');
    expect(ds.map((d) => d.code)).toEqual(['RW1701']);
    expect(ds[0]?.message).toContain('meer dan 10.000 termen');
    expect(ds[0]?.span.start).toBe(
      text.indexOf('bereken veel = ') + 'bereken veel = '.length + 4 * MAX_TERMS - 2,
    );
  });

  it('a 4 MB sum of 450.000 terms gets RW1701, not minutes of checking', () => {
    const text = withDeclarations(
      `parameter x = ${Array.from({ length: 450_000 }, () => '€ 1,00').join(' + ')}\n`,
    );
    expect(text.length).toBeGreaterThan(4_000_000);
    const errors = compile([{ path: 'p.regels', text }]).diagnostics.filter((d) => d.severity === 'fout');
    expect(errors.map((d) => d.code)).toEqual(['RW1701']);
  });
});

describe('long flat chains pass every stage', () => {
  const casus = {
    wet: 'jeugdwet',
    geboortedatum: '2010-05-01',
    ingangsdatum: '2024-01-01',
    resultaten: [
      {
        id: 'r1',
        perspectief: 'ontwikkelen',
        intensiteit: 'licht',
        bandbreedte: 'A',
        periode: { van: '2024-01-01', tot: '2024-06-30' },
      },
    ],
    modules: [{ module: 'vervoer', aantal: '10', periode: { van: '2024-01-01', tot: '2024-06-30' } }],
  };
  const extra = [
    enChain(3000),
    nietChain(100_000),
    plusChain(MAX_TERMS),
    // The sum is read, so the evaluators run the whole chain: 10.000 > 5 never holds.
    'regel "som"\n  als veel < 5\n  dan fout "Som."\n',
  ].join('\n');
  const text = withDeclarations(extra);

  it('checks, formats (stably) and evaluates on both paths', async () => {
    const r = compile([{ path: 'ketens.regels', text }]);
    expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
    if (!r.ok) return;
    const formatted = formatText(text, 'ketens.regels');
    expect(formatted.ok).toBe(true);
    if (!formatted.ok) return;
    expect(formatText(formatted.text, 'ketens.regels')).toEqual(formatted);
    for (const p of ['jre', 'fast'] as const) {
      const ev = await createEngine(r.programs, { path: p }).evaluate(casus);
      expect(ev.ok, `${p}: ${JSON.stringify(ev).slice(0, 300)}`).toBe(true);
      if (ev.ok) {
        expect(ev.total).toBe('1425.00');
        expect(ev.diagnostics).toEqual([]);
      }
    }
  });
});
