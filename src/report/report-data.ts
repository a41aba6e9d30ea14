/**
 * What the board report says, as plain data: the two versions and their status, what changes (the diff per
 * table, new and withdrawn declarations), what it costs (the impact over a caseload), which scenarios of the new
 * version prove the intent, and the policy sources (`bron`) behind the change. Built the same way by
 * `regelwerk rapport` and by the editor's "Rapport maken" (in its impact worker); views/report draws it.
 */
import type { Ir } from '../../dsl/index.js';
import { diffPrograms, type VersionDiff } from '../change/diff.js';
import { keyText } from '../change/effective-tables.js';
import { createEngine } from '../engine/evaluate.js';
import { RuleLabels } from '../impact/labels.js';
import type { ImpactReport } from '../impact/types.js';
import { runScenarios } from '../scenarios/run.js';
import { diffTexts, type DiffTexts } from './diff-texts.js';

export interface VersionInfo {
  readonly version: string;
  readonly base: string | undefined;
  readonly validFrom: string;
  readonly validTo: string | undefined;
  readonly status: 'concept' | 'vastgesteld';
  readonly bron: string | undefined;
  readonly file: string;
  /** Municipal overrides priced with it ("2019-almelo"). */
  readonly overrides: readonly string[];
}

export interface ScenarioText {
  readonly name: string;
  readonly passed: boolean;
  /** Dutch: what was expected and what came out. */
  readonly failures: readonly string[];
}

export interface SourceText {
  /** What the source is for: 'Versie 2023', 'Tabel Weektarief ondersteuningsbehoefte', 'Module Vervoer'. */
  readonly subject: string;
  readonly bron: string;
}

export interface ReportData {
  readonly kind: 'rapport';
  readonly ruleset: string;
  /** The day the report was made (ISO date). */
  readonly made: string;
  /** The caseload, as the reader knows it ("caseload-2023.csv"). */
  readonly caseload: string;
  readonly basis: VersionInfo;
  readonly variant: VersionInfo;
  readonly diff: DiffTexts;
  readonly impact: ImpactReport;
  readonly scenarios: {
    readonly total: number;
    readonly passed: number;
    readonly outcomes: readonly ScenarioText[];
  };
  readonly sources: readonly SourceText[];
  /** The command that explains one beschikking, without its line number (`… --uitleg`), when there is one. */
  readonly explainCommand?: string;
}

export interface ReportInput {
  /** All compiled programs of the rules (the variant's ruleset is used for its scenarios). */
  readonly programs: readonly Ir.Program[];
  readonly basis: Ir.Program;
  readonly variant: Ir.Program;
  readonly impact: ImpactReport;
  readonly caseload: string;
  readonly made: string;
  readonly explainCommand?: string;
}

function versionInfo(p: Ir.Program, overrides: readonly string[]): VersionInfo {
  return {
    version: p.version,
    base: p.base,
    validFrom: p.validFrom,
    validTo: p.validTo,
    status: p.status,
    bron: p.source,
    file: p.file,
    overrides,
  };
}

/**
 * The sources behind the change: the version's own, then those of every table and declaration it changes;
 * modules and tables by their labels.
 */
export function changeSources(
  basis: Ir.Program,
  variant: Ir.Program,
  diff: VersionDiff,
  labels: RuleLabels = new RuleLabels([variant, basis]),
): SourceText[] {
  const out: SourceText[] = [];
  const seen = new Set<string>();
  const add = (subject: string, bron: string | undefined): void => {
    if (bron === undefined || bron.trim() === '' || seen.has(`${subject}\u0000${bron}`)) return;
    seen.add(`${subject}\u0000${bron}`);
    out.push({ subject, bron });
  };
  add(`Versie ${variant.version}`, variant.source);
  for (const t of diff.tables) {
    const table =
      variant.tables.find((x) => x.name === t.name) ?? basis.tables.find((x) => x.name === t.name);
    if (table === undefined) continue;
    const subject = `Tabel ${labels.table(table.name)}`;
    add(subject, table.source);
    const changed = new Set(diff.cells.filter((c) => c.table === t.name).map((c) => c.key));
    for (const cell of table.cells) if (changed.has(keyText(cell.key))) add(subject, cell.bron);
  }
  for (const item of diff.items) {
    const from = item.change === 'vervallen' ? basis : variant;
    const suffix = item.change === 'vervallen' ? ' (vervallen)' : '';
    if (item.kind === 'parameter')
      add(`Parameter ${item.name}${suffix}`, from.parameters.find((p) => p.name === item.name)?.source);
    else if (item.kind === 'tabel') {
      const t = from.tables.find((x) => x.name === item.name);
      add(`Tabel ${labels.table(item.name)}${suffix}`, t?.source);
    } else if (item.kind === 'module')
      add(
        `Module ${labels.module(item.name)}${suffix}`,
        from.modules.find((m) => m.name === item.name)?.source,
      );
  }
  add(`Versie ${basis.version} (basis)`, basis.source);
  return out;
}

/** Everything the report shows; runs the variant's scenarios on the fast path. */
export async function buildReportData(input: ReportInput): Promise<ReportData> {
  const { basis, variant, impact } = input;
  const diff = diffPrograms(basis, variant);
  const engine = createEngine(
    input.programs.filter((p) => p.ruleset === variant.ruleset),
    { path: 'fast' },
  );
  const outcomes = await runScenarios(variant, (c) => engine.evaluate(c));
  const labels = new RuleLabels([variant, basis]);
  return {
    kind: 'rapport',
    ruleset: variant.ruleset,
    made: input.made,
    caseload: input.caseload,
    basis: versionInfo(basis, impact.basis.overrides),
    variant: versionInfo(variant, impact.variant.overrides),
    diff: diffTexts(diff, labels),
    impact,
    scenarios: {
      total: outcomes.length,
      passed: outcomes.filter((o) => o.passed).length,
      outcomes: outcomes.map((o) => ({
        name: o.scenario,
        passed: o.passed,
        failures: o.failures.map((f) => f.message),
      })),
    },
    sources: changeSources(basis, variant, diff, labels),
    ...(input.explainCommand !== undefined ? { explainCommand: input.explainCommand } : {}),
  };
}
