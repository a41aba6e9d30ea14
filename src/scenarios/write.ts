/**
 * A case and its outcome written as a scenario in the rules language (dsl/README.md, "Scenario's"): the case as
 * `gegeven`, and as `verwacht` what the outcome is now (total, each result's budget, each module's amount and
 * decision, the rules that reported). The playground offers it as "Opslaan als scenario": the advisor confirms
 * the expected amounts before saving the file; `regelwerk test` then guards them.
 */
import { isBareName, type Ir } from '../../dsl/index.js';
import { Dec } from '../engine/decimal.js';
import type { Evaluation } from '../engine/result.js';
import { euro } from './run.js';

type Json = Ir.JsonValue;
type Item = { readonly [k: string]: Json };

const isItem = (v: unknown): v is Item => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A decimal string in the language's notation: "12.5" → "12,5", "-3" → "-3". */
function dutchDecimal(s: string): string {
  return s.replace('.', ',');
}

/** Fields whose value names a result (its id) or a variant: written bare (`resultaat = r1`) when it is a name. */
const NAMING_FIELDS: ReadonlySet<string> = new Set(['resultaat', 'variant']);

/** One value as a literal of the language, by the field's declared type (undefined: cannot be written). */
function literal(name: string, value: Json, type: Ir.Type | undefined): string | undefined {
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'number') return dutchDecimal(String(value));
  if (isItem(value)) {
    const { van, tot } = value;
    return typeof van === 'string' && typeof tot === 'string' ? `${van} tot ${tot}` : undefined;
  }
  if (typeof value !== 'string') return undefined;
  if (NAMING_FIELDS.has(name) && isBareName(value)) return value;
  switch (type?.kind) {
    case 'number':
    case 'quantity':
    case 'money':
    case 'rate':
      return /^-?\d+(\.\d+)?$/.test(value) ? dutchDecimal(value) : JSON.stringify(value);
    case 'percent':
      return /^-?\d+(\.\d+)?$/.test(value)
        ? `${dutchDecimal(new Dec(value).times(100).toFixed())} %`
        : undefined;
    case 'text':
      return JSON.stringify(value);
    case 'date':
    case 'domain':
      return value;
    default:
      // An unknown field: a bare name when it is one, text otherwise.
      return isBareName(value) || /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : JSON.stringify(value);
  }
}

function assignments(item: Item, fields: readonly Ir.FieldDef[], skip: readonly string[]): string {
  const types = new Map(fields.map((f) => [f.name, f.type]));
  const parts: string[] = [];
  for (const [k, v] of Object.entries(item)) {
    if (skip.includes(k) || v === null || v === undefined) continue;
    const lit = literal(k, v, types.get(k));
    if (lit !== undefined) parts.push(`${k} = ${lit}`);
  }
  return parts.join(', ');
}

export interface ScenarioSource {
  readonly name: string;
  readonly casus: unknown;
  readonly evaluation: Evaluation;
  readonly input: Ir.InputDef;
}

/** The scenario text (with a trailing newline), indented as `regelwerk fmt` writes it. */
export function scenarioText({ name, casus, evaluation, input }: ScenarioSource): string {
  const c = isItem(casus) ? casus : {};
  const lines = [`scenario ${JSON.stringify(name)}`, '  gegeven'];
  const beschikking = assignments(
    Object.fromEntries(Object.entries(c).filter(([k]) => k !== 'resultaten' && k !== 'modules')),
    input.beschikking,
    [],
  );
  for (const a of beschikking === '' ? [] : beschikking.split(', ')) lines.push(`    ${a}`);
  const results = Array.isArray(c.resultaten) ? c.resultaten.filter(isItem) : [];
  const ids: string[] = [];
  results.forEach((r, i) => {
    const id = typeof r.id === 'string' && r.id !== '' ? r.id : `r${i + 1}`;
    ids.push(id);
    lines.push(`    resultaat ${id}: ${assignments(r, input.resultaat, ['id'])}`);
  });
  const modules = Array.isArray(c.modules) ? c.modules.filter(isItem) : [];
  for (const m of modules) {
    const name = typeof m.module === 'string' ? m.module : '';
    const id = typeof m.id === 'string' && m.id !== '' ? ` ${m.id}` : '';
    const rest = assignments(m, input.module, ['module', 'id']);
    lines.push(`    module ${name}${id}${rest === '' ? '' : `: ${rest}`}`);
  }
  lines.push(...expectations(evaluation, ids));
  return lines.join('\n') + '\n';
}

function expectations(ev: Evaluation, ids: readonly string[]): string[] {
  if (!ev.ok) return ['  verwacht ongeldig'];
  const out = [`  verwacht totaal = ${euro(ev.total)}`];
  for (const id of ids) {
    const own = ev.lines.filter((l) => l.kind === 'resultaat' && l.ref === id);
    if (own.length === 1 && own[0] !== undefined)
      out.push(`  verwacht resultaat ${id} = ${euro(own[0].amount)}`);
  }
  const moduleNames = [...new Set(ev.decisions.map((d) => d.module))];
  for (const m of moduleNames) {
    const own = ev.lines.filter((l) => l.kind === 'module' && l.key.split('/')[0] === m);
    if (own.length === 1 && own[0] !== undefined) out.push(`  verwacht module ${m} = ${euro(own[0].amount)}`);
    const ds = ev.decisions.filter((d) => d.module === m);
    if (ds.every((d) => d.allowed)) out.push(`  verwacht module ${m} toegestaan`);
    else if (ds.every((d) => !d.allowed)) out.push(`  verwacht module ${m} geweigerd`);
  }
  const reported = (severity: 'fout' | 'waarschuwing') => [
    ...new Set(
      ev.diagnostics.filter((d) => d.severity === severity && d.rule !== 'invoer').map((d) => d.rule),
    ),
  ];
  for (const rule of reported('fout')) out.push(`  verwacht fout ${JSON.stringify(rule)}`);
  for (const rule of reported('waarschuwing')) out.push(`  verwacht waarschuwing ${JSON.stringify(rule)}`);
  if (ev.diagnostics.every((d) => d.severity !== 'fout')) out.push('  verwacht geen fouten');
  return out;
}

/** A scenario name not yet used in the text ("Naam", "Naam (2)", …). */
export function freeScenarioName(text: string, wanted: string): string {
  const used = new Set([...text.matchAll(/^scenario\s+"((?:[^"\\]|\\.)*)"/gm)].map((m) => m[1]));
  if (!used.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!used.has(`${wanted} (${i})`)) return `${wanted} (${i})`;
}
