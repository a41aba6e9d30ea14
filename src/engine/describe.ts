/**
 * Which conditions decided an outcome, and with which actual values: "leeftijd = 19 jaar; verwacht < 18 jaar".
 * Both evaluators feed the same walk with their own observations of the leaves, so they explain alike.
 */
import type { Ir } from '../../dsl/index.js';
import { leftChain } from '../../dsl/core.js';
import type { UnitNames } from '../../dsl/core.js';
import { formatValue } from './format.js';
import type { Value } from './values.js';

/** What an evaluator saw at a leaf of a condition (a comparison, `in`, `is leeg`, `aangevraagd`, a ja/nee value). */
export interface LeafObservation {
  /** ja, nee, or undefined: onbepaald (the leaf compared an empty value). */
  readonly outcome: boolean | undefined;
  readonly left: Value;
  readonly right: Value | readonly Value[];
}

export type Observe = (leaf: Ir.Expr) => LeafObservation;

/** One check that decided an outcome, for programs: what was checked, its actual value, what was needed. */
export interface Check {
  /** What was checked: "verwijzer", "leeftijd", "cd_tarief[perspectief, …]", "module vervoer". */
  readonly subject: string;
  /** Its actual value in Dutch: "toegang", "19 jaar", "leeg", "aangevraagd". */
  readonly actual: string;
  /** What the condition needed: "= gi", "< 18 jaar", "niet leeg", "een van (ots, voogdij, jeugdreclassering)". */
  readonly expected: string;
  /** Whether the actual value met it. */
  readonly held: boolean;
  /** Set when the check could not be judged: it compared an empty value (then `held` is false). */
  readonly undetermined?: true;
  /** The same as one Dutch phrase (as in `details`): "verwijzer = toegang; verwacht = gi". */
  readonly text: string;
}

const isBranch = (e: Ir.Expr): e is Ir.Expr & { kind: 'and' | 'or' | 'not' } =>
  e.kind === 'and' || e.kind === 'or' || e.kind === 'not';

/** The observations of one `describe` call: every leaf is observed once, every branch's outcome known once. */
interface Observed {
  readonly observe: Observe;
  readonly seen: Map<Ir.Expr, LeafObservation>;
  readonly outcomes: Map<Ir.Expr, boolean | undefined>;
  readonly subjects: Subjects;
  /** The program's declared units, for their plurals (`12 dagdelen`). */
  readonly units: readonly UnitNames[];
}

/** Subjects by expression, built once (expressions are immutable); an engine keeps one (see EngineCache). */
export type Subjects = WeakMap<Ir.Expr, string | null>;

function observed(o: Observed, leaf: Ir.Expr): LeafObservation {
  let obs = o.seen.get(leaf);
  if (obs === undefined) o.seen.set(leaf, (obs = o.observe(leaf)));
  return obs;
}

/**
 * The outcome of a condition, short-circuiting as the evaluators do (the right side of a false `en` is not
 * observed). Chains (`a en b en c …`, `niet niet x`) are looped over, not recursed into.
 */
function outcome(e: Ir.Expr, o: Observed): boolean | undefined {
  if (o.outcomes.has(e)) return o.outcomes.get(e);
  let result: boolean | undefined;
  if (e.kind === 'not') {
    let inner: Ir.Expr = e;
    let odd = false;
    while (inner.kind === 'not') {
      inner = inner.operand;
      odd = !odd;
    }
    const v = outcome(inner, o);
    result = v === undefined ? undefined : v !== odd;
  } else if (e.kind === 'and' || e.kind === 'or') {
    // Three-valued (see interpret.ts): `en` stops at nee, `of` at ja; onbepaald otherwise when a part is.
    const stop = e.kind === 'or';
    const { first, links } = leftChain(e);
    result = outcome(first, o);
    for (const l of links) {
      if (result !== stop) {
        const r = outcome(l.right, o);
        result = r === stop ? stop : result === undefined || r === undefined ? undefined : !stop;
      }
      o.outcomes.set(l, result);
    }
  } else {
    result = observed(o, e).outcome;
  }
  o.outcomes.set(e, result);
  return result;
}

/**
 * The leaves that decided the outcome of `e`, rendered with their actual values. `wanted` is the outcome the
 * condition needed (true for `toegestaan als`); leaves that went the other way read "verwacht …". Every leaf is
 * observed once per call (the walk asks for the outcome of a subtree more than once).
 */
export function describe(
  e: Ir.Expr,
  observe: Observe,
  wanted = true,
  subjects: Subjects = new WeakMap(),
  units: readonly UnitNames[] = [],
): Check[] {
  const out: Check[] = [];
  walk(e, wanted, { observe, seen: new Map(), outcomes: new Map(), subjects, units }, out);
  return out;
}

/** Depth-first, left before right, with an explicit stack (conditions can be long chains). */
function walk(root: Ir.Expr, wanted: boolean, o: Observed, out: Check[]): void {
  const stack: [Ir.Expr, boolean][] = [[root, wanted]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, want] = top;
    if (!isBranch(node)) {
      out.push(leafCheck(node, observed(o, node), want, o.subjects, o.units));
      continue;
    }
    if (node.kind === 'not') {
      stack.push([node.operand, !want]);
      continue;
    }
    const result = outcome(node, o);
    // The children that share the node's outcome are its reasons (a false child of `en`, a true child of `of`).
    const left = outcome(node.left, o) === result;
    const right = outcome(node.right, o) === result;
    if (right) stack.push([node.right, want]);
    if (left) stack.push([node.left, want]);
  }
}

/** A readable name for an operand: the field, calculation or parameter, or the written value. */
function subject(e: Ir.Expr, subjects: Subjects): string | undefined {
  let s = subjects.get(e);
  if (s === undefined) subjects.set(e, (s = subjectOf(e, subjects) ?? null));
  return s ?? undefined;
}

function subjectOf(e: Ir.Expr, subjects: Subjects): string | undefined {
  switch (e.kind) {
    case 'field':
      return e.outer ? `dit.${e.name}` : e.name;
    case 'calc':
    case 'param':
      return e.name;
    case 'call':
      return `${e.fn}(${e.args.map((a) => subject(a, subjects) ?? '…').join(', ')})`;
    case 'lookup':
      return `${e.table}[${e.keys.map((k) => subject(k, subjects) ?? '…').join(', ')}]`;
    case 'countResults':
      return 'aantal resultaten';
    default:
      return undefined;
  }
}

function operand(e: Ir.Expr, v: Value, subjects: Subjects, units: readonly UnitNames[]): string {
  const name = subject(e, subjects);
  if (e.kind === 'const') return formatValue(v, e.type, units);
  return name === undefined ? formatValue(v, e.type, units) : `${name} (${formatValue(v, e.type, units)})`;
}

/** What a leaf needed, with "niet" when the condition wanted it false. */
const needed = (want: boolean, text: string): string => `${want ? '' : 'niet '}${text}`;

/** " (< 18)" when the leaf went the wanted way, "; verwacht < 18" when it did not. */
const expectation = (held: boolean, expected: string): string =>
  held ? ` (${expected})` : `; verwacht ${expected}`;

function check(subject: string, actual: string, shown: string, expected: string, held: boolean): Check {
  return { subject, actual, expected, held, text: `${shown}${expectation(held, expected)}` };
}

/** A leaf that compared an empty value: it says which value was empty instead of claiming an outcome. */
function undeterminedCheck(
  e: Ir.Expr,
  obs: LeafObservation,
  want: boolean,
  subjects: Subjects,
  units: readonly UnitNames[],
): Check {
  const sides: [Ir.Expr, Value][] =
    e.kind === 'compare'
      ? [
          [e.left, obs.left],
          [e.right, Array.isArray(obs.right) ? undefined : (obs.right as Value)],
        ]
      : e.kind === 'in'
        ? [[e.value, obs.left]]
        : [[e, obs.left]];
  const empty = sides.filter(([, v]) => v === undefined).map(([x]) => subject(x, subjects) ?? 'waarde');
  const name = empty[0] ?? subject(e, subjects) ?? 'waarde';
  const expected = needed(
    want,
    e.kind === 'compare'
      ? `${e.op} ${e.right.kind === 'const' ? operand(e.right, obs.right as Value, subjects, units) : (subject(e.right, subjects) ?? 'waarde')}`
      : e.kind === 'in'
        ? `een van (${e.options.map((x, i) => formatValue(Array.isArray(obs.right) ? (obs.right as readonly Value[])[i] : undefined, x.type, units)).join(', ')})`
        : 'ja',
  );
  const leeg = empty.length > 1 ? `${empty.join(' en ')} zijn leeg` : `${name} is leeg`;
  return {
    subject: name,
    actual: 'leeg',
    expected,
    held: false,
    undetermined: true,
    text: `${leeg}: niet te beoordelen (${e.kind === 'compare' || e.kind === 'in' ? `${subject(e.kind === 'compare' ? e.left : e.value, subjects) ?? 'waarde'} ` : ''}${expected})`,
  };
}

function leafCheck(
  e: Ir.Expr,
  obs: LeafObservation,
  want: boolean,
  subjects: Subjects,
  units: readonly UnitNames[],
): Check {
  const left = obs.left;
  if (obs.outcome === undefined) return undeterminedCheck(e, obs, want, subjects, units);
  const held = obs.outcome === want;
  switch (e.kind) {
    case 'compare': {
      const name = subject(e.left, subjects) ?? 'waarde';
      const right = Array.isArray(obs.right) ? undefined : (obs.right as Value);
      const actual = formatValue(left, e.left.type, units);
      return check(
        name,
        actual,
        `${name} = ${actual}`,
        needed(want, `${e.op} ${operand(e.right, right, subjects, units)}`),
        held,
      );
    }
    case 'in': {
      const name = subject(e.value, subjects) ?? 'waarde';
      const opts = Array.isArray(obs.right) ? (obs.right as readonly Value[]) : [];
      const list = e.options.map((o, i) => formatValue(opts[i], o.type, units)).join(', ');
      const actual = formatValue(left, e.value.type, units);
      return check(name, actual, `${name} = ${actual}`, needed(want, `een van (${list})`), held);
    }
    case 'isEmpty': {
      const name = subject(e.value, subjects) ?? 'waarde';
      const actual = left === undefined ? 'leeg' : formatValue(left, e.value.type, units);
      const state = left === undefined ? 'is leeg' : `= ${actual}`;
      return check(name, actual, `${name} ${state}`, needed(want, e.negated ? 'niet leeg' : 'leeg'), held);
    }
    case 'moduleRequested': {
      const what = `module ${e.module}${e.variant === undefined ? '' : ` variant ${e.variant}`}`;
      const actual = `${obs.outcome ? '' : 'niet '}aangevraagd`;
      return check(what, actual, `${what} is ${actual}`, needed(want, 'aangevraagd'), held);
    }
    default: {
      const name = subject(e, subjects) ?? 'voorwaarde';
      const actual = formatValue(left, e.type, units);
      return check(name, actual, `${name} = ${actual}`, needed(want, 'ja'), held);
    }
  }
}
