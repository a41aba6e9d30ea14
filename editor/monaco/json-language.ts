/**
 * Highlighting for `.json` files (the example cases): a Monarch tokenizer for JSON. The example cases are edited
 * in the playground's form; checking them is the playground's and `regelwerk test`'s job, not Monaco's.
 */
import type { monaco } from './setup.js';

export const JSON_LANGUAGE_ID = 'json';

export const jsonTokens: monaco.languages.IMonarchLanguage = {
  tokenizer: {
    root: [
      [/"(?:[^"\\]|\\.)*"(?=\s*:)/, 'string.key'],
      [/"(?:[^"\\]|\\.)*"/, 'string.value'],
      [/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/, 'number'],
      [/\b(?:true|false|null)\b/, 'keyword'],
      [/[{}[\],:]/, 'delimiter'],
    ],
  },
};

export function registerJson(m: typeof monaco): void {
  m.languages.register({ id: JSON_LANGUAGE_ID, extensions: ['.json'], aliases: ['JSON'] });
  m.languages.setMonarchTokensProvider(JSON_LANGUAGE_ID, jsonTokens);
  m.languages.setLanguageConfiguration(JSON_LANGUAGE_ID, {
    brackets: [
      ['{', '}'],
      ['[', ']'],
    ],
    autoClosingPairs: [
      { open: '{', close: '}' },
      { open: '[', close: ']' },
      { open: '"', close: '"', notIn: ['string'] },
    ],
  });
}
