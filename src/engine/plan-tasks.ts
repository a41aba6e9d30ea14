/**
 * The tasks of a case (rules per item, module conditions, pricing per version part), made from its version plan
 * (src/versions/plan.ts): a context per item and version, with the case as validated for that version.
 */
import type { Ir } from '../../dsl/index.js';
import { planItem } from '../versions/plan.js';
import type { ItemPlan } from '../versions/plan.js';
import type { Segment } from '../versions/timeline.js';
import type { PlannedLine } from './assemble.js';
import type { EngineCache } from './cache.js';
import { pricedPerPart } from './pricing.js';
import type { PriceTarget } from './pricing.js';
import type { CaseDiagnostic } from './result.js';
import { newCtx } from './runtime.js';
import type { Ctx, LoadedProgram } from './runtime.js';
import type { ItemTask, PriceTask } from './tasks.js';
import { isPeriod } from './values.js';
import type { CaseItem, Period, TypedCase, Value } from './values.js';

/** One result or module request, planned: its label and the version parts its amount is priced in. */
export interface Plan extends PlannedLine {
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
export interface Prepared {
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
export interface Planning extends Prepared {
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
export function ctxFor(
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
export function planTasks(s: Planning, kind: 'resultaat' | 'module', item: CaseItem): void {
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

export const inputError = (message: string, path?: string): CaseDiagnostic => ({
  severity: 'fout',
  rule: 'invoer',
  message: path ? `${path}: ${message}` : message,
  ...(path ? { path } : {}),
});

const BUDGET: PriceTarget = { kind: 'budget' };

/** The same item as validated for program `p` (versions may type a field differently), else `item` itself. */
export const itemIn = (
  typed: ReadonlyMap<Ir.Program, TypedCase>,
  p: Ir.Program,
  kind: 'resultaat' | 'module',
  item: CaseItem,
): CaseItem =>
  (kind === 'resultaat' ? typed.get(p)?.results[item.index] : typed.get(p)?.modules[item.index]) ?? item;
