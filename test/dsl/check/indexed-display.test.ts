/**
 * RW4301 quotes the tariff in force (as written, with its indexations): the checker's exact decimal-string
 * arithmetic must agree with the engine's indexation (src/engine/indexation.ts), rounding modes included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexedForDisplay } from '../../../dsl/check/decimal-string.js';
import { applyAdjustments } from '../../../src/engine/indexation.js';
import { moneyString } from '../../../src/engine/decimal.js';
import { dec } from '../../../src/engine/decimal.js';
import type { Ir } from '../../../dsl/index.js';

const MODES = ['half_omhoog', 'half_even', 'omlaag', 'omhoog'] as const;

describe('indexedForDisplay', () => {
  it('gives 276,64 for 256,80 indexed by 2,85 % and 4,74 % (each rounded to cents)', () => {
    const cents = { decimals: 2, mode: 'half_omhoog' };
    expect(
      indexedForDisplay('256.80', [
        { fraction: '0.0285', ...cents },
        { fraction: '0.0474', ...cents },
      ]),
    ).toBe('276,64');
    expect(indexedForDisplay('4', [])).toBe('4,00');
  });

  it('agrees with the engine for random tariffs, percentages and roundings', () => {
    const step = fc.record({
      fraction: fc.integer({ min: -9999, max: 99999 }).map((n) => (n / 10000).toFixed(4)),
      decimals: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      mode: fc.constantFrom(...MODES),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(step, { maxLength: 4 }),
        (cents, steps) => {
          const written = (cents / 100).toFixed(2);
          const adjustments = steps.map(
            (s): Ir.Adjustment =>
              ({
                fraction: s.fraction,
                rounding: s.decimals === undefined ? undefined : { decimals: s.decimals, mode: s.mode },
              }) as unknown as Ir.Adjustment,
          );
          const engine = moneyString(applyAdjustments(dec(written), adjustments)).replace('.', ',');
          const shown = indexedForDisplay(
            written,
            steps.map((s) => ({
              fraction: s.fraction,
              ...(s.decimals === undefined ? {} : { decimals: s.decimals, mode: s.mode }),
            })),
          );
          expect(shown).toBe(engine);
        },
      ),
      { seed: 15, numRuns: 2000 },
    );
  });
});
