/**
 * Messages between the UI thread and the impact worker (editor/worker/impact-worker.ts), which prices the
 * caseload under two versions off the UI thread. Plain data, plus a `File` (a handle; the browser reads it in
 * the worker, nothing is uploaded).
 */
import type { SourceFile } from '../../dsl/service/index.js';
import type { ImpactReport } from '../../src/impact/types.js';
import type { ReportData } from '../../src/report/report-data.js';

export type CaseloadSource =
  /** The 2,000-case sample shipped with the editor (fetched from the app's own assets). */
  | { readonly kind: 'voorbeeld' }
  /** A CSV or JSON Lines file the advisor picked; it stays on the machine. */
  | { readonly kind: 'bestand'; readonly file: File };

/** Which versions to compare; undefined: the open version (variant) and its base (basis). */
export interface VersionChoice {
  readonly basis: string | undefined;
  readonly variant: string | undefined;
}

export type ToImpactWorker =
  | { readonly type: 'caseload'; readonly id: number; readonly source: CaseloadSource }
  | {
      readonly type: 'run';
      readonly id: number;
      /** The texts of all rules files, unsaved edits included. */
      readonly files: readonly SourceFile[];
      /** The open file: its version is the default variant, its base the default basis. */
      readonly path: string;
      readonly choice: VersionChoice;
    }
  | {
      readonly type: 'rapport';
      readonly id: number;
      readonly files: readonly SourceFile[];
      readonly path: string;
      readonly choice: VersionChoice;
      /** Today, as the advisor's machine knows it (ISO date). */
      readonly made: string;
    }
  /** Stops the running analysis (a newer edit, or the Stop button). */
  | { readonly type: 'cancel' };

export interface CaseloadInfo {
  /** "Voorbeeld (2.000 beschikkingen)" or the file's name. */
  readonly name: string;
  readonly format: 'jsonl' | 'csv';
  readonly bytes: number;
}

/** The analysis the Impact tab shows, or why there is none. */
export type ImpactState =
  | {
      readonly kind: 'ok';
      readonly report: ImpactReport;
      readonly basis: string;
      readonly variant: string;
      /** The regional versions one can choose from. */
      readonly versions: readonly string[];
      readonly caseload: CaseloadInfo;
      readonly ms: number;
    }
  /** The rules do not compile: the analysis waits until they do. */
  | { readonly kind: 'fouten'; readonly errors: number }
  /** No analysis possible (not a version, no base, unknown version, no caseload): why, in Dutch. */
  | { readonly kind: 'geen'; readonly reason: string; readonly versions: readonly string[] }
  | { readonly kind: 'afgebroken' };

export type FromImpactWorker =
  | {
      readonly type: 'caseload';
      readonly id: number;
      readonly outcome:
        { readonly ok: true; readonly info: CaseloadInfo } | { readonly ok: false; readonly fout: string };
    }
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly done: number;
      readonly total: number | undefined;
    }
  | { readonly type: 'impact'; readonly id: number; readonly state: ImpactState }
  | {
      readonly type: 'rapport';
      readonly id: number;
      readonly outcome:
        { readonly ok: true; readonly data: ReportData } | { readonly ok: false; readonly fout: string };
    };
