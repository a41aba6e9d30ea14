/**
 * What case validation derives from a program, once per program and engine (see casus.ts): domain values,
 * bandwidth pairs, modules, and a quick check per declared field; and {@link CaseCache}, where an engine keeps it.
 */
import type { Ir } from '../../dsl/index.js';
import { isIsoDate } from '../calendar/dates.js';
import type { Value } from './values.js';

/** More items than this in one beschikking is not a real case. */
export const MAX_ITEMS = 1000;
/** Longest text a case value may be. */
export const MAX_TEXT = 10_000;

export type Json = unknown;

export const isObject = (v: Json): v is Record<string, Json> =>
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

export const typeName = (t: Ir.Type): string => (t.kind === 'domain' ? t.name : TYPE_NAMES[t.kind]);

export const show = (v: Json): string => {
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

export interface Statics {
  readonly domains: Map<string, readonly string[]>;
  /** The same values as sets, for membership. */
  readonly domainSets: Map<string, ReadonlySet<string>>;
  readonly pairs: Set<string>;
  /** The result fields holding the bandwidth and the intensity, when the program declares bandwidth pairs. */
  readonly bandwidthField: string | undefined;
  readonly intensityField: string | undefined;
  readonly modules: ReadonlyMap<string, Ir.ModuleDef>;
  /** Quick checks per list of declared fields and set of skipped names, compiled on first use. */
  readonly quick: Map<readonly Ir.FieldDef[], Map<ReadonlySet<string>, FieldPlan>>;
}

/** What the checker derives from a program, once. */
export function deriveStatics(program: Ir.Program): Statics {
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
export const SLOW: unique symbol = Symbol('slow');
export type QuickCheck = (raw: Json) => Value | typeof SLOW;

/** No quick check: every value the full way. */
export const FULL: QuickCheck = () => SLOW;

/** A declared field with its quick check. */
export interface FieldCheck {
  readonly def: Ir.FieldDef;
  readonly quick: QuickCheck;
}

/** How the fields of one kind of object (beschikking, result, module request) are checked, made once. */
export interface FieldPlan {
  /** The declared fields not checked apart (see `skip` of `Checker.fields`), with their quick checks. */
  readonly checks: readonly FieldCheck[];
  /** The names checked apart by the caller, as a list (counted when present). */
  readonly skipped: readonly string[];
}

/**
 * A check per declared field, compiled once, that accepts the plain valid values of its type (a known domain
 * value, an ISO date, a period of two ordered dates, a text, true/false) and leaves everything else, errors
 * included, to {@link Checker.value}: so a valid case is typed without the generic walk and the messages stay its.
 */
export function quickCheck(type: Ir.Type, s: Statics): QuickCheck {
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

/** JSON paths of list items ("resultaten[3]"), built once per index. */
const itemPaths = (list: string): ((i: number) => string) => {
  const paths: string[] = [];
  return (i) => (paths[i] ??= `${list}[${i}]`);
};

/** The field names a case may carry per level: the declared ones and the lists. */
export interface KnownFields {
  readonly beschikking: ReadonlySet<string>;
  readonly resultaat: ReadonlySet<string>;
  readonly module: ReadonlySet<string>;
}

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

function sameSet(a: readonly string[], b: ReadonlySet<string>): boolean {
  return a.length === b.size && a.every((x) => b.has(x));
}
