/**
 * Long flat chains across a version boundary (issue 9): working out which rules a later version judges anew
 * (src/versions/rejudge.ts) walks a condition of 3.000 `en` terms and a calculation of 10.000 `+` terms (the most one expression may have, RW1701) without
 * recursion per term, finds a changed parameter at the far end of each chain, and the case is evaluated on both
 * paths. Sizes are asserted, never times.
 */
import { describe, expect, it } from 'vitest';
import type { Ir } from '../../dsl/index.js';
import { MAX_TERMS } from '../../dsl/syntax/nesting.js';
import { createEngine } from '../../src/engine/evaluate.js';
import { rejudgedRules, valueText } from '../../src/versions/rejudge.js';
import { compileSources, laterVersion, programOf } from '../support/compile.js';
import { nietChain, withDeclarations } from '../support/pathological.js';
import { loadTwentsModel } from '../support/twents-model.js';

const PLUS_TERMS = MAX_TERMS;
const EN_TERMS = 3000;

/**
 * Version 2024 with a sum of 10.000 terms whose innermost term is the parameter `grens`, and a rule of 3.000
 * `en` terms whose innermost comparison reads the parameter `drempel` (both never fire in the case below).
 */
const BASE = withDeclarations(
  [
    'parameter grens = 1',
    'parameter drempel = 5',
    `bereken veel = grens${' + 1'.repeat(PLUS_TERMS - 1)}`,
    'regel "som"\n  als veel < 5\n  dan fout "Som."',
    `regel "lang"\n  als aantal resultaten > drempel${' en wet = wmo'.repeat(EN_TERMS - 1)}\n  dan fout "Lang."`,
    nietChain(10_000),
  ].join('\n'),
);

const compiled = new Map<string, Ir.Program[]>();

/** The base version and a version 2025 from 2024-04-01 (op basis van 2024) with `body` (compiled once). */
function programs(body: string): Ir.Program[] {
  let ps = compiled.get(body);
  if (ps === undefined) {
    ps = compileSources([
      { path: 'basis.regels', text: BASE },
      { path: 'later.regels', text: laterVersion('2025', '2024', '2024-04-01', body, 'Proef') },
    ]);
    compiled.set(body, ps);
  }
  return ps;
}

const rejudged = (ps: Ir.Program[]) => {
  const first = programOf(ps, '2024');
  const later = programOf(ps, '2025');
  const r = rejudgedRules(first, later);
  return [...(r.beschikking ?? [])].map((id) => later.rules.find((x) => x.origin.id === id)?.name).sort();
};

const casus = {
  wet: 'jeugdwet',
  geboortedatum: '2010-05-01',
  ingangsdatum: '2024-01-01',
  resultaten: [
    {
      id: 'r1',
      perspectief: 'ontwikkelen',
      intensiteit: 'licht',
      bandbreedte: 'A',
      periode: { van: '2024-01-01', tot: '2024-06-30' },
    },
  ],
};

describe('long flat chains across a version boundary', () => {
  it('valueText writes what JSON.stringify writes, without the place keys', () => {
    const { programs: model } = loadTwentsModel();
    const place = new Set([
      'id',
      'span',
      'origin',
      'file',
      'version',
      'validFrom',
      'source',
      'bron',
      'label',
    ]);
    const json = (x: unknown) =>
      JSON.stringify(x, (k, v: unknown) => (place.has(k) || k === 'description' ? undefined : v));
    for (const p of model) {
      for (const x of [...p.rules, ...p.parameters, ...p.tables, ...p.calcs, p.input, p.budget])
        expect(valueText(x)).toBe(json(x));
    }
    const odd = { a: undefined, b: [undefined, () => 1, 'x'], c: { toJSON: () => 'j' }, origin: 1 };
    expect(valueText(odd)).toBe(json(odd));
  });

  it('a changed parameter at the far end of a 10.000-term sum and a 3.000-term `en` chain is found', () => {
    expect(rejudged(programs('parameter grens = 2\nparameter drempel = 6\n'))).toEqual(['lang', 'som']);
  });

  it('nothing is judged anew when what the chains read is unchanged (every term walked)', () => {
    expect(rejudged(programs('parameter grens = 1\n  bron "Besluit 2"\n'))).toEqual([]);
  });

  it('a case across the boundary is evaluated on both paths, the rules judged anew by the later version', async () => {
    const ps = programs('parameter grens = 2\nparameter drempel = 6\n');
    for (const path of ['fast', 'jre'] as const) {
      const ev = await createEngine(ps, { path }).evaluate(casus);
      expect(ev.ok, `${path}: ${JSON.stringify(ev).slice(0, 300)}`).toBe(true);
      if (!ev.ok) continue;
      expect(ev.versions).toEqual(['2024', '2025']);
      expect(ev.diagnostics).toEqual([]);
    }
  });
});
