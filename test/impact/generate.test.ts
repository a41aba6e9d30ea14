/**
 * The generated caseload asks for dagbesteding in een groep (the 2022 module, per dagdeel, at most 9 per week)
 * for a share of the Wmo clients, from 2022 on, within the maximum, the same for a seed; and those requests are
 * priced as asked by version 2022.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ir } from '../../dsl/index.js';
import { generateCaseload } from '../../src/impact/generate.js';
import { createEngine } from '../../src/index.js';
import { loadTwentsModel } from '../support/twents-model.js';

type Json = Record<string, unknown>;
interface Periode {
  van: string;
  tot: string;
}

const modules = (c: Json): Json[] => (c['modules'] as Json[] | undefined) ?? [];
const dagbesteding = (c: Json): Json | undefined =>
  modules(c).find((m) => m['module'] === 'dagbesteding_groep');
const days = (p: Periode): number => (Date.parse(p.tot) - Date.parse(p.van)) / 86_400_000 + 1;

let programs: Ir.Program[];
const cases = [...generateCaseload({ aantal: 3000, seed: 7, jaar: 2022 })];

beforeAll(() => {
  const load = loadTwentsModel();
  expect(load.errors).toEqual([]);
  programs = load.programs;
});

describe('dagbesteding in een groep in a generated caseload', () => {
  it('is asked by about a quarter of the Wmo clients, more often with perspectief stabiliseren, never under the Jeugdwet', () => {
    const wmo = cases.filter((c) => c['wet'] === 'wmo');
    const asking = wmo.filter((c) => dagbesteding(c) !== undefined);
    expect(cases.filter((c) => c['wet'] === 'jeugdwet' && dagbesteding(c) !== undefined)).toEqual([]);
    expect(asking.length / wmo.length).toBeGreaterThan(0.18);
    expect(asking.length / wmo.length).toBeLessThan(0.32);
    const share = (perspectief: string) => {
      const group = wmo.filter((c) => (c['resultaten'] as Json[])[0]?.['perspectief'] === perspectief);
      return group.filter((c) => dagbesteding(c) !== undefined).length / group.length;
    };
    expect(share('stabiliseren')).toBeGreaterThan(share('ontwikkelen'));
  });

  it('asks 2 to 9 dagdelen per whole week of the beschikking, never above the maximum of 9 per week', () => {
    const perWeek = new Set<number>();
    for (const c of cases) {
      const m = dagbesteding(c);
      if (!m) continue;
      const periode = m['periode'] as Periode;
      expect(periode).toEqual((c['resultaten'] as Json[])[0]?.['periode']);
      expect(m['aantal']).toMatch(/^\d+$/);
      const aantal = Number(m['aantal']);
      const weeks = Math.floor(days(periode) / 7);
      expect(aantal % weeks).toBe(0);
      perWeek.add(aantal / weeks);
      expect(aantal).toBeLessThanOrEqual((9 * days(periode)) / 7);
    }
    expect([...perWeek].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 8, 9]);
  });

  it('is not asked in a year whose version has no such module, and the rest of each case stays the same', () => {
    const of2021 = [...generateCaseload({ aantal: 3000, seed: 7, jaar: 2021 })];
    expect(of2021.filter((c) => dagbesteding(c) !== undefined)).toEqual([]);
    // The same draws as 2022 (only the dates differ): the cases of 2022 without their dagbesteding have the
    // same modules as those of 2021.
    const names = (c: Json) => modules(c).map((m) => m['module']);
    expect(cases.map((c) => names(c).filter((n) => n !== 'dagbesteding_groep'))).toEqual(of2021.map(names));
  });

  it('is the same for a seed, and differs for another', () => {
    const again = [...generateCaseload({ aantal: 3000, seed: 7, jaar: 2022 })];
    expect(again).toEqual(cases);
    const other = [...generateCaseload({ aantal: 3000, seed: 8, jaar: 2022 })];
    expect(other.map((c) => dagbesteding(c)?.['aantal'])).not.toEqual(
      cases.map((c) => dagbesteding(c)?.['aantal']),
    );
  });

  it('is priced by version 2022 as asked: allowed, not capped, dagdelen × € 38,75', async () => {
    const engine = createEngine(programs);
    const asking = cases.filter((c) => dagbesteding(c) !== undefined).slice(0, 40);
    expect(asking.length).toBe(40);
    for (const c of asking) {
      const e = await engine.evaluate(c);
      if (!e.ok) throw new Error(JSON.stringify(e.diagnostics.slice(0, 2)));
      const line = e.lines.find((l) => l.key === 'dagbesteding_groep');
      const aantal = String(dagbesteding(c)?.['aantal']);
      expect(line).toMatchObject({ quantity: aantal, rate: '38.75' });
      expect(line?.capped).toBeUndefined();
      expect(e.decisions.find((d) => d.module === 'dagbesteding_groep')?.allowed).toBe(true);
    }
  });
});

describe('the families of a generated caseload', () => {
  const results = (c: Json): Json[] => c['resultaten'] as Json[];

  it('follow the combination rules of 2022: different ondersteuningsbehoeften, at most one stabiliseren', async () => {
    const families = cases.filter((c) => results(c).length > 1);
    expect(families.length).toBeGreaterThan(300);
    for (const c of families) {
      const obs = results(c).map((r) => r['ondersteuningsbehoefte']);
      expect(new Set(obs).size).toBe(obs.length);
      expect(results(c).filter((r) => r['perspectief'] === 'stabiliseren').length).toBeLessThanOrEqual(1);
    }
    // Priced by 2022: neither rule fires on any generated beschikking.
    const engine = createEngine(programs, { path: 'fast' });
    const fired = new Set<string>();
    for (const c of families) {
      const e = await engine.evaluate(c);
      for (const d of e.diagnostics) if (d.severity === 'fout') fired.add(d.rule);
    }
    expect([...fired]).toEqual([]);
  });

  it('in a year before 2022 are drawn as before (the rules of then did not limit combinations)', () => {
    const of2021 = [...generateCaseload({ aantal: 3000, seed: 7, jaar: 2021 })];
    const same = (c: Json) => results(c).map((r) => `${String(r['ondersteuningsbehoefte'])}`);
    const repeated = of2021.filter((c) => new Set(same(c)).size < same(c).length);
    expect(repeated.length).toBeGreaterThan(20);
  });
});
