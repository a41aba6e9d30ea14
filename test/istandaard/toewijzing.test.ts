/**
 * Golden JW301/WMO301 messages of the Twents Model (test/fixtures/istandaard/cases/<naam>.json →
 * <naam>.xml, reviewed as text; UPDATE_GOLDEN=1 rewrites them), each also validated against our own minimal
 * XSD of the structure (test/fixtures/istandaard/xsd-jw, xsd-wmo), and the change messages with an earlier one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ir } from '../../dsl/index.js';
import { createEngine } from '../../src/engine/evaluate.js';
import { buildToewijzing, type ToewijzingOptions } from '../../src/istandaard/build.js';
import { validateWithXsd } from '../../src/istandaard/validate-xsd.js';
import { readXml } from '../../src/istandaard/xml.js';
import { expectGolden } from '../support/golden.js';
import { loadTwentsModel } from '../support/twents-model.js';

const DIR = 'test/fixtures/istandaard/cases';
const XSD = { jeugdwet: 'test/fixtures/istandaard/xsd-jw', wmo: 'test/fixtures/istandaard/xsd-wmo' } as const;

let programs: Ir.Program[] = [];
beforeAll(() => {
  const loaded = loadTwentsModel();
  expect(loaded.errors).toEqual([]);
  programs = loaded.programs;
});

const caseOf = (name: string): unknown => JSON.parse(readFileSync(path.join(DIR, `${name}.json`), 'utf8'));

async function toewijzing(name: string | object, options: ToewijzingOptions) {
  const casus = typeof name === 'string' ? caseOf(name) : name;
  const evaluation = await createEngine(programs).evaluate(casus);
  return buildToewijzing(programs, casus, evaluation, options);
}

async function golden(name: string, options: ToewijzingOptions): Promise<string> {
  const outcome = await toewijzing(name, options);
  if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
  expectGolden(path.join(DIR, `${name}.xml`), outcome.xml);
  const valid = await validateWithXsd(outcome.xml, XSD[outcome.message.wet], outcome.message.wet);
  expect(valid).toMatchObject({ ok: true });
  return outcome.xml;
}

const products = (xml: string) => {
  const read = readXml(xml);
  if (!read.ok) throw new Error(read.reason);
  return read.message.producten;
};

describe('toewijzing: golden messages', () => {
  it('Jeugdwet, one result: category 45, its code, the euro total with Frequentie 6', async () => {
    const xml = await golden('jeugdwet-een-resultaat', { tijdstip: '2019-01-02T10:00:00' });
    expect(xml).toContain('<jw301:Bericht xmlns:jw301="http://www.istandaarden.nl/ijw/3_2/jw301/schema"');
    expect(xml).toContain('<ijw:BerichtCode>436</ijw:BerichtCode>');
    expect(xml).toContain('<jw301:Afzender>0164</jw301:Afzender>');
    // weektarief 136,20 × 181/7 weken = € 3.521,74 → 352174 eurocent.
    expect(products(xml)).toMatchObject([
      {
        toewijzingNummer: '1',
        categorie: '45',
        code: '45O2M',
        omvang: { volume: '352174', eenheid: '83', frequentie: '6' },
      },
    ]);
  });

  it('Wmo, a family with several results and a module: WMO301, category 02 and 08', async () => {
    const xml = await golden('wmo-gezin-meerdere-resultaten', {
      tijdstip: '2019-02-15T09:30:00',
      nummerVanaf: 500,
    });
    expect(xml).toContain('<iwmo:BerichtCode>414</iwmo:BerichtCode>');
    expect(xml).toContain('<wmo301:Afzender>0153</wmo301:Afzender>');
    expect(products(xml).map((p) => [p.toewijzingNummer, p.categorie, p.code])).toEqual([
      ['500', '02', '02S1L'],
      ['501', '02', '02O3M'],
      ['502', '08', '08VV1'],
    ]);
  });

  it('modules in etmalen (Eenheid 14) and in euro (Eenheid 83)', async () => {
    const xml = await golden('jeugdwet-modules-etmalen-euro', { tijdstip: '2019-01-20T14:00:00' });
    const ps = products(xml);
    // Gezinshuis 2019-02-01 t/m 2019-04-30: 89 etmalen.
    expect(ps.find((p) => p.code === '44GH1')?.omvang).toEqual({
      volume: '89',
      eenheid: '14',
      frequentie: '6',
    });
    // Vervoer 350 km × € 0,45 = € 157,50.
    expect(ps.find((p) => p.code === '42VV1')?.omvang).toEqual({
      volume: '15750',
      eenheid: '83',
      frequentie: '6',
    });
  });

  it('a module in a declared unit: dagbesteding in dagdelen (eenheid dagdeel … istandaard 16)', async () => {
    const xml = await golden('wmo-dagbesteding-dagdelen', { tijdstip: '2022-04-01T09:00:00' });
    // 24 dagdelen asked, at most 9 per week over 2022-04-04 t/m 2022-04-17 (2 weeks): 18 dagdelen, Eenheid 16.
    expect(products(xml).find((p) => p.code === '07DB1')).toMatchObject({
      categorie: '07',
      ingangsdatum: '2022-04-04',
      einddatum: '2022-04-17',
      omvang: { volume: '18', eenheid: '16', frequentie: '6' },
    });
  });

  it('across a version boundary: one allocation per result with the total of its parts', async () => {
    const xml = await golden('jeugdwet-over-versiegrens', { tijdstip: '2020-09-20T08:00:00' });
    const ps = products(xml);
    expect(ps).toHaveLength(2);
    // 2020 part € 1.841,05 + 2021-01 part € 1.801,03 = € 3.642,08.
    expect(ps[0]).toMatchObject({
      ingangsdatum: '2020-10-01',
      einddatum: '2021-03-31',
      omvang: { volume: '364208' },
    });
    // Logeren 2020-11-01 t/m 2021-02-28: 120 etmalen in one allocation.
    expect(ps[1]).toMatchObject({ code: '44LG1', omvang: { volume: '120', eenheid: '14' } });
  });

  it('deterministic for a given tijdstip, and the identification changes with it', async () => {
    const a = await toewijzing('jeugdwet-een-resultaat', { tijdstip: '2019-01-02T10:00:00' });
    const b = await toewijzing('jeugdwet-een-resultaat', { tijdstip: '2019-01-02T10:00:00' });
    const c = await toewijzing('jeugdwet-een-resultaat', { tijdstip: '2019-01-02T10:00:01' });
    if (!a.ok || !b.ok || !c.ok) throw new Error('geweigerd');
    expect(a.xml).toBe(b.xml);
    expect(c.message.header.identificatie).not.toBe(a.message.header.identificatie);
    expect(a.message.header.identificatie).toMatch(/^RW[0-9A-Z]{10}$/);
  });
});

describe('toewijzing: change messages with --vorige', () => {
  const earlier = (): ReturnType<typeof readXml> =>
    readXml(readFileSync(path.join(DIR, 'jeugdwet-een-resultaat.xml'), 'utf8'));

  it('keeps the ToewijzingNummer when only Einddatum and Omvang change (RedenWijziging 04)', async () => {
    const vorige = earlier();
    if (!vorige.ok) throw new Error(vorige.reason);
    const xml = await golden('wijziging-zelfde-nummer', {
      tijdstip: '2019-05-01T11:00:00',
      vorige: vorige.message,
    });
    expect(products(xml)).toMatchObject([
      {
        toewijzingNummer: '1',
        code: '45O2M',
        toewijzingsdatum: '2019-05-01',
        ingangsdatum: '2019-01-01',
        einddatum: '2019-12-31',
        redenWijziging: '04',
      },
    ]);
  });

  it('ends the old allocation and issues a new number when the product changes (RedenWijziging 05)', async () => {
    const vorige = earlier();
    if (!vorige.ok) throw new Error(vorige.reason);
    const xml = await golden('wijziging-beeindigen-en-nieuw', {
      tijdstip: '2019-02-20T16:45:00',
      vorige: vorige.message,
    });
    expect(products(xml)).toMatchObject([
      {
        toewijzingNummer: '1',
        code: '45O2M',
        einddatum: '2019-02-28',
        redenWijziging: '05',
        omvang: { volume: '352174' },
      },
      { toewijzingNummer: '2', code: '45O2Z', ingangsdatum: '2019-03-01', einddatum: '2019-06-30' },
    ]);
    expect(products(xml)[1]?.redenWijziging).toBeUndefined();
  });

  it('repeats an unchanged allocation as it was, and removes one that has not started (RedenWijziging 13)', async () => {
    const vorige = earlier();
    if (!vorige.ok) throw new Error(vorige.reason);
    const same = await toewijzing('jeugdwet-een-resultaat', {
      tijdstip: '2019-03-01T09:00:00',
      vorige: vorige.message,
    });
    if (!same.ok) throw new Error(same.errors.join('\n'));
    expect(same.message.producten).toEqual(vorige.message.producten);
    // Sent before it started, and replaced from its first day by another product: the earlier one is removed.
    const base = caseOf('jeugdwet-een-resultaat') as { resultaten: Record<string, unknown>[] };
    const zwaar = {
      ...base,
      resultaten: [{ ...base.resultaten[0], intensiteit: 'zwaar', bandbreedte: 'C' }],
    };
    const before = await toewijzing(zwaar, { tijdstip: '2018-12-20T09:00:00', vorige: vorige.message });
    if (!before.ok) throw new Error(before.errors.join('\n'));
    expect(before.message.producten).toMatchObject([
      { toewijzingNummer: '1', code: '45O2M', einddatum: '2019-01-01', redenWijziging: '13' },
      { toewijzingNummer: '2', code: '45O2Z', ingangsdatum: '2019-01-01' },
    ]);
  });
});
