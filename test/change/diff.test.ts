/**
 * The version diff (src/change/diff.ts) and its Dutch text (render-diff.ts), as policy advisors read it in the
 * yearly update round: every change reported (omschrijving and bron included), values with their unit,
 * percentages as percentages, per declaration what changed in it, and columns that line up.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, type Ir } from '../../dsl/index.js';
import { diffPrograms, summarize, type ItemChange, type VersionDiff } from '../../src/change/diff.js';
import { renderDiff } from '../../src/change/render-diff.js';
import { loadTwentsModel, RULES_DIR } from '../support/twents-model.js';

const { programs, errors } = loadTwentsModel();
const version = (v: string): Ir.Program => {
  const p = programs.find((x) => x.version === v);
  if (!p) throw new Error(`versie ${v} ontbreekt; compileerfouten: ${errors.join('; ')}`);
  return p;
};
const diff = (from: string, to: string): VersionDiff => diffPrograms(version(from), version(to));

const BASE_2019 = readFileSync(path.join(RULES_DIR, '2019.regels'), 'utf8');

/** The Twents Model 2019 followed by the given versions (texts without their header lines 1–3). */
function compileOn2019(...later: { version: string; base: string; validFrom: string; body: string }[]) {
  const sources = [
    { path: '2019.regels', text: BASE_2019 },
    ...later.map((v) => ({
      path: `${v.version}.regels`,
      text: `regelset "Twents Model"\nversie "${v.version}" op basis van "${v.base}"\ngeldig vanaf ${v.validFrom}\n\n${v.body}`,
    })),
  ];
  const r = compile(sources);
  expect(r.diagnostics.filter((d) => d.severity === 'fout').map((d) => d.message)).toEqual([]);
  const compiled = r.ok ? r.programs : [];
  return (v: string): Ir.Program => {
    const p = compiled.find((x) => x.version === v);
    if (!p) throw new Error(`versie ${v} ontbreekt`);
    return p;
  };
}

const item = (d: VersionDiff, kind: ItemChange['kind'], name: string): ItemChange | undefined =>
  d.items.find((i) => i.kind === kind && i.name === name);

/** Lines of the text that show a tariff cell (indented by four, with an arrow). */
const cellLines = (text: string): string[] => text.split('\n').filter((l) => /^ {4}\S.* → /.test(l));

describe('version diff: omschrijving and bron', () => {
  it('reports the omschrijving and bron a `wijzig tabel` gives (Almelo 2019), as the IR has them', () => {
    const region = version('2019').tables.find((t) => t.name === 'weektarief');
    const almelo = version('2019-almelo').tables.find((t) => t.name === 'weektarief');
    // The IR gives the amended table the label and bron of the `wijzig tabel`.
    expect(almelo?.label).toBe('Weektarief ondersteuningsbehoefte, Almelo');
    const d = diff('2019', '2019-almelo');
    expect(d.items).toEqual([
      {
        kind: 'tabel',
        name: 'weektarief',
        change: 'gewijzigd',
        title: 'tabel weektarief',
        details: [
          `omschrijving "${region?.label}" → "${almelo?.label}"`,
          `bron "${region?.source}" → "${almelo?.source}"`,
        ],
      },
    ]);
    const text = renderDiff(d);
    expect(text).toContain('declaraties: 0 toegevoegd, 0 vervallen, 1 gewijzigd');
    expect(text).toContain(
      '  tabel weektarief gewijzigd:\n' +
        '      omschrijving "Weektarief ondersteuningsbehoefte" → "Weektarief ondersteuningsbehoefte, Almelo"\n' +
        '      bron "Tarievenblad Twents Model 2019 (illustratief)" → "Tarievenblad ondersteuningsbehoeften Almelo 2019 (illustratief)"',
    );
    // The cells are listed under the table's new omschrijving and unit.
    expect(text).toContain('  tabel weektarief "Weektarief ondersteuningsbehoefte, Almelo" in € per week\n');
  });

  it('reports a parameter, table and module declared again with the same values and a new bron or omschrijving', () => {
    const v = compileOn2019({
      version: '2020',
      base: '2019',
      validFrom: '2020-01-01',
      body: `parameter vervoer_per_km = € 0,45 per km
  bron "Raadsbesluit 2020-17 kilometervergoeding"

tabel verblijf_tarief "Wonen en verblijf, tarief per etmaal" in € per etmaal
  rijen verblijfsvorm
  bron "Tarievenblad modules 2020, nieuw vastgesteld"
  gezinshuis     148,50
  residentieel   268,40
  logeren        126,80
  kamertraining   97,30

module vervoer "Vervoer van en naar de hulp"
  bron "Factsheet Twents Model, module Vervoer 2020"
  variant rit "Per rit" tarief vervoer_per_rit
  variant km "Per kilometer" tarief vervoer_per_km
  hoeveelheid aantal
  maximum € 2.500,00
  afgerond op centen
  toegestaan als aantal is niet leeg
  anders "Geef bij vervoer het aantal ritten of kilometers op."
`,
    });
    const d = diffPrograms(v('2019'), v('2020'));
    expect(d.cells).toEqual([]);
    expect(d.items.map((i) => [i.title, i.change, i.details])).toEqual([
      [
        'parameter vervoer_per_km',
        'gewijzigd',
        ['bron "Tarievenblad modules 2019 (illustratief)" → "Raadsbesluit 2020-17 kilometervergoeding"'],
      ],
      [
        'tabel verblijf_tarief',
        'gewijzigd',
        ['bron "Tarievenblad modules 2019 (illustratief)" → "Tarievenblad modules 2020, nieuw vastgesteld"'],
      ],
      [
        'module vervoer',
        'gewijzigd',
        [
          'omschrijving "Vervoer" → "Vervoer van en naar de hulp"',
          'bron "Factsheet Twents Model, module Vervoer (tarieven en maximum illustratief)" → "Factsheet Twents Model, module Vervoer 2020"',
        ],
      ],
    ]);
    const text = renderDiff(d);
    expect(text).toContain('declaraties: 0 toegevoegd, 0 vervallen, 3 gewijzigd');
    // The value did not change: no "€ 0,45 per km → € 0,45 per km".
    expect(text).toContain(
      '  parameter vervoer_per_km gewijzigd: bron "Tarievenblad modules 2019 (illustratief)" → "Raadsbesluit 2020-17 kilometervergoeding"',
    );
    expect(text).not.toMatch(/0,45 per km → € 0,45/);
  });
});

describe('version diff: values with their unit', () => {
  it('shows a percentage parameter as a percentage and an amount with € and its unit', () => {
    const d = diff('2020', '2021-01');
    expect(item(d, 'parameter', 'norm_indirect')).toMatchObject({
      change: 'toegevoegd',
      new: '0.17',
      newText: '17 %',
    });
    const text = renderDiff(d);
    expect(text).toContain('  parameter norm_indirect toegevoegd: 17 %\n');
    expect(text).toContain('  parameter norm_reistijd toegevoegd: 8 %\n');
    expect(text).toContain('  parameter uurtarief toegevoegd: € 64,80 per uur\n');
    expect(text).not.toContain('0,17');
    expect(text).not.toContain('(bestaat niet)');
  });

  it('shows a changed rate with € and its unit, and the change in %', () => {
    const d = diff('2019', '2020');
    expect(item(d, 'parameter', 'vervoer_per_rit')).toMatchObject({
      old: '12.50',
      new: '12.86',
      oldText: '€ 12,50 per rit',
      newText: '€ 12,86 per rit',
      percent: '2.88',
    });
    expect(renderDiff(d)).toContain(
      '  parameter vervoer_per_rit gewijzigd: € 12,50 per rit → € 12,86 per rit (+2,88 %)\n',
    );
  });

  it('keeps all decimals of a rate (a change in the third decimal is a change), its unit, and counts percentages in procentpunt', () => {
    const v = compileOn2019(
      {
        version: '2020',
        base: '2019',
        validFrom: '2020-01-01',
        body: 'parameter vervoer_per_km = € 0,125 per km\n\nparameter korting = 5 %\n\nparameter toeslag = € 2,00 per rit\n',
      },
      {
        version: '2021',
        base: '2020',
        validFrom: '2021-01-01',
        body: 'parameter vervoer_per_km = € 0,126 per km\n\nparameter korting = 7,5 %\n\nparameter toeslag = € 2,00 per km\n',
      },
    );
    const d = diffPrograms(v('2020'), v('2021'));
    expect(item(d, 'parameter', 'vervoer_per_km')).toMatchObject({ old: '0.125', new: '0.126' });
    expect(item(d, 'parameter', 'korting')).toMatchObject({ old: '0.05', new: '0.075', points: '2.5' });
    const text = renderDiff(d);
    expect(text).toContain(
      '  parameter vervoer_per_km gewijzigd: € 0,125 per km → € 0,126 per km (+0,8 %)\n',
    );
    expect(text).toContain('  parameter korting gewijzigd: 5 % → 7,5 % (+2,5 procentpunt)');
    // Only the unit changed: still shown, without a percentage between different units.
    expect(item(d, 'parameter', 'toeslag')).not.toHaveProperty('percent');
    expect(text).toMatch(/^ {2}parameter toeslag gewijzigd: € 2,00 per rit → € 2,00 per km$/m);
  });

  it('shows the cells of a percentage table as percentages, under a heading with the unit', () => {
    const v = compileOn2019(
      {
        version: '2020',
        base: '2019',
        validFrom: '2020-01-01',
        body: `tabel opslag "Opslag per verblijfsvorm" in %
  rijen verblijfsvorm
  gezinshuis     10
  residentieel   12,5
  logeren         -
  kamertraining   0
`,
      },
      {
        version: '2021',
        base: '2020',
        validFrom: '2021-01-01',
        body: 'wijzig tabel opslag in %\n  rijen verblijfsvorm\n  gezinshuis     11\n',
      },
    );
    const d = diffPrograms(v('2020'), v('2021'));
    expect(d.cells).toEqual([
      { table: 'opslag', key: 'gezinshuis', old: '0.1', new: '0.11', delta: '0.01', percent: '10' },
    ]);
    expect(d.tables).toEqual([{ name: 'opslag', label: 'Opslag per verblijfsvorm', unit: '%' }]);
    const text = renderDiff(d);
    expect(text).toContain('  tabel opslag "Opslag per verblijfsvorm" in %\n');
    expect(text).toMatch(/ {4}gezinshuis\s+10 → 11, \+1 \(\+10 %\)$/m);
  });
});

describe('version diff: what changed in a declaration', () => {
  it('says what changed in the budget instead of "budget budget gewijzigd"', () => {
    const d = diff('2020', '2021-01');
    expect(item(d, 'budget', 'budget')).toMatchObject({
      change: 'gewijzigd',
      title: 'budget',
      details: ['indicatieve uren toegevoegd'],
    });
    const text = renderDiff(d);
    expect(text).toContain('  budget gewijzigd: indicatieve uren toegevoegd');
    expect(text).not.toContain('budget budget');
  });

  it('names a calculation by its name, with "(voor elk resultaat)" for one per result', () => {
    expect(renderDiff(diff('2020', '2021-01'))).toMatch(/^ {2}berekening norm_direct toegevoegd$/m);
    expect(renderDiff(diff('2020', '2021-01'))).not.toContain('beschikking:');
    const v = compileOn2019({
      version: '2020',
      base: '2019',
      validFrom: '2020-01-01',
      body: 'bereken duur voor elk resultaat = weken(periode)\n',
    });
    const d = diffPrograms(v('2019'), v('2020'));
    // The name in the JSON stays as it was (the editor finds the definition with it).
    expect(d.items).toEqual([
      {
        kind: 'berekening',
        name: 'resultaat:duur',
        change: 'toegevoegd',
        title: 'berekening duur (voor elk resultaat)',
      },
    ]);
    expect(renderDiff(d)).toMatch(/^ {2}berekening duur \(voor elk resultaat\) toegevoegd$/m);
  });

  it('lists the changed parts of a module and a rule', () => {
    const v = compileOn2019({
      version: '2020',
      base: '2019',
      validFrom: '2020-01-01',
      body: `module vervoer "Vervoer"
  bron "Factsheet Twents Model, module Vervoer (tarieven en maximum illustratief)"
  variant rit "Per rit" tarief vervoer_per_rit
  variant km "Per kilometer" tarief € 0,50 per km
  hoeveelheid aantal
  maximum € 3.000,00
  afgerond op hele euro's
  toegestaan als aantal is niet leeg
  anders "Geef bij vervoer het aantal ritten of kilometers op."
  toegestaan als wet = jeugdwet
  anders "Vervoer alleen onder de Jeugdwet."

regel "Wmo vanaf 18 jaar"
  als wet = wmo en leeftijd < 18 jaar
  dan waarschuwing "Een Wmo-maatwerkvoorziening is er vanaf 18 jaar; voor jongeren geldt de Jeugdwet."
`,
    });
    const d = diffPrograms(v('2019'), v('2020'));
    expect(item(d, 'module', 'vervoer')?.details).toEqual([
      'variant km: tarief vervoer_per_km → € 0,50 per km',
      'maximum € 2.500,00 → € 3.000,00',
      "afronding op centen, half naar boven → op hele euro's, half naar boven",
      'voorwaarde "Vervoer alleen onder de Jeugdwet." toegevoegd',
    ]);
    expect(item(d, 'regel', 'Wmo vanaf 18 jaar')?.details).toEqual(['ernst fout → waarschuwing']);
    const text = renderDiff(d);
    expect(text).toContain(
      '  module vervoer gewijzigd:\n' +
        '      variant km: tarief vervoer_per_km → € 0,50 per km\n' +
        '      maximum € 2.500,00 → € 3.000,00\n',
    );
    expect(text).toContain('  regel "Wmo vanaf 18 jaar" gewijzigd: ernst fout → waarschuwing');
  });

  it('says for every changed declaration between the versions of the Twents Model what changed', () => {
    const versions = ['2019', '2020', '2021-01', '2021-07', '2022'];
    for (const [i, from] of versions.entries()) {
      for (const to of versions.slice(i + 1)) {
        for (const c of diff(from, to).items.filter((x) => x.change === 'gewijzigd')) {
          const valueMoved = c.old !== undefined && c.new !== undefined && c.old !== c.new;
          expect(valueMoved || (c.details ?? []).length > 0, `${from} → ${to}: ${c.title}`).toBe(true);
        }
      }
    }
  });
});

describe('version diff: the summary and the layout', () => {
  it('counts declarations added, withdrawn and changed separately', () => {
    const d = diff('2019', '2022');
    const count = (change: ItemChange['change']) => d.items.filter((i) => i.change === change).length;
    expect(summarize(d).items).toEqual({
      added: count('toegevoegd'),
      removed: count('vervallen'),
      changed: count('gewijzigd'),
    });
    // 2022 adds three calculations and two combinatie rules, rewrites consultatie_diagnostiek, and adds the
    // declared unit dagdeel with dagbesteding_groep and its parameter (issue 15).
    expect([count('toegevoegd'), count('vervallen'), count('gewijzigd')]).toEqual([18, 1, 6]);
    expect(renderDiff(d)).toContain(
      '  tariefcellen: 79 gewijzigd, 3 nieuw, 0 vervallen; declaraties: 18 toegevoegd, 1 vervallen, 6 gewijzigd\n',
    );
  });

  it('lines up the old and new columns of every cell, new cells included', () => {
    const text = renderDiff(diff('2019', '2022'));
    const lines = cellLines(text);
    expect(lines.length).toBe(82);
    expect(new Set(lines.map((l) => l.indexOf(' → '))).size).toBe(1);
    expect(text).toMatch(/^ {4}klein\s+nieuw → \s*0,6$/m);
    expect(text).toMatch(/^ {4}ontwikkelen\/OB2\/midden\/B\s+136,20 → \s*146,72, \+10,52 \(\+7,7239 %\)$/m);
    expect(text).not.toContain('(bestaat niet)');
  });

  it('marks a withdrawn cell as vervallen in the new column', () => {
    const v = compileOn2019(
      {
        version: '2020',
        base: '2019',
        validFrom: '2020-01-01',
        body: 'tabel extra "Extra" in € per rit\n  rijen verblijfsvorm\n  gezinshuis 1,00\n  residentieel 2,00\n  logeren 3,00\n  kamertraining 4,00\n',
      },
      { version: '2021', base: '2020', validFrom: '2021-01-01', body: 'vervalt tabel extra\n' },
    );
    const d = diffPrograms(v('2020'), v('2021'));
    expect(summarize(d)).toMatchObject({ changedCells: 0, added: 0, removed: 4 });
    const text = renderDiff(d);
    expect(text).toContain('  tabel extra vervallen');
    expect(text).toMatch(/^ {4}gezinshuis\s+1,00 → vervallen$/m);
    expect(new Set(cellLines(text).map((l) => l.indexOf(' → '))).size).toBe(1);
  });

  it('says so when two versions do not differ', () => {
    expect(renderDiff(diff('2019', '2019'))).toBe(
      'Verschil van versie 2019 naar versie 2019\n' +
        '  tariefcellen: 0 gewijzigd, 0 nieuw, 0 vervallen; declaraties: 0 toegevoegd, 0 vervallen, 0 gewijzigd\n' +
        '  Geen verschillen.',
    );
  });
});
