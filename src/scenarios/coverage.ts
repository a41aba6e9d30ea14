/**
 * Scenario coverage per version: which rules fired in some scenario, which modules were both allowed and
 * refused somewhere, and which tariff cells were priced by some scenario.
 *
 * A scenario across a version boundary is credited to each version for what that version did, as the engine
 * divides the work (dsl/README.md, Versies): a tariff cell to the version that priced the part that looked it up,
 * a rule to the version that judged it (the version of the item's first day, or of the case's first day for
 * beschikking rules; or a later version that adds or rewrites the rule, for its days), a module decision to the
 * version of the request's first day. Versions are those of the scenario's own ruleset, for the case's
 * municipality: two rulesets (or a municipal override) may have versions with the same name.
 */
import type { Ir } from '../../dsl/index.js';
import type { EvaluationOk } from '../engine/result.js';
import { programAt, timeline } from '../versions/timeline.js';
import type { Segment } from '../versions/timeline.js';
import type { ScenarioOutcome } from './run.js';

export interface VersionCoverage {
  /** The version, with the municipality of an override: "2019-almelo (Almelo)". */
  readonly version: string;
  /** The ruleset of the version (two rulesets may have a version with the same name). */
  readonly ruleset: string;
  /** The file that defines the version. */
  readonly file: string;
  readonly rules: {
    readonly total: number;
    readonly fired: readonly string[];
    readonly notFired: readonly string[];
    /** Rule name → the version it was written in, for rules this version inherits unchanged. */
    readonly inheritedFrom: Readonly<Record<string, string>>;
  };
  readonly modules: {
    readonly total: number;
    readonly allowed: readonly string[];
    readonly refused: readonly string[];
    readonly untested: readonly string[];
  };
  readonly cells: {
    readonly total: number;
    readonly used: number;
    readonly unusedPerTable: Readonly<Record<string, number>>;
  };
}

/** What the scenarios did in one version. */
interface Hits {
  readonly fired: Set<string>;
  readonly allowed: Set<string>;
  readonly refused: Set<string>;
  readonly cells: Set<string>;
}

const cellKey = (table: string, key: readonly string[]): string => `${table}[${key.join(', ')}]`;

const originKey = (o: { readonly file: string; readonly id: string }): string => `${o.file}\u0000${o.id}`;

/** The distinct programs of a list, in order. */
const distinct = (ps: readonly (Ir.Program | undefined)[]): Ir.Program[] =>
  ps.filter((p, i): p is Ir.Program => p !== undefined && ps.indexOf(p) === i);

/**
 * Credits one valid scenario evaluation to the programs of its ruleset that did the work. The evaluation says
 * which version priced each part, judged each rule that fired (`diagnostics[].version`) and each module request
 * (`decisions[].version`); this maps those version names to the programs of the case's timeline.
 */
function credit(
  ev: EvaluationOk,
  casus: Ir.CaseJson,
  group: readonly Ir.Program[],
  hits: ReadonlyMap<Ir.Program, Hits>,
): void {
  const segs: readonly Segment[] = timeline(
    group,
    typeof casus.gemeente === 'string' ? casus.gemeente : undefined,
  );
  const inTimeline = distinct(segs.map((s) => s.program));
  /** The program named `version` that is in force on `day` (else the first of that name for this case). */
  const named = (version: string, day?: string): Ir.Program | undefined => {
    const at = day === undefined ? undefined : programAt(segs, day);
    if (at?.version === version) return at;
    return inTimeline.find((p) => p.version === version) ?? group.find((p) => p.version === version);
  };
  const hit = (p: Ir.Program | undefined): Hits | undefined => (p ? hits.get(p) : undefined);

  // Tariff cells: each part of a line was priced by one version, with the cells it looked up.
  if (ev.explanation) {
    for (const line of ev.explanation.lines)
      for (const part of line.parts) {
        const h = hit(named(part.version, part.from));
        for (const c of part.cells) h?.cells.add(c.key);
      }
  } else {
    for (const line of ev.lines)
      for (const part of line.parts) hit(named(part.version, part.from))?.cells.add(line.key);
  }

  // A version name outside this ruleset's timeline for the case (another ruleset's version of the same name)
  // cannot be told apart: then only the cells are credited.
  if (!ev.versions.every((v) => inTimeline.some((p) => p.version === v))) return;
  // Cells the rules and module conditions read, by the version that judged them.
  for (const c of ev.explanation?.judgedCells ?? []) hit(named(c.version))?.cells.add(c.key);
  for (const d of ev.diagnostics)
    if (d.version !== undefined && d.source !== undefined) hit(named(d.version))?.fired.add(d.rule);
  for (const d of ev.decisions) {
    const h = d.version === undefined ? undefined : hit(named(d.version));
    if (h) (d.allowed ? h.allowed : h.refused).add(d.module);
  }
}

/**
 * Coverage of `programs` by the scenario outcomes. `evaluated` are all programs the scenarios were evaluated with,
 * when `programs` is only some of them (the files named on the command line, without the versions they build on):
 * which version judged or priced what follows from the versions in force, so it needs them all.
 */
export function computeCoverage(
  programs: readonly Ir.Program[],
  outcomes: readonly ScenarioOutcome[],
  evaluated: readonly Ir.Program[] = programs,
): VersionCoverage[] {
  const all = programs.every((p) => evaluated.includes(p)) ? evaluated : [...evaluated, ...programs];
  // Each scenario belongs to one program, and is evaluated with the versions of that program's ruleset.
  const scenarios = new Map<string, { program: Ir.Program; casus: Ir.CaseJson }>();
  for (const p of all)
    for (const s of p.scenarios) scenarios.set(originKey(s.origin), { program: p, casus: s.casus });
  const hits = new Map<Ir.Program, Hits>();
  for (const p of all)
    hits.set(p, { fired: new Set(), allowed: new Set(), refused: new Set(), cells: new Set() });
  for (const o of outcomes) {
    if (!o.evaluation.ok) continue;
    const own = scenarios.get(originKey(o.origin));
    if (!own) continue;
    const group = all.filter((p) => p.ruleset === own.program.ruleset);
    credit(o.evaluation, own.casus, group, hits);
  }
  return programs.map((p) => {
    const { fired, allowed, refused, cells } = hits.get(p) as Hits;
    const ruleNames = p.rules.map((r) => r.name);
    const moduleNames = p.modules.map((m) => m.name);
    const unusedPerTable: Record<string, number> = {};
    let total = 0;
    let used = 0;
    for (const t of p.tables) {
      for (const c of t.cells) {
        if (c.value === null) continue;
        total++;
        if (cells.has(cellKey(t.name, c.key))) used++;
        else unusedPerTable[t.name] = (unusedPerTable[t.name] ?? 0) + 1;
      }
    }
    return {
      version: p.version + (p.municipality ? ` (${p.municipality})` : ''),
      ruleset: p.ruleset,
      file: p.file,
      rules: {
        total: ruleNames.length,
        fired: ruleNames.filter((n) => fired.has(n)),
        notFired: ruleNames.filter((n) => !fired.has(n)),
        inheritedFrom: Object.fromEntries(
          p.rules.filter((r) => r.origin.version !== p.version).map((r) => [r.name, r.origin.version]),
        ),
      },
      modules: {
        total: moduleNames.length,
        allowed: moduleNames.filter((n) => allowed.has(n)),
        refused: moduleNames.filter((n) => refused.has(n)),
        untested: moduleNames.filter((n) => !allowed.has(n) && !refused.has(n)),
      },
      cells: { total, used, unusedPerTable },
    };
  });
}

/**
 * A share in Dutch notation, rounded to a tenth (half up): 3 of 11 is "27,3 %", 1 of 2 "50 %". Only all is
 * "100 %" and only none "0 %": 9.999 of 10.000 is "99,9 %", 1 of 10.000 "0,1 %".
 */
export function formatShare(a: number, b: number): string {
  if (b === 0) return '–';
  const tenths = Math.min(a < b ? 999 : 1000, Math.max(a > 0 ? 1 : 0, Math.round((a * 1000) / b)));
  return `${String(tenths / 10).replace('.', ',')} %`;
}
const pct = formatShare;

export function renderCoverage(coverage: readonly VersionCoverage[]): string {
  const out = ["Dekking door scenario's:"];
  // Versions of different rulesets may share a name: then each heading names its ruleset.
  const several = new Set(coverage.map((c) => c.ruleset)).size > 1;
  for (const c of coverage) {
    out.push(`  ${several ? `regelset "${c.ruleset}", ` : ''}versie ${c.version}`);
    out.push(
      `    regels:  ${c.rules.fired.length}/${c.rules.total} geraakt (${pct(c.rules.fired.length, c.rules.total)})`,
    );
    for (const n of c.rules.notFired) {
      const from = c.rules.inheritedFrom[n];
      out.push(`      niet geraakt: "${n}"${from ? ` (ongewijzigd uit versie ${from})` : ''}`);
    }
    out.push(
      `    modules: ${c.modules.allowed.length}/${c.modules.total} toegestaan, ${c.modules.refused.length}/${c.modules.total} geweigerd in een scenario`,
    );
    for (const n of c.modules.untested) out.push(`      niet getest: ${n}`);
    out.push(
      `    tariefcellen: ${c.cells.used}/${c.cells.total} gebruikt (${pct(c.cells.used, c.cells.total)})`,
    );
    for (const [t, n] of Object.entries(c.cells.unusedPerTable))
      out.push(`      ${t}: ${n} ${n === 1 ? 'cel' : 'cellen'} niet gebruikt`);
  }
  return out.join('\n');
}
