/**
 * Which version of a ruleset is in force on which day, for one municipality.
 *
 * A regional version is in force from its `validFrom` until the day before the next regional version starts, or
 * until its `validTo` when that is earlier (then days after it are covered by no version). A municipal override
 * (`municipality` set) is in force the same way among the overrides for that municipality, and wins over the
 * regional version on the days it covers. The case's `gemeente` value selects the overrides.
 */
import type { Ir } from '../../dsl/index.js';
import { addDays, dayNumber } from '../calendar/dates.js';

export interface Segment {
  readonly from: string;
  /** Inclusive; undefined: open-ended. */
  readonly to: string | undefined;
  /** The day after `to` (undefined: open-ended), computed once with the segment. */
  readonly next: string | undefined;
  readonly program: Ir.Program;
}

/** A part of a period priced by one version. */
export interface PeriodPart {
  readonly from: string;
  readonly to: string;
  readonly program: Ir.Program;
}

/** A program with the days it is in force, before overrides are laid over the regional versions. */
interface Span {
  readonly from: string;
  readonly to: string | undefined;
  readonly program: Ir.Program;
}

function inForce(programs: readonly Ir.Program[]): Span[] {
  const sorted = [...programs].sort((a, b) =>
    a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0,
  );
  return sorted.map((program, i) => {
    const next = sorted[i + 1];
    const untilNext = next ? addDays(next.validFrom, -1) : undefined;
    const ends = [program.validTo, untilNext].filter((d): d is string => d !== undefined).sort();
    return { from: program.validFrom, to: ends[0], program };
  });
}

const covers = (s: Span, day: string): boolean => s.from <= day && (s.to === undefined || day <= s.to);

/** The days and versions in force for a municipality (or the region when `gemeente` has no overrides). */
export function timeline(programs: readonly Ir.Program[], gemeente: string | undefined): Segment[] {
  const regional = inForce(programs.filter((p) => p.municipality === undefined));
  const own = gemeente === undefined ? [] : inForce(programs.filter((p) => p.municipality === gemeente));
  const all = [...own, ...regional];
  const bounds = new Set<string>();
  for (const s of all) {
    bounds.add(s.from);
    if (s.to !== undefined) bounds.add(addDays(s.to, 1));
  }
  const sorted = [...bounds].sort();
  const out: Segment[] = [];
  sorted.forEach((from, i) => {
    // The next bound is the day after this segment's last day.
    const next = sorted[i + 1];
    const to = next === undefined ? undefined : addDays(next, -1);
    const seg = own.find((s) => covers(s, from)) ?? regional.find((s) => covers(s, from));
    if (!seg) return;
    const last = out[out.length - 1];
    if (last && last.program === seg.program && last.next === from) {
      out[out.length - 1] = { from: last.from, to, next, program: seg.program };
    } else out.push({ from, to, next, program: seg.program });
  });
  return out;
}

/** The version in force on a day. */
export function programAt(segments: readonly Segment[], day: string): Ir.Program | undefined {
  return segmentAt(segments, day)?.program;
}

/**
 * Split a period at version boundaries (`segments` as {@link timeline} returns them: in order, disjoint). Returns
 * the parts in order, or the first day no version covers.
 */
export function splitPeriod(
  segments: readonly Segment[],
  from: string,
  to: string,
): { parts: PeriodPart[] } | { uncovered: string } {
  const parts: PeriodPart[] = [];
  let day = from;
  // Segments are in order: after the first, the next part's segment is usually the one after the previous.
  let i = indexAt(segments, day);
  while (day <= to) {
    const seg = segments[i];
    if (!seg) return { uncovered: day };
    if (seg.to === undefined || seg.to >= to) {
      parts.push({ from: day, to, program: seg.program });
      break;
    }
    parts.push({ from: day, to: seg.to, program: seg.program });
    day = seg.next as string;
    const next = segments[i + 1];
    i = next !== undefined && next.from === day ? i + 1 : indexAt(segments, day);
  }
  return { parts };
}

/** The index of the first segment covering `day`, else -1. */
function indexAt(segments: readonly Segment[], day: string): number {
  for (let i = 0; i < segments.length; i++) if (covers(segments[i] as Segment, day)) return i;
  return -1;
}

function segmentAt(segments: readonly Segment[], day: string): Segment | undefined {
  for (const s of segments) if (covers(s, day)) return s;
  return undefined;
}

/** Days between two dates (for sorting and measuring). */
export const daySpan = (from: string, to: string): number => dayNumber(to) - dayNumber(from) + 1;
