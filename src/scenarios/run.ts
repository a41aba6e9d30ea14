/**
 * Runs a program's scenarios: evaluates each scenario's case and compares only the outcomes it names.
 * Used by `regelwerk test`, the editor's scenario panel and the differential test.
 */
import type { Ir } from '../../dsl/index.js';
import { emptyNames, emptyText } from '../engine/decisions.js';
import type { Evaluation } from '../engine/result.js';

type ExpectationDef = Ir.ExpectationDef;

export interface ExpectationFailure {
  readonly expectation: ExpectationDef;
  /** Dutch: what was expected and what came out. */
  readonly message: string;
}

export interface ScenarioOutcome {
  readonly program: string;
  readonly file: string;
  readonly scenario: string;
  readonly origin: Ir.DefOrigin;
  readonly passed: boolean;
  readonly failures: readonly ExpectationFailure[];
  readonly evaluation: Evaluation;
}

/** An evaluator: the engine's `evaluate` for a program set. */
export type Evaluate = (casus: unknown) => Promise<Evaluation>;

/** "1234.5" → "€ 1.234,50" (display only; comparisons are on decimal strings). */
export function euro(amount: string): string {
  const neg = amount.startsWith('-');
  const [int = '0', frac = ''] = (neg ? amount.slice(1) : amount).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  // Amounts have two decimals; a rate may have more ("22.463"), and those are shown, not cut off.
  return `${neg ? '- ' : ''}€ ${grouped},${frac.length > 2 ? frac : (frac + '00').slice(0, 2)}`;
}

/** Numeric equality of two decimal strings without floats ("12.50" = "12.5"). */
export function sameDecimal(a: string, b: string): boolean {
  const norm = (s: string): string => {
    let t = s.trim();
    const neg = t.startsWith('-');
    if (neg) t = t.slice(1);
    let [i = '0', f = ''] = t.split('.');
    i = i.replace(/^0+(?=\d)/, '');
    f = f.replace(/0+$/, '');
    const body = f ? `${i}.${f}` : i;
    return neg && body !== '0' ? `-${body}` : body;
  };
  return norm(a) === norm(b);
}

function refOf(kind: 'resultaat' | 'module', ev: Extract<Evaluation, { ok: true }>, id: string) {
  return ev.lines.filter((l) => l.kind === kind && (l.ref === id || l.key.split('/')[0] === id));
}

/** Compares one expectation with an evaluation; undefined when it holds. */
export function checkExpectation(e: ExpectationDef, ev: Evaluation): string | undefined {
  if (e.kind === 'invalid') {
    return ev.ok
      ? 'verwacht een ongeldig geval, maar het geval werd zonder invoerfouten berekend'
      : undefined;
  }
  if (!ev.ok) {
    const first = ev.diagnostics[0];
    return `het geval is ongeldig: ${first ? first.message : 'onbekende fout'}`;
  }
  switch (e.kind) {
    case 'total':
      return sameDecimal(ev.total, e.amount)
        ? undefined
        : `verwacht totaal ${euro(e.amount)}, uitkomst ${euro(ev.total)}`;
    case 'result': {
      const lines = ev.lines.filter((l) => l.kind === 'resultaat' && l.ref === e.id);
      if (lines.length === 0) return `geen budgetregel voor resultaat '${e.id}'`;
      const sum = lines.map((l) => l.amount);
      const got = sum.length === 1 ? (sum[0] ?? '0') : sum.join(' + ');
      return lines.length === 1 && sameDecimal(got, e.amount)
        ? undefined
        : `verwacht voor resultaat '${e.id}' ${euro(e.amount)}, uitkomst ${lines.length === 1 ? euro(got) : got}`;
    }
    case 'moduleAmount': {
      const lines = ev.lines.filter((l) => l.kind === 'module' && l.key.split('/')[0] === e.module);
      if (lines.length === 0) return `geen bedrag voor module '${e.module}' (niet aangevraagd of geweigerd)`;
      if (lines.length > 1)
        return `module '${e.module}' komt ${lines.length} keer voor; noem het bedrag per aanvraag niet samen`;
      const got = lines[0]?.amount ?? '0';
      return sameDecimal(got, e.amount)
        ? undefined
        : `verwacht voor module '${e.module}' ${euro(e.amount)}, uitkomst ${euro(got)}`;
    }
    case 'moduleDecision': {
      const ds = ev.decisions.filter((d) => d.module === e.module);
      if (ds.length === 0) return `module '${e.module}' is niet aangevraagd in dit scenario`;
      const wrong = ds.filter((d) => d.allowed !== e.allowed);
      const w = wrong[0];
      if (w !== undefined)
        return e.allowed
          ? `verwacht module '${e.module}' toegestaan, maar geweigerd: ${w.reason ?? ''}`
          : `verwacht module '${e.module}' geweigerd, maar toegestaan`;
      // `geweigerd "<reden>"`: every refusal of the module gives that reason.
      const reason = e.reason;
      if (reason === undefined) return undefined;
      // The reason itself must match: a condition that could not be judged (an empty field) is wrapped in
      // "Niet te beoordelen: … (voorwaarde: <reden>)" and does not state that reason.
      const judged = (d: (typeof ds)[number]): boolean =>
        d.failed.length === 0
          ? (d.reason ?? '').includes(reason)
          : d.failed.some((f) => f.undetermined !== true && f.reason.includes(reason));
      const other = ds.find((d) => !judged(d));
      if (other === undefined) return undefined;
      const unjudged = other.failed.find((f) => f.undetermined === true && f.reason.includes(reason));
      return unjudged !== undefined
        ? `verwacht module '${e.module}' geweigerd met de reden "${reason}", maar die voorwaarde kon niet beoordeeld worden omdat ${emptyText(emptyNames(unjudged.checks))}`
        : `verwacht module '${e.module}' geweigerd met de reden "${reason}", maar de reden was: ${other.reason ?? ''}`;
    }
    case 'diagnostic': {
      const hit = ev.diagnostics.some((d) => d.severity === e.severity && d.rule === e.rule);
      return hit ? undefined : `verwacht ${e.severity} van regel "${e.rule}", maar die regel meldde niets`;
    }
    case 'noDiagnostic': {
      const hit = ev.diagnostics.find((d) => d.severity === e.severity && d.rule === e.rule);
      return hit
        ? `verwacht geen ${e.severity} van regel "${e.rule}", maar die meldde: ${hit.message}`
        : undefined;
    }
    case 'noErrors': {
      const errs = ev.diagnostics.filter((d) => d.severity === 'fout');
      return errs.length === 0
        ? undefined
        : `verwacht geen fouten, maar: ${errs.map((d) => `"${d.rule}": ${d.message}`).join('; ')}`;
    }
    case 'noWarnings': {
      const warns = ev.diagnostics.filter((d) => d.severity === 'waarschuwing');
      return warns.length === 0
        ? undefined
        : `verwacht geen waarschuwingen, maar: ${warns.map((d) => `"${d.rule}": ${d.message}`).join('; ')}`;
    }
    case 'hours': {
      const lines = refOf('resultaat', ev, e.id);
      const got = lines[0]?.hours;
      if (got === undefined) return `geen indicatieve uren voor resultaat '${e.id}'`;
      return sameDecimal(got, e.hours)
        ? undefined
        : `verwacht ${dutchNumber(e.hours)} uur voor resultaat '${e.id}', uitkomst ${dutchNumber(got)} uur`;
    }
  }
}

/**
 * Whether a case judged by `versions` (regional, for another gemeente) has days in the override's period: one of
 * the versions overlaps it. Without the programs (`programs` not given), any version with the override's base.
 */
function coversDays(
  override: Ir.Program,
  versions: readonly string[],
  programs: readonly Ir.Program[] | undefined,
): boolean {
  if (programs === undefined) return override.base !== undefined && versions.includes(override.base);
  return programs.some(
    (p) =>
      p.ruleset === override.ruleset &&
      p.municipality === undefined &&
      versions.includes(p.version) &&
      p.validFrom <= (override.validTo ?? '9999-12-31') &&
      (p.validTo ?? '9999-12-31') >= override.validFrom,
  );
}

/** The periods (`van`, `tot`) of a case: its own, its results' and its modules'. */
function casePeriods(casus: Ir.CaseJson): { van: string; tot: string }[] {
  const out: { van: string; tot: string }[] = [];
  const add = (v: Ir.JsonValue | undefined): void => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return;
    const p = (v as { readonly [k: string]: Ir.JsonValue }).periode;
    if (p === null || typeof p !== 'object' || Array.isArray(p)) return;
    const { van, tot } = p as { readonly [k: string]: Ir.JsonValue };
    if (typeof van === 'string' && typeof tot === 'string') out.push({ van, tot });
  };
  add(casus);
  for (const key of ['resultaten', 'modules']) {
    const list = casus[key];
    if (Array.isArray(list)) for (const item of list as readonly Ir.JsonValue[]) add(item);
  }
  return out;
}

/**
 * Whether a case for another gemeente has days in the override's period. Judged on the case's own dates (a
 * regional version's declared end is missing when it is open-ended, so its overlap says nothing); a case
 * without dates falls back to the versions that judged it.
 */
function inOverridePeriod(
  override: Ir.Program,
  casus: Ir.CaseJson,
  versions: readonly string[],
  programs: readonly Ir.Program[] | undefined,
): boolean {
  const periods = casePeriods(casus);
  if (periods.length === 0) return coversDays(override, versions, programs);
  const end = override.validTo ?? '9999-12-31';
  return periods.some((p) => p.van <= end && p.tot >= override.validFrom);
}

export async function runScenarios(
  program: Ir.Program,
  evaluate: Evaluate,
  programs?: readonly Ir.Program[],
): Promise<ScenarioOutcome[]> {
  const outcomes: ScenarioOutcome[] = [];
  for (const s of program.scenarios) {
    const evaluation = await evaluate(s.casus);
    const failures: ExpectationFailure[] = [];
    // A scenario tests its own version: its case must fall (at least partly) in that version's period. In a
    // municipal override's file, a scenario for another gemeente shows that the override leaves it alone: it is
    // judged by the regional versions, and must fall in the override's period.
    const gemeente = typeof s.casus.gemeente === 'string' ? s.casus.gemeente : undefined;
    const elsewhere = program.municipality !== undefined && gemeente !== program.municipality;
    const wrongDays = elsewhere
      ? evaluation.ok && !inOverridePeriod(program, s.casus, evaluation.versions, programs)
      : evaluation.ok && !evaluation.versions.includes(program.version);
    if (wrongDays && evaluation.ok) {
      failures.push({
        expectation: { kind: 'noErrors', origin: s.origin },
        message: elsewhere
          ? `het geval (gemeente ${gemeente ?? 'leeg'}) valt niet in de periode van deze afwijking voor ${program.municipality ?? ''} (${program.validFrom} t/m ${program.validTo ?? 'open'}; berekend met versie ${evaluation.versions.join(', ')}); kies datums binnen die periode`
          : `het geval valt niet in versie ${program.version} (berekend met versie ${evaluation.versions.join(', ')}); kies datums binnen de geldigheid van deze versie`,
      });
    }
    for (const e of s.expectations) {
      const message = checkExpectation(e, evaluation);
      if (message !== undefined) failures.push({ expectation: e, message });
    }
    outcomes.push({
      program: program.version + (program.municipality ? ` (${program.municipality})` : ''),
      file: s.origin.file,
      scenario: s.name,
      origin: s.origin,
      passed: failures.length === 0,
      failures,
      evaluation,
    });
  }
  return outcomes;
}

/** A decimal as Dutch writes it (`13.67` → `13,67`). */
const dutchNumber = (n: string): string => n.replace('.', ',');
