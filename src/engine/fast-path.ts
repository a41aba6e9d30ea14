/** The fast path as an evaluator: compiled closures, synchronous answers. */
import type { Ir } from '../../dsl/index.js';
import { describe } from './describe.js';
import type { LeafObservation, Observe } from './describe.js';
import { FastCompiler } from './fast.js';
import { price } from './pricing.js';
import type { Priced } from './pricing.js';
import type { Value } from './values.js';
import { loadProgram } from './load.js';
import { compare, inList, isRequested, ranksFor } from './runtime.js';
import type { CellUse, Ctx, LoadedProgram } from './runtime.js';
import { NO_CELLS, priceNeeded } from './tasks.js';
import type { Answers, ConditionOutcome, FiredRule, ItemAnswer, ItemTask, Path, PriceTask } from './tasks.js';

interface Compiled {
  readonly compiler: FastCompiler;
  /** Evaluate an expression with its compiled closure (one function per program, not per call). */
  readonly run: (e: Ir.Expr, ctx: Ctx) => Value;
  readonly rules: Readonly<
    Record<Ir.Scope, readonly { rule: Ir.RuleDef; holds: (ctx: Ctx) => boolean | undefined }[]>
  >;
  readonly conditions: ReadonlyMap<
    string,
    readonly { condition: Ir.ConditionDef; holds: (ctx: Ctx) => boolean | undefined }[]
  >;
}

function observer(compiler: FastCompiler, ctx: Ctx): Observe {
  return (e): LeafObservation => {
    switch (e.kind) {
      case 'compare': {
        const left = compiler.compile(e.left)(ctx);
        const right = compiler.compile(e.right)(ctx);
        return { outcome: compare(e.compare, e.op, left, right, ranksFor(ctx.rt, e.left)), left, right };
      }
      case 'in': {
        const left = compiler.compile(e.value)(ctx);
        const right = e.options.map((o) => compiler.compile(o)(ctx));
        return { outcome: inList(left, right), left, right };
      }
      case 'isEmpty': {
        const left = compiler.compile(e.value)(ctx);
        return { outcome: (left === undefined) !== e.negated, left, right: undefined };
      }
      case 'moduleRequested':
        return { outcome: isRequested(ctx, e.module, e.variant), left: undefined, right: undefined };
      default: {
        const left = compiler.compile(e)(ctx);
        return { outcome: left === undefined ? undefined : left === true, left, right: undefined };
      }
    }
  };
}

const subjects = (task: ItemTask) => task.ctx.rt.cache.subjects;

export function fastPath(): Path {
  const compiled = new Map<LoadedProgram, Compiled>();

  const answerItem = (task: ItemTask, explain: boolean): ItemAnswer => {
    const c = compiled.get(task.ctx.rt);
    if (!c) throw new Error('program not loaded by this path');
    const fired: FiredRule[] = [];
    let undetermined: FiredRule[] | undefined;
    const only = task.only;
    // When explaining, the cells the rules and conditions read are recorded (for coverage and the explanation).
    const trace: CellUse[] | undefined = explain ? [] : undefined;
    if (trace) task.ctx.cells = trace;
    for (const { rule, holds } of c.rules[task.scope]) {
      if (only !== undefined && !only.has(rule.origin.id)) continue;
      const v = holds(task.ctx);
      if (v === false) continue;
      // Onbepaald: always explained (the empty values are the news), but it does not fire.
      if (v === undefined) {
        (undetermined ??= []).push({
          rule,
          details: describe(
            rule.when,
            observer(c.compiler, task.ctx),
            true,
            subjects(task),
            task.ctx.rt.program.units,
          ),
        });
        continue;
      }
      fired.push({
        rule,
        details: explain
          ? describe(
              rule.when,
              observer(c.compiler, task.ctx),
              true,
              subjects(task),
              task.ctx.rt.program.units,
            )
          : [],
      });
    }
    const conditions: ConditionOutcome[] = [];
    const checks = task.module && only === undefined ? c.conditions.get(task.module.name) : undefined;
    if (checks)
      for (const { condition, holds } of checks) {
        const v = holds(task.ctx);
        const ok = v === true;
        const details =
          ok && !explain
            ? []
            : describe(
                condition.when,
                observer(c.compiler, task.ctx),
                true,
                subjects(task),
                task.ctx.rt.program.units,
              );
        conditions.push(
          v === undefined ? { condition, ok, undetermined: true, details } : { condition, ok, details },
        );
      }
    if (trace) task.ctx.cells = undefined;
    return undetermined
      ? { fired, undetermined, conditions, cells: trace ?? NO_CELLS }
      : { fired, conditions, cells: trace ?? NO_CELLS };
  };

  return {
    name: 'fast',
    load(program, cache) {
      const compiler = new FastCompiler(program, cache.runtime);
      const rt = loadProgram(program, (e, ctx) => compiler.compile(e)(ctx), cache);
      const rank = (o: Ir.Origin) => rt.order.get(o.id) ?? 0;
      const byScope = (scope: Ir.Scope) =>
        program.rules
          .filter((r) => r.scope === scope)
          .sort((a, b) => rank(a.origin) - rank(b.origin))
          .map((rule) => ({ rule, holds: compiler.predicate(rule.when) }));
      compiled.set(rt, {
        compiler,
        run: (e, ctx) => compiler.compile(e)(ctx),
        rules: {
          beschikking: byScope('beschikking'),
          resultaat: byScope('resultaat'),
          module: byScope('module'),
        },
        conditions: new Map(
          program.modules.map((m) => [
            m.name,
            [...m.conditions]
              .sort((a, b) => rank(a.origin) - rank(b.origin))
              .map((condition) => ({ condition, holds: compiler.predicate(condition.when) })),
          ]),
        ),
      });
      return rt;
    },
    answer(items: readonly ItemTask[], prices: readonly PriceTask[], explain: boolean): Answers {
      const itemAnswers: ItemAnswer[] = [];
      for (const t of items) itemAnswers.push(answerItem(t, explain));
      const priced: (Priced | undefined)[] = [];
      for (const t of prices) {
        if (!priceNeeded(t, items, itemAnswers)) {
          priced.push(undefined);
          continue;
        }
        const c = compiled.get(t.ctx.rt);
        if (!c) throw new Error('program not loaded by this path');
        priced.push(price(t.ctx, t.target, c.run, t.own));
      }
      return { items: itemAnswers, prices: priced };
    },
  };
}
