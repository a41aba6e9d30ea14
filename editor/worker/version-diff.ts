/**
 * The Verschil view: the open version against its base (`op basis van`), from the structural diff of
 * src/change/diff.ts on the worker's compiled programs. Every row points at where the new value is written:
 * an indexed cell at its `indexeer` line, a rewritten cell at the cell itself, a declaration at its definition.
 */
import type { Ir, Span } from '../../dsl/index.js';
import type { CompileOutcome } from '../../dsl/service/pipeline.js';
import {
  diffPrograms,
  type CellChange,
  type ItemChange,
  type ItemKind,
  type VersionDiff,
} from '../../src/change/diff.js';
import { keyText } from '../../src/change/effective-tables.js';
import { cellAdjustments } from '../../src/engine/indexation.js';
import type { DiffCellView, DiffItemView, DiffState, DiffTableView } from './protocol.js';

type Where = { readonly file: string; readonly span: Span } | undefined;

const at = (o: Ir.DefOrigin | undefined): Where =>
  o === undefined ? undefined : { file: o.file, span: o.span };

/** Where the new value of a changed cell comes from, and how it got there. */
function cellOrigin(
  table: Ir.TableDef | undefined,
  fallback: Ir.TableDef | undefined,
  change: CellChange,
  version: string,
): { how: DiffCellView['how']; where: Where } {
  if (change.new === undefined) return { how: 'vervallen', where: at(table?.origin ?? fallback?.origin) };
  const cell = table?.cells.find((c) => keyText(c.key) === change.key);
  if (table === undefined || cell === undefined) return { how: 'nieuw', where: at(table?.origin) };
  if (change.old === undefined) return { how: 'nieuw', where: { file: cell.file, span: cell.span } };
  if (cell.version === version) return { how: 'herschreven', where: { file: cell.file, span: cell.span } };
  // Written earlier: moved by an indexation of this version (or, failing that, the last that applies).
  const applying = cellAdjustments(table, cell);
  const adj = applying.find((a) => a.origin.version === version) ?? applying[applying.length - 1];
  return adj === undefined
    ? { how: 'herschreven', where: { file: cell.file, span: cell.span } }
    : { how: 'geïndexeerd', where: at(adj.origin) };
}

function itemOrigin(p: Ir.Program, kind: ItemKind, name: string): Ir.DefOrigin | undefined {
  switch (kind) {
    case 'domein':
      return p.domains.find((d) => d.name === name)?.origin;
    case 'bandbreedte':
      return p.bandwidths.find((w) => `${w.intensity}/${w.name}` === name)?.origin;
    case 'invoer': {
      const [level, field] = name.split('.');
      const fields =
        level === 'beschikking' || level === 'resultaat' || level === 'module' ? p.input[level] : [];
      return fields.find((f) => f.name === field)?.origin;
    }
    case 'parameter':
      return p.parameters.find((x) => x.name === name)?.origin;
    case 'tabel':
      return p.tables.find((x) => x.name === name)?.origin;
    case 'berekening':
      return p.calcs.find((x) => `${x.scope}:${x.name}` === name)?.origin;
    case 'budget':
      return p.budget?.origin;
    case 'module':
      return p.modules.find((x) => x.name === name)?.origin;
    case 'regel':
      return p.rules.find((x) => x.name === name)?.origin;
    case 'voorziening':
      return p.provisions.find((x) => x.name === name)?.origin;
    case 'eenheid':
      return p.units?.find((x) => x.name === name)?.origin;
  }
}

function itemView(c: ItemChange, from: Ir.Program, to: Ir.Program): DiffItemView {
  const origin = c.change === 'vervallen' ? itemOrigin(from, c.kind, c.name) : itemOrigin(to, c.kind, c.name);
  return { ...c, ...at(origin) };
}

/** The diff of the program in `path` against its base, or why there is none. */
export function versionDiff(compiled: CompileOutcome, path: string): DiffState {
  if (!compiled.ok) {
    return { kind: 'fouten', errors: compiled.diagnostics.filter((d) => d.severity === 'fout').length };
  }
  const to = compiled.programs.find((p) => p.file === path);
  if (to === undefined) return { kind: 'geen', reason: 'Dit bestand is geen versie van een regelset.' };
  if (to.base === undefined) {
    return { kind: 'geen', reason: `Versie ${to.version} is niet op een andere versie gebaseerd.` };
  }
  const from =
    compiled.programs.find((p) => p.version === to.base && p.ruleset === to.ruleset) ??
    compiled.programs.find((p) => p.version === to.base);
  if (from === undefined) return { kind: 'geen', reason: `Basisversie ${to.base} is niet gevonden.` };
  return diffView(from, to);
}

/** The Verschil view of any two versions (`diff` when it is already computed). */
export function diffView(
  from: Ir.Program,
  to: Ir.Program,
  diff: VersionDiff = diffPrograms(from, to),
): DiffState {
  const tables = new Map<string, DiffTableView & { cells: DiffCellView[] }>();
  for (const c of diff.cells) {
    const table = to.tables.find((t) => t.name === c.table);
    const before = from.tables.find((t) => t.name === c.table);
    let view = tables.get(c.table);
    if (view === undefined) {
      view = { table: c.table, label: (table ?? before)?.label, cells: [] };
      tables.set(c.table, view);
    }
    const { how, where } = cellOrigin(table, before, c, to.version);
    view.cells.push({ ...c, how, ...where });
  }
  return {
    kind: 'ok',
    from: { version: from.version, file: from.file, validFrom: from.validFrom },
    to: { version: to.version, file: to.file, validFrom: to.validFrom },
    tables: [...tables.values()],
    items: diff.items.map((c) => itemView(c, from, to)),
  };
}
