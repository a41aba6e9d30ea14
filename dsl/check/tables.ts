/**
 * Tables: header and rows against the key domains, duplicate keys, row shape, and completeness (every
 * combination of the key domains, restricted to the declared intensiteit/bandbreedte pairs when both are keys).
 * Returns the merged cells of a table (its definition, then amendments of later versions).
 */
import type { CellUnit, IndexationDecl, Name, TableDecl } from '../ast/ast.js';
import type { TableCellDef } from '../ir/ir.js';
import { indexedForDisplay, percentToFraction } from './decimal-string.js';
import { BANDWIDTH_DOMAIN, INTENSITY_DOMAIN, type DomainInfo, type Env } from './env.js';
import type { Eff, EffTable, VersionRef } from './items.js';
import { suggest } from './suggest.js';
import { cellUnitText } from '../ast/ast.js';

/** Beyond this many combinations the completeness check only counts. */
const MAX_ENUMERATION = 200_000;

const SEP = '\u0000';

export function checkTable(t: EffTable, env: Env): TableCellDef[] {
  const def = t.decl;
  const file = t.origin.file;
  const rep = env.reporter;
  const keyNames = [...def.rowKeys, ...def.columnKeys];
  const domains: (DomainInfo | undefined)[] = keyNames.map((n) => {
    const d = env.domains.get(n.text);
    if (!d) rep.report(file, 'RW2006', n.span, [n.text], suggest(n.text, env.domains.keys()));
    return d;
  });
  const iIdx = keyNames.findIndex((n) => n.text === INTENSITY_DOMAIN);
  const bIdx = keyNames.findIndex((n) => n.text === BANDWIDTH_DOMAIN);
  const pairs = iIdx >= 0 && bIdx >= 0 ? env.bandPairs : undefined;
  // `in € per dagdeel`: a unit the language knows or the rules declare.
  for (const part of t.parts) {
    const u = part.decl.unit;
    if (u.kind === 'rate') env.units.check(u.per, part.origin.file, part.decl.unitSpan);
  }
  const unitText = (u: CellUnit): string =>
    cellUnitText(u.kind === 'rate' ? { kind: 'rate', per: env.units.unit(u.per) } : u);

  const cells = new Map<string, TableCellDef>();
  for (const part of t.parts) {
    const amend = part.decl !== def;
    if (amend) {
      const same = (a: readonly Name[], b: readonly Name[]): boolean =>
        a.length === b.length && a.every((n, i) => n.text === b[i]?.text);
      const p = part.decl;
      if (
        (p.rowKeys.length > 0 || p.columnKeys.length > 0) &&
        (!same(p.rowKeys, def.rowKeys) || !same(p.columnKeys, def.columnKeys))
      ) {
        const show = (d: TableDecl): string =>
          [d.rowKeys.map((n) => n.text).join(', '), d.columnKeys.map((n) => n.text).join('/')]
            .filter((s) => s)
            .join(' / ');
        rep.report(part.origin.file, 'RW6007', p.name.span, [p.name.text, 'sleutels', show(def), show(p)]);
        continue;
      }
      const u1 = unitText(def.unit);
      const u2 = unitText(p.unit);
      if (u1 !== u2) {
        rep.report(part.origin.file, 'RW6007', p.unitSpan, [p.name.text, 'eenheid', u1, u2]);
        continue;
      }
    }
    checkPart(part.decl, part.origin, def, domains, pairs, iIdx, bIdx, cells, env, t.adjustments);
  }
  checkComplete(def, file, domains, pairs, iIdx, bIdx, cells, env);
  return [...cells.values()];
}

function checkPart(
  decl: TableDecl,
  origin: VersionRef,
  def: TableDecl,
  domains: readonly (DomainInfo | undefined)[],
  pairs: Set<string> | undefined,
  iIdx: number,
  bIdx: number,
  cells: Map<string, TableCellDef>,
  env: Env,
  adjustments: readonly Eff<IndexationDecl>[],
): void {
  const rep = env.reporter;
  const file = origin.file;
  const nRow = def.rowKeys.length;
  const nCol = def.columnKeys.length;
  const own = new Set<string>();
  const checkValue = (n: Name, i: number): boolean => {
    const d = domains[i];
    if (!d) return false;
    if (d.index.has(n.text)) return true;
    rep.report(file, 'RW4003', n.span, [n.text, d.name], suggest(n.text, d.values));
    return false;
  };
  // Column header.
  const columns: (string[] | undefined)[] = [];
  if (nCol > 0) {
    if (decl.header.length === 0) rep.report(file, 'RW4009', decl.name.span, [decl.name.text]);
    for (const h of decl.header) {
      if (h.keys.length !== nCol) {
        rep.report(file, 'RW4006', h.span, [
          h.keys.map((k) => k.text).join('/'),
          def.columnKeys.map((k) => k.text).join('/'),
          nCol,
        ]);
        columns.push(undefined);
        continue;
      }
      let ok = true;
      h.keys.forEach((k, j) => {
        if (!checkValue(k, nRow + j)) ok = false;
      });
      if (ok && pairs && iIdx >= nRow && bIdx >= nRow) {
        const i = h.keys[iIdx - nRow]?.text ?? '';
        const b = h.keys[bIdx - nRow]?.text ?? '';
        if (!pairs.has(`${i}/${b}`)) {
          rep.report(file, 'RW4010', h.span, [b, i]);
          ok = false;
        }
      }
      columns.push(ok ? h.keys.map((k) => k.text) : undefined);
    }
  }
  const width = nCol > 0 ? decl.header.length : 1;
  for (const row of decl.rows) {
    if (row.keys.length !== nRow) {
      rep.report(file, 'RW4005', row.keys[0]?.span ?? row.span, [
        row.keys.length,
        nRow,
        def.rowKeys.map((k) => k.text).join(', '),
      ]);
      continue;
    }
    let ok = true;
    row.keys.forEach((k, j) => {
      if (!checkValue(k, j)) ok = false;
    });
    if (row.cells.length !== width) {
      const extra = row.cells[width];
      rep.report(file, 'RW4004', extra ? { start: extra.span.start, end: row.span.end } : row.span, [
        row.cells.length,
        width,
      ]);
    }
    if (!ok) continue;
    const rowKey = row.keys.map((k) => k.text);
    row.cells.forEach((c, j) => {
      const col = nCol > 0 ? columns[j] : [];
      if (!col) return;
      const key = [...rowKey, ...col];
      if (pairs && iIdx < nRow && bIdx < nRow && !pairs.has(`${key[iIdx]}/${key[bIdx]}`)) {
        rep.report(file, 'RW4010', row.span, [key[bIdx] ?? '', key[iIdx] ?? '']);
        return;
      }
      const k = key.join(SEP);
      if (own.has(k)) {
        rep.report(file, 'RW4002', c.span, [showKey(key, nRow), decl.name.text]);
        return;
      }
      own.add(k);
      const value =
        c.kind === 'CellEmpty' ? null : def.unit.kind === 'percent' ? percentToFraction(c.value) : c.value;
      const before = cells.get(k);
      if (value === null && decl !== def && before !== undefined && before.value !== null) {
        // A `-` in `wijzig tabel` over a cell with a tariff deletes that tariff: never silently.
        // Quote the tariff in force in the base: as written, with the indexations since (as `diff` shows).
        const keyNames = [...def.rowKeys, ...def.columnKeys].map((n) => n.text);
        const applied = adjustments.filter(
          (a) =>
            before.validFrom < a.origin.validFrom &&
            a.origin.validFrom < origin.validFrom &&
            (a.decl.selection ?? []).every((sel) => {
              const at = sel.domain === undefined ? -1 : keyNames.indexOf(sel.domain.text);
              return at >= 0 && sel.values.some((v) => v.text === key[at]);
            }),
        );
        const inForce = indexedForDisplay(
          before.value,
          applied.map((a) => ({
            fraction: percentToFraction(a.decl.percent.value),
            ...(a.decl.rounding ? { decimals: a.decl.rounding.decimals, mode: a.decl.rounding.mode } : {}),
          })),
        );
        const since = [...new Set(applied.map((a) => a.origin.version))];
        rep.report(file, 'RW4301', c.span, [
          showKey(key, nRow),
          decl.name.text,
          inForce,
          since.length === 0
            ? before.version
            : `${before.version}, geïndexeerd in ${since.join(', ')}; geschreven ${before.value.replace('.', ',')}`,
        ]);
      }
      cells.set(k, {
        key,
        value,
        span: c.span,
        file,
        version: origin.version,
        validFrom: origin.validFrom,
        // A cell written by `wijzig tabel` is never credited to the base table's source: its own `bron`, else
        // the bron of the version that wrote it, else none.
        bron: decl.source?.value ?? (decl === def ? def.source?.value : origin.bron),
      });
    });
  }
}

const showKey = (key: readonly string[], nRow: number): string =>
  `'${[...key.slice(0, nRow), key.slice(nRow).join('/')].filter((s) => s).join(' ')}'`;

function checkComplete(
  def: TableDecl,
  file: string,
  domains: readonly (DomainInfo | undefined)[],
  pairs: Set<string> | undefined,
  iIdx: number,
  bIdx: number,
  cells: Map<string, TableCellDef>,
  env: Env,
): void {
  if (domains.some((d) => !d) || domains.length === 0) return;
  const ds = domains as readonly DomainInfo[];
  let total = 1;
  for (const d of ds) total *= d.values.length;
  if (total > MAX_ENUMERATION) return;
  const missing: string[] = [];
  let count = 0;
  const key: string[] = [];
  const walk = (i: number): void => {
    if (i === ds.length) {
      if (pairs && !pairs.has(`${key[iIdx]}/${key[bIdx]}`)) return;
      if (!cells.has(key.join(SEP))) {
        count++;
        if (missing.length < 3) missing.push(showKey(key, def.rowKeys.length));
      }
      return;
    }
    for (const v of ds[i]?.values ?? []) {
      key[i] = v;
      walk(i + 1);
    }
  };
  walk(0);
  if (count > 0)
    env.reporter.report(file, 'RW4001', def.name.span, [def.name.text, count, missing.join(', ')]);
}
