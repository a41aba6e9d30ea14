/** `indexeer` of parameters: `alle tarieven`, named parameters, redeclared parameters, diagnostics. */
import { describe, expect, it } from 'vitest';
import { compile, type Source } from '../../../dsl/compile.js';
import { compileSources, programOf } from '../../support/compile.js';
import type { Program } from '../../../dsl/ir/ir.js';

const BASE = `regelset "Proef"
versie "2024"
geldig vanaf 2024-01-01
geldig tot 2024-12-31

domein perspectief "Perspectief"
  ontwikkelen "Ontwikkelen"

invoer resultaat
  veld perspectief: perspectief

invoer module
  veld aantal: hoeveelheid optioneel

tabel weektarief in € per week
  rijen perspectief
  ontwikkelen 50,00

tabel factor in %
  rijen perspectief
  ontwikkelen 10

parameter ritprijs = € 12,50 per rit
parameter kmprijs = € 0,45 per km
parameter drempel = € 100,00
parameter korting = 5 %
parameter dubbel = ritprijs × 2

budget voor elk resultaat
  tarief weektarief[perspectief] × (1 + factor[perspectief])
  hoeveelheid weken(periode)

module vervoer "Vervoer"
  tarief ritprijs + kmprijs × 0 km / 1 rit + drempel × 0 / 1 rit + dubbel × 0 × korting
  hoeveelheid aantal
`;

const version = (id: string, base: string, from: string, to: string | undefined, body: string): Source => ({
  path: `${id}.regels`,
  text: `regelset "Proef"\nversie "${id}" op basis van "${base}"\ngeldig vanaf ${from}\n${to ? `geldig tot ${to}\n` : ''}\n${body}`,
});

function programs(...more: Source[]): Program[] {
  return compileSources([{ path: '2024.regels', text: BASE }, ...more]);
}

const program = (ps: Program[], v: string): Program => programOf(ps, v);

/** Per parameter with adjustments: [fraction, rounding decimals, version of the indexation]. */
const paramAdjustments = (p: Program): Record<string, [string, number | undefined, string][]> =>
  Object.fromEntries(
    p.parameters
      .filter((x) => x.adjustments.length > 0)
      .map((x) => [x.name, x.adjustments.map((a) => [a.fraction, a.rounding?.decimals, a.origin.version])]),
  );

const tableAdjustments = (p: Program): Record<string, string[]> =>
  Object.fromEntries(p.tables.map((t) => [t.name, t.adjustments.map((a) => a.origin.version)]));

describe('indexeer: parameters', () => {
  it('alle tabellen reaches tables only, as before', () => {
    const p = program(
      programs(version('2025', '2024', '2025-01-01', undefined, 'indexeer alle tabellen met 2 %\n')),
      '2025',
    );
    expect(tableAdjustments(p)).toEqual({ weektarief: ['2025'], factor: [] });
    expect(p.parameters.every((x) => x.adjustments.length === 0)).toBe(true);
  });

  it('alle tarieven reaches amount tables and parameters with a written amount or rate', () => {
    const p = program(
      programs(
        version(
          '2025',
          '2024',
          '2025-01-01',
          undefined,
          'indexeer alle tarieven met 2,85 % afgerond op centen\n',
        ),
      ),
      '2025',
    );
    expect(tableAdjustments(p)).toEqual({ weektarief: ['2025'], factor: [] });
    expect(paramAdjustments(p)).toEqual({
      ritprijs: [['0.0285', 2, '2025']],
      kmprijs: [['0.0285', 2, '2025']],
      drempel: [['0.0285', 2, '2025']],
    });
    const rit = p.parameters.find((x) => x.name === 'ritprijs');
    expect(rit?.value).toMatchObject({ kind: 'const', value: '12.50', type: { kind: 'rate', per: 'rit' } });
    expect(rit?.origin).toMatchObject({ version: '2024', validFrom: '2024-01-01' });
    expect(rit?.adjustments[0]?.origin).toMatchObject({ file: '2025.regels', validFrom: '2025-01-01' });
    // The base version itself is untouched.
    expect(paramAdjustments(program(programs(), '2024'))).toEqual({});
  });

  it('a named parameter is indexed like a named table; indexations accumulate over versions', () => {
    const ps = programs(
      version('2025', '2024', '2025-01-01', '2025-12-31', 'indexeer ritprijs, weektarief met 2 %\n'),
      version('2026', '2025', '2026-01-01', undefined, 'indexeer alle tarieven met 3 %\n'),
    );
    expect(paramAdjustments(program(ps, '2025'))).toEqual({ ritprijs: [['0.02', undefined, '2025']] });
    expect(tableAdjustments(program(ps, '2025'))).toEqual({ weektarief: ['2025'], factor: [] });
    expect(paramAdjustments(program(ps, '2026'))).toEqual({
      ritprijs: [
        ['0.02', undefined, '2025'],
        ['0.03', undefined, '2026'],
      ],
      kmprijs: [['0.03', undefined, '2026']],
      drempel: [['0.03', undefined, '2026']],
    });
  });

  it('a parameter written again starts fresh: no earlier indexations, none of its own version', () => {
    const ps = programs(
      version('2025', '2024', '2025-01-01', '2025-12-31', 'indexeer alle tarieven met 2 %\n'),
      version(
        '2026',
        '2025',
        '2026-01-01',
        '2026-12-31',
        'parameter ritprijs = € 13,00 per rit\n\nindexeer alle tarieven met 3 %\n',
      ),
      version('2027', '2026', '2027-01-01', undefined, 'indexeer ritprijs met 4 %\n'),
    );
    const p2026 = program(ps, '2026');
    expect(p2026.parameters.find((x) => x.name === 'ritprijs')).toMatchObject({
      value: { kind: 'const', value: '13.00' },
      origin: { version: '2026' },
      adjustments: [],
    });
    expect(paramAdjustments(p2026).kmprijs?.map((a) => a[2])).toEqual(['2025', '2026']);
    expect(paramAdjustments(program(ps, '2027')).ritprijs).toEqual([['0.04', undefined, '2027']]);
  });

  it('reports what cannot be indexed', () => {
    const r = compile([
      { path: '2024.regels', text: BASE },
      version(
        '2025',
        '2024',
        '2025-01-01',
        undefined,
        'parameter nieuw = € 1,00 per rit\n\nindexeer korting, dubbel, factor, nieuw, ritprys met 2 %\n',
      ),
    ]);
    expect(r.ok).toBe(false);
    expect(
      r.diagnostics.filter((d) => d.code.startsWith('RW60')).map((d) => [d.code, d.severity, d.message]),
    ).toEqual([
      [
        'RW6012',
        'fout',
        "Parameter 'korting' is een percentage: alleen parameters met een geschreven bedrag of tarief (zoals € 12,50 per rit) kunnen worden geïndexeerd.",
      ],
      [
        'RW6012',
        'fout',
        "Parameter 'dubbel' is een berekende waarde, geen geschreven bedrag: alleen parameters met een geschreven bedrag of tarief (zoals € 12,50 per rit) kunnen worden geïndexeerd.",
      ],
      [
        'RW6008',
        'fout',
        "Tabel 'factor' bevat percentages: alleen tabellen met bedragen of tarieven kunnen worden geïndexeerd.",
      ],
      [
        'RW6013',
        'waarschuwing',
        "Parameter 'nieuw' krijgt in deze versie zelf een waarde: een indexatie geldt alleen voor waarden uit een eerdere versie, dus deze waarde blijft € 1,00 per rit.",
      ],
      ['RW6011', 'fout', "Er is geen tabel of parameter 'ritprys' om te indexeren. Bedoelt u 'ritprijs'?"],
    ]);
  });
});
