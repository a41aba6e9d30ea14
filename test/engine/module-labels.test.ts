/**
 * An explanation names a module request by the label the rules declare, with the variant's label, and keeps the
 * technical key beside it ("Module Vervoer: Per rit (vervoer/rit, module 1)"); a module without a label keeps
 * its key alone. The same in both evaluators and in the JSON explanation (`label` on lines and decisions).
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/evaluate.js';
import { renderExplanation } from '../../src/engine/explain.js';
import { compileOne } from '../support/compile.js';

const RULES = `regelset "Proef"
versie "2024"
geldig vanaf 2024-01-01

invoer module
  veld aantal: hoeveelheid optioneel

parameter ritprijs = € 12,50 per rit
parameter kmprijs = € 0,45 per km
parameter uurprijs = € 60,00 per uur

module vervoer "Vervoer"
  variant rit "Per rit" tarief ritprijs
  variant km tarief kmprijs
  hoeveelheid aantal
  afgerond op centen
  toegestaan als aantal <= 40 ritten
  anders "Ten hoogste 40."

module tolk
  tarief uurprijs
  hoeveelheid aantal
  afgerond op centen
`;

const program = compileOne(RULES);
const periode = { van: '2024-01-01', tot: '2024-03-31' };
const geval = {
  resultaten: [{ id: 'r1', periode }],
  modules: [
    { module: 'vervoer', variant: 'rit', aantal: '10', periode },
    { id: 'k', module: 'vervoer', variant: 'km', aantal: '30', periode },
    { module: 'tolk', aantal: '2', periode },
  ],
};

describe('module labels in explanations', () => {
  it('names a module request by its label, with the variant label and the key beside it', async () => {
    const jre = await createEngine([program], { path: 'jre' }).explain(geval);
    const fast = await createEngine([program], { path: 'fast' }).explain(geval);
    expect(jre).toEqual(fast);
    if (!fast.ok) throw new Error(JSON.stringify(fast.diagnostics));
    const text = renderExplanation(fast);
    expect(text).toContain('Module Vervoer: Per rit (vervoer/rit, module 1) = € 125,00');
    expect(text).toContain('Module Vervoer: Per rit (vervoer/rit, module 1): toegestaan');
    // A variant without a label: its name after the module's label.
    expect(text).toContain('Module Vervoer: km (vervoer/km, k) = € 13,50');
    // A module without a label: the key alone, as before.
    expect(text).toContain('Module tolk (module 3) = € 120,00');
    expect(fast.explanation?.lines.map((l) => l.label)).toEqual([
      'Vervoer: Per rit',
      'Vervoer: km',
      undefined,
    ]);
    expect(fast.explanation?.decisions.map((d) => d.label)).toEqual([
      'Vervoer: Per rit',
      'Vervoer: km',
      undefined,
    ]);
  });
});
