/**
 * Property tests of the engine's shortcuts against the plain way:
 * - the sums in whole cents (a line of several version parts, the total) against decimal arithmetic written out
 *   here (rate × days / 7 per part, rounded half up, summed as decimals);
 * - the quick case validation (precompiled checks that accept plain valid values) against the full validation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseCache, checkCase } from '../../src/engine/casus.js';
import { Dec, moneyString } from '../../src/engine/decimal.js';
import { createEngine } from '../../src/engine/evaluate.js';
import { daysInclusive, fromDayNumber, dayNumber } from '../../src/calendar/dates.js';
import { compileOne, compileSources, laterVersion } from '../support/compile.js';

const PRICE_1 = '10.1234';
const PRICE_2 = '11.5678';

/** A weekly price times a factor of the result, over its weeks; version 2 from 2024-07-01 changes the price. */
const V1 = `regelset "T"
versie "1"
geldig vanaf 2024-01-01

invoer beschikking
  veld ingangsdatum: datum

invoer resultaat
  veld factor: getal

parameter weekprijs = € ${PRICE_1.replace('.', ',')} per week

budget voor elk resultaat
  tarief weekprijs × factor
  hoeveelheid weken(periode)
  afgerond op centen
`;
const V2 = laterVersion(
  '2',
  '1',
  '2024-07-01',
  `parameter weekprijs = € ${PRICE_2.replace('.', ',')} per week\n`,
);
const BOUNDARY = '2024-07-01';

const programs = compileSources([
  { path: 'v1.regels', text: V1 },
  { path: 'v2.regels', text: V2 },
]);

/** A result: a factor with up to three decimals and a period in 2024 (from `start`, `length` days). */
const result = fc.record({
  factor: fc.integer({ min: 0, max: 10_000_000 }).map((n) => new Dec(n).div(1000).toFixed()),
  start: fc.integer({ min: 0, max: 365 }),
  length: fc.integer({ min: 1, max: 366 }),
});
type Result = { factor: string; start: number; length: number };

const JAN_1 = dayNumber('2024-01-01');
const period = (r: Result) => {
  const van = fromDayNumber(JAN_1 + r.start);
  const tot = fromDayNumber(Math.min(JAN_1 + r.start + r.length - 1, dayNumber('2025-06-30')));
  return { van, tot };
};

/** The amount of one result, the plain way: per version part rate × days / 7, rounded half up, summed. */
function expectedAmount(r: Result): Dec {
  const { van, tot } = period(r);
  const parts: { from: string; to: string; price: string }[] = [];
  if (tot < BOUNDARY) parts.push({ from: van, to: tot, price: PRICE_1 });
  else if (van >= BOUNDARY) parts.push({ from: van, to: tot, price: PRICE_2 });
  else
    parts.push({ from: van, to: '2024-06-30', price: PRICE_1 }, { from: BOUNDARY, to: tot, price: PRICE_2 });
  let amount = new Dec(0);
  for (const p of parts) {
    const exact = new Dec(p.price).times(r.factor).times(daysInclusive(p.from, p.to)).div(7);
    amount = amount.plus(exact.toDecimalPlaces(2, Dec.ROUND_HALF_UP));
  }
  return amount;
}

const casusOf = (rs: readonly Result[]) => ({
  ingangsdatum: period(rs[0] as Result).van,
  // As a JSON number: a text like "1.161" is refused as ambiguous (in the rules notation it reads 1161).
  resultaten: rs.map((r, i) => ({ id: `r${i + 1}`, factor: Number(r.factor), periode: period(r) })),
});

describe('sums in cents against decimal arithmetic', () => {
  const fast = createEngine(programs, { path: 'fast' });
  const jre = createEngine(programs, { path: 'jre' });

  it('gives every line and the total as the plain decimal sum (fast path)', () => {
    fc.assert(
      fc.property(fc.array(result, { minLength: 1, maxLength: 6 }), (rs) => {
        const ev = fast.evaluateSync?.(casusOf(rs));
        if (!ev?.ok) throw new Error(JSON.stringify(ev?.diagnostics));
        const amounts = rs.map(expectedAmount);
        expect(ev.lines.map((l) => l.amount)).toEqual(amounts.map(moneyString));
        expect(ev.total).toBe(moneyString(amounts.reduce((a, b) => a.plus(b), new Dec(0))));
      }),
      { numRuns: 300, seed: 2024 },
    );
  });

  it('gives the same on the json-rules-engine path', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(result, { minLength: 1, maxLength: 4 }), async (rs) => {
        const ev = await jre.evaluate(casusOf(rs));
        if (!ev.ok) throw new Error(JSON.stringify(ev.diagnostics));
        const total = rs.map(expectedAmount).reduce((a, b) => a.plus(b), new Dec(0));
        expect(ev.total).toBe(moneyString(total));
      }),
      { numRuns: 40, seed: 2024 },
    );
  });
});

/** A program with a field of every type, some optional. */
const TYPES = compileOne(`regelset "T"
versie "1"
geldig vanaf 2024-01-01

domein kleur "Kleur"
  rood "Rood"
  groen "Groen"

invoer beschikking
  veld ingangsdatum: datum
  veld kleur: kleur
  veld opmerking: tekst optioneel
  veld spoed: ja/nee optioneel
  veld inkomen: bedrag optioneel

invoer resultaat
  veld aantal_uren: getal
  veld start: datum optioneel
  veld tint: kleur optioneel

parameter weekprijs = € 10,00 per week

budget voor elk resultaat
  tarief weekprijs
  hoeveelheid weken(periode)
  afgerond op centen
`);

/** Values of every kind, valid for some type and not for others. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('rood', 'groen', 'blauw', '', 'ja', 'nee', 'true', '12.50', '1e3', ' 7 ', '-3'),
  fc.constantFrom('2024-02-29', '2023-02-29', '2024-13-01', '1899-12-31', '2024-1-1'),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.record({
    van: fc.constantFrom('2024-01-01', '2024-03-01', 'x'),
    tot: fc.constantFrom('2024-02-01', '2023-12-31'),
  }),
  fc.array(fc.integer(), { maxLength: 2 }),
);

const item = fc.record(
  {
    id: fc.oneof(fc.constantFrom('a', 'b'), anyValue),
    periode: anyValue,
    aantal_uren: anyValue,
    start: anyValue,
    tint: anyValue,
    extra: anyValue,
  },
  { requiredKeys: [] },
);

const rawCase = fc.oneof(
  fc.record(
    {
      ingangsdatum: anyValue,
      kleur: anyValue,
      opmerking: anyValue,
      spoed: anyValue,
      inkomen: anyValue,
      resultaten: fc.oneof(fc.array(item, { maxLength: 3 }), anyValue),
      modules: fc.oneof(fc.array(item, { maxLength: 1 }), anyValue),
    },
    { requiredKeys: [] },
  ),
  anyValue,
);

/** Mostly valid values (nine in ten), else any value. */
const validish = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: valid, weight: 9 }, { arbitrary: anyValue, weight: 1 });
const day = fc.integer({ min: 0, max: 700 }).map((n) => fromDayNumber(JAN_1 + n));
const aPeriod = fc.tuple(day, day).map(([a, b]) => (a <= b ? { van: a, tot: b } : { van: b, tot: a }));
const mostlyValidCase = fc.record(
  {
    ingangsdatum: validish(day),
    kleur: validish(fc.constantFrom('rood', 'groen')),
    opmerking: validish(fc.string({ maxLength: 20 })),
    spoed: validish(fc.boolean()),
    inkomen: validish(fc.constantFrom('12.50', 3, '0')),
    resultaten: fc.array(
      fc.record(
        {
          id: fc.constantFrom('a', 'b', 'c'),
          periode: validish(aPeriod),
          aantal_uren: validish(fc.constantFrom('3', 4.5, '0.25')),
          start: validish(day),
          tint: validish(fc.constantFrom('rood', 'groen')),
        },
        { requiredKeys: ['periode', 'aantal_uren'] },
      ),
      { minLength: 1, maxLength: 3 },
    ),
  },
  { requiredKeys: ['ingangsdatum', 'kleur', 'resultaten'] },
);

describe('quick case validation against the full validation', () => {
  it('types mostly valid cases exactly as the full validation does', () => {
    let valid = 0;
    fc.assert(
      fc.property(mostlyValidCase, (raw) => {
        const quick = checkCase(TYPES, raw, undefined, new CaseCache());
        if (quick.ok) valid++;
        expect(quick).toEqual(checkCase(TYPES, raw, undefined, new CaseCache(false)));
      }),
      { numRuns: 1000, seed: 11 },
    );
    // The property says something about the quick checks only if many cases pass them.
    expect(valid).toBeGreaterThan(100);
  });

  it('types and rejects every case exactly as the full validation does', () => {
    fc.assert(
      fc.property(rawCase, (raw) => {
        const quick = checkCase(TYPES, raw, undefined, new CaseCache());
        const full = checkCase(TYPES, raw, undefined, new CaseCache(false));
        expect(quick).toEqual(full);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('accepts the valid cases it is meant to speed up', () => {
    const valid = {
      ingangsdatum: '2024-01-01',
      kleur: 'rood',
      resultaten: [
        { id: 'a', periode: { van: '2024-01-01', tot: '2024-02-01' }, aantal_uren: '3', tint: 'groen' },
      ],
    };
    const quick = checkCase(TYPES, valid, undefined, new CaseCache());
    expect(quick.ok).toBe(true);
    expect(quick).toEqual(checkCase(TYPES, valid, undefined, new CaseCache(false)));
  });
});
