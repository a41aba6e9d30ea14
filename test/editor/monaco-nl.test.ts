/**
 * The Dutch texts for Monaco (editor/monaco/nls-nl.ts) are looked up by number: each number must still carry the
 * English text the table names in the installed monaco-editor, or an upgrade would show the wrong Dutch.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MONACO_NL } from '../../editor/monaco/nls-nl.js';

const ESM = path.resolve('node_modules/monaco-editor/esm/vs');

/** Every `localize(N, "English")` / `localize2(N, "English")` in Monaco's ESM build. */
function monacoMessages(): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.js')) {
        const text = readFileSync(full, 'utf8');
        for (const m of text.matchAll(/localize2?\((\d+),\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/g)) {
          const literal = m[2] ?? '""';
          let english: string;
          try {
            english = literal.startsWith('"')
              ? (JSON.parse(literal) as string)
              : literal.slice(1, -1).replace(/\\(.)/g, '$1');
          } catch {
            continue;
          }
          const n = Number(m[1]);
          out.set(n, [...(out.get(n) ?? []), english]);
        }
      }
    }
  };
  walk(ESM);
  return out;
}

describe('Monaco in het Nederlands', () => {
  const messages = monacoMessages();

  it('finds Monaco’s numbered texts', () => {
    expect(messages.size).toBeGreaterThan(1000);
  });

  it.each(MONACO_NL.map(([n, english, dutch]) => [n, english, dutch] as const))(
    'number %i is still "%s"',
    (n, english, dutch) => {
      expect(messages.get(n)).toContain(english);
      expect(dutch).not.toBe(english);
      // The same placeholders in both.
      expect([...dutch.matchAll(/\{\d\}/g)].map((m) => m[0]).sort()).toEqual(
        [...english.matchAll(/\{\d\}/g)].map((m) => m[0]).sort(),
      );
    },
  );
});
