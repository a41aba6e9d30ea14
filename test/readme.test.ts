/**
 * The README tells the truth about the code: every folder in its pipeline picture exists, and the CLI's help
 * shows every option the README shows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../src/cli/main.js';

const README = readFileSync('README.md', 'utf8');

/** The first code block after a heading. */
function blockAfter(heading: string): string {
  const at = README.indexOf(`\n## ${heading}\n`);
  expect(at, `kop '${heading}' in README.md`).toBeGreaterThan(0);
  const start = README.indexOf('```\n', at);
  return README.slice(start + 4, README.indexOf('```', start + 4));
}

describe('README.md', () => {
  it('names only folders and files that exist in the pipeline picture', () => {
    const picture = blockAfter('De pijplijn');
    const paths = [...picture.matchAll(/\b(?:dsl|src|editor|rules|test|docs)(?:\/[\w.-]+)*\/?/g)].map(
      (m) => m[0],
    );
    const files = [...picture.matchAll(/\b([\w-]+\.ts)\b/g)].map((m) => `src/engine/${m[1]}`);
    expect(paths.length).toBeGreaterThan(8);
    expect([...paths, ...files].filter((p) => !existsSync(p))).toEqual([]);
  });

  it('shows no CLI option that the help does not show', () => {
    // Node's own options, not regelwerk's: `node --version`, and the V8 flag advised to embedders.
    const options = new Set([...README.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((m) => m[0]));
    options.delete('--version');
    options.delete('--no-allocation-site-pretenuring');
    expect(options.size).toBeGreaterThan(8);
    expect([...options].filter((o) => !USAGE.includes(o))).toEqual([]);
  });
});
