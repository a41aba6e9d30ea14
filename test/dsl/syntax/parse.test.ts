import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../../dsl/ast/ast.js';
import { stripSpans } from '../../../dsl/ast/strip-spans.js';
import { parse } from '../../../dsl/ast/parse.js';
import { tokenClass } from '../../../dsl/syntax/tokens.js';

const HEADER = 'regelset "T"\nversie "1"\ngeldig vanaf 2021-01-01\n';
const codes = (text: string): string[] => parse(text, 't.regels').diagnostics.map((d) => d.code);

function exprOf(src: string): Expr {
  const { ast, diagnostics } = parse(`${HEADER}\nparameter p = ${src}\n`, 't');
  expect(diagnostics).toEqual([]);
  const d = ast.decls[0];
  if (d?.kind !== 'ParameterDecl') throw new Error('geen parameter');
  return d.value;
}

describe('parse', () => {
  it('parses every construct of the language reference without diagnostics', () => {
    const text = readFileSync('test/dsl/syntax/examples/alle-constructies.regels', 'utf8');
    const { ast, diagnostics } = parse(text, 'x');
    expect(diagnostics).toEqual([]);
    expect(ast.header?.municipality?.text).toBe('Almelo');
    expect(ast.decls.map((d) => d.kind)).toEqual([
      'DomainDecl',
      'BandwidthDecl',
      'BandwidthDecl',
      'InputDecl',
      'ParameterDecl',
      'ParameterDecl',
      'TableDecl',
      'CalcDecl',
      'CalcDecl',
      'BudgetDecl',
      'UnitDecl',
      'ModuleDecl',
      'ModuleDecl',
      'RuleDecl',
      'ProvisionDecl',
      'ScenarioDecl',
    ]);
    const table = ast.decls[6];
    if (table?.kind !== 'TableDecl') throw new Error('tabel');
    expect(table.header).toHaveLength(6);
    expect(table.rows[1]?.cells[0]).toMatchObject({ kind: 'CellValue', value: '1052.10' });
    expect(table.rows[0]?.cells[5]).toMatchObject({ kind: 'CellEmpty' });
  });

  it('parses the project rules without diagnostics', () => {
    for (const f of ['2019', '2020', '2021-01', '2021-07', '2022']) {
      const path = `rules/twents-model/${f}.regels`;
      expect(parse(readFileSync(path, 'utf8'), path).diagnostics).toEqual([]);
    }
  });

  it('reads Dutch numbers, money, percentages, quantities and dates', () => {
    expect(stripSpans(exprOf('1.234,56'))).toEqual({ kind: 'NumberLit', value: '1234.56' });
    expect(stripSpans(exprOf('€ 52,10 per week'))).toEqual({ kind: 'MoneyLit', value: '52.10', per: 'week' });
    expect(stripSpans(exprOf('2,85 %'))).toEqual({ kind: 'PercentLit', value: '2.85' });
    expect(stripSpans(exprOf('40 ritten'))).toEqual({ kind: 'QuantityLit', value: '40', unit: 'rit' });
    expect(stripSpans(exprOf('2020-02-29'))).toEqual({ kind: 'DateLit', value: '2020-02-29' });
  });

  it('reports non-Dutch numbers and impossible dates', () => {
    expect(codes(`${HEADER}parameter p = 1.5\n`)).toEqual(['RW1002']);
    expect(codes(`${HEADER}parameter p = 12.34\n`)).toEqual(['RW1002']);
    expect(codes(`${HEADER}parameter p = 2021-02-29\n`)).toEqual(['RW1004']);
    expect(codes(`${HEADER}parameter p = "open\n`)).toEqual(['RW1003']);
    expect(codes(`${HEADER}parameter p = 3 $\n`)).toContain('RW1001');
  });

  it('respects precedence: × before +, comparison before en, en before of', () => {
    const e = exprOf('a + b × c = d en x of y');
    expect(e.kind === 'Binary' && e.op).toBe('of');
    const m = exprOf('a + b * c');
    expect(m.kind === 'Binary' && m.right.kind === 'Binary' && m.right.op).toBe('×');
  });

  it('parses the special expression forms', () => {
    expect(exprOf('x in (a, b)').kind).toBe('InExpr');
    expect(exprOf('x is niet leeg')).toMatchObject({ kind: 'EmptyTest', negated: true });
    expect(exprOf('module vervoer variant rit aangevraagd')).toMatchObject({ kind: 'ModuleRequested' });
    expect(exprOf('aantal resultaten').kind).toBe('CountResults');
    expect(exprOf('als a dan 1 anders 2').kind).toBe('IfExpr');
    expect(exprOf('(a × b) afgerond op 2 decimalen naar beneden')).toMatchObject({
      kind: 'Rounded',
      rounding: { decimals: 2, mode: 'omlaag' },
    });
    expect(exprOf('t[a, b]').kind).toBe('Lookup');
    expect(exprOf('weken(periode)').kind).toBe('Call');
  });

  it('parses indexation, withdrawal and amended tables', () => {
    const { ast, diagnostics } = parse(
      `${HEADER}\nindexeer alle tabellen met 2,85 % afgerond op centen\nvervalt regel "Oud"\nvervalt module vervoer\nwijzig tabel t in € per week\n  rijen a\n  x 1,00\n`,
      't',
    );
    expect(diagnostics).toEqual([]);
    expect(ast.decls.map((d) => d.kind)).toEqual([
      'IndexationDecl',
      'WithdrawDecl',
      'WithdrawDecl',
      'TableDecl',
    ]);
    expect(ast.decls[3]).toMatchObject({ amend: true });
  });

  it('parses the three forms of indexeer', () => {
    const { ast, diagnostics } = parse(
      `${HEADER}\nindexeer alle tabellen met 2 %\nindexeer alle tarieven met 2,85 % afgerond op centen\nindexeer weektarief, tarieven met 1 %\n`,
      't',
    );
    expect(diagnostics).toEqual([]);
    expect(
      ast.decls.map((d) => (d.kind === 'IndexationDecl' ? [d.all, d.tables.map((n) => n.text)] : d.kind)),
    ).toEqual([
      ['tabellen', []],
      ['tarieven', []],
      [undefined, ['weektarief', 'tarieven']],
    ]);
  });

  it('reports errors in two separate declarations', () => {
    const text = `${HEADER}\nparameter a 3\n\nparameter b = 4\n\nregel "r"\n  als x = dan fout "m"\n\nparameter c = 5\n`;
    const { ast, diagnostics } = parse(text, 't');
    expect(diagnostics.map((d) => d.code)).toEqual(['RW1101', 'RW1102']);
    expect(ast.decls.map((d) => d.kind)).toContain('ParameterDecl');
    expect(ast.decls.filter((d) => d.kind === 'ParameterDecl')).toHaveLength(3);
  });

  it('resumes after stray text at the top level', () => {
    const { diagnostics, ast } = parse(`${HEADER}\nonzin hier\nparameter c = 5\n`, 't');
    expect(diagnostics).toHaveLength(1);
    expect(ast.decls).toHaveLength(1);
  });

  it('reports a missing header and end of file', () => {
    expect(codes('parameter p = 3\n')).toEqual(['RW1103']);
    expect(codes(`${HEADER}module m\n  toegestaan als x = 1\n`)).toEqual(['RW1104']);
  });

  it('names the expected thing in words', () => {
    const [d] = parse(`${HEADER}parameter 3 = 4\n`, 't').diagnostics;
    expect(d?.message).toBe("Verwacht een naam, maar gevonden '3'.");
  });

  it('classifies tokens for highlighting', () => {
    expect(tokenClass('Kw_als')).toBe('keyword');
    expect(tokenClass('UnitWord')).toBe('unit');
    expect(tokenClass('NumberLiteral')).toBe('number');
    expect(tokenClass('Times')).toBe('operator');
    expect(tokenClass('Comment')).toBe('comment');
  });
});
