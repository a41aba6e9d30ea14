/**
 * Lowering: a checked version (see dsl/check/check-version.ts) to a self-contained `Program`. Expressions were
 * typed and resolved by the checker; this assembles the definitions, each with the origin of the version that
 * wrote it (inherited items keep their own file, version and date), and the scenarios of the version's own file.
 */
import type { IndexationDecl, Rounding as AstRounding } from '../ast/ast.js';
import type { Span } from '../text/span.js';
import type { CheckedVersion } from '../check/check-version.js';
import { nodeId } from '../check/expr.js';
import type { Eff, VersionRef } from '../check/items.js';
import { T } from '../check/types.js';
import { percentToFraction } from '../check/decimal-string.js';
import type {
  Adjustment,
  DefOrigin,
  FieldDef,
  IndexSelection,
  Program,
  Rounding,
  Type,
  UnitDef,
} from './ir.js';
import { BUILTIN_FIELDS } from '../check/items.js';

const defOrigin = (ref: VersionRef, kind: string, span: Span): DefOrigin => ({
  id: nodeId(ref.file, kind, span),
  span,
  file: ref.file,
  version: ref.version,
  validFrom: ref.validFrom,
});

const rounding = (r: AstRounding | undefined): Rounding | undefined =>
  r ? { decimals: r.decimals, mode: r.mode } : undefined;

/**
 * An indexation as it applies to a table with `keys` (or to a parameter, without keys): a partial indexation
 * (`voor ondersteuningsbehoefte OB2`) gets the positions of its domains in that table's keys.
 */
const adjustment = (a: Eff<IndexationDecl>, keys?: readonly string[]): Adjustment => {
  const sel = a.decl.selection;
  return {
    fraction: percentToFraction(a.decl.percent.value),
    rounding: rounding(a.decl.rounding),
    origin: defOrigin(a.origin, 'IndexationDecl', a.decl.span),
    ...(sel === undefined || keys === undefined
      ? {}
      : {
          selection: sel.map((p): IndexSelection => ({
            domain: p.domain?.text ?? '',
            key: p.domain === undefined ? -1 : keys.indexOf(p.domain.text),
            values: p.values.map((v) => v.text),
          })),
        }),
  };
};

export function lower(c: CheckedVersion): Program {
  const { node, env } = c;
  const items = node.items;
  const h = node.header;
  const headerSpan = h.span;

  const input = (level: 'beschikking' | 'resultaat' | 'module'): FieldDef[] => [
    ...BUILTIN_FIELDS[level].map((b): FieldDef => ({
      name: b.name,
      type: env.fields[level].get(b.name)?.type ?? T.text,
      optional: b.optional,
      origin: defOrigin(node.ref, `builtin-${level}-${b.name}`, headerSpan),
    })),
    ...[...items.fields[level].values()].map((f): FieldDef => ({
      name: f.decl.name.text,
      type: env.fields[level].get(f.decl.name.text)?.type ?? T.error,
      optional: f.decl.optional,
      origin: defOrigin(f.origin, 'FieldDecl', f.decl.span),
    })),
  ];

  const domains = [...items.domains.values()].map((d) => ({
    name: d.decl.name.text,
    label: d.decl.label?.value,
    values: d.decl.values.map((v) => ({ name: v.name.text, description: v.description?.value })),
    origin: defOrigin(d.origin, 'DomainDecl', d.decl.span),
  }));
  // The bandbreedte domain implied by the bandwidth lines.
  const first = items.bandwidths[0];
  const bw = env.domains.get('bandbreedte');
  if (first && bw && !items.domains.has('bandbreedte')) {
    domains.push({
      name: 'bandbreedte',
      label: 'Bandbreedte',
      values: bw.values.map((name) => ({ name, description: undefined })),
      origin: defOrigin(first.origin, 'BandwidthDomain', first.decl.span),
    });
  }

  const paramType = (name: string): Type => env.params.get(name)?.type ?? T.error;

  return {
    kind: 'Program',
    ruleset: node.ruleset,
    version: node.version,
    base: h.base?.value,
    validFrom: h.validFrom.value,
    validTo: h.validTo?.value,
    status: h.status ?? 'concept',
    source: h.source?.value,
    municipality: node.municipality,
    file: node.ref.file,
    domains,
    bandwidths: items.bandwidths.map((b) => ({
      name: b.decl.name.text,
      intensity: b.decl.intensity.text,
      from: b.decl.from.value,
      to: b.decl.to.value,
      unit: env.units.unit(b.decl.unit),
      per: b.decl.per === undefined ? undefined : env.units.unit(b.decl.per),
      origin: defOrigin(b.origin, 'BandwidthDecl', b.decl.span),
    })),
    input: { beschikking: input('beschikking'), resultaat: input('resultaat'), module: input('module') },
    parameters: [...items.parameters.values()].flatMap((p) => {
      const value = c.params.get(p.decl.name.text);
      return value
        ? [
            {
              name: p.decl.name.text,
              type: paramType(p.decl.name.text),
              value,
              source: p.decl.source?.value,
              origin: defOrigin(p.origin, 'ParameterDecl', p.decl.span),
              adjustments: p.adjustments.map((a) => adjustment(a)),
            },
          ]
        : [];
    }),
    tables: [...items.tables.values()].map((t) => {
      const keys = [...t.decl.rowKeys, ...t.decl.columnKeys].map((n) => n.text);
      return {
        name: t.decl.name.text,
        // The label and bron as last declared (a `wijzig tabel` may give new ones); each cell keeps its own bron.
        label: latest(t.parts, (d) => d.label?.value) ?? t.decl.label?.value,
        type: env.units.cellType(t.decl.unit),
        keys,
        rowKeyCount: t.decl.rowKeys.length,
        cells: c.tableCells.get(t.decl.name.text) ?? [],
        adjustments: t.adjustments.map((a) => adjustment(a, keys)),
        source: latest(t.parts, (d) => d.source?.value) ?? t.decl.source?.value,
        origin: defOrigin(t.origin, 'TableDecl', t.decl.span),
      };
    }),
    calcs: c.calcs.flatMap(({ name, ir }) => {
      const calc = items.calcs.get(name);
      return calc
        ? [
            {
              name,
              scope: calc.decl.scope,
              type: ir.type,
              value: ir,
              origin: defOrigin(calc.origin, 'CalcDecl', calc.decl.span),
            },
          ]
        : [];
    }),
    budget: c.budget && {
      rate: c.budget.rate,
      quantity: c.budget.quantity,
      rounding: rounding(c.budget.eff.decl.rounding),
      hours: c.budget.hours,
      unit: c.budget.unit,
      origin: defOrigin(c.budget.eff.origin, 'BudgetDecl', c.budget.eff.decl.span),
    },
    modules: c.modules.map((m) => {
      const d = m.eff.decl;
      const file = m.eff.origin.file;
      return {
        name: d.name.text,
        label: d.label?.value,
        rate: m.rate,
        unit: m.unit,
        variants: d.variants.map((v, i) => ({
          name: v.name.text,
          label: v.label?.value,
          rate: m.variants[i]?.rate ?? m.quantity,
          unit: m.variants[i]?.unit ?? 'week',
          origin: { id: nodeId(file, 'ModuleVariant', v.span), span: v.span },
        })),
        quantity: m.quantity,
        cap: m.cap,
        quantityCap: m.quantityCap,
        rounding: rounding(d.rounding),
        conditions: d.conditions.map((cd, i) => ({
          when: m.conditions[i] ?? m.quantity,
          reason: cd.reason.value,
          origin: { id: nodeId(file, 'Condition', cd.span), span: cd.span },
        })),
        source: d.source?.value,
        origin: defOrigin(m.eff.origin, 'ModuleDecl', d.span),
      };
    }),
    rules: [...items.rules.values()].flatMap((r) => {
      const when = c.rules.get(r.decl.name.value);
      return when
        ? [
            {
              name: r.decl.name.value,
              scope: r.decl.scope,
              when,
              severity: r.decl.severity,
              message: r.decl.message.value,
              origin: defOrigin(r.origin, 'RuleDecl', r.decl.span),
            },
          ]
        : [];
    }),
    provisions: c.provisions.map((p) => ({
      name: p.eff.decl.name.text,
      label: p.eff.decl.label?.value,
      amount: p.amount,
      per: p.per,
      origin: defOrigin(p.eff.origin, 'ProvisionDecl', p.eff.decl.span),
    })),
    scenarios: c.scenarios.map((s) => ({
      name: s.decl.name.value,
      casus: s.casus,
      expectations: s.expectations,
      origin: defOrigin(node.ref, 'ScenarioDecl', s.decl.span),
    })),
    allocations: c.allocations.map(({ eff, ...a }) => ({
      ...a,
      origin: defOrigin(eff.origin, 'AllocationDecl', eff.decl.span),
    })),
    // Declared units only when there are any: a program without them is the same data as before.
    ...(env.units.all.length > 0
      ? {
          units: env.units.all.map((u): UnitDef => ({
            name: u.name,
            plural: u.plural,
            label: u.label,
            eenheid: u.eenheid,
            origin: defOrigin(u.eff.origin, 'UnitDecl', u.eff.decl.span),
          })),
        }
      : {}),
  };
}

/** The last value `pick` finds in the parts of a declaration (the base first, then its amendments in order). */
function latest<D, T>(parts: readonly { readonly decl: D }[], pick: (d: D) => T | undefined): T | undefined {
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i];
    const v = part === undefined ? undefined : pick(part.decl);
    if (v !== undefined) return v;
  }
  return undefined;
}
