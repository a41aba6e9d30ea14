/**
 * One validation of a case shared by the engines that evaluate that same case object one after the other: the
 * impact analysis prices every beschikking under a basis and a variant version, each with an engine of its own,
 * and both usually declare the same input. Validating a case is a fifth of an evaluation; the second engine
 * takes the first one's typed case when that is certain to be what its own validation would give:
 *
 * - the same object (identity: a case is not changed while it is evaluated);
 * - the same declared input apart from modules (fields, domains, bandwidth pairs: see `inputShapeText`), and
 *   either the same modules and variants, or a case without module requests;
 * - a valid case (an invalid one is validated again: its messages may name what the version declares).
 *
 * The memo holds one case: the one evaluated last. Give the same instance to the engines that share it
 * (`createEngine(programs, { sharedChecks })`); an engine without one validates every case itself.
 */
import type { Ir } from '../../dsl/index.js';
import { inputShapeText, moduleShapeText } from '../versions/input.js';
import type { CaseCheck } from './casus.js';

interface Shape {
  readonly input: string;
  readonly modules: string;
}

export class SharedCaseChecks {
  private readonly shapes = new WeakMap<Ir.Program, Shape>();
  private raw: unknown = undefined;
  private shape: Shape | undefined;
  private check: CaseCheck | undefined;

  private shapeOf(p: Ir.Program): Shape {
    let s = this.shapes.get(p);
    if (!s) this.shapes.set(p, (s = { input: inputShapeText(p), modules: moduleShapeText(p) }));
    return s;
  }

  /** The valid check of `raw` another engine made for a program that validates it identically, if any. */
  lookup(program: Ir.Program, raw: unknown): CaseCheck | undefined {
    if (raw !== this.raw || !this.shape || !this.check) return undefined;
    const own = this.shapeOf(program);
    if (own === this.shape) return this.check;
    if (own.input !== this.shape.input) return undefined;
    if (own.modules === this.shape.modules) return this.check;
    const requests = (raw as { modules?: unknown }).modules;
    return Array.isArray(requests) && requests.length > 0 ? undefined : this.check;
  }

  /** Remembers a check of `raw` for `program` (only a valid one: see above). */
  remember(program: Ir.Program, raw: unknown, check: CaseCheck): void {
    if (!check.ok) return;
    this.raw = raw;
    this.shape = this.shapeOf(program);
    this.check = check;
  }
}
