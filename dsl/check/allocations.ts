/**
 * Checks the `toewijzing` declarations (iStandaard mappings) of one version. A ruleset without any toewijzing
 * is not checked at all (the mapping is opt-in); once it has one, the result budget and every module need one.
 * Per mapping: the module exists, the unit is an iStandaard Eenheid that fits the tariff's unit, the keys are
 * domain fields the item can see, every row has valid key values and a category of the wet it is for, product
 * codes have at most 5 characters, and every combination of key values has a row.
 */
import type { AllocationDecl, Unit } from '../ast/ast.js';
import type { AllocationDef, AllocationKey, AllocationRowDef, InputLevel } from '../ir/ir.js';
import {
  isIstandaardWet,
  MAX_PRODUCT_CODE,
  PRODUCT_CATEGORIES,
  type IstandaardWet,
} from '../ir/istandaard.js';
import { span } from '../text/span.js';
import type { CheckedBudget, CheckedModule } from './declarations.js';
import { levelsOf, type Env } from './env.js';
import { nodeId } from './expr.js';
import type { Eff } from './items.js';
import { suggest } from './suggest.js';
import { allocationUnitOf } from './units.js';

/** An allocation as the lowering needs it (origin filled in by `lower`). */
export type CheckedAllocation = Omit<AllocationDef, 'origin'> & { readonly eff: Eff<AllocationDecl> };

/** At most this many key combinations are enumerated for the completeness check. */
const MAX_COMBINATIONS = 20_000;
const PRODUCT_CODE = /^[A-Za-z0-9]+$/;

interface KeyInfo {
  readonly key: AllocationKey;
  readonly values: readonly string[];
  readonly domain: string;
}

export function checkAllocations(
  env: Env,
  budget: CheckedBudget | undefined,
  modules: readonly CheckedModule[],
): CheckedAllocation[] {
  const allocations = env.items.allocations;
  if (allocations.size === 0) return [];
  const first = [...allocations.values()][0];
  const wets = first === undefined ? [] : wetValues(env, first);
  if (first && !allocations.has('gemeente'))
    env.reporter.report(first.origin.file, 'RW7012', headSpan(first.decl));
  if (budget && !allocations.has('resultaat')) {
    const d = budget.eff.decl;
    env.reporter.report(
      budget.eff.origin.file,
      'RW7001',
      span(d.span.start, d.span.start + 'budget'.length),
      ['Het budget per resultaat', 'resultaat'],
    );
  }
  for (const m of modules) {
    const name = m.eff.decl.name;
    if (!allocations.has(`module:${name.text}`))
      env.reporter.report(m.eff.origin.file, 'RW7001', name.span, [
        `Module '${name.text}'`,
        `module ${name.text}`,
      ]);
  }
  const out: CheckedAllocation[] = [];
  for (const eff of allocations.values()) {
    const checked = checkOne(eff, env, budget, modules, wets);
    if (checked) out.push(checked);
  }
  return out;
}

const headSpan = (d: AllocationDecl) => span(d.span.start, d.span.start + 'toewijzing'.length);

/** The iStandaard wetten of the `wet` field's domain; reports RW7010 when there is no usable field. */
function wetValues(env: Env, first: Eff<AllocationDecl>): IstandaardWet[] {
  const report = (why: string): IstandaardWet[] => {
    env.reporter.report(
      first.origin.file,
      'RW7010',
      first.decl.span.start === first.decl.span.end
        ? first.decl.span
        : span(first.decl.span.start, first.decl.span.start + 'toewijzing'.length),
      [why],
    );
    return [];
  };
  const field = env.fields.beschikking.get('wet');
  if (!field) return report("'invoer beschikking' heeft geen veld wet");
  if (field.type.kind !== 'domain') return report('het veld wet heeft geen domein');
  const values = env.domains.get(field.type.name)?.values ?? [];
  const wets = values.filter(isIstandaardWet);
  if (wets.length === 0) return report(`het domein ${field.type.name} heeft de waarden ${values.join(', ')}`);
  return wets;
}

function checkOne(
  eff: Eff<AllocationDecl>,
  env: Env,
  budget: CheckedBudget | undefined,
  modules: readonly CheckedModule[],
  wets: readonly IstandaardWet[],
): CheckedAllocation | undefined {
  const d = eff.decl;
  const file = eff.origin.file;
  const report = env.reporter.report.bind(env.reporter, file);
  let units: Unit[] = [];
  let what = 'het budget per resultaat';
  let variants: string[] | undefined;
  if (d.target === 'module') {
    const name = d.module?.text ?? '';
    const m = modules.find((x) => x.eff.decl.name.text === name);
    if (!m) {
      report(
        'RW7002',
        d.module?.span ?? d.span,
        [name],
        suggest(
          name,
          modules.map((x) => x.eff.decl.name.text),
        ),
      );
      return undefined;
    }
    what = `module ${name}`;
    units = m.variants.length > 0 ? m.variants.map((v) => v.unit) : m.unit ? [m.unit] : [];
    variants = m.eff.decl.variants.length > 0 ? m.eff.decl.variants.map((v) => v.name.text) : undefined;
  } else if (budget) units = [budget.unit];

  if (d.target === 'gemeente') return checkMunicipalityCodes(eff, env);
  if (!d.unit) {
    report('RW7008', headSpan(d), [
      "Schrijf hoe het bedrag wordt uitgedrukt: 'in euro's totaal', of een volume zoals 'in etmalen totaal'.",
    ]);
    return undefined;
  }
  const unit = allocationUnitOf(d.unit, env.units, file, env.reporter);
  if (!unit) return undefined;
  if (unit.eenheid !== '83') {
    const fits = Object.keys(unit.from);
    for (const u of new Set(units)) {
      if (!fits.includes(u))
        report('RW7006', d.unit.span, [
          unit.word,
          what,
          env.units.plural(u),
          fits.map((f) => env.units.plural(f)).join(', '),
        ]);
    }
  }

  const scope: 'resultaat' | 'module' = d.target === 'module' ? 'module' : 'resultaat';
  const keys: KeyInfo[] = [];
  let keysOk = true;
  for (const k of d.keys) {
    const info = keyInfo(k.text, scope, env, variants);
    if (info) keys.push(info);
    else {
      keysOk = false;
      const usable = levelsOf(scope)
        .flatMap((level) =>
          [...env.fields[level]].filter(([, f]) => f.type.kind === 'domain').map(([n]) => n),
        )
        .concat(variants ? ['variant'] : []);
      report('RW7007', k.span, [k.text, usable.join(', '), variants ? '' : ''], suggest(k.text, usable));
    }
  }
  const wetIndex = keys.findIndex((k) => k.key.level === 'beschikking' && k.key.name === 'wet');

  const rows: AllocationRowDef[] = [];
  const seen = new Set<string>();
  for (const r of d.rows) {
    if (keysOk && r.keys.length !== keys.length) {
      report('RW7008', r.span, [
        `Deze rij heeft ${r.keys.length} sleutelwaarde(n), de toewijzing noemt ${keys.length} sleutel(s)${keys.length > 0 ? ` (${keys.map((k) => k.key.name).join(', ')})` : ''}.`,
      ]);
      continue;
    }
    let rowOk = keysOk;
    r.keys.forEach((v, i) => {
      const k = keys[i];
      if (k && !k.values.includes(v.text)) {
        rowOk = false;
        report(
          'RW7008',
          v.span,
          [`'${v.text}' is geen waarde van ${k.domain} (${k.values.join(', ')}).`],
          suggest(v.text, k.values),
        );
      }
    });
    if (!r.category) {
      report('RW7008', r.span, [
        "Deze rij noemt geen productcategorie: schrijf 'categorie <code>' (of 'categorie -').",
      ]);
      continue;
    }
    const id = r.keys.map((k) => k.text).join('/');
    if (rowOk && seen.has(id)) {
      report('RW7008', r.span, [`Dubbele rij voor ${id}: elke combinatie staat één keer in de toewijzing.`]);
      continue;
    }
    seen.add(id);
    const category = r.category.text === '-' ? null : r.category.text;
    if (category !== null) {
      const rowWet = wetIndex >= 0 ? r.keys[wetIndex]?.text : undefined;
      const forWets = rowWet === undefined ? wets : isIstandaardWet(rowWet) ? [rowWet] : [];
      if (rowWet !== undefined && !isIstandaardWet(rowWet) && rowOk)
        report('RW7004', r.category.span, [
          category,
          `bij wet ${rowWet} (alleen jeugdwet en wmo hebben een iStandaard; schrijf 'categorie -')`,
          '-',
        ]);
      for (const w of forWets) {
        const list = PRODUCT_CATEGORIES[w];
        if (!Object.hasOwn(list, category)) {
          report('RW7004', r.category.span, [
            category,
            w === 'jeugdwet' ? 'van de Jeugdwet (iJw)' : 'van de Wmo (iWmo)',
            Object.keys(list).sort().join(', '),
          ]);
          break;
        }
      }
    }
    if (r.code && (r.code.value.length > MAX_PRODUCT_CODE || !PRODUCT_CODE.test(r.code.value)))
      report('RW7003', r.code.span, [r.code.value, r.code.value.length]);
    if (rowOk)
      rows.push({
        keys: r.keys.map((k) => k.text),
        category,
        code: r.code?.value,
        origin: { id: nodeId(file, 'AllocationRow', r.span), span: r.span },
      });
  }

  if (keysOk) {
    const missing = missingCombinations(keys, seen);
    if (missing.list.length > 0) {
      const shown = keys.length === 0 ? "de rij 'categorie … code …'" : missing.list.slice(0, 5).join('; ');
      const more = missing.count > 5 ? ` en nog ${missing.count - 5}` : '';
      report('RW7009', span(d.span.start, d.span.start + 'toewijzing'.length), [
        missing.count === 1 ? 'een rij' : `${missing.count} rijen`,
        shown + more,
      ]);
    }
  }

  return {
    eff,
    target: d.target,
    module: d.module?.text,
    label: d.label?.value,
    eenheid: unit.eenheid,
    factors: unit.from,
    keys: keys.map((k) => k.key),
    rows,
    source: d.source?.value,
  };
}

/** `toewijzing gemeente`: keyed on the case's `gemeente`, one 4-digit CBS code per value, nothing else. */
function checkMunicipalityCodes(eff: Eff<AllocationDecl>, env: Env): CheckedAllocation | undefined {
  const d = eff.decl;
  const report = env.reporter.report.bind(env.reporter, eff.origin.file);
  if (d.unit)
    report('RW7008', d.unit.span, [
      "'toewijzing gemeente' heeft geen eenheid: alleen een code per gemeente.",
    ]);
  const key =
    d.keys.length === 1 && d.keys[0] ? keyInfo(d.keys[0].text, 'beschikking', env, undefined) : undefined;
  if (!key || key.key.name !== 'gemeente') {
    report('RW7007', d.keys[0]?.span ?? headSpan(d), [
      d.keys.map((k) => k.text).join(', ') || '(geen)',
      'gemeente',
      ": schrijf 'rijen gemeente'",
    ]);
    return undefined;
  }
  const rows: AllocationRowDef[] = [];
  const seen = new Set<string>();
  for (const r of d.rows) {
    const value = r.keys[0];
    if (r.keys.length !== 1 || !value || !key.values.includes(value.text)) {
      report(
        'RW7008',
        value?.span ?? r.span,
        [
          `'${r.keys.map((k) => k.text).join(' ')}' is geen waarde van ${key.domain} (${key.values.join(', ')}).`,
        ],
        suggest(value?.text ?? '', key.values),
      );
      continue;
    }
    if (r.category)
      report('RW7008', r.category.span, [
        'Een gemeente heeft geen productcategorie: schrijf alleen \'code "0141"\'.',
      ]);
    if (!r.code || !/^\d{4}$/.test(r.code.value)) {
      report('RW7011', r.code?.span ?? r.span, [r.code?.value ?? '', value.text]);
      continue;
    }
    if (seen.has(value.text)) {
      report('RW7008', r.span, [
        `Dubbele rij voor ${value.text}: elke gemeente staat één keer in de toewijzing.`,
      ]);
      continue;
    }
    seen.add(value.text);
    rows.push({
      keys: [value.text],
      category: null,
      code: r.code.value,
      origin: { id: nodeId(eff.origin.file, 'AllocationRow', r.span), span: r.span },
    });
  }
  const missing = key.values.filter((v) => !seen.has(v));
  if (missing.length > 0)
    report('RW7009', headSpan(d), [
      missing.length === 1 ? 'een rij' : `${missing.length} rijen`,
      missing.join(', '),
    ]);
  return {
    eff,
    target: 'gemeente',
    module: undefined,
    label: d.label?.value,
    eenheid: undefined,
    factors: {},
    keys: [key.key],
    rows,
    source: d.source?.value,
  };
}

function keyInfo(
  name: string,
  scope: 'resultaat' | 'module' | 'beschikking',
  env: Env,
  variants: readonly string[] | undefined,
): KeyInfo | undefined {
  if (scope === 'module' && name === 'variant' && variants)
    return { key: { level: 'module', name }, values: variants, domain: 'de varianten' };
  for (const level of levelsOf(scope) as readonly InputLevel[]) {
    const f = env.fields[level].get(name);
    if (!f) continue;
    if (f.type.kind !== 'domain') return undefined;
    const values = env.domains.get(f.type.name)?.values;
    return values ? { key: { level, name }, values, domain: f.type.name } : undefined;
  }
  return undefined;
}

function missingCombinations(
  keys: readonly KeyInfo[],
  seen: ReadonlySet<string>,
): { list: string[]; count: number } {
  let total = 1;
  for (const k of keys) total *= k.values.length;
  if (total > MAX_COMBINATIONS) return { list: [], count: 0 };
  const list: string[] = [];
  let count = 0;
  const walk = (i: number, acc: string[]): void => {
    if (i === keys.length) {
      if (!seen.has(acc.join('/'))) {
        count++;
        if (list.length < 5) list.push(acc.join(' '));
      }
      return;
    }
    for (const v of keys[i]?.values ?? []) walk(i + 1, [...acc, v]);
  };
  walk(0, []);
  return { list, count };
}
