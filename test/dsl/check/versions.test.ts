/** Version inheritance: origins of inherited items, amendments, indexations, withdrawals, own scenarios. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSources, compileText, programOf } from '../../support/compile.js';
import type { Program } from '../../../dsl/ir/ir.js';

const dir = join(import.meta.dirname, '../../fixtures/versions/good/keten');
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.regels'))
  .map((f) => ({ path: f, text: readFileSync(join(dir, f), 'utf8') }));

function programs(): Program[] {
  return compileSources(sources);
}

const byVersion = (v: string): Program => programOf(programs(), v);

describe('versions', () => {
  it('orders regional versions before municipal overrides', () => {
    expect(programs().map((p) => `${p.version}/${p.municipality ?? ''}`)).toEqual([
      '2024/',
      '2025/',
      '2024-almelo/Almelo',
    ]);
  });

  it('keeps the origin of inherited items and of amended cells', () => {
    const p = byVersion('2025');
    const t = p.tables.find((x) => x.name === 'weektarief');
    expect(t?.origin.version).toBe('2024');
    const cell = (key: string[]) => t?.cells.find((c) => c.key.join('/') === key.join('/'));
    expect(cell(['ontwikkelen', 'licht', 'A'])).toMatchObject({
      value: '50.00',
      version: '2024',
      file: '2024.regels',
    });
    expect(cell(['stabiliseren', 'licht', 'A'])).toMatchObject({
      value: '45.00',
      version: '2025',
      file: '2025.regels',
    });
    expect(t?.adjustments.map((a) => [a.fraction, a.origin.version])).toEqual([['0.0285', '2025']]);
  });

  it('replaces, withdraws and keeps scenarios per file', () => {
    const p = byVersion('2025');
    expect(p.parameters.find((x) => x.name === 'ritprijs')?.value).toMatchObject({ value: '12.86' });
    expect(p.rules.map((r) => r.name)).toEqual([]);
    expect(p.scenarios.map((s) => s.name)).toEqual(['2025: geïndexeerd']);
    expect(byVersion('2024').scenarios).toHaveLength(1);
    expect(byVersion('2024-almelo').scenarios).toHaveLength(0);
  });

  it('lowers scenarios to the external case JSON', () => {
    const s = byVersion('2024').scenarios[0];
    expect(s?.casus).toMatchObject({
      wet: 'jeugdwet',
      resultaten: [
        { id: 'r1', perspectief: 'ontwikkelen', periode: { van: '2024-01-01', tot: '2024-06-30' } },
      ],
      modules: [{ module: 'vervoer', aantal: '10' }],
    });
  });

  it('gives calculations in dependency order and percentages as fractions', () => {
    const p = compileText(
      `regelset "X"\nversie "1"\ngeldig vanaf 2024-01-01\n\ninvoer beschikking\n  veld d: datum\n\nparameter p = 2,85 %\n\nbereken b = a × p\nbereken a = 10\n\nregel "R"\n  als b > 1 en d > 2024-01-01\n  dan fout "x"\n`,
      'x.regels',
    )[0];
    expect(p?.calcs.map((c) => c.name)).toEqual(['a', 'b']);
    expect(p?.parameters[0]?.value).toMatchObject({
      kind: 'const',
      value: '0.0285',
      type: { kind: 'percent' },
    });
  });
});
