/**
 * Which conditions can be onbepaald: a comparison with an empty value is neither ja nor nee (dsl/README.md,
 * "Lege velden"). The json-rules-engine path compiles a second, lenient rule only for those conditions.
 */
import type { Ir } from '../../dsl/index.js';
import { assertNever } from '../../dsl/core.js';

/** Whether values of expressions may be empty (undefined) in a program; memoised per calculation. */
export class Emptiness {
  private readonly optional = new Set<string>();
  private readonly calcs = new Map<string, Ir.CalcDef>();
  private readonly memo = new Map<string, boolean>();

  constructor(program: Ir.Program) {
    for (const level of ['beschikking', 'resultaat', 'module'] as const)
      for (const f of program.input[level]) if (f.optional) this.optional.add(`${level}:${f.name}`);
    for (const c of program.calcs) this.calcs.set(`${c.scope}:${c.name}`, c);
  }

  /** Whether `e` may evaluate to empty (or, for a condition, to onbepaald). Conservative: true when unsure. */
  mayBeEmpty(e: Ir.Expr): boolean {
    const stack: Ir.Expr[] = [e];
    for (let x = stack.pop(); x !== undefined; x = stack.pop()) {
      switch (x.kind) {
        case 'const':
        case 'param':
        case 'isEmpty':
        case 'moduleRequested':
        case 'countResults':
          break;
        case 'field':
          if (this.optional.has(`${x.level}:${x.name}`)) return true;
          break;
        case 'calc':
          if (this.calc(`${x.scope}:${x.name}`)) return true;
          break;
        case 'lookup':
          return true;
        case 'call':
          stack.push(...x.args);
          break;
        case 'arith':
          if (x.op === '/') return true;
          stack.push(x.left, x.right);
          break;
        case 'compare':
        case 'and':
        case 'or':
          stack.push(x.left, x.right);
          break;
        case 'neg':
        case 'not':
          stack.push(x.operand);
          break;
        case 'if':
          stack.push(x.cond, x.then, x.else);
          break;
        case 'in':
          stack.push(x.value, ...x.options);
          break;
        case 'round':
          stack.push(x.value);
          break;
        default:
          return assertNever(x);
      }
    }
    return false;
  }

  private calc(key: string): boolean {
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    this.memo.set(key, true); // a cycle cannot compile; be conservative meanwhile
    const def = this.calcs.get(key);
    const v = def === undefined ? true : this.mayBeEmpty(def.value);
    this.memo.set(key, v);
    return v;
  }
}
