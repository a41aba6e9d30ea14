/**
 * Which later version judges anew (dsl/README.md, versions): rules it adds or rewrites, rules that read what it
 * changes, and its beschikking rules whenever an item has days under it, also an item priced whole.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/evaluate.js';
import { compileSources, laterVersion } from '../support/compile.js';

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

parameter dubbel = grens × 2
parameter grensdatum = 2025-12-31

regel "Loopt te lang"
  voor elk resultaat
  als einde(periode) > grensdatum
  dan fout "loopt na de grensdatum"

regel "Dubbel zoveel uren"
  voor elk resultaat
  als uren > dubbel
  dan fout "meer dan dubbel"
`;

function engine(v2: string, path: 'fast' | 'jre') {
  return chain([['2', '2024-07-01', v2]], path);
}

const messages = (ev: { diagnostics: readonly { message: string }[] }) =>
  ev.diagnostics.map((d) => d.message);

/** V1 and later versions, each `[name, validFrom, text]` on top of the one before. */
function chain(later: readonly (readonly [string, string, string])[], path: 'fast' | 'jre') {
  let base = '1';
  const files = [{ path: 'v1.regels', text: V1 }];
  for (const [name, from, text] of later) {
    files.push({ path: `v${name}.regels`, text: laterVersion(name, base, from, text) });
    base = name;
  }
  return createEngine(compileSources(files), { path });
}

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

  for (const path of ['fast', 'jre'] as const) {
    it(`with the first day's version, so an unrelated later version changes nothing (${path})`, async () => {
      // v2 moves the end date limit forward from 2024-04; v3 (2024-07) only changes the weekly price. The days
      // under v3 end after the new limit: judged against v1 (whose verdict covers the item), v3 must report it.
      const e = chain(
        [
          ['2', '2024-04-01', 'parameter grensdatum = 2024-09-30\n'],
          ['3', '2024-07-01', 'parameter weekprijs = € 11,00 per week\n'],
        ],
        path,
      );
      const ev = await e.evaluate({
        ingangsdatum: '2024-03-01',
        resultaten: [{ id: 'r1', periode: { van: '2024-03-01', tot: '2024-12-31' } }],
      });
      expect(messages(ev)).toEqual(['loopt na de grensdatum']);
    });

    it(`keeps a later error next to an earlier warning of the same rule (${path})`, async () => {
      const e = chain(
        [
          [
            '2',
            '2024-07-01',
            'regel "Te veel uren"\n  voor elk resultaat\n  als uren > grens\n  dan waarschuwing "let op de uren"\n',
          ],
          [
            '3',
            '2024-10-01',
            'regel "Te veel uren"\n  voor elk resultaat\n  als uren > grens\n  dan fout "te veel uren"\n',
          ],
        ],
        path,
      );
      const ev = await e.evaluate({
        ingangsdatum: '2024-08-01',
        resultaten: [{ id: 'r1', uren: '15', periode: { van: '2024-08-01', tot: '2024-12-31' } }],
      });
      expect(
        ev.diagnostics.map((d: { severity: string; message: string }) => [d.severity, d.message]),
      ).toEqual([
        ['waarschuwing', 'let op de uren'],
        ['fout', 'te veel uren'],
      ]);
    });

    it(`through a calculated parameter (${path})`, async () => {
      const e = chain([['2', '2024-07-01', 'parameter grens = 5\n']], path);
      // "Dubbel zoveel uren" reads `dubbel = grens × 2`: 20 under v1, 10 under v2.
      const ev = await e.evaluate({
        ingangsdatum: '2024-06-01',
        resultaten: [{ id: 'r1', uren: '12', periode: { van: '2024-06-01', tot: '2024-12-31' } }],
      });
      expect(messages(ev)).toEqual(['meer uren dan de grens', 'meer dan dubbel']);
    });
  }
});
