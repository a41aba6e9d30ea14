/**
 * RW5103: a budget or module whose amount is money but that has no `afgerond op …`. The outcome shows every
 * amount in cents while the total adds the unrounded amounts, so the lines shown need not add up to it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, type Source } from '../../../dsl/compile.js';
import type { Diagnostic } from '../../../dsl/diagnostics/diagnostic.js';
import { expectDiagnostic, spanText } from '../../support/diagnostics.js';

const HEAD = `regelset "Proef"
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
  ontwikkelen 62,40

parameter ritprijs = € 12,50 per rit
`;

/** The 2024 version with the given budget and module declarations. */
const base = (decls: string): Source => ({ path: '2024.regels', text: `${HEAD}\n${decls}` });

const BUDGET = `budget voor elk resultaat
  tarief weektarief[perspectief]
  hoeveelheid weken(periode)
`;

const ROUNDED_BUDGET = `${BUDGET}  afgerond op centen
`;

const version = (id: string, body: string): Source => ({
  path: `${id}.regels`,
  text: `regelset "Proef"\nversie "${id}" op basis van "2024"\ngeldig vanaf 2025-01-01\n\n${body}`,
});

const warnings = (...sources: Source[]): Diagnostic[] =>
  compile(sources).diagnostics.filter((d) => d.code === 'RW5103');

describe('RW5103: a budget or module without afronding', () => {
  it('warns about a budget without afgerond op, at the keyword budget, and still compiles', () => {
    const sources = [base(BUDGET)];
    const r = compile(sources);
    expect(r.ok).toBe(true);
    expectDiagnostic(
      r.diagnostics,
      'RW5103',
      {
        severity: 'waarschuwing',
        file: '2024.regels',
        spanText: 'budget',
        message:
          "Het bedrag van het budget wordt niet afgerond: de uitkomst toont centen, maar telt de onafgeronde bedragen op, zodat de regels niet altijd optellen tot het totaal. Schrijf bijvoorbeeld 'afgerond op centen'.",
      },
      sources,
    );
  });

  it('is silent for a budget with afgerond op, in any form', () => {
    expect(warnings(base(ROUNDED_BUDGET))).toEqual([]);
    expect(warnings(base(`${BUDGET}  afgerond op hele euro's naar beneden\n`))).toEqual([]);
    expect(warnings(base(`${BUDGET}  afgerond op 2 decimalen half naar even\n`))).toEqual([]);
  });

  it('warns about a module with a tarief and no afgerond op, at its name', () => {
    const sources = [
      base(`${ROUNDED_BUDGET}
module vervoer "Vervoer"
  tarief ritprijs
  hoeveelheid aantal
  maximum € 2.500,00
`),
    ];
    expectDiagnostic(
      warnings(...sources),
      'RW5103',
      {
        spanText: 'vervoer',
        message:
          /^Het bedrag van module 'vervoer' wordt niet afgerond.*Schrijf bijvoorbeeld 'afgerond op centen'\.$/,
      },
      sources,
    );
  });

  it('warns once about a module with variants (they share the module rounding), at the module name', () => {
    const sources = [
      base(`${ROUNDED_BUDGET}
module vervoer "Vervoer"
  variant rit "Per rit" tarief ritprijs
  variant km "Per kilometer" tarief € 0,45 per km
  hoeveelheid aantal
`),
    ];
    expectDiagnostic(warnings(...sources), 'RW5103', { spanText: 'vervoer' }, sources);
  });

  it('is silent for a module with afgerond op, with a tarief or with variants', () => {
    expect(
      warnings(
        base(`${ROUNDED_BUDGET}
module vervoer "Vervoer"
  variant rit "Per rit" tarief ritprijs
  variant km "Per kilometer" tarief € 0,45 per km
  hoeveelheid aantal
  afgerond op centen

module logeren "Logeren"
  tarief € 95,50 per etmaal
  hoeveelheid etmalen(periode)
  afgerond op centen
`),
      ),
    ).toEqual([]);
  });

  it('says nothing about rounding when the amount is not money: the type error is enough', () => {
    const r = compile([
      base(`budget voor elk resultaat
  tarief 5
  hoeveelheid weken(periode)

module leeg "Zonder tarief"
  hoeveelheid aantal
`),
    ]);
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes).toContain('RW3006');
    expect(codes).toContain('RW5003');
    expect(codes).not.toContain('RW5103');
  });

  it('warns where a declaration is written, not again in the versions that inherit it', () => {
    const sources = [
      base(`${BUDGET}
module vervoer "Vervoer"
  tarief ritprijs
  hoeveelheid aantal
`),
      version('2025', 'indexeer alle tarieven met 2 % afgerond op centen\n'),
    ];
    const ds = warnings(...sources);
    expect(ds.map((d) => `${d.file} ${spanText(sources, d)}`)).toEqual([
      '2024.regels budget',
      '2024.regels vervoer',
    ]);
  });

  it('warns in the version that writes the declaration again without afronding, and not where it rounds', () => {
    const sources = [
      base(`${BUDGET}
module vervoer "Vervoer"
  tarief ritprijs
  hoeveelheid aantal
  afgerond op centen
`),
      version(
        '2025',
        `${ROUNDED_BUDGET}
module vervoer "Vervoer"
  tarief ritprijs
  hoeveelheid aantal
  maximum € 2.750,00
`,
      ),
    ];
    const ds = warnings(...sources);
    expect(ds.map((d) => `${d.file} ${spanText(sources, d)}`)).toEqual([
      '2024.regels budget',
      '2025.regels vervoer',
    ]);
  });

  it('the shipped rules round every budget and module', () => {
    const root = join(import.meta.dirname, '../../../rules');
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? walk(p) : [p];
      });
    const sources = walk(root)
      .filter((f) => f.endsWith('.regels'))
      .map((f) => ({ path: f, text: readFileSync(f, 'utf8') }));
    expect(sources.length).toBeGreaterThan(0);
    const r = compile(sources);
    expect(r.diagnostics.map((d) => `${d.file} ${d.code} ${d.message}`)).toEqual([]);
  });
});
