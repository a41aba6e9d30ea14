/**
 * Indexation applies only to cells written by an earlier version than the indexation: a cell rewritten with
 * `wijzig tabel` in the same version as an indexation (or later) keeps its new value; later indexations do apply
 * to it. Engine (both paths), explanation and the version diff's effective cells agree.
 */
import { describe, expect, it } from 'vitest';
import { effectiveCells } from '../../src/change/effective-tables.js';
import { createEngine } from '../../src/engine/evaluate.js';
import type { EvaluationOk } from '../../src/engine/result.js';
import { compileSources, programOf } from '../support/compile.js';

const BASE = `regelset "Index"
versie "A"
geldig vanaf 2019-01-01
geldig tot 2019-12-31
status vastgesteld

domein soort "Soort"
  x "X"
  y "Y"

invoer resultaat
  veld soort: soort

tabel tarief "Tarief" in € per week
  rijen soort
  x   100,00
  y   200,00

budget voor elk resultaat
  tarief tarief[soort]
  hoeveelheid weken(periode)
  afgerond op centen
`;

const B = `regelset "Index"
versie "B" op basis van "A"
geldig vanaf 2020-01-01
geldig tot 2020-12-31
status vastgesteld

indexeer alle tabellen met 10 % afgerond op centen

wijzig tabel tarief "Tarief" in € per week
  rijen soort
  y   300,00
`;

const C = `regelset "Index"
versie "C" op basis van "B"
geldig vanaf 2021-01-01
status vastgesteld

indexeer alle tabellen met 5 % afgerond op centen
`;

function programs() {
  return compileSources([
    { path: 'a.regels', text: BASE },
    { path: 'b.regels', text: B },
    { path: 'c.regels', text: C },
  ]);
}

const casus = (soort: string, van: string, tot: string) => ({
  resultaten: [{ id: 'r1', soort, periode: { van, tot } }],
});

describe('indexation applies only to cells written before it', () => {
  const ps = programs();
  const byVersion = (v: string) => programOf(ps, v);
  const table = (v: string) => {
    const t = byVersion(v).tables.find((x) => x.name === 'tarief');
    if (!t) throw new Error('tarief missing');
    return t;
  };

  it('computes the effective cells per version (version diff)', () => {
    const text = (v: string) =>
      Object.fromEntries([...effectiveCells(table(v))].map(([k, d]) => [k, d?.toFixed(2)]));
    expect(text('A')).toEqual({ x: '100.00', y: '200.00' });
    // B indexes x (written in A) but not y (rewritten in B).
    expect(text('B')).toEqual({ x: '110.00', y: '300.00' });
    // C indexes both: x from A (twice), y from B (only C's indexation).
    expect(text('C')).toEqual({ x: '115.50', y: '315.00' });
  });

  for (const path of ['fast', 'jre'] as const) {
    it(`prices and explains with the applicable indexations only (${path})`, async () => {
      const engine = createEngine(ps, { path });
      const one = async (soort: string, van: string) => {
        const tot = van.replace(/-01$/, '-07');
        const ev = (await engine.explain(casus(soort, van, tot))) as EvaluationOk;
        if (!ev.ok) throw new Error(JSON.stringify(ev));
        const cell = ev.explanation?.lines[0]?.parts[0]?.cells[0];
        return {
          rate: ev.lines[0]?.rate,
          indexations: cell?.indexations.map((i) => i.version),
          value: cell?.value,
          written: cell?.written,
        };
      };
      expect(await one('y', '2020-02-01')).toEqual({
        rate: '300.00',
        indexations: [],
        value: '300',
        written: '300.00',
      });
      expect(await one('x', '2020-02-01')).toEqual({
        rate: '110.00',
        indexations: ['B'],
        value: '110',
        written: '100.00',
      });
      expect(await one('y', '2021-02-01')).toEqual({
        rate: '315.00',
        indexations: ['C'],
        value: '315',
        written: '300.00',
      });
      expect(await one('x', '2021-02-01')).toEqual({
        rate: '115.50',
        indexations: ['B', 'C'],
        value: '115.5',
        written: '100.00',
      });
    });
  }
});
