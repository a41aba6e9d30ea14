/**
 * The surface AST of a `.regels` file: readonly unions tagged by `kind`, a span on every node.
 * Literals stay as they were written, normalised to decimal strings ("1234.56"); nothing here is a float.
 * Built from the CST by `from-cst.ts`; printed back by `print.ts` (the formatter).
 */
import { assertNever, type Span } from '../text/span.js';
import type { Unit } from './units.js';

export interface Node {
  readonly span: Span;
}

/** A name as written, with its own span (for go-to-definition, rename, diagnostics). */
export interface Name extends Node {
  readonly kind: 'Name';
  readonly text: string;
}

export type { BuiltinUnit, Unit, UnitNames } from './units.js';
export { BUILTIN_UNITS, UNIT_AFTER_NUMBER, UNIT_SPELLINGS, isBuiltinUnit, unitWordAfter } from './units.js';

// ───────────────────────────── file and header ─────────────────────────────

export interface RulesFile extends Node {
  readonly kind: 'RulesFile';
  readonly header: Header | undefined;
  readonly decls: readonly Decl[];
}

export type Status = 'concept' | 'vastgesteld';

export interface Header extends Node {
  readonly kind: 'Header';
  readonly ruleset: StringLit;
  readonly version: StringLit;
  /** `op basis van "2019"`. */
  readonly base: StringLit | undefined;
  readonly validFrom: DateLit;
  readonly validTo: DateLit | undefined;
  readonly status: Status | undefined;
  readonly source: StringLit | undefined;
  /** `gemeente Almelo`: a municipal override. */
  readonly municipality: Name | undefined;
}

// ───────────────────────────── declarations ─────────────────────────────

export type Decl =
  | DomainDecl
  | BandwidthDecl
  | InputDecl
  | ParameterDecl
  | TableDecl
  | CalcDecl
  | BudgetDecl
  | ModuleDecl
  | RuleDecl
  | ProvisionDecl
  | ScenarioDecl
  | IndexationDecl
  | WithdrawDecl
  | AllocationDecl
  | UnitDecl;

export type DeclKind = Decl['kind'];

/** `domein perspectief "Perspectief"` followed by its values. */
export interface DomainDecl extends Node {
  readonly kind: 'DomainDecl';
  readonly name: Name;
  readonly label: StringLit | undefined;
  readonly values: readonly DomainValue[];
}

export interface DomainValue extends Node {
  readonly kind: 'DomainValue';
  readonly name: Name;
  readonly description: StringLit | undefined;
}

/** `bandbreedte A bij licht van 0 tot 2 uur per week`. */
export interface BandwidthDecl extends Node {
  readonly kind: 'BandwidthDecl';
  readonly name: Name;
  readonly intensity: Name;
  readonly from: NumberLit;
  readonly to: NumberLit;
  /** The measure of the range, e.g. `uur per week`: quantity unit and period. */
  readonly unit: Unit;
  readonly per: Unit | undefined;
  readonly unitSpan: Span;
  readonly perSpan: Span | undefined;
}

/** `invoer beschikking|resultaat|module` with its fields. */
export type InputLevel = 'beschikking' | 'resultaat' | 'module';

export interface InputDecl extends Node {
  readonly kind: 'InputDecl';
  readonly level: InputLevel;
  readonly levelSpan: Span;
  readonly fields: readonly FieldDecl[];
}

export interface FieldDecl extends Node {
  readonly kind: 'FieldDecl';
  readonly name: Name;
  readonly type: TypeRef;
  readonly optional: boolean;
}

/** A written type: a builtin (`datum`, `ja/nee`, …) or a domain name. */
export interface TypeRef extends Node {
  readonly kind: 'TypeRef';
  /** `datum`, `periode`, `tekst`, `ja/nee`, `getal`, `aantal`, `bedrag`, `hoeveelheid`, or a domain name. */
  readonly name: string;
}

/** `parameter uurtarief = € 68,40 per uur` with an optional `bron`. */
export interface ParameterDecl extends Node {
  readonly kind: 'ParameterDecl';
  readonly name: Name;
  readonly value: Expr;
  readonly source: StringLit | undefined;
}

/** The unit of a table's cells: `€`, `€ per week`, `%`, `getal`. */
export type CellUnit =
  | { readonly kind: 'money' }
  | { readonly kind: 'rate'; readonly per: Unit }
  | { readonly kind: 'percent' }
  | { readonly kind: 'number' };

/** A cell unit as written: `€`, `€ per week`, `%`, `getal` (the one copy; the IR's tables use it too). */
export function cellUnitText(u: CellUnit): string {
  switch (u.kind) {
    case 'money':
      return '€';
    case 'rate':
      return `€ per ${u.per}`;
    case 'percent':
      return '%';
    case 'number':
      return 'getal';
    default:
      return assertNever(u);
  }
}

export interface TableDecl extends Node {
  readonly kind: 'TableDecl';
  /** `wijzig tabel x`: only the rows given override the base version's cells. */
  readonly amend: boolean;
  readonly name: Name;
  readonly label: StringLit | undefined;
  readonly unit: CellUnit;
  readonly unitSpan: Span;
  readonly rowKeys: readonly Name[];
  readonly columnKeys: readonly Name[];
  readonly source: StringLit | undefined;
  /** The column header: one entry per column, each a list of key values (`licht/A` → [licht, A]). */
  readonly header: readonly TableHeaderCell[];
  readonly rows: readonly TableRow[];
}

export interface TableHeaderCell extends Node {
  readonly kind: 'TableHeaderCell';
  readonly keys: readonly Name[];
}

export interface TableRow extends Node {
  readonly kind: 'TableRow';
  readonly keys: readonly Name[];
  readonly cells: readonly TableCell[];
}

/** A cell: a number in the table's unit, or `-` (does not exist). */
export type TableCell =
  (Node & { readonly kind: 'CellValue'; readonly value: string }) | (Node & { readonly kind: 'CellEmpty' });

export type Scope = 'beschikking' | 'resultaat' | 'module';

/** `bereken naam [voor elk resultaat|voor elke module] = expr`. */
export interface CalcDecl extends Node {
  readonly kind: 'CalcDecl';
  readonly name: Name;
  readonly scope: Scope;
  readonly value: Expr;
  readonly rounding: Rounding | undefined;
}

/** `budget voor elk resultaat` with `tarief`, `hoeveelheid`, rounding and optional indicative hours. */
export interface BudgetDecl extends Node {
  readonly kind: 'BudgetDecl';
  readonly rate: Expr;
  readonly quantity: Expr;
  readonly rounding: Rounding | undefined;
  /** `indicatieve uren <expr>`: budget turned into hours of direct client time (time norms). */
  readonly hours: Expr | undefined;
}

export interface ModuleDecl extends Node {
  readonly kind: 'ModuleDecl';
  readonly name: Name;
  readonly label: StringLit | undefined;
  /** A single `tarief`, when there are no variants. */
  readonly rate: Expr | undefined;
  readonly variants: readonly ModuleVariant[];
  readonly quantity: Expr | undefined;
  /** The `maximum` lines in source order: at most one in euros and one on the quantity (RW3801). */
  readonly maxima: readonly ModuleMaximum[];
  readonly rounding: Rounding | undefined;
  readonly conditions: readonly Condition[];
  readonly source: StringLit | undefined;
}

/** `maximum € 600,00` or `maximum 40 ritten per maand` (`per`: the period unit of a quantity maximum). */
export interface ModuleMaximum extends Node {
  readonly kind: 'ModuleMaximum';
  readonly value: Expr;
  readonly per: Name | undefined;
}

export interface ModuleVariant extends Node {
  readonly kind: 'ModuleVariant';
  readonly name: Name;
  readonly label: StringLit | undefined;
  readonly rate: Expr;
}

/** `toegestaan als <expr> anders "<reden>"`. */
export interface Condition extends Node {
  readonly kind: 'Condition';
  readonly when: Expr;
  readonly reason: StringLit;
}

export type Severity = 'fout' | 'waarschuwing';

export interface RuleDecl extends Node {
  readonly kind: 'RuleDecl';
  readonly name: StringLit;
  readonly scope: Scope;
  readonly when: Expr;
  readonly severity: Severity;
  readonly message: StringLit;
}

/**
 * iStandaard mapping: `toewijzing resultaat "…" in euro's totaal` or `toewijzing module <naam> in etmalen totaal`,
 * with `bron`, `rijen wet, perspectief, …` and one row per key combination (`jeugdwet ontwikkelen categorie 45
 * code "45A11"`). A result or module becomes a `ToegewezenProduct` with that category and code; its amount is
 * the euro total or the volume in the given unit, with Frequentie 6 (totaal binnen geldigheidsduur).
 */
export interface AllocationDecl extends Node {
  readonly kind: 'AllocationDecl';
  /** `gemeente`: the CBS gemeentecode per value of the case's `gemeente` (the message's Afzender). */
  readonly target: 'resultaat' | 'module' | 'gemeente';
  /** The module, with `toewijzing module <naam>`. */
  readonly module: Name | undefined;
  readonly label: StringLit | undefined;
  /** The unit as written: `euro's`, `etmalen`, `dagdelen`, `uren`, `minuten`, `stuks` (none for `gemeente`). */
  readonly unit: Name | undefined;
  readonly source: StringLit | undefined;
  readonly keys: readonly Name[];
  readonly rows: readonly AllocationRow[];
}

/** `jeugdwet ontwikkelen OB1 categorie 45 code "45A11"`: key values, then category and optional product code. */
export interface AllocationRow extends Node {
  readonly kind: 'AllocationRow';
  readonly keys: readonly Name[];
  /** The category as written (`45`, `02`), or `-`: this combination is not allocated (none for `gemeente`). */
  readonly category: Name | undefined;
  readonly code: StringLit | undefined;
}

/**
 * `eenheid dagdeel meervoud dagdelen "Dagdeel (4 uur)" istandaard 16`: a unit of rates and quantities beside the
 * built-in ones, with the plural Dutch writes after a number, a description and the iStandaard Eenheid (WJ756).
 */
export interface UnitDecl extends Node {
  readonly kind: 'UnitDecl';
  readonly name: Name;
  readonly plural: Name | undefined;
  readonly label: StringLit | undefined;
  /** The Eenheid code as written (`16`). */
  readonly code: Name | undefined;
  readonly source: StringLit | undefined;
}

/** `voorziening crisisopvang "…" budget € 1.250.000,00 per jaar`. */
export interface ProvisionDecl extends Node {
  readonly kind: 'ProvisionDecl';
  readonly name: Name;
  readonly label: StringLit | undefined;
  readonly budget: Expr;
}

/**
 * `indexeer alle tabellen met 2,85 % afgerond op centen`, `indexeer alle tarieven met …` or
 * `indexeer weektarief, vervoer_per_rit met …`.
 */
export interface IndexationDecl extends Node {
  readonly kind: 'IndexationDecl';
  /** The named tables or parameters; empty with `alle tabellen` / `alle tarieven`. */
  readonly tables: readonly Name[];
  /**
   * `tabellen`: every table with amounts or rates; `tarieven`: those tables and every parameter whose value is a
   * written amount or rate (`€ 12,50 per rit`); undefined: only the named ones.
   */
  readonly all: IndexationScope | undefined;
  /**
   * `voor ondersteuningsbehoefte OB2, OB3 en intensiteit zwaar`: only the cells whose key has one of the values
   * of every selector; undefined without `voor` (every cell).
   */
  readonly selection: readonly IndexSelector[] | undefined;
  readonly percent: PercentLit;
  readonly rounding: Rounding | undefined;
}

/**
 * One domain of a partial indexation and its values (`ondersteuningsbehoefte OB2, OB3`). `domain` is undefined
 * when the text names values without a domain first (`voor OB2`): the checker reports it (RW6605).
 */
export interface IndexSelector extends Node {
  readonly kind: 'IndexSelector';
  readonly domain: Name | undefined;
  readonly values: readonly Name[];
}

/** What `indexeer alle …` reaches. */
export type IndexationScope = 'tabellen' | 'tarieven';

export type WithdrawTarget =
  'tabel' | 'parameter' | 'regel' | 'module' | 'berekening' | 'voorziening' | 'eenheid';

/** `vervalt regel "…"` / `vervalt module vervoer`. */
export interface WithdrawDecl extends Node {
  readonly kind: 'WithdrawDecl';
  readonly target: WithdrawTarget;
  readonly name: Name | StringLit;
}

// ───────────────────────────── scenarios ─────────────────────────────

export interface ScenarioDecl extends Node {
  readonly kind: 'ScenarioDecl';
  readonly name: StringLit;
  readonly given: readonly Given[];
  readonly expectations: readonly Expectation[];
}

/** One line of `gegeven`: a case field, a result, or a module request. */
export type Given =
  | (Node & { readonly kind: 'GivenField'; readonly field: Assignment })
  | (Node & {
      readonly kind: 'GivenResult';
      readonly id: Name;
      readonly fields: readonly Assignment[];
    })
  | (Node & {
      readonly kind: 'GivenModule';
      readonly module: Name;
      readonly id: Name | undefined;
      readonly fields: readonly Assignment[];
    });

export interface Assignment extends Node {
  readonly kind: 'Assignment';
  readonly name: Name;
  readonly value: Expr;
}

export type Expectation =
  | (Node & { readonly kind: 'ExpectTotal'; readonly amount: Expr })
  | (Node & { readonly kind: 'ExpectResult'; readonly id: Name; readonly amount: Expr })
  | (Node & { readonly kind: 'ExpectModuleAmount'; readonly module: Name; readonly amount: Expr })
  | (Node & {
      readonly kind: 'ExpectModuleDecision';
      readonly module: Name;
      readonly allowed: boolean;
      /** `verwacht module m geweigerd "<reden>"`: the refusal must give this reason (part of its text). */
      readonly reason?: StringLit;
    })
  | (Node & {
      readonly kind: 'ExpectDiagnostic';
      readonly severity: Severity;
      readonly rule: StringLit;
    })
  /** `verwacht geen fout "<regel>"` / `verwacht geen waarschuwing "<regel>"`: that rule stays quiet. */
  | (Node & {
      readonly kind: 'ExpectNoDiagnostic';
      readonly severity: Severity;
      readonly rule: StringLit;
    })
  | (Node & { readonly kind: 'ExpectNoErrors' })
  /** `verwacht geen waarschuwingen`: no rule reports a warning. */
  | (Node & { readonly kind: 'ExpectNoWarnings' })
  | (Node & { readonly kind: 'ExpectInvalid' })
  | (Node & { readonly kind: 'ExpectHours'; readonly id: Name; readonly hours: Expr });

// ───────────────────────────── expressions ─────────────────────────────

export type RoundingMode = 'half_omhoog' | 'half_even' | 'omlaag' | 'omhoog';

/** `afgerond op centen [half naar boven|half naar even|naar beneden|naar boven]`. */
export interface Rounding extends Node {
  readonly kind: 'Rounding';
  /** Number of decimals: centen = 2, hele euro's = 0, `<n> decimalen` = n. */
  readonly decimals: number;
  readonly mode: RoundingMode;
}

export type Expr =
  | NumberLit
  | MoneyLit
  | PercentLit
  | QuantityLit
  | DateLit
  | PeriodLit
  | StringLit
  | BoolLit
  | Ref
  | Lookup
  | Call
  | Binary
  | Unary
  | IfExpr
  | InExpr
  | EmptyTest
  | ModuleRequested
  | CountResults
  | Rounded
  | ErrorExpr;

export interface NumberLit extends Node {
  readonly kind: 'NumberLit';
  /** Decimal string, `.` as decimal point: `1.234,56` → "1234.56". */
  readonly value: string;
}

/** `€ 52,10` or `€ 52,10 per week`. */
export interface MoneyLit extends Node {
  readonly kind: 'MoneyLit';
  readonly value: string;
  readonly per: Unit | undefined;
  /** The unit word after `per`. */
  readonly perSpan: Span | undefined;
}

export interface PercentLit extends Node {
  readonly kind: 'PercentLit';
  readonly value: string;
}

/** `18 jaar`, `40 ritten`. */
export interface QuantityLit extends Node {
  readonly kind: 'QuantityLit';
  readonly value: string;
  /** A built-in unit (plurals normalised: `uren` → `uur`), or the word as written (a declared unit). */
  readonly unit: Unit;
  readonly unitSpan: Span;
}

export interface DateLit extends Node {
  readonly kind: 'DateLit';
  /** ISO `YYYY-MM-DD` as written. */
  readonly value: string;
}

/** `2019-01-01 tot 2019-06-30` (only in scenarios). */
export interface PeriodLit extends Node {
  readonly kind: 'PeriodLit';
  readonly from: DateLit;
  readonly to: DateLit;
}

export interface StringLit extends Node {
  readonly kind: 'StringLit';
  /** Unescaped content. */
  readonly value: string;
}

/** `ja` / `nee`. */
export interface BoolLit extends Node {
  readonly kind: 'BoolLit';
  readonly value: boolean;
}

/** A bare name: a field, calculation, parameter or domain value. */
export interface Ref extends Node {
  readonly kind: 'Ref';
  readonly name: Name;
  /**
   * `resultaat.perspectief`: a field of the result a module request refers to (`name` is `resultaat`);
   * `dit.periode`: inside `aantal resultaten met (…)`, a field of the result the rule judges (`name` is `dit`).
   */
  readonly member?: Name;
}

/** `tabel[a, b, c]`. */
export interface Lookup extends Node {
  readonly kind: 'Lookup';
  readonly table: Name;
  readonly keys: readonly Expr[];
}

export type BuiltinFunction =
  | 'weken'
  | 'dagen'
  | 'etmalen'
  | 'maanden'
  | 'vierweken'
  | 'begin'
  | 'einde'
  | 'jaren'
  | 'minimum'
  | 'maximum';

/** Every builtin function, in the order the reference lists them. */
export const BUILTIN_FUNCTIONS: readonly BuiltinFunction[] = [
  'weken',
  'dagen',
  'etmalen',
  'maanden',
  'vierweken',
  'begin',
  'einde',
  'jaren',
  'minimum',
  'maximum',
];

export interface Call extends Node {
  readonly kind: 'Call';
  /** As written; the checker reports unknown functions. */
  readonly fn: Name;
  readonly args: readonly Expr[];
}

export type BinaryOp = '+' | '-' | '×' | '/' | '=' | '<>' | '<' | '<=' | '>' | '>=' | 'en' | 'of';

/** Binding strength of binary operators (higher binds tighter); parser and printer share it. */
export const BINARY_PRECEDENCE: Readonly<Record<BinaryOp, number>> = {
  of: 1,
  en: 2,
  '=': 4,
  '<>': 4,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '×': 6,
  '/': 6,
};

export interface Binary extends Node {
  readonly kind: 'Binary';
  readonly op: BinaryOp;
  readonly opSpan: Span;
  readonly left: Expr;
  readonly right: Expr;
}

export interface Unary extends Node {
  readonly kind: 'Unary';
  readonly op: '-' | 'niet';
  readonly operand: Expr;
}

export interface IfExpr extends Node {
  readonly kind: 'IfExpr';
  readonly cond: Expr;
  readonly then: Expr;
  readonly else: Expr;
}

/** `x in (a, b)`. */
export interface InExpr extends Node {
  readonly kind: 'InExpr';
  readonly value: Expr;
  readonly options: readonly Expr[];
}

/** `x is leeg` / `x is niet leeg`. */
export interface EmptyTest extends Node {
  readonly kind: 'EmptyTest';
  readonly value: Expr;
  readonly negated: boolean;
}

/** `module m [variant v] aangevraagd`. */
export interface ModuleRequested extends Node {
  readonly kind: 'ModuleRequested';
  readonly module: Name;
  readonly variant: Name | undefined;
}

/** `aantal resultaten`. */
export interface CountResults extends Node {
  readonly kind: 'CountResults';
  /** `aantal resultaten met (<voorwaarde>)`: only the results for which the condition is ja. */
  readonly where?: Expr;
}

/** `(expr) afgerond op centen` inside an expression. */
export interface Rounded extends Node {
  readonly kind: 'Rounded';
  readonly value: Expr;
  readonly rounding: Rounding;
}

/** Placeholder where the parser recovered from an error; the checker stays quiet about it. */
export interface ErrorExpr extends Node {
  readonly kind: 'ErrorExpr';
}
