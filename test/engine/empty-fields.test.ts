/**
 * Issue 15 item 5: a comparison with an empty optional field is onbepaald (neither ja nor nee). A rule that
 * depends on it does not fire and the outcome says it could not be judged, naming the empty field; a module
 * condition that depends on it refuses the module with "Niet te beoordelen: … is leeg" instead of claiming its
 * reason. Both evaluators agree (explanations included), also on random cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/evaluate.js';
import { renderExplanation } from '../../src/engine/explain.js';
import type { Evaluation, EvaluationOk } from '../../src/engine/result.js';
import { compileOne } from '../support/compile.js';

const RULES = `regelset "Proef"
versie "2024"
geldig vanaf 2024-01-01

domein wet "Wet"
  jeugdwet "Jeugdwet"
  wmo "Wmo"

invoer beschikking
  veld wet: wet
  veld verlengd: ja/nee optioneel
  veld leeftijd: getal optioneel

invoer module
  veld aantal: hoeveelheid optioneel

parameter ritprijs = € 12,50 per rit

regel "Te oud zonder verlenging"
  als wet = jeugdwet en leeftijd >= 18 en verlengd <> ja
  dan fout "Na het 18e jaar alleen met verlenging."

regel "Wmo of verlengd"
  als wet = wmo of verlengd = ja
  dan waarschuwing "Wmo of verlengd."

regel "Niet verlengd"
  als niet verlengd = ja
  dan waarschuwing "Niet verlengd."

regel "Leeftijd in lijst"
  als leeftijd in (16, 17)
  dan waarschuwing "Zestien of zeventien."

regel "Expliciet leeg"
  als wet = jeugdwet en (verlengd is leeg of verlengd = nee) en leeftijd is niet leeg en leeftijd >= 18
  dan fout "Expliciet: na het 18e jaar alleen met verlenging."

module vervoer "Vervoer"
  tarief ritprijs
  hoeveelheid aantal
  afgerond op centen
  toegestaan als aantal <= 9 ritten
  anders "Ten hoogste 9 ritten."
`;

const program = compileOne(RULES);
const jre = createEngine([program], { path: 'jre' });
const fast = createEngine([program], { path: 'fast' });

const geval = (velden: Record<string, unknown>, aantal?: string) => ({
  ...velden,
  resultaten: [{ id: 'r1', periode: { van: '2024-01-01', tot: '2024-03-31' } }],
  modules: [
    {
      module: 'vervoer',
      ...(aantal === undefined ? {} : { aantal }),
      periode: { van: '2024-01-01', tot: '2024-03-31' },
    },
  ],
});

async function both(c: unknown, explain = true): Promise<EvaluationOk> {
  const a = await jre.evaluate(c, { explain });
  const b = await fast.evaluate(c, { explain });
  expect(a).toEqual(b);
  if (!a.ok) throw new Error(JSON.stringify(a.diagnostics));
  return a;
}

// The rules that fired (the case has no budget: its 'tarief' message is not a rule).
const fired = (e: Evaluation) => (e.ok ? e.diagnostics.map((d) => d.rule).filter((r) => r !== 'tarief') : []);
const undetermined = (e: EvaluationOk) => (e.undetermined ?? []).map((u) => [u.rule, u.empty]);

describe('empty fields: three-valued conditions (both paths)', () => {
  it('does not fire a rule on an empty field, and says it could not be judged', async () => {
    const e = await both(geval({ wet: 'jeugdwet', leeftijd: 19 }, '4'));
    expect(fired(e)).toEqual(['Expliciet leeg']);
    expect(undetermined(e)).toEqual([
      ['Te oud zonder verlenging', ['verlengd']],
      ['Wmo of verlengd', ['verlengd']],
      ['Niet verlengd', ['verlengd']],
    ]);
    const u = e.undetermined?.[0];
    expect(u?.message).toBe('Niet te beoordelen: verlengd is leeg.');
    expect(u?.details).toContain('verlengd is leeg: niet te beoordelen (verlengd <> ja)');
  });

  it('decides where the empty side does not matter: nee en onbepaald is nee, ja of onbepaald is ja', async () => {
    const e = await both(geval({ wet: 'wmo' }, '4'));
    // wet = jeugdwet is nee: the rule is nee, not onbepaald; wet = wmo is ja: the `of` is ja.
    expect(fired(e)).toEqual(['Wmo of verlengd']);
    // Leeftijd is empty too: `in` with an empty value is onbepaald.
    expect(undetermined(e)).toEqual([
      ['Niet verlengd', ['verlengd']],
      ['Leeftijd in lijst', ['leeftijd']],
    ]);
  });

  it('judges `in` with an empty value as onbepaald', async () => {
    const e = await both(geval({ wet: 'jeugdwet', verlengd: true }, '4'));
    // verlengd <> ja is nee: that rule is nee whatever the leeftijd.
    expect(undetermined(e)).toEqual([['Leeftijd in lijst', ['leeftijd']]]);
    expect(fired(e)).toEqual(['Wmo of verlengd']);
  });

  it('fires with filled fields as before', async () => {
    const e = await both(geval({ wet: 'jeugdwet', leeftijd: 19, verlengd: false }, '4'));
    expect(fired(e)).toEqual(['Te oud zonder verlenging', 'Niet verlengd', 'Expliciet leeg']);
    expect(e.undetermined).toBeUndefined();
  });

  it('refuses a module whose condition is onbepaald without claiming its reason', async () => {
    const e = await both(geval({ wet: 'jeugdwet', leeftijd: 10, verlengd: true }));
    const d = e.decisions[0];
    expect(d?.allowed).toBe(false);
    expect(d?.reason).toBe('Niet te beoordelen: aantal is leeg (voorwaarde: Ten hoogste 9 ritten.)');
    expect(d?.failed[0]?.undetermined).toBe(true);
    expect(e.total).toBe('0.00');
    const text = renderExplanation(e);
    expect(text).toContain('? niet te beoordelen (een waarde is leeg): Ten hoogste 9 ritten.');
    expect(text).toContain('aantal is leeg: niet te beoordelen');
    const over = await both(geval({ wet: 'jeugdwet', leeftijd: 10, verlengd: true }, '12'));
    expect(over.decisions[0]?.reason).toBe('Ten hoogste 9 ritten.');
    expect(over.decisions[0]?.failed[0]?.undetermined).toBeUndefined();
  });

  it('gives identical results on both paths for random cases with empty fields', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('jeugdwet', 'wmo'),
        fc.option(fc.boolean(), { nil: undefined }),
        fc.option(fc.integer({ min: 10, max: 25 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
        fc.boolean(),
        async (wet, verlengd, leeftijd, aantal, explain) => {
          const velden: Record<string, unknown> = { wet };
          if (verlengd !== undefined) velden.verlengd = verlengd;
          if (leeftijd !== undefined) velden.leeftijd = leeftijd;
          const c = geval(velden, aantal === undefined ? undefined : String(aantal));
          const a = await jre.evaluate(c, { explain });
          const b = await fast.evaluate(c, { explain });
          expect(a).toEqual(b);
        },
      ),
      { seed: 15, numRuns: 300 },
    );
  });
});
