/**
 * Exact day fractions: a quotient stays a fraction through every operation (decimal.ts, `Fraction`), so an amount
 * at a half cent rounds as the rules say, whatever expression the quantity is written as.
 */
import { describe, expect, it } from 'vitest';
import { Fraction, dec, divide, minus, plus, times } from '../../src/engine/decimal.js';
import { createEngine } from '../../src/engine/evaluate.js';
import { compileText } from '../support/compile.js';

/** A ruleset with one budget: € 22,463 per week over `quantity`, rounded to cents (half up). */
const ruleset = (quantity: string) => `regelset "T"
versie "1"
geldig vanaf 2024-01-01

invoer beschikking
  veld ingangsdatum: datum

budget voor elk resultaat
  tarief € 22,463 per week
  hoeveelheid ${quantity}
  afgerond op centen
`;

/** 25 days: 25/7 weeks. 22,463 × 25/7 = 80,225 exactly, so € 80,23. */
const casus = {
  ingangsdatum: '2024-01-01',
  resultaten: [{ id: 'r1', periode: { van: '2024-01-01', tot: '2024-01-25' } }],
};

describe('exact day fractions', () => {
  for (const path of ['fast', 'jre'] as const)
    for (const quantity of [
      'weken(periode)',
      '(weken(periode) + weken(periode)) / 2',
      'weken(periode) × 3 / 3',
      'weken(periode) / 3 × 3',
      'weken(periode) × 2 - weken(periode)',
    ])
      it(`prices \`hoeveelheid ${quantity}\` at 25 days as € 80,23 (${path})`, async () => {
        const engine = createEngine(compileText(ruleset(quantity)), { path });
        const ev = await engine.evaluate(casus);
        expect(ev.ok, JSON.stringify(ev.diagnostics)).toBe(true);
        if (!ev.ok) return;
        expect(ev.total).toBe('80.23');
        expect(ev.lines[0]?.parts[0]?.amount).toBe('80.23');
      });

  it('keeps numerator and denominator through sums, differences, products and quotients', () => {
    const weeks = new Fraction(dec(25), dec(7));
    const sum = plus(weeks, weeks);
    expect(sum).toBeInstanceOf(Fraction);
    const half = divide(sum, dec(2));
    expect(half).toBeInstanceOf(Fraction);
    expect(times(dec('22.463'), half as Fraction).toFixed()).toBe('80.225');
    expect(times(dec('22.463'), minus(sum, weeks)).toFixed()).toBe('80.225');
    // With the sum as a plain decimal (cut off at 40 digits) the product lands just below the half cent.
    expect(dec('22.463').times(weeks.plus(weeks).div(2)).toDecimalPlaces(2, 1).toFixed()).toBe('80.22');
  });

  it('divides by zero to nothing', () => {
    expect(divide(dec(1), dec(0))).toBeUndefined();
  });
});
