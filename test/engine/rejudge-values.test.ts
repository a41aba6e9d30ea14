/**
 * Which rules a later version judges anew is computed from the IR values they read (src/versions/rejudge.ts):
 * a new `bron`, or the same value written again, is not a change; another value is. The evaluation records which
 * version judged each rule and module decision.
 */
import { describe, expect, it } from 'vitest';
import type { Ir } from '../../dsl/index.js';
import { createEngine } from '../../src/engine/evaluate.js';
import type { Evaluation } from '../../src/engine/result.js';
import { rejudgedRules } from '../../src/versions/rejudge.js';
import { compileSources, laterVersion } from '../support/compile.js';

const V1 = `regelset "T"
versie "1"
geldig vanaf 2024-01-01

invoer beschikking
  veld ingangsdatum: datum

invoer resultaat
  veld uren: getal optioneel

domein soort "Soort"
  gewoon "Gewoon"

parameter weekprijs = € 10,00 per week
parameter trajectprijs = € 100,00 per traject
parameter grens = 1
  bron "Besluit 1"

tabel maximum "Maximum uren" in getal
  rijen soort
  bron "Tabel 1"
  gewoon  10

budget voor elk resultaat
  tarief weekprijs
  hoeveelheid weken(periode)
  afgerond op centen

module traject "Traject"
  tarief trajectprijs
  hoeveelheid 1 traject
  afgerond op centen

regel "Veel resultaten"
  als aantal resultaten > grens
  dan waarschuwing "meer resultaten dan de grens"

regel "Te veel uren"
  voor elk resultaat
  als uren > maximum[gewoon]
  dan fout "meer uren dan het maximum"
`;

/** Version 1 and a version 2 from 2024-07-01 with `body`. */
function programs(body: string): Ir.Program[] {
  return compileSources([
    { path: 'v1.regels', text: V1 },
    { path: 'v2.regels', text: laterVersion('2', '1', '2024-07-01', body) },
  ]);
}

const rejudged = (body: string) => {
  const [first, later] = programs(body).sort((a, b) => a.version.localeCompare(b.version));
  const r = rejudgedRules(first as Ir.Program, later as Ir.Program);
  const names = (scope: Ir.Scope) =>
    [...(r[scope] ?? [])].map((id) => later?.rules.find((x) => x.origin.id === id)?.name);
  return { beschikking: names('beschikking'), resultaat: names('resultaat') };
};

describe('rules a later version judges anew, from the values they read', () => {
  it('none when only the bron of a parameter changes', () => {
    expect(rejudged('parameter grens = 1\n  bron "Besluit 2"\n')).toEqual({ beschikking: [], resultaat: [] });
  });

  it('none when a parameter is written again with the same value', () => {
    expect(rejudged('parameter grens = 1\n')).toEqual({ beschikking: [], resultaat: [] });
  });

  it('none when a table is written again with another bron and label', () => {
    const table = 'tabel maximum "Uren, hoogstens" in getal\n  rijen soort\n  bron "Tabel 2"\n  gewoon  10\n';
    expect(rejudged(table)).toEqual({ beschikking: [], resultaat: [] });
  });

  it('a rule when the parameter it reads gets another value', () => {
    expect(rejudged('parameter grens = 2\n')).toEqual({ beschikking: ['Veel resultaten'], resultaat: [] });
  });

  it('a rule when a table cell it reads gets another value', () => {
    const table = 'tabel maximum "Maximum uren" in getal\n  rijen soort\n  gewoon  12\n';
    expect(rejudged(table)).toEqual({ beschikking: [], resultaat: ['Te veel uren'] });
  });

  it('a rule that is rewritten with another condition, not one written again unchanged', () => {
    const same =
      'regel "Veel resultaten"\n  als aantal resultaten > grens\n  dan waarschuwing "anders gezegd"\n';
    expect(rejudged(same)).toEqual({ beschikking: [], resultaat: [] });
    const other =
      'regel "Veel resultaten"\n  als aantal resultaten > 2\n  dan waarschuwing "meer dan twee"\n';
    expect(rejudged(other)).toEqual({ beschikking: ['Veel resultaten'], resultaat: [] });
  });
});

/**
 * A result before the boundary (priced by version 1) and a traject across it (priced whole by version 1): the
 * version 2 takes part only when it judges a beschikking rule anew.
 */
const acrossCase = {
  ingangsdatum: '2024-05-01',
  resultaten: [
    { id: 'r1', periode: { van: '2024-05-01', tot: '2024-06-30' } },
    { id: 'r2', periode: { van: '2024-05-01', tot: '2024-06-30' } },
  ],
  modules: [{ id: 'm1', module: 'traject', periode: { van: '2024-06-15', tot: '2024-07-15' } }],
};

const ok = (ev: Evaluation) => {
  if (!ev.ok) throw new Error(JSON.stringify(ev.diagnostics));
  return ev;
};

describe('the evaluation of a case across a boundary', () => {
  for (const path of ['fast', 'jre'] as const) {
    it(`does not judge anew for a new bron (${path})`, async () => {
      const ev = ok(
        await createEngine(programs('parameter grens = 1\n  bron "Besluit 2"\n'), { path }).evaluate(
          acrossCase,
        ),
      );
      expect(ev.versions).toEqual(['1']);
      expect(ev.diagnostics.map((d) => [d.rule, d.version])).toEqual([['Veel resultaten', '1']]);
    });

    it(`judges anew for another value, and says which version judged (${path})`, async () => {
      const ev = ok(
        await createEngine(
          programs(
            'parameter grens = 1\nregel "Nieuw"\n  als aantal resultaten > 1\n  dan fout "nieuw in 2"\n',
          ),
          { path },
        ).evaluate(acrossCase),
      );
      expect(ev.versions).toEqual(['1', '2']);
      expect(ev.diagnostics.map((d) => [d.rule, d.version])).toEqual([
        ['Veel resultaten', '1'],
        ['Nieuw', '2'],
      ]);
      expect(ev.decisions.map((d) => [d.module, d.version])).toEqual([['traject', '1']]);
    });
  }
});
