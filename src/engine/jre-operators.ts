/**
 * Our json-rules-engine operators. The compiled rules use only these: json-rules-engine's built-in operators
 * (`equal`, `lessThan`, …) coerce amounts to floats and are never emitted (test/engine/jre-operators.test.ts).
 */
import type { Dec } from './decimal.js';
import { compare, holds, same } from './runtime.js';
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

/** The operator name for a comparison, e.g. decimal `<` → `dLt`, ordinal `>` → `rangGt`. */
export const operatorFor = (kind: Kind, op: CompareOp): string => `${PREFIX[kind]}${SUFFIX[op]}`;

function comparison(kind: Kind, op: CompareOp, literal: (text: string) => Dec): OperatorFn {
  if (kind === 'ordinal') {
    // Ordinal facts are positions in the domain (small integers), compared as such.
    return (a, b) => {
      if (op === '=') return a === b;
      if (op === '<>') return a !== b;
      return holds(op, typeof a === 'number' && typeof b === 'number' ? Math.sign(a - b) : undefined);
    };
  }
  if (kind === 'decimal')
    // A constant right-hand side arrives as the literal's text (json-rules-engine copies values as JSON).
    return (a, b) =>
      compare(kind, op, a as Value, typeof b === 'string' ? literal(b) : (b as Value), undefined);
  return (a, b) => compare(kind, op, a as Value, b as Value, undefined);
}

/**
 * All operators, by name. `literal` reads a decimal literal's text (an engine parses each once, see
 * RuntimeCache.literal).
 */
export function operators(literal: (text: string) => Dec): Readonly<Record<string, OperatorFn>> {
  const ops: Record<string, OperatorFn> = {};
  for (const kind of Object.keys(PREFIX) as Kind[]) {
    for (const op of Object.keys(SUFFIX) as CompareOp[])
      ops[operatorFor(kind, op)] = comparison(kind, op, literal);
  }
  ops.inLijst = (a, list) => Array.isArray(list) && list.some((x) => same(a as Value, x as Value));
  ops.leeg = (a) => a === undefined;
  ops.nietLeeg = (a) => a !== undefined;
  ops.isWaar = (a) => a === true;
  return ops;
}
