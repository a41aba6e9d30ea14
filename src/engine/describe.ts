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

function outcome(e: Ir.Expr, observe: Observe): boolean {
  switch (e.kind) {
    case 'and':
      return outcome(e.left, observe) && outcome(e.right, observe);
    case 'or':
      return outcome(e.left, observe) || outcome(e.right, observe);
    case 'not':
      return !outcome(e.operand, observe);
    default:
      return observe(e).outcome;
  }
}

/**
 * The leaves that decided the outcome of `e`, rendered with their actual values. `wanted` is the outcome the
 * condition needed (true for `toegestaan als`); leaves that went the other way read "verwacht …".
 */
export function describe(e: Ir.Expr, observe: Observe, wanted = true): string[] {
  const out: string[] = [];
  const walk = (node: Ir.Expr, want: boolean): void => {
    if (!isBranch(node)) {
      out.push(renderLeaf(node, observe(node), want));
      return;
    }
    if (node.kind === 'not') {
      walk(node.operand, !want);
      return;
    }
    const result = outcome(node, observe);
    for (const child of [node.left, node.right]) {
      // The children that share the node's outcome are its reasons (a false child of `en`, a true child of `of`).
      if (outcome(child, observe) === result) walk(child, want);
    }
  };
  walk(e, wanted);
  return out;
}

/** A readable name for an operand: the field, calculation or parameter, or the written value. */
function subject(e: Ir.Expr): string | undefined {
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

function renderLeaf(e: Ir.Expr, obs: LeafObservation, want: boolean): string {
  const expect = (text: string): string =>
    obs.outcome === want ? ` (${want ? '' : 'niet '}${text})` : `; verwacht ${want ? '' : 'niet '}${text}`;
  const left = obs.left;
  switch (e.kind) {
    case 'compare': {
      const name = subject(e.left) ?? 'waarde';
      const right = Array.isArray(obs.right) ? undefined : (obs.right as Value);
      return `${name} = ${formatValue(left, e.left.type)}${expect(`${e.op} ${operand(e.right, right)}`)}`;
    }
    case 'in': {
      const name = subject(e.value) ?? 'waarde';
      const opts = Array.isArray(obs.right) ? (obs.right as readonly Value[]) : [];
      const list = e.options.map((o, i) => formatValue(opts[i], o.type)).join(', ');
      return `${name} = ${formatValue(left, e.value.type)}${expect(`een van (${list})`)}`;
    }
    case 'isEmpty': {
      const name = subject(e.value) ?? 'waarde';
      const state = left === undefined ? 'is leeg' : `= ${formatValue(left, e.value.type)}`;
      return `${name} ${state}${expect(e.negated ? 'niet leeg' : 'leeg')}`;
    }
    case 'moduleRequested': {
      const what = `module ${e.module}${e.variant === undefined ? '' : ` variant ${e.variant}`}`;
      return `${what} is ${obs.outcome ? '' : 'niet '}aangevraagd${expect('aangevraagd')}`;
    }
    default: {
      const name = subject(e) ?? 'voorwaarde';
      return `${name} = ${formatValue(left, e.type)}${expect('ja')}`;
    }
  }
}
