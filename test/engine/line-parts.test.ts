/**
 * A line priced in parts (dsl/README.md, "Uren en tarief van een regel in delen"): its hours are the sum of the
 * parts' rounded hours, its rate is the first part's rate, its amount the sum of the parts' amounts.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/evaluate.js';
import { casus } from '../support/casus.js';
import { loadTwentsModel } from '../support/twents-model.js';

const { programs } = loadTwentsModel();

describe('a line in parts', () => {
  for (const path of ['jre', 'fast'] as const) {
    it(`sums rounded part hours and keeps the first part's rate (${path})`, async () => {
      const ev = await createEngine(programs, { path }).explain(
        casus({ van: '2021-05-01', tot: '2022-02-28' }),
      );
      if (!ev.ok) throw new Error(JSON.stringify(ev.diagnostics));
      const line = ev.lines[0];
      const explained = ev.explanation?.lines[0];
      expect(line?.parts.map((p) => [p.version, p.rate])).toEqual([
        ['2021-01', '140.08'],
        ['2021-07', '140.08'],
        ['2022', '146.72'],
      ]);
      expect(line?.rate).toBe('140.08');
      expect(line?.amount).toBe('6139.44');
      expect(line?.parts.map((p) => p.amount)).toEqual(['1220.70', '3682.10', '1236.64']);
      expect(explained?.parts.map((p) => p.hours)).toEqual(['14.13', '42.62', '13.67']);
      expect(line?.hours).toBe('70.42');
    });
  }
});
