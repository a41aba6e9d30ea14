/**
 * Must show (issue 11): 500 generated beschikkingen evaluated one by one, with the canonical json-rules-engine
 * path and Decimal sums made here, against every total and breakdown of `regelwerk impact` (fast path, worker
 * threads, bigint cents), to the cent. Two pairs of versions: 2021-07 → 2022 (the yearly indexation) and
 * 2019 → 2021-07 (changed rules, a removed rule, the Almelo override of 2019, changes of status), on a caseload of
 * 2021; and 2021-07 → 2022 on a caseload of 2022, whose Wmo clients ask for dagbesteding in een groep, a module
 * only 2022 has: the basis leaves those requests out and prices the rest.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import Decimal from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ir } from '../../dsl/index.js';
import { compileRuleset } from '../../src/cli/ruleset.js';
import { generateCaseload } from '../../src/impact/generate.js';
import type { ImpactGroup, ImpactReport } from '../../src/impact/types.js';
import { createEngine } from '../../src/index.js';
import type { Evaluation } from '../../src/index.js';
import { cli, impactOptions, tmp } from '../support/cli.js';

const RULES = 'rules/twents-model';
const N = 500;

type Json = Record<string, unknown>;
interface Expected {
  basis: Decimal;
  variant: Decimal;
  count: number;
}

let programs: Ir.Program[];
/** The caseloads by the year of their ingangsdata, and their files. */
const caseloads = new Map<number, { cases: Json[]; file: string }>();

beforeAll(async () => {
  const load = await compileRuleset([RULES]);
  if (!load.ok) throw new Error('rules do not compile');
  programs = load.ruleset.programs;
  for (const jaar of [2021, 2022]) {
    const cases = [...generateCaseload({ aantal: N, seed: 11, jaar })];
    const file = path.join(await tmp(), `caseload-${jaar}.jsonl`);
    await writeFile(file, cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
    caseloads.set(jaar, { cases, file });
  }
});

/** The modules a regional version declares. */
const modulesOf = (version: string): Set<string> =>
  new Set(
    programs
      .filter((p) => p.version === version && !p.municipality)
      .flatMap((p) => p.modules.map((m) => m.name)),
  );

/** The case as one side prices it: without the requests for a module only the other side's version has. */
function asPriced(c: Json, own: Set<string>, other: Set<string>): Json {
  const requests = c['modules'];
  if (!Array.isArray(requests)) return c;
  const kept = (requests as Json[]).filter(
    (m) => own.has(String(m['module'])) || !other.has(String(m['module'])),
  );
  return kept.length === requests.length ? c : { ...c, modules: kept };
}

/** The version and its municipal overrides, made to apply on every day (written here, not taken from src/impact). */
function engineFor(version: string) {
  const always = (p: Ir.Program): Ir.Program => ({ ...p, validFrom: '1900-01-01', validTo: undefined });
  const own = programs.filter(
    (p) => (p.version === version && !p.municipality) || (p.municipality && p.base === version),
  );
  return createEngine(own.map(always));
}

const add = (m: Map<string, Expected>, key: string, b: Decimal, v: Decimal, count = 1) => {
  const e = m.get(key) ?? { basis: new Decimal(0), variant: new Decimal(0), count: 0 };
  m.set(key, { basis: e.basis.plus(b), variant: e.variant.plus(v), count: e.count + count });
};

function band(b: Decimal, v: Decimal): string {
  if (b.isZero()) return v.isZero() ? 'gelijk' : 'hoger_meer_dan_5';
  const pct = v.minus(b).div(b).times(100);
  if (pct.abs().lte('0.1')) return 'gelijk';
  if (pct.lt(0)) return pct.lt(-5) ? 'lager_meer_dan_5' : 'lager_tot_5';
  return pct.gt(5) ? 'hoger_meer_dan_5' : 'hoger_tot_5';
}

/** Breakdowns computed one beschikking at a time. */
async function oneByOne(basisVersion: string, variantVersion: string, cases: readonly Json[]) {
  const basis = engineFor(basisVersion);
  const variant = engineFor(variantVersion);
  const [basisModules, variantModules] = [modulesOf(basisVersion), modulesOf(variantVersion)];
  const groups = {
    totals: new Map<string, Expected>(),
    gemeente: new Map<string, Expected>(),
    wet: new Map<string, Expected>(),
    po: new Map<string, Expected>(),
    ib: new Map<string, Expected>(),
    module: new Map<string, Expected>(),
    /** Module requests the variant priced. */
    moduleVariant: new Map<string, number>(),
    bands: new Map<string, Expected>(),
  };
  const cells = new Map<string, { b: Decimal; v: Decimal; bc: number; vc: number }>();
  let bad = 0;
  let statusChanged = 0;
  const changes: { line: number; b: Decimal; v: Decimal }[] = [];
  for (const [i, c] of cases.entries()) {
    const [eb, ev] = [
      await basis.evaluate(asPriced(c, basisModules, variantModules)),
      await variant.evaluate(asPriced(c, variantModules, basisModules)),
    ];
    if (!eb.ok && !ev.ok) {
      bad++;
      continue;
    }
    if (signature(eb) !== signature(ev)) statusChanged++;
    const b = new Decimal(eb.ok ? eb.total : 0);
    const v = new Decimal(ev.ok ? ev.total : 0);
    add(groups.totals, '', b, v);
    add(groups.gemeente, String(c['gemeente']), b, v);
    add(groups.wet, String(c['wet']), b, v);
    add(groups.bands, band(b, v), b, v);
    if (!b.eq(v)) changes.push({ line: i + 1, b, v });
    const side = (e: Evaluation, which: 'b' | 'v') => {
      if (!e.ok) return;
      for (const l of e.lines) {
        const amount = new Decimal(l.amount);
        const cell = cells.get(l.key) ?? { b: new Decimal(0), v: new Decimal(0), bc: 0, vc: 0 };
        if (which === 'b') cells.set(l.key, { ...cell, b: cell.b.plus(amount), bc: cell.bc + 1 });
        else cells.set(l.key, { ...cell, v: cell.v.plus(amount), vc: cell.vc + 1 });
        const zero = new Decimal(0);
        const [ab, av] = which === 'b' ? [amount, zero] : [zero, amount];
        const n = which === 'b' ? 1 : 0;
        if (l.kind === 'resultaat') {
          const items = c['resultaten'] as Json[];
          const r = items.find((x, i) => (x['id'] ?? `resultaat ${i + 1}`) === l.ref) as Json;
          add(groups.po, `${String(r['perspectief'])}, ${String(r['ondersteuningsbehoefte'])}`, ab, av, n);
          add(groups.ib, `${String(r['intensiteit'])}/${String(r['bandbreedte'])}`, ab, av, n);
        } else {
          const items = c['modules'] as Json[];
          const m = items.find((x, i) => (x['id'] ?? `module ${i + 1}`) === l.ref) as Json;
          add(groups.module, String(m['module']), ab, av, n);
          if (which === 'v') {
            const name = String(m['module']);
            groups.moduleVariant.set(name, (groups.moduleVariant.get(name) ?? 0) + 1);
          }
        }
      }
    };
    side(eb, 'b');
    side(ev, 'v');
  }
  // The 20 largest changes: largest absolute difference first, ties in caseload order.
  changes.sort((x, y) => y.v.minus(y.b).abs().comparedTo(x.v.minus(x.b).abs()) || x.line - y.line);
  return { groups, cells, bad, statusChanged, largest: changes.slice(0, 20) };
}

const money = (d: Decimal) => d.toFixed(2);

/** What a change of status compares: valid or not, each module decision, the rules (or input problems) fired. */
function signature(e: Evaluation): string {
  const diagnostics = [
    ...new Set(
      e.diagnostics.map(
        (d) => `${d.severity} ${d.rule === 'invoer' ? d.message.replace(/\[\d+\]/g, '') : d.rule}`,
      ),
    ),
  ].sort();
  const decisions = e.ok
    ? e.decisions.map((d) => `${d.module}/${d.variant ?? ''} ${d.ref} ${d.allowed}`)
    : [];
  return JSON.stringify([e.ok, decisions, diagnostics]);
}

function expectGroups(actual: readonly ImpactGroup[], expected: Map<string, Expected>) {
  const got = Object.fromEntries(
    actual.map((g) => [g.key, { basis: g.basis, variant: g.variant, count: g.count }]),
  );
  const want = Object.fromEntries(
    [...expected].map(([k, e]) => [k, { basis: money(e.basis), variant: money(e.variant), count: e.count }]),
  );
  expect(got).toEqual(want);
  for (const g of actual) expect(g.difference).toBe(money(new Decimal(g.variant).minus(g.basis)));
}

describe.each([
  ['2021-07', '2022', 2021],
  ['2019', '2021-07', 2021],
  ['2021-07', '2022', 2022],
])('impact %s → %s on 500 generated beschikkingen of %i', (basisVersion, variantVersion, jaar) => {
  let report: ImpactReport;
  let expected: Awaited<ReturnType<typeof oneByOne>>;
  let cases: Json[];

  beforeAll(async () => {
    const caseload = caseloads.get(jaar);
    if (!caseload) throw new Error(`geen caseload van ${jaar}`);
    cases = caseload.cases;
    const r = await cli(
      'impact',
      ...impactOptions({
        regels: RULES,
        caseload: caseload.file,
        basis: basisVersion,
        variant: variantVersion,
      }),
      '--json',
      '--threads',
      '2',
    );
    report = JSON.parse(r.out) as ImpactReport;
    expected = await oneByOne(basisVersion, variantVersion, cases);
  }, 120_000);

  it('counts every beschikking, and no bad rows in a generated caseload', () => {
    expect(report.counts.read).toBe(N);
    expect(report.counts.bad).toBe(expected.bad);
    expect(report.counts.priced).toBe(N - expected.bad);
  });

  it('totals, to the cent', () => {
    const t = expected.groups.totals.get('') as Expected;
    expect(report.totals.basis).toBe(money(t.basis));
    expect(report.totals.variant).toBe(money(t.variant));
    expect(report.totals.difference).toBe(money(t.variant.minus(t.basis)));
    expect(report.totals.percentage).toBe(
      t.variant.minus(t.basis).div(t.basis).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
    );
    expect(new Decimal(report.totals.difference).isZero()).toBe(false);
  });

  it('per gemeente, wet, perspectief × OB, intensiteit/bandbreedte and module, to the cent', () => {
    expectGroups(report.perGemeente, expected.groups.gemeente);
    expectGroups(report.perWet, expected.groups.wet);
    expectGroups(report.perPerspectiefOb, expected.groups.po);
    expectGroups(report.perIntensiteitBandbreedte, expected.groups.ib);
    expectGroups(report.perModule, expected.groups.module);
    expect(Object.fromEntries(report.perModule.map((g) => [g.key, g.variantCount]))).toEqual(
      Object.fromEntries(report.perModule.map((g) => [g.key, expected.groups.moduleVariant.get(g.key) ?? 0])),
    );
    expect(report.perGemeente.length).toBeGreaterThan(10);
  });

  it('lists dagbesteding in een groep as new in the variant, for exactly the beschikkingen that ask for it', () => {
    const asking = cases.filter((c) =>
      ((c['modules'] as Json[] | undefined) ?? []).some((m) => m['module'] === 'dagbesteding_groep'),
    ).length;
    const nieuw = report.statusChanges.find(
      (s) => s.kind === 'module_nieuw' && s.subject === 'dagbesteding_groep',
    );
    const group = report.perModule.find((g) => g.key === 'dagbesteding_groep');
    if (jaar < 2022) {
      expect(asking).toBe(0);
      expect(nieuw).toBeUndefined();
      return;
    }
    expect(asking).toBeGreaterThan(10);
    expect(nieuw?.count).toBe(asking);
    expect(nieuw?.label).toBe(
      'module Dagbesteding in een groep is nieuw in de variant (in de basis niet geprijsd)',
    );
    expect(group).toMatchObject({
      label: 'Dagbesteding in een groep',
      count: 0,
      variantCount: asking,
      basis: '0.00',
    });
    expect(new Decimal(group?.variant ?? '0').gt(0)).toBe(true);
  });

  it('per tariff cell: the results that use it and the money it moves', () => {
    const want = Object.fromEntries(
      [...expected.cells].map(([k, c]) => [k, [c.bc, c.vc, money(c.b), money(c.v), money(c.v.minus(c.b))]]),
    );
    const got = Object.fromEntries(
      report.perCell.map((c) => [c.key, [c.basisCount, c.variantCount, c.basis, c.variant, c.difference]]),
    );
    expect(got).toEqual(want);
  });

  it('counts the beschikkingen whose outcome changes status', () => {
    expect(report.counts.statusChanged).toBe(expected.statusChanged);
    const listed = report.statusChanges.reduce((n, s) => n + s.count, 0);
    expect(listed).toBeGreaterThanOrEqual(report.counts.statusChanged);
    if (basisVersion === '2019') expect(report.counts.statusChanged).toBeGreaterThan(0);
  });

  it('the 20 largest changes per beschikking, ties in caseload order', () => {
    expect(report.largest.map((l) => [l.line, l.basis, l.variant])).toEqual(
      expected.largest.map((l) => [l.line, money(l.b), money(l.v)]),
    );
    expect(report.largest).toHaveLength(20);
  });

  it('the change per beschikking in bands', () => {
    for (const b of report.bands) {
      const e = expected.groups.bands.get(b.band);
      expect([b.band, b.count, b.basis, b.variant]).toEqual([
        b.band,
        e?.count ?? 0,
        money(e?.basis ?? new Decimal(0)),
        money(e?.variant ?? new Decimal(0)),
      ]);
    }
  });
});
