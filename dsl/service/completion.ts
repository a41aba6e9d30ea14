/**
 * Completion: what fits at the cursor. Context comes from the text around the cursor (robust while the user is
 * typing something that does not parse yet) and the names the ruleset declares (nearest version first).
 */
import { BUILTIN_FUNCTIONS } from '../ast/ast.js';
import { indexationCompletion } from './completion-indexation.js';
import { kw, nameItems, names, unitItems, valueItems, type Names } from './completion-names.js';
import type { CompletionItem } from './types.js';
import type { Workspace } from './workspace.js';

const DECLARATION_KEYWORDS = [
  'domein',
  'bandbreedte',
  'invoer',
  'parameter',
  'tabel',
  'wijzig tabel',
  'bereken',
  'budget voor elk resultaat',
  'module',
  'regel',
  'voorziening',
  'scenario',
  'indexeer',
  'vervalt',
  'toewijzing',
  'eenheid',
];

const SNIPPETS: readonly CompletionItem[] = [
  {
    label: 'toewijzing (nieuw)',
    kind: 'snippet',
    detail: 'iStandaard-toewijzing van een module (JW301/WMO301)',
    insertText:
      'toewijzing module ${1:naam} "${2:Omschrijving}" in ${3:euro\'s} totaal\n  rijen wet\n  jeugdwet categorie ${4:45} code "${5:45A01}"\n  wmo categorie ${6:02} code "${7:02A01}"\n',
    snippet: true,
  },
  {
    label: 'tabel (nieuw)',
    kind: 'snippet',
    detail: 'Nieuwe tarieftabel',
    insertText:
      'tabel ${1:naam} "${2:Omschrijving}" in € per ${3:week}\n  rijen ${4:perspectief}\n  bron "${5:Tarievenblad}"\n  ${6:ontwikkelen}  ${7:0,00}\n',
    snippet: true,
  },
  {
    label: 'regel (nieuw)',
    kind: 'snippet',
    detail: 'Nieuwe regel met een fout',
    insertText:
      'regel "${1:Naam van de regel}"\n  als ${2:voorwaarde}\n  dan fout "${3:Melding voor de gebruiker.}"\n',
    snippet: true,
  },
  {
    label: 'module (nieuw)',
    kind: 'snippet',
    detail: 'Nieuwe module',
    insertText:
      'module ${1:naam} "${2:Omschrijving}"\n  tarief € ${3:0,00} per ${4:uur}\n  hoeveelheid ${5:aantal}\n  afgerond op centen\n',
    snippet: true,
  },
  {
    label: 'scenario (nieuw)',
    kind: 'snippet',
    detail: 'Nieuw scenario',
    insertText:
      'scenario "${1:Omschrijving}"\n  gegeven\n    gemeente = ${2:Hengelo}\n    wet = ${3:jeugdwet}\n    geboortedatum = ${4:2010-05-01}\n    ingangsdatum = ${5:2019-01-01}\n    verwijzer = ${6:toegang}\n    resultaat r1: perspectief = ${7:ontwikkelen}, ondersteuningsbehoefte = ${8:OB1}, intensiteit = ${9:licht}, bandbreedte = ${10:A}, periode = ${11:2019-01-01 tot 2019-06-30}\n  verwacht totaal = € ${12:0,00}\n',
    snippet: true,
  },
];

const CLAUSES: Readonly<Record<string, readonly string[]>> = {
  tabel: ['rijen', 'kolommen', 'bron'],
  module: [
    'variant',
    'tarief',
    'hoeveelheid',
    'maximum',
    'afgerond op centen',
    'toegestaan als',
    'anders',
    'bron',
  ],
  budget: ['tarief', 'hoeveelheid', 'afgerond op centen', 'indicatieve uren'],
  regel: ['voor elk resultaat', 'voor elke module', 'als', 'dan fout', 'dan waarschuwing'],
  scenario: [
    'gegeven',
    'verwacht totaal =',
    'verwacht resultaat',
    'verwacht module',
    'verwacht fout',
    'verwacht waarschuwing',
    'verwacht geen fouten',
    'verwacht geen waarschuwingen',
    'verwacht geen fout',
    'verwacht geen waarschuwing',
    'verwacht uren',
    'verwacht ongeldig',
  ],
  invoer: ['veld'],
  parameter: ['bron'],
};

const EXPRESSION_KEYWORDS = [
  'als',
  'dan',
  'anders',
  'en',
  'of',
  'niet',
  'in',
  'is leeg',
  'is niet leeg',
  'aangevraagd',
  'aantal resultaten',
  'afgerond op centen',
];
const FUNCTIONS = BUILTIN_FUNCTIONS;
const FIELD_TYPES = ['datum', 'periode', 'tekst', 'ja/nee', 'getal', 'aantal', 'bedrag', 'hoeveelheid'];

/** Values that fit a word on the left of a comparison: a field's domain, or the domain itself. */
function valuesFor(word: string, n: Names): CompletionItem[] | undefined {
  const type = n.fieldTypes.get(word) ?? word;
  const values = n.domains.get(type);
  return values === undefined ? undefined : valueItems(values, type);
}

/** The lines of the declaration the cursor is in: from the nearest unindented line up to the cursor's line. */
function declarationLines(text: string, lineStart: number): string[] {
  const before = text.slice(0, lineStart).split('\n');
  before.pop();
  const lines: string[] = [];
  for (let i = before.length - 1; i >= 0; i--) {
    const line = before[i] ?? '';
    if (line.trim() === '' || /^\s*\/\//.test(line)) continue;
    lines.unshift(line);
    if (!/^\s/.test(line)) break;
  }
  return lines;
}

function tableKeyCompletion(decl: readonly string[], before: string, n: Names): CompletionItem[] | undefined {
  const head = decl[0] ?? '';
  if (!/^(wijzig\s+)?tabel\b/.test(head)) return undefined;
  const rowsLine = decl.find((l) => /^\s+rijen\b/.test(l));
  const colsLine = decl.find((l) => /^\s+kolommen\b/.test(l));
  if (/^\s*(rijen|kolommen)\b/.test(before)) {
    return [...n.domains.keys()].map((d) => ({ label: d, kind: 'domain' as const, detail: 'domein' }));
  }
  if (/^\s*(bron)\b/.test(before) || rowsLine === undefined) return undefined;
  const rowKeys = rowsLine
    .replace(/^\s+rijen\s+/, '')
    .split(/\s*,\s*/)
    .filter(Boolean);
  const colKeys =
    colsLine === undefined
      ? []
      : colsLine
          .replace(/^\s+kolommen\s+/, '')
          .split(/\s*\/\s*/)
          .filter(Boolean);
  const bodyLines = decl.slice(1).filter((l) => !/^\s+(rijen|kolommen|bron)\b/.test(l));
  if (colKeys.length > 0 && bodyLines.length === 0) {
    // The column header line: combinations like licht/A.
    const lastSlash = /([^\s/]+)\/([^\s/]*)$/.exec(before);
    const domain = lastSlash !== null ? colKeys[lastSlash[1]?.split('/').length ?? 1] : colKeys[0];
    const values = domain === undefined ? undefined : n.domains.get(domain);
    return values === undefined ? [] : valueItems(values, domain ?? '');
  }
  const words = before.trim() === '' ? [] : before.trim().split(/\s+/);
  const typingWord = !/\s$/.test(before) && words.length > 0;
  const index = typingWord ? words.length - 1 : words.length;
  const domain = rowKeys[index];
  if (domain === undefined) return [];
  const values = n.domains.get(domain);
  return values === undefined ? [] : valueItems(values, domain);
}

export function completions(ws: Workspace, path: string, offset: number): CompletionItem[] {
  const text = ws.text(path);
  if (text === undefined) return [];
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (/\/\//.test(before) || (before.split('"').length - 1) % 2 === 1) return [];
  const partial = /[\p{L}\d_]*$/u.exec(before)?.[0] ?? '';
  const beforeWord = before.slice(0, before.length - partial.length);
  const n = names(ws, path);

  // A new declaration at the start of a line.
  if (beforeWord === '') {
    return [...DECLARATION_KEYWORDS.map((k) => kw(k, 'declaratie')), ...SNIPPETS];
  }

  const decl = declarationLines(text, lineStart);
  const head = (decl[0] ?? '').trim().split(/\s+/)[0] ?? '';

  const selection = indexationCompletion(beforeWord, n);
  if (selection !== undefined) return selection;

  const tableKeys = tableKeyCompletion(decl, beforeWord, n);
  if (tableKeys !== undefined && !/^\s+bron\b/.test(before)) return tableKeys;

  // Comparisons and assignments: `bandbreedte > `, `perspectief = `, `wet in (jeugdwet, `.
  const compare = /([\p{L}_][\p{L}\d_]*)\s*(=|<>|<=|>=|<|>)\s*$/u.exec(beforeWord);
  const inList = /([\p{L}_][\p{L}\d_]*)\s+in\s*\(([^)]*)$/u.exec(beforeWord);
  const left = compare?.[1] ?? inList?.[1];
  if (left !== undefined) {
    const values = valuesFor(left, n);
    if (values !== undefined) return values;
  }

  // A unit after a number or `per` (`9 `, `€ 38,75 per `, `in € per `): the built-in and the declared ones.
  const afterNumber =
    /(?:^|[^\d-])\d+(?:[.,]\d+)*\s+$/.test(beforeWord) &&
    !/\b(op|met)\s+-?\d+(?:[.,]\d+)*\s+$/.test(beforeWord);
  if (afterNumber || /\bper\s+$/.test(beforeWord)) return unitItems(n, !afterNumber);

  // Table look-up keys: fields, calculations and domain values.
  if (/\[[^\]]*$/.test(beforeWord)) {
    return [
      ...nameItems(n).filter((i) => i.kind === 'field' || i.kind === 'calc'),
      ...[...n.domains].flatMap(([d, vs]) => valueItems(vs, d)),
    ];
  }

  // Field types in `invoer`.
  if (head === 'invoer' && /veld\s+[\p{L}\d_]+\s*:\s*$/u.test(beforeWord)) {
    return [
      ...FIELD_TYPES.map((t) => kw(t, 'type')),
      ...[...n.domains.keys()].map((d) => ({ label: d, kind: 'domain' as const, detail: 'domein' })),
    ];
  }

  // After `module` in an expression or scenario: module names.
  if (/\bmodule\s+$/.test(beforeWord) && beforeWord.trim() !== 'module') {
    return nameItems(n).filter((i) => i.kind === 'module');
  }
  const variantOf = /\bmodule\s+([\p{L}\d_]+)\s+variant\s+$/u.exec(beforeWord);
  if (variantOf !== null) {
    return n.defs
      .filter((d) => d.kind === 'variant' && d.parent === variantOf[1])
      .map((d) => ({ label: d.name, kind: 'value' as const, detail: `variant van ${variantOf[1] ?? ''}` }));
  }

  // An indented clause at the start of a line.
  const clauses = CLAUSES[head] ?? [];
  const atClauseStart = beforeWord.trim() === '';
  const items: CompletionItem[] = [];
  if (atClauseStart) items.push(...clauses.map((c) => kw(c, `in ${head}`)));
  items.push(
    ...nameItems(n),
    ...FUNCTIONS.map((f) => ({
      label: f,
      kind: 'function' as const,
      detail: 'functie',
      insertText: `${f}($1)`,
      snippet: true,
    })),
    ...EXPRESSION_KEYWORDS.map((k) => kw(k)),
  );
  if (head === 'scenario') {
    for (const [d, vs] of n.domains) items.push(...valueItems(vs, d));
  }
  return items;
}
