/**
 * Our json-rules-engine operators. The compiled rules use only these: json-rules-engine's built-in operators
 * (`equal`, `lessThan`, …) coerce amounts to floats and are never emitted (test/engine/jre-operators.test.ts).
 */
import type { Dec } from './decimal.js';
import { compare, holds, inList } from './runtime.js';
import type { CompareOp } from './runtime.js';
import type { OperatorFn } from './jre-adapter.js';
import type { Value } from './values.js';

type Kind = 'decimal' | 'date' | 'ordinal' | 'equal';

const PREFIX: Record<Kind, string> = { decimal: 'd', date: 'datum', ordinal: 'rang', equal: 'waarde' };
const SUFFIX: Record<CompareOp, string> = {
  '=': 'Eq',
  '<>': 'Ne',
  '<': 'Lt',
  '<=': 'Le',
  '>': 'Gt',
  '>=': 'Ge',
};

/**
 * The suffix of a lenient operator: it holds when the comparison is ja or onbepaald (an empty operand). A lenient
 * rule (see jre.ts) finds conditions that are onbepaald: strictly nee but leniently ja.
 */
export const LENIENT = 'OfOnbepaald';

/** The operator name for a comparison, e.g. decimal `<` → `dLt`, ordinal `>` → `rangGt`. */
export const operatorFor = (kind: Kind, op: CompareOp, lenient = false): string =>
  `${PREFIX[kind]}${SUFFIX[op]}${lenient ? LENIENT : ''}`;

/** ja → true; nee → false; onbepaald → `lenient`. */
const decide = (v: boolean | undefined, lenient: boolean): boolean => (v === undefined ? lenient : v);

function comparison(kind: Kind, op: CompareOp, literal: (text: string) => Dec, lenient: boolean): OperatorFn {
  if (kind === 'ordinal') {
    // Ordinal facts are positions in the domain (small integers), compared as such; no position: empty.
    return (a, b) => {
      if (typeof a !== 'number' || typeof b !== 'number') return lenient;
      if (op === '=') return a === b;
      if (op === '<>') return a !== b;
      return holds(op, Math.sign(a - b));
    };
  }
  if (kind === 'decimal')
    // A constant right-hand side arrives as the literal's text (json-rules-engine copies values as JSON).
    return (a, b) =>
      decide(
        compare(kind, op, a as Value, typeof b === 'string' ? literal(b) : (b as Value), undefined),
        lenient,
      );
  return (a, b) => decide(compare(kind, op, a as Value, b as Value, undefined), lenient);
}

/**
 * All operators, by name. `literal` reads a decimal literal's text (an engine parses each once, see
 * RuntimeCache.literal).
 */
export function operators(literal: (text: string) => Dec): Readonly<Record<string, OperatorFn>> {
  const ops: Record<string, OperatorFn> = {};
  for (const kind of Object.keys(PREFIX) as Kind[]) {
    for (const op of Object.keys(SUFFIX) as CompareOp[])
      for (const lenient of [false, true])
        ops[operatorFor(kind, op, lenient)] = comparison(kind, op, literal, lenient);
  }
  const inList3 = (a: unknown, list: unknown) =>
    Array.isArray(list) ? inList(a as Value, list as Value[]) : false;
  ops.inLijst = (a, list) => inList3(a, list) === true;
  ops[`inLijst${LENIENT}`] = (a, list) => inList3(a, list) !== false;
  ops.leeg = (a) => a === undefined;
  ops.nietLeeg = (a) => a !== undefined;
  ops.isWaar = (a) => a === true;
  ops[`isWaar${LENIENT}`] = (a) => a !== false;
  return ops;
}
