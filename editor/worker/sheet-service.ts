/**
 * The worker's side of the Tarieven tab and of comparing any two versions: the sheet of the open version
 * (src/sheet), a cell edit as the smallest `wijzig tabel` (src/sheet/table-edit.ts), the diff of two chosen
 * versions with the CLI's text and CSV, and what an `indexeer` does for the hover. Plain data out.
 */
import type { Ir } from '../../dsl/index.js';
import type { CompileOutcome } from '../../dsl/service/pipeline.js';
import { diffCsv } from '../../src/change/diff-csv.js';
import { diffPrograms } from '../../src/change/diff.js';
import { renderDiff } from '../../src/change/render-diff.js';
import { indexationEffect, indexationMarkdown } from '../../src/sheet/indexation-effect.js';
import { editParameter } from '../../src/sheet/parameter-edit.js';
import { buildSheet, type Sheet } from '../../src/sheet/sheet.js';
import { editTableCell, type CellEditResult } from '../../src/sheet/table-edit.js';
import { diffView } from './version-diff.js';
import type { DiffState } from './protocol.js';

export type SheetState =
  | { readonly kind: 'ok'; readonly sheet: Sheet }
  | { readonly kind: 'fouten'; readonly errors: number }
  | { readonly kind: 'geen'; readonly reason: string };

export type CompareResult =
  | {
      readonly kind: 'ok';
      readonly state: DiffState;
      /** The text `regelwerk diff` prints, and the CSV of `regelwerk diff --csv`. */
      readonly text: string;
      readonly csv: string;
    }
  | { readonly kind: 'fouten'; readonly errors: number }
  | { readonly kind: 'geen'; readonly reason: string };

const errorCount = (c: CompileOutcome): number => c.diagnostics.filter((d) => d.severity === 'fout').length;

/** The version in `path`, and its base (the regional version for an override). */
function versionOf(
  programs: readonly Ir.Program[],
  path: string,
): { program?: Ir.Program; base?: Ir.Program } {
  const program = programs.find((p) => p.file === path);
  if (program === undefined) return {};
  const base =
    program.base === undefined
      ? undefined
      : (programs.find((p) => p.version === program.base && p.ruleset === program.ruleset) ??
        programs.find((p) => p.version === program.base));
  return { program, ...(base !== undefined ? { base } : {}) };
}

export function sheetState(compiled: CompileOutcome, path: string): SheetState {
  if (!compiled.ok) return { kind: 'fouten', errors: errorCount(compiled) };
  const { program } = versionOf(compiled.programs, path);
  if (program === undefined) return { kind: 'geen', reason: 'Dit bestand is geen versie van een regelset.' };
  return { kind: 'ok', sheet: buildSheet(program) };
}

export function sheetEdit(
  compiled: CompileOutcome,
  path: string,
  text: string | undefined,
  table: string,
  key: readonly string[],
  typed: string,
): CellEditResult {
  if (!compiled.ok) {
    const n = errorCount(compiled);
    return { ok: false, fout: `De regels bevatten ${n} ${n === 1 ? 'fout' : 'fouten'}; los die eerst op.` };
  }
  const { program, base } = versionOf(compiled.programs, path);
  if (program === undefined || text === undefined) {
    return { ok: false, fout: 'Dit bestand is geen versie van een regelset.' };
  }
  return editTableCell({ file: path, text, program, base, table, key, typed });
}

export function parameterEdit(
  compiled: CompileOutcome,
  path: string,
  text: string | undefined,
  name: string,
  typed: string,
): CellEditResult {
  if (!compiled.ok) {
    const n = errorCount(compiled);
    return { ok: false, fout: `De regels bevatten ${n} ${n === 1 ? 'fout' : 'fouten'}; los die eerst op.` };
  }
  const { program } = versionOf(compiled.programs, path);
  if (program === undefined || text === undefined) {
    return { ok: false, fout: 'Dit bestand is geen versie van een regelset.' };
  }
  return editParameter({ file: path, text, program, name, typed });
}

export function compareVersions(compiled: CompileOutcome, from: string, to: string): CompareResult {
  if (!compiled.ok) return { kind: 'fouten', errors: errorCount(compiled) };
  const a = compiled.programs.find((p) => p.version === from);
  const b = compiled.programs.find((p) => p.version === to);
  if (a === undefined || b === undefined) {
    return { kind: 'geen', reason: `Versie ${a === undefined ? from : to} is niet gevonden.` };
  }
  const d = diffPrograms(a, b);
  return { kind: 'ok', state: diffView(a, b, d), text: renderDiff(d), csv: diffCsv(d) };
}

/** Markdown for the hover on an `indexeer` line, or undefined when the offset is on none. */
export function indexationHover(compiled: CompileOutcome, path: string, offset: number): string | undefined {
  if (!compiled.ok) return undefined;
  const { program } = versionOf(compiled.programs, path);
  if (program === undefined) return undefined;
  const effect = indexationEffect(program, path, offset);
  return effect === undefined ? undefined : indexationMarkdown(effect);
}
