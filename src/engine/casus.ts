/**
 * Validation of an incoming case (unknown JSON) against a program's declared input, builtin fields included.
 * Produces a typed case, or Dutch diagnostics that name the field path. Never throws.
 */
import { suggest } from '../../dsl/core.js';
import type { Ir } from '../../dsl/index.js';
import { Dec, parseDecimal } from './decimal.js';
import { isIsoDate } from '../calendar/dates.js';
import type { CaseDiagnostic } from './result.js';
import type { CaseItem, TypedCase, Value } from './values.js';

/** More items than this in one beschikking is not a real case. */
export const MAX_ITEMS = 1000;
const MAX_TEXT = 10_000;

export type CaseCheck =
  | {
      readonly ok: true;
      readonly casus: TypedCase;
      /** Some object has a key that is not a declared field: ask {@link unknownFieldWarnings} which. */
      readonly extraKeys: boolean;
    }
  | { readonly ok: false; readonly diagnostics: readonly CaseDiagnostic[] };

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const TYPE_NAMES: Record<Ir.Type['kind'], string> = {
  money: 'bedrag',
  rate: 'tarief',
  quantity: 'hoeveelheid',
  number: 'getal',
  percent: 'percentage',
  date: 'datum',
  period: 'periode',
  bool: 'ja/nee',
  text: 'tekst',
  domain: 'domeinwaarde',
  error: 'fout',
};

const typeName = (t: Ir.Type): string => (t.kind === 'domain' ? t.name : TYPE_NAMES[t.kind]);

const show = (v: Json): string => {
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
  if (Array.isArray(v)) return 'een lijst';
  if (isObject(v)) return 'een object';
  return String(v);
};

/** Domain values by domain name; `bandbreedte` falls back to the declared bandwidth names. */
export function domainValues(program: Ir.Program): Map<string, readonly string[]> {
  const map = new Map<string, readonly string[]>();
  for (const d of program.domains)
    map.set(
      d.name,
      d.values.map((v) => v.name),
    );
  if (!map.has('bandbreedte') && program.bandwidths.length > 0) {
    map.set('bandbreedte', [...new Set(program.bandwidths.map((b) => b.name))]);
  }
  return map;
}

interface Statics {
  readonly domains: Map<string, readonly string[]>;
  /** The same values as sets, for membership. */
  readonly domainSets: Map<string, ReadonlySet<string>>;
  readonly pairs: Set<string>;
  /** The result fields holding the bandwidth and the intensity, when the program declares bandwidth pairs. */
  readonly bandwidthField: string | undefined;
  readonly intensityField: string | undefined;
  readonly modules: ReadonlyMap<string, Ir.ModuleDef>;
  /** Quick checks per list of declared fields and set of skipped names, compiled on first use. */
  readonly quick: Map<readonly Ir.FieldDef[], Map<ReadonlySet<string>, readonly FieldCheck[]>>;
}

/** What the checker derives from a program, once. */
function deriveStatics(program: Ir.Program): Statics {
  const domains = domainValues(program);
  const bwNames = new Set(program.bandwidths.map((b) => b.name));
  const intensities = new Set(program.bandwidths.map((b) => b.intensity));
  const bandwidthDomain =
    bwNames.size > 0 ? [...domains].find(([, vs]) => sameSet(vs, bwNames))?.[0] : undefined;
  const intensityDomain =
    intensities.size > 0
      ? [...domains].find(([, vs]) => [...intensities].every((i) => vs.includes(i)))?.[0]
      : undefined;
  const fieldOf = (domain: string | undefined): string | undefined =>
    domain === undefined
      ? undefined
      : program.input.resultaat.find((d) => d.type.kind === 'domain' && d.type.name === domain)?.name;
  const bandwidthField = fieldOf(bandwidthDomain);
  const intensityField = fieldOf(intensityDomain);
  const paired = bandwidthField !== undefined && intensityField !== undefined;
  return {
    domains,
    domainSets: new Map([...domains].map(([name, values]) => [name, new Set(values)])),
    pairs: new Set(program.bandwidths.map((b) => `${b.intensity}/${b.name}`)),
    bandwidthField: paired ? bandwidthField : undefined,
    intensityField: paired ? intensityField : undefined,
    modules: new Map(program.modules.map((m) => [m.name, m])),
    quick: new Map(),
  };
}

/** Not decided by a quick check: validate (and report) the full way. */
const SLOW: unique symbol = Symbol('slow');
type QuickCheck = (raw: Json) => Value | typeof SLOW;

/** No quick check: every value the full way. */
const FULL: QuickCheck = () => SLOW;

/** A declared field with its quick check. */
interface FieldCheck {
  readonly def: Ir.FieldDef;
  readonly quick: QuickCheck;
}

/**
 * A check per declared field, compiled once, that accepts the plain valid values of its type (a known domain
 * value, an ISO date, a period of two ordered dates, a text, true/false) and leaves everything else, errors
 * included, to {@link Checker.value}: so a valid case is typed without the generic walk and the messages stay its.
 */
function quickCheck(type: Ir.Type, s: Statics): QuickCheck {
  switch (type.kind) {
    case 'domain': {
      const values = s.domainSets.get(type.name);
      return (raw) => (typeof raw === 'string' && values?.has(raw) === true ? raw : SLOW);
    }
    case 'date':
      return (raw) => (isIsoDate(raw) ? raw : SLOW);
    case 'period':
      return (raw) => {
        if (!isObject(raw)) return SLOW;
        const { van, tot } = raw;
        return isIsoDate(van) && isIsoDate(tot) && tot >= van ? { from: van, to: tot } : SLOW;
      };
    case 'text':
      return (raw) => (typeof raw === 'string' && raw.length <= MAX_TEXT ? raw : SLOW);
    case 'bool':
      return (raw) => (typeof raw === 'boolean' ? raw : SLOW);
    default:
      return () => SLOW;
  }
}

// ─────────────── numbers in a case ───────────────
//
// A case is JSON: a number is written `1200` or `"1200"`, decimals with a point (`"12.50"`). The `.regels`
// notation is Dutch (`1.200` is twelve hundred, `12,50` twelve and a half), so a text like "1.200" could mean
// either: it is refused, as is a decimal comma, with the JSON notation in the message. Values are limited to
// what a case can sensibly hold; `-0` and `"-0"` are both 0.

/** Digits before the decimal point a case value may have (below a trillion). */
export const CASE_MAX_INTEGER_DIGITS = 12;
/** Digits after the decimal point a case value may have. */
export const CASE_MAX_DECIMALS = 10;

/** `1.200`, `12.500.000`: Dutch thousands separators (a leading 0 is no thousands group). */
const THOUSANDS = /^-?[1-9]\d{0,2}(?:\.\d{3})+$/;
/** `12,50`, `1.234,56`: a decimal comma. */
const DECIMAL_COMMA = /^-?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+$/;
const PLAIN = /^-?(\d+)(?:\.(\d+))?$/;

/**
 * A number of a case: a decimal, undefined when `raw` is no number at all (the caller says so), or a Dutch
 * message why this number is refused.
 */
export function caseNumber(raw: unknown): Dec | string | undefined {
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return undefined;
    text = Object.is(raw, -0) ? '0' : String(raw);
    if (/e/i.test(text)) return outOfRange(String(raw));
  } else if (typeof raw === 'string') {
    text = raw.trim();
    if (THOUSANDS.test(text)) {
      const thousands = text.replace(/\./g, '');
      const decimals = text.includes('.', text.indexOf('.') + 1)
        ? ''
        : `, of "${text.replace(/\.?0+$/, '')}" als u decimalen bedoelde`;
      return `"${text}" is dubbelzinnig: in JSON is de punt het decimaalteken, in de regels scheidt hij duizendtallen. Schrijf "${thousands}" als u duizendtallen bedoelde${decimals}.`;
    }
    if (DECIMAL_COMMA.test(text)) {
      const json = text.replace(/\./g, '').replace(',', '.');
      return `"${text}" gebruikt een decimale komma; in JSON is de punt het decimaalteken: schrijf "${json}".`;
    }
  } else return undefined;
  const m = PLAIN.exec(text);
  if (m === null) return undefined;
  const integer = (m[1] ?? '').replace(/^0+(?=\d)/, '');
  if (integer.length > CASE_MAX_INTEGER_DIGITS || (m[2] ?? '').length > CASE_MAX_DECIMALS) {
    return outOfRange(typeof raw === 'string' ? `"${text}"` : text);
  }
  const d = new Dec(text);
  return d.isZero() ? new Dec(0) : d;
}

const outOfRange = (shown: string): string =>
  `${shown.length > 40 ? `${shown.slice(0, 37)}…` : shown} valt buiten wat een geval kan bevatten: ten hoogste ${CASE_MAX_INTEGER_DIGITS} cijfers voor en ${CASE_MAX_DECIMALS} cijfers na de punt.`;

/** JSON paths of list items ("resultaten[3]"), built once per index. */
const itemPaths = (list: string): ((i: number) => string) => {
  const paths: string[] = [];
  return (i) => (paths[i] ??= `${list}[${i}]`);
};

/**
 * What validation remembers, owned by an engine (see EngineCache): per program what the checker derives from it,
 * per set of programs the fields they declare, the hints of unknown-field warnings (bounded), and item paths.
 * A caller without an engine gets a fresh one per call.
 */
export class CaseCache {
  /** `quick: false` validates every value the full way (for the property test that both agree). */
  constructor(readonly quick = true) {}
  readonly statics = new WeakMap<Ir.Program, Statics>();
  /** Per first program, per further programs (their numbers in `ids`, joined): the fields they declare. */
  readonly known = new WeakMap<Ir.Program, Map<string, KnownFields>>();
  readonly ids = new WeakMap<Ir.Program, number>();
  nextId = 0;
  readonly hints = new WeakMap<ReadonlySet<string>, Map<string, string>>();
  readonly resultPath = itemPaths('resultaten');
  readonly modulePath = itemPaths('modules');
}

const join = (prefix: string, name: string): string => (prefix ? `${prefix}.${name}` : name);

/**
 * One validation of one case. Cost contract: on a valid case no message or field path is built (paths are joined
 * only when reporting an error), and everything derived from the program comes from {@link Statics}.
 */
class Checker {
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

  fields(
    obj: Record<string, Json>,
    defs: readonly Ir.FieldDef[],
    prefix: string,
    skip: ReadonlySet<string>,
  ): Record<string, Value> {
    const out: Record<string, Value> = {};
    // Keys of `obj` accounted for: declared fields present, and the names in `skip` (checked by the caller).
    let known = 0;
    for (const name of skip) if (obj[name] !== undefined) known++;
    for (const { def, quick } of this.checks(defs, skip)) {
      const raw = obj[def.name];
      if (raw !== undefined) known++;
      if (raw === undefined || raw === null || raw === '') {
        if (!def.optional)
          this.error(join(prefix, def.name), `ontbreekt (verplicht veld, ${typeName(def.type)}).`);
        out[def.name] = undefined;
        continue;
      }
      const v = quick(raw);
      out[def.name] = v !== SLOW ? v : this.value(raw, def.type, prefix, def.name);
    }
    // More keys than accounted for: some field is not declared (see unknownFieldWarnings). Counted, not listed.
    if (!this.extraKeys && Object.keys(obj).length > known) this.extraKeys = true;
    return out;
  }

  /** The declared fields not in `skip`, each with its precompiled quick check (see {@link quickCheck}). */
  private checks(defs: readonly Ir.FieldDef[], skip: ReadonlySet<string>): readonly FieldCheck[] {
    let bySkip = this.s.quick.get(defs);
    if (!bySkip) this.s.quick.set(defs, (bySkip = new Map()));
    let list = bySkip.get(skip);
    if (!list)
      bySkip.set(
        skip,
        (list = defs
          .filter((def) => !skip.has(def.name))
          .map((def) => ({ def, quick: this.cache.quick ? quickCheck(def.type, this.s) : FULL }))),
      );
    return list;
  }

  /** The typed value of `raw` at field `name` under `prefix` (the path is only joined for an error). */
  value(raw: Json, type: Ir.Type, prefix: string, name: string): Value {
    switch (type.kind) {
      case 'money':
      case 'rate':
      case 'quantity':
      case 'number':
      case 'percent': {
        const parsed = caseNumber(raw);
        if (typeof parsed === 'string') {
          this.error(join(prefix, name), parsed);
          return undefined;
        }
        const d = parsed ?? parseDecimal(raw);
        if (d === undefined) {
          this.error(
            join(prefix, name),
            `${show(raw)} is geen getal; verwacht ${typeName(type)} zoals "12.50" of 12.5.`,
          );
          return undefined;
        }
        if (type.kind === 'number' && type.whole === true && (!d.isInteger() || d.isNegative())) {
          this.error(
            join(prefix, name),
            `${show(raw)} is geen aantal: verwacht een geheel getal van 0 of meer, zoals 3.`,
          );
          return undefined;
        }
        if (type.kind === 'quantity' && d.isNegative()) {
          this.error(join(prefix, name), `${show(raw)} is negatief; een hoeveelheid is 0 of meer.`);
          return undefined;
        }
        return type.kind === 'percent' ? d.div(100) : d;
      }
      case 'date':
        if (!isIsoDate(raw)) {
          this.error(
            join(prefix, name),
            `${show(raw)} is geen geldige datum; verwacht JJJJ-MM-DD, bijvoorbeeld 2019-01-01.`,
          );
          return undefined;
        }
        return raw;
      case 'period': {
        const path = join(prefix, name);
        if (!isObject(raw)) {
          this.error(
            path,
            `${show(raw)} is geen periode; verwacht { "van": "2019-01-01", "tot": "2019-06-30" }.`,
          );
          return undefined;
        }
        // A missing date is reported as missing, not also as an invalid date.
        const missing = (v: Json) => v === undefined || v === null || v === '';
        const from = missing(raw.van) ? undefined : this.value(raw.van, DATE, path, 'van');
        const to = missing(raw.tot) ? undefined : this.value(raw.tot, DATE, path, 'tot');
        if (missing(raw.van)) this.error(`${path}.van`, 'ontbreekt (begindatum van de periode).');
        if (missing(raw.tot)) this.error(`${path}.tot`, 'ontbreekt (einddatum van de periode).');
        if (typeof from !== 'string' || typeof to !== 'string') return undefined;
        if (to < from) {
          this.error(path, `einddatum ${to} ligt voor begindatum ${from}.`);
          return undefined;
        }
        return { from, to };
      }
      case 'bool':
        if (raw === true || raw === 'ja' || raw === 'true') return true;
        if (raw === false || raw === 'nee' || raw === 'false') return false;
        this.error(join(prefix, name), `${show(raw)} is geen ja/nee; verwacht true of false.`);
        return undefined;
      case 'text':
        if (typeof raw !== 'string' || raw.length > MAX_TEXT) {
          this.error(join(prefix, name), `${show(raw)} is geen tekst; verwacht een tekst.`);
          return undefined;
        }
        return raw;
      case 'domain': {
        if (typeof raw !== 'string' || this.s.domainSets.get(type.name)?.has(raw) !== true) {
          const values = this.s.domains.get(type.name) ?? [];
          this.error(
            join(prefix, name),
            `onbekende waarde ${show(raw)}; verwacht een van ${values.join(', ')}.`,
          );
          return undefined;
        }
        return raw;
      }
      case 'error':
        return undefined;
    }
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

const NONE: ReadonlySet<string> = new Set();
const DATE: Ir.Type = { kind: 'date' };
const MODULE_BUILTINS: ReadonlySet<string> = new Set(['module', 'variant']);
/** The lists of a case, checked apart from the beschikking's fields. */
const LISTS: ReadonlySet<string> = new Set(['resultaten', 'modules']);

function sameSet(a: readonly string[], b: ReadonlySet<string>): boolean {
  return a.length === b.size && a.every((x) => b.has(x));
}

/**
 * Validate an unknown JSON value as a case for `program`. With `touches` (a case across versions that declare
 * different input), a result or module request none of whose days `touches` says are in this program is typed
 * without errors: the versions of its own days judge it.
 */
export function checkCase(
  program: Ir.Program,
  raw: unknown,
  touches?: (from: string, to: string) => boolean,
  cache: CaseCache = new CaseCache(),
): CaseCheck {
  const c = new Checker(program, touches, cache);
  if (!isObject(raw)) {
    c.diagnostics.push({
      severity: 'fout',
      rule: 'invoer',
      message: `Het geval moet een JSON-object zijn, niet ${show(raw)}.`,
    });
    return { ok: false, diagnostics: c.diagnostics };
  }
  const fields = c.fields(raw, program.input.beschikking, '', LISTS);
  const results = c.results(raw.resultaten);
  const modules = c.modules(raw.modules);
  const given = raw.resultaten;
  if (given === undefined || given === null || (Array.isArray(given) && given.length === 0))
    c.error('resultaten', 'geen resultaten; een beschikking heeft minstens één resultaat.');
  c.uniqueIds(results);
  c.uniqueIds(modules);
  if (c.diagnostics.length > 0) return { ok: false, diagnostics: c.diagnostics };
  const requested = new Set<string>();
  for (const m of modules) {
    const name = m.fields.module;
    const variant = m.fields.variant;
    if (typeof name === 'string') requested.add(name);
    if (typeof name === 'string' && typeof variant === 'string') requested.add(`${name}/${variant}`);
  }
  const g = raw.gemeente;
  return {
    ok: true,
    casus: { fields, results, modules, requested, gemeente: typeof g === 'string' ? g : undefined },
    extraKeys: c.extraKeys,
  };
}

/** The field names a case may carry per level: the declared ones and the lists. */
interface KnownFields {
  readonly beschikking: ReadonlySet<string>;
  readonly resultaat: ReadonlySet<string>;
  readonly module: ReadonlySet<string>;
}

function knownFields(programs: readonly Ir.Program[], cache: CaseCache): KnownFields {
  const [first] = programs;
  if (!first) return NO_FIELDS;
  let byRest = cache.known.get(first);
  if (!byRest) cache.known.set(first, (byRest = new Map()));
  let key = '';
  for (let i = 1; i < programs.length; i++) {
    const p = programs[i] as Ir.Program;
    let id = cache.ids.get(p);
    if (id === undefined) cache.ids.set(p, (id = cache.nextId++));
    key += `${id},`;
  }
  let known = byRest.get(key);
  if (!known) {
    const names = (level: 'beschikking' | 'resultaat' | 'module', extra: readonly string[]) =>
      new Set([...extra, ...programs.flatMap((p) => p.input[level].map((f) => f.name))]);
    known = {
      beschikking: names('beschikking', ['resultaten', 'modules']),
      resultaat: names('resultaat', ['id', 'periode']),
      module: names('module', ['id', 'periode', 'module', 'variant']),
    };
    byRest.set(key, known);
  }
  return known;
}
const NO_FIELDS: KnownFields = { beschikking: new Set(), resultaat: new Set(), module: new Set() };

/**
 * Warnings for fields of a (valid) case that no version judging it declares: a misspelt optional field
 * (`groepsgroote`) would otherwise be ignored without a word and change the amount. Each warning names the path
 * and, when there is one, the declared field it most resembles. The case is still evaluated.
 */
export function unknownFieldWarnings(
  programs: readonly Ir.Program[],
  raw: Record<string, unknown>,
  itemPrograms?: (from: string, to: string) => readonly Ir.Program[],
  cache: CaseCache = new CaseCache(),
): readonly CaseDiagnostic[] {
  const known = knownFields(programs, cache);
  let out: CaseDiagnostic[] | undefined;
  const visit = (obj: Record<string, unknown>, names: ReadonlySet<string>, prefix: string) => {
    const keys = Object.keys(obj);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as string;
      if (names.has(key)) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      (out ??= []).push({
        severity: 'waarschuwing',
        rule: 'invoer',
        message: `${path}: onbekend veld, genegeerd${hint(names, key, cache)}`,
        path,
      });
    }
  };
  visit(raw, known.beschikking, '');
  const lists = [
    [raw.resultaten, 'resultaat', cache.resultPath],
    [raw.modules, 'module', cache.modulePath],
  ] as const;
  for (const [list, level, pathOf] of lists) {
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length && i < MAX_ITEMS; i++) {
      const item: unknown = list[i];
      if (!isObject(item)) continue;
      // An item is checked against the versions of its own days (a field of a later version is unknown to an
      // item that ends before it); the beschikking against all of them.
      const p = item.periode;
      const own =
        itemPrograms && isObject(p) && isIsoDate(p.van) && isIsoDate(p.tot) && p.tot >= p.van
          ? knownFields(itemPrograms(p.van, p.tot), cache)
          : known;
      visit(item, own[level], pathOf(i));
    }
  }
  return out ?? NO_WARNINGS;
}

/** The end of an unknown-field warning: the closest declared name, remembered per set of names and key. */
function hint(names: ReadonlySet<string>, key: string, cache: CaseCache): string {
  let byKey = cache.hints.get(names);
  if (!byKey) cache.hints.set(names, (byKey = new Map()));
  let text = byKey.get(key);
  if (text === undefined) {
    const like = suggest(key, names)[0];
    text = like ? `; bedoelt u '${like}'?` : '.';
    // Keys come from callers: remember a bounded number per set of names.
    if (byKey.size < 1000) byKey.set(key, text);
  }
  return text;
}

const NO_WARNINGS: readonly CaseDiagnostic[] = [];
