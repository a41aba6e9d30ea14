/** Which quantities are split at a version boundary: only those the item's period measures. */
import { describe, expect, it } from 'vitest';
import { compile, readsItemPeriod } from '../../dsl/index.js';
import type { Ir } from '../../dsl/index.js';
import { loadTwentsModel } from './load-rules.js';

const { programs } = loadTwentsModel();
const calcs = (p: Ir.Program) => new Map(p.calcs.map((c) => [`${c.scope}:${c.name}`, c]));

describe('readsItemPeriod', () => {
  const p2019 = programs.find((p) => p.version === '2019' && p.municipality === undefined);
  if (!p2019) throw new Error('2019 missing');
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
    const r = compile([{ path: 't.regels', text }]);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
    const p = r.programs[0];
    if (!p?.budget) throw new Error('no program');
    const byName = calcs(p);
    expect(readsItemPeriod(p.budget.quantity, byName)).toBe(true);
    const vast = p.calcs.find((c) => c.name === 'vast');
    expect(vast && readsItemPeriod(vast.value, byName)).toBe(false);
  });
});
