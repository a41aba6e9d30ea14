/**
 * Validating a case across versions. Versions whose declared input is the same validate a case identically, so the
 * engine validates once for all of them; versions that declare different input each judge the beschikking and the
 * items with a day in force under them, and their problems are reported once, naming the versions that found them.
 */
import type { Ir } from '../../dsl/index.js';
import type { Segment } from './timeline.js';

/**
 * The declared input of a program apart from its modules: the fields of the beschikking, a result and a module
 * request, the domains and the bandwidth pairs. A case without module requests validates identically under two
 * programs with the same text.
 */
export function inputShapeText(p: Ir.Program): string {
  const fields = (defs: readonly Ir.FieldDef[]) => defs.map((f) => [f.name, f.type, f.optional]);
  return JSON.stringify([
    fields(p.input.beschikking),
    fields(p.input.resultaat),
    fields(p.input.module),
    p.domains.map((d) => [d.name, d.values.map((v) => v.name)]),
    p.bandwidths.map((b) => [b.name, b.intensity]),
  ]);
}

/** The modules a program declares, with their variants (the rest of its declared input). */
export const moduleShapeText = (p: Ir.Program): string =>
  JSON.stringify(p.modules.map((m) => [m.name, m.variants.map((v) => v.name)]));

/**
 * Programs whose declared input is the same (fields, domains, bandwidth pairs, modules and variants) validate a
 * case identically. A shape is a small number: the input description, numbered on first sight, so comparing two
 * programs' shapes per case is comparing numbers. Owned by an engine; the texts are bounded (`limit`): when full
 * the numbering starts again, and equal shapes seen before then get new numbers (never a wrong equality).
 */
export class InputShapes {
  private readonly byProgram = new WeakMap<Ir.Program, number>();
  private readonly byText = new Map<string, number>();
  private next = 0;

  constructor(private readonly limit = 10_000) {}

  /** The number of `p`'s input shape. */
  of(p: Ir.Program): number {
    let id = this.byProgram.get(p);
    if (id === undefined) {
      const text = `${inputShapeText(p)}\u0000${moduleShapeText(p)}`;
      id = this.byText.get(text);
      if (id === undefined) {
        if (this.byText.size >= this.limit) this.byText.clear();
        this.byText.set(text, (id = this.next++));
      }
      this.byProgram.set(p, id);
    }
    return id;
  }

  /** Whether all these programs declare the same input. */
  same(ps: readonly Ir.Program[]): boolean {
    const [first] = ps;
    if (first === undefined) return true;
    const shape = this.of(first);
    for (const p of ps) if (this.of(p) !== shape) return false;
    return true;
  }
}

/** The outcome of validating a case for one program (the engine's case check). */
export type CheckOutcome<T, D extends { readonly message: string }> =
  { readonly ok: true; readonly casus: T } | { readonly ok: false; readonly diagnostics: readonly D[] };

/** Whether program `p` is in force on some day from `from` to `to`. */
export const touchesDays =
  (segs: readonly Segment[], p: Ir.Program) =>
  (from: string, to: string): boolean =>
    segs.some((s) => s.program === p && s.from <= to && (s.to === undefined || s.to >= from));

/**
 * Validate a case across versions that declare different input with `check(p, touches)`, where `touches(from,
 * to)` says whether an item with that period has a day under `p` (an item entirely under another version is
 * typed without errors). The typed case per program goes into `typed`; the problems, each naming its version
 * unless every version reports it, into `problems` (a message once).
 */
export function checkAcross<T, D extends { readonly message: string }>(
  relevant: readonly Ir.Program[],
  segs: readonly Segment[],
  check: (p: Ir.Program, touches: (from: string, to: string) => boolean) => CheckOutcome<T, D>,
  typed: Map<Ir.Program, T>,
  problems: D[],
): void {
  // Per message (in order of first report), the diagnostic and the versions that reported it.
  const reported = new Map<string, { d: D; versions: string[] }>();
  for (const p of relevant) {
    const outcome = check(p, touchesDays(segs, p));
    if (outcome.ok) {
      typed.set(p, outcome.casus);
      continue;
    }
    for (const d of outcome.diagnostics) {
      const r = reported.get(d.message);
      if (r) {
        if (!r.versions.includes(p.version)) r.versions.push(p.version);
      } else reported.set(d.message, { d, versions: [p.version] });
    }
  }
  for (const { d, versions } of reported.values()) {
    if (versions.length === relevant.length) problems.push(d);
    else problems.push({ ...d, message: `${d.message.replace(/\.$/, '')} (versie ${versions.join(', ')}).` });
  }
}
