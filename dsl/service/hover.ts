/**
 * Hover: what a name or a table cell means, with its value and unit, the version and effective date it comes
 * from, and its `bron`.
 */
import type * as Ast from '../ast/ast.js';
import { UNIT_AFTER_NUMBER, UNIT_SPELLINGS } from '../ast/ast.js';
import { ALLOCATION_UNITS, ISTANDAARD_WETTEN, PRODUCT_CATEGORIES } from '../ir/istandaard.js';
import { assertNever } from '../text/span.js';
import { findDefinitions, occurrenceAt, type Definition } from './definitions.js';
import type { HoverInfo } from './types.js';
import type { ParsedFile, Workspace } from './workspace.js';

/** "1234.5" → "1.234,50" (display only). */
export function dutchNumber(value: string, decimals?: number): string {
  const neg = value.startsWith('-');
  const [int = '0', frac = ''] = (neg ? value.slice(1) : value).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const f =
    decimals === undefined
      ? frac
      : (frac + '0'.repeat(decimals)).slice(0, Math.max(decimals, frac.replace(/0+$/, '').length));
  return `${neg ? '-' : ''}${grouped}${f.length > 0 ? ',' + f : ''}`;
}

function cellText(unit: Ast.CellUnit, value: string): string {
  switch (unit.kind) {
    case 'money':
      return `€ ${dutchNumber(value, 2)}`;
    case 'rate':
      return `€ ${dutchNumber(value, 2)} per ${unit.per}`;
    case 'percent':
      return `${dutchNumber(value)} %`;
    case 'number':
      return dutchNumber(value);
    default:
      return assertNever(unit);
  }
}

function versionLine(file: ParsedFile): string {
  const h = file.ast.header;
  if (h === undefined) return `Uit \`${file.path}\``;
  const status = h.status === undefined ? '' : ` (${h.status})`;
  return `Versie **${h.version.value}**${status}, geldig vanaf ${h.validFrom.value} — \`${file.path}\``;
}

const slice = (file: ParsedFile, node: Ast.Node): string =>
  file.text.slice(node.span.start, node.span.end).trim();
const bron = (s: Ast.StringLit | undefined, file: ParsedFile): string =>
  s !== undefined
    ? `Bron: ${s.value}`
    : file.ast.header?.source !== undefined
      ? `Bron (versie): ${file.ast.header.source.value}`
      : 'Geen bron opgegeven.';

function cellHover(file: ParsedFile, offset: number): HoverInfo | undefined {
  for (const d of file.ast.decls) {
    if (d.kind !== 'TableDecl' || offset < d.span.start || offset > d.span.end) continue;
    for (const row of d.rows) {
      if (offset < row.span.start || offset > row.span.end) continue;
      const i = row.cells.findIndex((c) => c.span.start <= offset && offset <= c.span.end);
      const cell = row.cells[i];
      if (cell === undefined) return undefined;
      const column = d.header[i]?.keys.map((k) => k.text) ?? [];
      const key = [...row.keys.map((k) => k.text), ...column].join(', ');
      const value = cell.kind === 'CellValue' ? cellText(d.unit, cell.value) : '— (bestaat niet)';
      return {
        span: cell.span,
        markdown: [
          `**${d.name.text}**[${key}] = **${value}**`,
          d.label !== undefined ? d.label.value : '',
          versionLine(file),
          bron(d.source, file),
        ]
          .filter((l) => l !== '')
          .join('\n\n'),
      };
    }
  }
  return undefined;
}

/** Hover in a `toewijzing`: the category's name in the code list, the unit's Eenheid code. */
function allocationHover(file: ParsedFile, offset: number): HoverInfo | undefined {
  for (const d of file.ast.decls) {
    if (d.kind !== 'AllocationDecl' || offset < d.span.start || offset > d.span.end) continue;
    const within = (n: Ast.Node | undefined): boolean =>
      n !== undefined && n.span.start <= offset && offset <= n.span.end;
    if (within(d.unit) && d.unit) {
      const unit = ALLOCATION_UNITS[d.unit.text];
      // A declared unit (`in sessies totaal`) is described by its declaration (the general hover).
      if (unit === undefined) return undefined;
      return {
        span: d.unit.span,
        markdown: `**Eenheid ${unit.eenheid}** (${unit.word}), Frequentie 6: totaal binnen de geldigheidsduur van de toewijzing.`,
      };
    }
    for (const row of d.rows) {
      if (!within(row.category) || !row.category) continue;
      const c = row.category.text;
      const names = ISTANDAARD_WETTEN.flatMap((w) => {
        const name = PRODUCT_CATEGORIES[w][c];
        return name === undefined ? [] : [`${name} (${w === 'jeugdwet' ? 'iJw' : 'iWmo'})`];
      });
      return {
        span: row.category.span,
        markdown: [
          c === '-'
            ? '**categorie -**: deze combinatie wordt niet toegewezen.'
            : `**Productcategorie ${c}**: ${names.join('; ') || 'onbekend'}`,
          row.code ? `Productcode ${row.code.value} (regionaal afgesproken)` : '',
        ]
          .filter((l) => l !== '')
          .join('\n\n'),
      };
    }
  }
  return undefined;
}

function describe(def: Definition): string[] {
  const f = def.file;
  const n = def.node;
  switch (n.kind) {
    case 'ParameterDecl':
      return [`parameter **${n.name.text}** = \`${slice(f, n.value)}\``, versionLine(f), bron(n.source, f)];
    case 'TableDecl': {
      const unit = f.text.slice(n.unitSpan.start, n.unitSpan.end).trim();
      const keys = [...n.rowKeys, ...n.columnKeys].map((k) => k.text).join(', ');
      return [
        `tabel **${n.name.text}**${n.label !== undefined ? ` — ${n.label.value}` : ''}`,
        `Eenheid: ${unit}; sleutel: [${keys}]; ${n.rows.length} rijen`,
        versionLine(f),
        bron(n.source, f),
      ];
    }
    case 'DomainDecl':
      return [
        `domein **${n.name.text}**${n.label !== undefined ? ` — ${n.label.value}` : ''}`,
        `Waarden: ${n.values.map((v) => v.name.text).join(', ')}`,
        versionLine(f),
      ];
    case 'DomainValue':
      return [
        `**${n.name.text}** (waarde van domein ${def.parent ?? '?'})`,
        n.description?.value ?? '',
        versionLine(f),
      ];
    case 'BandwidthDecl': {
      const ranges = f.ast.decls
        .filter((d): d is Ast.BandwidthDecl => d.kind === 'BandwidthDecl' && d.name.text === n.name.text)
        .map(
          (d) =>
            `${d.intensity.text}: ${dutchNumber(d.from.value)} tot ${dutchNumber(d.to.value)} ${d.unit}${d.per !== undefined ? ` per ${d.per}` : ''}`,
        );
      return [`bandbreedte **${n.name.text}**`, ranges.join('  \n'), versionLine(f)];
    }
    case 'FieldDecl':
      return [
        `veld **${n.name.text}**: ${n.type.name}${n.optional ? ' (optioneel)' : ''}`,
        `Invoer: ${def.parent ?? ''}`,
        versionLine(f),
      ];
    case 'CalcDecl':
      return [`bereken **${n.name.text}** = \`${slice(f, n.value)}\``, `Per: ${n.scope}`, versionLine(f)];
    case 'ModuleDecl': {
      const rates =
        n.variants.length > 0
          ? n.variants.map((v) => `- ${v.name.text}: \`${slice(f, v.rate)}\``).join('\n')
          : n.rate !== undefined
            ? `Tarief: \`${slice(f, n.rate)}\``
            : '';
      return [
        `module **${n.name.text}**${n.label !== undefined ? ` — ${n.label.value}` : ''}`,
        rates,
        ...n.maxima.map((m) => `Maximum: \`${slice(f, m.value)}${m.per ? ` per ${m.per.text}` : ''}\``),
        versionLine(f),
        bron(n.source, f),
      ];
    }
    case 'ModuleVariant':
      return [
        `variant **${n.name.text}** van module ${def.parent ?? '?'}`,
        `Tarief: \`${slice(f, n.rate)}\``,
        versionLine(f),
      ];
    case 'ProvisionDecl':
      return [`voorziening **${n.name.text}** — budget \`${slice(f, n.budget)}\``, versionLine(f)];
    case 'UnitDecl':
      return [
        `eenheid **${n.name.text}** (meervoud ${n.plural?.text ?? n.name.text})${n.label !== undefined ? ` — ${n.label.value}` : ''}`,
        n.code !== undefined
          ? `iStandaard-eenheid ${n.code.text} (WJ756): een toewijzing in ${n.plural?.text ?? n.name.text} telt één op één.`
          : 'Geen iStandaard-eenheid: een toewijzing in deze eenheid kan niet (schrijf istandaard <code>).',
        versionLine(f),
        bron(n.source, f),
      ];
    default:
      return [slice(f, n).split('\n')[0] ?? '', versionLine(f)];
  }
}

/**
 * A value in the selection of a partial indexation (`voor ondersteuningsbehoefte OB2`): that value of that domain
 * (a value such as `zwaar` may exist in more domains).
 */
function selectionHover(
  ws: Workspace,
  path: string,
  file: ParsedFile,
  offset: number,
): HoverInfo | undefined {
  for (const d of file.ast.decls) {
    if (d.kind !== 'IndexationDecl' || offset < d.span.start || offset > d.span.end) continue;
    for (const p of d.selection ?? []) {
      const v = p.values.find((x) => x.span.start <= offset && offset <= x.span.end);
      if (v === undefined || p.domain === undefined) continue;
      const domain = p.domain.text;
      const defs = [
        ...findDefinitions(ws.chain(path), v.text, 'value'),
        ...findDefinitions(ws.ruleset(path), v.text, 'value'),
      ];
      const def = defs.find(
        (x) => x.parent === domain || (x.kind === 'bandbreedte' && domain === 'bandbreedte'),
      );
      const lines = def === undefined ? [`**${v.text}** staat niet in domein ${domain}.`] : describe(def);
      lines.push(
        `Deze indexatie geldt alleen voor de cellen met ${domain} ${p.values.map((x) => x.text).join(', ')}.`,
      );
      return { span: v.span, markdown: lines.filter((l) => l !== '').join('\n\n') };
    }
  }
  return undefined;
}

/** A built-in unit after a number or `per` (`3 weken`): the default vocabulary, which rules can extend. */
function builtinUnitHover(word: string, span: HoverInfo['span']): HoverInfo | undefined {
  const unit = UNIT_SPELLINGS[word];
  if (unit === undefined) return undefined;
  return {
    span,
    markdown: `ingebouwde eenheid **${unit}** (meervoud ${UNIT_AFTER_NUMBER[unit]})\n\nEen eigen eenheid declareert u met \`eenheid <naam> meervoud <meervoud> "<omschrijving>"\`.`,
  };
}

export function hover(ws: Workspace, path: string, offset: number): HoverInfo | undefined {
  const file = ws.file(path);
  if (file === undefined) return undefined;
  const cell =
    cellHover(file, offset) ?? allocationHover(file, offset) ?? selectionHover(ws, path, file, offset);
  if (cell !== undefined) return cell;
  const at = occurrenceAt(file, offset);
  if (at === undefined) return undefined;
  const defs = findDefinitions(ws.chain(path), at.text, at.ns);
  const found = defs.length > 0 ? defs : findDefinitions(ws.ruleset(path), at.text, at.ns);
  if (found.length === 0) return builtinUnitHover(at.text, at.span);
  const markdown = found
    .slice(0, 3)
    .map((d) =>
      describe(d)
        .filter((l) => l !== '')
        .join('\n\n'),
    )
    .join('\n\n---\n\n');
  return { span: at.span, markdown };
}
