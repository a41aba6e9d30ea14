/**
 * Editing a parameter's written value from the sheet, in a `concept` version: the value is changed where the
 * file declares the parameter; otherwise the file gets `parameter <naam> = <waarde>` with the bron it inherits (a
 * declaration replaces the base's whole parameter, so the bron is written again). Only parameters with a written
 * amount, rate, percentage or number; a calculated one is changed in the text. Formatted like a cell edit.
 */
import type { Ast, Ir } from '../../dsl/index.js';
import { formatText, hasErrors, parse } from '../../dsl/index.js';
import { dec } from '../engine/decimal.js';
import { formatBlocks, quote } from './amend-blocks.js';
import { parseCellEntry } from './cell-text.js';
import { sheetParameter } from './sheet.js';
import type { CellEditResult } from './table-edit.js';
import { insertionPoint } from './table-edit.js';

export interface ParameterEditRequest {
  readonly file: string;
  readonly text: string;
  readonly program: Ir.Program;
  readonly name: string;
  /** What the advisor typed: "13,50", "€ 13,50 per rit", "17 %". */
  readonly typed: string;
}

/** The value as the language writes it: "€ 13,50 per rit", "€ 2.500,00", "17 %", "0,6". */
function literal(type: Ir.Type, written: string): string | undefined {
  switch (type.kind) {
    case 'money':
      return `€ ${written}`;
    case 'rate':
      return `€ ${written} per ${type.per}`;
    case 'percent':
      return `${written} %`;
    case 'number':
      return written;
    default:
      return undefined;
  }
}

export function editParameter(req: ParameterEditRequest): CellEditResult {
  const { program, text } = req;
  if (program.status !== 'concept') {
    return {
      ok: false,
      fout: `Versie ${program.version} is ${program.status}: alleen een conceptversie kan worden gewijzigd.`,
    };
  }
  const param = program.parameters.find((p) => p.name === req.name);
  const current = param === undefined ? undefined : sheetParameter(param);
  if (param === undefined || current === undefined) {
    return { ok: false, fout: `Versie ${program.version} heeft geen parameter ${req.name}.` };
  }
  if (current.value === undefined || literal(param.type, '0') === undefined) {
    return {
      ok: false,
      fout: `Parameter ${param.name} heeft geen geschreven bedrag, tarief, percentage of getal; wijzig hem in de tekst.`,
    };
  }
  const entry = parseCellEntry(param.type, req.typed);
  if (!entry.ok) return entry;
  if (entry.value === null)
    return { ok: false, fout: `Een parameter heeft altijd een waarde; "-" kan niet.` };
  const lit = literal(param.type, entry.written) ?? entry.written;
  const parsed = parse(text, req.file);
  if (hasErrors(parsed.diagnostics)) {
    return { ok: false, fout: 'Het bestand bevat schrijffouten; los die eerst op in de tekst.' };
  }
  const formatted = formatText(text, req.file);
  const finish = (next: string): CellEditResult => {
    const f = formatted.ok && formatted.text === text ? formatText(next, req.file) : undefined;
    const out = f?.ok === true ? f.text : next;
    return { ok: true, text: out, value: entry.value, changed: out !== text };
  };
  const own = parsed.ast.decls.find(
    (d): d is Ast.ParameterDecl => d.kind === 'ParameterDecl' && d.name.text === param.name,
  );
  if (own !== undefined) {
    return finish(text.slice(0, own.value.span.start) + lit + text.slice(own.value.span.end));
  }
  // Inherited: nothing to write when the value stays what the version already has.
  if (dec(current.value).eq(dec(entry.value))) return { ok: true, text, value: entry.value, changed: false };
  const bron = param.source !== undefined ? `\n  bron ${quote(param.source)}` : '';
  const block = formatBlocks(`parameter ${param.name} = ${lit}${bron}`);
  const at = insertionPoint(text, parsed.ast);
  const before = text.slice(0, at).replace(/\n*$/, '\n');
  const after = text.slice(at).replace(/^\n*/, '');
  return finish(`${before}\n${block}${after === '' ? '' : `\n${after}`}`);
}
