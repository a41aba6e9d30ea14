/**
 * `analyzeImpact`: prices every beschikking of a caseload under two versions with the fast path and sums the
 * differences exactly. Runs anywhere (Node, a browser web worker): no Node imports here. The CLI spreads the same
 * work over worker threads (src/impact/node/pool.ts), each worker using {@link ImpactPricer} on its share and
 * sending its {@link Tally} back to be merged.
 */
import type { Ir } from '../../dsl/index.js';
import { assertNever } from '../../dsl/core.js';
// The engine itself, not the public API (src/index.ts): a worker thread that prices loads no compiler.
import { createEngine } from '../engine/evaluate.js';
import type { Evaluation } from '../engine/result.js';
import { SharedCaseChecks } from '../engine/shared-checks.js';
import { forEachChunkLine, parseJsonLine } from './caseload/json-lines.js';
import { finishReport } from './report.js';
import { addBadRow, addCase, newTally } from './tally.js';
import type { Tally } from './tally.js';
import type { CaseloadCase, CaseloadPiece, ImpactOutcome, ImpactReport, ImpactSide } from './types.js';
import { selectVersion } from './versions.js';
import { forSide, ModuleCatalog } from './withdrawn.js';

/** One side of the comparison: all compiled versions of a ruleset and the version to price with. */
export interface ImpactVersion {
  readonly programs: readonly Ir.Program[];
  readonly version: string;
}

export interface ImpactRequest {
  readonly basis: ImpactVersion;
  /** The variant; its programs may come from another folder (a draft, the editor's unsaved text). */
  readonly variant: ImpactVersion;
}

/** Prices cases under both versions into a tally. Compiles each side once. */
export interface ImpactPricer {
  readonly sides: { readonly basis: ImpactSide; readonly variant: ImpactSide };
  /** Prices one entry (a parsed case, a raw JSON Lines line or chunk of lines, or a bad row) into `tally`. */
  add(tally: Tally, entry: CaseloadPiece): void;
  /** The report of a finished tally. */
  report(tally: Tally): ImpactReport;
}

export type PricerResult = { ok: true; pricer: ImpactPricer } | { ok: false; message: string };

type Evaluate = (casus: unknown) => Evaluation;

function fastEvaluator(programs: readonly Ir.Program[], sharedChecks: SharedCaseChecks): Evaluate {
  // Money only: the indicative hours on result lines are not computed (the report has no use for them).
  const engine = createEngine([...programs], { path: 'fast', sharedChecks, hours: false });
  const sync = engine.evaluateSync;
  if (!sync) throw new Error('het snelle pad rekent niet synchroon');
  return (casus) => sync(casus);
}

/** Both sides of a comparison as selected by {@link selectImpact}: the programs each side prices with. */
export interface SelectedSides {
  readonly basis: { readonly programs: readonly Ir.Program[]; readonly side: ImpactSide };
  readonly variant: { readonly programs: readonly Ir.Program[]; readonly side: ImpactSide };
}

/**
 * Selects both versions (see {@link selectVersion}); a Dutch message when a version is unknown. The selection is
 * plain data: the CLI selects once and hands it to its worker threads, which then need no compiler.
 */
export function selectImpact(
  request: ImpactRequest,
): { ok: true; selected: SelectedSides } | { ok: false; message: string } {
  const basis = selectVersion(request.basis.programs, request.basis.version, 'basis');
  if (!basis.ok) return basis;
  const variant = selectVersion(request.variant.programs, request.variant.version, 'variant');
  if (!variant.ok) return variant;
  return { ok: true, selected: { basis, variant } };
}

/** Selects both versions and compiles them; a Dutch message when a version is unknown. */
export function createPricer(request: ImpactRequest): PricerResult {
  const made = selectImpact(request);
  return made.ok ? { ok: true, pricer: selectedPricer(made.selected) } : made;
}

/** A pricer for sides already selected (each side's programs evaluated by an engine of its own). */
export function selectedPricer({ basis, variant }: SelectedSides): ImpactPricer {
  // Both sides price the same case object in turn: the variant takes the basis's validation where it may.
  const checks = new SharedCaseChecks();
  const priceBasis = fastEvaluator(basis.programs, checks);
  const priceVariant = fastEvaluator(variant.programs, checks);
  const sides = { basis: basis.side, variant: variant.side };
  const labelPrograms = [...variant.programs, ...basis.programs];
  const basisModules = new ModuleCatalog(basis.programs);
  const variantModules = new ModuleCatalog(variant.programs);
  const addEntry = (tally: Tally, e: CaseloadCase): void => {
    const b = forSide(e.casus, basisModules, variantModules);
    const v = forSide(e.casus, variantModules, basisModules);
    addCase(tally, e, priceBasis(b.casus), priceVariant(v.casus), { basis: b.dropped, variant: v.dropped });
  };
  const addLine = (tally: Tally, text: string, line: number): void => {
    const e = parseJsonLine(text, line);
    if (e.kind === 'bad') addBadRow(tally, e);
    else addEntry(tally, e);
  };
  return {
    sides,
    add(tally, entry) {
      switch (entry.kind) {
        case 'chunk':
          forEachChunkLine(entry, (text, line) => addLine(tally, text, line));
          return;
        case 'line':
          return addLine(tally, entry.text, entry.line);
        case 'bad':
          return addBadRow(tally, entry);
        case 'case':
          return addEntry(tally, entry);
        default:
          return assertNever(entry);
      }
    },
    report: (tally) => finishReport(tally, sides, labelPrograms),
  };
}

export interface AnalyzeOptions extends ImpactRequest {
  readonly cases: Iterable<CaseloadPiece> | AsyncIterable<CaseloadPiece>;
  /** Stops the analysis (the outcome is then `{ ok: false, reason: 'afgebroken' }`). */
  readonly signal?: AbortSignal;
  /** Called after every `step` entries with the number done so far. */
  readonly onProgress?: (done: number) => void;
  /** Entries between progress calls and moments the analysis lets other work run (default 500). */
  readonly step?: number;
}

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const CANCELLED: ImpactOutcome = {
  ok: false,
  reason: 'afgebroken',
  message: 'De impactanalyse is afgebroken.',
};

/**
 * Prices the caseload in this thread (in a browser: in a web worker). Every `step` entries it reports progress
 * and yields to the event loop, so that a cancel message can arrive and the signal be seen.
 */
export async function analyzeImpact(options: AnalyzeOptions): Promise<ImpactOutcome> {
  const made = createPricer(options);
  if (!made.ok) return { ok: false, reason: 'versie', message: made.message };
  const { pricer } = made;
  const tally = newTally();
  const step = Math.max(1, options.step ?? 500);
  let done = 0;
  for await (const entry of options.cases) {
    if (options.signal?.aborted) return CANCELLED;
    pricer.add(tally, entry);
    if (++done % step === 0) {
      options.onProgress?.(done);
      await pause();
    }
  }
  if (options.signal?.aborted) return CANCELLED;
  options.onProgress?.(done);
  return { ok: true, report: pricer.report(tally) };
}
