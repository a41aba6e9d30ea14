/**
 * Editing one tariff cell of a version as text: the smallest correct change to the version's file.
 *
 * - A cell this file already writes (its own `tabel` or one of its `wijzig tabel` blocks) is changed in place.
 * - Otherwise the file gets a `wijzig tabel` with only the changed cells: the cells this file's `wijzig tabel`
 *   blocks of that table write, plus the new one, minus those that equal what the version would have without
 *   them (the inherited value after this version's indexations). Rows that change the same columns share a
 *   block, so a block never repeats an unchanged cell; the blocks replace this file's old ones for that table
 *   (their `bron` and omschrijving kept).
 * - The new text is written by the project's formatter; a file that was already formatted is formatted whole.
 *
 * A value written by a `wijzig tabel` in a version is not indexed by that version's own `indexeer` (see
 * src/engine/indexation.ts): what the advisor types is what applies.
 */
import type { Ast, Ir } from '../../dsl/index.js';
import { formatText, hasErrors, parse } from '../../dsl/index.js';
import { dec } from '../engine/decimal.js';
import { applyAdjustments, indexes } from '../engine/indexation.js';
import { renderBlocks, unitOf, type Written } from './amend-blocks.js';
import { parseCellEntry } from './cell-text.js';

export interface CellEditRequest {
  /** The version's file: its path and current text (the text `program` was compiled from). */
  readonly file: string;
  readonly text: string;
  /** The compiled version (full, inherited program). */
  readonly program: Ir.Program;
  /** Its base version, to leave out cells that equal what the version inherits; without it none are left out. */
  readonly base: Ir.Program | undefined;
  readonly table: string;
  /** Key values in key order (rows, then columns). */
  readonly key: readonly string[];
  /** What the advisor typed: "190,00", "€ 1.234,5", "-". */
  readonly typed: string;
}

export type CellEditResult =
  | {
      readonly ok: true;
      /** The whole new text of the file. */
      readonly text: string;
      /** The new value (IR decimal string), null for `-`. */
      readonly value: string | null;
      /** Whether the text changed at all (typing the value that is already there changes nothing). */
      readonly changed: boolean;
    }
  | { readonly ok: false; readonly fout: string };

const SEP = '\u0000';
const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The cell node of `decl` for `key`, if this block writes it. */
function cellNode(
  decl: Ast.TableDecl,
  key: readonly string[],
  rowKeyCount: number,
): Ast.TableCell | undefined {
  const rowKey = key.slice(0, rowKeyCount);
  const colKey = key.slice(rowKeyCount);
  const col =
    colKey.length === 0
      ? 0
      : decl.header.findIndex((h) =>
          same(
            h.keys.map((k) => k.text),
            colKey,
          ),
        );
  if (col < 0) return undefined;
  const row = decl.rows.find((r) =>
    same(
      r.keys.map((k) => k.text),
      rowKey,
    ),
  );
  return row?.cells[col];
}

/** Every cell a block writes, in order. */
function blockCells(decl: Ast.TableDecl, rowKeyCount: number, type: Ir.Type): Written[] {
  const out: Written[] = [];
  const cols = decl.header.length === 0 ? [[]] : decl.header.map((h) => h.keys.map((k) => k.text));
  for (const r of decl.rows) {
    r.cells.forEach((c, i) => {
      const col = cols[i];
      if (col === undefined || r.keys.length !== rowKeyCount) return;
      const key = [...r.keys.map((k) => k.text), ...col];
      // The AST holds the number as a decimal string ("1234.50"); the formatter groups the thousands again.
      const written = c.kind === 'CellValue' ? c.value.replace('.', ',') : '-';
      const read = parseCellEntry(type, written);
      out.push({ key, text: written, value: read.ok ? read.value : null, bron: decl.source?.value });
    });
  }
  return out;
}

/** The offsets of a declaration's whole lines (from the start of its first line through its last newline). */
function lineRange(text: string, decl: Ast.TableDecl): { start: number; end: number } {
  const last = Math.max(
    decl.name.span.end,
    decl.unitSpan.end,
    decl.source?.span.end ?? 0,
    ...decl.header.map((h) => h.span.end),
    ...decl.rows.map((r) => r.span.end),
  );
  const start = text.lastIndexOf('\n', decl.span.start - 1) + 1;
  const nl = text.indexOf('\n', last);
  return { start, end: nl < 0 ? text.length : nl + 1 };
}

/** Where a new `wijzig tabel` goes: after the last change declaration, else the last declaration before the scenarios. */
export function insertionPoint(text: string, file: Ast.RulesFile): number {
  const decls = file.decls;
  const isChange = (d: Ast.Decl): boolean =>
    d.kind === 'IndexationDecl' || d.kind === 'WithdrawDecl' || (d.kind === 'TableDecl' && d.amend);
  const change = [...decls].reverse().find(isChange);
  const firstScenario = decls.findIndex((d) => d.kind === 'ScenarioDecl');
  const beforeScenarios = (firstScenario < 0 ? decls : decls.slice(0, firstScenario)).at(-1);
  const after = change ?? beforeScenarios;
  const end = after?.span.end ?? file.header?.span.end ?? 0;
  const nl = text.indexOf('\n', Math.max(0, end - 1));
  return nl < 0 ? text.length : nl + 1;
}

/** The smallest correct change to the file that gives the cell the typed value, or why it cannot be made. */
export function editTableCell(req: CellEditRequest): CellEditResult {
  const { program, text } = req;
  if (program.status !== 'concept') {
    return {
      ok: false,
      fout: `Versie ${program.version} is ${program.status}: alleen een conceptversie kan worden gewijzigd.`,
    };
  }
  const table = program.tables.find((t) => t.name === req.table);
  if (table === undefined)
    return { ok: false, fout: `Versie ${program.version} heeft geen tabel ${req.table}.` };
  if (req.key.length !== table.keys.length) {
    return { ok: false, fout: `Een cel van tabel ${table.name} heeft ${table.keys.length} sleutels.` };
  }
  const entry = parseCellEntry(table.type, req.typed);
  if (!entry.ok) return entry;
  const parsed = parse(text, req.file);
  if (hasErrors(parsed.diagnostics)) {
    return { ok: false, fout: 'Het bestand bevat schrijffouten; los die eerst op in de tekst.' };
  }
  const decls = parsed.ast.decls.filter(
    (d): d is Ast.TableDecl => d.kind === 'TableDecl' && d.name.text === table.name,
  );
  const n = table.rowKeyCount;
  const wasFormatted = (() => {
    const f = formatText(text, req.file);
    return f.ok && f.text === text;
  })();
  const finish = (next: string): CellEditResult => {
    const f = wasFormatted ? formatText(next, req.file) : undefined;
    const out = f?.ok === true ? f.text : next;
    return { ok: true, text: out, value: entry.value, changed: out !== text };
  };

  // 1. A cell this file writes: change it where it stands (the last block that writes it decides), unless a
  //    `wijzig tabel` would then only repeat what the version inherits: then it goes (step 2).
  const inherited = equalsInherited({ key: req.key, value: entry.value }, req.base, table);
  for (const d of [...decls].reverse()) {
    const node = cellNode(d, req.key, n);
    if (node === undefined) continue;
    if (d.amend && inherited) break;
    return finish(text.slice(0, node.span.start) + entry.written + text.slice(node.span.end));
  }
  if (decls.some((d) => !d.amend)) {
    return {
      ok: false,
      fout: `De cel ${req.key.join('/')} staat niet in de tabel ${table.name} van dit bestand.`,
    };
  }

  // 2. A `wijzig tabel` with only the changed cells.
  const amendments = decls.filter((d) => d.amend);
  const firstBron = amendments[0]?.source?.value;
  const cells = new Map<string, Written>();
  for (const d of amendments) for (const c of blockCells(d, n, table.type)) cells.set(c.key.join(SEP), c);
  const k = req.key.join(SEP);
  cells.set(k, {
    key: req.key,
    text: entry.written,
    value: entry.value,
    bron: cells.get(k)?.bron ?? firstBron,
  });
  const kept = [...cells.values()].filter((c) => !equalsInherited(c, req.base, table));
  const unit = text.slice(amendments[0]?.unitSpan.start ?? 0, amendments[0]?.unitSpan.end ?? 0);
  const block =
    kept.length === 0 ? '' : renderBlocks(table, unit || unitOf(table), kept, amendments[0]?.label?.value);

  if (amendments.length === 0) {
    const at = insertionPoint(text, parsed.ast);
    const before = text.slice(0, at).replace(/\n*$/, '\n');
    const after = text.slice(at).replace(/^\n*/, '');
    return finish(`${before}\n${block}${after === '' ? '' : `\n${after}`}`);
  }
  // Replace the first block, take out the others (from the end, so offsets stay valid).
  let next = text;
  const ranges = amendments.map((d) => lineRange(text, d));
  for (let i = ranges.length - 1; i >= 0; i--) {
    const r = ranges[i];
    if (r === undefined) continue;
    next = next.slice(0, r.start) + (i === 0 ? block : '') + next.slice(r.end);
  }
  return finish(next);
}

/** Does the version inherit this value anyway (the base's cell after this version's indexations)? */
function equalsInherited(
  c: { readonly key: readonly string[]; readonly value: string | null },
  base: Ir.Program | undefined,
  table: Ir.TableDef,
): boolean {
  const baseTable = base?.tables.find((t) => t.name === table.name);
  const cell = baseTable?.cells.find((x) => same(x.key, c.key));
  if (cell === undefined) return false;
  if (cell.value === null || c.value === null) return cell.value === c.value;
  const adjustments = table.adjustments.filter((a) => indexes(a, cell));
  return applyAdjustments(dec(cell.value), adjustments).eq(dec(c.value));
}
