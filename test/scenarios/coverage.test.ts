/**
 * Scenario coverage: a scenario across a version boundary credits each version only with what that version did
 * (the cells its parts looked up, the rules it judged, the module decisions of requests starting under it), and
 * versions of different rulesets that share a name are kept apart.
 */
import { describe, expect, it } from 'vitest';
import type { Ir } from '../../dsl/index.js';
import type { Io } from '../../src/cli/output.js';
import { runTest } from '../../src/cli/test.js';
import { createEngine } from '../../src/engine/evaluate.js';
import { compileSources } from '../support/compile.js';
import { computeCoverage, renderCoverage, type VersionCoverage } from '../../src/scenarios/coverage.js';
import { runScenarios, type ScenarioOutcome } from '../../src/scenarios/run.js';

const BASE = (ruleset = 'Proef') => `regelset "${ruleset}"
versie "2024"
geldig vanaf 2024-01-01
status vastgesteld

domein intensiteit "Intensiteit"
  licht "Licht"
  midden "Midden"

bandbreedte A bij licht van 0 tot 2 uur per week
bandbreedte B bij midden van 2 tot 4 uur per week

invoer resultaat
  veld intensiteit: intensiteit
  veld bandbreedte: bandbreedte

invoer module
  veld intensiteit: intensiteit optioneel

tabel weektarief "Weektarief" in € per week
  rijen intensiteit
  kolommen bandbreedte
           A       B
  licht    70,00   -
  midden   -       90,00

tabel cd_tarief "Consultatie, per traject" in € per traject
  rijen intensiteit
  licht    400,00
  midden   600,00

budget voor elk resultaat
  tarief weektarief[intensiteit, bandbreedte]
  hoeveelheid weken(periode)
  afgerond op centen

module cd "Consultatie"
  tarief cd_tarief[intensiteit]
  hoeveelheid 1 traject
  afgerond op centen
  toegestaan als intensiteit is niet leeg
  anders "Geef de intensiteit op."

regel "Licht resultaat"
  voor elk resultaat
  als intensiteit = licht
  dan waarschuwing "Een licht resultaat."

regel "Meer dan een resultaat"
  als aantal resultaten > 1
  dan waarschuwing "Meer dan een resultaat."
`;

const NEXT = (scenarios: string) => `regelset "Proef"
versie "2025" op basis van "2024"
geldig vanaf 2025-01-01
status concept

indexeer alle tarieven met 10 % afgerond op centen

regel "Nieuw in 2025"
  voor elk resultaat
  als intensiteit = midden
  dan waarschuwing "Een middelzwaar resultaat."

${scenarios}`;

/** Compiles the sources and runs every scenario with its ruleset's engine, explained (as `test --coverage`). */
async function outcomesOf(files: { path: string; text: string }[], explain = true) {
  const programs = compileSources(files);
  const outcomes: ScenarioOutcome[] = [];
  for (const ruleset of new Set(programs.map((p) => p.ruleset))) {
    const group = programs.filter((p) => p.ruleset === ruleset);
    const engine = createEngine(group, { path: 'fast' });
    for (const p of group) outcomes.push(...(await runScenarios(p, (c) => engine.evaluate(c, { explain }))));
  }
  return { programs, outcomes };
}

async function coverage(scenarios: string, explain = true) {
  const { programs, outcomes } = await outcomesOf(
    [
      { path: '2024.regels', text: BASE() },
      { path: '2025.regels', text: NEXT(scenarios) },
    ],
    explain,
  );
  for (const o of outcomes) expect(o.failures).toEqual([]);
  const cov = computeCoverage(programs, outcomes);
  const of = (v: string) => cov.find((c) => c.version === v) as VersionCoverage;
  return { v2024: of('2024'), v2025: of('2025'), programs };
}

/** The tables of which the version used at least one cell. */
const usedCells = (c: VersionCoverage, programs: readonly Ir.Program[]) => {
  const p = programs.find((x) => x.version === c.version && x.ruleset === c.ruleset) as Ir.Program;
  return p.tables
    .filter((t) => t.cells.filter((x) => x.value !== null).length > (c.cells.unusedPerTable[t.name] ?? 0))
    .map((t) => t.name);
};

describe('computeCoverage across a version boundary', () => {
  const ACROSS = `scenario "Over de grens: een resultaat in delen, een traject met de begindatum"
  gegeven
    resultaat r1: intensiteit = licht, bandbreedte = A, periode = 2024-12-01 tot 2025-01-31
    module cd: intensiteit = licht, periode = 2024-12-01 tot 2025-01-31
  verwacht waarschuwing "Licht resultaat"
  verwacht module cd toegestaan
`;

  it('credits a rule to the version of the item’s first day, not to every version the case touches', async () => {
    const { v2024, v2025 } = await coverage(ACROSS);
    expect(v2024.rules.fired).toEqual(['Licht resultaat']);
    expect(v2025.rules.fired).toEqual([]);
  });

  it('credits a module decision to the version of the request’s first day', async () => {
    const { v2024, v2025 } = await coverage(ACROSS);
    expect(v2024.modules.allowed).toEqual(['cd']);
    expect(v2025.modules.allowed).toEqual([]);
    expect(v2025.modules.untested).toEqual(['cd']);
  });

  it('credits a cell to the version whose part looked it up (the traject is priced whole by 2024)', async () => {
    const { v2024, v2025, programs } = await coverage(ACROSS);
    // The result is priced in two parts: weektarief[licht, A] in each version; cd_tarief[licht] only in 2024.
    expect(v2024.cells.used).toBe(2);
    expect(usedCells(v2024, programs)).toEqual(['weektarief', 'cd_tarief']);
    expect(v2025.cells.used).toBe(1);
    expect(usedCells(v2025, programs)).toEqual(['weektarief']);
  });

  it('without an explanation, credits each line’s key to the versions of its parts', async () => {
    const { v2024, v2025 } = await coverage(ACROSS, false);
    expect(v2024.cells.unusedPerTable.weektarief).toBe(1);
    expect(v2025.cells.unusedPerTable.weektarief).toBe(1);
    expect(v2025.cells.unusedPerTable.cd_tarief).toBe(2);
  });

  it('credits a rule on an item that starts in the later version to that version, case rules to the first day’s', async () => {
    const { v2024, v2025 } = await coverage(`scenario "Een resultaat per jaar"
  gegeven
    resultaat r1: intensiteit = midden, bandbreedte = B, periode = 2024-12-01 tot 2024-12-31
    resultaat r2: intensiteit = licht, bandbreedte = A, periode = 2025-01-01 tot 2025-01-31
  verwacht waarschuwing "Licht resultaat"
  verwacht waarschuwing "Meer dan een resultaat"
`);
    // r2 is judged by 2025 (its first day); the beschikking by 2024 (the case's first day).
    expect(v2025.rules.fired).toEqual(['Licht resultaat']);
    expect(v2024.rules.fired).toEqual(['Meer dan een resultaat']);
  });

  it('credits a rule that the later version adds to that version, for the item’s days under it', async () => {
    const { v2024, v2025 } = await coverage(`scenario "Nieuwe regel voor het deel in 2025"
  gegeven
    resultaat r1: intensiteit = midden, bandbreedte = B, periode = 2024-12-01 tot 2025-01-31
  verwacht waarschuwing "Nieuw in 2025"
`);
    expect(v2025.rules.fired).toEqual(['Nieuw in 2025']);
    expect(v2024.rules.fired).toEqual([]);
  });

  it('credits rules and module decisions alike without an explanation: the result names the judging version', async () => {
    const scenarios = `${ACROSS}
scenario "Nieuwe regel voor het deel in 2025"
  gegeven
    resultaat r1: intensiteit = midden, bandbreedte = B, periode = 2024-12-01 tot 2025-01-31
  verwacht waarschuwing "Nieuw in 2025"
`;
    const explained = await coverage(scenarios, true);
    const plain = await coverage(scenarios, false);
    for (const v of ['v2024', 'v2025'] as const) {
      expect(plain[v].rules).toEqual(explained[v].rules);
      expect(plain[v].modules).toEqual(explained[v].modules);
    }
    expect(plain.v2025.rules.fired).toEqual(['Nieuw in 2025']);
    expect(plain.v2024.modules.allowed).toEqual(['cd']);
  });
});

describe('computeCoverage of some of the versions evaluated', () => {
  const files = [
    { path: '2024.regels', text: BASE() },
    {
      path: '2025.regels',
      text: NEXT(`scenario "Over de grens"
  gegeven
    resultaat r1: intensiteit = licht, bandbreedte = A, periode = 2024-12-01 tot 2025-01-31
    module cd: intensiteit = licht, periode = 2024-12-01 tot 2025-01-31
  verwacht waarschuwing "Licht resultaat"

scenario "Een resultaat per jaar"
  gegeven
    resultaat r1: intensiteit = midden, bandbreedte = B, periode = 2024-12-01 tot 2024-12-31
    resultaat r2: intensiteit = licht, bandbreedte = A, periode = 2025-01-01 tot 2025-01-31
  verwacht waarschuwing "Licht resultaat"
`),
    },
  ];

  it('judges with all versions evaluated, and reports only the ones asked for', async () => {
    const { programs, outcomes } = await outcomesOf(files);
    const cov = computeCoverage(
      programs.filter((p) => p.version === '2025'),
      outcomes,
      programs,
    );
    expect(cov.map((c) => c.version)).toEqual(['2025']);
    expect(cov[0]?.rules.fired).toEqual(['Licht resultaat']);
    expect(cov[0]?.modules.allowed).toEqual([]);
    expect(cov[0]?.cells.used).toBe(1);
  });

  it('without the versions it builds on, credits the cells of its own parts and no rule or decision', async () => {
    const { programs, outcomes } = await outcomesOf(files);
    const [c] = computeCoverage(
      programs.filter((p) => p.version === '2025'),
      outcomes,
    );
    expect(c?.rules.fired).toEqual([]);
    expect(c?.modules.allowed).toEqual([]);
    expect(c?.cells.used).toBe(1);
  });
});

describe('computeCoverage with several rulesets', () => {
  it('keeps versions of the same name apart: a ruleset without scenarios is not credited', async () => {
    const other = BASE('Ander').replace(
      'status vastgesteld',
      `status vastgesteld

scenario "Licht"
  gegeven
    resultaat r1: intensiteit = licht, bandbreedte = A, periode = 2024-02-01 tot 2024-02-28
  verwacht waarschuwing "Licht resultaat"
`,
    );
    const { programs, outcomes } = await outcomesOf([
      { path: 'a/2024.regels', text: BASE() },
      { path: 'b/2024.regels', text: other },
    ]);
    const cov = computeCoverage(programs, outcomes);
    const summary = cov.map((c) => [c.ruleset, c.version, c.rules.fired, c.cells.used]);
    expect(summary).toHaveLength(2);
    expect(summary).toContainEqual(['Proef', '2024', [], 0]);
    expect(summary).toContainEqual(['Ander', '2024', ['Licht resultaat'], 1]);
    const text = renderCoverage(cov);
    expect(text).toContain('  regelset "Proef", versie 2024\n    regels:  0/2 geraakt (0 %)');
    expect(text).toContain('  regelset "Ander", versie 2024\n    regels:  1/2 geraakt (50 %)');
  });
});

describe('renderCoverage', () => {
  const one: VersionCoverage = {
    version: '2024',
    ruleset: 'Proef',
    file: '2024.regels',
    rules: { total: 3, fired: ['a'], notFired: ['b', 'c'], inheritedFrom: {} },
    modules: { total: 0, allowed: [], refused: [], untested: [] },
    cells: { total: 7, used: 4, unusedPerTable: { weektarief: 1, cd_tarief: 2 } },
  };

  it('writes shares with a decimal comma and "1 cel", and names no ruleset when there is one', () => {
    const text = renderCoverage([one]);
    expect(text).toContain('  versie 2024\n');
    expect(text).not.toContain('regelset');
    expect(text).toContain('regels:  1/3 geraakt (33,3 %)');
    expect(text).toContain('tariefcellen: 4/7 gebruikt (57,1 %)');
    expect(text).toContain('      weektarief: 1 cel niet gebruikt\n');
    expect(text).toContain('      cd_tarief: 2 cellen niet gebruikt');
    expect(text).not.toMatch(/\d\.\d %/);
  });
});

describe('regelwerk test --coverage on the project rules', () => {
  it('credits "Resultaat langer dan een jaar" (fired by a 2019 item into 2020) to 2019 only', async () => {
    let out = '';
    const io: Io = { out: (t) => (out += t + '\n'), err: () => undefined };
    const code = await runTest(['rules/'], { json: true, coverage: true, path: 'fast' }, io);
    expect(code).toBe(0);
    const cov = (JSON.parse(out) as { coverage: VersionCoverage[] }).coverage;
    const v = (name: string) => cov.find((c) => c.version === name && c.ruleset === 'Twents Model');
    expect(v('2019')?.rules.fired).toContain('Resultaat langer dan een jaar');
    expect(v('2020')?.rules.fired).not.toContain('Resultaat langer dan een jaar');
    expect(v('2020')?.rules.notFired).toContain('Resultaat langer dan een jaar');
  });
});

describe('computeCoverage of cells read by rules', () => {
  it('counts a table cell a rule read, not only those of amounts', async () => {
    const text = `${BASE('Tabelregel')}
regel "Duur traject"
  voor elk resultaat
  als cd_tarief[intensiteit] > € 500,00 per traject
  dan waarschuwing "Een duur traject."

scenario "Een middelzwaar resultaat leest cd_tarief"
  gegeven
    resultaat r1: intensiteit = midden, bandbreedte = B, periode = 2024-01-01 tot 2024-01-31
  verwacht waarschuwing "Duur traject"
`;
    const { programs, outcomes } = await outcomesOf([{ path: 'tabelregel.regels', text }]);
    for (const o of outcomes) expect(o.failures).toEqual([]);
    const [cov] = computeCoverage(programs, outcomes);
    if (!cov) throw new Error('no coverage');
    // No module was requested: cd_tarief[midden] was read only by the rule.
    expect(cov.cells.unusedPerTable.cd_tarief).toBe(1);
    expect(usedCells(cov, programs)).toContain('cd_tarief');
  });
});
