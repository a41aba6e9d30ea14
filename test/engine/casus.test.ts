import { describe, expect, it } from 'vitest';
import { checkCase } from '../../src/engine/casus.js';
import { createEngine } from '../../src/engine/evaluate.js';
import { casus } from '../support/casus.js';
import { programOf } from '../support/compile.js';
import { loadTwentsModel } from '../support/twents-model.js';

const { programs } = loadTwentsModel();
const p2019 = programOf(programs, '2019');

/** A valid case; tests change what they test. */
const valid = () => casus();

const messages = (raw: unknown): string[] => {
  const r = checkCase(p2019, raw);
  return r.ok ? [] : r.diagnostics.map((d) => d.message);
};

describe('case validation', () => {
  it('accepts a valid case', () => {
    expect(messages(valid())).toEqual([]);
  });
  it('names an unknown domain value with the allowed values', () => {
    const c = valid();
    (c.resultaten[0] as Record<string, unknown>).ondersteuningsbehoefte = 'OB7';
    expect(messages(c)).toEqual([
      "resultaten[0].ondersteuningsbehoefte: onbekende waarde 'OB7'; verwacht een van OB1, OB2, OB3, OB4.",
    ]);
  });
  it('reports missing required fields, wrong types and invalid dates', () => {
    const c: Record<string, unknown> = valid();
    delete c.wet;
    c.geboortedatum = '2010-02-30';
    c.verlengde_jeugdhulp = 'misschien';
    expect(messages(c)).toEqual([
      'wet: ontbreekt (verplicht veld, wet).',
      "geboortedatum: '2010-02-30' is geen geldige datum; verwacht JJJJ-MM-DD, bijvoorbeeld 2019-01-01.",
      "verlengde_jeugdhulp: 'misschien' is geen ja/nee; verwacht true of false.",
    ]);
  });
  it('reports a missing end date once', () => {
    const c = valid();
    (c.resultaten[0] as Record<string, unknown>).periode = { van: '2019-01-01' };
    expect(messages(c)).toEqual(['resultaten[0].periode.tot: ontbreekt (einddatum van de periode).']);
  });
  it('reports an end before the start', () => {
    const c = valid();
    (c.resultaten[0] as Record<string, unknown>).periode = { van: '2019-06-30', tot: '2019-01-01' };
    expect(messages(c)).toEqual([
      'resultaten[0].periode: einddatum 2019-01-01 ligt voor begindatum 2019-06-30.',
    ]);
  });
  it('reports a bandwidth that does not belong to the intensity', () => {
    const c = valid();
    (c.resultaten[0] as Record<string, unknown>).bandbreedte = 'D';
    expect(messages(c)).toEqual([
      'resultaten[0].bandbreedte: bandbreedte D hoort niet bij intensiteit midden; verwacht een van B, C.',
    ]);
  });
  it('reports unknown modules and variants', () => {
    const c = valid();
    c.modules.push({ module: 'vervoor', periode: { van: '2019-01-01', tot: '2019-01-31' } });
    c.modules.push({
      module: 'vervoer',
      variant: 'taxi',
      aantal: 3,
      periode: { van: '2019-01-01', tot: '2019-01-31' },
    });
    c.modules.push({ module: 'vervoer', aantal: 3, periode: { van: '2019-01-01', tot: '2019-01-31' } });
    const m = messages(c);
    expect(m[0]).toMatch(
      /^modules\[0\]\.module: onbekende module 'vervoor'; verwacht een van consultatie_diagnostiek, /,
    );
    expect(m[1]).toBe(
      "modules[1].variant: onbekende variant 'taxi' van module vervoer; verwacht een van rit, km.",
    );
    expect(m[2]).toBe('modules[2].variant: ontbreekt; module vervoer vraagt een variant (rit, km).');
  });
  it('rejects a negative quantity', () => {
    const c = valid();
    c.modules.push({
      module: 'vervoer',
      variant: 'km',
      aantal: '-10000',
      periode: { van: '2019-01-01', tot: '2019-01-31' },
    });
    expect(messages(c)).toEqual(["modules[0].aantal: '-10000' is negatief; een hoeveelheid is 0 of meer."]);
    c.modules[0] = { ...c.modules[0], aantal: 0 };
    expect(messages(c)).toEqual([]);
  });
  it('requires at least one result', () => {
    const c: Record<string, unknown> = valid();
    c.resultaten = [];
    expect(messages(c)).toEqual([
      'resultaten: geen resultaten; een beschikking heeft minstens één resultaat.',
    ]);
    delete c.resultaten;
    expect(messages(c)).toEqual([
      'resultaten: geen resultaten; een beschikking heeft minstens één resultaat.',
    ]);
  });
  it('rejects two results with the same id', () => {
    const c = valid();
    c.resultaten.push({ ...c.resultaten[0], ondersteuningsbehoefte: 'OB1' });
    expect(messages(c)).toEqual([
      "resultaten[1].id: 'r1' is al het id van resultaten[0]; elk id komt één keer voor.",
    ]);
  });
  for (const path of ['fast', 'jre'] as const) {
    it(`warns about fields no version declares, with the closest declared name (${path})`, async () => {
      const c: Record<string, unknown> = { ...valid(), verlengde_jeugdhup: true };
      (c.resultaten as Record<string, unknown>[])[0] = { ...valid().resultaten[0], groepsgroote: 'klein' };
      const ev = await createEngine(programs, { path }).evaluate(c);
      expect(ev.ok).toBe(true);
      expect(ev.diagnostics.map((d) => [d.severity, d.message])).toEqual([
        ['waarschuwing', "verlengde_jeugdhup: onbekend veld, genegeerd; bedoelt u 'verlengde_jeugdhulp'?"],
        ['waarschuwing', 'resultaten[0].groepsgroote: onbekend veld, genegeerd.'],
      ]);
      // groepsgrootte exists from 2021-07 on: known there, unknown in a case entirely in 2019.
      const later = {
        ...valid(),
        ingangsdatum: '2021-07-01',
        resultaten: [
          {
            ...valid().resultaten[0],
            groepsgrootte: 'klein',
            periode: { van: '2021-07-01', tot: '2021-07-31' },
          },
        ],
      };
      expect((await createEngine(programs, { path }).evaluate(later)).diagnostics).toEqual([]);
    });
  }
  it('checks an item for unknown fields against the versions of its own days', async () => {
    const r = (van: string, tot: string, extra: Record<string, unknown> = {}) => ({
      ...valid().resultaten[0],
      id: van,
      periode: { van, tot },
      ...extra,
    });
    // groepsgrootte exists from 2021-07-01: unknown to a result in June, even when another runs into July.
    const c = {
      ...valid(),
      ingangsdatum: '2021-06-01',
      resultaten: [r('2021-06-01', '2021-06-30', { groepsgrootte: 'klein' }), r('2021-06-15', '2021-09-30')],
    };
    const ev = await createEngine(programs, { path: 'fast' }).evaluate(c);
    expect(ev.diagnostics.map((d) => d.message)).toEqual([
      'resultaten[0].groepsgrootte: onbekend veld, genegeerd.',
    ]);
  });
  it('rejects non-objects and absurd sizes', () => {
    expect(messages(null)).toEqual(['Het geval moet een JSON-object zijn, niet null.']);
    expect(messages([1])).toEqual(['Het geval moet een JSON-object zijn, niet een lijst.']);
    const c = valid();
    c.resultaten = Array.from({ length: 1001 }, () => ({}));
    expect(messages(c)).toEqual(['resultaten: te veel resultaten (1001); maximaal 1000.']);
  });
  it('never throws, whatever comes in', async () => {
    for (const path of ['fast', 'jre'] as const) {
      const engine = createEngine(programs, { path });
      for (const raw of [
        undefined,
        42,
        'x',
        [],
        {},
        { resultaten: 'x' },
        { resultaten: [null] },
        { modules: [{ module: 1 }] },
        valid(),
      ]) {
        const ev = await engine.evaluate(raw);
        expect(typeof ev.ok).toBe('boolean');
      }
    }
  });
  it('evaluates a malformed case to ok: false with the messages', async () => {
    const c = valid();
    (c.resultaten[0] as Record<string, unknown>).ondersteuningsbehoefte = 'OB7';
    const ev = await createEngine(programs).evaluate(c);
    expect(ev.ok).toBe(false);
    expect(ev.diagnostics[0]?.path).toBe('resultaten[0].ondersteuningsbehoefte');
  });
});
