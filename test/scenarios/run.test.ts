/** The scenario runner: a scenario must exercise its own version, and a wrong expectation says what came out. */
import { describe, expect, it } from 'vitest';
import { compileSources, programOf } from '../support/compile.js';
import { createEngine } from '../../src/engine/evaluate.js';
import { runScenarios } from '../../src/scenarios/run.js';

const BASE = `regelset "Proef"
versie "2024"
geldig vanaf 2024-01-01
status vastgesteld

domein intensiteit "Intensiteit"
  licht "Licht"

bandbreedte A bij licht van 0 tot 2 uur per week

invoer resultaat
  veld intensiteit: intensiteit
  veld bandbreedte: bandbreedte

tabel weektarief "Weektarief" in € per week
  rijen intensiteit
  kolommen bandbreedte
           A
  licht    70,00

budget voor elk resultaat
  tarief weektarief[intensiteit, bandbreedte]
  hoeveelheid weken(periode)
  afgerond op centen
`;

const NEXT = (dates: string) => `regelset "Proef"
versie "2025" op basis van "2024"
geldig vanaf 2025-01-01
status concept

indexeer alle tarieven met 10 % afgerond op centen

scenario "Vier weken"
  gegeven
    resultaat r1: intensiteit = licht, bandbreedte = A, periode = ${dates}
  verwacht resultaat r1 = € 308,00
`;

async function run(dates: string) {
  const programs = compileSources([
    { path: '2024.regels', text: BASE },
    { path: '2025.regels', text: NEXT(dates) },
  ]);
  const engine = createEngine(programs, { path: 'fast' });
  const program = programOf(programs, '2025');
  return runScenarios(program, (c) => engine.evaluate(c));
}

describe('runScenarios', () => {
  it('passes when the case falls in the scenario’s own version (indexed: 77,00 × 4 weken)', async () => {
    const [o] = await run('2025-02-01 tot 2025-02-28');
    expect(o?.failures).toEqual([]);
    expect(o?.passed).toBe(true);
  });

  it('fails, naming the versions used, when the case lies wholly in another version', async () => {
    const [o] = await run('2024-02-01 tot 2024-02-28');
    expect(o?.passed).toBe(false);
    const messages = o?.failures.map((f) => f.message) ?? [];
    expect(messages[0]).toMatch(/het geval valt niet in versie 2025 \(berekend met versie 2024\)/);
    // 70,00 × 4 weken in 2024: the amount check says what came out.
    expect(messages[1]).toBe("verwacht voor resultaat 'r1' € 308,00, uitkomst € 280,00");
  });
});
