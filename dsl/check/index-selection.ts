/**
 * A partial indexation (`indexeer weektarief voor ondersteuningsbehoefte OB2, OB3 en intensiteit zwaar met -3 %`),
 * checked in the version that writes it: every domain a row or column key of each table it indexes (RW6601),
 * no domain twice (RW6602), every value in its domain (RW2011), a domain before the values (RW6605), and a
 * warning when the selection reaches no cell with a tariff from an earlier version (RW6604). A selection on a
 * parameter (RW6603) is reported where the indexation is applied (versions.ts).
 */
import type { IndexationDecl, IndexSelector } from '../ast/ast.js';
import type { TableCellDef } from '../ir/ir.js';
import { dutchList, keyMatches, selectionText } from '../text/selection-text.js';
import type { Span } from '../text/span.js';
import type { Env } from './env.js';
import type { EffTable } from './items.js';
import { suggest } from './suggest.js';
import type { VersionNode } from './versions.js';

const keysOf = (t: EffTable): string[] => [...t.decl.rowKeys, ...t.decl.columnKeys].map((n) => n.text);

const isAmountTable = (t: EffTable): boolean => t.decl.unit.kind === 'money' || t.decl.unit.kind === 'rate';

const spanOf = (selection: readonly IndexSelector[], fallback: Span): Span => {
  const first = selection[0];
  const last = selection[selection.length - 1];
  return first && last ? { start: first.span.start, end: last.span.end } : fallback;
};

export function checkIndexSelections(
  node: VersionNode,
  env: Env,
  cells: ReadonlyMap<string, readonly TableCellDef[]>,
): void {
  if (node.base === undefined) return;
  for (const d of node.file.ast.decls) {
    if (d.kind !== 'IndexationDecl' || d.selection === undefined) continue;
    const targets = [...node.items.tables].filter(([, t]) => t.adjustments.some((a) => a.decl === d));
    if (checkSelection(d, d.selection, targets, env, node.ref.file)) {
      warnEmpty(d, d.selection, targets, cells, node, env);
    }
  }
}

/** The errors of a selection; true when there are none. */
function checkSelection(
  d: IndexationDecl,
  selection: readonly IndexSelector[],
  targets: readonly [string, EffTable][],
  env: Env,
  file: string,
): boolean {
  const named = d.all === undefined && d.tables.length > 0;
  // The key domains a selection may name: of the named tables, or of every table `alle` could reach.
  const pool = named ? targets : [...env.items.tables].filter(([, t]) => isAmountTable(t));
  const keyDomains = [...new Set(pool.flatMap(([, t]) => keysOf(t)))];
  const report = env.reporter.report.bind(env.reporter, file);
  const hint = (v: string, written: readonly string[] = [v]): string => {
    const values = env.domains.get(v)?.values ?? [];
    if (keyDomains.includes(v)) return `noem na '${v}' de waarden, zoals '${v} ${values[0] ?? '…'}'`;
    const holder = keyDomains.find((k) => env.domains.get(k)?.index.has(v) === true);
    if (holder !== undefined) return `schrijf 'voor ${holder} ${written.join(', ')}'`;
    return `'${v}' is geen domein van de sleutels (${keyDomains.join(', ')})`;
  };
  let ok = true;
  const seen = new Map<string, IndexSelector>();
  for (const p of selection) {
    const domain = p.domain;
    if (domain === undefined) {
      ok = false;
      const written = p.values.map((v) => v.text);
      report('RW6605', p.span, [hint(written[0] ?? '', written)]);
      continue;
    }
    const earlier = seen.get(domain.text);
    if (earlier !== undefined) {
      ok = false;
      const values = [...earlier.values, ...p.values].map((v) => v.text);
      report('RW6602', domain.span, [domain.text, values.join(', ')]);
      continue;
    }
    seen.set(domain.text, p);
    if (named) {
      const missing = targets.filter(([, t]) => !keysOf(t).includes(domain.text));
      // One message per set of keys: tables with the same keys share it ("tabel 't' en tabel 'c'").
      const byKeys = new Map<string, string[]>();
      for (const [name, t] of missing) {
        const k = keysOf(t).join(', ');
        byKeys.set(k, [...(byKeys.get(k) ?? []), `tabel '${name}'`]);
      }
      for (const [keys, tables] of byKeys) {
        report(
          'RW6601',
          domain.span,
          [domain.text, dutchList(tables), keys],
          suggest(domain.text, keys.split(', ')),
        );
      }
      if (missing.length > 0) ok = false;
      if (missing.length === targets.length) continue;
    } else if (!keyDomains.includes(domain.text)) {
      ok = false;
      report(
        'RW6601',
        domain.span,
        [domain.text, 'een tabel met bedragen', keyDomains.join(', ')],
        suggest(domain.text, keyDomains),
      );
      continue;
    }
    const info = env.domains.get(domain.text);
    if (info === undefined) continue;
    for (const v of p.values) {
      if (info.index.has(v.text)) continue;
      ok = false;
      if (keyDomains.includes(v.text)) report('RW6605', v.span, [hint(v.text)]);
      else report('RW2011', v.span, [v.text, domain.text], suggest(v.text, info.values));
    }
  }
  return ok;
}

/** RW6604: per table, no selected cell with a tariff written by an earlier version. */
function warnEmpty(
  d: IndexationDecl,
  selection: readonly IndexSelector[],
  targets: readonly [string, EffTable][],
  cells: ReadonlyMap<string, readonly TableCellDef[]>,
  node: VersionNode,
  env: Env,
): void {
  const text = selectionText(
    selection.map((p) => ({ domain: p.domain?.text, values: p.values.map((v) => v.text) })),
  );
  const span = spanOf(selection, d.span);
  const report = (where: string, there: string): void =>
    env.reporter.report(node.ref.file, 'RW6604', span, [text, where, there]);
  if (targets.length === 0) {
    // Named tables that are not indexed at all are reported where the indexation is applied (RW6008, RW6011).
    if (d.all !== undefined || d.tables.length === 0)
      report('geen tabel met bedragen die al deze sleutels heeft', '');
    return;
  }
  for (const [name, t] of targets) {
    const keys = keysOf(t);
    const sel = selection.map((p) => ({
      key: keys.indexOf(p.domain?.text ?? ''),
      values: p.values.map((v) => v.text),
    }));
    const reached = (cells.get(name) ?? []).some(
      (c) => c.value !== null && c.validFrom < node.ref.validFrom && keyMatches(sel, c.key),
    );
    if (!reached) report(`in tabel '${name}' geen cel met een tarief uit een eerdere versie`, ' daar');
  }
}
