/**
 * Issue 15 item 8: a module request names a result of the same beschikking (`resultaat = r1`) and the module
 * reads its fields (`resultaat.perspectief`); rules look across the results (`aantal resultaten met (…)`, with
 * `dit.x` for the result the rule judges). Both evaluators agree; a reference to no result is refused in Dutch.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/evaluate.js';
import { renderExplanation } from '../../src/engine/explain.js';
import type { Evaluation, EvaluationOk } from '../../src/engine/result.js';
import { compileOne } from '../support/compile.js';

const program = compileOne(
  readFileSync('test/fixtures/check/good/resultaten-combineren.regels', 'utf8'),
  'resultaten-combineren.regels',
);
const jre = createEngine([program], { path: 'jre' });
const fast = createEngine([program], { path: 'fast' });

const result = (id: string, perspectief: string, van: string, tot: string) => ({
  id,
  perspectief,
  periode: { van, tot },
});

async function both(c: unknown): Promise<Evaluation> {
  const a = await jre.evaluate(c, { explain: true });
  const b = await fast.evaluate(c, { explain: true });
  expect(a).toEqual(b);
  return a;
}

// The rule diagnostics (this program has no budget: its results' 'tarief' messages are not rules).
const rules = (e: EvaluationOk) => e.diagnostics.filter((d) => d.rule !== 'tarief');

const ok = (e: Evaluation): EvaluationOk => {
  if (!e.ok) throw new Error(JSON.stringify(e.diagnostics));
  return e;
};

describe('modules and results know each other (both paths)', () => {
  it('prices a module from the result it names', async () => {
    const e = ok(
      await both({
        resultaten: [
          result('r1', 'ontwikkelen', '2024-01-01', '2024-03-31'),
          result('r2', 'stabiliseren', '2024-04-01', '2024-06-30'),
        ],
        modules: [
          { module: 'consultatie', resultaat: 'r2', periode: { van: '2024-04-01', tot: '2024-04-30' } },
          { module: 'consultatie', resultaat: 'r1', periode: { van: '2024-01-01', tot: '2024-01-31' } },
        ],
      }),
    );
    expect(e.lines.filter((l) => l.kind === 'module').map((l) => [l.ref, l.amount])).toEqual([
      ['module 1', '400.00'],
      ['module 2', '500.00'],
    ]);
    expect(rules(e)).toEqual([]);
  });

  it('refuses a request that names no result, saying why', async () => {
    const e = ok(
      await both({
        resultaten: [result('r1', 'ontwikkelen', '2024-01-01', '2024-03-31')],
        modules: [{ module: 'consultatie', periode: { van: '2024-01-01', tot: '2024-01-31' } }],
      }),
    );
    expect(e.decisions[0]?.allowed).toBe(false);
    expect(e.decisions[0]?.reason).toBe('Noem het resultaat waar de consultatie bij hoort.');
  });

  it('refuses a case whose request names a result it does not have', async () => {
    const e = await both({
      resultaten: [result('r1', 'ontwikkelen', '2024-01-01', '2024-03-31')],
      modules: [
        { module: 'consultatie', resultaat: 'r9', periode: { van: '2024-01-01', tot: '2024-01-31' } },
      ],
    });
    expect(e.ok).toBe(false);
    expect(e.diagnostics.map((d) => d.message)).toEqual([
      "modules[0].resultaat: geen resultaat met id 'r9' in deze beschikking (wel: r1).",
    ]);
  });

  it('looks across results: overlapping periods with the same perspectief, and a count with a condition', async () => {
    const e = ok(
      await both({
        resultaten: [
          result('r1', 'stabiliseren', '2024-01-01', '2024-03-31'),
          result('r2', 'stabiliseren', '2024-03-31', '2024-06-30'),
          result('r3', 'ontwikkelen', '2024-01-01', '2024-06-30'),
        ],
        modules: [],
      }),
    );
    expect(rules(e).map((d) => [d.rule, d.path ?? ''])).toEqual([
      ['Hoogstens één keer stabiliseren', ''],
      ['Niet twee keer hetzelfde perspectief tegelijk', 'resultaten[0]'],
      ['Niet twee keer hetzelfde perspectief tegelijk', 'resultaten[1]'],
    ]);
    const text = renderExplanation(e);
    expect(text).toContain('aantal resultaten = 2');
  });

  it('is quiet when the same perspectief follows without overlap', async () => {
    const e = ok(
      await both({
        resultaten: [
          result('r1', 'ontwikkelen', '2024-01-01', '2024-03-31'),
          result('r2', 'ontwikkelen', '2024-04-01', '2024-06-30'),
        ],
        modules: [],
      }),
    );
    expect(rules(e)).toEqual([]);
  });
});
