/**
 * A partial indexation (issue 15, item 3): Almelo lowers every OB2 cell of the 2022 weektarief by 3 %, rounded to
 * cents. The twelve OB2 cells (2 perspectives × 6 columns) are computed here by hand from the regional cells
 * (decimal.js directly, × 0,97, half up to cents); every other cell stays the regional one. Both evaluators
 * price Almelo with the lowered cells and Hengelo with the regional ones, and the explanation names the partial
 * indexation. (Random cases of such an override on both paths: test/engine/differential.test.ts.)
 */
import Decimal from 'decimal.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, type Ir } from '../../dsl/index.js';
import { effectiveCells } from '../../src/engine/indexation.js';
import { createEngine } from '../../src/engine/evaluate.js';
import { renderExplanation } from '../../src/engine/explain.js';
import { explainSteps } from '../../editor/worker/explain-steps.js';
import { buildSheet, sheetCellAt } from '../../src/sheet/sheet.js';
import { originText } from '../../src/sheet/render-sheet.js';
import { indexationEffect, indexationMarkdown } from '../../src/sheet/indexation-effect.js';
import { diffPrograms } from '../../src/change/diff.js';
import { RULES_DIR } from '../support/twents-model.js';

const ALMELO_OB2_LOWER = `regelset "Twents Model"
versie "2022-almelo" op basis van "2022"
geldig vanaf 2022-01-01
geldig tot 2022-12-31
status concept
gemeente "Almelo"

indexeer weektarief voor ondersteuningsbehoefte OB2 met -3 % afgerond op centen
`;
const OVERRIDE = 'twents-model/almelo/2022-almelo.regels';

const regional = ['2019', '2020', '2021-01', '2021-07', '2022'].map((v) => ({
  path: `twents-model/${v}.regels`,
  text: readFileSync(path.join(RULES_DIR, `${v}.regels`), 'utf8'),
}));
const result = compile([...regional, { path: OVERRIDE, text: ALMELO_OB2_LOWER }]);
const programs = result.ok ? result.programs : [];
const find = (version: string): Ir.Program => {
  const p = programs.find((x) => x.version === version);
  if (p === undefined) throw new Error(`geen versie ${version}`);
  return p;
};

const byHand = (v: Decimal.Value): string =>
  new Decimal(v).times('0.97').toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

const beschikking = (gemeente: string) => ({
  gemeente,
  wet: 'jeugdwet',
  geboortedatum: '2012-05-01',
  ingangsdatum: '2022-01-03',
  verwijzer: 'toegang',
  resultaten: [
    {
      id: 'r1',
      perspectief: 'ontwikkelen',
      ondersteuningsbehoefte: 'OB2',
      intensiteit: 'midden',
      bandbreedte: 'B',
      periode: { van: '2022-01-03', tot: '2022-01-30' },
    },
    {
      id: 'r2',
      perspectief: 'ontwikkelen',
      ondersteuningsbehoefte: 'OB3',
      intensiteit: 'midden',
      bandbreedte: 'B',
      periode: { van: '2022-01-03', tot: '2022-01-30' },
    },
  ],
});

describe('partial indexation: Almelo lowers OB2 of the weektarief by 3 % (2022)', () => {
  it('compiles without diagnostics', () => {
    expect(result.diagnostics.map((d) => `${d.file} ${d.code} ${d.message}`)).toEqual([]);
  });

  it('moves exactly the twelve OB2 cells, each × 0,97 rounded to cents; the others stay regional', () => {
    const before = effectiveCells(find('2022').tables.find((t) => t.name === 'weektarief') as Ir.TableDef);
    const after = effectiveCells(
      find('2022-almelo').tables.find((t) => t.name === 'weektarief') as Ir.TableDef,
    );
    expect(after.size).toBe(before.size);
    let moved = 0;
    for (const [key, old] of before) {
      const now = after.get(key);
      if (key.split('/')[1] === 'OB2' && old !== undefined) {
        moved++;
        expect(now?.toFixed(2), key).toBe(byHand(old.toFixed()));
      } else {
        expect(now?.toFixed(), key).toBe(old?.toFixed());
      }
    }
    expect(moved).toBe(12);
    // One cell by hand all the way: 136,20 (2019) × 1,0285 = 140,08 (2020) × 1,0474 = 146,72 (2022) × 0,97 = 142,32.
    expect(before.get('ontwikkelen/OB2/midden/B')?.toFixed(2)).toBe('146.72');
    expect(after.get('ontwikkelen/OB2/midden/B')?.toFixed(2)).toBe('142.32');
  });

  for (const path of ['jre', 'fast'] as const) {
    it(`prices Almelo with the lowered cell and Hengelo with the regional one (${path})`, async () => {
      const engine = createEngine(programs, { path });
      const almelo = await engine.evaluate(beschikking('Almelo'), { explain: true });
      const hengelo = await engine.evaluate(beschikking('Hengelo'));
      if (!almelo.ok || !hengelo.ok) throw new Error('ongeldig geval');
      const amount = (e: typeof almelo, id: string) => e.lines.find((l) => l.ref === id)?.amount;
      // 28 days = 4 weeks: 4 × 142,32 against 4 × 146,72; OB3 is the same in both.
      expect(amount(almelo, 'r1')).toBe('569.28');
      expect(amount(hengelo, 'r1')).toBe('586.88');
      expect(amount(almelo, 'r2')).toBe(amount(hengelo, 'r2'));
      const cell = almelo.explanation?.lines[0]?.parts[0]?.cells[0];
      expect(cell?.indexations.map((i) => [i.version, i.fraction, i.selection])).toEqual([
        ['2020', '0.0285', undefined],
        ['2022', '0.0474', undefined],
        ['2022-almelo', '-0.03', 'ondersteuningsbehoefte OB2'],
      ]);
      // The OB3 cell got only the regional indexations.
      const ob3 = almelo.explanation?.lines[1]?.parts[0]?.cells[0];
      expect(ob3?.indexations.map((i) => i.version)).toEqual(['2020', '2022']);
      expect(renderExplanation(almelo)).toContain(
        'geïndexeerd met -3 % voor ondersteuningsbehoefte OB2 in versie 2022-almelo (2022-01-01)',
      );
      // The editor's explanation tree: the step with the selection and the value before and after it.
      const steps = explainSteps(almelo, programs).map((s) => s.text);
      expect(steps).toContain(
        'Geïndexeerd met -3 % voor ondersteuningsbehoefte OB2 in versie 2022-almelo (geldig vanaf 1 januari 2022): € 146,72 × 0,97 = 142,3184 → € 142,32 (afgerond)',
      );
    });
  }

  it('shows the partial indexation in the tariff sheet, the hover and the diff', () => {
    const sheet = buildSheet(find('2022-almelo'));
    const ob2 = sheetCellAt(sheet, 'weektarief', 'ontwikkelen/OB2/midden/B');
    const ob3 = sheetCellAt(sheet, 'weektarief', 'ontwikkelen/OB3/midden/B');
    expect(ob2?.value).toBe('142.32');
    expect(ob2?.origin.indexed.map((s) => [s.version, s.selection, s.after])).toEqual([
      ['2020', undefined, '140.08'],
      ['2022', undefined, '146.72'],
      ['2022-almelo', 'ondersteuningsbehoefte OB2', '142.32'],
    ]);
    expect(originText(ob2?.origin ?? { written: {} as never, indexed: [] })).toContain(
      'geïndexeerd in 2020 (+2,85 %), 2022 (+4,74 %) en 2022-almelo (-3 % voor ondersteuningsbehoefte OB2)',
    );
    expect(ob3?.origin.indexed.map((s) => s.version)).toEqual(['2020', '2022']);

    const offset = ALMELO_OB2_LOWER.indexOf('indexeer') + 3;
    const effect = indexationEffect(find('2022-almelo'), OVERRIDE, offset);
    expect(effect?.selection).toBe('ondersteuningsbehoefte OB2');
    expect(effect?.tables.map((t) => [t.table, t.cells])).toEqual([['weektarief', 12]]);
    const moved = effect?.tables[0]?.moved ?? [];
    expect(moved.every((m) => m.key.split('/')[1] === 'OB2')).toBe(true);
    expect(moved).toContainEqual({ key: 'ontwikkelen/OB2/midden/B', before: '€ 146,72', after: '€ 142,32' });
    const md = indexationMarkdown(effect as NonNullable<typeof effect>);
    expect(md).toContain(
      '**Indexatie -3 %** voor ondersteuningsbehoefte OB2 in versie 2022-almelo: 12 tariefcellen in 1 tabel.',
    );
    expect(md).toContain('  - `ontwikkelen/OB2/midden/B`: € 146,72 → € 142,32');
    expect(md).not.toContain('OB3');

    const diff = diffPrograms(find('2022'), find('2022-almelo'));
    expect(diff.cells).toHaveLength(12);
    expect(diff.cells.every((c) => c.table === 'weektarief' && c.key.split('/')[1] === 'OB2')).toBe(true);
    expect(diff.cells.find((c) => c.key === 'ontwikkelen/OB2/midden/B')).toMatchObject({
      old: '146.72',
      new: '142.32',
      delta: '-4.40',
    });
  });
});
