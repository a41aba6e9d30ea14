/**
 * Which conditions decided an outcome, and with which actual values: "leeftijd = 19 jaar; verwacht < 18 jaar".
 * Both evaluators feed the same walk with their own observations of the leaves, so they explain alike.
 */
import type { Ir } from '../../dsl/index.js';
import { formatValue } from './format.js';
import type { Value } from './values.js';

/** What an evaluator saw at a leaf of a condition (a comparison, `in`, `is leeg`, `aangevraagd`, a ja/nee value). */
export interface LeafObservation {
  readonly outcome: boolean;
  readonly left: Value;
  readonly right: Value | readonly Value[];
}

export type Observe = (leaf: Ir.Expr) => LeafObservation;

const isBranch = (e: Ir.Expr): e is Ir.Expr & { kind: 'and' | 'or' | 'not' } =>
  e.kind === 'and' || e.kind === 'or' || e.kind === 'not';

/** The observations of one `describe` call: every leaf is observed once. */
interface Observed {
  readonly observe: Observe;
  readonly seen: Map<Ir.Expr, LeafObservation>;
}

function observed(o: Observed, leaf: Ir.Expr): LeafObservation {
  let obs = o.seen.get(leaf);
  if (obs === undefined) o.seen.set(leaf, (obs = o.observe(leaf)));
  return obs;
}

function outcome(e: Ir.Expr, o: Observed): boolean {
  switch (e.kind) {
    case 'and':
      return outcome(e.left, o) && outcome(e.right, o);
    case 'or':
      return outcome(e.left, o) || outcome(e.right, o);
    case 'not':
      return !outcome(e.operand, o);
    default:
      return observed(o, e).outcome;
  }
}

/**
 * The leaves that decided the outcome of `e`, rendered with their actual values. `wanted` is the outcome the
 * condition needed (true for `toegestaan als`); leaves that went the other way read "verwacht …". Every leaf is
 * observed once per call (the walk asks for the outcome of a subtree more than once).
 */
export function describe(e: Ir.Expr, observe: Observe, wanted = true): string[] {
  const out: string[] = [];
  walk(e, wanted, { observe, seen: new Map() }, out);
  return out;
}

function walk(node: Ir.Expr, want: boolean, o: Observed, out: string[]): void {
  if (!isBranch(node)) {
    out.push(renderLeaf(node, observed(o, node), want));
    return;
  }
  if (node.kind === 'not') {
    walk(node.operand, !want, o, out);
    return;
  }
  const result = outcome(node, o);
  // The children that share the node's outcome are its reasons (a false child of `en`, a true child of `of`).
  if (outcome(node.left, o) === result) walk(node.left, want, o, out);
  if (outcome(node.right, o) === result) walk(node.right, want, o, out);
}

/** Subjects by expression, built once (expressions are immutable). */
const SUBJECTS = new WeakMap<Ir.Expr, string | null>();

/** A readable name for an operand: the field, calculation or parameter, or the written value. */
function subject(e: Ir.Expr): string | undefined {
  let s = SUBJECTS.get(e);
  if (s === undefined) SUBJECTS.set(e, (s = subjectOf(e) ?? null));
  return s ?? undefined;
}

function subjectOf(e: Ir.Expr): string | undefined {
  switch (e.kind) {
    case 'field':
    case 'calc':
    case 'param':
      return e.name;
    case 'call':
      return `${e.fn}(${e.args.map((a) => subject(a) ?? '…').join(', ')})`;
    case 'lookup':
      return `${e.table}[${e.keys.map((k) => subject(k) ?? '…').join(', ')}]`;
    case 'countResults':
      return 'aantal resultaten';
    default:
      return undefined;
  }
}

function operand(e: Ir.Expr, v: Value): string {
  const name = subject(e);
  if (e.kind === 'const') return formatValue(v, e.type);
  return name === undefined ? formatValue(v, e.type) : `${name} (${formatValue(v, e.type)})`;
}

/** " (< 18)" when the leaf went the wanted way, "; verwacht < 18" when it did not. */
const expectation = (obs: LeafObservation, want: boolean, text: string): string =>
  obs.outcome === want ? ` (${want ? '' : 'niet '}${text})` : `; verwacht ${want ? '' : 'niet '}${text}`;

function renderLeaf(e: Ir.Expr, obs: LeafObservation, want: boolean): string {
  const left = obs.left;
  switch (e.kind) {
    case 'compare': {
      const name = subject(e.left) ?? 'waarde';
      const right = Array.isArray(obs.right) ? undefined : (obs.right as Value);
      return `${name} = ${formatValue(left, e.left.type)}${expectation(obs, want, `${e.op} ${operand(e.right, right)}`)}`;
    }
    case 'in': {
      const name = subject(e.value) ?? 'waarde';
      const opts = Array.isArray(obs.right) ? (obs.right as readonly Value[]) : [];
      const list = e.options.map((o, i) => formatValue(opts[i], o.type)).join(', ');
      return `${name} = ${formatValue(left, e.value.type)}${expectation(obs, want, `een van (${list})`)}`;
    }
    case 'isEmpty': {
      const name = subject(e.value) ?? 'waarde';
      const state = left === undefined ? 'is leeg' : `= ${formatValue(left, e.value.type)}`;
      return `${name} ${state}${expectation(obs, want, e.negated ? 'niet leeg' : 'leeg')}`;
    }
    case 'moduleRequested': {
      const what = `module ${e.module}${e.variant === undefined ? '' : ` variant ${e.variant}`}`;
      return `${what} is ${obs.outcome ? '' : 'niet '}aangevraagd${expectation(obs, want, 'aangevraagd')}`;
    }
    default: {
      const name = subject(e) ?? 'voorwaarde';
      return `${name} = ${formatValue(left, e.type)}${expectation(obs, want, 'ja')}`;
    }
  }
}
