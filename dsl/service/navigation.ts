/**
 * Go to definition, find references and rename, by name within a ruleset and within the name space the
 * position implies (a domain used as a type or table key is not the field of the same name).
 */
import { findDefinitions, occurrenceAt, occurrencesOf } from './definitions.js';
import type { Location, TextEdit } from './types.js';
import type { Workspace } from './workspace.js';

const NAME =
  /^[a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f][a-zA-Z0-9_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]*$/;

export function definition(ws: Workspace, path: string, offset: number): Location[] {
  const file = ws.file(path);
  if (file === undefined) return [];
  const at = occurrenceAt(file, offset);
  if (at === undefined) return [];
  const chain = ws.chain(path);
  const hits = findDefinitions(chain.length > 0 ? chain : [file], at.text, at.ns);
  const found = hits.length > 0 ? hits : findDefinitions(ws.ruleset(path), at.text, at.ns);
  return found.map((d) => ({ file: d.file.path, span: d.nameSpan }));
}

export function references(ws: Workspace, path: string, offset: number): Location[] {
  const file = ws.file(path);
  if (file === undefined) return [];
  const at = occurrenceAt(file, offset);
  if (at === undefined) return [];
  return ws.ruleset(path).flatMap((f) =>
    occurrencesOf(f)
      .filter((o) => o.text === at.text && o.ns === at.ns)
      .map((o) => ({ file: f.path, span: o.span })),
  );
}

export function rename(
  ws: Workspace,
  path: string,
  offset: number,
  newName: string,
): { edits: TextEdit[] } | { fout: string } {
  if (!NAME.test(newName)) {
    return {
      fout: `'${newName}' is geen geldige naam: begin met een letter, gebruik letters, cijfers en _.`,
    };
  }
  const file = ws.file(path);
  const at = file === undefined ? undefined : occurrenceAt(file, offset);
  if (at === undefined) return { fout: 'Hier staat geen naam om te hernoemen.' };
  const clash = findDefinitions(ws.chain(path), newName, at.ns);
  if (clash.length > 0) return { fout: `De naam '${newName}' bestaat al.` };
  const edits = references(ws, path, offset).map((l) => ({ file: l.file, span: l.span, newText: newName }));
  return { edits };
}
