/** The keyword help in the editor quotes the language reference: every example still stands in dsl/README.md. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEYWORD_HELP, keywordHover } from '../../editor/monaco/keyword-help.js';

const README = readFileSync('dsl/README.md', 'utf8');

describe('hulp bij sleutelwoorden', () => {
  it.each(Object.entries(KEYWORD_HELP))('%s: its example and section are in dsl/README.md', (_word, help) => {
    for (const line of help.voorbeeld.split('\n')) expect(README).toContain(line);
    expect(README).toMatch(new RegExp(`^#+ ${help.hoofdstuk.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
  });

  it('gives Markdown with the example for a keyword, nothing for other words', () => {
    expect(keywordHover('tabel')).toMatch(/^\*\*tabel\*\* — .*\n\nVoorbeeld:\n\n```\ntabel weektarief/);
    expect(keywordHover('weektarief')).toBeUndefined();
    expect(keywordHover('constructor')).toBeUndefined();
  });
});
