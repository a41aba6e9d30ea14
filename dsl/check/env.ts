/**
 * The environment of one version: lookups by name (maps only) over its effective items, the domains (with the
 * `bandbreedte` domain implied by the bandwidth lines), the field types per level, and the memo tables the
 * expression checker fills (types and lowered expressions of calculations and parameters, usage for warnings).
 */
import type { InputLevel, Scope } from '../ast/ast.js';
import type { DiagnosticCode } from '../diagnostics/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DiagnosticSink } from '../diagnostics/diagnostic.js';
import type { Expr as IrExpr, Type } from '../ir/ir.js';
import type { Span } from '../text/span.js';
import { BUILTIN_FIELDS, type Items } from './items.js';
import { suggest } from './suggest.js';
import { builtinFieldType, T } from './types.js';
import { UnitVocabulary } from './units.js';

export interface DomainInfo {
  readonly name: string;
  readonly values: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

export interface FieldInfo {
  readonly type: Type;
  readonly optional: boolean;
}

export interface Memo {
  state: 'visiting' | 'done';
  type: Type;
  ir: IrExpr | undefined;
}

/** Reports into the file a span points into; one sink per checked version, merged (deduplicated) later. */
export class Reporter {
  private readonly sinks = new Map<string, DiagnosticSink>();
  report(
    file: string,
    code: DiagnosticCode,
    span: Span,
    args: readonly (string | number)[] = [],
    suggestions: readonly string[] = [],
  ): void {
    let sink = this.sinks.get(file);
    if (!sink) {
      sink = new DiagnosticSink(file);
      this.sinks.set(file, sink);
    }
    sink.report(code, span, args, suggestions.length > 0 ? { suggestions } : {});
  }
  get items(): Diagnostic[] {
    return [...this.sinks.values()].flatMap((s) => s.items);
  }
}

export interface Env {
  readonly items: Items;
  readonly reporter: Reporter;
  /** The built-in and declared units (`eenheid dagdeel …`). */
  readonly units: UnitVocabulary;
  readonly domains: Map<string, DomainInfo>;
  /** Domain value → the domains that have it. */
  readonly valueDomains: Map<string, string[]>;
  /** `intensiteit/bandbreedte` pairs allowed by the bandwidth lines; undefined without bandwidth lines. */
  readonly bandPairs: Set<string> | undefined;
  readonly fields: Record<InputLevel, Map<string, FieldInfo>>;
  readonly calcs: Map<string, Memo>;
  readonly params: Map<string, Memo>;
  /** The chain of calculations/parameters being checked (for cycle messages). */
  readonly stack: string[];
  /** `param:x`, `table:x`, `calc:x` for everything referenced. */
  readonly used: Set<string>;
  /** Calculations in the order their checks finished: dependencies first. */
  readonly calcOrder: string[];
}

export const BANDWIDTH_DOMAIN = 'bandbreedte';
export const INTENSITY_DOMAIN = 'intensiteit';

export function buildEnv(items: Items, reporter: Reporter): Env {
  const domains = new Map<string, DomainInfo>();
  const addDomain = (name: string, values: readonly string[]): void => {
    const index = new Map<string, number>();
    values.forEach((v, i) => {
      if (!index.has(v)) index.set(v, i);
    });
    domains.set(name, { name, values, index });
  };
  for (const [name, d] of items.domains) {
    const seen = new Set<string>();
    for (const v of d.decl.values) {
      if (seen.has(v.name.text)) {
        reporter.report(d.origin.file, 'RW2015', v.name.span, [v.name.text, name]);
      }
      seen.add(v.name.text);
    }
    addDomain(
      name,
      d.decl.values.map((v) => v.name.text),
    );
  }
  let bandPairs: Set<string> | undefined;
  if (items.bandwidths.length > 0) {
    const declared = items.domains.get(BANDWIDTH_DOMAIN);
    if (declared) reporter.report(declared.origin.file, 'RW4105', declared.decl.name.span);
    const names: string[] = [];
    const seen = new Set<string>();
    bandPairs = new Set();
    for (const b of items.bandwidths) {
      if (!seen.has(b.decl.name.text)) {
        seen.add(b.decl.name.text);
        names.push(b.decl.name.text);
      }
      bandPairs.add(`${b.decl.intensity.text}/${b.decl.name.text}`);
    }
    addDomain(BANDWIDTH_DOMAIN, names);
  }
  const valueDomains = new Map<string, string[]>();
  for (const d of domains.values()) {
    for (const v of d.values) {
      const list = valueDomains.get(v);
      if (list) {
        if (!list.includes(d.name)) list.push(d.name);
      } else valueDomains.set(v, [d.name]);
    }
  }
  const fields: Env['fields'] = { beschikking: new Map(), resultaat: new Map(), module: new Map() };
  for (const level of ['beschikking', 'resultaat', 'module'] as const) {
    for (const b of BUILTIN_FIELDS[level]) {
      fields[level].set(b.name, { type: builtinFieldType(b.type) ?? T.text, optional: b.optional });
    }
    for (const [name, f] of items.fields[level]) {
      const tn = f.decl.type.name;
      let type = builtinFieldType(tn);
      if (!type) {
        if (domains.has(tn)) type = T.domain(tn);
        else {
          reporter.report(
            f.origin.file,
            'RW2006',
            f.decl.type.span,
            [tn],
            suggestUnknownType(tn, domains.keys()),
          );
          type = T.error;
        }
      }
      fields[level].set(name, { type, optional: f.decl.optional });
    }
  }
  return {
    items,
    reporter,
    units: new UnitVocabulary(items.units, reporter),
    domains,
    valueDomains,
    bandPairs,
    fields,
    calcs: new Map(),
    params: new Map(),
    stack: [],
    used: new Set(),
    calcOrder: [],
  };
}

const TYPE_WORDS = ['datum', 'periode', 'tekst', 'ja/nee', 'getal', 'aantal', 'bedrag', 'hoeveelheid'];

function suggestUnknownType(name: string, domains: Iterable<string>): string[] {
  return suggest(name, [...TYPE_WORDS, ...domains]);
}

/** The levels whose fields a scope sees, innermost first. */
export function levelsOf(scope: Scope): readonly InputLevel[] {
  return scope === 'resultaat'
    ? ['resultaat', 'beschikking']
    : scope === 'module'
      ? ['module', 'beschikking']
      : ['beschikking'];
}
