/**
 * Declared units (issue 15, item 1) on both evaluators: the Twents Model 2022 prices dagbesteding per declared
 * `dagdeel` with `maximum 9 dagdelen per week`. json-rules-engine and the fast path must agree to the cent,
 * explanations included, and the explanation (built once from either path's answers) writes the declared unit:
 * "€ 38,75 per dagdeel × 18 dagdelen (maximum 9 dagdelen per week …)".
 */
import { describe, expect, it } from 'vitest';
import type { Ir } from '../../dsl/index.js';
import { createEngine } from '../../src/engine/evaluate.js';
import { renderExplanation } from '../../src/engine/explain.js';
import { lineQuantityText } from '../../src/engine/format.js';
import { loadTwentsModel } from '../support/twents-model.js';

const { programs, errors } = loadTwentsModel();

const casus = (aantal: string | undefined, tot: string) => ({
  gemeente: 'Losser',
  wet: 'jeugdwet',
  geboortedatum: '2010-05-01',
  ingangsdatum: '2022-04-01',
  verwijzer: 'toegang',
  resultaten: [
    {
      id: 'r1',
      perspectief: 'stabiliseren',
      ondersteuningsbehoefte: 'OB3',
      intensiteit: 'midden',
      bandbreedte: 'B',
      periode: { van: '2022-04-01', tot: '2022-06-30' },
    },
  ],
  modules: [
    {
      module: 'dagbesteding_groep',
      ...(aantal === undefined ? {} : { aantal }),
      periode: { van: '2022-04-04', tot },
    },
  ],
});

async function both(c: unknown) {
  const a = await createEngine(programs, { path: 'jre' }).evaluate(c, { explain: true });
  const b = await createEngine(programs, { path: 'fast' }).evaluate(c, { explain: true });
  expect(b).toEqual(a);
  return a;
}

describe('declared unit dagdeel (Twents Model 2022)', () => {
  it('compiles, and version 2022 declares the unit with its plural and iStandaard code', () => {
    expect(errors).toEqual([]);
    const p2022 = programs.find((p: Ir.Program) => p.version === '2022');
    expect(p2022?.units?.map((u) => [u.name, u.plural, u.eenheid])).toEqual([['dagdeel', 'dagdelen', '16']]);
    // Earlier versions do not know it.
    expect(programs.find((p) => p.version === '2021-07')?.units).toBeUndefined();
  });

  it('caps 24 requested dagdelen at 9 per week over two weeks: 18 × € 38,75', async () => {
    const ev = await both(casus('24', '2022-04-17'));
    expect(ev.ok).toBe(true);
    if (!ev.ok) return;
    const line = ev.lines.find((l) => l.kind === 'module');
    expect(line).toMatchObject({ unit: 'dagdeel', plural: 'dagdelen', quantity: '18', amount: '697.50' });
    expect(line && lineQuantityText(line.quantity, line.unit, line.plural)).toBe('18 dagdelen');
    const text = renderExplanation(ev);
    expect(text).toContain(
      '€ 38,75 per dagdeel × 18 dagdelen (maximum 9 dagdelen per week: 18 dagdelen in deze periode; aangevraagd 24 dagdelen) = € 697,50',
    );
  });

  it('prorates the maximum over part of a week, exactly: 9 × 10/7 dagdelen', async () => {
    const ev = await both(casus('20', '2022-04-13'));
    expect(ev.ok).toBe(true);
    if (!ev.ok) return;
    expect(ev.lines.find((l) => l.kind === 'module')?.amount).toBe('498.21');
  });

  it('one dagdeel is singular, under the maximum nothing is capped', async () => {
    const ev = await both(casus('1', '2022-04-17'));
    expect(ev.ok).toBe(true);
    if (!ev.ok) return;
    const line = ev.lines.find((l) => l.kind === 'module');
    expect(line && lineQuantityText(line.quantity, line.unit, line.plural)).toBe('1 dagdeel');
    expect(renderExplanation(ev)).toContain('€ 38,75 per dagdeel × 1 dagdeel = € 38,75');
  });

  it('refuses a request without aantal, on both paths, with the reason of the rules', async () => {
    const ev = await both(casus(undefined, '2022-04-17'));
    expect(ev.ok).toBe(true);
    if (!ev.ok) return;
    const d = ev.decisions.find((x) => x.module === 'dagbesteding_groep');
    expect(d?.allowed).toBe(false);
    expect(d?.reason).toContain('aantal dagdelen');
  });
});
