/**
 * Syntax highlighting for Monaco from the lexer's token categories (dsl/service/highlight.ts), line by line.
 */
import { highlightLine } from '../../dsl/service/highlight.js';
import type { monaco } from './setup.js';

class LineState implements monaco.languages.IState {
  clone(): monaco.languages.IState {
    return this;
  }
  equals(other: monaco.languages.IState): boolean {
    return other === this;
  }
}
const STATE = new LineState();

export const tokensProvider: monaco.languages.TokensProvider = {
  getInitialState: () => STATE,
  tokenize(line) {
    const tokens = highlightLine(line).map((t) => ({ startIndex: t.start, scopes: `${t.cls}.regels` }));
    return { tokens, endState: STATE };
  },
};

/** Colours per token class (light theme). */
export const themeRules: monaco.editor.ITokenThemeRule[] = [
  { token: 'keyword.regels', foreground: '0b4f9c', fontStyle: 'bold' },
  { token: 'operator.regels', foreground: '5c5c5c' },
  { token: 'number.regels', foreground: '0a7a4a' },
  { token: 'date.regels', foreground: '8a4b00' },
  { token: 'string.regels', foreground: 'a31515' },
  { token: 'unit.regels', foreground: '7a3e9d' },
  { token: 'identifier.regels', foreground: '1f1f1f' },
  { token: 'comment.regels', foreground: '6a737d', fontStyle: 'italic' },
  { token: 'invalid.regels', foreground: 'd00000', fontStyle: 'underline' },
];
