/**
 * A partial indexation on the command line (issue 15, item 3), on the fixture versions/good/indexatie-deel:
 * `tarieven --herkomst` names the selection at every cell it moved, `diff` lists only those cells, `fmt --check`
 * accepts the written form, and `test` runs its scenario on both paths.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const DIR = 'test/fixtures/versions/good/indexatie-deel';

describe('partial indexation on the command line', () => {
  it('tarieven --herkomst shows the selection at the moved cells only', async () => {
    const r = await cli('tarieven', '--regels', DIR, '2024', '--tabel', 'c', '--herkomst');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'OB2/licht  291,00  geschreven in versie 2023 (2023-01-01), geïndexeerd in 2024 (-3 % voor ob OB2); bron: Illustratief',
    );
    expect(r.out).toContain('OB1/licht  100,00  geschreven in versie 2023 (2023-01-01); bron: Illustratief');
    const json = JSON.parse((await cli('tarieven', '--regels', DIR, '2024', '--json')).out) as {
      tables: {
        name: string;
        rows: { cells: ({ keyText: string; origin: { indexed: { selection?: string }[] } } | null)[] }[];
      }[];
    };
    const t = json.tables.find((x) => x.name === 't');
    const steps = Object.fromEntries(
      (t?.rows ?? []).flatMap((row) =>
        row.cells.flatMap((c) => (c === null ? [] : [[c.keyText, c.origin.indexed.map((s) => s.selection)]])),
      ),
    );
    expect(steps).toEqual({
      'OB1/licht': [],
      'OB1/zwaar': ['ob OB1, OB3 en int zwaar'],
      'OB2/licht': [],
      'OB2/zwaar': ['ob OB2'],
      'OB3/licht': [],
      'OB3/zwaar': ['ob OB1, OB3 en int zwaar'],
    });
  });

  it('diff lists only the cells the selections moved (and the rewritten one)', async () => {
    const r = await cli('diff', '--regels', DIR, '2023', '2024');
    expect(r.code).toBe(0);
    expect(r.out).toContain('tariefcellen: 6 gewijzigd, 0 nieuw, 0 vervallen');
    expect(r.out).toMatch(/OB2\/zwaar\s+4,00 →\s+3,88, -0,12 \(-3 %\)/);
    expect(r.out).not.toMatch(/OB1\/licht/);
  });

  it('fmt --check accepts the file and test passes on both paths', async () => {
    expect((await cli('fmt', '--check', DIR)).code).toBe(0);
    for (const pad of ['jre', 'fast']) {
      const r = await cli('test', '--pad', pad, DIR);
      expect(r.out, pad).toContain('1 scenario: 1 geslaagd, 0 mislukt');
    }
  });
});
