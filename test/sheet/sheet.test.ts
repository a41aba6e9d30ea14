/**
 * The tariff sheet (src/sheet/sheet.ts): every table and parameter of a version as it applies there, with
 * where each value comes from; the indexation hover (indexation-effect.ts) and the text of `regelwerk tarieven`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, type Ir } from '../../dsl/index.js';
import { indexationEffect, indexationMarkdown } from '../../src/sheet/indexation-effect.js';
import { originText, renderSheet } from '../../src/sheet/render-sheet.js';
import { buildSheet, sheetCellAt } from '../../src/sheet/sheet.js';
import { cli } from '../support/cli.js';
import { loadTwentsModel } from '../support/twents-model.js';

const { programs, errors, texts } = loadTwentsModel();
const version = (v: string): Ir.Program => {
  const p = programs.find((x) => x.version === v);
  if (!p) throw new Error(`versie ${v} ontbreekt; compileerfouten: ${errors.join('; ')}`);
  return p;
};

describe('the tariff sheet of a version', () => {
  it('shows weektarief[ontwikkelen, OB2, midden, C] in 2022 as € 188,41: written in 2019, indexed in 2020 and 2022', () => {
    const sheet = buildSheet(version('2022'));
    const cell = sheetCellAt(sheet, 'weektarief', 'ontwikkelen/OB2/midden/C');
    expect(cell?.value).toBe('188.41');
    expect(cell?.text).toBe('€ 188,41');
    expect(cell?.origin.written).toMatchObject({ version: '2019', value: '174.90', validFrom: '2019-01-01' });
    expect(cell?.origin.written.file).toMatch(/2019\.regels$/);
    expect(cell?.origin.indexed.map((s) => [s.version, s.fraction, s.after])).toEqual([
      ['2020', '0.0285', '179.88'],
      ['2022', '0.0474', '188.41'],
    ]);
    expect(originText(cell!.origin)).toBe(
      'geschreven in versie 2019 (2019-01-01), geïndexeerd in 2020 (+2,85 %) en 2022 (+4,74 %); ' +
        'bron: Tarievenblad Twents Model 2019 (illustratief)',
    );
    // The written span points at the cell's text in 2019.regels.
    const w = cell!.origin.written;
    expect(texts[w.file]?.slice(w.span.start, w.span.end)).toBe('174,90');
  });

  it('lays a table out as the file does: row keys, column keys, one cell per column', () => {
    const t = buildSheet(version('2022')).tables.find((x) => x.name === 'weektarief');
    expect(t?.rowKeys).toEqual(['perspectief', 'ondersteuningsbehoefte']);
    expect(t?.columns.map((c) => c.join('/'))).toEqual([
      'licht/A',
      'licht/B',
      'midden/B',
      'midden/C',
      'zwaar/C',
      'zwaar/D',
    ]);
    expect(t?.rows).toHaveLength(8);
    expect(t?.rows.every((r) => r.cells.every((c) => c !== undefined))).toBe(true);
  });

  it('keeps a table that is not a tariff out of the indexation (groepsfactor in getal)', () => {
    const t = buildSheet(version('2022')).tables.find((x) => x.name === 'groepsfactor');
    const klein = t?.rows.find((r) => r.key[0] === 'klein')?.cells[0];
    expect(klein?.text).toBe('0,6');
    expect(klein?.origin.written.version).toBe('2021-07');
    expect(klein?.origin.indexed).toEqual([]);
    expect(t?.columns).toEqual([[]]);
  });

  it('shows a municipal override: Almelo writes rows OB1 and OB2, the rest is regional', () => {
    const sheet = buildSheet(version('2019-almelo'));
    expect(sheet.municipality).toBe('Almelo');
    const own = sheetCellAt(sheet, 'weektarief', 'ontwikkelen/OB2/midden/B');
    const regional = sheetCellAt(sheet, 'weektarief', 'ontwikkelen/OB3/zwaar/D');
    expect(own?.text).toBe('€ 144,00');
    expect(own?.origin.written.version).toBe('2019-almelo');
    expect(own?.origin.written.bron).toMatch(/Almelo/);
    expect(regional?.origin.written.version).toBe('2019');
  });

  it('shows a `-` cell as "-" and parameters with their unit and indexations', () => {
    const sheet = buildSheet(version('2022'));
    expect(sheetCellAt(sheet, 'maatregelhulp_tarief', 'geen')?.text).toBe('-');
    const rit = sheet.parameters.find((p) => p.name === 'vervoer_per_rit');
    expect(rit?.text).toBe('€ 13,47 per rit');
    expect(rit?.origin.indexed.map((s) => [s.version, s.after])).toEqual([
      ['2020', '12.86'],
      ['2022', '13.47'],
    ]);
    const norm = sheet.parameters.find((p) => p.name === 'norm_indirect');
    expect(norm?.text).toBe('17 %');
    expect(norm?.origin.indexed).toEqual([]);
  });
});

describe('what an indexation does (hover on indexeer)', () => {
  it('counts the cells per table and gives the range old → new', () => {
    const file = Object.keys(texts).find((f) => f.endsWith('2022.regels'))!;
    const offset = texts[file]!.indexOf('indexeer alle tarieven') + 2;
    const e = indexationEffect(version('2022'), file, offset);
    expect(e?.percent).toBe('+4,74 %');
    const week = e?.tables.find((t) => t.table === 'weektarief');
    expect(week?.cells).toBe(48);
    expect(week?.lowest).toEqual({ before: '€ 57,80', after: '€ 60,54' });
    expect(week?.highest).toEqual({ before: '€ 410,68', after: '€ 430,15' });
    expect(e?.tables.map((t) => t.table)).not.toContain('groepsfactor');
    expect(e?.parameters.find((p) => p.name === 'vervoer_per_rit')).toEqual({
      name: 'vervoer_per_rit',
      before: '€ 12,86 per rit',
      after: '€ 13,47 per rit',
    });
    expect(indexationMarkdown(e!)).toMatch(
      /^\*\*Indexatie \+4,74 %\*\* in versie 2022: 79 tariefcellen in 4 tabellen en 4 parameters\./,
    );
  });

  it('is nothing outside an indexeer line', () => {
    const file = Object.keys(texts).find((f) => f.endsWith('2022.regels'))!;
    expect(indexationEffect(version('2022'), file, 0)).toBeUndefined();
  });
});

describe('regelwerk tarieven', () => {
  it('prints the sheet of a version in Dutch notation, with the origin on request', async () => {
    const r = await cli(
      'tarieven',
      '--regels',
      'rules/twents-model',
      '2022',
      '--tabel',
      'weektarief',
      '--herkomst',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Tarievenblad Twents Model, versie 2022 \(vastgesteld, geldig vanaf 2022-01-01\)/);
    expect(r.out).toMatch(
      /^ {2}ontwikkelen {3}OB2 {4}77,35 {3}109,23 {4}146,72 {4}188,41 {3}245,72 {3}317,36$/m,
    );
    expect(r.out).toMatch(
      /ontwikkelen\/OB2\/midden\/C +188,41 +geschreven in versie 2019 \(2019-01-01\), geïndexeerd in 2020 \(\+2,85 %\) en 2022 \(\+4,74 %\)/,
    );
  });

  it('gives JSON, and refuses an unknown version or table with the known ones (exit 2)', async () => {
    const j = await cli('tarieven', '--regels', 'rules/twents-model', '2019', '--json');
    expect(j.code).toBe(0);
    const sheet = JSON.parse(j.out) as { kind: string; tables: { name: string }[] };
    expect(sheet.kind).toBe('tarieven');
    expect(sheet.tables.map((t) => t.name)).toContain('weektarief');
    const v = await cli('tarieven', '--regels', 'rules/twents-model', '2099');
    expect(v.code).toBe(2);
    expect(v.err).toMatch(/onbekende versie '2099'\. Bekende versies: 2019, 2020/);
    const t = await cli('tarieven', '--regels', 'rules/twents-model', '2019', '--tabel', 'weektarif');
    expect(t.code).toBe(2);
    expect(t.err).toMatch(/geen tabel 'weektarif'/);
  });

  it('renders every table of the version and the parameters', () => {
    const text = renderSheet(buildSheet(version('2021-07')));
    for (const t of ['weektarief', 'cd_tarief', 'verblijf_tarief', 'maatregelhulp_tarief', 'groepsfactor'])
      expect(text).toContain(`tabel ${t} `);
    expect(text).toMatch(/^ {2}dakje_gezinshuis_plus +€ 38,50 per etmaal$/m);
  });

  it('shows a rate per declared unit (eenheid dagdeel, 2022) with that unit', () => {
    const text = renderSheet(buildSheet(version('2022')));
    expect(text).toMatch(/^ {2}dagbesteding_per_dagdeel +€ 38,75 per dagdeel$/m);
  });
});

describe('a verlaging (a negative indexation)', () => {
  it('shows the lower value with a minus sign in the origin and the hover', () => {
    const dir = path.join('test', 'fixtures', 'versions', 'good', 'indexatie-verlaging');
    const sources = ['2023.regels', '2024.regels'].map((f) => ({
      path: path.join(dir, f),
      text: readFileSync(path.join(dir, f), 'utf8'),
    }));
    const r = compile(sources);
    expect(r.diagnostics.filter((d) => d.severity === 'fout')).toEqual([]);
    const v2024 = r.ok ? r.programs.find((p) => p.version === '2024') : undefined;
    const cell = sheetCellAt(buildSheet(v2024!), 't', 'OB1/licht');
    expect(cell?.text).toBe('€ 0,97');
    expect(originText(cell!.origin)).toMatch(/geïndexeerd in 2024 \(-3 %\)/);
    const file = sources[1]!;
    const e = indexationEffect(v2024!, file.path, file.text.indexOf('indexeer') + 1);
    expect(indexationMarkdown(e!)).toMatch(
      /^\*\*Indexatie -3 %\*\* in versie 2024: 4 tariefcellen in 1 tabel\./,
    );
  });
});
