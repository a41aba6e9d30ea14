/**
 * The lowered IR: one self-contained, checked program per ruleset version (inheritance already resolved).
 * Names are resolved, every expression carries its type, literals are decimal strings (percentages are
 * stored as fractions: `2,85 %` → "0.0285"). Every node keeps the `id` and `span` of its origin, and every
 * definition its `file`, so results and explanations map back to the source.
 *
 * Produced by `from-ast.ts` (`lower`), compiled by `src/engine` (json-rules-engine and the fast path).
 * Plain JSON data: no classes, no functions, so it can be bundled and sent to a web worker.
 */
import type { Span } from '../text/span.js';
import type { BuiltinFunction, InputLevel, RoundingMode, Scope, Severity, Unit } from '../ast/ast.js';
import type { Eenheid } from './istandaard.js';

export type { BuiltinFunction, InputLevel, RoundingMode, Scope, Severity, Unit };

/** Where an IR node came from. `id` is unique within a program and stable for the same source text. */
export interface Origin {
  readonly id: string;
  readonly span: Span;
}

/** A definition also names its file (path as given to the compiler). */
export interface DefOrigin extends Origin {
  readonly file: string;
  /** The version whose file defines this item (differs from the program's version when inherited). */
  readonly version: string;
  /** The effective date of that version. */
  readonly validFrom: string;
}

// ───────────────────────────── types ─────────────────────────────

/** `quantity` with unit 'module' is the unit of the module's own tariff (a module's `aantal`). */
export type Type =
  | { readonly kind: 'money' }
  | { readonly kind: 'rate'; readonly per: Unit }
  | { readonly kind: 'quantity'; readonly unit: Unit | 'module' }
  /** `whole`: a field of type `aantal` (0, 1, 2, …; a case with 2.5 is refused). */
  | { readonly kind: 'number'; readonly whole?: true }
  | { readonly kind: 'percent' }
  | { readonly kind: 'date' }
  | { readonly kind: 'period' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'text' }
  | { readonly kind: 'domain'; readonly name: string }
  /** After an error; never reaches a program that compiled without errors. */
  | { readonly kind: 'error' };

export interface Rounding {
  readonly decimals: number;
  readonly mode: RoundingMode;
}

// ───────────────────────────── program ─────────────────────────────

export interface Program {
  readonly kind: 'Program';
  readonly ruleset: string;
  readonly version: string;
  readonly base: string | undefined;
  readonly validFrom: string;
  readonly validTo: string | undefined;
  readonly status: 'concept' | 'vastgesteld';
  readonly source: string | undefined;
  /** Set for a municipal override: the case's `gemeente` value it applies to. */
  readonly municipality: string | undefined;
  readonly file: string;

  readonly domains: readonly DomainDef[];
  readonly bandwidths: readonly BandwidthDef[];
  readonly input: InputDef;
  readonly parameters: readonly ParameterDef[];
  readonly tables: readonly TableDef[];
  /** In dependency order: each calculation only uses those before it (and parameters, fields). */
  readonly calcs: readonly CalcDef[];
  readonly budget: BudgetDef | undefined;
  readonly modules: readonly ModuleDef[];
  readonly rules: readonly RuleDef[];
  readonly provisions: readonly ProvisionDef[];
  readonly scenarios: readonly ScenarioDef[];
  /** iStandaard mappings (`toewijzing`): the result budget and each module that has one. */
  readonly allocations: readonly AllocationDef[];
  /** The units the rules declare (`eenheid dagdeel …`, also inherited); absent when there are none. */
  readonly units?: readonly UnitDef[];
  /**
   * Set only on a program made to apply on every day (impact analysis and "Open in proefgeval", src/impact/
   * versions.ts): the version's own dates, for explanations; `validFrom`/`validTo` then span all days.
   */
  readonly asIf?: { readonly validFrom: string; readonly validTo: string | undefined };
}

/** `eenheid dagdeel meervoud dagdelen "Dagdeel (4 uur)" istandaard 16`: a unit beside the built-in ones. */
export interface UnitDef {
  readonly name: string;
  /** What Dutch writes after a number other than 1 (`9 dagdelen`). */
  readonly plural: string;
  readonly label: string | undefined;
  /** The iStandaard Eenheid (WJ756) of one of this unit, when declared. */
  readonly eenheid: Eenheid | undefined;
  readonly origin: DefOrigin;
}

/** A field an allocation row is keyed on: `wet` (beschikking), `perspectief` (resultaat), `variant` (module). */
export interface AllocationKey {
  readonly level: InputLevel;
  readonly name: string;
}

/** One row: key values in key order, the category (`null` for `categorie -`) and the regional product code. */
export interface AllocationRowDef {
  readonly keys: readonly string[];
  readonly category: string | null;
  readonly code: string | undefined;
  readonly origin: Origin;
}

/** `toewijzing resultaat|module <naam> in <eenheid> totaal`: how a result or module becomes a ToegewezenProduct. */
export interface AllocationDef {
  /** `gemeente`: rows keyed on the case's gemeente, `code` the 4-digit CBS gemeentecode (Afzender). */
  readonly target: 'resultaat' | 'module' | 'gemeente';
  readonly module: string | undefined;
  readonly label: string | undefined;
  /** WJ756 Eenheid: '83' euro's (the amount in cents) or a volume unit; none for `gemeente`. */
  readonly eenheid: Eenheid | undefined;
  /** Quantity → volume factor (decimal string) per unit of the tariff; empty for euro's. */
  readonly factors: Readonly<Partial<Record<Unit, string>>>;
  readonly keys: readonly AllocationKey[];
  readonly rows: readonly AllocationRowDef[];
  readonly source: string | undefined;
  readonly origin: DefOrigin;
}

export interface DomainDef {
  readonly name: string;
  readonly label: string | undefined;
  /** In declaration order (the order `<` and `>` use). */
  readonly values: readonly { readonly name: string; readonly description: string | undefined }[];
  readonly origin: DefOrigin;
}

/** A bandwidth for one intensity, `from` inclusive, `to` exclusive, in `unit` (per `per`). */
export interface BandwidthDef {
  readonly name: string;
  readonly intensity: string;
  readonly from: string;
  readonly to: string;
  readonly unit: Unit;
  readonly per: Unit | undefined;
  readonly origin: DefOrigin;
}

export interface FieldDef {
  readonly name: string;
  readonly type: Type;
  readonly optional: boolean;
  readonly origin: DefOrigin;
}

/** The declared shape of a case, builtin fields included (`resultaat.periode`, `module.module`, …). */
export interface InputDef {
  readonly beschikking: readonly FieldDef[];
  readonly resultaat: readonly FieldDef[];
  readonly module: readonly FieldDef[];
}

export interface ParameterDef {
  readonly name: string;
  readonly type: Type;
  /** A constant expression. */
  readonly value: Expr;
  readonly source: string | undefined;
  readonly origin: DefOrigin;
  /**
   * Indexations of the written value (`indexeer alle tarieven …` or `indexeer <parameter> …`), in order, to be
   * applied by the engine as for table cells: each one multiplies by (1 + fraction), then rounds if it says so.
   * Only non-empty when `value` is a `const` of type money or rate. Already filtered by the table rule: every
   * entry has `origin.validFrom < adjustment.origin.validFrom` (a parameter written again in the same or a
   * later version starts with its own value and only the indexations after it). Empty when none.
   */
  readonly adjustments: readonly Adjustment[];
}

/**
 * An indexation applied to a table's cells (or a parameter's value, see `ParameterDef.adjustments`), in order,
 * when the engine loads the program. Applies to the cells written by an earlier version than the indexation
 * (`cell.validFrom < adjustment.origin.validFrom`): a cell rewritten by `wijzig tabel` in the same or a later
 * version already holds the new price.
 */
export interface Adjustment {
  /** Fraction: 2,85 % → "0.0285". */
  readonly fraction: string;
  readonly rounding: Rounding | undefined;
  readonly origin: DefOrigin;
  /**
   * A partial indexation (`indexeer weektarief voor ondersteuningsbehoefte OB2 met -3 %`): it applies only to
   * the cells whose key has, for every entry, one of its values. Absent: every cell (and always for a parameter).
   */
  readonly selection?: readonly IndexSelection[];
}

/** One domain of a partial indexation, for one table: `ondersteuningsbehoefte OB2, OB3`. */
export interface IndexSelection {
  readonly domain: string;
  /**
   * The position of `domain` in the table's keys (rows, then columns); -1 when the table has no such key (the
   * checker reports that, RW6601): then no cell matches.
   */
  readonly key: number;
  readonly values: readonly string[];
}

export interface TableCellDef {
  /** Key values in key order (rows then columns). */
  readonly key: readonly string[];
  /** Decimal string in the table's unit (percent cells as fractions), or null for `-`. */
  readonly value: string | null;
  readonly span: Span;
  /** File and version of the text that wrote this cell. */
  readonly file: string;
  readonly version: string;
  readonly validFrom: string;
  /**
   * The policy source (`bron`) of the declaration that wrote this cell: a `wijzig tabel` with its own `bron`
   * gives its cells that one, else the bron in its version's header (else none); the table's first
   * declaration gives its cells its own bron.
   */
  readonly bron: string | undefined;
}

export interface TableDef {
  readonly name: string;
  readonly label: string | undefined;
  /** Type of every cell: money, rate, percent or number. */
  readonly type: Type;
  /** Domain names of the key, rows then columns. */
  readonly keys: readonly string[];
  readonly rowKeyCount: number;
  readonly cells: readonly TableCellDef[];
  readonly adjustments: readonly Adjustment[];
  readonly source: string | undefined;
  readonly origin: DefOrigin;
}

export interface CalcDef {
  readonly name: string;
  readonly scope: Scope;
  readonly type: Type;
  readonly value: Expr;
  readonly origin: DefOrigin;
}

export interface BudgetDef {
  readonly rate: Expr;
  readonly quantity: Expr;
  readonly rounding: Rounding | undefined;
  /** Indicative hours of direct client time (a quantity in uur). */
  readonly hours: Expr | undefined;
  /** The unit the rate is per (and the quantity counts). */
  readonly unit: Unit;
  readonly origin: DefOrigin;
}

export interface ModuleVariantDef {
  readonly name: string;
  readonly label: string | undefined;
  readonly rate: Expr;
  readonly unit: Unit;
  readonly origin: Origin;
}

export interface ModuleDef {
  readonly name: string;
  readonly label: string | undefined;
  /** With variants, a request must name one; without, `rate` applies. */
  readonly rate: Expr | undefined;
  readonly unit: Unit | undefined;
  readonly variants: readonly ModuleVariantDef[];
  readonly quantity: Expr;
  readonly cap: Expr | undefined;
  /** `maximum 40 ritten per maand`: a maximum on the quantity (see {@link QuantityCap}). */
  readonly quantityCap: QuantityCap | undefined;
  readonly rounding: Rounding | undefined;
  readonly conditions: readonly ConditionDef[];
  readonly source: string | undefined;
  readonly origin: DefOrigin;
}

/**
 * A maximum on a module's quantity: `maximum 9 dagdelen per week` allows at most 9 × weken(periode) of the
 * request, `maximum 40 ritten` at most 40 per request. Applies to the rate (or variants) in `unit`; the priced
 * quantity is the smaller of the requested one and `limit`.
 */
export interface QuantityCap {
  /** The maximum as written (`9 dagdelen`). */
  readonly max: Expr;
  /** The unit of the maximum: only requests priced per this unit are capped. */
  readonly unit: Unit;
  /** The period unit (`per week`), or undefined for a maximum per request. */
  readonly per: Unit | undefined;
  /** The maximum for the request's period: `max × weken(periode)`, or `max` without `per`. */
  readonly limit: Expr;
}

export interface ConditionDef {
  readonly when: Expr;
  readonly reason: string;
  readonly origin: Origin;
}

export interface RuleDef {
  readonly name: string;
  readonly scope: Scope;
  readonly when: Expr;
  readonly severity: Severity;
  readonly message: string;
  readonly origin: DefOrigin;
}

export interface ProvisionDef {
  readonly name: string;
  readonly label: string | undefined;
  /** Decimal string in euros. */
  readonly amount: string;
  readonly per: Unit | undefined;
  readonly origin: DefOrigin;
}

/** A scenario: its case as the JSON a program would send, and what is expected. */
export interface ScenarioDef {
  readonly name: string;
  readonly casus: CaseJson;
  readonly expectations: readonly ExpectationDef[];
  readonly origin: DefOrigin;
}

/** The external JSON shape of a case (see dsl/README.md). */
export interface CaseJson {
  readonly [field: string]: JsonValue;
}
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [k: string]: JsonValue };

export type ExpectationDef =
  | { readonly kind: 'total'; readonly amount: string; readonly origin: Origin }
  | { readonly kind: 'result'; readonly id: string; readonly amount: string; readonly origin: Origin }
  | {
      readonly kind: 'moduleAmount';
      readonly module: string;
      readonly amount: string;
      readonly origin: Origin;
    }
  | {
      readonly kind: 'moduleDecision';
      readonly module: string;
      readonly allowed: boolean;
      /** With `geweigerd "<reden>"`: text the refusal's reason must contain. */
      readonly reason?: string;
      readonly origin: Origin;
    }
  | {
      readonly kind: 'diagnostic';
      readonly severity: Severity;
      readonly rule: string;
      readonly origin: Origin;
    }
  /** `verwacht geen fout "<regel>"` / `verwacht geen waarschuwing "<regel>"`: that rule stays quiet. */
  | {
      readonly kind: 'noDiagnostic';
      readonly severity: Severity;
      readonly rule: string;
      readonly origin: Origin;
    }
  | { readonly kind: 'noErrors'; readonly origin: Origin }
  /** `verwacht geen waarschuwingen`: no rule reports a warning. */
  | { readonly kind: 'noWarnings'; readonly origin: Origin }
  | { readonly kind: 'invalid'; readonly origin: Origin }
  | { readonly kind: 'hours'; readonly id: string; readonly hours: string; readonly origin: Origin };

// ───────────────────────────── expressions ─────────────────────────────

interface ExprBase extends Origin {
  readonly type: Type;
}

export type Expr =
  /** A literal. Numeric kinds: decimal string (percent as fraction); date: ISO string; bool; text; domain value. */
  | (ExprBase & { readonly kind: 'const'; readonly value: string | boolean })
  /**
   * A field of the case, the result or the module request in scope. Level `resultaat` in module scope reads the
   * result the request names (`resultaat.perspectief`, via the request's field `resultaat`); `outer` (`dit.x`,
   * inside `aantal resultaten met (…)`) reads the result the rule judges instead of the one being counted.
   */
  | (ExprBase & {
      readonly kind: 'field';
      readonly level: InputLevel;
      readonly name: string;
      readonly outer?: true;
    })
  | (ExprBase & { readonly kind: 'calc'; readonly scope: Scope; readonly name: string })
  | (ExprBase & { readonly kind: 'param'; readonly name: string })
  | (ExprBase & { readonly kind: 'lookup'; readonly table: string; readonly keys: readonly Expr[] })
  | (ExprBase & { readonly kind: 'call'; readonly fn: BuiltinFunction; readonly args: readonly Expr[] })
  | (ExprBase & {
      readonly kind: 'arith';
      readonly op: '+' | '-' | '×' | '/';
      readonly left: Expr;
      readonly right: Expr;
    })
  | (ExprBase & { readonly kind: 'neg'; readonly operand: Expr })
  | (ExprBase & {
      readonly kind: 'compare';
      readonly op: '=' | '<>' | '<' | '<=' | '>' | '>=';
      /** How to compare: decimal values, ISO dates, positions in a domain, or plain equality. */
      readonly compare: 'decimal' | 'date' | 'ordinal' | 'equal';
      readonly left: Expr;
      readonly right: Expr;
    })
  | (ExprBase & { readonly kind: 'and' | 'or'; readonly left: Expr; readonly right: Expr })
  | (ExprBase & { readonly kind: 'not'; readonly operand: Expr })
  | (ExprBase & { readonly kind: 'if'; readonly cond: Expr; readonly then: Expr; readonly else: Expr })
  | (ExprBase & { readonly kind: 'in'; readonly value: Expr; readonly options: readonly Expr[] })
  | (ExprBase & { readonly kind: 'isEmpty'; readonly value: Expr; readonly negated: boolean })
  | (ExprBase & {
      readonly kind: 'moduleRequested';
      readonly module: string;
      readonly variant: string | undefined;
    })
  /** `aantal resultaten`, with `where`: only the results for which it is ja (evaluated per result). */
  | (ExprBase & { readonly kind: 'countResults'; readonly where?: Expr })
  | (ExprBase & { readonly kind: 'round'; readonly value: Expr; readonly rounding: Rounding });

export type ExprKind = Expr['kind'];
