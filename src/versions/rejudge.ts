/**
 * Which rules a later version judges anew for the days under it (dsl/README.md, Versies).
 *
 * Rules and module conditions are judged by the version in force on an item's first day (for beschikking rules:
 * the case's first day); that verdict covers the whole item. A later version judges anew, for its days, the rules
 * whose verdict could differ: rules it adds or rewrites (a condition or severity the first version does not
 * have), and rules that read, directly or through calculations and calculated parameters, a parameter, table or
 * calculation whose value differs between the two versions. Values are compared as the IR holds them, without
 * where or why they were written: a new `bron` or `omschrijving`, or the same value written again in a later file,
 * changes nothing a rule reads.
 */
import { childExprs } from '../../dsl/core.js';
import type { Ir } from '../../dsl/index.js';

/** Per scope, the origin ids of the later version's rules that judge anew; undefined when there are none. */
export type Rejudged = Readonly<Record<Ir.Scope, ReadonlySet<string> | undefined>>;

/** Keys of IR nodes that say where, when or why something was written, not what it is. */
const PLACE_KEYS: ReadonlySet<string> = new Set([
  'id',
  'span',
  'origin',
  'file',
  'version',
  'validFrom',
  'source',
  'bron',
  'label',
  'description',
]);

/** A piece of {@link valueText}'s work: text to write as it is, or a value to write as JSON. */
type Work = { readonly text: string } | { readonly value: unknown };

/** Whether JSON leaves out an object member of this value (and writes `null` for it in an array). */
const omitted = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * The value of an IR definition as text, without its place (see {@link PLACE_KEYS}): JSON as `JSON.stringify`
 * writes it, but written with an explicit stack, so a chain of 100.000 terms is as safe as a short one.
 */
export function valueText(node: unknown): string {
  const out: string[] = [];
  const stack: Work[] = [{ value: node }];
  for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
    if ('text' in w) {
      out.push(w.text);
      continue;
    }
    let v = w.value;
    if (v !== null && typeof v === 'object' && 'toJSON' in v && typeof v.toJSON === 'function')
      v = (v.toJSON as () => unknown).call(v);
    if (v === null || typeof v !== 'object') {
      out.push(omitted(v) ? 'null' : JSON.stringify(v));
    } else if (Array.isArray(v)) {
      out.push('[');
      stack.push({ text: ']' });
      for (let i = v.length - 1; i >= 0; i--) {
        const x: unknown = v[i];
        stack.push({ value: omitted(x) ? null : x });
        if (i > 0) stack.push({ text: ',' });
      }
    } else {
      const record = v as Record<string, unknown>;
      const keys = Object.keys(record).filter((k) => !PLACE_KEYS.has(k) && !omitted(record[k]));
      out.push('{');
      stack.push({ text: '}' });
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i] as string;
        stack.push({ value: record[k] });
        stack.push({ text: `${i > 0 ? ',' : ''}${JSON.stringify(k)}:` });
      }
    }
  }
  return out.join('');
}

/** What a parameter, table or calculation is, compared between versions. */
const paramValue = (p: Ir.ParameterDef): string => valueText([p.type, p.value, p.adjustments]);
const tableValue = (t: Ir.TableDef): string =>
  valueText([t.type, t.keys, t.rowKeyCount, t.cells, t.adjustments]);
const calcValue = (c: Ir.CalcDef): string => valueText([c.type, c.value]);
const ruleValue = (r: Ir.RuleDef): string => valueText([r.scope, r.when, r.severity]);

/** Whether `later`'s definition of each name has another value than `first`'s (or `first` has none). */
function differs<T>(
  before: readonly T[],
  after: readonly T[],
  key: (x: T) => string,
  value: (x: T) => string,
): (name: string) => boolean {
  const old = new Map(before.map((x) => [key(x), x]));
  const now = new Map(after.map((x) => [key(x), x]));
  const known = new Map<string, boolean>();
  return (name) => {
    let d = known.get(name);
    if (d === undefined) {
      const a = old.get(name);
      const b = now.get(name);
      d = a === undefined || b === undefined ? a !== b : a !== b && value(a) !== value(b);
      known.set(name, d);
    }
    return d;
  };
}

/**
 * The rules of `later` that judge anew the days under it, compared with `first` (the version of the first day),
 * per scope. Pure: a function of the two programs' IR.
 */
export function rejudgedRules(first: Ir.Program, later: Ir.Program): Rejudged {
  if (first === later) return NONE;
  const paramChanged = differs(first.parameters, later.parameters, (p) => p.name, paramValue);
  const tableChanged = differs(first.tables, later.tables, (t) => t.name, tableValue);
  const calcKey = (c: Ir.CalcDef) => `${c.scope}:${c.name}`;
  const calcChanged = differs(first.calcs, later.calcs, calcKey, calcValue);
  const calcs = new Map(later.calcs.map((c) => [calcKey(c), c]));
  const params = new Map(later.parameters.map((p) => [p.name, p]));
  /**
   * Whether `root` reads, directly or through calculations and calculated parameters, something whose value
   * differs. Walks with an explicit stack (issue 9): a chain of 100.000 terms is as safe as a short one.
   */
  const reads = (root: Ir.Expr): boolean => {
    const seen = new Set<string>();
    const stack: Ir.Expr[] = [root];
    for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
      if (e.kind === 'param') {
        if (paramChanged(e.name)) return true;
        // A calculated parameter (`= grens × 2`) changes with what it reads.
        const key = `param:${e.name}`;
        const def = params.get(e.name);
        if (!seen.has(key) && def !== undefined) stack.push(def.value);
        seen.add(key);
        continue;
      }
      if (e.kind === 'lookup' && tableChanged(e.table)) return true;
      if (e.kind === 'calc') {
        const key = `${e.scope}:${e.name}`;
        if (calcChanged(key)) return true;
        const def = calcs.get(key);
        if (!seen.has(key) && def !== undefined) stack.push(def.value);
        seen.add(key);
        continue;
      }
      for (const c of childExprs(e)) stack.push(c);
    }
    return false;
  };
  const origins = new Set(first.rules.map((r) => r.origin.id));
  const written = new Set(first.rules.map(ruleValue));
  const isNew = (r: Ir.RuleDef) => !origins.has(r.origin.id) && !written.has(ruleValue(r));
  const of = (scope: Ir.Scope): ReadonlySet<string> | undefined => {
    const ids = later.rules
      .filter((r) => r.scope === scope && (isNew(r) || reads(r.when)))
      .map((r) => r.origin.id);
    return ids.length > 0 ? new Set(ids) : undefined;
  };
  return { beschikking: of('beschikking'), resultaat: of('resultaat'), module: of('module') };
}

const NONE: Rejudged = { beschikking: undefined, resultaat: undefined, module: undefined };

/**
 * {@link rejudgedRules} remembered per pair of programs, with the last pair at hand (a case across one boundary
 * asks for the same pair for every item). Owned by an engine: it holds only that engine's programs.
 */
export class RejudgeMemo {
  private readonly byFirst = new Map<Ir.Program, Map<Ir.Program, Rejudged>>();
  private lastFirst: Ir.Program | undefined;
  private lastLater: Ir.Program | undefined;
  private last: Rejudged | undefined;

  /** The rules of `scope` that `later` judges anew after `first`, undefined when none. */
  rules(first: Ir.Program, later: Ir.Program, scope: Ir.Scope): ReadonlySet<string> | undefined {
    if (first === later) return undefined;
    if (first === this.lastFirst && later === this.lastLater && this.last !== undefined)
      return this.last[scope];
    let byLater = this.byFirst.get(first);
    if (!byLater) this.byFirst.set(first, (byLater = new Map()));
    let r = byLater.get(later);
    if (!r) byLater.set(later, (r = rejudgedRules(first, later)));
    this.lastFirst = first;
    this.lastLater = later;
    this.last = r;
    return r[scope];
  }
}
