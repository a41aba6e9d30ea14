/** Which quantities are split at a version boundary: only those the item's period measures. */
import { describe, expect, it } from 'vitest';
import { readsItemPeriod } from '../../dsl/index.js';
import type { Ir } from '../../dsl/index.js';
import { createEngine } from '../../src/engine/evaluate.js';
import { casus, resultaat } from '../support/casus.js';
import { compileOne, compileSources, programOf } from '../support/compile.js';
import { loadTwentsModel } from '../support/twents-model.js';

const { programs } = loadTwentsModel();
const calcs = (p: Ir.Program) => new Map(p.calcs.map((c) => [`${c.scope}:${c.name}`, c]));

describe('readsItemPeriod', () => {
  const p2019 = programOf(programs, '2019');
  const module = (name: string) => {
    const m = p2019.modules.find((x) => x.name === name);
    if (!m) throw new Error(`${name} missing`);
    return m;
  };

  it('sees the period in the budget and in modules priced per etmaal or month', () => {
    expect(p2019.budget && readsItemPeriod(p2019.budget.quantity, calcs(p2019))).toBe(true);
    expect(readsItemPeriod(module('wonen_verblijf').quantity, calcs(p2019))).toBe(true);
    expect(readsItemPeriod(module('maatregelhulp').quantity, calcs(p2019))).toBe(true);
  });

  it('does not see it in a fixed quantity or a requested number', () => {
    expect(readsItemPeriod(module('consultatie_diagnostiek').quantity, calcs(p2019))).toBe(false);
    expect(readsItemPeriod(module('vervoer').quantity, calcs(p2019))).toBe(false);
  });

  it('follows calculations, and ignores the beschikking-level ingangsdatum', () => {
    const text = `regelset "T"
versie "1"
geldig vanaf 2024-01-01

invoer beschikking
  veld ingangsdatum: datum

invoer resultaat
  veld aantal: getal

parameter weekprijs = € 10,00 per week

bereken duur voor elk resultaat = weken(periode)
bereken vast voor elk resultaat = aantal

budget voor elk resultaat
  tarief weekprijs
  hoeveelheid duur
  afgerond op centen
`;
    const p = compileOne(text);
    if (!p.budget) throw new Error('no budget');
    const byName = calcs(p);
    expect(readsItemPeriod(p.budget.quantity, byName)).toBe(true);
    const vast = p.calcs.find((c) => c.name === 'vast');
    expect(vast && readsItemPeriod(vast.value, byName)).toBe(false);
  });
});

describe('a missing tariff', () => {
  it("names the table cell and whether it is '-' or absent", async () => {
    const { texts } = loadTwentsModel();
    const file = 'rules/twents-model/2019.regels';
    const base = texts[file];
    if (base === undefined) throw new Error('2019 text missing');
    // Without the condition that keeps maatregel = geen away from the table, its '-' cell is looked up.
    const text = base.replace(
      /\n {2}toegestaan als maatregel is niet leeg en maatregel in \(ots, voogdij, jeugdreclassering\)\n {2}anders "[^"]*"/,
      '',
    );
    expect(text).not.toBe(base);
    const ev = await createEngine(compileSources([{ path: file, text }]), { path: 'fast' }).evaluate(
      casus({
        gemeente: 'Enschede',
        velden: { verwijzer: 'gi', maatregel: 'geen' },
        resultaten: [resultaat('2019-01-01', '2019-03-31')],
        modules: [{ module: 'maatregelhulp', periode: { van: '2019-01-01', tot: '2019-03-31' } }],
      }),
    );
    expect(ev.diagnostics.filter((d) => d.rule === 'tarief').map((d) => d.message)).toEqual([
      "Geen tarief voor maatregelhulp: maatregelhulp_tarief[geen] is leeg ('-') in versie 2019",
    ]);
  });
});
