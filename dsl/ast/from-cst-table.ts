/**
 * CST → AST for `tabel` and `wijzig tabel`. The grammar reads a table body as a flat run of names, slashes,
 * numbers and `-`; here it is grouped by source line into the column header and the rows. Never throws.
 */
import type { IToken } from 'chevrotain';
import type { DiagnosticSink } from '../diagnostics/diagnostic.js';
import type { CellUnitCstNode, TableBodyCstNode, TableDeclCstNode } from '../syntax/cst.js';
import { normaliseNumber } from '../syntax/lexer.js';
import type { Span } from '../text/span.js';
import type * as A from './ast.js';
import {
  at,
  coverAll,
  has,
  nameOf,
  optString,
  ownSpan,
  sourceOf,
  sub,
  tok,
  toks,
  tokSpan,
} from './cst-access.js';
import { unitOf } from './from-cst-rounding.js';

function buildCellUnit(node: CellUnitCstNode | undefined): A.CellUnit {
  if (node === undefined) return { kind: 'number' };
  const c = node.children;
  if (has(c.Euro)) return has(c.Kw_per) ? { kind: 'rate', per: unitOf(tok(c.UnitLike)) } : { kind: 'money' };
  if (has(c.Percent)) return { kind: 'percent' };
  return { kind: 'number' };
}

/** Merges the body's token lists into source order. */
function bodyTokens(body: TableBodyCstNode | undefined): IToken[] {
  if (body === undefined) return [];
  const c = body.children;
  const lists = [toks(c.Name), toks(c.Slash), toks(c.NumberLiteral), toks(c.Minus)].filter(
    (l) => l.length > 0,
  );
  if (lists.length === 1) return lists[0] ?? [];
  // Each list is in text order: merge them (a table body can have tens of thousands of tokens).
  const out: IToken[] = [];
  const next = lists.map(() => 0);
  for (;;) {
    let best = -1;
    let bestOffset = Infinity;
    for (let l = 0; l < lists.length; l++) {
      const t = lists[l]?.[next[l] ?? 0];
      if (t !== undefined && t.startOffset < bestOffset) {
        best = l;
        bestOffset = t.startOffset;
      }
    }
    if (best < 0) return out;
    const t = lists[best]?.[next[best] ?? 0];
    if (t !== undefined) out.push(t);
    next[best] = (next[best] ?? 0) + 1;
  }
}

export function buildTable(d: TableDeclCstNode, fb: Span, sink: DiagnosticSink): A.TableDecl {
  const c = d.children;
  const bare = toks(sub(c.bareRowKeys)?.children.Name);
  const rowKeys = [...bare, ...toks(sub(c.rowKeys)?.children.Name)].map((t) => nameOf(t, fb));
  if (bare.length > 0) missingWord(sink, 'rijen', bare, 'rij');
  let columnKeys = toks(sub(c.columnKeys)?.children.Name).map((t) => nameOf(t, fb));
  const unitNode = sub(c.cellUnit);
  let tokens = bodyTokens(sub(c.tableBody));
  if (columnKeys.length === 0 && !has(c.Kw_kolommen)) {
    const bareColumns = bareColumnLine(tokens);
    if (bareColumns !== undefined) {
      missingWord(sink, 'kolommen', bareColumns, 'kolom');
      columnKeys = bareColumns.filter((t) => t.image !== '/').map((t) => nameOf(t, fb));
      tokens = tokens.slice(bareColumns.length);
    }
  }
  const header: A.TableHeaderCell[] = [];
  const rows: A.TableRow[] = [];
  let i = 0;
  let firstLine = true;
  while (i < tokens.length) {
    const line = tokens[i]?.startLine;
    let j = i;
    while (j < tokens.length && tokens[j]?.startLine === line) j++;
    if (firstLine && columnKeys.length > 0) buildHeaderLine(tokens, i, j, header, sink);
    else rows.push(buildRow(tokens, i, j, sink));
    firstLine = false;
    i = j;
  }
  const last = rows[rows.length - 1] ?? header[header.length - 1];
  return {
    kind: 'TableDecl',
    amend: has(c.Start_wijzig),
    name: nameOf(tok(c.Name), at(fb.end)),
    label: optString(tok(c.StringLiteral)),
    unit: buildCellUnit(unitNode),
    unitSpan: unitNode === undefined ? at(fb.end) : ownSpan(unitNode, at(fb.end)),
    rowKeys,
    columnKeys,
    source: sourceOf(c.sourceClause),
    header,
    rows,
    span: coverAll(fb, fb, last?.span),
  };
}

/** RW1304: the word `rijen` or `kolommen` is missing before the domains written on the line. */
function missingWord(sink: DiagnosticSink, word: string, names: readonly IToken[], what: string): void {
  const first = names[0];
  const last = names[names.length - 1];
  if (first === undefined || last === undefined) return;
  const written = names.map((t) => t.image).join(word === 'rijen' ? ', ' : '');
  sink.report('RW1304', coverAll(tokSpan(first), tokSpan(first), tokSpan(last)), [word, written, what]);
}

const onlyNames = (line: readonly IToken[]): boolean =>
  line.length > 0 && line.every((t) => t.tokenType.name !== 'NumberLiteral' && t.image !== '-');

/** The tokens of the line starting at `from`. */
function lineAt(tokens: readonly IToken[], from: number): IToken[] {
  const line = tokens[from]?.startLine;
  const out: IToken[] = [];
  for (let i = from; i < tokens.length && tokens[i]?.startLine === line; i++) out.push(tokens[i] as IToken);
  return out;
}

/**
 * A first body line of only names followed by a second one (the column header): the column domains written
 * without `kolommen` (`  int` + `  licht zwaar`). A row always has numbers or `-`, so this is never a row.
 */
function bareColumnLine(tokens: readonly IToken[]): IToken[] | undefined {
  const first = lineAt(tokens, 0);
  const second = lineAt(tokens, first.length);
  return onlyNames(first) && onlyNames(second) ? first : undefined;
}

const unexpectedInTable = (t: IToken, expected: string, sink: DiagnosticSink): void =>
  sink.report('RW1101', tokSpan(t), [expected, `'${t.image}'`]);

function buildHeaderLine(
  tokens: readonly IToken[],
  from: number,
  to: number,
  out: A.TableHeaderCell[],
  sink: DiagnosticSink,
): void {
  let keys: A.Name[] = [];
  let expectName = true;
  const flush = (): void => {
    const first = keys[0];
    const last = keys[keys.length - 1];
    if (first !== undefined && last !== undefined)
      out.push({ kind: 'TableHeaderCell', keys, span: coverAll(first.span, first.span, last.span) });
    keys = [];
  };
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t === undefined) continue;
    const isSlash = t.image === '/';
    const isName = !isSlash && t.tokenType.name !== 'NumberLiteral' && t.image !== '-';
    if (isName) {
      if (!expectName) flush();
      keys.push(nameOf(t, tokSpan(t)));
      expectName = false;
    } else if (isSlash && !expectName) expectName = true;
    else unexpectedInTable(t, 'een kolomkop zoals licht/A', sink);
  }
  flush();
}

function buildRow(tokens: readonly IToken[], from: number, to: number, sink: DiagnosticSink): A.TableRow {
  const keys: A.Name[] = [];
  const cells: A.TableCell[] = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t === undefined) continue;
    const s = tokSpan(t);
    if (t.tokenType.name === 'NumberLiteral')
      cells.push({ kind: 'CellValue', value: normaliseNumber(t.image), span: s });
    else if (t.image === '-') cells.push({ kind: 'CellEmpty', span: s });
    else if (t.image === '/') unexpectedInTable(t, "een getal of '-'", sink);
    else if (cells.length === 0) keys.push(nameOf(t, s));
    else unexpectedInTable(t, "een getal of '-'", sink);
  }
  const first = tokens[from];
  const last = tokens[to - 1];
  const span =
    first !== undefined && last !== undefined
      ? coverAll(tokSpan(first), tokSpan(first), tokSpan(last))
      : at(0);
  return { kind: 'TableRow', keys, cells, span };
}
