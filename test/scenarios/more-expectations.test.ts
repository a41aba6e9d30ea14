/**
 * Issue 15 item 7: scenarios can say that a rule (also one a later version withdrew) stays quiet, that no rule
 * warns, why a module is refused, and a municipal file may hold a scenario for another gemeente (judged by the
 * regional version, not failed with advice about dates).
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../dsl/index.js';
import { createEngine } from '../../src/engine/evaluate.js';
import { runScenarios } from '../../src/scenarios/run.js';
import { compileSources, programOf } from '../support/compile.js';

const BASE = `regelset "Proef"
versie "2024"
geldig vanaf 2024-01-01
geldig tot 2024-12-31
status vastgesteld

domein gemeente "Gemeente"
  Almelo "Almelo"
  Hengelo "Hengelo"

invoer beschikking
  veld gemeente: gemeente

invoer module
  veld aantal: hoeveelheid optioneel

parameter ritprijs = € 10,00 per rit

module vervoer "Vervoer"
  tarief ritprijs
  hoeveelheid aantal
  afgerond op centen
  toegestaan als aantal is niet leeg
  anders "Geef het aantal ritten op."
  toegestaan als aantal is leeg of aantal <= 9 ritten
  anders "Ten hoogste 9 ritten."

regel "Veel ritten"
  als module vervoer aangevraagd
  dan waarschuwing "Vervoer aangevraagd."
`;

const NEXT = (expectations: string) => `regelset "Proef"
versie "2025" op basis van "2024"
geldig vanaf 2025-01-01
status concept

vervalt regel "Veel ritten"

scenario "Vervoer 2025"
  gegeven
    gemeente = Hengelo
    resultaat r1: periode = 2025-01-01 tot 2025-01-31
    module vervoer: aantal = 12, periode = 2025-01-01 tot 2025-01-31
${expectations}
`;

const ALMELO = (dates: string) => `regelset "Proef"
versie "2024-almelo" op basis van "2024"
geldig vanaf 2024-01-01
geldig tot 2024-12-31
gemeente Almelo

parameter ritprijs = € 11,00 per rit

scenario "Hengelo houdt de regionale ritprijs"
  gegeven
    gemeente = Hengelo
    resultaat r1: periode = ${dates}
    module vervoer: aantal = 5, periode = ${dates}
  verwacht module vervoer = € 50,00
`;

async function run(next: string, almelo = ALMELO('2024-03-01 tot 2024-03-31'), version = '2025') {
  const sources = [
    { path: '2024.regels', text: BASE },
    { path: '2025.regels', text: next },
    { path: 'almelo/2024-almelo.regels', text: almelo },
  ];
  const programs = compileSources(sources);
  const engine = createEngine(programs, { path: 'fast' });
  const program = programOf(programs, version, version.endsWith('almelo') ? 'Almelo' : undefined);
  return runScenarios(program, (c) => engine.evaluate(c), programs);
}

const codes = (next: string) =>
  compile([
    { path: '2024.regels', text: BASE },
    { path: '2025.regels', text: next },
  ]).diagnostics.map((d) => `${d.code} ${d.message}`);

describe('scenarios that state more', () => {
  it('names a rule the version withdrew without RW2013, and it stays quiet', async () => {
    const next = NEXT(`  verwacht geen waarschuwing "Veel ritten"\n  verwacht geen waarschuwingen`);
    expect(codes(next)).toEqual([]);
    const [o] = await run(next);
    expect(o?.failures).toEqual([]);
  });

  it('still gives RW2013 for a rule no version has', () => {
    expect(codes(NEXT(`  verwacht geen fout "Bestaat niet"`)).join('\n')).toMatch(/^RW2013 /m);
  });

  it('checks the reason of a refusal, also a part of it', async () => {
    const [ok] = await run(NEXT(`  verwacht module vervoer geweigerd "Ten hoogste 9 ritten."`));
    expect(ok?.failures).toEqual([]);
    const [part] = await run(NEXT(`  verwacht module vervoer geweigerd "9 ritten"`));
    expect(part?.failures).toEqual([]);
    const [wrong] = await run(NEXT(`  verwacht module vervoer geweigerd "Geef het aantal ritten op."`));
    expect(wrong?.failures.map((f) => f.message)).toEqual([
      `verwacht module 'vervoer' geweigerd met de reden "Geef het aantal ritten op.", maar de reden was: Ten hoogste 9 ritten.`,
    ]);
  });

  it('does not match a reason whose condition could not be judged (an empty field)', async () => {
    // 'aantal' is empty: the refusal is "Niet te beoordelen: aantal is leeg (voorwaarde: Ten hoogste 9 …)".
    const base = BASE.replace(
      '  toegestaan als aantal is niet leeg\n  anders "Geef het aantal ritten op."\n',
      '',
    ).replace('toegestaan als aantal is leeg of aantal <= 9 ritten', 'toegestaan als aantal <= 9 ritten');
    const next = NEXT(`  verwacht module vervoer geweigerd "Ten hoogste 9"`).replace(
      'module vervoer: aantal = 12, ',
      'module vervoer: ',
    );
    const programs = compileSources([
      { path: '2024.regels', text: base },
      { path: '2025.regels', text: next },
    ]);
    const engine = createEngine(programs, { path: 'fast' });
    const [o] = await runScenarios(
      programOf(programs, '2025', undefined),
      (c) => engine.evaluate(c),
      programs,
    );
    expect(o?.failures.map((f) => f.message)).toEqual([
      `verwacht module 'vervoer' geweigerd met de reden "Ten hoogste 9", maar die voorwaarde kon niet beoordeeld worden omdat aantal is leeg`,
    ]);
  });

  it('refuses a reason the module cannot give (RW5402)', () => {
    const ds = codes(NEXT(`  verwacht module vervoer geweigerd "Te duur"`));
    expect(ds).toEqual([
      `RW5402 De module 'vervoer' kan niet geweigerd worden met de reden "Te duur": die tekst staat in geen van haar 'anders'-redenen.`,
    ]);
  });

  it("fails 'geen waarschuwingen' when a rule warns, naming it", async () => {
    const withRule = NEXT('  verwacht geen waarschuwingen').replace(
      'vervalt regel "Veel ritten"',
      'regel "Altijd"\n  als module vervoer aangevraagd\n  dan waarschuwing "Let op."',
    );
    const [o] = await run(withRule);
    // Without the withdrawal the inherited rule warns too: both are named.
    expect(o?.failures.map((f) => f.message)).toEqual([
      `verwacht geen waarschuwingen, maar: "Veel ritten": Vervoer aangevraagd.; "Altijd": Let op.`,
    ]);
  });

  it('runs a scenario for another gemeente in a municipal file with the regional version', async () => {
    const [o] = await run(NEXT(''), ALMELO('2024-03-01 tot 2024-03-31'), '2024-almelo');
    expect(o?.failures).toEqual([]);
    expect(o?.evaluation.ok && o.evaluation.versions).toEqual(['2024']);
  });

  it('says so when that scenario falls outside the override’s period, without advice about this version', async () => {
    const [o] = await run(NEXT(''), ALMELO('2025-03-01 tot 2025-03-31'), '2024-almelo');
    const message = o?.failures[0]?.message ?? '';
    expect(message).toContain(
      'valt niet in de periode van deze afwijking voor Almelo (2024-01-01 t/m 2024-12-31',
    );
    expect(message).not.toContain('versie 2024-almelo');
  });

  it('fails a scenario for another gemeente after the override when the regional version is open-ended', async () => {
    const open = BASE.replace('geldig tot 2024-12-31\n', '');
    const outcome = async (dates: string) => {
      const programs = compileSources([
        { path: '2024.regels', text: open },
        { path: 'almelo/2024-almelo.regels', text: ALMELO(dates) },
      ]);
      const engine = createEngine(programs, { path: 'fast' });
      const [o] = await runScenarios(
        programOf(programs, '2024-almelo', 'Almelo'),
        (c) => engine.evaluate(c),
        programs,
      );
      return o;
    };
    const late = await outcome('2025-03-01 tot 2025-03-31');
    expect(late?.passed).toBe(false);
    expect(late?.failures[0]?.message).toContain(
      'het geval (gemeente Hengelo) valt niet in de periode van deze afwijking voor Almelo (2024-01-01 t/m 2024-12-31',
    );
    // Within the override's period it still passes, judged by the regional version.
    expect((await outcome('2024-03-01 tot 2024-03-31'))?.failures).toEqual([]);
  });
});
