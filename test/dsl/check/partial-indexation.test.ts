/**
 * `indexeer … voor <domein> <waarden> [en <domein> <waarden>] met …` (issue 15, item 3): how the selection is read,
 * written back by the formatter, which tables and cells it reaches, and what the editor's language service offers
 * after `voor`.
 */
import { describe, expect, it } from 'vitest';
import { compile, formatText, parse, type Ast, type Ir } from '../../../dsl/index.js';
import { completions, hover, Workspace } from '../../../dsl/service/index.js';
import { effectiveCells } from '../../../src/engine/indexation.js';
import { compileSources } from '../../support/compile.js';

const BASE = `regelset "t"
versie "2023"
geldig vanaf 2023-01-01

domein ob
  OB1
  OB2
  OB3

domein int "Intensiteit"
  licht "Licht"
  zwaar "Zwaar"

domein soort
  a
  b

invoer resultaat
  veld ob: ob
  veld int: int
  veld soort: soort

tabel t in € per week
  rijen ob
  kolommen int
           licht  zwaar
  OB1      1,00   2,00
  OB2      3,00   4,00
  OB3      5,00   6,00

tabel s in € per week
  rijen soort
  a  10,00
  b  20,00

budget voor elk resultaat
  tarief t[ob, int] + s[soort]
  hoeveelheid weken(periode)
  afgerond op centen
`;

const next = (id: string, base: string, from: string, body: string) => ({
  path: `${id}.regels`,
  text: `regelset "t"\nversie "${id}" op basis van "${base}"\ngeldig vanaf ${from}\n\n${body}`,
});

const cells = (ps: Ir.Program[], version: string, table: string): Record<string, string | undefined> => {
  const t = ps.find((p) => p.version === version)?.tables.find((x) => x.name === table);
  if (t === undefined) throw new Error(`${version}: geen tabel ${table}`);
  return Object.fromEntries([...effectiveCells(t)].map(([k, v]) => [k, v?.toFixed(2)]));
};

const selection = (text: string): [string | undefined, string[]][] => {
  const d = parse(`regelset "t"\nversie "2"\ngeldig vanaf 2024-01-01\n${text}\n`, 'x.regels').ast.decls[0];
  if (d?.kind !== 'IndexationDecl') throw new Error('geen indexatie');
  return (d.selection ?? []).map((p: Ast.IndexSelector) => [p.domain?.text, p.values.map((v) => v.text)]);
};

describe('partial indexation: the selection', () => {
  it('groups values under the domain before them; `en` and `,` both separate', () => {
    expect(selection('indexeer t voor ob OB2 met 2 %')).toEqual([['ob', ['OB2']]]);
    expect(selection('indexeer t voor ob OB2 en OB3 met 2 %')).toEqual([['ob', ['OB2', 'OB3']]]);
    expect(selection('indexeer t voor ob OB2, OB3 en int zwaar met 2 %')).toEqual([
      ['ob', ['OB2', 'OB3']],
      ['int', ['zwaar']],
    ]);
    expect(selection('indexeer t, s voor int zwaar, ob OB1 met -1 %')).toEqual([
      ['int', ['zwaar']],
      ['ob', ['OB1']],
    ]);
    // A value without its domain stays visible for the checker (RW6605).
    expect(selection('indexeer t voor OB2 met 2 %')).toEqual([[undefined, ['OB2']]]);
  });

  it('is written back by the formatter in one form, and formatting twice changes nothing', () => {
    const head = 'regelset "t"\nversie "2"\ngeldig vanaf 2024-01-01\n\n';
    const cases: [string, string][] = [
      [
        'indexeer t,s voor ob OB2,OB3 met -3% afgerond op centen',
        'indexeer t, s voor ob OB2 en OB3 met -3 % afgerond op centen',
      ],
      [
        'indexeer t voor ob OB1 , OB3 en int zwaar met 10 %',
        'indexeer t voor ob OB1, OB3 en int zwaar met 10 %',
      ],
      [
        'indexeer alle tabellen voor int licht en ob OB1 en OB2 met 1,5 %',
        'indexeer alle tabellen voor int licht en ob OB1, OB2 met 1,5 %',
      ],
    ];
    for (const [input, expected] of cases) {
      const once = formatText(head + input + '\n', 'x.regels');
      expect(once.ok && once.text).toBe(head + expected + '\n');
      const twice = once.ok ? formatText(once.text, 'x.regels') : once;
      expect(twice.ok && twice.text).toBe(head + expected + '\n');
      // Same meaning: the formatted selection parses to the same groups.
      expect(selection(expected)).toEqual(selection(input));
    }
  });
});

describe('partial indexation: which cells', () => {
  it('indexes only the selected cells; several domains must all match', () => {
    const ps = compileSources([
      { path: '2023.regels', text: BASE },
      next('2024', '2023', '2024-01-01', 'indexeer t voor ob OB1, OB3 en int zwaar met 10 %\n'),
    ]);
    expect(cells(ps, '2024', 't')).toEqual({
      'OB1/licht': '1.00',
      'OB1/zwaar': '2.20',
      'OB2/licht': '3.00',
      'OB2/zwaar': '4.00',
      'OB3/licht': '5.00',
      'OB3/zwaar': '6.60',
    });
    expect(cells(ps, '2024', 's')).toEqual({ a: '10.00', b: '20.00' });
  });

  it('`alle tabellen voor …` reaches only the tables with that key', () => {
    const ps = compileSources([
      { path: '2023.regels', text: BASE },
      next('2024', '2023', '2024-01-01', 'indexeer alle tabellen voor soort b met 50 %\n'),
    ]);
    expect(cells(ps, '2024', 's')).toEqual({ a: '10.00', b: '30.00' });
    expect(cells(ps, '2024', 't')).toEqual(cells(ps, '2023', 't'));
  });

  it('warns when `alle tabellen voor …` finds no table with all those keys', () => {
    const r = compile([
      { path: '2023.regels', text: BASE },
      next('2024', '2023', '2024-01-01', 'indexeer alle tabellen voor ob OB1 en soort a met 1 %\n'),
    ]);
    expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      "RW6604 De selectie 'voor ob OB1 en soort a' raakt geen tabel met bedragen die al deze sleutels heeft: deze indexatie verandert niets.",
    ]);
  });

  it('like a whole-table indexation, applies only to cells an earlier version wrote, and stacks with later ones', () => {
    const ps = compileSources([
      { path: '2023.regels', text: BASE },
      next(
        '2024',
        '2023',
        '2024-01-01',
        'indexeer t voor ob OB2 met -50 %\n\nwijzig tabel t in € per week\n  rijen ob\n  kolommen int\n         zwaar\n  OB2    9,00\n',
      ),
      next(
        '2025',
        '2024',
        '2025-01-01',
        'indexeer alle tabellen met 10 %\nindexeer t voor int zwaar met 100 %\n',
      ),
    ]);
    // OB2/zwaar is written by 2024 itself: not halved. OB2/licht is.
    expect(cells(ps, '2024', 't')['OB2/licht']).toBe('1.50');
    expect(cells(ps, '2024', 't')['OB2/zwaar']).toBe('9.00');
    // 2025: everything +10 %, then the zwaar column doubled.
    expect(cells(ps, '2025', 't')).toEqual({
      'OB1/licht': '1.10',
      'OB1/zwaar': '4.40',
      'OB2/licht': '1.65',
      'OB2/zwaar': '19.80',
      'OB3/licht': '5.50',
      'OB3/zwaar': '13.20',
    });
  });
});

describe('partial indexation in the editor', () => {
  const files = [
    { path: 'r/2023.regels', text: BASE },
    next('2024', '2023', '2024-01-01', 'indexeer t voor ob OB2, OB3 en int zwaar met 2 %\n'),
  ].map((f) => (f.path.startsWith('r/') ? f : { ...f, path: `r/${f.path}` }));
  const ws = new Workspace(files);
  const text = files[1]?.text ?? '';
  const labels = (line: string): string[] => {
    const w = new Workspace(
      files.map((f) =>
        f.path === 'r/2024.regels' ? { ...f, text: text.replace(/indexeer .*\n/, `${line}\n`) } : f,
      ),
    );
    const t = text.replace(/indexeer .*\n/, `${line}\n`);
    return completions(w, 'r/2024.regels', t.indexOf(line) + line.length).map((c) => c.label);
  };

  it('completes the key domains of the named tables after `voor`, and their values after a domain', () => {
    expect(labels('indexeer t voor ')).toEqual(['ob', 'int']);
    expect(labels('indexeer t voor ob ')).toEqual(['OB1', 'OB2', 'OB3']);
    expect(labels('indexeer t voor ob OB2, ')).toEqual(['ob', 'int', 'OB1', 'OB3']);
    expect(labels('indexeer t voor ob OB2 en int ')).toEqual(['licht', 'zwaar']);
    expect(labels('indexeer s voor ')).toEqual(['soort']);
    expect(labels('indexeer t voor ob OB2 ')).toEqual(['en', 'met']);
    expect(labels('indexeer t ')).toEqual(['voor', 'met']);
  });

  it('hovers a selected value as that value of that domain, and the domain itself', () => {
    const value = hover(ws, 'r/2024.regels', text.indexOf('zwaar') + 1);
    expect(value?.markdown).toContain('**zwaar** (waarde van domein int)');
    expect(value?.markdown).toContain('Deze indexatie geldt alleen voor de cellen met int zwaar.');
    const domain = hover(ws, 'r/2024.regels', text.indexOf(' int ') + 2);
    expect(domain?.markdown).toContain('domein **int** — Intensiteit');
  });
});
