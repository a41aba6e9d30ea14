/**
 * Loading a program for evaluation: tables with their indexations applied (indexed per key column), parameters
 * evaluated, lookup maps, and the source order of rules and conditions. Decimals loaded here are shared (see
 * `SharedDecimals`): results derived from them are worth remembering.
 */
import type { Ir } from '../../dsl/index.js';
import type { EngineCache } from './cache.js';
import { domainValues } from './casus.js';
import type { SharedDecimals } from './decimal.js';
import { isDec } from './decimal.js';
import { cellAdjustments, effectiveValue, parameterValue } from './indexation.js';
import { calcKey, cellKey, newCtx } from './runtime.js';
import type { CellTree, Ctx, LoadedCell, LoadedProgram, LoadedTable } from './runtime.js';
import type { TypedCase, Value } from './values.js';

function loadTable(def: Ir.TableDef, shared: SharedDecimals): LoadedTable {
  const cells = new Map<string, LoadedCell>();
  const tree = new Map<string, CellTree | LoadedCell>();
  for (const cell of def.cells) {
    const value = effectiveValue(def, cell);
    const indexations = value === undefined ? [] : cellAdjustments(def, cell);
    const loaded: LoadedCell = { def: cell, value: value && shared.share(value), indexations };
    // A later cell with the same key replaces an earlier one, in both indexes.
    cells.set(cellKey(cell.key), loaded);
    let level = tree;
    cell.key.forEach((k, i) => {
      if (i === cell.key.length - 1) {
        level.set(k, loaded);
        return;
      }
      let next = level.get(k);
      if (!(next instanceof Map)) level.set(k, (next = new Map<string, CellTree | LoadedCell>()));
      level = next;
    });
  }
  return { def, cells, tree };
}

/** Load a program: apply table adjustments once, evaluate parameters, index everything. */
export function loadProgram(
  program: Ir.Program,
  evalConst: (e: Ir.Expr, ctx: Ctx) => Value,
  cache: EngineCache,
): LoadedProgram {
  const shared = cache.runtime.decimals;
  const domains = domainValues(program);
  const ranks = new Map<string, Map<string, number>>();
  for (const [name, values] of domains) ranks.set(name, new Map(values.map((v, i) => [v, i])));
  // Deterministic order of outcomes, independent of the order of rules in the IR: by source position.
  const origins: { id: string; file: string; start: number }[] = [
    ...program.rules.map((r) => ({ id: r.origin.id, file: r.origin.file, start: r.origin.span.start })),
    ...program.modules.flatMap((m) =>
      m.conditions.map((c) => ({ id: c.origin.id, file: m.origin.file, start: c.origin.span.start })),
    ),
  ];
  origins.sort((a, b) =>
    a.file < b.file
      ? -1
      : a.file > b.file
        ? 1
        : a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const order = new Map(origins.map((o, i) => [o.id, i]));
  const params = new Map<string, Value>();
  const rt: LoadedProgram = {
    program,
    tables: new Map(program.tables.map((t) => [t.name, loadTable(t, shared)])),
    params,
    calcs: new Map(program.calcs.map((c) => [calcKey(c.scope, c.name), c])),
    modules: new Map(program.modules.map((m) => [m.name, m])),
    ranks,
    domains,
    order,
    cache,
    uses: new Map(),
  };
  const empty: TypedCase = {
    fields: {},
    results: [],
    modules: [],
    requested: new Set(),
    gemeente: undefined,
  };
  for (const p of program.parameters) {
    const v = evalConst(p.value, newCtx(rt, empty, new Map()));
    const value = p.adjustments.length > 0 && isDec(v) ? parameterValue(p, v) : v;
    params.set(p.name, isDec(value) ? shared.share(value) : value);
  }
  return rt;
}
