/**
 * Which later version judges anew (dsl/README.md, versions): rules it adds or rewrites, rules that read what it
 * changes, and its beschikking rules whenever an item has days under it, also an item priced whole.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../dsl/index.js';
import { createEngine } from '../../src/engine/evaluate.js';

const V1 = `regelset "T"
versie "1"
geldig vanaf 2024-01-01

invoer beschikking
  veld ingangsdatum: datum

invoer resultaat
  veld uren: getal optioneel

parameter weekprijs = € 10,00 per week
parameter trajectprijs = € 100,00 per traject
parameter grens = 10

budget voor elk resultaat
  tarief weekprijs
  hoeveelheid weken(periode)
  afgerond op centen

module traject "Traject"
  tarief trajectprijs
  hoeveelheid 1 traject
  afgerond op centen

regel "Te veel uren"
  voor elk resultaat
  als uren > grens
  dan fout "meer uren dan de grens"
`;

function engine(v2: string, path: 'fast' | 'jre') {
  const r = compile([
    { path: 'v1.regels', text: V1 },
    {
      path: 'v2.regels',
      text: `regelset "T"\nversie "2" op basis van "1"\ngeldig vanaf 2024-07-01\n\n${v2}`,
    },
  ]);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return createEngine(r.programs, { path });
}

const messages = (ev: { diagnostics: readonly { message: string }[] }) =>
  ev.diagnostics.map((d) => d.message);

describe('a later version judges anew', () => {
  for (const path of ['fast', 'jre'] as const) {
    it(`a rule whose limit it changes, for the days under it (${path})`, async () => {
      const e = engine('parameter grens = 5\n', path);
      const result = (van: string) => ({ id: 'r1', uren: '8', periode: { van, tot: '2024-12-31' } });
      const across = await e.evaluate({ ingangsdatum: '2024-06-01', resultaten: [result('2024-06-01')] });
      expect(messages(across)).toEqual(['meer uren dan de grens']);
      expect(across.ok && across.versions).toEqual(['1', '2']);
      // Entirely before the change: the old limit.
      const before = await e.evaluate({
        ingangsdatum: '2024-01-01',
        resultaten: [{ id: 'r1', uren: '8', periode: { van: '2024-01-01', tot: '2024-06-30' } }],
      });
      expect(messages(before)).toEqual([]);
    });

    it(`its beschikking rules when an item priced whole has days under it (${path})`, async () => {
      const e = engine(
        'regel "Nieuw"\n  als aantal resultaten > 0\n  dan fout "beschikkingsregel van versie 2"\n',
        path,
      );
      const ev = await e.evaluate({
        ingangsdatum: '2024-06-01',
        resultaten: [{ id: 'r1', periode: { van: '2024-06-01', tot: '2024-06-30' } }],
        modules: [{ module: 'traject', periode: { van: '2024-06-15', tot: '2024-07-15' } }],
      });
      expect(messages(ev)).toEqual(['beschikkingsregel van versie 2']);
      // The traject is still one, priced by the version of its first day.
      expect(
        ev.ok && ev.lines.find((l) => l.kind === 'module')?.parts.map((p) => [p.version, p.quantity]),
      ).toEqual([['1', '1']]);
    });
  }
});
