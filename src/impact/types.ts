/**
 * The impact of a rule change over a caseload: every beschikking priced twice (basis and variant version, each
 * as if it applied on all the case's days, with the case's municipal override of that version), summed exactly.
 *
 * The report is plain JSON (no Map, no bigint, no class): it crosses a web worker boundary, is written by
 * `regelwerk impact --json` and is what the editor's Impact tab and the board report draw. Money is a decimal
 * string in euros with two decimals ("1234.50", "-12.05"); a percentage is a decimal string with two decimals
 * ("4.74"), or null when the basis amount is zero.
 */

/** One entry of a caseload as read: a case to price, or a row that could not be read. */
export type CaseloadEntry = CaseloadCase | CaseloadBadRow;

export interface CaseloadCase {
  readonly kind: 'case';
  /** The 1-based line where the beschikking starts in the file (JSON Lines: its line; CSV: its first row). */
  readonly line: number;
  /** The `beschikking` column of a CSV caseload; JSON Lines cases have no id. */
  readonly id?: string;
  /** The case in the shape `regelwerk eval` takes. */
  readonly casus: unknown;
}

/** A row that could not be read; reported with its line number, counted, left out of every total. */
export interface CaseloadBadRow {
  readonly kind: 'bad';
  readonly line: number;
  readonly id?: string;
  /** Dutch: what is wrong with the row. */
  readonly message: string;
}

/** A JSON Lines entry not yet parsed (parsed where it is priced, e.g. in a worker). */
export interface CaseloadLine {
  readonly kind: 'line';
  readonly line: number;
  readonly text: string;
}

/**
 * Whole lines of a JSON Lines caseload as UTF-8 bytes, not yet split (split, parsed and priced where they are
 * priced: a worker thread gets the bytes, not a string or object per line). Line ends as Node's readline: `\n`,
 * `\r\n` or a lone `\r`; the last line may lack one.
 */
export interface CaseloadChunk {
  readonly kind: 'chunk';
  /** The 1-based number of the chunk's first line. */
  readonly line: number;
  readonly bytes: Uint8Array;
}

/** What a caseload reader yields: entries, unparsed lines, or chunks of lines. */
export type CaseloadPiece = CaseloadEntry | CaseloadLine | CaseloadChunk;

/** Basis, variant, their difference and the difference in % of the basis. */
export interface Amounts {
  readonly basis: string;
  readonly variant: string;
  readonly difference: string;
  /** Difference / basis × 100, two decimals (half away from zero); null when the basis is zero. */
  readonly percentage: string | null;
}

/** One row of a breakdown (a gemeente, a wet, perspectief × OB, …). */
export interface ImpactGroup extends Amounts {
  /** Stable key: the values joined by ", " ("ontwikkelen, OB2"; "midden/B"; "Enschede"). */
  readonly key: string;
  /** Dutch label for people ("Hof van Twente"; "ontwikkelen × OB2"). */
  readonly label: string;
  /**
   * Beschikkingen (per gemeente and per wet) or results/module requests (the other breakdowns) counted in it; the
   * results and requests as the basis prices them.
   */
  readonly count: number;
  /** Per module only: the requests the variant prices (a module new in the variant: `count` 0, this more). */
  readonly variantCount?: number;
}

/** A tariff cell (or module key) and the money it moves. */
export interface ImpactCell extends Amounts {
  /** "weektarief[ontwikkelen, OB2, midden, B]", or a module key ("vervoer/rit", "consultatie_diagnostiek"). */
  readonly key: string;
  /**
   * Dutch, for people, from the labels the rules declare: "Weektarief ondersteuningsbehoefte: ontwikkelen × OB2,
   * midden/B", "Vervoer: Per rit", "Consultatie & diagnostiek".
   */
  readonly label: string;
  /** Results or module requests priced with it, under the basis and under the variant. */
  readonly basisCount: number;
  readonly variantCount: number;
}

export type BandName = 'lager_meer_dan_5' | 'lager_tot_5' | 'gelijk' | 'hoger_tot_5' | 'hoger_meer_dan_5';

/** Order of the bands, from most lowered to most raised. */
export const BANDS: readonly BandName[] = [
  'lager_meer_dan_5',
  'lager_tot_5',
  'gelijk',
  'hoger_tot_5',
  'hoger_meer_dan_5',
];

export const BAND_LABELS: Readonly<Record<BandName, string>> = {
  lager_meer_dan_5: 'lager, meer dan 5 %',
  lager_tot_5: 'lager, tot en met 5 %',
  gelijk: 'gelijk (± 0,1 %)',
  hoger_tot_5: 'hoger, tot en met 5 %',
  hoger_meer_dan_5: 'hoger, meer dan 5 %',
};

/** How many beschikkingen changed by how much (per beschikking: variant total against basis total). */
export interface ImpactBand {
  readonly band: BandName;
  readonly label: string;
  readonly count: number;
  readonly basis: string;
  readonly variant: string;
  readonly difference: string;
}

/** Which beschikking: where it is in the caseload. */
export interface CaseRef {
  readonly line: number;
  readonly id?: string;
}

export type StatusChangeKind =
  | 'ongeldig_geworden'
  | 'geldig_geworden'
  | 'module_geweigerd'
  | 'module_toegestaan'
  | 'module_vervallen'
  | 'module_nieuw'
  | 'nieuwe_fout'
  | 'fout_vervallen'
  | 'nieuwe_waarschuwing'
  | 'waarschuwing_vervallen';

/** Beschikkingen whose outcome changes status the same way (e.g. module `vervoer` newly refused). */
export interface StatusChange {
  readonly kind: StatusChangeKind;
  /** The module's name, the rule, or for input the message: what changed. */
  readonly subject: string;
  /** Dutch, for people, modules by their labels: "module Vervoer nu geweigerd". */
  readonly label: string;
  readonly count: number;
  /** Up to five examples, the first in the caseload. */
  readonly examples: readonly CaseRef[];
}

/** One of the largest changes per beschikking. */
export interface LargestChange extends CaseRef, Amounts {
  readonly gemeente: string;
  /** Its Dutch name ("Hof van Twente"). */
  readonly gemeenteLabel: string;
  /** The case itself, so that a program (the editor) can open and explain it. */
  readonly casus: unknown;
}

/** The version a side was priced with. */
export interface ImpactSide {
  readonly version: string;
  /** Municipal overrides of that version applied to their gemeente's cases ("2019-almelo"). */
  readonly overrides: readonly string[];
}

export interface ImpactReport {
  readonly kind: 'impact';
  readonly basis: ImpactSide;
  readonly variant: ImpactSide;
  readonly counts: {
    /** Entries read: cases plus bad rows. */
    readonly read: number;
    /** Beschikkingen priced and counted in the totals. */
    readonly priced: number;
    /** Bad rows (unreadable, or a case invalid under both versions): left out of every total. */
    readonly bad: number;
    /** Priced beschikkingen whose status changed (see `statusChanges`). */
    readonly statusChanged: number;
  };
  readonly totals: Amounts;
  readonly perGemeente: readonly ImpactGroup[];
  readonly perWet: readonly ImpactGroup[];
  /** Results only (the budget per resultaat), by perspectief × ondersteuningsbehoefte. */
  readonly perPerspectiefOb: readonly ImpactGroup[];
  /** Results only, by intensiteit/bandbreedte. */
  readonly perIntensiteitBandbreedte: readonly ImpactGroup[];
  /** Module requests only, by module. */
  readonly perModule: readonly ImpactGroup[];
  readonly perCell: readonly ImpactCell[];
  readonly bands: readonly ImpactBand[];
  readonly statusChanges: readonly StatusChange[];
  /** The 20 largest changes per beschikking (by absolute difference; ties by position in the caseload). */
  readonly largest: readonly LargestChange[];
  /** The bad rows, in caseload order (at most {@link MAX_BAD_ROWS_LISTED}; `counts.bad` has them all). */
  readonly badRows: readonly CaseloadBadRow[];
}

export const MAX_BAD_ROWS_LISTED = 1000;
export const LARGEST_LISTED = 20;
export const STATUS_EXAMPLES = 5;

/** Why an analysis did not produce a report. */
export type ImpactFailure =
  | { readonly ok: false; readonly reason: 'versie'; readonly message: string }
  | { readonly ok: false; readonly reason: 'afgebroken'; readonly message: string };

export type ImpactOutcome = { readonly ok: true; readonly report: ImpactReport } | ImpactFailure;
