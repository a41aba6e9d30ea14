/**
 * Version planning for one case: which versions it touches, which version judges each item (and the case), which
 * later versions judge anew for their days, and the version parts an amount is priced in (dsl/README.md,
 * Versies). Pure data over the IR and the timeline; the engine turns the plan into evaluation tasks.
 */
import type { Ir } from '../../dsl/index.js';
import { isIsoDate } from '../calendar/dates.js';
import type { RejudgeMemo } from './rejudge.js';
import { programAt, splitPeriod } from './timeline.js';
import type { PeriodPart, Segment } from './timeline.js';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The first and last day the raw case mentions: the periods of its first `maxItems` results and module requests,
 * else its `ingangsdatum`.
 */
export function dateRange(
  raw: Record<string, unknown>,
  maxItems: number,
): { from: string; to: string } | undefined {
  let from: string | undefined;
  let to: string | undefined;
  for (let l = 0; l < 2; l++) {
    const list = l === 0 ? raw.resultaten : raw.modules;
    if (!Array.isArray(list)) continue;
    const n = Math.min(list.length, maxItems);
    for (let i = 0; i < n; i++) {
      const item: unknown = list[i];
      const p = isRecord(item) ? item.periode : undefined;
      if (!isRecord(p) || !isIsoDate(p.van)) continue;
      const van = p.van;
      const last = isIsoDate(p.tot) && p.tot >= van ? p.tot : van;
      if (from === undefined || van < from) from = van;
      if (to === undefined || last > to) to = last;
    }
  }
  if (from === undefined && isIsoDate(raw.ingangsdatum)) from = to = raw.ingangsdatum;
  return from === undefined || to === undefined ? undefined : { from, to };
}

/** The versions of a case's days. */
export interface CaseVersions {
  /** The version covering every day of the case, if one does (then no period is split). */
  readonly whole: Segment | undefined;
  /** The version of the case's first day: it judges the beschikking. */
  readonly primary: Ir.Program;
  /** The versions in force on some day of the case, `primary` first. */
  readonly relevant: readonly Ir.Program[];
}

/** The versions in force on the days from `range.from` to `range.to` (`segs` not empty). */
export function caseVersions(
  segs: readonly Segment[],
  range: { readonly from: string; readonly to: string },
): CaseVersions {
  let whole: Segment | undefined;
  for (const s of segs)
    if (s.from <= range.from && (s.to === undefined || s.to >= range.to)) {
      whole = s;
      break;
    }
  if (whole) return { whole, primary: whole.program, relevant: [whole.program] };
  const touched: Ir.Program[] = [];
  for (const s of segs)
    if (s.from <= range.to && (s.to === undefined || s.to >= range.from)) touched.push(s.program);
  const primary = programAt(segs, range.from) ?? touched[0] ?? (segs[0] as Segment).program;
  const relevant = touched[0] === primary ? touched : [primary, ...touched.filter((p) => p !== primary)];
  return { whole, primary, relevant };
}

/** A later version judging part of an item anew: the rules (origin ids) it judges, for the part's days. */
export interface Rejudging {
  readonly part: PeriodPart;
  readonly only: ReadonlySet<string>;
}

/** A version part an amount is priced in. */
export interface PricePart extends PeriodPart {
  /** The item runs across a version boundary, but its quantity is not measured by the period: one whole part. */
  readonly wholeAcross?: boolean;
}

/** The versions of one result or module request. */
export interface ItemPlan {
  /** The version of the item's first day: it judges the item (its rules and a module's conditions). */
  readonly start: Ir.Program;
  /** The item's days per version, in order. */
  readonly parts: readonly PeriodPart[];
  /** Later versions that judge rules anew for their days (see rejudge.ts). */
  readonly rejudging: readonly Rejudging[];
  /** The parts its amount is priced in: one per version when the quantity is measured by the period. */
  readonly priced: readonly PricePart[];
}

const NO_REJUDGING: readonly Rejudging[] = [];

/**
 * Plan one item with period `period`: with the version covering the whole case (`whole`), one part; else split at
 * the version boundaries. `perPart(start)` says whether the version of the first day prices the item's amount per
 * version part (its quantity reads the period); otherwise the whole item is priced by that version. Returns the
 * first day no version covers instead when there is one.
 */
export function planItem(
  segs: readonly Segment[],
  whole: Segment | undefined,
  period: { readonly from: string; readonly to: string },
  scope: 'resultaat' | 'module',
  rejudge: RejudgeMemo,
  perPart: (start: Ir.Program) => boolean,
): ItemPlan | { readonly uncovered: string } {
  if (whole) {
    const parts = [{ from: period.from, to: period.to, program: whole.program }];
    return { start: whole.program, parts, rejudging: NO_REJUDGING, priced: parts };
  }
  const split = splitPeriod(segs, period.from, period.to);
  if ('uncovered' in split) return split;
  const parts = split.parts;
  const start = (parts[0] as PeriodPart).program;
  if (parts.length === 1) return { start, parts, rejudging: NO_REJUDGING, priced: parts };
  const rejudging: Rejudging[] = [];
  for (let j = 1; j < parts.length; j++) {
    const part = parts[j] as PeriodPart;
    // Compared with the version of the first day, whose verdict covers the whole item.
    const only = rejudge.rules(start, part.program, scope);
    if (only !== undefined) rejudging.push({ part, only });
  }
  // Split at version boundaries only what the period measures; the rest is priced whole by its first day's version.
  const priced = perPart(start)
    ? parts
    : [{ from: period.from, to: period.to, program: start, wholeAcross: true }];
  return { start, parts, rejudging, priced };
}

export const byValidFrom = (a: Ir.Program, b: Ir.Program): number =>
  a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0;

/**
 * `programs` sorted in place by effective date (ties in the given order); a handful, so sorted by insertion (the
 * usual two versions across a boundary are already in order: one comparison, no shift).
 */
export function programsByDate(programs: Ir.Program[]): Ir.Program[] {
  const sorted = programs;
  for (let j = 1; j < sorted.length; j++) {
    const p = sorted[j] as Ir.Program;
    let i = j;
    for (; i > 0 && byValidFrom(sorted[i - 1] as Ir.Program, p) > 0; i--)
      sorted[i] = sorted[i - 1] as Ir.Program;
    sorted[i] = p;
  }
  return sorted;
}

/**
 * The later versions that judge beschikking rules anew: each version after `primary` under which some item has
 * days (`days`, sorted in place), with the rules it judges.
 */
export function rejudgingCase(
  days: Ir.Program[],
  primary: Ir.Program,
  rejudge: RejudgeMemo,
): { readonly program: Ir.Program; readonly only: ReadonlySet<string> }[] {
  const out: { program: Ir.Program; only: ReadonlySet<string> }[] = [];
  if (days.length < 2) return out;
  const byDate = programsByDate(days);
  for (let k = 1; k < byDate.length; k++) {
    const p = byDate[k] as Ir.Program;
    if (byValidFrom(p, primary) <= 0) continue;
    const only = rejudge.rules(primary, p, 'beschikking');
    if (only !== undefined) out.push({ program: p, only });
  }
  return out;
}
