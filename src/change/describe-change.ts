/**
 * Dutch descriptions for the version diff: the heading of a declaration ("berekening norm_direct (voor elk
 * resultaat)"), its value with unit ("€ 12,50 per rit", "17 %") and what changed in it, one phrase per part
 * ('bron "…" → "…"', "indicatieve uren toegevoegd"). Values are formatted with the engine's helpers.
 */
import type { Ir } from '../../dsl/index.js';
import { isNumeric, tableUnitText, unitWordAfter } from '../../dsl/core.js';
import { dec, dutch, type Dec } from '../engine/decimal.js';
import { roundingText } from '../engine/explain.js';
import { formatValue, quantityText, rateText } from '../engine/format.js';

const ORIGIN_KEYS = new Set(['id', 'span', 'origin', 'file', 'version', 'validFrom']);

/**
 * JSON of an IR item without where it came from (ids, spans, files, versions), so moved or inherited items
 * compare equal. Everything else counts, `bron` included.
 */
export function shape(x: unknown): string {
  return JSON.stringify(x, (k, v: unknown) => (ORIGIN_KEYS.has(k) ? undefined : v)) ?? '';
}

const same = (a: unknown, b: unknown): boolean => shape(a) === shape(b);

const quoted = (s: string): string => `"${s}"`;

/** A value of type `t` in Dutch with its unit: "€ 12,50 per rit", "€ 0,125 per km", "17 %", "3 weken". */
export function numberText(v: Dec, t: Ir.Type): string {
  // An amount keeps more than two decimals when it has them (as a rate does): the diff shows exact values.
  return t.kind === 'money' ? rateText(v, undefined) : formatValue(v, t);
}

/** A constant of type `t` (decimal string, ISO date, domain value, text or ja/nee) in Dutch. */
export function constText(value: string | boolean, t: Ir.Type): string {
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  return isNumeric(t) ? numberText(dec(value), t) : value;
}

/** A type in the words of the language: "bedrag", "tarief (€ per rit)", "hoeveelheid (weken)", "datum". */
export function typeText(t: Ir.Type): string {
  switch (t.kind) {
    case 'money':
      return 'bedrag';
    case 'rate':
      return `tarief (€ per ${t.per})`;
    case 'quantity':
      return t.unit === 'module' ? 'hoeveelheid' : `hoeveelheid (${unitWordAfter(false, t.unit)})`;
    case 'number':
      return 'getal';
    case 'percent':
      return 'percentage';
    case 'date':
      return 'datum';
    case 'period':
      return 'periode';
    case 'bool':
      return 'ja/nee';
    case 'text':
      return 'tekst';
    case 'domain':
      return t.name;
    case 'error':
      return 'onbekend';
  }
}

const SCOPE_TITLE: Record<Ir.Scope, string> = {
  beschikking: '',
  resultaat: ' (voor elk resultaat)',
  module: ' (voor elke module)',
};

const SCOPE_TEXT: Record<Ir.Scope, string> = {
  beschikking: 'de beschikking',
  resultaat: 'elk resultaat',
  module: 'elke module',
};

/** The heading of a declaration: "berekening norm_direct (voor elk resultaat)", 'regel "…"', "budget". */
export const titles = {
  domein: (d: Ir.DomainDef) => `domein ${d.name}`,
  bandbreedte: (w: Ir.BandwidthDef) => `bandbreedte ${w.name} bij ${w.intensity}`,
  invoer: (level: Ir.InputLevel, f: Ir.FieldDef) => `invoer ${level}: veld ${f.name}`,
  parameter: (p: Ir.ParameterDef) => `parameter ${p.name}`,
  tabel: (t: Ir.TableDef) => `tabel ${t.name}`,
  berekening: (c: Ir.CalcDef) => `berekening ${c.name}${SCOPE_TITLE[c.scope]}`,
  budget: () => 'budget',
  module: (m: Ir.ModuleDef) => `module ${m.name}`,
  regel: (r: Ir.RuleDef) => `regel ${quoted(r.name)}`,
  voorziening: (p: Ir.ProvisionDef) => `voorziening ${p.name}`,
  eenheid: (u: Ir.UnitDef) => `eenheid ${u.name}`,
} as const;

// ───────────────────────────── what changed ─────────────────────────────

/** A text part (omschrijving, bron, melding): 'bron "a" → "b"', 'bron "b" toegevoegd', 'bron "a" vervallen'. */
function textPart(part: string, a: string | undefined, b: string | undefined): string[] {
  if (a === b) return [];
  if (a === undefined) return [`${part} ${quoted(b ?? '')} toegevoegd`];
  if (b === undefined) return [`${part} ${quoted(a)} vervallen`];
  return [`${part} ${quoted(a)} → ${quoted(b)}`];
}

/** A written constant or a name (parameter, calculation, field); nothing for a calculated expression. */
function exprValue(e: Ir.Expr): string | undefined {
  switch (e.kind) {
    case 'const':
      return constText(e.value, e.type);
    case 'param':
    case 'calc':
    case 'field':
      return e.name;
    default:
      return undefined;
  }
}

/** An expression part (tarief, hoeveelheid, maximum, …), with both sides when they are values or names. */
function exprPart(part: string, a: Ir.Expr | undefined, b: Ir.Expr | undefined): string[] {
  if (same(a, b)) return [];
  const x = a && exprValue(a);
  const y = b && exprValue(b);
  if (a === undefined) return [y === undefined ? `${part} toegevoegd` : `${part} ${y} toegevoegd`];
  if (b === undefined) return [x === undefined ? `${part} vervallen` : `${part} ${x} vervallen`];
  return [x !== undefined && y !== undefined ? `${part} ${x} → ${y}` : `${part} gewijzigd`];
}

/**
 * A parameter's value when a side is calculated (`x`, `y`: the written values after indexation, if any):
 * 'waarde € 12,50 per rit → berekend'.
 */
function valuePart(a: Ir.Expr, b: Ir.Expr, x: string | undefined, y: string | undefined): string[] {
  if (same(a, b) && x === y) return [];
  return x === undefined && y === undefined
    ? ['waarde gewijzigd']
    : [`waarde ${x ?? 'berekend'} → ${y ?? 'berekend'}`];
}

/** "op centen, half naar boven" (the engine's text without its "afgerond"). */
const rounding = (r: Ir.Rounding): string => roundingText(r).replace(/^afgerond /, '');

function roundingPart(a: Ir.Rounding | undefined, b: Ir.Rounding | undefined): string[] {
  if (same(a, b)) return [];
  if (a === undefined) return [`afronding ${rounding(b as Ir.Rounding)} toegevoegd`];
  if (b === undefined) return [`afronding ${rounding(a)} vervallen`];
  return [`afronding ${rounding(a)} → ${rounding(b)}`];
}

function plainPart(part: string, a: string, b: string): string[] {
  return a === b ? [] : [`${part} ${a} → ${b}`];
}

/** Named sub-items (values of a domain, variants of a module): added, withdrawn, changed, reordered. */
function namedParts<T extends { readonly name: string }>(
  what: string,
  plural: string,
  a: readonly T[],
  b: readonly T[],
  parts: (x: T, y: T) => string[],
): string[] {
  const out: string[] = [];
  const right = new Map(b.map((y) => [y.name, y]));
  const left = new Map(a.map((x) => [x.name, x]));
  for (const x of a) {
    const y = right.get(x.name);
    if (y === undefined) out.push(`${what} ${x.name} vervallen`);
    else for (const p of parts(x, y)) out.push(`${what} ${x.name}: ${p}`);
  }
  for (const y of b) if (!left.has(y.name)) out.push(`${what} ${y.name} toegevoegd`);
  const common = (xs: readonly T[], other: Map<string, T>) =>
    xs.filter((x) => other.has(x.name)).map((x) => x.name);
  if (common(a, right).join('\n') !== common(b, left).join('\n'))
    out.push(`volgorde van de ${plural} gewijzigd`);
  return out;
}

/** Conditions of a module, paired by their reason, then by their condition. */
function conditionParts(a: readonly Ir.ConditionDef[], b: readonly Ir.ConditionDef[]): string[] {
  const out: string[] = [];
  const left = [...a];
  const right = [...b];
  const take = <T>(xs: T[], pick: (x: T) => boolean): T | undefined => {
    const i = xs.findIndex(pick);
    return i < 0 ? undefined : xs.splice(i, 1)[0];
  };
  const pairs: [Ir.ConditionDef, Ir.ConditionDef][] = [];
  for (const x of [...left]) {
    const y = take(right, (c) => c.reason === x.reason);
    if (y !== undefined) pairs.push([take(left, (c) => c === x) as Ir.ConditionDef, y]);
  }
  for (const x of [...left]) {
    const y = take(right, (c) => same(c.when, x.when));
    if (y !== undefined) pairs.push([take(left, (c) => c === x) as Ir.ConditionDef, y]);
  }
  for (const [x, y] of pairs) {
    if (x.reason !== y.reason) out.push(`reden van een voorwaarde ${quoted(x.reason)} → ${quoted(y.reason)}`);
    else if (!same(x.when, y.when)) out.push(`voorwaarde ${quoted(x.reason)} gewijzigd`);
  }
  for (const x of left) out.push(`voorwaarde ${quoted(x.reason)} vervallen`);
  for (const y of right) out.push(`voorwaarde ${quoted(y.reason)} toegevoegd`);
  if (out.length === 0 && !same(a, b)) out.push('volgorde van de voorwaarden gewijzigd');
  return out;
}

const range = (w: Ir.BandwidthDef): string =>
  `van ${dutch(dec(w.from))} tot ${quantityText(dec(w.to), w.unit)}${w.per ? ` per ${w.per}` : ''}`;

const keysText = (t: Ir.TableDef): string => {
  const rows = t.keys.slice(0, t.rowKeyCount).join(', ');
  const columns = t.keys.slice(t.rowKeyCount).join('/');
  return `rijen ${rows}${columns ? `, kolommen ${columns}` : ''}`;
};

/** What changed in a declaration that is in both versions, one Dutch phrase per part. */
export const details = {
  domein: (a: Ir.DomainDef, b: Ir.DomainDef): string[] => [
    ...textPart('omschrijving', a.label, b.label),
    ...namedParts('waarde', 'waarden', a.values, b.values, (x, y) =>
      textPart('omschrijving', x.description, y.description),
    ),
  ],
  bandbreedte: (a: Ir.BandwidthDef, b: Ir.BandwidthDef): string[] => plainPart('bereik', range(a), range(b)),
  invoer: (a: Ir.FieldDef, b: Ir.FieldDef): string[] => [
    ...plainPart('type', typeText(a.type), typeText(b.type)),
    ...(a.optional !== b.optional
      ? [b.optional ? 'nu optioneel (was verplicht)' : 'nu verplicht (was optioneel)']
      : []),
  ],
  /**
   * Two written values are shown as old → new (`x`, `y`: their text after indexation); this covers the rest:
   * a calculated value, the bron.
   */
  parameter: (a: Ir.ParameterDef, b: Ir.ParameterDef, x?: string, y?: string): string[] => [
    ...(x !== undefined && y !== undefined
      ? []
      : [...plainPart('type', typeText(a.type), typeText(b.type)), ...valuePart(a.value, b.value, x, y)]),
    ...textPart('bron', a.source, b.source),
  ],
  tabel: (a: Ir.TableDef, b: Ir.TableDef): string[] => [
    ...textPart('omschrijving', a.label, b.label),
    ...plainPart('eenheid', tableUnitText(a.type), tableUnitText(b.type)),
    ...plainPart('sleutels', keysText(a), keysText(b)),
    ...textPart('bron', a.source, b.source),
  ],
  berekening: (a: Ir.CalcDef, b: Ir.CalcDef): string[] => [
    ...plainPart('type', typeText(a.type), typeText(b.type)),
    ...exprPart('uitdrukking', a.value, b.value),
  ],
  budget: (a: Ir.BudgetDef, b: Ir.BudgetDef): string[] => [
    ...exprPart('tarief', a.rate, b.rate),
    ...plainPart('eenheid', a.unit, b.unit),
    ...exprPart('hoeveelheid', a.quantity, b.quantity),
    ...roundingPart(a.rounding, b.rounding),
    ...exprPart('indicatieve uren', a.hours, b.hours),
  ],
  module: (a: Ir.ModuleDef, b: Ir.ModuleDef): string[] => [
    ...textPart('omschrijving', a.label, b.label),
    ...textPart('bron', a.source, b.source),
    ...exprPart('tarief', a.rate, b.rate),
    ...(a.unit !== undefined && b.unit !== undefined ? plainPart('eenheid', a.unit, b.unit) : []),
    ...namedParts('variant', 'varianten', a.variants, b.variants, (x, y) => [
      ...textPart('omschrijving', x.label, y.label),
      ...exprPart('tarief', x.rate, y.rate),
      ...plainPart('eenheid', x.unit, y.unit),
    ]),
    ...exprPart('hoeveelheid', a.quantity, b.quantity),
    ...exprPart('maximum', a.cap, b.cap),
    ...exprPart('maximum op de hoeveelheid', a.quantityCap?.limit, b.quantityCap?.limit),
    ...roundingPart(a.rounding, b.rounding),
    ...conditionParts(a.conditions, b.conditions),
  ],
  regel: (a: Ir.RuleDef, b: Ir.RuleDef): string[] => [
    ...(a.scope !== b.scope ? [`beoordeelt nu ${SCOPE_TEXT[b.scope]} (was ${SCOPE_TEXT[a.scope]})`] : []),
    ...exprPart('voorwaarde', a.when, b.when),
    ...plainPart('ernst', a.severity, b.severity),
    ...textPart('melding', a.message, b.message),
  ],
  voorziening: (a: Ir.ProvisionDef, b: Ir.ProvisionDef): string[] =>
    textPart('omschrijving', a.label, b.label),
  eenheid: (a: Ir.UnitDef, b: Ir.UnitDef): string[] => [
    ...plainPart('meervoud', a.plural, b.plural),
    ...textPart('omschrijving', a.label, b.label),
    ...plainPart('iStandaard-eenheid', a.eenheid ?? '-', b.eenheid ?? '-'),
  ],
} as const;
