/**
 * Scenario expectations end to end (text → checker → IR → engine → scenario runner): module amounts,
 * indicative hours, and `verwacht geen fout|waarschuwing "<regel>"` (the named rule stays quiet).
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../../dsl/compile.js';
import { formatText } from '../../../dsl/ast/print.js';
import { parse } from '../../../dsl/ast/parse.js';
import { createEngine } from '../../../src/engine/evaluate.js';
import { runScenarios } from '../../../src/scenarios/run.js';

const RULES = `regelset "Proef"
versie "2024"
geldig vanaf 2024-01-01
status vastgesteld
bron "Illustratief"

domein perspectief "Perspectief"
  ontwikkelen "Ontwikkelen"
  stabiliseren "Stabiliseren"

domein intensiteit "Intensiteit"
  licht "Licht"
  midden "Midden"

domein wet "Wet"
  jeugdwet "Jeugdwet"
  wmo "Wmo"

bandbreedte A bij licht van 0 tot 2 uur per week
bandbreedte B bij licht van 2 tot 4 uur per week
bandbreedte B bij midden van 4 tot 6 uur per week

invoer beschikking
  veld wet: wet
  veld geboortedatum: datum
  veld ingangsdatum: datum

invoer resultaat
  veld perspectief: perspectief
  veld intensiteit: intensiteit
  veld bandbreedte: bandbreedte

invoer module
  veld aantal: hoeveelheid optioneel

parameter ritprijs = € 12,50 per rit

parameter uurtarief = € 65,00 per uur

tabel weektarief "Weektarief" in € per week
  rijen perspectief
  kolommen intensiteit/bandbreedte
                licht/A  licht/B  midden/B
  ontwikkelen     50,00    70,00    100,00
  stabiliseren    40,00    60,00     90,00

bereken leeftijd = jaren(geboortedatum, ingangsdatum)

budget voor elk resultaat
  tarief weektarief[perspectief, intensiteit, bandbreedte]
  hoeveelheid weken(periode)
  afgerond op centen
  indicatieve uren (weektarief[perspectief, intensiteit, bandbreedte] × weken(periode) / uurtarief) afgerond op 2 decimalen

module vervoer "Vervoer"
  tarief ritprijs
  hoeveelheid aantal
  maximum € 2.500,00
  toegestaan als wet = jeugdwet of leeftijd >= 18 jaar
  anders "Vervoer alleen bij de Jeugdwet of vanaf 18 jaar."

regel "Wmo vanaf 18 jaar"
  als wet = wmo en leeftijd < 18 jaar
  dan fout "De Wmo geldt vanaf 18 jaar."


scenario "Jeugdwet: stil"
  gegeven
    wet = jeugdwet
    geboortedatum = 2010-05-01
    ingangsdatum = 2024-01-01
    resultaat r1: perspectief = ontwikkelen, intensiteit = licht, bandbreedte = A, periode = 2024-01-01 tot 2024-06-30
    module vervoer: aantal = 10, periode = 2024-01-01 tot 2024-06-30
  verwacht resultaat r1 = € 1.300,00
  verwacht uren r1 = 20 uur
  verwacht module vervoer = € 125,00
  verwacht geen fout "Wmo vanaf 18 jaar"
  verwacht geen waarschuwing "Wmo vanaf 18 jaar"

scenario "Wmo onder de 18: de regel meldt een fout"
  gegeven
    wet = wmo
    geboortedatum = 2010-05-01
    ingangsdatum = 2024-01-01
    resultaat r1: perspectief = ontwikkelen, intensiteit = licht, bandbreedte = A, periode = 2024-01-01 tot 2024-06-30
  verwacht fout "Wmo vanaf 18 jaar"
  verwacht geen waarschuwing "Wmo vanaf 18 jaar"
  verwacht geen fout "Wmo vanaf 18 jaar"
`;

describe('scenario expectations', () => {
  it('parses, prints and lowers verwacht geen fout|waarschuwing', () => {
    const { ast, diagnostics } = parse(RULES, 'x.regels');
    expect(diagnostics).toEqual([]);
    expect(ast.decls.at(-2)?.kind).toBe('ScenarioDecl');
    const formatted = formatText(RULES, 'x.regels');
    if (!formatted.ok) throw new Error('niet opgemaakt');
    const printed = formatted.text;
    expect(formatText(printed, 'x.regels')).toEqual(formatted);
    expect(printed).toContain('  verwacht geen fout "Wmo vanaf 18 jaar"');
    expect(printed).toContain('  verwacht geen waarschuwing "Wmo vanaf 18 jaar"');
    const r = compile([{ path: 'x.regels', text: RULES }]);
    expect(r.diagnostics.filter((d) => d.severity === 'fout')).toEqual([]);
    if (!r.ok) throw new Error('niet gecompileerd');
    const kinds = r.programs[0]?.scenarios[0]?.expectations.map((e) => e.kind);
    expect(kinds).toEqual(['result', 'hours', 'moduleAmount', 'noDiagnostic', 'noDiagnostic']);
    expect(r.programs[0]?.scenarios[0]?.expectations[3]).toMatchObject({
      kind: 'noDiagnostic',
      severity: 'fout',
      rule: 'Wmo vanaf 18 jaar',
    });
  });

  it('checks module amounts, hours and quiet rules when the scenarios run', async () => {
    const r = compile([{ path: 'x.regels', text: RULES }]);
    if (!r.ok) throw new Error('niet gecompileerd');
    const engine = createEngine(r.programs, { path: 'jre' });
    const program = r.programs[0];
    if (program === undefined) throw new Error('geen programma');
    const outcomes = await runScenarios(program, (c) => engine.evaluate(c, { explain: false }));
    expect(outcomes.map((o) => [o.scenario, o.failures.map((f) => f.message)])).toEqual([
      ['Jeugdwet: stil', []],
      [
        'Wmo onder de 18: de regel meldt een fout',
        ['verwacht geen fout van regel "Wmo vanaf 18 jaar", maar die meldde: De Wmo geldt vanaf 18 jaar.'],
      ],
    ]);
  });
});
