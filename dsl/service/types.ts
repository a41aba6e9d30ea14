/**
 * Plain data the language service answers with. Spans are 0-based UTF-16 offsets into the file named.
 */
import type { Span } from '../text/span.js';

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

export type CompletionKind =
  | 'keyword'
  | 'value'
  | 'domain'
  | 'table'
  | 'parameter'
  | 'calc'
  | 'field'
  | 'module'
  | 'function'
  | 'unit'
  | 'snippet';

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  readonly documentation?: string;
  /** Defaults to the label. With `snippet`, `${1:…}` placeholders. */
  readonly insertText?: string;
  readonly snippet?: boolean;
}

export interface HoverInfo {
  readonly span: Span;
  /** Markdown, Dutch. */
  readonly markdown: string;
}

export interface Location {
  readonly file: string;
  readonly span: Span;
}

export interface TextEdit {
  readonly file: string;
  readonly span: Span;
  readonly newText: string;
}

export type SymbolKind =
  | 'kop'
  | 'domein'
  | 'waarde'
  | 'bandbreedte'
  | 'invoer'
  | 'veld'
  | 'parameter'
  | 'tabel'
  | 'berekening'
  | 'budget'
  | 'module'
  | 'variant'
  | 'regel'
  | 'voorziening'
  | 'scenario'
  | 'indexatie'
  | 'vervalt'
  | 'toewijzing'
  | 'eenheid';

export interface DocumentSymbol {
  readonly name: string;
  readonly detail: string;
  readonly kind: SymbolKind;
  /** The whole declaration. */
  readonly span: Span;
  /** The name. */
  readonly selectionSpan: Span;
  readonly children: readonly DocumentSymbol[];
}

export interface FoldingRange {
  readonly span: Span;
}
