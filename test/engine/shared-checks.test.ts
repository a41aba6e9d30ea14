/**
 * One validation shared by two engines that evaluate the same case object in turn (src/engine/shared-checks.ts,
 * used by the impact analysis for its basis and variant): the outcomes are exactly those of engines that each
 * validate for themselves, the second engine really takes the first one's validation, and a case asking for a
 * module only one version declares is validated by each version itself.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ir } from '../../dsl/index.js';
import { checkCase } from '../../src/engine/casus.js';
import { createEngine } from '../../src/engine/evaluate.js';
import type { Evaluation } from '../../src/engine/result.js';
import { SharedCaseChecks } from '../../src/engine/shared-checks.js';
import { selectVersion } from '../../src/impact/versions.js';
import { generateCaseload } from '../../src/impact/generate.js';
import { loadTwentsModel, RULES_DIR } from '../support/twents-model.js';

const { programs } = loadTwentsModel();

function side(version: string): Ir.Program[] {
  const s = selectVersion(programs, version, 'basis');
  if (!s.ok) throw new Error(s.message);
  return s.programs;
}

const evaluator = (ps: Ir.Program[], sharedChecks?: SharedCaseChecks) => {
  const sync = createEngine(ps, { path: 'fast', ...(sharedChecks ? { sharedChecks } : {}) }).evaluateSync;
  if (!sync) throw new Error('no fast path');
  return sync;
};

describe('a validation shared by the basis and variant engines', () => {
  it('gives exactly the outcomes of engines that validate for themselves (2,000 generated cases)', () => {
    const shared = new SharedCaseChecks();
    const basis = evaluator(side('2021-07'), shared);
    const variant = evaluator(side('2022'), shared);
    const ownBasis = evaluator(side('2021-07'));
    const ownVariant = evaluator(side('2022'));
    let valid = 0;
    for (const c of generateCaseload({ aantal: 2000, seed: 7, jaar: 2022 })) {
      const pair: [Evaluation, Evaluation] = [basis(c), variant(c)];
      expect(pair).toEqual([ownBasis(c), ownVariant(c)]);
      if (pair[0].ok && pair[1].ok) valid++;
    }
    // Valid under both: all but the Wmo clients asking for dagbesteding in een groep (about 5 % of the cases),
    // which 2021-07 does not declare (those exercise the validation per version).
    expect(valid).toBeGreaterThan(1800);
  });

  it('is taken by the second program with the same declared input, for the same object only', () => {
    const [v2021] = side('2021-07');
    const [v2022] = side('2022');
    if (!v2021 || !v2022) throw new Error('versions missing');
    const [c] = [...generateCaseload({ aantal: 1, seed: 3, jaar: 2022 })];
    const shared = new SharedCaseChecks();
    const check = checkCase(v2021, c);
    shared.remember(v2021, c, check);
    // A case without module requests: 2022 declares another module, but the rest of its input is the same.
    expect(shared.lookup(v2022, c)).toBe(check);
    expect(shared.lookup(v2022, structuredClone(c))).toBeUndefined();
    // A case asking for a module both declare with the same variants (vervoer/rit): taken too.
    const ride = {
      ...(c as Record<string, unknown>),
      modules: [
        {
          module: 'vervoer',
          variant: 'rit',
          aantal: '10',
          periode: { van: '2022-02-01', tot: '2022-02-28' },
        },
      ],
    };
    const rideCheck = checkCase(v2021, ride);
    expect(rideCheck.ok).toBe(true);
    shared.remember(v2021, ride, rideCheck);
    expect(shared.lookup(v2022, ride)).toBe(rideCheck);
  });

  it('validates a case asking for a module one version lacks in each version', () => {
    const file = path.join(RULES_DIR, 'voorbeelden', 'dagbesteding-dagdelen.json');
    const casus = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    const shared = new SharedCaseChecks();
    const v2022 = evaluator(side('2022'), shared)(casus);
    const v2021 = evaluator(side('2021-07'), shared)(casus);
    expect(v2022.ok).toBe(true);
    expect(v2021.ok).toBe(false);
    expect(v2021.diagnostics.map((d) => d.message).join('\n')).toContain(
      "onbekende module 'dagbesteding_groep'",
    );
  });
});

describe('an engine that leaves out the indicative hours (hours: false, as the impact analysis prices)', () => {
  it('gives the same evaluations without the hours on result lines', () => {
    const ps = side('2022');
    const withHours = evaluator(ps);
    const sync = createEngine(ps, { path: 'fast', hours: false }).evaluateSync;
    if (!sync) throw new Error('no fast path');
    let lines = 0;
    for (const c of generateCaseload({ aantal: 500, seed: 11, jaar: 2022 })) {
      const full = withHours(c);
      const money = sync(c);
      if (!full.ok || !money.ok) {
        expect(money).toEqual(full);
        continue;
      }
      for (const line of full.lines) if (line.hours !== undefined) lines++;
      expect(money.lines.some((l) => l.hours !== undefined)).toBe(false);
      expect(money).toEqual({ ...full, lines: full.lines.map(({ hours: _, ...rest }) => rest) });
    }
    expect(lines).toBeGreaterThan(400);
  });
});
