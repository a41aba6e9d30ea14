/**
 * `createEngine(programs)`: evaluate cases against all versions of a ruleset.
 *
 * Per case: pick the versions in force (per day, municipal override first), validate the case (each version the
 * beschikking and the items with days under it), plan the versions (src/versions/plan.ts: which version judges
 * each item and the case, which later versions judge rules anew, the version parts each amount is priced in),
 * turn that plan into tasks (rules per item, module conditions, pricing per part), let the chosen path answer
 * them, and assemble the result. Everything the engine remembers between cases is in its {@link EngineCache}.
 * Never throws: a malformed case, and even an internal error, becomes `{ ok: false, diagnostics }`.
 */
import type { Ir } from '../../dsl/index.js';
import { checkAcross, touchesDays } from '../versions/input.js';
import { caseVersions, dateRange, programsByDate, rejudgingCase } from '../versions/plan.js';
import { timeline } from '../versions/timeline.js';
import type { Segment } from '../versions/timeline.js';
import { assembleLine } from './assemble.js';
import { decision, ruleDiagnostics, undeterminedRules } from './decisions.js';
import type { LineDraft } from './assemble.js';
import { EngineCache } from './cache.js';
import { MAX_ITEMS, checkCase, unknownFieldWarnings } from './casus.js';
import { ZERO, moneyOfCents, moneyString, sum } from './decimal.js';
import type { Dec } from './decimal.js';
import { buildExplanation } from './explain.js';
import { fastPath } from './fast-path.js';
import type { SharedCaseChecks } from './shared-checks.js';
import { ctxFor, inputError, planTasks } from './plan-tasks.js';
import type { Planning, Prepared } from './plan-tasks.js';
import type {
  CaseDiagnostic,
  Evaluation,
  EvaluationInvalid,
  ModuleDecision,
  ResultLine,
  UndeterminedRule,
} from './result.js';
import type { LoadedProgram } from './runtime.js';
import type { Answers, ItemTask, Path } from './tasks.js';
import type { CaseItem, TypedCase } from './values.js';

export interface EngineOptions {
  /** 'jre' (json-rules-engine, the canonical path, default) or 'fast' (compiled closures). */
  readonly path?: 'jre' | 'fast';
  /**
   * Shared with other engines that evaluate the same case objects in turn (see shared-checks.ts): a case one of
   * them validated for a version with the same declared input is not validated again.
   */
  readonly sharedChecks?: SharedCaseChecks;
  /**
   * Whether result lines carry their indicative hours of direct client time (default true). False for a caller
   * that only sums money (the impact analysis): hours never change an amount, a decision or a diagnostic.
   */
  readonly hours?: boolean;
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
  // Rules that could not be judged (a comparison with an empty value), reported once per rule, item and severity.
  let undetermined: UndeterminedRule[] | undefined;
  const unjudged = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const answer = answers.items[i];
    if (!answer?.undetermined) continue;
    const ctx = (items[i] as ItemTask).ctx;
    const item = ctx.result ?? ctx.module;
    for (const u of undeterminedRules(answer.undetermined, item, ctx.rt.program.version, lineCache)) {
      const key = `${u.rule}\u0000${u.path ?? ''}\u0000${u.severity}`;
      if (unjudged.has(key)) continue;
      unjudged.add(key);
      (undetermined ??= []).push(u);
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
    ...(undetermined ? { undetermined } : {}),
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

const versionsOf = (ps: readonly Ir.Program[]): string => ps.map((p) => p.version).join(', ');

/** The diagnostics without repeated messages (first occurrence kept). */
function distinctMessages(ds: readonly CaseDiagnostic[]): CaseDiagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => !seen.has(d.message) && seen.add(d.message) !== undefined);
}

const NO_WARNINGS: readonly CaseDiagnostic[] = [];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function createEngine(programs: readonly Ir.Program[], options?: EngineOptions): Engine {
  const pathName: Path['name'] = options?.path === 'fast' ? 'fast' : 'jre';
  // json-rules-engine is loaded on the first evaluation that needs it, so an embedder that only uses the fast
  // path (the runtime, a browser bundle) never loads it.
  let path: Path | undefined = pathName === 'fast' ? fastPath() : undefined;
  let loading: Promise<Path> | undefined;
  const ready = async (): Promise<Path> =>
    path ?? (loading ??= import('./jre.js').then((m) => (path = m.jrePath())));
  const loaded = (): Path => {
    if (!path) throw new Error('de evaluatieroute is nog niet geladen');
    return path;
  };
  // Everything the engine remembers between cases: discarded with the engine.
  const cache = new EngineCache(options?.hours !== false);
  const shared = options?.sharedChecks;
  const load = (p: Ir.Program): LoadedProgram => {
    let rt = cache.loaded.get(p);
    if (!rt) cache.loaded.set(p, (rt = loaded().load(p, cache)));
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
      let check = shared?.lookup(primary, raw);
      if (!check) {
        check = checkCase(primary, raw, undefined, cases);
        shared?.remember(primary, raw, check);
      }
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
      const answers = loaded().answer(prep.items, prep.prices, opts?.explain === true);
      if (answers instanceof Promise) throw new Error('path is asynchronous');
      return finish(prep, answers, cache);
    } catch (e) {
      return failure(e);
    }
  };

  const evaluate = async (casus: unknown, opts?: EvaluateOptions): Promise<Evaluation> => {
    try {
      const p = await ready();
      const prep = prepare(casus, opts?.explain === true);
      if ('ok' in prep) return prep;
      return finish(prep, await p.answer(prep.items, prep.prices, opts?.explain === true), cache);
    } catch (e) {
      return failure(e);
    }
  };

  return {
    path: pathName,
    evaluate,
    explain: (casus) => evaluate(casus, { explain: true }),
    evaluateSync: pathName === 'fast' ? evaluateSync : undefined,
  };
}
