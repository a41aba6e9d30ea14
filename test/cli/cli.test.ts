import { writeFile, readFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { casus as beschikking, resultaat } from '../support/casus.js';
import { STACK, bin, cli, tmp } from '../support/cli.js';

const VALID = `regelset "Proef"
versie "2019"
geldig vanaf 2019-01-01

parameter uurtarief = € 68,40 per uur
`;

describe('regelwerk check', () => {
  it('passes the project rules', async () => {
    const r = await bin('check', 'rules/');
    expect(r.err).toBe('');
    expect(r.out).toMatch(/0 fouten/);
    expect(r.code).toBe(0);
  });

  it('reports a broken file with position, code, source line and marker, exit 1', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'kapot.regels');
    await writeFile(file, VALID + '\nparameter x = € 12,50 per week × 3 dagen\n');
    const r = await cli('check', file);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    const i = lines.findIndex((l) => /kapot\.regels:7:\d+: fout RW\d{4}: /.test(l));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(lines[i + 1]).toContain('parameter x = € 12,50 per week × 3 dagen');
    expect(lines[i + 2]).toMatch(/^\s*\^~*$/);
  });

  it('gives machine-readable diagnostics with --json', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'kapot.regels');
    await writeFile(file, VALID + '\nparameter y = onbekend_ding\n');
    const r = await cli('check', '--json', file);
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.out) as {
      errors: number;
      diagnostics: { code: string; line: number; severity: string }[];
    };
    expect(parsed.errors).toBeGreaterThan(0);
    const error = parsed.diagnostics.find((d) => d.severity === 'fout');
    expect(error).toMatchObject({ severity: 'fout', line: 7 });
    expect(error?.code).toMatch(/^RW\d{4}$/);
    // The unused parameter on line 5 is a warning, kept apart from the errors.
    expect(parsed.diagnostics.some((d) => d.severity === 'waarschuwing' && d.line === 5)).toBe(true);
  });

  it('exits 2 on wrong usage and 1 on a path that does not exist', async () => {
    expect((await cli('check', '--onzin')).code).toBe(2);
    expect((await cli('blaat')).code).toBe(2);
    const missing = await cli('check', 'bestaat/niet.regels');
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/bestaat niet/);
  });

  it('says a binary or non-UTF-8 file cannot be read, without a stack trace', async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, 'binair.regels'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    await writeFile(path.join(dir, 'latin1.regels'), Buffer.from([0x72, 0xe9, 0x67, 0x65, 0x6c]));
    const r = await bin('check', dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/binair\.regels: fout RW9001: .*binair/);
    expect(r.out).toMatch(/latin1\.regels: fout RW9001: .*UTF-8/);
    expect(r.out + r.err).not.toMatch(STACK);
  });

  it('never prints a stack trace, whatever the file holds', async () => {
    const dir = await tmp();
    const seeds = (await readdir('rules/twents-model')).filter((f) => f.endsWith('.regels'));
    const seedText = seeds.length
      ? await readFile(path.join('rules/twents-model', seeds[0] ?? ''), 'utf8')
      : VALID;
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), fc.nat(), fc.nat(), async (junk, at, len) => {
        const start = at % (seedText.length + 1);
        const mutated = seedText.slice(0, start) + junk + seedText.slice(start + (len % 40));
        const file = path.join(dir, 'mutant.regels');
        await writeFile(file, mutated);
        const r = await cli('check', file);
        expect([0, 1]).toContain(r.code);
        expect(r.out + r.err).not.toMatch(STACK);
        expect(r.err).not.toMatch(/Interne fout/);
      }),
      { numRuns: 40, seed: 42 },
    );
  });
});

describe('regelwerk fmt', () => {
  it('rewrites a file once and --check then passes', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'rommelig.regels');
    await writeFile(file, VALID.replace('parameter uurtarief', '\n\n\nparameter    uurtarief'));
    expect((await cli('fmt', '--check', file)).code).toBe(1);
    expect((await cli('fmt', file)).code).toBe(0);
    const once = await readFile(file, 'utf8');
    expect((await cli('fmt', '--check', file)).code).toBe(0);
    expect((await cli('fmt', file)).code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(once);
  });

  it('never rewrites a file with syntax errors', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'kapot.regels');
    const text = VALID + '\ntabel [[[ \n';
    await writeFile(file, text);
    const r = await cli('fmt', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/niet opgemaakt/);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('passes on the project rules', async () => {
    expect((await cli('fmt', '--check', 'rules/')).code).toBe(0);
  });
});

const firstExample = async (): Promise<string> => {
  const names = (await readdir('rules/twents-model/voorbeelden')).filter((f) => f.endsWith('.json')).sort();
  return names[0] ?? 'geen voorbeeld';
};

describe('regelwerk eval', () => {
  it('explains a malformed case file in Dutch', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'casus.json');
    await writeFile(file, '{ "gemeente": "Hengelo", ');
    const r = await cli('eval', '--regels', 'rules/twents-model', '--casus', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/geen geldige JSON/);
    const missing = await cli(
      'eval',
      '--regels',
      'rules/twents-model',
      '--casus',
      path.join(dir, 'weg.json'),
    );
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/bestaat niet/);
    expect((await cli('eval', '--regels', 'rules/twents-model')).code).toBe(2);
  });

  it('says which result a rule message is about', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'casus.json');
    const r1 = resultaat('2021-07-01', '2021-09-30');
    const r2 = { ...r1, id: 'r2', intensiteit: 'zwaar', bandbreedte: 'D', groepsgrootte: 'klein' };
    const casus = beschikking({ van: '2021-07-01', tot: '2021-09-30', resultaten: [r1, r2] });
    await writeFile(file, JSON.stringify(casus));
    const r = await cli('eval', '--regels', 'rules/twents-model', '--casus', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/fout bij resultaten\[1\] \(Groepsgerichte inzet niet bij intensiteit zwaar\)/);
  });

  it('reads a case file saved as UTF-16 (with its byte-order mark) like its UTF-8 original', async () => {
    const dir = await tmp();
    const example = await readFile('rules/twents-model/voorbeelden/' + (await firstExample()), 'utf8');
    const utf8 = path.join(dir, 'casus-utf8.json');
    const le = path.join(dir, 'casus-utf16le.json');
    const be = path.join(dir, 'casus-utf16be.json');
    await writeFile(utf8, example);
    await writeFile(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(example, 'utf16le')]));
    await writeFile(be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(example, 'utf16le').swap16()]));
    const want = await cli('eval', '--json', '--regels', 'rules/twents-model', '--casus', utf8);
    expect(want.out).toContain('"total"');
    for (const f of [le, be]) {
      const r = await cli('eval', '--json', '--regels', 'rules/twents-model', '--casus', f);
      expect(r.err).not.toMatch(/binair/);
      expect(r.out).toBe(want.out);
    }
  });

  it('prices every example case and prints the stable JSON shape', async () => {
    const dir = 'rules/twents-model/voorbeelden';
    const examples = (await readdir(dir)).filter((f) => f.endsWith('.json'));
    expect(examples.length).toBeGreaterThanOrEqual(3);
    let priced = 0;
    for (const ex of examples) {
      const r = await cli('eval', '--json', '--regels', 'rules/twents-model', '--casus', path.join(dir, ex));
      const ev = JSON.parse(r.out) as { ok: boolean; total?: string; lines?: { amount: string }[] };
      if (ev.ok) {
        priced++;
        expect(ev.total).toMatch(/^-?\d+\.\d{2}$/);
        for (const l of ev.lines ?? []) expect(l.amount).toMatch(/^-?\d+\.\d{2}$/);
      }
    }
    expect(priced).toBeGreaterThan(0);
  });
});

describe('regelwerk test', () => {
  it('fails with the expectation and its source line when a scenario is wrong', async () => {
    const dir = await tmp();
    await mkdir(path.join(dir, 'regels'));
    const src = await readFile('rules/twents-model/2019.regels', 'utf8');
    const m = /verwacht totaal = € ([\d.,]+)/.exec(src);
    expect(m).not.toBeNull();
    const broken = src.replace(m?.[0] ?? '', 'verwacht totaal = € 0,01');
    await writeFile(path.join(dir, 'regels', '2019.regels'), broken);
    const r = await cli('test', path.join(dir, 'regels'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗/);
    expect(r.out).toMatch(/verwacht totaal € 0,01, uitkomst € /);
    expect(r.out).toContain('verwacht totaal = € 0,01');
  });
});

describe('regelwerk diff', () => {
  it('lists per tariff cell what an indexation moved, old → new with %', async () => {
    const r = await cli('diff', '--regels', 'rules/twents-model', '2019', '2020');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Verschil van versie 2019 naar versie 2020/);
    expect(r.out).toMatch(/ontwikkelen\/OB2\/midden\/B\s+136,20 →\s+140,08, \+3,88 \(\+2,8488 %\)/);
    const json = await cli('diff', '--json', '--regels', 'rules/twents-model', '2019', '2019-almelo');
    const d = JSON.parse(json.out) as { cells: { table: string }[]; items: unknown[] };
    // The Almelo `wijzig tabel` gives the weekly tariff its own omschrijving and bron.
    expect(d.items).toEqual([
      {
        kind: 'tabel',
        name: 'weektarief',
        change: 'gewijzigd',
        title: 'tabel weektarief',
        details: [
          'omschrijving "Weektarief ondersteuningsbehoefte" → "Weektarief ondersteuningsbehoefte, Almelo"',
          'bron "Tarievenblad Twents Model 2019 (illustratief)" → "Tarievenblad ondersteuningsbehoeften Almelo 2019 (illustratief)"',
        ],
      },
    ]);
    expect(new Set(d.cells.map((c) => c.table))).toEqual(new Set(['weektarief']));
  });

  it('prints declarations in Dutch: values with their unit, percentages as %, what changed, counts per kind', async () => {
    const r = await cli('diff', '--regels', 'rules/twents-model', '2020', '2021-01');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        'Verschil van versie 2020 naar versie 2021-01',
        '  tariefcellen: 0 gewijzigd, 0 nieuw, 0 vervallen; declaraties: 4 toegevoegd, 0 vervallen, 1 gewijzigd',
        '',
        '  parameter uurtarief toegevoegd: € 64,80 per uur',
        '  parameter norm_indirect toegevoegd: 17 %',
        '  parameter norm_reistijd toegevoegd: 8 %',
        '  berekening norm_direct toegevoegd',
        '  budget gewijzigd: indicatieve uren toegevoegd',
        '',
      ].join('\n'),
    );
    const json = await cli('diff', '--json', '--regels', 'rules/twents-model', '2020', '2021-01');
    const d = JSON.parse(json.out) as { items: { name: string; new?: string; newText?: string }[] };
    // The JSON keeps its fields (the fraction as in the IR) and adds the Dutch text.
    expect(d.items.find((i) => i.name === 'norm_indirect')).toMatchObject({ new: '0.17', newText: '17 %' });
  });

  it('names the known versions when one does not exist', async () => {
    // A version the rules do not have, named on the command line, is wrong usage (exit 2).
    const r = await cli('diff', '--regels', 'rules/twents-model', '2019', '2099');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/onbekende versie '2099'. Bekende versies: 2019, /);
    expect((await cli('diff', '--regels', 'rules/twents-model', '2019')).code).toBe(2);
  });
});

describe('regelwerk explain', () => {
  it('explains each amount down to the tariff cell, its version and its line in the rules', async () => {
    const r = await cli(
      'explain',
      '--regels',
      'rules/twents-model',
      '--casus',
      'rules/twents-model/voorbeelden/over-versiegrens-2020-2021.json',
    );
    expect(r.code).toBe(0);
    // Two parts, one per version, each with its own calculation.
    expect(r.out).toMatch(/versie 2020 \(geldig vanaf 2020-01-01\)/);
    expect(r.out).toMatch(/versie 2021-01 \(geldig vanaf 2021-01-01\)/);
    expect(r.out).toMatch(/€ [\d.,]+ per week × [\d,]+… weken = € [\d.,]+/);
    // The cell was written in 2019 and indexed in 2020; its place is a file:line:column.
    expect(r.out).toMatch(
      /geschreven in versie 2019, geldig vanaf 2019-01-01, als € 136,20 per week; geïndexeerd met 2,85 % in versie 2020/,
    );
    expect(r.out).toMatch(/\[rules\/twents-model\/2019\.regels:\d+:\d+\]/);
  });
});
