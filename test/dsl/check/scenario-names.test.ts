/**
 * A scenario names a module's result and variant bare (`resultaat = r1`, `variant = rit`), like other names; the
 * quoted form (`resultaat = "r1"`, `variant = "rit"`) stays valid and means the same case. The formatter and
 * "Opslaan als scenario" write the bare form; an id that cannot be a name stays quoted.
 */
import { describe, expect, it } from 'vitest';
import { compile, isBareName } from '../../../dsl/index.js';
import { formatText } from '../../../dsl/ast/print.js';
import { createEngine } from '../../../src/engine/evaluate.js';
import { scenarioText } from '../../../src/scenarios/write.js';
import { programOf } from '../../support/compile.js';
import { loadTwentsModel } from '../../support/twents-model.js';

const model = loadTwentsModel();
const FILE_2022 = Object.keys(model.texts).find((p) => p.endsWith('twents-model/2022.regels')) ?? '';

/** The Twents Model with the 2022 file rewritten. */
function compileWith(edit: (text: string) => string) {
  return compile(
    Object.entries(model.texts).map(([path, text]) => ({
      path,
      text: path === FILE_2022 ? edit(text) : text,
    })),
  );
}

const quoted = (text: string): string =>
  text.replace(/resultaat = r1,/g, 'resultaat = "r1",').replace(/variant = (rit|km),/g, 'variant = "$1",');

describe('bare and quoted names in a scenario', () => {
  it('the Twents Model writes them bare, and the quoted form gives the same cases', () => {
    expect(model.errors).toEqual([]);
    const text = model.texts[FILE_2022] ?? '';
    expect(text).toContain('module consultatie_diagnostiek: resultaat = r1,');
    expect(text).toContain('module vervoer: variant = rit,');
    expect(quoted(text)).toContain('resultaat = "r1",');
    const bare = compileWith((t) => t);
    const withQuotes = compileWith(quoted);
    expect(withQuotes.diagnostics.filter((d) => d.severity === 'fout')).toEqual([]);
    const scenarios = (r: typeof bare) =>
      programOf(r.ok ? r.programs : [], '2022').scenarios.map((s) => ({ name: s.name, casus: s.casus }));
    expect(scenarios(withQuotes)).toEqual(scenarios(bare));
    const cd = scenarios(bare).find((s) => s.name.includes('leest haar resultaat'));
    expect(JSON.stringify(cd?.casus)).toContain('"resultaat":"r1"');
  });

  it('a quoted variant the module does not have is RW2003, as the bare one', () => {
    for (const variant of ['"ritt"', 'ritt']) {
      const r = compileWith((t) =>
        t.replace('module vervoer: variant = rit,', `module vervoer: variant = ${variant},`),
      );
      const d = r.diagnostics.find((x) => x.code === 'RW2003');
      expect(d?.message).toContain("'ritt'");
      expect(d?.file).toBe(FILE_2022);
    }
  });

  it('the formatter writes the bare form; an id that cannot be a name stays quoted', () => {
    const src = (given: string) =>
      `regelset "T"\nversie "1"\ngeldig vanaf 2021-01-01\n\nscenario "s"\n  gegeven\n    ${given}\n  verwacht geen fouten\n`;
    const format = (given: string) => {
      const r = formatText(src(given), 'x');
      if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
      return r.text;
    };
    expect(format('module m: resultaat = "r1", variant = "rit"')).toContain(
      'module m: resultaat = r1, variant = rit\n',
    );
    expect(format('module m: resultaat = r1, variant = gezinshuis_plus')).toContain(
      'module m: resultaat = r1, variant = gezinshuis_plus\n',
    );
    // Not a name: a keyword, a space, a hyphen, a digit first. Other text fields keep their quotes.
    for (const id of ['totaal', 'r 1', 'r-1', '1r'])
      expect(format(`module m: resultaat = "${id}"`)).toContain(`module m: resultaat = "${id}"\n`);
    expect(format('achternaam = "Jansen"')).toContain('achternaam = "Jansen"\n');
    expect(isBareName('rit')).toBe(true);
    expect(isBareName('resultaat')).toBe(false);
  });

  it('"Opslaan als scenario" writes resultaat and variant bare', async () => {
    const program = programOf(model.programs, '2022');
    const source = program.scenarios.find((s) => s.name.includes('leest haar resultaat'));
    if (source === undefined) throw new Error('scenario ontbreekt');
    const casus = {
      ...source.casus,
      modules: [
        ...(source.casus.modules as object[]),
        { module: 'vervoer', variant: 'rit', aantal: '4', periode: { van: '2022-04-01', tot: '2022-04-30' } },
      ],
    };
    const evaluation = await createEngine(model.programs, { path: 'fast' }).evaluate(casus);
    const text = scenarioText({ name: 'Nieuw', casus, evaluation, input: program.input });
    expect(text).toContain('module consultatie_diagnostiek: resultaat = r1,');
    expect(text).toContain('module vervoer: variant = rit,');
    expect(text).not.toMatch(/(resultaat|variant) = "/);
  });
});
