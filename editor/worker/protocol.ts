/**
 * Messages between the UI thread and the language worker. Plain data only: spans are 0-based offsets;
 * the Monaco adapter converts them (editor/monaco/positions.ts).
 */
import type { Diagnostic, Ir, Span } from '../../dsl/index.js';
import type {
  CompletionItem,
  DocumentSymbol,
  FoldingRange,
  HoverInfo,
  Location,
  SourceFile,
  TextEdit,
} from '../../dsl/service/index.js';
import type { CellChange, ItemChange } from '../../src/change/diff.js';
import type { CellEditResult } from '../../src/sheet/table-edit.js';
import type { CompareResult, SheetState } from './sheet-service.js';
import type { Evaluation } from '../../src/engine/result.js';
import type { ToegewezenProduct } from '../../src/istandaard/model.js';

export type { SourceFile };

export type ToWorker =
  | { readonly type: 'files'; readonly files: readonly SourceFile[] }
  | { readonly type: 'edit'; readonly path: string; readonly text: string; readonly version: number }
  | { readonly type: 'focus'; readonly path: string }
  /** Scenarios of the open version only, or of every version of its ruleset. */
  | { readonly type: 'scope'; readonly all: boolean }
  /** A file was saved with this text: failed amounts are compared with the rules as saved. */
  | { readonly type: 'saved'; readonly path: string; readonly text: string }
  | { readonly type: 'request'; readonly id: number; readonly request: ServiceRequest };

export type ServiceRequest =
  | { readonly method: 'completions'; readonly path: string; readonly offset: number }
  | { readonly method: 'hover'; readonly path: string; readonly offset: number }
  | { readonly method: 'definition'; readonly path: string; readonly offset: number }
  | { readonly method: 'references'; readonly path: string; readonly offset: number }
  | { readonly method: 'rename'; readonly path: string; readonly offset: number; readonly newName: string }
  | { readonly method: 'symbols'; readonly path: string }
  | { readonly method: 'format'; readonly path: string }
  | { readonly method: 'folding'; readonly path: string }
  | {
      readonly method: 'evaluate';
      readonly path: string;
      readonly casus: unknown;
      /** Price as if this version (with its municipal overrides) applied on all days, as the impact tab does. */
      readonly version?: string;
    }
  // The Tarieven tab and comparing two versions (editor/worker/sheet-service.ts).
  | { readonly method: 'sheet'; readonly path: string }
  | {
      readonly method: 'sheetEdit';
      readonly path: string;
      readonly table: string;
      readonly key: readonly string[];
      readonly typed: string;
    }
  | { readonly method: 'parameterEdit'; readonly path: string; readonly name: string; readonly typed: string }
  | { readonly method: 'compare'; readonly from: string; readonly to: string };

/** What each request answers. */
export interface ServiceResults {
  completions: readonly CompletionItem[];
  hover: HoverInfo | undefined;
  definition: readonly Location[];
  references: readonly Location[];
  rename: { readonly edits: readonly TextEdit[] } | { readonly fout: string };
  symbols: readonly DocumentSymbol[];
  format: string | undefined;
  folding: readonly FoldingRange[];
  evaluate: PlaygroundResult;
  sheet: SheetState;
  sheetEdit: CellEditResult;
  parameterEdit: CellEditResult;
  compare: CompareResult;
}

export type PlaygroundResult =
  | {
      readonly ok: true;
      readonly evaluation: Evaluation;
      readonly explanation: readonly ExplainStep[];
      /** The JW301/WMO301 this case would give; absent when the rules have no `toewijzing`. */
      readonly toewijzing?: PlaygroundToewijzing;
    }
  | { readonly ok: false; readonly fout: string };

/** The toewijzing of a playground case: the message (name, XML, products) or why there is none. */
export type PlaygroundToewijzing =
  | {
      readonly ok: true;
      readonly bericht: string;
      readonly xml: string;
      readonly producten: readonly ToegewezenProduct[];
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly errors: readonly string[] };

/** How a step is shown: a heading, a held condition, a refusal or failure, or plain information. */
export type StepTone = 'kop' | 'ok' | 'niet' | 'info';

/** One clickable line of an explanation. */
export interface ExplainStep {
  readonly text: string;
  readonly tone: StepTone;
  readonly file: string | undefined;
  readonly span: Span | undefined;
  readonly depth: number;
}

/** What the tree shows per file, read from its header. */
export interface FileSummary {
  readonly path: string;
  readonly ruleset: string | undefined;
  readonly version: string | undefined;
  readonly base: string | undefined;
  readonly status: 'concept' | 'vastgesteld' | undefined;
  readonly validFrom: string | undefined;
  readonly municipality: string | undefined;
  readonly errors: number;
  readonly warnings: number;
}

/** A tariff cell or parameter a failed amount is made of, with its value now (and as saved, when it differs). */
export interface ScenarioOrigin {
  readonly label: string;
  readonly now: string;
  readonly before?: string;
  /**
   * The version whose text wrote the value, and the versions that indexed it (a partial indexation with its
   * selection: "2022-almelo (voor ondersteuningsbehoefte OB2)").
   */
  readonly version: string;
  readonly indexed: readonly string[];
  readonly file: string;
  readonly span: Span;
}

export interface ScenarioView {
  readonly name: string;
  readonly file: string;
  readonly span: Span;
  readonly passed: boolean;
  /** The version the scenario belongs to. */
  readonly version?: string;
  readonly failures: readonly {
    readonly message: string;
    readonly file: string;
    readonly span: Span;
    /** For a failed amount: the cells and parameters it comes from (`changed`: those that differ from saved). */
    readonly origins?: readonly ScenarioOrigin[];
    readonly changed?: boolean;
  }[];
}

export type ScenarioState =
  | {
      readonly kind: 'ok';
      readonly outcomes: readonly ScenarioView[];
      /** Set when the scenarios of every version of the ruleset ran (not only the open one). */
      readonly all?: boolean;
    }
  /** The rules do not compile: scenarios wait until they do. */
  | { readonly kind: 'fouten'; readonly errors: number }
  /** The open file is not a version of a ruleset (or has no program). */
  | { readonly kind: 'geen'; readonly reason: string };

/** A changed cell of the Verschil view, with where its new value is written. */
export interface DiffCellView extends CellChange {
  /** How the new value came about: an indexation, a rewritten cell, a new or a withdrawn cell. */
  readonly how: 'geïndexeerd' | 'herschreven' | 'nieuw' | 'vervallen';
  readonly file?: string;
  readonly span?: Span;
}

export interface DiffTableView {
  readonly table: string;
  readonly label: string | undefined;
  readonly cells: readonly DiffCellView[];
}

export interface DiffItemView extends ItemChange {
  readonly file?: string;
  readonly span?: Span;
}

export type DiffState =
  | {
      readonly kind: 'ok';
      readonly from: { readonly version: string; readonly file: string; readonly validFrom: string };
      readonly to: { readonly version: string; readonly file: string; readonly validFrom: string };
      readonly tables: readonly DiffTableView[];
      readonly items: readonly DiffItemView[];
    }
  | { readonly kind: 'fouten'; readonly errors: number }
  | { readonly kind: 'geen'; readonly reason: string };

export type FromWorker =
  | {
      readonly type: 'diagnostics';
      /** The model versions these diagnostics belong to. */
      readonly versions: Readonly<Record<string, number>>;
      readonly diagnostics: readonly Diagnostic[];
      readonly files: readonly FileSummary[];
    }
  | {
      readonly type: 'scenarios';
      readonly path: string;
      readonly versions: Readonly<Record<string, number>>;
      readonly state: ScenarioState;
      /** The input declaration of the open version, for the playground form. */
      readonly input: Ir.InputDef | undefined;
      readonly domains: readonly Ir.DomainDef[];
      readonly modules: readonly {
        readonly name: string;
        readonly label?: string | undefined;
        readonly variants: readonly string[];
        /** Per variant ('' without variants): the unit of a quantity after a number ('dagdelen'). */
        readonly units?: Readonly<Record<string, string>> | undefined;
      }[];
      /** The bandbreedtes per intensiteit (the playground offers only valid combinations). */
      readonly bandwidths: readonly { readonly name: string; readonly intensity: string }[];
      readonly sample: unknown;
    }
  | {
      readonly type: 'verschil';
      readonly path: string;
      readonly versions: Readonly<Record<string, number>>;
      readonly state: DiffState;
    }
  | { readonly type: 'response'; readonly id: number; readonly result?: unknown; readonly error?: string };
