/**
 * The formatter: one canonical layout for a `.regels` file. Header first, a blank line between declarations,
 * bodies indented two spaces, tables aligned (keys left, numbers right), comments kept: a comment on its own
 * line stays before the line that followed it, a trailing comment stays at the end of its line.
 * Formatting twice changes nothing, and `parse(format(x))` equals `parse(x)` apart from spans and the bare form of
 * a scenario's `resultaat = "r1"` / `variant = "rit"` (printed `resultaat = r1`: the same case).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { parse, type SourceComment } from './parse.js';
import { assertNever, LineIndex } from '../text/span.js';
import type * as A from './ast.js';
import { cellUnitText } from './ast.js';
import { isBareName } from '../syntax/lexer.js';
import { dutchNumber, printExpr, printRounding, printString, unitAfter } from './print-expr.js';
import { selectionText as partsText } from '../text/selection-text.js';

/** One printed line and the source offset it came from (to place comments). */
interface Line {
  readonly text: string;
  readonly indent: number;
  readonly src: number;
}

type Out = Line[];

const line = (out: Out, indent: number, src: number, text: string): void => {
  out.push({ text, indent, src });
};

const selectionText = (sel: readonly A.IndexSelector[]): string =>
  partsText(sel.map((x) => ({ domain: x.domain?.text, values: x.values.map((v) => v.text) })));

const scopeText = (s: A.Scope): string =>
  s === 'resultaat' ? ' voor elk resultaat' : s === 'module' ? ' voor elke module' : '';
const label = (s: A.StringLit | undefined): string => (s === undefined ? '' : ` ${printString(s)}`);

function printHeader(h: A.Header, out: Out, text: string): void {
  line(out, 0, h.ruleset.span.start, `regelset ${printString(h.ruleset)}`);
  line(
    out,
    0,
    h.version.span.start,
    `versie ${printString(h.version)}${h.base ? ` op basis van ${printString(h.base)}` : ''}`,
  );
  line(out, 0, h.validFrom.span.start, `geldig vanaf ${h.validFrom.value}`);
  if (h.validTo) line(out, 0, h.validTo.span.start, `geldig tot ${h.validTo.value}`);
  if (h.status) {
    const at = text.indexOf('\nstatus', h.span.start);
    line(out, 0, at < 0 ? h.span.start : at + 1, `status ${h.status}`);
  }
  if (h.source) line(out, 0, h.source.span.start, `bron ${printString(h.source)}`);
  if (h.municipality) line(out, 0, h.municipality.span.start, `gemeente ${printString(h.municipality.text)}`);
}

const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - s.length));
const padLeft = (s: string, w: number): string => ' '.repeat(Math.max(0, w - s.length)) + s;

function printTable(t: A.TableDecl, out: Out): void {
  line(
    out,
    0,
    t.span.start,
    `${t.amend ? 'wijzig ' : ''}tabel ${t.name.text}${label(t.label)} in ${cellUnitText(t.unit)}`,
  );
  if (t.rowKeys.length > 0)
    line(
      out,
      2,
      t.rowKeys[0]?.span.start ?? t.span.start,
      `rijen ${t.rowKeys.map((k) => k.text).join(', ')}`,
    );
  if (t.columnKeys.length > 0) {
    line(
      out,
      2,
      t.columnKeys[0]?.span.start ?? t.span.start,
      `kolommen ${t.columnKeys.map((k) => k.text).join('/')}`,
    );
  }
  if (t.source) line(out, 2, t.source.span.start, `bron ${printString(t.source)}`);
  const headerTexts = t.header.map((h) => h.keys.map((k) => k.text).join('/'));
  const rows = t.rows.map((r) => ({
    keys: r.keys.map((k) => k.text),
    cells: r.cells.map((c) => (c.kind === 'CellValue' ? dutchNumber(c.value) : '-')),
    src: r.span.start,
  }));
  const keyWidths: number[] = [];
  const cellWidths: number[] = headerTexts.map((h) => h.length);
  for (const r of rows) {
    r.keys.forEach((k, i) => (keyWidths[i] = Math.max(keyWidths[i] ?? 0, k.length)));
    r.cells.forEach((c, i) => (cellWidths[i] = Math.max(cellWidths[i] ?? 0, c.length)));
  }
  const keysWidth = keyWidths.reduce((a, w) => a + w + 2, 0);
  if (t.header.length > 0) {
    const cells = headerTexts.map((h, i) => padLeft(h, cellWidths[i] ?? 0)).join('  ');
    line(out, 2, t.header[0]?.span.start ?? t.span.start, (' '.repeat(keysWidth) + cells).trimEnd());
  }
  for (const r of rows) {
    const keys = r.keys.map((k, i) => pad(k, keyWidths[i] ?? 0) + '  ').join('');
    const keyPad = keys.length < keysWidth ? ' '.repeat(keysWidth - keys.length) : '';
    const cells = r.cells.map((c, i) => padLeft(c, cellWidths[i] ?? 0)).join('  ');
    line(out, 2, r.src, (keys + keyPad + cells).trimEnd());
  }
}

function printDecl(d: A.Decl, out: Out): void {
  const at = d.span.start;
  switch (d.kind) {
    case 'DomainDecl':
      line(out, 0, at, `domein ${d.name.text}${label(d.label)}`);
      for (const v of d.values) line(out, 2, v.span.start, `${v.name.text}${label(v.description)}`);
      return;
    case 'BandwidthDecl':
      line(
        out,
        0,
        at,
        `bandbreedte ${d.name.text} bij ${d.intensity.text} van ${dutchNumber(d.from.value)} tot ${dutchNumber(d.to.value)} ${unitAfter(d.to.value, d.unit)}${d.per ? ` per ${d.per}` : ''}`,
      );
      return;
    case 'InputDecl':
      line(out, 0, at, `invoer ${d.level}`);
      for (const f of d.fields)
        line(out, 2, f.span.start, `veld ${f.name.text}: ${f.type.name}${f.optional ? ' optioneel' : ''}`);
      return;
    case 'ParameterDecl':
      line(out, 0, at, `parameter ${d.name.text} = ${printExpr(d.value)}`);
      if (d.source) line(out, 2, d.source.span.start, `bron ${printString(d.source)}`);
      return;
    case 'TableDecl':
      printTable(d, out);
      return;
    case 'CalcDecl':
      line(
        out,
        0,
        at,
        `bereken ${d.name.text}${scopeText(d.scope)} = ${printExpr(d.value)}${d.rounding ? ' ' + printRounding(d.rounding) : ''}`,
      );
      return;
    case 'BudgetDecl':
      line(out, 0, at, 'budget voor elk resultaat');
      line(out, 2, d.rate.span.start, `tarief ${printExpr(d.rate)}`);
      line(out, 2, d.quantity.span.start, `hoeveelheid ${printExpr(d.quantity)}`);
      if (d.rounding) line(out, 2, d.rounding.span.start, printRounding(d.rounding));
      if (d.hours) line(out, 2, d.hours.span.start, `indicatieve uren ${printExpr(d.hours, 0, true, false)}`);
      return;
    case 'ModuleDecl':
      line(out, 0, at, `module ${d.name.text}${label(d.label)}`);
      if (d.source) line(out, 2, d.source.span.start, `bron ${printString(d.source)}`);
      if (d.rate) line(out, 2, d.rate.span.start, `tarief ${printExpr(d.rate)}`);
      for (const v of d.variants)
        line(out, 2, v.span.start, `variant ${v.name.text}${label(v.label)} tarief ${printExpr(v.rate)}`);
      if (d.quantity) line(out, 2, d.quantity.span.start, `hoeveelheid ${printExpr(d.quantity)}`);
      for (const m of d.maxima)
        line(out, 2, m.span.start, `maximum ${printExpr(m.value)}${m.per ? ` per ${m.per.text}` : ''}`);
      if (d.rounding) line(out, 2, d.rounding.span.start, printRounding(d.rounding));
      for (const c of d.conditions) {
        line(out, 2, c.span.start, `toegestaan als ${printExpr(c.when)}`);
        line(out, 2, c.reason.span.start, `anders ${printString(c.reason)}`);
      }
      return;
    case 'RuleDecl':
      line(out, 0, at, `regel ${printString(d.name)}`);
      if (d.scope !== 'beschikking') line(out, 2, d.name.span.end, scopeText(d.scope).trim());
      line(out, 2, d.when.span.start, `als ${printExpr(d.when)}`);
      line(out, 2, d.message.span.start, `dan ${d.severity} ${printString(d.message)}`);
      return;
    case 'ProvisionDecl':
      line(out, 0, at, `voorziening ${d.name.text}${label(d.label)} budget ${printExpr(d.budget)}`);
      return;
    case 'ScenarioDecl':
      printScenario(d, out);
      return;
    case 'IndexationDecl': {
      const which =
        d.all !== undefined || d.tables.length === 0
          ? `alle ${d.all ?? 'tabellen'}`
          : d.tables.map((t) => t.text).join(', ');
      const only = d.selection === undefined ? '' : ` voor ${selectionText(d.selection)}`;
      line(
        out,
        0,
        at,
        `indexeer ${which}${only} met ${printExpr(d.percent)}${d.rounding ? ' ' + printRounding(d.rounding) : ''}`,
      );
      return;
    }
    case 'WithdrawDecl':
      line(
        out,
        0,
        at,
        `vervalt ${d.target} ${d.name.kind === 'StringLit' ? printString(d.name) : d.name.text}`,
      );
      return;
    case 'AllocationDecl':
      printAllocation(d, out);
      return;
    case 'UnitDecl': {
      const plural = d.plural ? ` meervoud ${d.plural.text}` : '';
      const code = d.code ? ` istandaard ${d.code.text}` : '';
      line(out, 0, at, `eenheid ${d.name.text}${plural}${label(d.label)}${code}`);
      if (d.source) line(out, 2, d.source.span.start, `bron ${printString(d.source)}`);
      return;
    }
    default:
      assertNever(d);
  }
}

function printAllocation(d: A.AllocationDecl, out: Out): void {
  const target = d.target === 'module' ? `module ${d.module?.text ?? ''}` : d.target;
  const unit = d.unit ? ` in ${d.unit.text} totaal` : '';
  line(out, 0, d.span.start, `toewijzing ${target}${label(d.label)}${unit}`);
  if (d.source) line(out, 2, d.source.span.start, `bron ${printString(d.source)}`);
  if (d.keys.length > 0)
    line(out, 2, d.keys[0]?.span.start ?? d.span.start, `rijen ${d.keys.map((k) => k.text).join(', ')}`);
  const widths: number[] = [];
  for (const r of d.rows) r.keys.forEach((k, i) => (widths[i] = Math.max(widths[i] ?? 0, k.text.length)));
  const keysWidth = widths.reduce((a, w) => a + w + 2, 0);
  for (const r of d.rows) {
    const keys = r.keys.map((k, i) => pad(k.text, widths[i] ?? 0) + '  ').join('');
    const category = r.category ? `categorie ${r.category.text}` : '';
    const code = r.code ? `code ${printString(r.code)}` : '';
    const rest = [category, code].filter((x) => x !== '').join(' ');
    line(out, 2, r.span.start, pad(keys, keysWidth) + rest);
  }
}

/** Fields whose value names something (a result's id, a module's variant): written bare, like other names. */
const NAMING_FIELDS: ReadonlySet<string> = new Set(['resultaat', 'variant']);

/** A scenario's `veld = waarde`; `resultaat = "r1"` and `variant = "rit"` print as `resultaat = r1`, `variant = rit`. */
const assignmentValue = (f: A.Assignment): string =>
  NAMING_FIELDS.has(f.name.text) && f.value.kind === 'StringLit' && isBareName(f.value.value)
    ? f.value.value
    : printExpr(f.value);

const assignments = (fs: readonly A.Assignment[]): string =>
  fs.map((f) => `${f.name.text} = ${assignmentValue(f)}`).join(', ');

function printScenario(d: A.ScenarioDecl, out: Out): void {
  line(out, 0, d.span.start, `scenario ${printString(d.name)}`);
  if (d.given.length > 0) line(out, 2, d.given[0]?.span.start ?? d.span.start, 'gegeven');
  for (const g of d.given) {
    switch (g.kind) {
      case 'GivenField':
        line(out, 4, g.span.start, assignments([g.field]));
        break;
      case 'GivenResult':
        line(out, 4, g.span.start, `resultaat ${g.id.text}: ${assignments(g.fields)}`);
        break;
      case 'GivenModule':
        line(
          out,
          4,
          g.span.start,
          `module ${g.module.text}${g.id ? ' ' + g.id.text : ''}: ${assignments(g.fields)}`,
        );
        break;
      default:
        assertNever(g);
    }
  }
  for (const e of d.expectations) line(out, 2, e.span.start, `verwacht ${expectation(e)}`);
}

function expectation(e: A.Expectation): string {
  switch (e.kind) {
    case 'ExpectTotal':
      return `totaal = ${printExpr(e.amount)}`;
    case 'ExpectResult':
      return `resultaat ${e.id.text} = ${printExpr(e.amount)}`;
    case 'ExpectModuleAmount':
      return `module ${e.module.text} = ${printExpr(e.amount)}`;
    case 'ExpectModuleDecision':
      return `module ${e.module.text} ${e.allowed ? 'toegestaan' : 'geweigerd'}${e.reason ? ` ${printString(e.reason)}` : ''}`;
    case 'ExpectDiagnostic':
      return `${e.severity} ${printString(e.rule)}`;
    case 'ExpectNoDiagnostic':
      return `geen ${e.severity} ${printString(e.rule)}`;
    case 'ExpectNoErrors':
      return 'geen fouten';
    case 'ExpectNoWarnings':
      return 'geen waarschuwingen';
    case 'ExpectInvalid':
      return 'ongeldig';
    case 'ExpectHours':
      return `uren ${e.id.text} = ${printExpr(e.hours)}`;
    default:
      return assertNever(e);
  }
}

/** Declarations that print as one line stay together with a neighbour of the same kind. */
const isOneLiner = (d: A.Decl): boolean =>
  d.kind === 'BandwidthDecl' ||
  (d.kind === 'ParameterDecl' && d.source === undefined) ||
  d.kind === 'CalcDecl' ||
  (d.kind === 'UnitDecl' && d.source === undefined) ||
  d.kind === 'ProvisionDecl' ||
  d.kind === 'IndexationDecl' ||
  d.kind === 'WithdrawDecl';

/** Prints a file's AST with its comments. */
export function printFile(file: A.RulesFile, comments: readonly SourceComment[], text: string): string {
  const out: Out = [];
  const blankBefore = new Set<number>();
  if (file.header) printHeader(file.header, out, text);
  let prev: A.Decl | undefined;
  for (const d of file.decls) {
    if (out.length > 0 && !(prev !== undefined && prev.kind === d.kind && isOneLiner(prev) && isOneLiner(d)))
      blankBefore.add(out.length);
    printDecl(d, out);
    prev = d;
  }
  return placeComments(out, blankBefore, comments, text);
}

/** Puts comments back: own-line comments before the next printed line, trailing ones at the end of theirs. */
function placeComments(
  out: Out,
  blankBefore: ReadonlySet<number>,
  comments: readonly SourceComment[],
  text: string,
): string {
  const index = new LineIndex(text);
  const lineOf = (offset: number): number => index.position(offset).line;
  const srcLines = out.map((l) => lineOf(l.src));
  const before = new Map<number, string[]>();
  const trailing = new Map<number, string[]>();
  const atEnd: string[] = [];
  for (const c of comments) {
    const cl = lineOf(c.span.start);
    const lineStart = index.offset({ line: cl, column: 1 });
    const ownLine = text.slice(lineStart, c.span.start).trim() === '';
    const body = c.text.trimEnd();
    if (ownLine) {
      let best = -1;
      srcLines.forEach((s, i) => {
        if (s > cl && (best < 0 || s < (srcLines[best] ?? 0))) best = i;
      });
      // A blank line after a comment block is kept (it separates a file comment from what follows).
      const blankAfter = cl < index.lineCount && index.lineText(cl + 1).trim() === '';
      if (best < 0) atEnd.push(body);
      else before.set(best, [...(before.get(best) ?? []), body, ...(blankAfter ? [''] : [])]);
    } else {
      let best = -1;
      srcLines.forEach((s, i) => {
        if (s <= cl && (best < 0 || s >= (srcLines[best] ?? 0))) best = i;
      });
      if (best < 0) atEnd.push(body);
      else trailing.set(best, [...(trailing.get(best) ?? []), body]);
    }
  }
  const lines: string[] = [];
  out.forEach((l, i) => {
    if (blankBefore.has(i)) lines.push('');
    for (const c of before.get(i) ?? []) lines.push(c === '' ? '' : ' '.repeat(l.indent) + c);
    const tr = trailing.get(i);
    lines.push(' '.repeat(l.indent) + l.text + (tr ? '  ' + tr.join(' ') : ''));
  });
  if (atEnd.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(...atEnd);
  }
  return lines.join('\n') + '\n';
}

/** Formats a text; refuses (with the diagnostics) when it has syntax errors. */
export function formatText(
  text: string,
  file: string,
): { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] } {
  const { ast, diagnostics, comments } = parse(text, file);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ok: true, text: printFile(ast, comments, text) };
}
