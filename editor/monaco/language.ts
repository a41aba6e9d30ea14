/**
 * Registers the `regels` language in Monaco: highlighting, language configuration, and providers that ask
 * the language worker. Each provider only maps plain data (offsets) to Monaco types.
 */
import type { CompletionItem, DocumentSymbol } from '../../dsl/service/index.js';
import type { WorkerClient } from '../worker/client.js';
import { positionToOffset, spanToLines, spanToRange } from './positions.js';
import { registerJson } from './json-language.js';
import { keywordHover } from './keyword-help.js';
import { monaco } from './setup.js';
import { themeRules, tokensProvider } from './tokens.js';

export const LANGUAGE_ID = 'regels';
export const THEME = 'regelwerk';

/** Model URIs are `regels:/<path>`; the path is the file's path in the rules folder. */
export const modelUri = (path: string): monaco.Uri => monaco.Uri.from({ scheme: 'regels', path: '/' + path });
export const pathOf = (model: monaco.editor.ITextModel): string => model.uri.path.replace(/^\//, '');

const CompletionKind = monaco.languages.CompletionItemKind;
const completionKind = (kind: CompletionItem['kind']): monaco.languages.CompletionItemKind => {
  switch (kind) {
    case 'keyword':
      return CompletionKind.Keyword;
    case 'value':
      return CompletionKind.EnumMember;
    case 'domain':
      return CompletionKind.Enum;
    case 'table':
      return CompletionKind.Struct;
    case 'parameter':
      return CompletionKind.Constant;
    case 'calc':
      return CompletionKind.Variable;
    case 'field':
      return CompletionKind.Field;
    case 'module':
      return CompletionKind.Module;
    case 'function':
      return CompletionKind.Function;
    case 'unit':
      return CompletionKind.Unit;
    case 'snippet':
      return CompletionKind.Snippet;
  }
};

const SymbolKind = monaco.languages.SymbolKind;
const symbolKind = (kind: DocumentSymbol['kind']): monaco.languages.SymbolKind => {
  switch (kind) {
    case 'kop':
      return SymbolKind.File;
    case 'domein':
      return SymbolKind.Enum;
    case 'waarde':
      return SymbolKind.EnumMember;
    case 'bandbreedte':
      return SymbolKind.EnumMember;
    case 'invoer':
      return SymbolKind.Interface;
    case 'veld':
      return SymbolKind.Field;
    case 'parameter':
      return SymbolKind.Constant;
    case 'tabel':
      return SymbolKind.Struct;
    case 'berekening':
      return SymbolKind.Variable;
    case 'budget':
      return SymbolKind.Function;
    case 'module':
      return SymbolKind.Module;
    case 'variant':
      return SymbolKind.EnumMember;
    case 'regel':
      return SymbolKind.Event;
    case 'voorziening':
      return SymbolKind.Object;
    case 'scenario':
      return SymbolKind.Method;
    case 'eenheid':
      return SymbolKind.Constant;
    case 'indexatie':
    case 'vervalt':
    case 'toewijzing':
      return SymbolKind.Operator;
  }
};

function toMonacoSymbol(model: monaco.editor.ITextModel, s: DocumentSymbol): monaco.languages.DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: symbolKind(s.kind),
    tags: [],
    range: spanToRange(model, s.span),
    selectionRange: spanToRange(model, s.selectionSpan),
    children: s.children.map((c) => toMonacoSymbol(model, c)),
  };
}

let registered = false;

export function registerLanguage(client: WorkerClient): void {
  if (registered) return;
  registered = true;
  registerJson(monaco);
  monaco.languages.register({ id: LANGUAGE_ID, extensions: ['.regels'], aliases: ['Regels', 'regels'] });
  monaco.languages.setTokensProvider(LANGUAGE_ID, tokensProvider);
  monaco.editor.defineTheme(THEME, { base: 'vs', inherit: true, rules: themeRules, colors: {} });
  monaco.languages.setLanguageConfiguration(LANGUAGE_ID, {
    comments: { lineComment: '//' },
    brackets: [
      ['[', ']'],
      ['(', ')'],
    ],
    autoClosingPairs: [
      { open: '[', close: ']' },
      { open: '(', close: ')' },
      { open: '"', close: '"', notIn: ['string', 'comment'] },
    ],
    wordPattern: /[a-zA-Z\u00c0-\u024f_][a-zA-Z0-9_\u00c0-\u024f]*|\d+(?:[.,]\d+)*/,
  });

  monaco.languages.registerCompletionItemProvider(LANGUAGE_ID, {
    triggerCharacters: [' ', '[', ',', '(', '='],
    async provideCompletionItems(model, position) {
      const items = await client.request({
        method: 'completions',
        path: pathOf(model),
        offset: positionToOffset(model, position),
      });
      const word = model.getWordUntilPosition(position);
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: word.startColumn,
        endColumn: word.endColumn,
      };
      return {
        suggestions: items.map((item, i) => ({
          label: item.label,
          kind: completionKind(item.kind),
          ...(item.detail !== undefined ? { detail: item.detail } : {}),
          ...(item.documentation !== undefined ? { documentation: item.documentation } : {}),
          insertText: item.insertText ?? item.label,
          ...(item.snippet === true
            ? { insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet }
            : {}),
          sortText: String(i).padStart(4, '0'),
          range,
        })),
      };
    },
  });

  monaco.languages.registerHoverProvider(LANGUAGE_ID, {
    async provideHover(model, position) {
      const hover = await client.request({
        method: 'hover',
        path: pathOf(model),
        offset: positionToOffset(model, position),
      });
      if (hover === undefined) return null;
      return { range: spanToRange(model, hover.span), contents: [{ value: hover.markdown }] };
    },
  });

  // Help on keywords, with an example from the language reference (outside comments and texts).
  monaco.languages.registerHoverProvider(LANGUAGE_ID, {
    provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      if (word === null) return null;
      const before = model.getLineContent(position.lineNumber).slice(0, word.startColumn - 1);
      if (before.includes('//') || (before.match(/"/g)?.length ?? 0) % 2 === 1) return null;
      const markdown = keywordHover(word.word);
      if (markdown === undefined) return null;
      return {
        range: {
          startLineNumber: position.lineNumber,
          endLineNumber: position.lineNumber,
          startColumn: word.startColumn,
          endColumn: word.endColumn,
        },
        contents: [{ value: markdown }],
      };
    },
  });

  const toLocations = (locations: readonly { file: string; span: { start: number; end: number } }[]) =>
    locations.flatMap((l) => {
      const target = monaco.editor.getModel(modelUri(l.file));
      return target === null ? [] : [{ uri: target.uri, range: spanToRange(target, l.span) }];
    });

  monaco.languages.registerDefinitionProvider(LANGUAGE_ID, {
    async provideDefinition(model, position) {
      const locations = await client.request({
        method: 'definition',
        path: pathOf(model),
        offset: positionToOffset(model, position),
      });
      return toLocations(locations);
    },
  });

  monaco.languages.registerReferenceProvider(LANGUAGE_ID, {
    async provideReferences(model, position) {
      const locations = await client.request({
        method: 'references',
        path: pathOf(model),
        offset: positionToOffset(model, position),
      });
      return toLocations(locations);
    },
  });

  monaco.languages.registerRenameProvider(LANGUAGE_ID, {
    async provideRenameEdits(model, position, newName) {
      const answer = await client.request({
        method: 'rename',
        path: pathOf(model),
        offset: positionToOffset(model, position),
        newName,
      });
      if ('fout' in answer) return { edits: [], rejectReason: answer.fout };
      return {
        edits: answer.edits.flatMap((e) => {
          const target = monaco.editor.getModel(modelUri(e.file));
          if (target === null) return [];
          return [
            {
              resource: target.uri,
              versionId: undefined,
              textEdit: { range: spanToRange(target, e.span), text: e.newText },
            },
          ];
        }),
      };
    },
  });

  monaco.languages.registerDocumentSymbolProvider(LANGUAGE_ID, {
    displayName: 'Overzicht',
    async provideDocumentSymbols(model) {
      const symbols = await client.request({ method: 'symbols', path: pathOf(model) });
      return symbols.map((s) => toMonacoSymbol(model, s));
    },
  });

  monaco.languages.registerDocumentFormattingEditProvider(LANGUAGE_ID, {
    displayName: 'Regelwerk-opmaak',
    async provideDocumentFormattingEdits(model) {
      const text = await client.request({ method: 'format', path: pathOf(model) });
      if (text === undefined || text === model.getValue()) return [];
      return [{ range: model.getFullModelRange(), text }];
    },
  });

  monaco.languages.registerFoldingRangeProvider(LANGUAGE_ID, {
    async provideFoldingRanges(model) {
      const ranges = await client.request({ method: 'folding', path: pathOf(model) });
      return ranges.flatMap((r) => {
        const lines = spanToLines(model, r.span);
        return lines.end > lines.start ? [{ start: lines.start, end: lines.end }] : [];
      });
    },
  });
}
