/**
 * Seeded generator of valid cases from a program's declared input, domains, bandwidth pairs and modules
 * (used by the differential test and the evaluation benchmark).
 */
import type { Ir } from '../../dsl/index.js';
import { addDays } from '../../src/calendar/dates.js';

export type Random = () => number;

/** mulberry32: a small, fast, seeded PRNG. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

export interface GenerateOptions {
  /** First and last possible start day of an item's period. */
  readonly from: string;
  readonly days: number;
  /** Shortest and longest item period in days. */
  readonly minLength?: number;
  readonly maxLength: number;
  readonly maxResults: number;
  readonly maxModules: number;
  /** Fixed municipality (else random). */
  readonly gemeente?: string;
}

const DEFAULTS: GenerateOptions = {
  from: '2019-01-01',
  days: 1400,
  maxLength: 400,
  maxResults: 3,
  maxModules: 3,
};

export function caseGenerator(
  program: Ir.Program,
  options: Partial<GenerateOptions> = {},
): (rnd: Random) => Record<string, Json> {
  const o = { ...DEFAULTS, ...options };
  const domains = new Map(program.domains.map((d) => [d.name, d.values.map((v) => v.name)]));
  const pick = <T>(rnd: Random, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const date = (rnd: Random, from: string, days: number) => addDays(from, Math.floor(rnd() * days));
  const period = (rnd: Random) => {
    const van = date(rnd, o.from, o.days);
    const min = o.minLength ?? 0;
    return { van, tot: addDays(van, min + Math.floor(rnd() * (o.maxLength - min))) };
  };
  const value = (rnd: Random, t: Ir.Type, name: string): Json => {
    switch (t.kind) {
      case 'domain':
        return pick(rnd, domains.get(t.name) ?? [program.bandwidths[0]?.name ?? '']);
      case 'date':
        return name === 'geboortedatum' ? date(rnd, '1996-01-01', 9000) : date(rnd, o.from, o.days);
      case 'bool':
        return rnd() < 0.5;
      case 'period':
        return period(rnd);
      case 'text':
        return `t${Math.floor(rnd() * 1000)}`;
      case 'percent':
        return String(Math.floor(rnd() * 100));
      default:
        return rnd() < 0.5 ? Math.floor(rnd() * 200) : String(Math.floor(rnd() * 200000) / 100);
    }
  };
  const fields = (rnd: Random, defs: readonly Ir.FieldDef[], skip: ReadonlySet<string>) => {
    const out: Record<string, Json> = {};
    for (const f of defs) {
      if (skip.has(f.name) || (f.optional && rnd() < 0.35)) continue;
      out[f.name] = value(rnd, f.type, f.name);
    }
    return out;
  };
  const pairs = program.bandwidths.map((b) => [b.intensity, b.name] as const);
  const intensityField = program.input.resultaat.find(
    (f) => f.type.kind === 'domain' && f.type.name === 'intensiteit',
  )?.name;
  const bandwidthField = program.input.resultaat.find(
    (f) => f.type.kind === 'domain' && f.type.name === 'bandbreedte',
  )?.name;
  const NO = new Set(['id']);
  const MOD = new Set(['id', 'module', 'variant', 'resultaat']);
  return (rnd) => {
    const c: Record<string, Json> = fields(rnd, program.input.beschikking, NO);
    if (o.gemeente !== undefined) c.gemeente = o.gemeente;
    const results: Json[] = [];
    const n = 1 + Math.floor(rnd() * o.maxResults);
    for (let i = 0; i < n; i++) {
      const r = fields(rnd, program.input.resultaat, NO);
      r.id = `r${i + 1}`;
      const pair = pairs.length ? pick(rnd, pairs) : undefined;
      if (pair && intensityField && bandwidthField) {
        r[intensityField] = pair[0];
        r[bandwidthField] = pair[1];
      }
      results.push(r);
    }
    c.resultaten = results;
    const modules: Json[] = [];
    const m = Math.floor(rnd() * (o.maxModules + 1));
    for (let i = 0; i < m && program.modules.length > 0; i++) {
      const def = pick(rnd, program.modules);
      const x = fields(rnd, program.input.module, MOD);
      x.module = def.name;
      if (def.variants.length > 0) x.variant = pick(rnd, def.variants).name;
      // Half the requests name one of the case's results (`resultaat.x` in the rules reads it).
      if (rnd() < 0.5) x.resultaat = `r${1 + Math.floor(rnd() * n)}`;
      modules.push(x);
    }
    c.modules = modules;
    return c;
  };
}
