/**
 * One validation of one case against one program (see casus.ts): the fields of the beschikking, its results and
 * module requests, typed, with a Dutch message per problem that names the field path.
 */
import type { Ir } from '../../dsl/index.js';
import { isIsoDate } from '../calendar/dates.js';
import {
  FULL,
  MAX_ITEMS,
  deriveStatics,
  isObject,
  quickCheck,
  show,
  typeName,
  SLOW,
} from './case-statics.js';
import type { CaseCache, FieldPlan, Json, Statics } from './case-statics.js';
import { join, typedValue } from './case-value.js';
import type { CaseDiagnostic } from './result.js';
import type { CaseItem, Value } from './values.js';

const NONE: ReadonlySet<string> = new Set();
const MODULE_BUILTINS: ReadonlySet<string> = new Set(['module', 'variant']);

/**
 * One validation of one case. Cost contract: on a valid case no message or field path is built (paths are joined
 * only when reporting an error), and everything derived from the program comes from {@link Statics}.
 */
export class Checker {
  diagnostics: CaseDiagnostic[] = [];
  /** Some object of the case has a key that is not a declared field (cheap flag; the warnings come later). */
  extraKeys = false;
  private readonly s: Statics;

  constructor(
    private readonly program: Ir.Program,
    /** Whether an item with this period has a day in this program (see {@link checkCase}). */
    private readonly touches: ((from: string, to: string) => boolean) | undefined,
    private readonly cache: CaseCache,
  ) {
    let s = cache.statics.get(program);
    if (!s) cache.statics.set(program, (s = deriveStatics(program)));
    this.s = s;
  }

  /**
   * Whether an item is judged by another version only: it has a valid period and no day of it is in this
   * program. Such an item is typed for this program (it still counts and is still requested) without errors.
   */
  private elsewhere(item: Record<string, Json>): boolean {
    if (!this.touches) return false;
    const p = item.periode;
    if (!isObject(p) || !isIsoDate(p.van) || !isIsoDate(p.tot) || p.tot < p.van) return false;
    return !this.touches(p.van, p.tot);
  }

  error(path: string, message: string): void {
    this.diagnostics.push({ severity: 'fout', rule: 'invoer', message: `${path}: ${message}`, path });
  }

  /** {@link error} as a function (for the full-way value check, case-value.ts). */
  private readonly report = (path: string, message: string): void => this.error(path, message);

  fields(
    obj: Record<string, Json>,
    defs: readonly Ir.FieldDef[],
    prefix: string,
    skip: ReadonlySet<string>,
  ): Record<string, Value> {
    const plan = this.plan(defs, skip);
    const out: Record<string, Value> = {};
    // Keys of `obj` accounted for: declared fields present, and the names in `skip` (checked by the caller).
    let known = 0;
    for (const name of plan.skipped) if (obj[name] !== undefined) known++;
    for (const { def, quick } of plan.checks) {
      const raw = obj[def.name];
      if (raw === undefined || raw === null || raw === '') {
        if (raw !== undefined) known++;
        if (!def.optional)
          this.error(join(prefix, def.name), `ontbreekt (verplicht veld, ${typeName(def.type)}).`);
        out[def.name] = undefined;
        continue;
      }
      known++;
      const v = quick(raw);
      out[def.name] = v !== SLOW ? v : typedValue(raw, def.type, prefix, def.name, this.s, this.report);
    }
    // More keys than accounted for: some field is not declared (see unknownFieldWarnings). Counted, not listed.
    if (!this.extraKeys && Object.keys(obj).length > known) this.extraKeys = true;
    return out;
  }

  /** How the declared fields not in `skip` are checked (see {@link FieldPlan}), made once per list and skip. */
  private plan(defs: readonly Ir.FieldDef[], skip: ReadonlySet<string>): FieldPlan {
    let bySkip = this.s.quick.get(defs);
    if (!bySkip) this.s.quick.set(defs, (bySkip = new Map()));
    let plan = bySkip.get(skip);
    if (!plan) {
      const checks = defs
        .filter((def) => !skip.has(def.name))
        .map((def) => ({ def, quick: this.cache.quick ? quickCheck(def.type, this.s) : FULL }));
      bySkip.set(skip, (plan = { checks, skipped: [...skip] }));
    }
    return plan;
  }

  /** A bandwidth must belong to the result's intensity (the declared bandwidth pairs). */
  checkBandwidth(fields: Record<string, Value>, prefix: string): void {
    const { bandwidthField, intensityField } = this.s;
    if (bandwidthField === undefined || intensityField === undefined) return;
    const b = fields[bandwidthField];
    const i = fields[intensityField];
    if (typeof b !== 'string' || typeof i !== 'string') return;
    if (!this.s.pairs.has(`${i}/${b}`)) {
      const allowed = this.program.bandwidths.filter((x) => x.intensity === i).map((x) => x.name);
      this.error(
        `${prefix}.${bandwidthField}`,
        `bandbreedte ${b} hoort niet bij intensiteit ${i}; verwacht een van ${allowed.join(', ') || '(geen)'}.`,
      );
    }
  }

  list(raw: Json, name: string, label: string): readonly Json[] {
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) {
      this.error(name, `${show(raw)} is geen lijst; verwacht een lijst van ${label}.`);
      return [];
    }
    if (raw.length > MAX_ITEMS) {
      this.error(name, `te veel ${label} (${raw.length}); maximaal ${MAX_ITEMS}.`);
      return [];
    }
    return raw;
  }

  results(raw: Json): CaseItem[] {
    const defs = this.program.input.resultaat;
    const out: CaseItem[] = [];
    const list = this.list(raw, 'resultaten', 'resultaten');
    for (let index = 0; index < list.length; index++) {
      const r = list[index];
      const path = this.cache.resultPath(index);
      if (!isObject(r)) {
        this.error(path, `${show(r)} is geen object; verwacht een resultaat.`);
        continue;
      }
      // An item judged elsewhere only: its errors go to a list that is dropped (no closures per item).
      const kept = this.diagnostics;
      const quiet = this.elsewhere(r);
      if (quiet) this.diagnostics = [];
      const fields = this.fields(r, defs, path, NONE);
      this.checkBandwidth(fields, path);
      this.diagnostics = kept;
      const id = fields.id;
      out.push({ index, ref: typeof id === 'string' ? id : `resultaat ${index + 1}`, path, fields });
    }
    return out;
  }

  /** Two results (or two module requests) with the same `id` cannot be told apart in the outcome. */
  uniqueIds(items: readonly CaseItem[]): void {
    // A handful of items: compared pairwise, nothing allocated.
    for (let j = 1; j < items.length; j++) {
      const item = items[j] as CaseItem;
      const id = item.fields.id;
      if (typeof id !== 'string') continue;
      for (let i = 0; i < j; i++) {
        const earlier = items[i] as CaseItem;
        if (earlier.fields.id !== id) continue;
        this.error(`${item.path}.id`, `'${id}' is al het id van ${earlier.path}; elk id komt één keer voor.`);
        break;
      }
    }
  }

  private moduleNames(): string {
    return this.program.modules.map((x) => x.name).join(', ');
  }

  modules(raw: Json): CaseItem[] {
    const defs = this.program.input.module;
    const out: CaseItem[] = [];
    const list = this.list(raw, 'modules', 'modules');
    for (let index = 0; index < list.length; index++) {
      const m = list[index];
      const path = this.cache.modulePath(index);
      if (!isObject(m)) {
        this.error(path, `${show(m)} is geen object; verwacht een moduleaanvraag.`);
        continue;
      }
      const kept = this.diagnostics;
      const quiet = this.elsewhere(m);
      if (quiet) this.diagnostics = [];
      const fields = this.module(m, defs, path);
      this.diagnostics = kept;
      // Judged by another version only: still a request (for `aangevraagd`), under the name it gives.
      if (quiet && typeof m.variant === 'string' && fields.variant === undefined) fields.variant = m.variant;
      const id = fields.id;
      out.push({ index, ref: typeof id === 'string' ? id : `module ${index + 1}`, path, fields });
    }
    return out;
  }

  private module(m: Record<string, Json>, defs: readonly Ir.FieldDef[], path: string): Record<string, Value> {
    const fields = this.fields(m, defs, path, MODULE_BUILTINS);
    const name = m.module;
    const def = typeof name === 'string' ? this.s.modules.get(name) : undefined;
    if (name === undefined || name === null)
      this.error(`${path}.module`, `ontbreekt; verwacht een van ${this.moduleNames()}.`);
    else if (!def)
      this.error(`${path}.module`, `onbekende module ${show(name)}; verwacht een van ${this.moduleNames()}.`);
    fields.module = typeof name === 'string' ? name : undefined;
    const variant = m.variant;
    fields.variant = undefined;
    if (def && def.variants.length > 0) {
      const vs = def.variants.map((v) => v.name);
      if (variant === undefined || variant === null) {
        this.error(`${path}.variant`, `ontbreekt; module ${def.name} vraagt een variant (${vs.join(', ')}).`);
      } else if (typeof variant !== 'string' || !vs.includes(variant)) {
        this.error(
          `${path}.variant`,
          `onbekende variant ${show(variant)} van module ${def.name}; verwacht een van ${vs.join(', ')}.`,
        );
      } else fields.variant = variant;
    } else if (def && variant !== undefined && variant !== null) {
      this.error(`${path}.variant`, `module ${def.name} heeft geen varianten; laat 'variant' weg.`);
    }
    return fields;
  }
}
