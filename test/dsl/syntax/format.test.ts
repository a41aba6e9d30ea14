import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatText } from '../../../dsl/ast/print.js';
import { stripSpans } from '../../../dsl/ast/strip-spans.js';
import { parse } from '../../../dsl/ast/parse.js';

const files = [
  'test/dsl/syntax/examples/alle-constructies.regels',
  ...readdirSync('rules/twents-model', { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.regels'))
    .map((f) => join('rules/twents-model', f)),
];

const format = (text: string): string => {
  const r = formatText(text, 'x');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.text;
};

describe('formatter', () => {
  it.each(files)('%s: idempotent and meaning-preserving', (file) => {
    const text = readFileSync(file, 'utf8');
    const once = format(text);
    expect(format(once)).toBe(once);
    expect(stripSpans(parse(once, 'x').ast)).toEqual(stripSpans(parse(text, 'x').ast));
    expect(once.match(/\/\/.*/g)?.length ?? 0).toBe(text.match(/\/\/.*/g)?.length ?? 0);
  });

  it('aligns tables: keys left, numbers right', () => {
    const src =
      'regelset "T"\nversie "1"\ngeldig vanaf 2021-01-01\ntabel t in € per week\n  rijen a, b\n  kolommen c\n  k1 k2\n  x y 1 2\n  langer OB1 1.234,5 -\n';
    expect(format(src)).toContain(
      ['                    k1  k2', '  x       y          1   2', '  langer  OB1  1.234,5   -'].join('\n'),
    );
  });

  it('prints minimal parentheses and × for *', () => {
    const out = format(
      'regelset "T"\nversie "1"\ngeldig vanaf 2021-01-01\nparameter p = ((a + b)) * c - (d - e) + (als x dan 1 anders 2) + 1\n',
    );
    expect(out).toContain('parameter p = (a + b) × c - (d - e) + (als x dan 1 anders 2) + 1\n');
  });

  it('prints each form of indexeer as written', () => {
    const lines = [
      'indexeer alle tabellen met 2 %',
      'indexeer alle tarieven met 2,85 % afgerond op centen',
      'indexeer weektarief, vervoer_per_rit met 1,5 %',
    ];
    const out = format(`regelset "T"\nversie "1"\ngeldig vanaf 2021-01-01\n${lines.join('\n\n')}\n`);
    for (const l of lines) expect(out).toContain(`${l}\n`);
  });

  it('prints a unit declaration on one line and keeps the spelling of a declared unit', () => {
    const head = 'regelset "T"\nversie "1"\ngeldig vanaf 2021-01-01\n';
    const out = format(
      `${head}eenheid dagdeel\n  meervoud dagdelen "Dagdeel (4 uur)"\n  istandaard 16\n  bron "WJ756"\n` +
        'parameter p = 9   dagdelen\nparameter q = 1 dagdeel\nparameter r = € 38,75 per  dagdeel\nparameter s = 1 weken\n',
    );
    expect(out).toContain(
      'eenheid dagdeel meervoud dagdelen "Dagdeel (4 uur)" istandaard 16\n  bron "WJ756"\n',
    );
    // As written for a declared unit (its plural may be declared in a base version); built-in ones normalised.
    expect(out).toContain('parameter p = 9 dagdelen\n');
    expect(out).toContain('parameter q = 1 dagdeel\n');
    expect(out).toContain('parameter r = € 38,75 per dagdeel\n');
    expect(out).toContain('parameter s = 1 week\n');
  });

  it('refuses text with syntax errors', () => {
    expect(formatText('regelset "T"\nversie "1"\ngeldig vanaf 2021-01-01\nparameter p =\n', 'x').ok).toBe(
      false,
    );
  });
});
