/**
 * Empty optional fields in conditions (RW5401). A comparison with an empty field is onbepaald: neither ja nor nee
 * (dsl/README.md, "Lege velden"). A rule or module condition that reads an optional field, directly or through a
 * calculation, should say what an empty field means with `is leeg` / `is niet leeg` on that field; otherwise the
 * checker warns once per field and condition, at the first read.
 */
import type { Expr as IrExpr } from '../ir/ir.js';
import { childExprs } from '../ir/walk.js';
import type { Span } from '../text/span.js';
import type { Env } from './env.js';

/** A read of an optional field that no `is leeg` handles: the field (`level.name`) and through which calculation. */
interface Read {
  readonly field: string;
  readonly span: Span;
  readonly via: string | undefined;
}

const keyOf = (level: string, name: string): string => `${level}.${name}`;

/** The fields an expression tests with `is leeg` / `is niet leeg`, and its reads of optional fields. */
function scan(
  e: IrExpr,
  env: Env,
  scope: string,
): { handled: Set<string>; reads: { field: string; span: Span; calc?: string }[] } {
  const handled = new Set<string>();
  const reads: { field: string; span: Span; calc?: string }[] = [];
  const stack: IrExpr[] = [e];
  for (let x = stack.pop(); x !== undefined; x = stack.pop()) {
    if (x.kind === 'isEmpty') {
      const v = x.value;
      if (v.kind === 'field') handled.add(keyOf(v.level, v.name));
      else if (v.kind === 'calc') handled.add(`calc:${v.name}`);
      continue; // a field inside `is leeg` is the handling itself, not a read
    }
    if (x.kind === 'field') {
      // In a module, `resultaat.x` depends on the request naming a result: the optional field `resultaat`.
      if (scope === 'module' && x.level === 'resultaat' && !x.outer)
        reads.push({ field: 'module.resultaat', span: x.span });
      else if (!x.outer && env.fields[x.level].get(x.name)?.optional)
        reads.push({ field: keyOf(x.level, x.name), span: x.span });
      continue;
    }
    if (x.kind === 'calc') {
      reads.push({ field: '', span: x.span, calc: x.name });
      continue;
    }
    const children = childExprs(x);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as IrExpr);
  }
  return { handled, reads };
}

/** Checks conditions for reads of optional fields without `is leeg`; one memo of calculations per version. */
export class EmptyFieldCheck {
  private readonly calcs = new Map<string, readonly string[]>();

  constructor(private readonly env: Env) {}

  /** The optional fields a calculation reads without handling them itself (through its own calculations too). */
  private unhandledInCalc(name: string): readonly string[] {
    const known = this.calcs.get(name);
    if (known) return known;
    this.calcs.set(name, []); // cycles are reported elsewhere
    const ir = this.env.calcs.get(name)?.ir;
    const out: string[] = [];
    if (ir) {
      const { handled, reads } = scan(
        ir,
        this.env,
        this.env.items.calcs.get(name)?.decl.scope ?? 'beschikking',
      );
      for (const r of reads) {
        const fields = r.calc !== undefined ? this.unhandledInCalc(r.calc) : [r.field];
        for (const f of fields) if (!handled.has(f) && !out.includes(f)) out.push(f);
      }
    }
    this.calcs.set(name, out);
    return out;
  }

  /**
   * The unhandled reads of one condition (each field once, at its first read). `handledBefore`: fields an earlier
   * condition of the same module already tests with `is leeg` (they are added to it).
   */
  check(when: IrExpr, scope: string, handledBefore: Set<string> = new Set()): Read[] {
    const { handled, reads } = scan(when, this.env, scope);
    const out: Read[] = [];
    const seen = new Set<string>();
    for (const r of reads) {
      const fields = r.calc !== undefined ? this.unhandledInCalc(r.calc) : [r.field];
      if (r.calc !== undefined && handled.has(`calc:${r.calc}`)) continue;
      for (const f of fields) {
        if (handled.has(f) || handledBefore.has(f) || seen.has(f)) continue;
        seen.add(f);
        out.push({ field: f, span: r.span, via: r.calc });
      }
    }
    for (const f of handled) handledBefore.add(f);
    return out;
  }
}

/** The field's name as the user writes it (`aantal`, not `module.aantal`). */
export const shownField = (field: string): string => field.slice(field.indexOf('.') + 1);
