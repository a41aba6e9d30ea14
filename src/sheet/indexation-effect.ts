/**
 * What one `indexeer` does in its version: per table the number of cells it moves and the range of their values
 * before → after (lowest and highest), and per parameter its value before → after. The editor shows it when the
 * pointer rests on an `indexeer` line; the rule for which cells an indexation moves is the engine's.
 */
import type { Ir, Span } from '../../dsl/index.js';
import { dec, type Dec } from '../engine/decimal.js';
import { selectionText } from '../../dsl/core.js';
import { applyAdjustments, cellAdjustments, keyText } from '../engine/indexation.js';
import { cellText, signedPercentText, valueText } from './cell-text.js';
import { decimalText } from './sheet.js';

export interface TableEffect {
  readonly table: string;
  readonly label: string | undefined;
  readonly cells: number;
  /** Lowest and highest value before → after, in Dutch ("€ 62,36"). */
  readonly lowest: { readonly before: string; readonly after: string };
  readonly highest: { readonly before: string; readonly after: string };
  /**
   * For a partial indexation (`voor …`), every cell it moves, old → new, in table order (the hover lists them:
   * they are the cells a policy advisor chose).
   */
  readonly moved?: readonly { readonly key: string; readonly before: string; readonly after: string }[];
}

export interface ParameterEffect {
  readonly name: string;
  readonly before: string;
  readonly after: string;
}

export interface IndexationEffect {
  readonly version: string;
  /** With its sign: "+4,74 %", "-3 %". */
  readonly percent: string;
  readonly rounding: Ir.Rounding | undefined;
  /** For a partial indexation, the cells it chose: "ondersteuningsbehoefte OB2". */
  readonly selection?: string;
  readonly tables: readonly TableEffect[];
  readonly parameters: readonly ParameterEffect[];
}

const isAt = (a: Ir.Adjustment, file: string, offset: number): boolean =>
  a.origin.file === file && a.origin.span.start <= offset && offset <= a.origin.span.end;

/** The value just before and just after `adj` among the adjustments that apply, from the written value. */
function around(written: Dec, applying: readonly Ir.Adjustment[], adj: Ir.Adjustment): [Dec, Dec] {
  const i = applying.indexOf(adj);
  const before = applyAdjustments(written, applying.slice(0, i));
  return [before, applyAdjustments(before, [adj])];
}

/**
 * The effect of the indexation written at `offset` in `file`, in the version `program` (the version of that
 * file); undefined when there is no indexation there.
 */
export function indexationEffect(
  program: Ir.Program,
  file: string,
  offset: number,
): IndexationEffect | undefined {
  let found: Ir.Adjustment | undefined;
  const tables: TableEffect[] = [];
  for (const t of program.tables) {
    const adj = t.adjustments.find((a) => isAt(a, file, offset));
    if (adj === undefined) continue;
    found ??= adj;
    let lo: [Dec, Dec] | undefined;
    let hi: [Dec, Dec] | undefined;
    let count = 0;
    const show = (d: Dec) => cellText(t.type, decimalText(t.type, d));
    const moved: { key: string; before: string; after: string }[] = [];
    for (const cell of t.cells) {
      if (cell.value === null) continue;
      const applying = cellAdjustments(t, cell);
      if (!applying.includes(adj)) continue;
      count++;
      const pair = around(dec(cell.value), applying, adj);
      if (adj.selection !== undefined) {
        moved.push({ key: keyText(cell.key), before: show(pair[0]), after: show(pair[1]) });
      }
      if (lo === undefined || pair[0].lt(lo[0])) lo = pair;
      if (hi === undefined || pair[0].gt(hi[0])) hi = pair;
    }
    if (lo === undefined || hi === undefined) continue;
    tables.push({
      table: t.name,
      label: t.label,
      cells: count,
      lowest: { before: show(lo[0]), after: show(lo[1]) },
      highest: { before: show(hi[0]), after: show(hi[1]) },
      ...(adj.selection !== undefined ? { moved } : {}),
    });
  }
  const parameters: ParameterEffect[] = [];
  for (const p of program.parameters) {
    const adj = p.adjustments.find((a) => isAt(a, file, offset));
    if (adj === undefined || p.value.kind !== 'const' || typeof p.value.value !== 'string') continue;
    found ??= adj;
    const [before, after] = around(dec(p.value.value), p.adjustments, adj);
    const show = (d: Dec) => valueText(p.type, decimalText(p.type, d)) ?? d.toFixed();
    parameters.push({ name: p.name, before: show(before), after: show(after) });
  }
  if (found === undefined) return undefined;
  return {
    version: found.origin.version,
    percent: signedPercentText(found.fraction),
    rounding: found.rounding,
    ...(found.selection !== undefined ? { selection: selectionText(found.selection) } : {}),
    tables,
    parameters,
  };
}

/** At most this many cells of a partial indexation are listed per table in the hover. */
const LISTED = 24;

/** The effect as Markdown for a hover, in Dutch. */
export function indexationMarkdown(e: IndexationEffect): string {
  const cells = e.tables.reduce((n, t) => n + t.cells, 0);
  const only = e.selection !== undefined ? ` voor ${e.selection}` : '';
  const lines = [
    `**Indexatie ${e.percent}**${only} in versie ${e.version}: ${cells} ${cells === 1 ? 'tariefcel' : 'tariefcellen'} in ${e.tables.length} ${e.tables.length === 1 ? 'tabel' : 'tabellen'}` +
      (e.parameters.length > 0
        ? ` en ${e.parameters.length} ${e.parameters.length === 1 ? 'parameter' : 'parameters'}`
        : '') +
      '.',
    '',
  ];
  for (const t of e.tables) {
    if (t.moved !== undefined) {
      // A partial indexation: the chosen cells themselves, old → new (the others stay as they are).
      lines.push(`- tabel \`${t.table}\`: ${t.cells} ${t.cells === 1 ? 'cel' : 'cellen'}`);
      for (const m of t.moved.slice(0, LISTED)) lines.push(`  - \`${m.key}\`: ${m.before} → ${m.after}`);
      if (t.moved.length > LISTED) lines.push(`  - … en nog ${t.moved.length - LISTED}`);
      continue;
    }
    lines.push(
      `- tabel \`${t.table}\`: ${t.cells} ${t.cells === 1 ? 'cel' : 'cellen'}, ${t.lowest.before} → ${t.lowest.after}` +
        (t.cells > 1 ? ` … ${t.highest.before} → ${t.highest.after}` : ''),
    );
  }
  for (const p of e.parameters) lines.push(`- parameter \`${p.name}\`: ${p.before} → ${p.after}`);
  if (e.tables.length === 0 && e.parameters.length === 0) lines.push('Deze indexatie verandert geen waarde.');
  return lines.join('\n');
}

/** Where in a file the indexations are (for callers that only want to know whether an offset is on one). */
export const indexationSpans = (program: Ir.Program, file: string): Span[] =>
  [...program.tables.flatMap((t) => t.adjustments), ...program.parameters.flatMap((p) => p.adjustments)]
    .filter((a) => a.origin.file === file)
    .map((a) => a.origin.span);
