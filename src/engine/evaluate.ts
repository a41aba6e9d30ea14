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
import type { Ir } from '../../dsl/index.js';
import { caseVersions, dateRange, planItem, programsByDate, rejudgingCase } from '../versions/plan.js';
import type { ItemPlan } from '../versions/plan.js';
import { checkAcross, touchesDays } from '../versions/input.js';
import { timeline } from '../versions/timeline.js';
import type { Segment } from '../versions/timeline.js';
import { assembleLine, decision, ruleDiagnostics } from './assemble.js';
import type { LineDraft, PlannedLine } from './assemble.js';
import { EngineCache } from './cache.js';
import { MAX_ITEMS, checkCase, unknownFieldWarnings } from './casus.js';
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

/** The per-case state of planning (see `planTasks`). */
interface Planning extends Prepared {
  readonly load: (p: Ir.Program) => LoadedProgram;
  readonly cache: EngineCache;
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

/** A context for an item (a result or a module request) in program `p`, optionally for part of its period. */
function itemCtx(
  s: Planning,
  p: Ir.Program,
  kind: 'resultaat' | 'module',
  item: CaseItem,
  period?: Period,
): Ctx {
  return kind === 'module' ? ctxFor(s, p, undefined, item, period) : ctxFor(s, p, item, undefined, period);
}

/**
 * The tasks of one item, from its version plan (src/versions/plan.ts): its rules (and module conditions) with the
 * version of its first day, the rules later versions judge anew for their days, and a price task per part.
 */
function planTasks(s: Planning, kind: 'resultaat' | 'module', item: CaseItem): void {
  const period = item.fields.periode;
  if (!isPeriod(period)) {
    s.problems.push(inputError('ontbreekt (verplicht veld, periode).', `${item.path}.periode`));
    return;
  }
  const isModule = kind === 'module';
  // What the item prices, as validated for the version of its first day.
  const targetIn = (p: Ir.Program): PriceTarget =>
    isModule ? moduleTarget(itemIn(s.typed, p, kind, item)) : BUDGET;
  const plan: ItemPlan | { readonly uncovered: string } = planItem(
    s.segs,
    s.whole,
    period,
    kind,
    s.cache.rejudge,
    (start) => pricedPerPart(s.load(start), targetIn(start)),
  );
  if ('uncovered' in plan) {
    s.problems.push(
      inputError(`geen versie van de regelset geldig op ${plan.uncovered}.`, `${item.path}.periode`),
    );
    return;
  }
  const start = plan.start;
  if (!s.whole) {
    if (!s.used.includes(start)) s.used.push(start);
    for (const part of plan.parts) if (!s.days.includes(part.program)) s.days.push(part.program);
  }
  const own = itemIn(s.typed, start, kind, item);
  const ctx = itemCtx(s, start, kind, own);
  const def = isModule ? s.load(start).modules.get(String(own.fields.module)) : undefined;
  const task = s.items.length;
  s.items.push({ scope: kind, ctx, module: def, only: undefined });
  if (def) s.moduleItems.push({ def, item: own, task });
  const gate = isModule ? task : undefined;
  for (const { part, only } of plan.rejudging) {
    if (!s.used.includes(part.program)) s.used.push(part.program);
    const partItem = itemIn(s.typed, part.program, kind, item);
    const days = { from: part.from, to: part.to };
    s.items.push({
      scope: kind,
      ctx: itemCtx(s, part.program, kind, partItem, days),
      module: undefined,
      only,
    });
    s.added = true;
  }
  const target = isModule ? moduleTarget(own) : BUDGET;
  const variant = own.fields.variant;
  const label = isModule
    ? typeof variant === 'string'
      ? `${String(own.fields.module)}/${variant}`
      : String(own.fields.module)
    : own.ref;
  const parts = plan.priced;
  s.plans.push({ kind, item: own, label, first: s.prices.length, parts });
  if (parts.length === 1) {
    s.prices.push({ ctx, target, own: false, gate });
    return;
  }
  for (const part of parts) {
    if (!s.used.includes(part.program)) s.used.push(part.program);
    // The item as validated for the part's version, with the part as its period (no copy of the item).
    const partItem = itemIn(s.typed, part.program, kind, item);
    const partCtx = itemCtx(s, part.program, kind, partItem, { from: part.from, to: part.to });
    s.prices.push({ ctx: partCtx, target, own: true, gate });
  }
}

/** What a module request prices: the module, and its variant when it names one. */
function moduleTarget(item: CaseItem): PriceTarget {
  const variant = item.fields.variant;
  return {
    kind: 'module',
    module: String(item.fields.module),
    variant: typeof variant === 'string' ? variant : undefined,
  };
}

const amountOf = (d: LineDraft): Dec => d.amount;

/** Turn the path's answers into the evaluation. */
function finish(prep: Prepared, answers: Answers, cache: EngineCache): Evaluation {
  const lineCache = cache.lines;
  const { items, plans, versions } = prep;
  const diagnostics: CaseDiagnostic[] = prep.warnings.length > 0 ? [...prep.warnings] : [];
  // A rule that a later version judges anew may fire in several versions for the same item: reported once per
  // severity (the first), so a later `fout` is never hidden behind an earlier `waarschuwing` of the same name.
  const reported = prep.added ? new Set<string>() : undefined;
  for (let i = 0; i < items.length; i++) {
    const answer = answers.items[i];
    const ctx = (items[i] as ItemTask).ctx;
    if (answer && answer.fired.length > 0)
      for (const d of ruleDiagnostics(answer, ctx.result ?? ctx.module, ctx.rt.program.version, lineCache)) {
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
    const task = prep.items[m.task] as ItemTask;
    const d = decision(m.def, m.item, answer, task.ctx.rt.program.version, lineCache);
    decisions.push(d);
    if (d.allowed) allowed.push(m.item);
  }
  const drafts: LineDraft[] = [];
  const lines: ResultLine[] = [];
  // The total in cents while every line is in cents (exact: see LineDraft.cents), else as a decimal sum.
  let cents: number | undefined = 0;
  for (const p of plans) {
    if (p.kind === 'module' && !allowed.includes(p.item)) continue;
    const draft = assembleLine(p, answers.prices, diagnostics, lineCache);
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
    ? { ...evaluation, explanation: buildExplanation(drafts, items, answers, decisions, lineCache) }
    : evaluation;
}

function versionsOfPrograms(programs: readonly Ir.Program[]): string[] {
  const out: string[] = [];
  for (const p of programs) out.push(p.version);
  return out;
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

const NO_WARNINGS: readonly CaseDiagnostic[] = [];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The same item as validated for program `p` (versions may type a field differently), else `item` itself. */
const itemIn = (
  typed: ReadonlyMap<Ir.Program, TypedCase>,
  p: Ir.Program,
  kind: 'resultaat' | 'module',
  item: CaseItem,
): CaseItem =>
  (kind === 'resultaat' ? typed.get(p)?.results[item.index] : typed.get(p)?.modules[item.index]) ?? item;

export function createEngine(programs: readonly Ir.Program[], options?: EngineOptions): Engine {
  const path: Path = options?.path === 'fast' ? fastPath() : jrePath();
  // Everything the engine remembers between cases: discarded with the engine.
  const cache = new EngineCache();
  const load = (p: Ir.Program): LoadedProgram => {
    let rt = cache.loaded.get(p);
    if (!rt) cache.loaded.set(p, (rt = path.load(p, cache)));
    return rt;
  };
  // Only municipalities with an override have a timeline of their own; every other value (including anything a
  // caller sends) shares the regional one, so the cache stays as small as the ruleset.
  const overridden = new Set(programs.flatMap((p) => (p.municipality === undefined ? [] : [p.municipality])));
  const segmentsFor = (gemeente: string | undefined): Segment[] => {
    const key = gemeente !== undefined && overridden.has(gemeente) ? gemeente : '\u0000';
    let segs = cache.timelines.get(key);
    if (!segs) cache.timelines.set(key, (segs = timeline(programs, key === '\u0000' ? undefined : key)));
    return segs;
  };

  function prepare(raw: unknown, explain: boolean): Prepared | EvaluationInvalid {
    if (programs.length === 0) return invalid(null, [inputError('Er zijn geen regels geladen.')]);
    if (!isRecord(raw)) return invalid(null, [inputError(`Het geval moet een JSON-object zijn.`)]);
    const segs = segmentsFor(typeof raw.gemeente === 'string' ? raw.gemeente : undefined);
    const first = segs[0];
    if (!first) return invalid(null, [inputError('Geen versie van de regelset geldt voor deze gemeente.')]);
    const range = dateRange(raw, MAX_ITEMS) ?? { from: first.from, to: first.from };
    // The light path: one version covers every day of the case (`whole`), so no period is ever split.
    const { whole, primary, relevant } = caseVersions(segs, range);
    const typed = new Map<Ir.Program, TypedCase>();
    const problems: CaseDiagnostic[] = [];
    const cases = cache.cases;
    // Whether some key of the case is not a declared field (then the warnings say which).
    let extraKeys = true;
    if (relevant.length === 1 || cache.shapes.same(relevant)) {
      // One validation serves every version (the usual case across a boundary: the same declared input).
      const check = checkCase(primary, raw, undefined, cases);
      if (!check.ok)
        return invalid(
          relevant.length === 1 ? primary.version : versionsOf(relevant),
          distinctMessages(check.diagnostics),
        );
      for (const p of relevant) typed.set(p, check.casus);
      extraKeys = check.extraKeys;
    } else {
      checkAcross(relevant, segs, (p, touches) => checkCase(p, raw, touches, cases), typed, problems);
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
              ? (from, to) => relevant.filter((p) => touchesDays(segs, p)(from, to))
              : undefined,
            cases,
          )
        : NO_WARNINGS,
      explain,
      added: false,
      load,
      cache,
      segs,
      whole,
      primary,
      typed,
      memo: new Map(),
      memos: new Map(),
      used: [primary],
      days: [primary],
      problems,
    };
    s.items.push({
      scope: 'beschikking',
      ctx: ctxFor(s, primary, undefined, undefined),
      module: undefined,
      only: undefined,
    });
    for (const r of base.results) planTasks(s, 'resultaat', r);
    for (const m of base.modules) planTasks(s, 'module', m);
    // Beschikking rules that a later version judges anew judge the case too, when some item has days under it.
    if (!whole)
      for (const { program, only } of rejudgingCase(s.days, primary, cache.rejudge)) {
        if (!s.used.includes(program)) s.used.push(program);
        s.items.push({
          scope: 'beschikking',
          ctx: ctxFor(s, program, undefined, undefined),
          module: undefined,
          only,
        });
        s.added = true;
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
      return finish(prep, answers, cache);
    } catch (e) {
      return failure(e);
    }
  };

  const evaluate = async (casus: unknown, opts?: EvaluateOptions): Promise<Evaluation> => {
    try {
      const prep = prepare(casus, opts?.explain === true);
      if ('ok' in prep) return prep;
      return finish(prep, await path.answer(prep.items, prep.prices, opts?.explain === true), cache);
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
