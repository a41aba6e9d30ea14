/**
 * Golden IR: what the compiler makes of every good fixture, printed by dsl/ir/print.ts, compared with
 * test/fixtures/ir/<stage>-<name>.ir.txt. A missing golden file fails; `UPDATE_GOLDEN=1` writes it (read the
 * diff: a changed IR is a changed meaning).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path, { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, type Source } from '../../../dsl/index.js';
import { exprText, printProgram } from '../../../dsl/ir/print.js';
import { cli } from '../../support/cli.js';
import { compileOne } from '../../support/compile.js';
import { expectGolden } from '../../support/golden.js';
import { plusChain, withDeclarations } from '../../support/pathological.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const GOLDEN = join(FIXTURES, 'ir');

const list = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).sort() : []);

/** Every good fixture: a file, or a folder of versions compiled together. */
function goodFixtures(): { name: string; sources: Source[] }[] {
  return list(FIXTURES).flatMap((stage) => {
    const dir = join(FIXTURES, stage, 'good');
    return list(dir).flatMap((n) => {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) {
        const sources = list(p)
          .filter((f) => f.endsWith('.regels'))
          .map((f) => ({ path: `${n}/${f}`, text: readFileSync(join(p, f), 'utf8') }));
        return [{ name: `${stage}-${n}`, sources }];
      }
      if (!n.endsWith('.regels')) return [];
      return [
        {
          name: `${stage}-${n.replace(/\.regels$/, '')}`,
          sources: [{ path: n, text: readFileSync(p, 'utf8') }],
        },
      ];
    });
  });
}

describe('golden IR', () => {
  const fixtures = goodFixtures();

  it('has a fixture to print', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  for (const f of fixtures) {
    it(`${f.name} lowers to its .ir.txt`, () => {
      const r = compile(f.sources);
      expect(r.ok, r.diagnostics.map((d) => `${d.file} ${d.code} ${d.message}`).join('\n')).toBe(true);
      if (!r.ok) return;
      expectGolden(join(GOLDEN, `${f.name}.ir.txt`), r.programs.map(printProgram).join('\n'));
    });
  }

  it('is what `regelwerk ir` prints', async () => {
    const file = join(FIXTURES, 'check/good/klein.regels');
    const r = await cli('ir', file);
    expect(r.code).toBe(0);
    // The CLI names the file as the user gave it.
    const golden = readFileSync(join(GOLDEN, 'check-klein.ir.txt'), 'utf8');
    const shown = golden.replaceAll('"klein.regels"', JSON.stringify(path.relative(process.cwd(), file)));
    expect(r.out.trimEnd()).toBe(shown.trimEnd());
  });

  it('has no golden file without a fixture', () => {
    const names = new Set(fixtures.map((f) => `${f.name}.ir.txt`));
    expect(list(GOLDEN).filter((g) => !names.has(g))).toEqual([]);
  });

  it('prints a chain of 10.000 terms (the most one expression may have) flat, without recursion per term', () => {
    const p = compileOne(
      withDeclarations(`${plusChain(10_000)}\nregel "som"\n  als veel < 5\n  dan fout "Som."\n`),
    );
    const calc = p.calcs.find((c) => c.name === 'veel');
    expect(calc).toBeDefined();
    if (calc === undefined) return;
    const text = exprText(calc.value);
    expect(text.startsWith('(+ number const:1:number const:1:number')).toBe(true);
    expect(text.split(' ').length).toBe(10_000 + 2);
  });
});
