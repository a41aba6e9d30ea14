/**
 * The shared views, rendered to static markup as the report does: Dutch number notation (exact, on the digits),
 * a bar per gemeente with its table, bands with their table, and the diff as texts.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { diffTexts } from '../../src/report/diff-texts.js';
import type { ImpactGroup, ImpactReport } from '../../src/impact/types.js';
import { dutchNumber, euro, signedEuro, signedPercent, signOf } from '../../views/format.js';
import { BandsSection, GemeenteSection, headlineText } from '../../views/impact/impact-sections.js';

const flat = (s: string): string => s.replace(/\u00a0/g, ' ');

describe('Dutch number notation', () => {
  it('groups thousands, rounds half up on the digits, and writes signs', () => {
    expect(dutchNumber('1234567.891', 2)).toBe('1.234.567,89');
    expect(dutchNumber('0.005', 2)).toBe('0,01');
    expect(dutchNumber('999.995', 2)).toBe('1.000,00');
    expect(dutchNumber('-0.004', 2)).toBe('0,00');
    expect(dutchNumber('-12.5', 0)).toBe('−13');
    // Beyond a float's precision: still exact.
    expect(dutchNumber('12345678901234567.89', 2)).toBe('12.345.678.901.234.567,89');
    expect(flat(euro('-1234.5'))).toBe('−€ 1.234,50');
    expect(flat(signedEuro('0.00'))).toBe('€ 0,00');
    expect(flat(signedEuro('7'))).toBe('+€ 7,00');
    expect(flat(signedPercent('4.74'))).toBe('+4,74 %');
    expect(flat(signedPercent(null))).toBe('—');
    expect([signOf('-0.00'), signOf('0.01'), signOf('-3')]).toEqual([0, 1, -1]);
  });
});

const group = (key: string, basis: string, variant: string, difference: string): ImpactGroup => ({
  key,
  label: key.replace(/_/g, ' '),
  count: 1,
  basis,
  variant,
  difference,
  percentage: null,
});

const report = {
  kind: 'impact',
  basis: { version: '2022', overrides: [] },
  variant: { version: '2023', overrides: [] },
  counts: { read: 3, priced: 3, bad: 0, statusChanged: 0 },
  totals: { basis: '300.00', variant: '290.00', difference: '-10.00', percentage: '-3.33' },
  perGemeente: [
    group('Enschede', '100.00', '120.00', '20.00'),
    group('Hof_van_Twente', '100.00', '70.00', '-30.00'),
    group('Losser', '100.00', '100.00', '0.00'),
  ],
  bands: [
    {
      band: 'lager_meer_dan_5',
      label: 'lager, meer dan 5 %',
      count: 1,
      basis: '100.00',
      variant: '70.00',
      difference: '-30.00',
    },
    {
      band: 'gelijk',
      label: 'gelijk (± 0,1 %)',
      count: 1,
      basis: '100.00',
      variant: '100.00',
      difference: '0.00',
    },
    {
      band: 'hoger_meer_dan_5',
      label: 'hoger, meer dan 5 %',
      count: 1,
      basis: '100.00',
      variant: '120.00',
      difference: '20.00',
    },
  ],
} as unknown as ImpactReport;

describe('impact views', () => {
  it('says the headline in Dutch, with the direction of the change', () => {
    expect(flat(headlineText(report))).toBe(
      'Versie 2023 kost € 10,00 minder dan versie 2022 (−3,33 %): € 290,00 in plaats van € 300,00 voor 3 beschikkingen.',
    );
  });

  it('draws one bar per gemeente, left of zero for a decrease, and the same figures as a table', () => {
    const html = flat(renderToStaticMarkup(createElement(GemeenteSection, { report })));
    expect(html.match(/<rect /g)).toHaveLength(3);
    expect(html).toContain('role="img"');
    expect(html).toContain('−€ 30');
    expect(html).toContain('<th scope="row">Hof van Twente</th>');
    expect(html).toContain('data-difference="-30.00">−€ 30,00</td>');
    expect(html).toMatch(/<tfoot>.*Totaal.*−€ 10,00/);
    const bar = (label: string) =>
      new RegExp(`data-label="${label}"><rect [^>]*x="([\\d.]+)"[^>]*width="([\\d.]+)"`);
    const [, xUp, wUp] = bar('Enschede').exec(html) ?? [];
    const [, xDown, wDown] = bar('Hof van Twente').exec(html) ?? [];
    // The decrease ends where the increase starts: at zero.
    expect(Number(xDown) + Number(wDown)).toBeCloseTo(Number(xUp), 5);
    expect(Number(wDown)).toBeGreaterThan(Number(wUp));
  });

  it('draws the bands as columns with their counts, and a table', () => {
    const html = flat(renderToStaticMarkup(createElement(BandsSection, { report })));
    expect(html.match(/<rect /g)).toHaveLength(3);
    expect(html).toContain('<th scope="row">gelijk (± 0,1 %)</th>');
  });
});

describe('diff texts', () => {
  it('summarises a table by its range of percentages and writes cells in Dutch', () => {
    const t = diffTexts({
      from: 'a',
      to: 'b',
      cells: [
        { table: 'w', key: 'x', old: '100.00', new: '104.74', delta: '4.74', percent: '4.74' },
        { table: 'w', key: 'y', old: '1000.00', new: '1047.50', delta: '47.50', percent: '4.75' },
        { table: 'w', key: 'z', old: undefined, new: '5.00' },
      ],
      items: [],
      tables: [{ name: 'w', unit: '€ per week' }],
    });
    expect(t.tables[0]?.summary).toBe('2 cellen gewijzigd, van +4,74 % tot +4,75 %; 1 nieuw');
    expect(t.tables[0]?.cells[1]).toEqual({
      key: 'y',
      label: 'y',
      old: '1.000,00',
      new: '1.047,50',
      delta: '+47,50',
      percent: '+4,75 %',
    });
    expect(t.tables[0]?.cells[2]?.old).toBe('nieuw');
  });
});

describe('bar chart without differences', () => {
  it('draws one tick at 0, not an invented −1 … 1 scale', async () => {
    const { BarChart } = await import('../../views/charts/bar-chart.js');
    const html = renderToStaticMarkup(
      createElement(BarChart, {
        title: 'verschil',
        rows: [{ label: 'Almelo', value: '0.00', text: '€ 0' }],
      }),
    );
    const ticks = [...html.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]);
    expect(ticks).toContain('0');
    expect(ticks.some((t) => /1/.test(t ?? ''))).toBe(false);
  });
});
