/** Municipal overrides: RW6014 (municipality outside the `gemeente` domain), RW6015 (open-ended override). */
import { describe, expect, it } from 'vitest';
import { compile, type Source } from '../../../dsl/compile.js';
import type { Diagnostic } from '../../../dsl/diagnostics/diagnostic.js';

const base = (opts: { field?: string; ruleset?: string } = {}): Source => ({
  path: '2024.regels',
  text: `regelset "${opts.ruleset ?? 'Proef'}"
versie "2024"
geldig vanaf 2024-01-01
geldig tot 2024-12-31

domein gemeente "Gemeente"
  Almelo "Almelo"
  Enschede "Enschede"
  Hof_van_Twente "Hof van Twente"

domein perspectief "Perspectief"
  ontwikkelen "Ontwikkelen"

invoer beschikking
${opts.field ?? '  veld gemeente: gemeente'}

invoer resultaat
  veld perspectief: perspectief

tabel weektarief in € per week
  rijen perspectief
  ontwikkelen 50,00

budget voor elk resultaat
  tarief weektarief[perspectief]
  hoeveelheid weken(periode)
  afgerond op centen
`,
});

/** A version on top of `on`; `gemeente` as written after the keyword (with or without quotes). */
const version = (
  id: string,
  on: string,
  from: string,
  opts: { to?: string; gemeente?: string; ruleset?: string; body?: string } = {},
): Source => ({
  path: `${id}.regels`,
  text:
    `regelset "${opts.ruleset ?? 'Proef'}"\nversie "${id}" op basis van "${on}"\ngeldig vanaf ${from}\n` +
    (opts.to ? `geldig tot ${opts.to}\n` : '') +
    (opts.gemeente ? `gemeente ${opts.gemeente}\n` : '') +
    `\n${opts.body ?? 'indexeer alle tabellen met 2 %\n'}`,
});

function diagnostics(...sources: Source[]): Diagnostic[] {
  return compile(sources).diagnostics;
}

const codes = (ds: readonly Diagnostic[], code: string): Diagnostic[] => ds.filter((d) => d.code === code);

/** The text a diagnostic's span covers. */
const spanText = (sources: readonly Source[], d: Diagnostic): string =>
  (sources.find((s) => s.path === d.file)?.text ?? '').slice(d.span.start, d.span.end);

describe('RW6014: municipality of an override outside the gemeente domain', () => {
  it('reports a written value that is not a domain value, at the string in the header, with a suggestion', () => {
    const sources = [
      base(),
      version('2024-hvt', '2024', '2024-01-01', { to: '2024-12-31', gemeente: '"Hof van Twente"' }),
    ];
    const r = compile(sources);
    expect(r.ok).toBe(false);
    const [d, ...rest] = codes(r.diagnostics, 'RW6014');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'fout', file: '2024-hvt.regels', suggestions: ['Hof_van_Twente'] });
    expect(spanText(sources, d as Diagnostic)).toBe('"Hof van Twente"');
    expect(d?.message).toContain("Gemeente 'Hof van Twente' staat niet in het domein 'gemeente'");
    expect(d?.message).toContain("Bedoelt u 'Hof_van_Twente'?");
  });

  it('compares exactly, as the engine does: a different case is reported too (unquoted form)', () => {
    const sources = [base(), version('2024-almelo', '2024', '2024-01-01', { gemeente: 'almelo' })];
    const [d] = codes(diagnostics(...sources), 'RW6014');
    expect(d?.suggestions).toEqual(['Almelo']);
    expect(spanText(sources, d as Diagnostic)).toBe('almelo');
  });

  it('is silent for a domain value, quoted or not', () => {
    for (const g of ['"Almelo"', 'Almelo', 'Hof_van_Twente']) {
      const r = compile([base(), version('2024-x', '2024', '2024-01-01', { gemeente: g })]);
      expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
      expect(r.ok).toBe(true);
    }
  });

  it('uses the domain after inheritance: an override that adds the value to the domain is fine', () => {
    const body = `domein gemeente "Gemeente"\n  Almelo "Almelo"\n  Borne "Borne"\n\nindexeer alle tabellen met 2 %\n`;
    const r = compile([base(), version('2024-borne', '2024', '2024-01-01', { gemeente: '"Borne"', body })]);
    expect(codes(r.diagnostics, 'RW6014')).toEqual([]);
  });

  it('only checks when the beschikking has a field gemeente of a domain type', () => {
    for (const field of ['  veld gemeente: tekst', '  veld woonplaats: gemeente']) {
      const ds = diagnostics(
        base({ field }),
        version('2024-hvt', '2024', '2024-01-01', { gemeente: '"Hof van Twente"' }),
      );
      expect(codes(ds, 'RW6014')).toEqual([]);
    }
  });
});

describe('RW6015: an override without geldig tot shadows later regional versions', () => {
  const later = [
    version('2025', '2024', '2025-01-01', { to: '2025-12-31' }),
    version('2026', '2025', '2026-01-01'),
  ];

  it('warns at geldig vanaf, naming the municipality and the first later regional version', () => {
    const sources = [
      base(),
      ...later,
      version('2024-almelo', '2024', '2024-01-01', { gemeente: '"Almelo"' }),
    ];
    const r = compile(sources);
    expect(r.ok).toBe(true);
    const ds = codes(r.diagnostics, 'RW6015');
    expect(ds).toHaveLength(1);
    const d = ds[0] as Diagnostic;
    expect(d).toMatchObject({ severity: 'waarschuwing', file: '2024-almelo.regels' });
    expect(spanText(sources, d)).toBe('2024-01-01');
    expect(d.message).toBe(
      "De afwijking voor Almelo heeft geen 'geldig tot' en blijft daarom gelden tot een volgende afwijking voor " +
        "Almelo begint: de latere regionale versie '2025' (vanaf 2025-01-01) geldt zo niet voor Almelo. " +
        "Schrijf 'geldig tot 2024-12-31' of maak een nieuwe afwijking voor Almelo op basis van '2025'.",
    );
  });

  it('is silent when the override has geldig tot', () => {
    const ds = diagnostics(
      base(),
      ...later,
      version('2024-almelo', '2024', '2024-01-01', { to: '2024-12-31', gemeente: '"Almelo"' }),
    );
    expect(ds.map((d) => d.code)).toEqual([]);
  });

  it('is silent without a later regional version (also in another ruleset)', () => {
    expect(
      diagnostics(base(), version('2024-almelo', '2024', '2024-01-01', { gemeente: '"Almelo"' })),
    ).toEqual([]);
    const other = { ...base({ ruleset: 'Ander' }), path: 'ander-2024.regels' };
    const ds = diagnostics(
      base(),
      other,
      version('2025', '2024', '2025-01-01', { ruleset: 'Ander' }),
      version('2024-almelo', '2024', '2024-01-01', { gemeente: '"Almelo"' }),
    );
    expect(codes(ds, 'RW6015')).toEqual([]);
  });

  it('is silent when a later override of the same municipality takes over when the regional version starts', () => {
    const ds = diagnostics(
      base(),
      ...later,
      version('2024-almelo', '2024', '2024-01-01', { gemeente: '"Almelo"' }),
      version('2025-almelo', '2025', '2025-01-01', { to: '2025-12-31', gemeente: '"Almelo"' }),
      version('2026-almelo', '2026', '2026-01-01', { gemeente: '"Almelo"' }),
    );
    expect(ds.map((d) => d.code)).toEqual([]);
  });

  it('warns about the regional version that starts before the next override of the municipality', () => {
    const ds = diagnostics(
      base(),
      ...later,
      version('2024-almelo', '2024', '2024-01-01', { gemeente: '"Almelo"' }),
      version('2026-almelo', '2026', '2026-01-01', { gemeente: '"Almelo"' }),
    );
    expect(codes(ds, 'RW6015').map((d) => [d.file, d.message.match(/versie '(\d+)'/)?.[1]])).toEqual([
      ['2024-almelo.regels', '2025'],
    ]);
  });

  it('does not count an override of another municipality', () => {
    const ds = diagnostics(
      base(),
      ...later,
      version('2024-almelo', '2024', '2024-01-01', { gemeente: '"Almelo"' }),
      version('2025-enschede', '2025', '2025-01-01', { to: '2025-12-31', gemeente: '"Enschede"' }),
    );
    expect(codes(ds, 'RW6015').map((d) => d.file)).toEqual(['2024-almelo.regels']);
  });
});
