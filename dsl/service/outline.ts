/** The outline (document symbols) and folding ranges of one file. */
import type * as Ast from '../ast/ast.js';
import type { DocumentSymbol, FoldingRange } from './types.js';
import type { ParsedFile } from './workspace.js';
import { selectionText } from '../text/selection-text.js';

const leaf = (
  name: string,
  kind: DocumentSymbol['kind'],
  node: { span: Ast.Node['span'] },
  selection: Ast.Node['span'],
  detail = '',
  children: DocumentSymbol[] = [],
): DocumentSymbol => ({ name, detail, kind, span: node.span, selectionSpan: selection, children });

function symbolOf(d: Ast.Decl): DocumentSymbol {
  switch (d.kind) {
    case 'DomainDecl':
      return leaf(
        d.name.text,
        'domein',
        d,
        d.name.span,
        d.label?.value ?? '',
        d.values.map((v) => leaf(v.name.text, 'waarde', v, v.name.span, v.description?.value ?? '')),
      );
    case 'BandwidthDecl':
      return leaf(
        `${d.name.text} bij ${d.intensity.text}`,
        'bandbreedte',
        d,
        d.name.span,
        `${d.from.value}–${d.to.value}`,
      );
    case 'InputDecl':
      return leaf(
        `invoer ${d.level}`,
        'invoer',
        d,
        d.levelSpan,
        '',
        d.fields.map((f) =>
          leaf(f.name.text, 'veld', f, f.name.span, f.type.name + (f.optional ? ' optioneel' : '')),
        ),
      );
    case 'ParameterDecl':
      return leaf(d.name.text, 'parameter', d, d.name.span);
    case 'TableDecl':
      return leaf(d.name.text, 'tabel', d, d.name.span, d.label?.value ?? '');
    case 'CalcDecl':
      return leaf(d.name.text, 'berekening', d, d.name.span);
    case 'BudgetDecl':
      return leaf('budget voor elk resultaat', 'budget', d, d.span);
    case 'ModuleDecl':
      return leaf(
        d.name.text,
        'module',
        d,
        d.name.span,
        d.label?.value ?? '',
        d.variants.map((v) => leaf(v.name.text, 'variant', v, v.name.span, v.label?.value ?? '')),
      );
    case 'RuleDecl':
      return leaf(d.name.value, 'regel', d, d.name.span, d.severity);
    case 'ProvisionDecl':
      return leaf(d.name.text, 'voorziening', d, d.name.span, d.label?.value ?? '');
    case 'ScenarioDecl':
      return leaf(d.name.value, 'scenario', d, d.name.span);
    case 'IndexationDecl':
      return leaf(
        (d.tables.length === 0
          ? `indexeer alle ${d.all ?? 'tabellen'}`
          : `indexeer ${d.tables.map((t) => t.text).join(', ')}`) +
          (d.selection === undefined
            ? ''
            : ` voor ${selectionText(d.selection.map((p) => ({ domain: p.domain?.text, values: p.values.map((v) => v.text) })))}`),
        'indexatie',
        d,
        d.span,
      );
    case 'WithdrawDecl':
      return leaf(
        `vervalt ${d.target} ${d.name.kind === 'Name' ? d.name.text : d.name.value}`,
        'vervalt',
        d,
        d.name.span,
      );
    case 'AllocationDecl':
      return leaf(
        `toewijzing ${d.target === 'module' ? `module ${d.module?.text ?? ''}` : d.target}`,
        'toewijzing',
        d,
        d.module?.span ?? d.span,
        d.unit ? `in ${d.unit.text} totaal` : '',
      );
    case 'UnitDecl':
      return leaf(d.name.text, 'eenheid', d, d.name.span, d.label?.value ?? '');
  }
}

export function documentSymbols(file: ParsedFile): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const h = file.ast.header;
  if (h !== undefined) {
    out.push(
      leaf(
        `${h.ruleset.value} ${h.version.value}`,
        'kop',
        h,
        h.version.span,
        `geldig vanaf ${h.validFrom.value}`,
      ),
    );
  }
  for (const d of file.ast.decls) out.push(symbolOf(d));
  return out;
}

/** Declarations that span more than one line, and runs of comment lines. */
export function foldingRanges(file: ParsedFile): FoldingRange[] {
  const out: FoldingRange[] = [];
  const multiLine = (s: Ast.Node['span']) => file.text.slice(s.start, s.end).includes('\n');
  if (file.ast.header !== undefined && multiLine(file.ast.header.span))
    out.push({ span: file.ast.header.span });
  for (const d of file.ast.decls) if (multiLine(d.span)) out.push({ span: d.span });
  // Comment blocks of three or more lines.
  const lines = file.text.split('\n');
  let offset = 0;
  let blockStart = -1;
  let blockEnd = 0;
  let count = 0;
  for (const line of lines) {
    if (/^\s*\/\//.test(line)) {
      if (count === 0) blockStart = offset;
      count++;
      blockEnd = offset + line.length;
    } else {
      if (count >= 3) out.push({ span: { start: blockStart, end: blockEnd } });
      count = 0;
    }
    offset += line.length + 1;
  }
  if (count >= 3) out.push({ span: { start: blockStart, end: blockEnd } });
  return out;
}
