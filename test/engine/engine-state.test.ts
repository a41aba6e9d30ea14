/**
 * No hidden global state: the engine keeps what it remembers in one cache object per engine (src/engine/cache.ts),
 * never in module-level maps; two engines over the same programs answer alike and independently.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/evaluate.js';
import { compileText } from '../support/compile.js';

const FOLDERS = ['src/engine', 'src/versions', 'src/calendar'];

/** Module-level state: a top-level map, weak map or weak set, or a top-level `let`. */
const MODULE_STATE =
  /^(?:export\s+)?(?:(?:const|let|var)\s+\w+(?:\s*:[^=\n]+)?\s*=\s*new\s+(?:Map|WeakMap|WeakSet)\b|let\s)/m;

describe('engine state', () => {
  for (const folder of FOLDERS)
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts')))
      it(`${folder}/${file} keeps no state at module level`, () => {
        const text = readFileSync(join(folder, file), 'utf8');
        expect(text.split('\n').filter((line) => MODULE_STATE.test(line))).toEqual([]);
      });

  it('finds module-level state when there is some (the check itself)', () => {
    expect(MODULE_STATE.test('const CACHE = new WeakMap<Dec, string>();')).toBe(true);
    expect(MODULE_STATE.test('let next = 0;')).toBe(true);
    expect(MODULE_STATE.test('  private readonly memo = new Map<string, number>();')).toBe(false);
  });

  it('gives two engines over the same programs the same answers, each from its own cache', async () => {
    const programs = compileText(`regelset "T"
versie "1"
geldig vanaf 2024-01-01

invoer beschikking
  veld ingangsdatum: datum

parameter weekprijs = € 22,463 per week

budget voor elk resultaat
  tarief weekprijs
  hoeveelheid weken(periode)
  afgerond op centen
`);
    const casus = (tot: string) => ({
      ingangsdatum: '2024-01-01',
      resultaten: [{ id: 'r1', periode: { van: '2024-01-01', tot } }],
    });
    const a = createEngine(programs, { path: 'fast' });
    const first = a.evaluateSync?.(casus('2024-01-25'));
    const b = createEngine(programs, { path: 'fast' });
    const second = b.evaluateSync?.(casus('2024-01-25'));
    expect(second).toEqual(first);
    expect(first?.ok && first.total).toBe('80.23');
    // The engines share nothing but the programs: no line object is the same instance.
    expect(first?.ok && second?.ok && first.lines[0]?.source === second.lines[0]?.source).toBe(false);
    expect(a.evaluateSync?.(casus('2024-01-07'))).toMatchObject({ ok: true, total: '22.46' });
  });
});
