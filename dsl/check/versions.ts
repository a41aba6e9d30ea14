/**
 * Versions: the files of one folder form a graph by `regelset` + `versie` + `op basis van` (+ `gemeente`).
 * `resolveVersions` finds each version's base, reports unknown bases, cycles, duplicate ids, overlapping
 * periods and open-ended municipal overrides that shadow later regional versions, and computes each version's
 * effective declarations by applying its file to its base's items. `checkMunicipality` (called per checked
 * version) checks an override's municipality against the domain of the `gemeente` field.
 */
import type {
  Decl,
  Header,
  IndexationDecl,
  IndexSelector,
  ParameterDecl,
  RulesFile,
  ScenarioDecl,
  WithdrawDecl,
} from '../ast/ast.js';
import { printExpr } from '../ast/print-expr.js';
import type { DiagnosticSink } from '../diagnostics/diagnostic.js';
import { assertNever, type Span } from '../text/span.js';
import type { Env } from './env.js';
import {
  allocationKey,
  BUILTIN_FIELDS,
  copyItems,
  emptyItems,
  type EffParameter,
  type EffTable,
  type Items,
  type VersionRef,
} from './items.js';
import { suggest } from './suggest.js';

export interface SourceFile {
  readonly path: string;
  readonly ast: RulesFile;
  readonly sink: DiagnosticSink;
}

export interface VersionNode {
  readonly file: SourceFile;
  readonly header: Header;
  readonly ruleset: string;
  readonly version: string;
  readonly municipality: string | undefined;
  readonly ref: VersionRef;
  base: VersionNode | undefined;
  items: Items;
  readonly scenarios: readonly ScenarioDecl[];
}

const groupKey = (ruleset: string, municipality: string | undefined): string =>
  `${ruleset}\u0000${municipality ?? ''}`;

const isoLess = (a: string, b: string): boolean => a < b;

/** The folders of the files compiled together, for RW6001 ("gezocht in …"). */
function searchedFolders(files: readonly SourceFile[]): string {
  const dirs = new Set<string>();
  for (const f of files) {
    const cut = Math.max(f.path.lastIndexOf('/'), f.path.lastIndexOf('\\'));
    dirs.add(cut < 0 ? '.' : cut === 0 ? '/' : f.path.slice(0, cut));
  }
  return [...dirs].sort().join(', ');
}

/** RW6001's advice when the base is in none of the folders. */
const ELSEWHERE =
  'Staat de basis in een andere map, geef die dan mee: als extra pad (regelwerk check <map> <map-van-de-basis>), met --regels meermaals, of in een projectbestand regelwerk.json naast de regels.';

/**
 * RW6001's advice when the base version is there, but in a regelset whose name differs only in capitals or
 * by a typo (`Twents model` for `Twents Model`): the exact name to write.
 */
function namedElsewhere(
  ruleset: string,
  version: string,
  idsByRuleset: ReadonlyMap<string, readonly string[]>,
): string | undefined {
  const having = [...idsByRuleset]
    .filter(([r, ids]) => r !== ruleset && ids.includes(version))
    .map(([r]) => r);
  const exact = having.find((r) => r.toLowerCase() === ruleset.toLowerCase());
  const near = exact ?? suggest(ruleset, having)[0];
  if (near === undefined) return undefined;
  const how = exact !== undefined ? 'alleen in hoofdletters' : 'maar een paar letters';
  return `Versie '${version}' staat wel in regelset '${near}', een naam die ${how} verschilt van '${ruleset}': een regelset heet overal precies hetzelfde. Schrijf regelset "${near}".`;
}

/** Builds the version graph and every version's effective items. Files without a header are skipped. */
export function resolveVersions(files: readonly SourceFile[]): VersionNode[] {
  const nodes: VersionNode[] = [];
  const byId = new Map<string, VersionNode>();
  const idsByRuleset = new Map<string, string[]>();
  for (const file of files) {
    const h = file.ast.header;
    if (!h) continue;
    const node: VersionNode = {
      file,
      header: h,
      ruleset: h.ruleset.value,
      version: h.version.value,
      municipality: h.municipality?.text,
      ref: { file: file.path, version: h.version.value, validFrom: h.validFrom.value, bron: h.source?.value },
      base: undefined,
      items: emptyItems(),
      scenarios: file.ast.decls.filter((d): d is ScenarioDecl => d.kind === 'ScenarioDecl'),
    };
    const key = `${groupKey(node.ruleset, node.municipality)}\u0000${node.version}`;
    const dup = byId.get(key);
    if (dup) {
      file.sink.report('RW6003', h.version.span, [node.version, node.ruleset, dup.file.path]);
      continue;
    }
    byId.set(key, node);
    nodes.push(node);
    const ids = idsByRuleset.get(node.ruleset) ?? [];
    ids.push(node.version);
    idsByRuleset.set(node.ruleset, ids);
  }

  // Bases: same municipality first, then the regional version.
  for (const node of nodes) {
    const b = node.header.base;
    if (!b) {
      if (node.header.municipality) node.file.sink.report('RW6010', node.header.municipality.span);
      continue;
    }
    const base =
      byId.get(`${groupKey(node.ruleset, node.municipality)}\u0000${b.value}`) ??
      byId.get(`${groupKey(node.ruleset, undefined)}\u0000${b.value}`);
    if (!base) {
      // Never suggest the version itself as its own base; name the folders that were searched.
      const others = (idsByRuleset.get(node.ruleset) ?? []).filter((v) => v !== node.version);
      const named = namedElsewhere(node.ruleset, b.value, idsByRuleset);
      node.file.sink.report(
        'RW6001',
        b.span,
        [b.value, node.ruleset, searchedFolders(files), named ?? ELSEWHERE],
        named === undefined ? { suggestions: suggest(b.value, others) } : {},
      );
      continue;
    }
    node.base = base;
  }

  // Cycles: cut the base link where a cycle closes.
  const state = new Map<VersionNode, 'visiting' | 'done'>();
  for (const start of nodes) {
    const path: VersionNode[] = [];
    let n: VersionNode | undefined = start;
    while (n && state.get(n) !== 'done') {
      if (state.get(n) === 'visiting') {
        const from = path.indexOf(n);
        const cycle = path.slice(from);
        const chain = [...cycle, n].map((c) => `'${c.version}'`).join(' → ');
        for (const c of cycle) {
          if (c.header.base) c.file.sink.report('RW6002', c.header.base.span, [chain]);
        }
        const last = cycle[cycle.length - 1];
        if (last) last.base = undefined;
        break;
      }
      state.set(n, 'visiting');
      path.push(n);
      n = n.base;
    }
    for (const p of path) state.set(p, 'done');
  }

  checkOverlaps(nodes);
  checkOpenOverrides(nodes);

  // Effective items, bases first.
  const resolved = new Set<VersionNode>();
  const resolve = (n: VersionNode): void => {
    if (resolved.has(n)) return;
    resolved.add(n);
    if (n.base) resolve(n.base);
    n.items = applyFile(n, n.base ? copyItems(n.base.items) : emptyItems());
  };
  for (const n of nodes) resolve(n);
  return nodes;
}

/** Versions of one ruleset and municipality may not be in force on the same day. */
function checkOverlaps(nodes: readonly VersionNode[]): void {
  const groups = new Map<string, VersionNode[]>();
  for (const n of nodes) {
    const k = groupKey(n.ruleset, n.municipality);
    const g = groups.get(k) ?? [];
    g.push(n);
    groups.set(k, g);
  }
  for (const g of groups.values()) {
    g.sort((a, b) => (a.ref.validFrom < b.ref.validFrom ? -1 : a.ref.validFrom > b.ref.validFrom ? 1 : 0));
    for (let i = 1; i < g.length; i++) {
      const prev = g[i - 1];
      const next = g[i];
      if (!prev || !next) continue;
      const prevTo = prev.header.validTo?.value;
      const overlaps =
        prev.ref.validFrom === next.ref.validFrom ||
        (prevTo !== undefined && !isoLess(prevTo, next.ref.validFrom));
      if (overlaps) {
        next.file.sink.report('RW6004', next.header.validFrom.span, [
          next.version,
          next.ref.validFrom,
          prev.version,
          prev.ref.validFrom,
          prevTo ?? 'de volgende versie',
        ]);
      }
    }
  }
}

/** The ISO day before an ISO date. */
function dayBefore(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const t = Date.UTC(y ?? NaN, (m ?? NaN) - 1, (d ?? NaN) - 1);
  return Number.isNaN(t) ? iso : new Date(t).toISOString().slice(0, 10);
}

/**
 * RW6015: a municipal override without `geldig tot` is in force until the next override of its municipality
 * (see src/versions/timeline.ts), so a later regional version that starts before that next override never
 * reaches the municipality. Warns with the first such regional version.
 */
function checkOpenOverrides(nodes: readonly VersionNode[]): void {
  const byFrom = (a: VersionNode, b: VersionNode): number =>
    a.ref.validFrom < b.ref.validFrom ? -1 : a.ref.validFrom > b.ref.validFrom ? 1 : 0;
  for (const o of nodes) {
    const from = o.ref.validFrom;
    // Without a (parsable) start date the parser has already reported the header.
    if (o.municipality === undefined || o.header.validTo !== undefined || from === '') continue;
    const nextOwn = nodes
      .filter((n) => n.ruleset === o.ruleset && n.municipality === o.municipality && n.ref.validFrom > from)
      .sort(byFrom)[0];
    const shadowed = nodes
      .filter(
        (n) =>
          n.ruleset === o.ruleset &&
          n.municipality === undefined &&
          n.ref.validFrom > from &&
          (nextOwn === undefined || n.ref.validFrom < nextOwn.ref.validFrom),
      )
      .sort(byFrom)[0];
    if (!shadowed) continue;
    o.file.sink.report('RW6015', o.header.validFrom.span, [
      o.municipality,
      shadowed.version,
      shadowed.ref.validFrom,
      dayBefore(shadowed.ref.validFrom),
    ]);
  }
}

/**
 * RW6014: the engine picks an override when the case's `gemeente` equals the header's municipality exactly. When
 * the version's `invoer beschikking` has a field `gemeente` of a domain type, a municipality outside that domain
 * can never match a valid case.
 */
export function checkMunicipality(node: VersionNode, env: Env): void {
  const m = node.header.municipality;
  if (!m) return;
  const type = env.fields.beschikking.get('gemeente')?.type;
  if (type?.kind !== 'domain') return;
  const domain = env.domains.get(type.name);
  if (!domain || domain.index.has(m.text)) return;
  env.reporter.report(node.ref.file, 'RW6014', m.span, [m.text, domain.name], suggest(m.text, domain.values));
}

const DECL_WORD: Readonly<Record<string, string>> = {
  DomainDecl: 'domein',
  ParameterDecl: 'parameter',
  TableDecl: 'tabel',
  CalcDecl: 'berekening',
  BudgetDecl: 'budget',
  ModuleDecl: 'module',
  RuleDecl: 'regel',
  ProvisionDecl: 'voorziening',
  ScenarioDecl: 'scenario',
  AllocationDecl: 'toewijzing',
  UnitDecl: 'eenheid',
};

/** The identity of a declaration for replacement and duplicates, or undefined if it has none. */
function declKey(d: Decl): { key: string; name: string; span: Span } | undefined {
  switch (d.kind) {
    case 'DomainDecl':
    case 'ParameterDecl':
    case 'CalcDecl':
    case 'ModuleDecl':
    case 'ProvisionDecl':
    case 'UnitDecl':
      return { key: `${d.kind}:${d.name.text}`, name: d.name.text, span: d.name.span };
    case 'TableDecl':
      return d.amend ? undefined : { key: `${d.kind}:${d.name.text}`, name: d.name.text, span: d.name.span };
    case 'RuleDecl':
    case 'ScenarioDecl':
      return { key: `${d.kind}:${d.name.value}`, name: d.name.value, span: d.name.span };
    case 'BudgetDecl':
      return { key: 'BudgetDecl', name: 'voor elk resultaat', span: d.span };
    case 'AllocationDecl': {
      const k = allocationKey(d);
      return { key: `AllocationDecl:${k}`, name: k.replace(':', ' '), span: d.module?.span ?? d.span };
    }
    case 'BandwidthDecl':
      return {
        key: `BandwidthDecl:${d.intensity.text}/${d.name.text}`,
        name: d.name.text,
        span: d.name.span,
      };
    case 'InputDecl':
    case 'IndexationDecl':
    case 'WithdrawDecl':
      return undefined;
    default:
      return assertNever(d);
  }
}

/** Applies one version's own declarations to (a copy of) its base's items. */
function applyFile(node: VersionNode, items: Items): Items {
  const sink = node.file.sink;
  const origin = node.ref;
  const seen = new Set<string>();
  const ownBandwidths: Items['bandwidths'][number][] = [];
  const later: Decl[] = [];
  for (const d of node.file.ast.decls) {
    const k = declKey(d);
    if (k) {
      if (seen.has(k.key)) {
        if (d.kind === 'BandwidthDecl') sink.report('RW4106', d.span, [d.name.text, d.intensity.text]);
        else sink.report('RW2008', k.span, [DECL_WORD[d.kind] ?? d.kind, k.name]);
        continue;
      }
      seen.add(k.key);
    }
    switch (d.kind) {
      case 'DomainDecl':
        items.domains.set(d.name.text, { decl: d, origin });
        break;
      case 'BandwidthDecl':
        ownBandwidths.push({ decl: d, origin });
        break;
      case 'InputDecl': {
        const builtins = BUILTIN_FIELDS[d.level];
        const map = items.fields[d.level];
        for (const f of d.fields) {
          if (builtins.some((b) => b.name === f.name.text)) {
            sink.report('RW5001', f.name.span, [f.name.text, d.level]);
            continue;
          }
          const fk = `field:${d.level}:${f.name.text}`;
          if (seen.has(fk)) {
            sink.report('RW5002', f.name.span, [f.name.text, d.level]);
            continue;
          }
          seen.add(fk);
          map.set(f.name.text, { decl: f, origin });
        }
        break;
      }
      case 'ParameterDecl':
        items.parameters.set(d.name.text, { decl: d, origin, adjustments: [] });
        break;
      case 'TableDecl':
        if (d.amend) later.push(d);
        else
          items.tables.set(d.name.text, { decl: d, origin, parts: [{ decl: d, origin }], adjustments: [] });
        break;
      case 'CalcDecl':
        items.calcs.set(d.name.text, { decl: d, origin });
        break;
      case 'BudgetDecl':
        items.budget = { decl: d, origin };
        break;
      case 'ModuleDecl':
        items.modules.set(d.name.text, { decl: d, origin });
        break;
      case 'RuleDecl':
        items.rules.set(d.name.value, { decl: d, origin });
        break;
      case 'ProvisionDecl':
        items.provisions.set(d.name.text, { decl: d, origin });
        break;
      case 'AllocationDecl':
        items.allocations.set(allocationKey(d), { decl: d, origin });
        break;
      case 'UnitDecl':
        items.units.set(d.name.text, { decl: d, origin });
        break;
      case 'ScenarioDecl':
        break;
      case 'IndexationDecl':
      case 'WithdrawDecl':
        later.push(d);
        break;
      default:
        assertNever(d);
    }
  }
  if (ownBandwidths.length > 0) items.bandwidths = ownBandwidths;

  // Amendments, withdrawals and indexations act on the base (and this file's new declarations).
  for (const d of later) {
    // A base that is named but not found (RW6001) or cut from a cycle (RW6002) is already reported there:
    // no second message claiming that 'op basis van' is missing.
    if (!node.base && node.header.base) continue;
    if (!node.base) {
      const what =
        d.kind === 'TableDecl' ? 'wijzig tabel' : d.kind === 'WithdrawDecl' ? 'vervalt' : 'indexeer';
      sink.report('RW6009', d.kind === 'TableDecl' ? d.name.span : d.span, [what]);
      continue;
    }
    if (d.kind === 'TableDecl') {
      const t = items.tables.get(d.name.text);
      if (!t) {
        sink.report('RW6006', d.name.span, [d.name.text], {
          suggestions: suggest(d.name.text, items.tables.keys()),
        });
        continue;
      }
      items.tables.set(d.name.text, { ...t, parts: [...t.parts, { decl: d, origin }] });
    } else if (d.kind === 'WithdrawDecl') {
      withdraw(d, items, sink);
    } else if (d.kind === 'IndexationDecl') {
      index(d, origin, items, sink);
    }
  }
  return items;
}

const isAmountTable = (t: EffTable): boolean => t.decl.unit.kind === 'money' || t.decl.unit.kind === 'rate';

/**
 * What a parameter's written value is, for `indexeer`: undefined for an amount or rate written as a literal
 * (`€ 12,50`, `€ 12,50 per rit`), the only values an indexation can change; else a Dutch description.
 */
function notIndexable(p: ParameterDecl): string | undefined {
  const v = p.value;
  switch (v.kind) {
    case 'MoneyLit':
      return undefined;
    case 'PercentLit':
      return 'een percentage';
    case 'NumberLit':
      return 'een getal';
    case 'QuantityLit':
      return 'een hoeveelheid';
    case 'DateLit':
    case 'PeriodLit':
      return 'een datum';
    case 'StringLit':
      return 'een tekst';
    case 'BoolLit':
      return 'ja of nee';
    case 'Ref':
    case 'Lookup':
    case 'Call':
    case 'Binary':
    case 'Unary':
    case 'IfExpr':
    case 'InExpr':
    case 'EmptyTest':
    case 'ModuleRequested':
    case 'CountResults':
    case 'Rounded':
    case 'ErrorExpr':
      return 'een berekende waarde, geen geschreven bedrag';
    default:
      return assertNever(v);
  }
}

/** Does the table have every domain of a partial indexation's selection as a key? */
const hasKeys = (t: EffTable, selection: readonly IndexSelector[]): boolean =>
  selection.every(
    (p) =>
      p.domain !== undefined &&
      [...t.decl.rowKeys, ...t.decl.columnKeys].some((k) => k.text === p.domain?.text),
  );

/** A parameter value written by an earlier version than the indexation (the same rule as for table cells). */
const writtenBefore = (p: EffParameter, origin: VersionRef): boolean => p.origin.validFrom < origin.validFrom;

/**
 * `indexeer`: `alle tabellen` reaches every table with amounts or rates; `alle tarieven` also every parameter
 * with a written amount or rate from an earlier version; a list names tables or such parameters. With a
 * selection (`voor ondersteuningsbehoefte OB2`) `alle` reaches the tables with those keys and no parameter, and a
 * named parameter is an error (RW6603); the selection itself is checked per version (index-selection.ts).
 */
/** `met -100 %` or lower: the tariffs would become zero or negative (RW6801). */
function wipesOut(percent: string): boolean {
  if (!percent.startsWith('-')) return false;
  const whole = percent.slice(1).split('.')[0] ?? '0';
  return /^\d+$/.test(whole) && BigInt(whole) >= 100n;
}

function index(d: IndexationDecl, origin: VersionRef, items: Items, sink: DiagnosticSink): void {
  // A reduction of 100 % or more leaves no tariff (or a negative one): refused, and not applied.
  if (wipesOut(d.percent.value)) {
    sink.report('RW6801', d.percent.span, [printExpr(d.percent)]);
    return;
  }
  const adjustment = { decl: d, origin };
  const adjustTable = (name: string, t: EffTable): void => {
    items.tables.set(name, { ...t, adjustments: [...t.adjustments, adjustment] });
  };
  const adjustParameter = (name: string, p: EffParameter): void => {
    items.parameters.set(name, { ...p, adjustments: [...p.adjustments, adjustment] });
  };
  const selection = d.selection;
  if (d.all !== undefined || d.tables.length === 0) {
    for (const [name, t] of items.tables) {
      if (isAmountTable(t) && (selection === undefined || hasKeys(t, selection))) adjustTable(name, t);
    }
    // A partial indexation selects cells by key: parameters have none.
    if (d.all === 'tarieven' && selection === undefined) {
      for (const [name, p] of items.parameters) {
        if (notIndexable(p.decl) === undefined && writtenBefore(p, origin)) adjustParameter(name, p);
      }
    }
    return;
  }
  for (const n of d.tables) {
    const t = items.tables.get(n.text);
    if (t) {
      if (!isAmountTable(t)) {
        sink.report('RW6008', n.span, [n.text, t.decl.unit.kind === 'percent' ? 'percentages' : 'getallen']);
        continue;
      }
      adjustTable(n.text, t);
      continue;
    }
    const p = items.parameters.get(n.text);
    if (!p) {
      const candidates = [
        ...items.tables.keys(),
        ...[...items.parameters].filter(([, q]) => notIndexable(q.decl) === undefined).map(([k]) => k),
      ];
      sink.report('RW6011', n.span, [n.text], { suggestions: suggest(n.text, candidates) });
      continue;
    }
    if (selection !== undefined) {
      sink.report('RW6603', n.span, [n.text]);
      continue;
    }
    const what = notIndexable(p.decl);
    if (what !== undefined) {
      if (p.decl.value.kind !== 'ErrorExpr') sink.report('RW6012', n.span, [n.text, what]);
      continue;
    }
    if (!writtenBefore(p, origin)) {
      sink.report('RW6013', n.span, [n.text, printExpr(p.decl.value)]);
      continue;
    }
    adjustParameter(n.text, p);
  }
}

function withdraw(d: WithdrawDecl, items: Items, sink: DiagnosticSink): void {
  const name = d.name.kind === 'Name' ? d.name.text : d.name.value;
  const map: Map<string, unknown> = (() => {
    switch (d.target) {
      case 'tabel':
        return items.tables;
      case 'parameter':
        return items.parameters;
      case 'regel':
        return items.rules;
      case 'module':
        return items.modules;
      case 'berekening':
        return items.calcs;
      case 'voorziening':
        return items.provisions;
      case 'eenheid':
        return items.units;
      default:
        return assertNever(d.target);
    }
  })();
  // A withdrawn module takes its iStandaard mapping with it.
  if (d.target === 'module') items.allocations.delete(`module:${name}`);
  if (!map.delete(name)) {
    sink.report('RW6005', d.name.span, [d.target, name], { suggestions: suggest(name, map.keys()) });
  }
}

/** Orders versions for output: ruleset, municipality (regional first), effective date. */
export function compareVersions(a: VersionNode, b: VersionNode): number {
  return (
    a.ruleset.localeCompare(b.ruleset) ||
    (a.municipality ?? '').localeCompare(b.municipality ?? '') ||
    (a.ref.validFrom < b.ref.validFrom ? -1 : a.ref.validFrom > b.ref.validFrom ? 1 : 0)
  );
}
