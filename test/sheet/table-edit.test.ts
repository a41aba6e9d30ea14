/**
 * Editing a tariff cell as text (src/sheet/table-edit.ts): the smallest correct `wijzig tabel`, formatted, that
 * compiles and that the version diff reports as exactly the changed cell; and reading what an advisor types.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, formatText, type Ir } from '../../dsl/index.js';
import { diffPrograms } from '../../src/change/diff.js';
import { diffCsv } from '../../src/change/diff-csv.js';
import { parseCellEntry } from '../../src/sheet/cell-text.js';
import { buildSheet, sheetCellAt } from '../../src/sheet/sheet.js';
import { editParameter } from '../../src/sheet/parameter-edit.js';
import { editTableCell } from '../../src/sheet/table-edit.js';
import { RULES_DIR } from '../support/twents-model.js';

const REGIONAL = ['2019', '2020', '2021-01', '2021-07', '2022'].map((v) => ({
  path: `${v}.regels`,
  text: readFileSync(path.join(RULES_DIR, `${v}.regels`), 'utf8'),
}));
const FILE = '2023.regels';
const CONCEPT = `regelset "Twents Model"
versie "2023" op basis van "2022"
geldig vanaf 2023-01-01
status concept
bron "Concept 2023"

indexeer alle tarieven met 3 % afgerond op centen

// De scenario's volgen.
scenario "leeg"
  gegeven
    gemeente = Hengelo
    wet = jeugdwet
    geboortedatum = 2010-05-01
    ingangsdatum = 2023-01-01
    verwijzer = toegang
  verwacht geen fouten
`;

function programs(text: string): { v2022: Ir.Program; v2023: Ir.Program } {
  const r = compile([...REGIONAL, { path: FILE, text }]);
  expect(r.diagnostics.filter((d) => d.severity === 'fout').map((d) => d.message)).toEqual([]);
  if (!r.ok) throw new Error('compileert niet');
  const get = (v: string) => r.programs.find((p) => p.version === v)!;
  return { v2022: get('2022'), v2023: get('2023') };
}

/** Edits one cell of weektarief in the concept text; fails the test when the edit is refused. */
function edit(text: string, key: string, typed: string): string {
  const { v2022, v2023 } = programs(text);
  const r = editTableCell({
    file: FILE,
    text,
    program: v2023,
    base: v2022,
    table: 'weektarief',
    key: key.split('/'),
    typed,
  });
  if (!r.ok) throw new Error(r.fout);
  return r.text;
}

const blocks = (text: string): number => text.match(/^wijzig tabel weektarief/gm)?.length ?? 0;

describe('editing a tariff cell writes the smallest correct wijzig tabel', () => {
  it('adds a block with only the changed column and row, formatted, before the scenarios', () => {
    const next = edit(CONCEPT, 'ontwikkelen/OB2/midden/C', '190');
    expect(next).toContain(
      [
        'indexeer alle tarieven met 3 % afgerond op centen',
        '',
        'wijzig tabel weektarief in € per week',
        '  rijen perspectief, ondersteuningsbehoefte',
        '  kolommen intensiteit/bandbreedte',
        '                    midden/C',
        '  ontwikkelen  OB2    190,00',
        '',
        "// De scenario's volgen.",
      ].join('\n'),
    );
    const f = formatText(next, FILE);
    expect(f.ok && f.text).toBe(next);
    // The diff against the version before the edit: exactly that one cell, no declaration.
    const before = programs(CONCEPT).v2023;
    const after = programs(next).v2023;
    const d = diffPrograms(before, after);
    expect(d.cells).toEqual([
      {
        table: 'weektarief',
        key: 'ontwikkelen/OB2/midden/C',
        old: '194.06',
        new: '190.00',
        delta: '-4.06',
        percent: '-2.0921',
      },
    ]);
    expect(d.items).toEqual([]);
    // Written in this version, the value is not indexed again by its own indexeer.
    expect(sheetCellAt(buildSheet(after), 'weektarief', 'ontwikkelen/OB2/midden/C')?.origin.indexed).toEqual(
      [],
    );
  });

  it('adds a column to the row that already changes, and a second block for a row that changes other columns', () => {
    let text = edit(CONCEPT, 'ontwikkelen/OB2/midden/C', '190');
    text = edit(text, 'ontwikkelen/OB2/midden/B', '150,5');
    expect(blocks(text)).toBe(1);
    expect(text).toMatch(/^ {2}ontwikkelen {2}OB2 {4}150,50 {4}190,00$/m);
    text = edit(text, 'stabiliseren/OB1/licht/A', '€ 1.000');
    expect(blocks(text)).toBe(2);
    expect(text).toMatch(/^ {2}stabiliseren {2}OB1 {2}1\.000,00$/m);
    const d = diffPrograms(programs(CONCEPT).v2023, programs(text).v2023);
    expect(d.cells.map((c) => `${c.key} ${c.new}`)).toEqual([
      'ontwikkelen/OB2/midden/B 150.50',
      'ontwikkelen/OB2/midden/C 190.00',
      'stabiliseren/OB1/licht/A 1000.00',
    ]);
  });

  it('changes a cell the file already writes in place', () => {
    const once = edit(CONCEPT, 'ontwikkelen/OB2/midden/C', '190');
    const twice = edit(once, 'ontwikkelen/OB2/midden/C', '191,25');
    expect(twice).toBe(once.replace('190,00', '191,25'));
  });

  it('takes a cell out again when it gets the value the version inherits, and the block when it is empty', () => {
    let text = edit(CONCEPT, 'ontwikkelen/OB2/midden/C', '190');
    text = edit(text, 'ontwikkelen/OB2/midden/B', '150,5');
    // 146,72 (2022) + 3 % = 151,12: the inherited value.
    text = edit(text, 'ontwikkelen/OB2/midden/B', '151,12');
    expect(text).not.toContain('midden/B');
    expect(text).toContain('190,00');
    text = edit(text, 'ontwikkelen/OB2/midden/C', '194,06');
    expect(blocks(text)).toBe(0);
    expect(text).toBe(CONCEPT);
  });

  it('keeps the omschrijving and bron of an existing block', () => {
    const own = CONCEPT.replace(
      "// De scenario's",
      [
        'wijzig tabel weektarief "Weektarief 2023" in € per week',
        '  rijen perspectief, ondersteuningsbehoefte',
        '  kolommen intensiteit/bandbreedte',
        '  bron "Besluit 2023"',
        '                  licht/A',
        '  ontwikkelen  OB1  70,00',
        '',
        "// De scenario's",
      ].join('\n'),
    );
    const next = edit(own, 'stabiliseren/OB4/zwaar/D', '400');
    expect(blocks(next)).toBe(2);
    expect(next.match(/bron "Besluit 2023"/g)).toHaveLength(2);
    expect(next.match(/"Weektarief 2023"/g)).toHaveLength(1);
    expect(programs(next).v2023.tables.find((t) => t.name === 'weektarief')?.label).toBe('Weektarief 2023');
  });

  it('refuses a version that is vastgesteld, a wrong number and an unknown table, in Dutch', () => {
    const { v2022 } = programs(CONCEPT);
    const text = REGIONAL[4]!.text;
    const adopted = editTableCell({
      file: '2022.regels',
      text,
      program: v2022,
      base: undefined,
      table: 'weektarief',
      key: ['ontwikkelen', 'OB2', 'midden', 'C'],
      typed: '1',
    });
    expect(adopted).toEqual({
      ok: false,
      fout: 'Versie 2022 is vastgesteld: alleen een conceptversie kan worden gewijzigd.',
    });
    const { v2023 } = programs(CONCEPT);
    const bad = editTableCell({
      file: FILE,
      text: CONCEPT,
      program: v2023,
      base: v2022,
      table: 'weektarief',
      key: ['ontwikkelen', 'OB2', 'midden', 'C'],
      typed: '188.41',
    });
    expect(bad).toEqual({ ok: false, fout: "'188.41': schrijf decimalen met een komma, zoals 188,41." });
    const none = editTableCell({
      file: FILE,
      text: CONCEPT,
      program: v2023,
      base: v2022,
      table: 'weektarif',
      key: [],
      typed: '1',
    });
    expect(none.ok).toBe(false);
  });
});

describe('reading what an advisor types in a cell', () => {
  const money: Ir.Type = { kind: 'rate', per: 'week' };
  it.each([
    ['190', '190', '190,00'],
    ['190,5', '190.5', '190,50'],
    ['€ 1.234,56', '1234.56', '1.234,56'],
    ['  188,41 ', '188.41', '188,41'],
    ['0,125', '0.125', '0,125'],
    ['€ 12,50 per week', '12.5', '12,50'],
  ])('reads %j in a € table', (typed, value, written) => {
    expect(parseCellEntry(money, typed)).toEqual({ ok: true, value, written });
  });

  it('reads a percentage as a fraction, "-" as no cell, and refuses what is not a Dutch number', () => {
    expect(parseCellEntry({ kind: 'percent' }, '17,5 %')).toEqual({
      ok: true,
      value: '0.175',
      written: '17,5',
    });
    expect(parseCellEntry(money, '-')).toEqual({ ok: true, value: null, written: '-' });
    for (const bad of ['', 'abc', '12,3,4', '-5', '1,1234567'])
      expect(parseCellEntry(money, bad)).toMatchObject({ ok: false, fout: expect.any(String) });
    expect(parseCellEntry(money, '1.234')).toEqual({ ok: true, value: '1234', written: '1.234,00' });
    expect(parseCellEntry(money, '9'.repeat(13))).toEqual({
      ok: false,
      fout: "'9999999999999' is te groot: hoogstens 12 cijfers voor de komma.",
    });
    const pasted = parseCellEntry(money, 'x'.repeat(100_000));
    expect(pasted.ok === false && pasted.fout.length).toBeLessThan(120);
  });
});

describe('the comparison as CSV', () => {
  it('has a row per changed cell and per declaration, quoted where needed', () => {
    const { v2022 } = programs(CONCEPT);
    const r = compile(REGIONAL);
    const v2019 = r.ok ? r.programs.find((p) => p.version === '2019')! : undefined;
    const d = diffPrograms(v2019!, v2022);
    const csv = diffCsv(d);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'van,naar,soort,tabel_of_declaratie,cel_of_naam,wijziging,oud,nieuw,verschil,procent,toelichting',
    );
    expect(lines).toContain(
      '2019,2022,tariefcel,weektarief,ontwikkelen/OB2/midden/C,gewijzigd,174.90,188.41,13.51,7.7244,',
    );
    expect(lines.length).toBe(1 + d.cells.length + d.items.length);
    expect(lines.filter((l) => l.includes(',declaratie,')).length).toBe(d.items.length);
    // A declaration's title has quotes and commas: quoted as RFC 4180 says.
    expect(csv).toMatch(/,"regel ""[^"]+""[^\r\n]*"\r\n/);
  });
});

describe('tables of other shapes', () => {
  it('writes a table without column keys (groepsfactor in getal)', () => {
    const { v2022, v2023 } = programs(CONCEPT);
    const r = editTableCell({
      file: FILE,
      text: CONCEPT,
      program: v2023,
      base: v2022,
      table: 'groepsfactor',
      key: ['middel'],
      typed: '0,5',
    });
    expect(r.ok).toBe(true);
    const text = r.ok ? r.text : '';
    expect(text).toContain(
      ['wijzig tabel groepsfactor in getal', '  rijen groepsgrootte', '  middel  0,5'].join('\n'),
    );
    const d = diffPrograms(v2023, programs(text).v2023);
    expect(d.cells.map((c) => [c.key, c.old, c.new])).toEqual([['middel', '0.45', '0.5']]);
  });

  it('changes a cell in place in the file that defines the table', () => {
    const own = CONCEPT.replace(
      "// De scenario's",
      [
        'tabel toeslag "Toeslag" in %',
        '  rijen wet',
        '  jeugdwet  5',
        '  wmo       7,5',
        '',
        "// De scenario's",
      ].join('\n'),
    );
    const { v2022, v2023 } = programs(own);
    const r = editTableCell({
      file: FILE,
      text: own,
      program: v2023,
      base: v2022,
      table: 'toeslag',
      key: ['wmo'],
      typed: '8 %',
    });
    expect(r.ok && r.text).toBe(own.replace('wmo       7,5', 'wmo       8'));
    const t = programs(r.ok ? r.text : own).v2023.tables.find((x) => x.name === 'toeslag');
    expect(t?.cells.find((c) => c.key[0] === 'wmo')?.value).toBe('0.08');
  });
});

describe('editing a parameter from the sheet', () => {
  it('declares an inherited parameter in the concept with its bron; the diff shows only its value', () => {
    const { v2023 } = programs(CONCEPT);
    const r = editParameter({
      file: FILE,
      text: CONCEPT,
      program: v2023,
      name: 'vervoer_per_rit',
      typed: '14',
    });
    expect(r.ok).toBe(true);
    const text = r.ok ? r.text : '';
    expect(text).toContain(
      [
        'indexeer alle tarieven met 3 % afgerond op centen',
        '',
        'parameter vervoer_per_rit = € 14,00 per rit',
        '  bron "Tarievenblad modules 2019 (illustratief)"',
      ].join('\n'),
    );
    const d = diffPrograms(v2023, programs(text).v2023);
    expect(d.cells).toEqual([]);
    expect(
      d.items.map((i) => `${i.name} ${i.oldText} → ${i.newText} ${(i.details ?? []).join('; ')}`),
    ).toEqual(['vervoer_per_rit € 13,87 per rit → € 14,00 per rit ']);
    // Then changed in place.
    const again = editParameter({
      file: FILE,
      text,
      program: programs(text).v2023,
      name: 'vervoer_per_rit',
      typed: '€ 14,25',
    });
    expect(again.ok && again.text).toBe(text.replace('€ 14,00 per rit', '€ 14,25 per rit'));
  });

  it('writes nothing for the value it already has, refuses a `-` and writes a percentage', () => {
    const { v2023 } = programs(CONCEPT);
    const same = editParameter({
      file: FILE,
      text: CONCEPT,
      program: v2023,
      name: 'vervoer_per_rit',
      typed: '13,87',
    });
    expect(same).toMatchObject({ ok: true, changed: false, text: CONCEPT });
    const dash = editParameter({
      file: FILE,
      text: CONCEPT,
      program: v2023,
      name: 'vervoer_per_rit',
      typed: '-',
    });
    expect(dash.ok).toBe(false);
    const pct = editParameter({
      file: FILE,
      text: CONCEPT,
      program: v2023,
      name: 'norm_indirect',
      typed: '18 %',
    });
    expect(pct.ok && pct.text).toContain('parameter norm_indirect = 18 %');
  });
});
