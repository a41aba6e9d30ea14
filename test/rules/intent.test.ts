/**
 * Tests of intent: each version of the Twents Model changes exactly what it says it changes, and nothing else.
 * They compare versions structurally (per tariff cell, per declaration) with src/change/diff.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Ir } from '../../dsl/index.js';
import { diffPrograms, type VersionDiff } from '../../src/change/diff.js';
import { effectiveCells } from '../../src/change/effective-tables.js';
import { dec, moneyString } from '../../src/engine/decimal.js';
import { loadTwentsModel } from '../support/twents-model.js';

const { programs, errors } = loadTwentsModel();
const version = (v: string): Ir.Program => {
  const p = programs.find((x) => x.version === v);
  if (!p) throw new Error(`versie ${v} ontbreekt; compileerfouten: ${errors.join('; ')}`);
  return p;
};

/** Every cell of the named tables moved by exactly `pct` %, rounded to cents; no other cell moved. */
function expectIndexation(d: VersionDiff, before: Ir.Program, tables: readonly string[], fraction: string) {
  const expected: string[] = [];
  for (const name of tables) {
    const t = before.tables.find((x) => x.name === name);
    expect(t, `tabel ${name}`).toBeDefined();
    for (const [key, value] of effectiveCells(t as Ir.TableDef)) {
      if (value === undefined) continue;
      const indexed = value.times(dec(1).plus(dec(fraction))).toDecimalPlaces(2);
      if (!indexed.eq(value))
        expected.push(`${name}[${key}] ${moneyString(value)} → ${moneyString(indexed)}`);
    }
  }
  const actual = d.cells.map((c) => `${c.table}[${c.key}] ${c.old} → ${c.new}`);
  expect(actual.sort()).toEqual(expected.sort());
}

/** What 2022 changes besides parameters: consultatie en diagnostiek reads its result, combinatie rules. */
const EXPECTED_2022_ITEMS = [
  'berekening module:cd_behoefte toegevoegd',
  'berekening module:cd_intensiteit toegevoegd',
  'berekening module:cd_perspectief toegevoegd',
  'eenheid dagdeel toegevoegd',
  'module consultatie_diagnostiek gewijzigd',
  'module dagbesteding_groep toegevoegd',
  'regel Hoogstens één resultaat stabiliseren toegevoegd',
  'regel Niet twee resultaten met dezelfde ondersteuningsbehoefte tegelijk toegevoegd',
];

const itemNames = (d: VersionDiff) => d.items.map((i) => `${i.kind} ${i.name} ${i.change}`).sort();

describe('intent of each version', () => {
  it('compiles', () => expect(errors).toEqual([]));

  it('2020: all tariffs +2,85 % (rounded to cents), transport by hand, nothing else', () => {
    const before = version('2019');
    const d = diffPrograms(before, version('2020'));
    expectIndexation(
      d,
      before,
      before.tables.map((t) => t.name),
      '0.0285',
    );
    expect(itemNames(d)).toEqual([
      'parameter vervoer_per_km gewijzigd',
      'parameter vervoer_per_rit gewijzigd',
    ]);
    for (const p of d.items) {
      const raw = dec(p.old ?? '0').times('1.0285');
      expect(p.new, p.name).toBe(moneyString(raw.toDecimalPlaces(2)));
    }
  });

  it('2021-01: time norms and indicative hours; no tariff moves', () => {
    const d = diffPrograms(version('2020'), version('2021-01'));
    expect(d.cells).toEqual([]);
    const names = itemNames(d);
    expect(names).toContain('budget budget gewijzigd');
    expect(
      names.every((n) =>
        /^(parameter \S+ toegevoegd|berekening \S+ toegevoegd|budget budget gewijzigd)$/.test(n),
      ),
    ).toBe(true);
    expect(version('2021-01').budget?.hours).toBeDefined();
  });

  it('2021-07 (APK-week): gezinshuis+, group-based support, wider combinations; existing tariffs untouched', () => {
    const d = diffPrograms(version('2021-01'), version('2021-07'));
    expect(d.cells.every((c) => c.table === 'groepsfactor' && c.old === undefined)).toBe(true);
    expect(itemNames(d)).toEqual(
      [
        'budget budget gewijzigd',
        'domein groepsgrootte toegevoegd',
        'invoer resultaat.groepsgrootte toegevoegd',
        'module wonen_verblijf gewijzigd',
        'parameter dakje_gezinshuis_plus toegevoegd',
        'regel Geen consultatie en diagnostiek naast wonen en verblijf vervallen',
        'regel Gezinshuis+ alleen tot bandbreedte B toegevoegd',
        'regel Groepsgerichte inzet niet bij intensiteit zwaar toegevoegd',
        'regel Maximaal aantal resultaten per beschikking gewijzigd',
        'tabel groepsfactor toegevoegd',
      ].sort(),
    );
    const verblijf = version('2021-07').modules.find((m) => m.name === 'wonen_verblijf');
    expect(verblijf?.variants.map((v) => v.name)).toContain('gezinshuis_plus');
  });

  it('2022: the four tariff tables +4,74 %, group factors not indexed, hand-indexed parameters', () => {
    const before = version('2021-07');
    const d = diffPrograms(before, version('2022'));
    expectIndexation(
      d,
      before,
      ['weektarief', 'cd_tarief', 'verblijf_tarief', 'maatregelhulp_tarief'],
      '0.0474',
    );
    expect(d.cells.some((c) => c.table === 'groepsfactor')).toBe(false);
    // Besides the indexation, 2022 deliberately lets consultatie en diagnostiek read its result, adds two
    // combinatie rules across results (issue 15 item 8) and dagbesteding per declared dagdeel with its
    // parameter (item 1); nothing else changes.
    const added = d.items.filter((i) => i.kind === 'parameter' && i.change === 'toegevoegd');
    expect(added.map((i) => `${i.name} ${i.new ?? ''}`)).toEqual(['dagbesteding_per_dagdeel 38.75']);
    const params = d.items.filter((i) => i.kind === 'parameter' && i.change !== 'toegevoegd');
    expect(params.every((i) => i.change === 'gewijzigd')).toBe(true);
    expect(itemNames({ ...d, items: d.items.filter((i) => i.kind !== 'parameter') })).toEqual(
      EXPECTED_2022_ITEMS,
    );
    for (const p of params) {
      expect(p.new, p.name).toBe(
        moneyString(
          dec(p.old ?? '0')
            .times('1.0474')
            .toDecimalPlaces(2),
        ),
      );
    }
  });

  it('Almelo 2019: only its own OB1/OB2 rows of the weekly tariff (with its omschrijving and bron) differ from the region', () => {
    const d = diffPrograms(version('2019'), version('2019-almelo'));
    expect(itemNames(d)).toEqual(['tabel weektarief gewijzigd']);
    expect(d.items[0]?.details?.map((x) => x.split(' ')[0])).toEqual(['omschrijving', 'bron']);
    expect(d.cells.length).toBeGreaterThan(0);
    for (const c of d.cells) {
      expect(c.table).toBe('weektarief');
      expect(c.key).toMatch(/^(ontwikkelen|stabiliseren)\/OB[12]\//);
    }
  });
});
