/**
 * The stable JSON shape of an evaluation, for programs that embed regelwerk.
 * Money is a decimal string in euros with two decimals ("1234.50"); quantities and rates are decimal strings.
 */
import type { Span } from '../../dsl/index.js';
import type { Check } from './describe.js';

export type { Check } from './describe.js';

/** Where something in a result came from: the IR origin id, and its file and span. */
export interface SourceRef {
  readonly id: string;
  readonly file: string;
  readonly span: Span;
}

/** A part of a line priced by one version (a beschikking across a version boundary has several). */
export interface LinePart {
  readonly version: string;
  readonly from: string;
  readonly to: string;
  readonly quantity: string;
  readonly rate: string;
  readonly amount: string;
}

export interface ResultLine {
  readonly kind: 'resultaat' | 'module';
  /** The tariff cell or module key, e.g. "weektarief[ontwikkelen, OB2, midden, B]" or "vervoer/rit". */
  readonly key: string;
  /** The case item: the result's id (or "resultaat 1"), or the module request's id (or "module 1"). */
  readonly ref: string;
  readonly quantity: string;
  readonly unit: string;
  /** The plural of a declared unit (`eenheid dagdeel meervoud dagdelen`): "9 dagdelen"; absent for built-in units. */
  readonly plural?: string;
  readonly rate: string;
  readonly amount: string;
  /** Indicative hours of direct client time, when the rules declare time norms. */
  readonly hours?: string;
  /** Set when a cap (maximum) lowered the amount. */
  readonly capped?: boolean;
  readonly parts: readonly LinePart[];
  readonly source: SourceRef;
}

export interface ModuleDecision {
  readonly module: string;
  readonly variant?: string;
  readonly ref: string;
  readonly allowed: boolean;
  /** Dutch reason when refused. */
  readonly reason?: string;
  /** Each failed condition, with the actual values it saw. */
  readonly failed: readonly FailedCondition[];
  readonly source: SourceRef;
  /** The version that judged the request: the one in force on its first day (always set by the engine). */
  readonly version?: string;
}

export interface FailedCondition {
  /** The condition's reason; when it was onbepaald, "Niet te beoordelen: … is leeg (…)" instead. */
  readonly reason: string;
  /** Set when the condition was onbepaald: it compared an empty value (see `checks`, `undetermined`). */
  readonly undetermined?: true;
  /** Human-readable: "leeftijd = 19 jaar; verwacht < 18 jaar". */
  readonly detail: string;
  /** The same per check, for programs: subject, actual value, what was needed, whether it held. */
  readonly checks: readonly Check[];
  readonly source: SourceRef;
}

export interface CaseDiagnostic {
  readonly severity: 'fout' | 'waarschuwing';
  /** For rule diagnostics: the rule's name. For case validation: "invoer". */
  readonly rule: string;
  readonly message: string;
  /** The case field it concerns, as a JSON path ("resultaten[0].bandbreedte"). */
  readonly path?: string;
  readonly source?: SourceRef;
  /**
   * For rule diagnostics: the version that judged the rule (the version of the item's first day, or of the case's
   * first day for beschikking rules, or a later version judging anew for its days).
   */
  readonly version?: string;
}

/**
 * A rule that could not be judged: its condition compared an empty value, so it is neither ja nor nee
 * (dsl/README.md, "Lege velden"). The rule did not fire; this says which values were empty.
 */
export interface UndeterminedRule {
  readonly rule: string;
  /** What the rule would report if it fired. */
  readonly severity: 'fout' | 'waarschuwing';
  /** "Niet te beoordelen: verlengde_jeugdhulp is leeg." */
  readonly message: string;
  /** The empty values the condition compared (fields, calculations, cells), by name. */
  readonly empty: readonly string[];
  /** The checks in Dutch, as in an explanation. */
  readonly details: readonly string[];
  readonly path?: string;
  readonly source: SourceRef;
  readonly version: string;
}

export interface EvaluationOk {
  readonly ok: true;
  /** The version(s) used, comma-separated when a beschikking spans several. */
  readonly version: string;
  readonly versions: readonly string[];
  readonly lines: readonly ResultLine[];
  readonly total: string;
  readonly decisions: readonly ModuleDecision[];
  readonly diagnostics: readonly CaseDiagnostic[];
  /** Rules that could not be judged because a value they compare is empty; absent when there are none. */
  readonly undetermined?: readonly UndeterminedRule[];
  /** Present when evaluated with `{ explain: true }`. */
  readonly explanation?: Explanation;
}

/** A case that cannot be evaluated: malformed input. Nothing is priced. */
export interface EvaluationInvalid {
  readonly ok: false;
  readonly version: string | null;
  readonly diagnostics: readonly CaseDiagnostic[];
}

export type Evaluation = EvaluationOk | EvaluationInvalid;

// ───────────────────────────── explanations (evaluate(casus, { explain: true })) ─────────────────────────────

/** A written value a rate was made of (a table cell or a parameter): what it is now and where it comes from. */
export interface ValueExplanation {
  /** The value used (after indexations), a decimal string; null for a `-` cell or a value that is not a number. */
  readonly value: string | null;
  /** The value as written in the source; null for a `-` cell or a computed parameter (`= ritprijs × 2`). */
  readonly written: string | null;
  /** "€ per week". */
  readonly unit: string;
  /** The version (and its effective date) whose text wrote it; inherited values keep their own. */
  readonly version: string;
  readonly validFrom: string;
  /** Indexations applied on top of the written value, in order. */
  readonly indexations: readonly {
    readonly fraction: string;
    readonly version: string;
    readonly validFrom: string;
    /** For a partial indexation, the cells it chose: "ondersteuningsbehoefte OB2" (`indexeer … voor …`). */
    readonly selection?: string;
  }[];
  /** The policy source (`bron`) of the declaration that wrote it. */
  readonly bron?: string;
  readonly source: SourceRef;
}

/** A tariff cell an amount came from. */
export interface CellExplanation extends ValueExplanation {
  readonly table: string;
  readonly label?: string;
  /** "weektarief[ontwikkelen, OB2, midden, B]". */
  readonly key: string;
}

/** A parameter a rate was made of (`vervoer_per_km`, `dakje_gezinshuis_plus`), explained like a cell. */
export interface ParameterExplanation extends ValueExplanation {
  readonly name: string;
}

export interface PartExplanation {
  readonly version: string;
  /** The version's own first day (also when it was priced as if it applied on every day). */
  readonly validFrom: string;
  /** Set when the version was priced as if it applied on every day (impact analysis, "Open in proefgeval"). */
  readonly asIf?: true;
  readonly from: string;
  readonly to: string;
  readonly cells: readonly CellExplanation[];
  /** Parameters the rate read (besides the cells). */
  readonly parameters: readonly ParameterExplanation[];
  readonly rate: string;
  readonly quantity: string;
  readonly unit: string;
  readonly amount: string;
  /** "afgerond op centen, half naar boven". */
  readonly rounding?: string;
  /** "€ 131,00 per week × 25,857142… weken = € 3.387,29". */
  readonly calculation: string;
  readonly hours?: string;
  /**
   * Set when the item runs across a version boundary but its quantity is not measured by the period (a traject, a
   * requested number): it is priced whole by the version of its first day. Says so in Dutch.
   */
  readonly note?: string;
  readonly source: SourceRef;
}

export interface LineExplanation {
  readonly kind: 'resultaat' | 'module';
  readonly ref: string;
  readonly key: string;
  /** A module line: the module's label as the rules declare it, with the variant's ("Vervoer: Per rit"). */
  readonly label?: string;
  readonly amount: string;
  readonly parts: readonly PartExplanation[];
  /** The sum of the parts, and the cap when one applies: "€ 1.200,00 + € 800,00 = € 2.000,00". */
  readonly calculation: string;
  readonly cap?: { readonly amount: string; readonly applied: boolean };
}

export interface ConditionExplanation {
  readonly reason: string;
  readonly held: boolean;
  /** Set when the condition was onbepaald (it compared an empty value); then `held` is false. */
  readonly undetermined?: true;
  /** The checks in Dutch ("verwijzer = toegang; verwacht = gi"). */
  readonly details: readonly string[];
  /** The same per check, for programs. */
  readonly checks: readonly Check[];
  readonly source: SourceRef;
}

export interface DecisionExplanation {
  readonly module: string;
  readonly variant?: string;
  /** The module's label as the rules declare it, with the variant's ("Vervoer: Per rit"). */
  readonly label?: string;
  readonly ref: string;
  readonly allowed: boolean;
  readonly conditions: readonly ConditionExplanation[];
  /** The version that judged the request (the one in force on its first day). */
  readonly version: string;
}

export interface RuleExplanation {
  readonly rule: string;
  readonly severity: 'fout' | 'waarschuwing';
  readonly message: string;
  readonly path?: string;
  /** The conditions that made the rule fire, with their actual values. */
  readonly details: readonly string[];
  /** The same per check, for programs. */
  readonly checks: readonly Check[];
  readonly source: SourceRef;
  /**
   * The version that judged it: the one in force on the first day of the item (or case), or a later version
   * that judges the rule anew for its days (see dsl/README.md, versions).
   */
  readonly version: string;
}

export interface Explanation {
  readonly lines: readonly LineExplanation[];
  readonly decisions: readonly DecisionExplanation[];
  readonly rules: readonly RuleExplanation[];
  /**
   * Table cells read while judging rules and module conditions (not for an amount), each once per version that
   * read it: "weektarief[ontwikkelen, OB2, midden, B]". Empty when no rule or condition reads a table.
   */
  readonly judgedCells: readonly { readonly version: string; readonly key: string }[];
}

/** An evaluation with its explanation. */
export interface ExplainedEvaluation extends EvaluationOk {
  readonly explanation: Explanation;
}
