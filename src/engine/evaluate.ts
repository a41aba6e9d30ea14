/**
 * `createEngine(programs)`: evaluate cases against all versions of a ruleset.
 *
 * Per case: pick the versions in force (per day, municipal override first), validate the case (each version the
 * beschikking and the items with days under it), plan the work (rules per item, module conditions, pricing per
 * version part), let the chosen path answer it, and assemble the result. Rules and module conditions are
 * evaluated with the version in force on the item's first day (beschikking rules: on the first day of the case);
 * a later version judges anew, for the days under it, the rules it adds or rewrites and those that read what it
 * changes (see computeAdded). Amounts whose quantity the period measures are priced per version part; others
 * whole, by the version of the first day. Never throws: a malformed case, and even an internal error, becomes
 * `{ ok: false, diagnostics }`.
 */
import { childExprs } from '../../dsl/core.js';
import type { Ir } from '../../dsl/index.js';
import { diffPrograms } from '../change/diff.js';
import { programAt, splitPeriod, timeline } from '../versions/timeline.js';
import type { PeriodPart, Segment } from '../versions/timeline.js';
import { assembleLine, decision, ruleDiagnostics } from './assemble.js';
import type { LineDraft, PlannedLine } from './assemble.js';
import { MAX_ITEMS, checkCase, unknownFieldWarnings } from './casus.js';
import type { CaseCheck } from './casus.js';
import { isIsoDate } from './dates.js';
import { ZERO, moneyOfCents, moneyString, sum } from './decimal.js';
import type { Dec } from './decimal.js';
import { buildExplanation } from './explain.js';
import { fastPath } from './fast-path.js';
import { jrePath } from './jre.js';
import type { CaseDiagnostic, Evaluation, EvaluationInvalid, ModuleDecision, ResultLine } from './result.js';
import { newCtx } from './runtime.js';
import type { Ctx, LoadedProgram } from './runtime.js';
import { pricedPerPart } from './pricing.js';
import type { PriceTarget } from './pricing.js';
import type { Answers, ItemTask, Path, PriceTask } from './tasks.js';
import { isPeriod } from './values.js';
import type { CaseItem, Period, TypedCase, Value } from './values.js';

export interface EngineOptions {
  /** 'jre' (json-rules-engine, the canonical path, default) or 'fast' (compiled closures). */
  readonly path?: 'jre' | 'fast';
}

export interface EvaluateOptions {
  /** Add an explanation of every amount, decision and fired rule. */
  readonly explain?: boolean;
}

export interface Engine {
  readonly path: 'jre' | 'fast';
  evaluate(casus: unknown, options?: EvaluateOptions): Promise<Evaluation>;
  /** Same as `evaluate(casus, { explain: true })`. */
  explain(casus: unknown): Promise<Evaluation>;
  /** Synchronous evaluation; only the fast path has it. */
  readonly evaluateSync: ((casus: unknown, options?: EvaluateOptions) => Evaluation) | undefined;
}

/** One result or module request, planned: its label and the version parts its amount is priced in. */
interface Plan extends PlannedLine {
  readonly kind: 'resultaat' | 'module';
  readonly item: CaseItem;
  readonly label: string;
  /** Index of its first part's price task. */
  readonly first: number;
  readonly parts: PlannedLine['parts'];
}

/**
 * The work planned for one valid case (rules per item, module conditions, pricing per part) and what `finish`
 * needs to turn the path's answers into the result. Plain data: nothing is created per case but objects.
 */
interface Prepared {
  readonly items: ItemTask[];
  readonly prices: PriceTask[];
  readonly plans: Plan[];
  readonly moduleItems: { readonly def: Ir.ModuleDef; readonly item: CaseItem; readonly task: number }[];
  /** The versions that price or judge the case, by effective date. */
  versions: readonly string[];
  /** Warnings about the input (unknown fields), first among the diagnostics. */
  readonly warnings: readonly CaseDiagnostic[];
  readonly explain: boolean;
  /** Some item task judges with the rules a later version adds (then a rule may fire twice: reported once). */
  added: boolean;
}

/** The per-case state of planning (see `planItem`). */
interface Planning extends Prepared {
  readonly load: (p: Ir.Program) => LoadedProgram;
  readonly segs: readonly Segment[];
  /** The version covering every day of the case, if one does (then no period is split). */
  readonly whole: Segment | undefined;
  readonly primary: Ir.Program;
  readonly typed: ReadonlyMap<Ir.Program, TypedCase>;
  /** Beschikking-level calculation memo of the primary program, and of others when the case spans versions. */
  readonly memo: Map<string, Value>;
  readonly memos: Map<Ir.Program, Map<string, Value>>;
  /** The programs that judge or price the case (in order of first use while planning, then by date). */
  readonly used: Ir.Program[];
  /** The programs some item has days under (whether or not they price it), in order of first sight. */
  readonly days: Ir.Program[];
  /** The rules a later version judges anew (see computeAdded), memoised per engine. */
  readonly addedRules: AddedRules;
  readonly problems: CaseDiagnostic[];
}

/** A context for program `p` with the case as validated for it, sharing that program's case memo. */
function ctxFor(
  s: Planning,
  p: Ir.Program,
  result: CaseItem | undefined,
  module: CaseItem | undefined,
  period?: Period,
): Ctx {
  let memo = p === s.primary ? s.memo : s.memos.get(p);
  if (!memo) s.memos.set(p, (memo = new Map()));
  return newCtx(s.load(p), s.typed.get(p) as TypedCase, memo, result, module, period);
}

/**
 * Plan one item: its rules (and module conditions) with the version of its first day, the rules later versions
 * judge anew for their days, and a price task per part (one part when the quantity is not measured by the period).
 */
function planItem(s: Planning, kind: 'resultaat' | 'module', item: CaseItem): void {
  const period = item.fields.periode;
  if (!isPeriod(period)) {
    s.problems.push(inputError('ontbreekt (verplicht veld, periode).', `${item.path}.periode`));
    return;
  }
  const split = s.whole
    ? { parts: [{ from: period.from, to: period.to, program: s.whole.program }] }
    : splitPeriod(s.segs, period.from, period.to);
  if ('uncovered' in split) {
    s.problems.push(
      inputError(`geen versie van de regelset geldig op ${split.uncovered}.`, `${item.path}.periode`),
    );
    return;
  }
  const start = split.parts[0]?.program ?? s.primary;
  if (!s.whole && !s.used.includes(start)) s.used.push(start);
  if (!s.whole) for (const part of split.parts) if (!s.days.includes(part.program)) s.days.push(part.program);
  const own = itemIn(s.typed, start, kind, item);
  const isModule = kind === 'module';
  const ctx = isModule ? ctxFor(s, start, undefined, own) : ctxFor(s, start, own, undefined);
  const def = isModule ? s.load(start).modules.get(String(own.fields.module)) : undefined;
  const task = s.items.length;
  s.items.push({ scope: kind, ctx, module: def, only: undefined });
  if (def) s.moduleItems.push({ def, item: own, task });
  const gate = isModule ? task : undefined;
  // Rules a later version adds or rewrites (compared with the version before it) judge the item too, for its days
  // under that version.
  for (let j = 1; j < split.parts.length; j++) {
    const part = split.parts[j] as PeriodPart;
    // Compared with the version of the first day, whose verdict covers the whole item.
    const only = s.addedRules(start, part.program, kind);
    if (only === undefined) continue;
    if (!s.used.includes(part.program)) s.used.push(part.program);
    const partItem = itemIn(s.typed, part.program, kind, item);
    const days = { from: part.from, to: part.to };
    const partCtx = isModule
      ? ctxFor(s, part.program, undefined, partItem, days)
      : ctxFor(s, part.program, partItem, undefined, days);
    s.items.push({ scope: kind, ctx: partCtx, module: undefined, only });
    s.added = true;
  }
  const variant = own.fields.variant;
  const label = isModule
    ? typeof variant === 'string'
      ? `${String(own.fields.module)}/${variant}`
      : String(own.fields.module)
    : own.ref;
  const target: PriceTarget = isModule
    ? {
        kind: 'module',
        module: String(own.fields.module),
        variant: typeof variant === 'string' ? variant : undefined,
      }
    : BUDGET;
  // Split at version boundaries only what the period measures; the rest is priced whole by its first day's version.
  const parts =
    split.parts.length > 1 && !pricedPerPart(s.load(start), target)
      ? [{ from: period.from, to: period.to, program: start, wholeAcross: true }]
      : split.parts;
  s.plans.push({ kind, item: own, label, first: s.prices.length, parts });
  if (parts.length === 1) {
    s.prices.push({ ctx, target, own: false, gate });
    return;
  }
  for (const part of parts) {
    if (!s.used.includes(part.program)) s.used.push(part.program);
    // The item as validated for the part's version, with the part as its period (no copy of the item).
    const partItem = itemIn(s.typed, part.program, kind, item);
    const period = { from: part.from, to: part.to };
    const partCtx = isModule
      ? ctxFor(s, part.program, undefined, partItem, period)
      : ctxFor(s, part.program, partItem, undefined, period);
    s.prices.push({ ctx: partCtx, target, own: true, gate });
  }
}

const amountOf = (d: LineDraft): Dec => d.amount;

/** Turn the path's answers into the evaluation. */
function finish(prep: Prepared, answers: Answers): Evaluation {
  const { items, plans, versions } = prep;
  const diagnostics: CaseDiagnostic[] = prep.warnings.length > 0 ? [...prep.warnings] : [];
  // A rule that a later version judges anew may fire in several versions for the same item: reported once per
  // severity (the first), so a later `fout` is never hidden behind an earlier `waarschuwing` of the same name.
  const reported = prep.added ? new Set<string>() : undefined;
  for (let i = 0; i < items.length; i++) {
    const answer = answers.items[i];
    const ctx = (items[i] as ItemTask).ctx;
    if (answer && answer.fired.length > 0)
      for (const d of ruleDiagnostics(answer, ctx.result ?? ctx.module)) {
        if (reported) {
          const key = `${d.rule}\u0000${d.path ?? ''}\u0000${d.severity}`;
          if (reported.has(key)) continue;
          reported.add(key);
        }
        diagnostics.push(d);
      }
  }
  const decisions: ModuleDecision[] = [];
  const allowed: CaseItem[] = [];
  for (const m of prep.moduleItems) {
    const answer = answers.items[m.task];
    if (!answer) continue;
    const d = decision(m.def, m.item, answer);
    decisions.push(d);
    if (d.allowed) allowed.push(m.item);
  }
  const drafts: LineDraft[] = [];
  const lines: ResultLine[] = [];
  // The total in cents while every line is in cents (exact: see LineDraft.cents), else as a decimal sum.
  let cents: number | undefined = 0;
  for (const p of plans) {
    if (p.kind === 'module' && !allowed.includes(p.item)) continue;
    const draft = assembleLine(p, answers.prices, diagnostics);
    if (!draft) continue;
    drafts.push(draft);
    lines.push(draft.line);
    cents = cents === undefined || draft.cents === undefined ? undefined : cents + draft.cents;
  }
  const evaluation = {
    ok: true as const,
    version: versions.length === 1 ? (versions[0] as string) : versions.join(', '),
    versions,
    lines,
    total:
      cents !== undefined && Number.isSafeInteger(cents)
        ? moneyOfCents(cents)
        : moneyString(sum(drafts.map(amountOf)).plus(ZERO)),
    decisions,
    diagnostics,
  };
  return prep.explain
    ? { ...evaluation, explanation: buildExplanation(drafts, items, answers, decisions) }
    : evaluation;
}

const byValidFrom = (a: Ir.Program, b: Ir.Program): number =>
  a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0;

/**
 * `programs` sorted in place by effective date (ties in the given order); a handful, so sorted by insertion (the
 * usual two versions across a boundary are already in order: one comparison, no shift).
 */
function programsByDate(programs: Ir.Program[]): Ir.Program[] {
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

function versionsOfPrograms(programs: readonly Ir.Program[]): string[] {
  const out: string[] = [];
  for (const p of programs) out.push(p.version);
  return out;
}

/** The segment covering every day from `from` to `to`, if one does. */
function covering(segs: readonly Segment[], from: string, to: string): Segment | undefined {
  for (const s of segs) if (s.from <= from && (s.to === undefined || s.to >= to)) return s;
  return undefined;
}

const invalid = (version: string | null, diagnostics: readonly CaseDiagnostic[]): EvaluationInvalid => ({
  ok: false,
  version,
  diagnostics,
});

const inputError = (message: string, path?: string): CaseDiagnostic => ({
  severity: 'fout',
  rule: 'invoer',
  message: path ? `${path}: ${message}` : message,
  ...(path ? { path } : {}),
});

const versionsOf = (ps: readonly Ir.Program[]): string => ps.map((p) => p.version).join(', ');

/** The diagnostics without repeated messages (first occurrence kept). */
function distinctMessages(ds: readonly CaseDiagnostic[]): CaseDiagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => !seen.has(d.message) && seen.add(d.message) !== undefined);
}

const BUDGET: PriceTarget = { kind: 'budget' };

/**
 * The rules of `scope` that `later` has and `first` has not (by origin: added, or rewritten in a later file),
 * undefined when there are none. Remembered per pair of programs.
 */
type AddedByScope = Readonly<Record<Ir.Scope, ReadonlySet<string> | undefined>>;
export type AddedRules = (
  first: Ir.Program,
  later: Ir.Program,
  scope: Ir.Scope,
) => ReadonlySet<string> | undefined;

/** The names a later version changed against an earlier one: `param:x`, `table:y`, `calc:scope:name`. */
function changedNames(first: Ir.Program, later: Ir.Program): Set<string> {
  const d = diffPrograms(first, later);
  const out = new Set<string>();
  for (const c of d.cells) out.add(`table:${c.table}`);
  for (const it of d.items) {
    if (it.kind === 'parameter') out.add(`param:${it.name}`);
    else if (it.kind === 'tabel') out.add(`table:${it.name}`);
    else if (it.kind === 'berekening') out.add(`calc:${it.name}`);
  }
  return out;
}

/**
 * Which rules of `later` judge the days under it anew, compared with `first` (the version before it): rules it
 * adds or rewrites (an origin `first` does not have), and rules that read, directly or through calculations, a
 * parameter, table or calculation whose value `later` changes (an indexed table, a new limit).
 */
function computeAdded(first: Ir.Program, later: Ir.Program): AddedByScope {
  const known = new Set(first.rules.map((r) => r.origin.id));
  const changed = changedNames(first, later);
  const calcs = new Map(later.calcs.map((c) => [`${c.scope}:${c.name}`, c]));
  const params = new Map(later.parameters.map((p) => [p.name, p]));
  const reads = (e: Ir.Expr, seen: Set<string>): boolean => {
    if (e.kind === 'param') {
      if (changed.has(`param:${e.name}`)) return true;
      // A calculated parameter (`= grens × 2`) changes with what it reads.
      const key = `param:${e.name}`;
      if (seen.has(key)) return false;
      seen.add(key);
      const def = params.get(e.name);
      return def !== undefined && reads(def.value, seen);
    }
    if (e.kind === 'lookup' && changed.has(`table:${e.table}`)) return true;
    if (e.kind === 'calc') {
      const key = `${e.scope}:${e.name}`;
      if (changed.has(`calc:${key}`)) return true;
      if (seen.has(key)) return false;
      seen.add(key);
      const def = calcs.get(key);
      return def !== undefined && reads(def.value, seen);
    }
    return childExprs(e).some((c) => reads(c, seen));
  };
  const of = (sc: Ir.Scope) => {
    const ids = later.rules
      .filter(
        (r) => r.scope === sc && (!known.has(r.origin.id) || (changed.size > 0 && reads(r.when, new Set()))),
      )
      .map((r) => r.origin.id);
    return ids.length > 0 ? new Set(ids) : undefined;
  };
  return { beschikking: of('beschikking'), resultaat: of('resultaat'), module: of('module') };
}

/**
 * An engine's memo of {@link computeAdded} per pair of programs, with the last pair at hand (a case across one
 * boundary asks for the same pair for every item). Per engine: nothing outlives the engine's programs.
 */
function addedRulesMemo(): AddedRules {
  const memo = new Map<Ir.Program, Map<Ir.Program, AddedByScope>>();
  let lastFirst: Ir.Program | undefined;
  let lastLater: Ir.Program | undefined;
  let lastAdded: AddedByScope | undefined;
  return (first, later, scope) => {
    if (first === later) return undefined;
    if (first === lastFirst && later === lastLater && lastAdded !== undefined) return lastAdded[scope];
    let byLater = memo.get(first);
    if (!byLater) memo.set(first, (byLater = new Map()));
    let added = byLater.get(later);
    if (!added) byLater.set(later, (added = computeAdded(first, later)));
    lastFirst = first;
    lastLater = later;
    lastAdded = added;
    return added[scope];
  };
}
const NO_WARNINGS: readonly CaseDiagnostic[] = [];

/** The same item as validated for program `p` (versions may type a field differently), else `item` itself. */
const itemIn = (
  typed: ReadonlyMap<Ir.Program, TypedCase>,
  p: Ir.Program,
  kind: 'resultaat' | 'module',
  item: CaseItem,
): CaseItem =>
  (kind === 'resultaat' ? typed.get(p)?.results[item.index] : typed.get(p)?.modules[item.index]) ?? item;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first and last day the raw case mentions (item periods, else `ingangsdatum`). */
function dateRange(raw: Record<string, unknown>): { from: string; to: string } | undefined {
  let from: string | undefined;
  let to: string | undefined;
  for (let l = 0; l < 2; l++) {
    const list = l === 0 ? raw.resultaten : raw.modules;
    if (!Array.isArray(list)) continue;
    const n = Math.min(list.length, MAX_ITEMS);
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

/**
 * Programs whose declared input is the same (fields, domains, bandwidth pairs, modules and variants) validate a
 * case identically; validation is done once per such group. A group is a small number: its input description,
 * numbered on first sight, so comparing two programs' groups per case is comparing numbers.
 */
const INPUT_SHAPES = new WeakMap<Ir.Program, number>();
const SHAPE_IDS = new Map<string, number>();
const MAX_SHAPES = 10_000;
let nextShape = 0;
function inputShape(p: Ir.Program): number {
  let id = INPUT_SHAPES.get(p);
  if (id === undefined) {
    const fields = (defs: readonly Ir.FieldDef[]) => defs.map((f) => [f.name, f.type, f.optional]);
    const text = JSON.stringify([
      fields(p.input.beschikking),
      fields(p.input.resultaat),
      fields(p.input.module),
      p.domains.map((d) => [d.name, d.values.map((v) => v.name)]),
      p.bandwidths.map((b) => [b.name, b.intensity]),
      p.modules.map((m) => [m.name, m.variants.map((v) => v.name)]),
    ]);
    id = SHAPE_IDS.get(text);
    if (id === undefined) {
      // Numbers are never reused (a program keeps its number); the map of texts is bounded (the editor compiles
      // on every keystroke): when full it starts again, and equal shapes seen before then get new numbers.
      if (SHAPE_IDS.size >= MAX_SHAPES) SHAPE_IDS.clear();
      SHAPE_IDS.set(text, (id = nextShape++));
    }
    INPUT_SHAPES.set(p, id);
  }
  return id;
}

/** Whether all these programs declare the same input (see {@link inputShape}). */
function sameInput(ps: readonly Ir.Program[]): boolean {
  const [first] = ps;
  if (first === undefined) return true;
  const shape = inputShape(first);
  for (const p of ps) if (inputShape(p) !== shape) return false;
  return true;
}

/**
 * Validate a case across versions that declare different input: each version judges the beschikking and the
 * items with a day in force under it (an item entirely in another version is typed without errors, see
 * `checkCase`). The typed case per program goes into `typed`; the problems, each naming its version, into
 * `problems` (a message once).
 */
function checkAll(
  relevant: readonly Ir.Program[],
  segs: readonly Segment[],
  raw: unknown,
  typed: Map<Ir.Program, TypedCase>,
  problems: CaseDiagnostic[],
): void {
  // Per message (in order of first report), the diagnostic and the versions that reported it.
  const reported = new Map<string, { d: CaseDiagnostic; versions: string[] }>();
  for (const p of relevant) {
    const touches = (from: string, to: string): boolean =>
      segs.some((s) => s.program === p && s.from <= to && (s.to === undefined || s.to >= from));
    const check: CaseCheck = checkCase(p, raw, touches);
    if (check.ok) {
      typed.set(p, check.casus);
      continue;
    }
    for (const d of check.diagnostics) {
      const r = reported.get(d.message);
      if (r) {
        if (!r.versions.includes(p.version)) r.versions.push(p.version);
      } else reported.set(d.message, { d, versions: [p.version] });
    }
  }
  // A problem every version reports is one problem; one that only some versions report names them.
  for (const { d, versions } of reported.values()) {
    if (versions.length === relevant.length) problems.push(d);
    else problems.push({ ...d, message: `${d.message.replace(/\.$/, '')} (versie ${versions.join(', ')}).` });
  }
}

export function createEngine(programs: readonly Ir.Program[], options?: EngineOptions): Engine {
  const path: Path = options?.path === 'fast' ? fastPath() : jrePath();
  const loaded = new Map<Ir.Program, LoadedProgram>();
  const addedRules = addedRulesMemo();
  const timelines = new Map<string, Segment[]>();
  const load = (p: Ir.Program): LoadedProgram => {
    let rt = loaded.get(p);
    if (!rt) loaded.set(p, (rt = path.load(p)));
    return rt;
  };
  // Only municipalities with an override have a timeline of their own; every other value (including anything a
  // caller sends) shares the regional one, so the cache stays as small as the ruleset.
  const overridden = new Set(programs.flatMap((p) => (p.municipality === undefined ? [] : [p.municipality])));
  const segmentsFor = (gemeente: string | undefined): Segment[] => {
    const key = gemeente !== undefined && overridden.has(gemeente) ? gemeente : '\u0000';
    let segs = timelines.get(key);
    if (!segs) timelines.set(key, (segs = timeline(programs, key === '\u0000' ? undefined : key)));
    return segs;
  };

  function prepare(raw: unknown, explain: boolean): Prepared | EvaluationInvalid {
    if (programs.length === 0) return invalid(null, [inputError('Er zijn geen regels geladen.')]);
    if (!isRecord(raw)) return invalid(null, [inputError(`Het geval moet een JSON-object zijn.`)]);
    const segs = segmentsFor(typeof raw.gemeente === 'string' ? raw.gemeente : undefined);
    const first = segs[0];
    if (!first) return invalid(null, [inputError('Geen versie van de regelset geldt voor deze gemeente.')]);
    const range = dateRange(raw) ?? { from: first.from, to: first.from };
    // The light path: one version covers every day of the case, so no period is ever split.
    const whole = covering(segs, range.from, range.to);
    const touched: Ir.Program[] = [];
    if (whole) touched.push(whole.program);
    else
      for (const s of segs)
        if (s.from <= range.to && (s.to === undefined || s.to >= range.from)) touched.push(s.program);
    const primary = whole?.program ?? programAt(segs, range.from) ?? touched[0] ?? first.program;
    const relevant = touched[0] === primary ? touched : [primary, ...touched.filter((p) => p !== primary)];
    const typed = new Map<Ir.Program, TypedCase>();
    const problems: CaseDiagnostic[] = [];
    // Whether some key of the case is not a declared field (then the warnings say which).
    let extraKeys = true;
    if (relevant.length === 1 || sameInput(relevant)) {
      // One validation serves every version (the usual case across a boundary: the same declared input).
      const check = checkCase(primary, raw);
      if (!check.ok)
        return invalid(
          relevant.length === 1 ? primary.version : versionsOf(relevant),
          distinctMessages(check.diagnostics),
        );
      for (const p of relevant) typed.set(p, check.casus);
      extraKeys = check.extraKeys;
    } else {
      checkAll(relevant, segs, raw, typed, problems);
      if (problems.length > 0) return invalid(versionsOf(relevant), problems);
    }

    const base = typed.get(primary) as TypedCase;
    const s: Planning = {
      items: [],
      prices: [],
      plans: [],
      moduleItems: [],
      versions: [],
      warnings: extraKeys
        ? unknownFieldWarnings(
            relevant,
            raw,
            relevant.length > 1
              ? (from, to) =>
                  relevant.filter((p) =>
                    segs.some((g) => g.program === p && g.from <= to && (g.to === undefined || g.to >= from)),
                  )
              : undefined,
          )
        : NO_WARNINGS,
      explain,
      added: false,
      load,
      segs,
      whole,
      primary,
      typed,
      memo: new Map(),
      memos: new Map(),
      used: [primary],
      days: [primary],
      addedRules,
      problems,
    };
    s.items.push({
      scope: 'beschikking',
      ctx: ctxFor(s, primary, undefined, undefined),
      module: undefined,
      only: undefined,
    });
    for (const r of base.results) planItem(s, 'resultaat', r);
    for (const m of base.modules) planItem(s, 'module', m);
    // Beschikking rules that a later version judges anew (compared with the version before it) judge the case
    // too, when some item has days under that version.
    if (!whole && s.days.length > 1) {
      const byDate = programsByDate(s.days);
      for (let k = 1; k < byDate.length; k++) {
        const p = byDate[k] as Ir.Program;
        if (byValidFrom(p, primary) <= 0) continue;
        const only = addedRules(primary, p, 'beschikking');
        if (only === undefined) continue;
        if (!s.used.includes(p)) s.used.push(p);
        s.items.push({
          scope: 'beschikking',
          ctx: ctxFor(s, p, undefined, undefined),
          module: undefined,
          only,
        });
        s.added = true;
      }
    }
    if (problems.length > 0) return invalid(versionsOf(relevant), problems);

    // One version covering the case: every item and part is priced by it.
    s.versions = whole
      ? [whole.program.version]
      : versionsOfPrograms(s.used.length > 1 ? programsByDate(s.used) : s.used);
    return s;
  }

  const failure = (e: unknown): EvaluationInvalid =>
    invalid(null, [
      {
        severity: 'fout',
        rule: 'intern',
        message: `Interne fout bij het evalueren: ${e instanceof Error ? e.message : String(e)}`,
      },
    ]);

  const evaluateSync = (casus: unknown, opts?: EvaluateOptions): Evaluation => {
    try {
      const prep = prepare(casus, opts?.explain === true);
      if ('ok' in prep) return prep;
      const answers = path.answer(prep.items, prep.prices, opts?.explain === true);
      if (answers instanceof Promise) throw new Error('path is asynchronous');
      return finish(prep, answers);
    } catch (e) {
      return failure(e);
    }
  };

  const evaluate = async (casus: unknown, opts?: EvaluateOptions): Promise<Evaluation> => {
    try {
      const prep = prepare(casus, opts?.explain === true);
      if ('ok' in prep) return prep;
      return finish(prep, await path.answer(prep.items, prep.prices, opts?.explain === true));
    } catch (e) {
      return failure(e);
    }
  };

  return {
    path: path.name,
    evaluate,
    explain: (casus) => evaluate(casus, { explain: true }),
    evaluateSync: path.name === 'fast' ? evaluateSync : undefined,
  };
}
