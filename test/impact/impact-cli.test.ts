/**
 * `regelwerk impact` and `regelwerk caseload genereer` as a user runs them: bad rows reported with their line
 * and left out of the totals, CSV and JSON Lines giving the same answer, Dutch text, CSV output, explanations,
 * wrong usage.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvRows } from '../../src/cli/caseload.js';
import { compileRuleset } from '../../src/cli/ruleset.js';
import { readCaseloadText } from '../../src/impact/caseload/read-text.js';
import { generateCaseload } from '../../src/impact/generate.js';
import type { ImpactReport } from '../../src/impact/types.js';
import { spawn } from 'node:child_process';
import { STACK, bin, cli, impactOptions, tmp } from '../support/cli.js';

const RULES = 'rules/twents-model';
type Json = Record<string, unknown>;

let dir: string;
let cases: Json[];

const impact = (caseload: string, ...extra: string[]) =>
  cli('impact', ...impactOptions({ regels: RULES, caseload, basis: '2021-07', variant: '2022' }), ...extra);

const json = async (caseload: string) => {
  const r = await impact(caseload, '--json', '--threads', '1');
  expect(r.err).toBe('');
  return { code: r.code, report: JSON.parse(r.out) as ImpactReport & { ok: boolean } };
};

beforeAll(async () => {
  dir = await tmp();
  cases = [...generateCaseload({ aantal: 20, seed: 3, jaar: 2022 })];
});

describe('a bad CSV row', () => {
  it('is reported with its line number and its beschikking left out of the totals', async () => {
    const rows = [CSV_COLUMNS.join(',')];
    let badLine = 0;
    cases.forEach((c, i) => {
      const own = csvRows(`b${i + 1}`, c);
      if (i === 4) {
        badLine = rows.length + 1;
        own[0] = (own[0] as string).replace(',resultaat,', ',resultat,');
      }
      rows.push(...own);
    });
    const csv = path.join(dir, 'caseload.csv');
    await writeFile(csv, rows.join('\n') + '\n');
    const without = path.join(dir, 'zonder-b5.jsonl');
    await writeFile(
      without,
      cases
        .filter((_, i) => i !== 4)
        .map((c) => JSON.stringify(c))
        .join('\n'),
    );

    const { code, report } = await json(csv);
    expect(code).toBe(1);
    expect(report.ok).toBe(true);
    expect(report.counts).toMatchObject({ read: 20, priced: 19, bad: 1 });
    expect(report.badRows).toEqual([
      {
        kind: 'bad',
        line: badLine,
        id: 'b5',
        message: `regel ${badLine}: soort moet 'resultaat' of 'module' zijn, niet 'resultat'. Beschikking 'b5' (vanaf regel ${badLine}) is niet meegeteld.`,
      },
    ]);
    const reference = (await json(without)).report;
    expect(report.totals).toEqual(reference.totals);
    expect(report.perGemeente).toEqual(reference.perGemeente);
    expect(report.perCell).toEqual(reference.perCell);

    const text = await impact(csv);
    expect(text.code).toBe(1);
    expect(text.out).toContain(`Niet meegeteld: 1 rij`);
    expect(text.out).toContain(`regel ${badLine}: soort moet 'resultaat' of 'module' zijn`);
  });

  it('a row csv-parse cannot read, a wrong column count and scattered rows are reported with their lines', async () => {
    const head = CSV_COLUMNS.join(',');
    const [r1, r2, r3] = [
      csvRows('b1', cases[0] as Json),
      csvRows('b2', cases[1] as Json),
      csvRows('b3', cases[2] as Json),
    ];
    const lines = [
      head,
      ...(r1 as string[]),
      ...(r2 as string[]),
      'b9,resultaat,Enschede',
      ...(r3 as string[]),
      (r1 as string[])[0] as string,
    ];
    const file = path.join(dir, 'rommel.csv');
    await writeFile(file, lines.join('\n') + '\n"b4,"resultaat\n');
    const { report } = await json(file);
    const byLine = report.badRows.map((b) => [b.line, b.message.slice(0, 40)]);
    const n1 = (r1 as string[]).length;
    const n2 = (r2 as string[]).length;
    const n3 = (r3 as string[]).length;
    expect(byLine).toEqual([
      [2 + n1 + n2, expect.stringMatching(/^regel \d+ heeft 3 kolommen, de kopregel/)],
      [2 + n1 + n2 + 1 + n3, expect.stringMatching(/^regel \d+: beschikking 'b1' kwam al eerde/)],
      [lines.length + 1, expect.stringMatching(/^regel \d+ is geen leesbare CSV-rij/)],
    ]);
    expect(report.counts).toMatchObject({ priced: 3, bad: 3 });
  });

  it('a quote that is never closed is reported at the line it opens on, not at the end of the file', async () => {
    const [r1, r2, r3] = [
      csvRows('b1', cases[0] as Json),
      csvRows('b2', cases[1] as Json),
      csvRows('b3', cases[2] as Json),
    ] as string[][];
    // b2's first row opens a quote in its gemeente column that nothing closes: csv-parse reads on to the end.
    const broken = (r2?.[0] as string).replace(/,([A-Z][^,]*),/, ',"$1,');
    expect(broken).toContain(',"');
    const lines = [
      CSV_COLUMNS.join(','),
      ...(r1 as string[]),
      '',
      broken,
      ...(r2 as string[]).slice(1),
      ...(r3 as string[]),
    ];
    const opened = 1 + (r1 as string[]).length + 2;
    expect(opened).toBeLessThan(lines.length);
    const text = lines.join('\n') + '\n';
    const file = path.join(dir, 'open-quote.csv');
    await writeFile(file, text);
    const expected = {
      kind: 'bad',
      line: opened,
      message: `regel ${opened} is geen leesbare CSV-rij (een aanhalingsteken in deze rij wordt tot het einde van het bestand niet gesloten); rij overgeslagen.`,
    };
    // The CLI's streaming reader and the editor's text reader alike.
    const { report } = await json(file);
    expect(report.badRows).toEqual([expected]);
    expect(report.counts).toMatchObject({ priced: 1, bad: 1 });
    const load = await compileRuleset(['rules/twents-model']);
    if (!load.ok) throw new Error('rules do not compile');
    const read = readCaseloadText(text, 'csv', load.ruleset.programs);
    if (!read.ok) throw new Error(read.message);
    expect(read.entries.filter((e) => e.kind === 'bad')).toEqual([expected]);
  });

  it('a header without the required columns, or with a column that is no input field, stops with a Dutch message', async () => {
    const file = path.join(dir, 'kop.csv');
    await writeFile(
      file,
      'beschikking,soort,gemeente,kleur,periode_van,periode_tot\nb1,resultaat,Enschede,rood,2022-01-01,2022-02-01\n',
    );
    const r = await impact(file);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Caseload '${file}': Kolom 'kleur' in de kopregel (regel 1) is geen invoerveld`);
    await writeFile(file, 'gemeente,wet\nEnschede,wmo\n');
    expect((await impact(file)).err).toContain(
      "mist de kolommen 'beschikking', 'soort', 'periode_van', 'periode_tot'",
    );
  });
});

describe('JSON Lines', () => {
  it('a line that is no JSON object is a bad row with its line number; blank lines are skipped', async () => {
    const file = path.join(dir, 'regels.jsonl');
    const lines = [
      JSON.stringify(cases[0]),
      '',
      '{"gemeente": "Enschede",',
      JSON.stringify(cases[1]),
      '[1, 2]',
    ];
    await writeFile(file, '\uFEFF' + lines.join('\r\n') + '\n');
    const { code, report } = await json(file);
    expect(code).toBe(1);
    expect(report.counts).toMatchObject({ read: 4, priced: 2, bad: 2 });
    expect(report.badRows.map((b) => b.line)).toEqual([3, 5]);
    expect(report.badRows[0]?.message).toMatch(/^regel 3, kolom \d+: geen geldige JSON\.$/);
    expect(report.badRows[1]?.message).toBe(
      'regel 5: verwacht één beschikking als JSON-object ({ … }), niet een lijst.',
    );
  });

  it('a case invalid under both versions is a bad row with the engine’s Dutch message', async () => {
    const file = path.join(dir, 'ongeldig.jsonl');
    const wrong = structuredClone(cases[0]) as Json;
    (wrong['resultaten'] as Json[])[0] = {
      ...(wrong['resultaten'] as Json[])[0],
      intensiteit: 'licht',
      bandbreedte: 'D',
    };
    await writeFile(file, [JSON.stringify(cases[1]), JSON.stringify(wrong)].join('\n'));
    const { report } = await json(file);
    expect(report.counts).toMatchObject({ priced: 1, bad: 1 });
    expect(report.badRows[0]).toMatchObject({ line: 2 });
    expect(report.badRows[0]?.message).toMatch(/^ongeldige beschikking: resultaten\[0\]\.bandbreedte/);
    // The text report names the line too.
    const text = await impact(file);
    expect(text.out).toContain('regel 2: ongeldige beschikking: resultaten[0].bandbreedte');
  });
});

describe('regelwerk impact', () => {
  let file: string;
  beforeAll(async () => {
    file = path.join(dir, 'twintig.jsonl');
    await writeFile(file, cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
  });

  it('prints the report in Dutch with Dutch number notation and an explain command', async () => {
    const r = await impact(file, '--threads', '2');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^Impact van versie 2022 tegenover 2021-07 op 20 beschikkingen/);
    // The indexation (+4,74 %) and, for the Wmo clients who ask for it, dagbesteding (new in 2022).
    expect(r.out).toMatch(/verschil\s+\+€ [\d.]+,\d\d \(\+\d+,\d\d %\)/);
    const dagbesteding = cases.filter((c) =>
      ((c as { modules?: { module: string }[] }).modules ?? []).some(
        (m) => m.module === 'dagbesteding_groep',
      ),
    ).length;
    expect(dagbesteding).toBeGreaterThan(0);
    expect(r.out).toMatch(/\n {2}Dagbesteding in een groep +0 \/ \d+ +€ 0,00 +€ [\d.]+,\d\d/);
    expect(r.out).toContain(
      `module Dagbesteding in een groep is nieuw in de variant (in de basis niet geprijsd) (${dagbesteding} ${dagbesteding === 1 ? 'beschikking' : 'beschikkingen'})`,
    );
    expect(r.out).toContain('Per gemeente');
    expect(r.out).toContain('hoger, tot en met 5 %');
    expect(r.out).toMatch(/Uitleg van één beschikking: regelwerk impact .* --uitleg \d+/);
  });

  it('--uitleg explains one beschikking under both versions', async () => {
    const r = await impact(file, '--uitleg', '2');
    expect(r.code).toBe(0);
    expect(r.out).toContain('── Basis: versie 2021-07 ──');
    expect(r.out).toContain('── Variant: versie 2022 ──');
    // Each version with its own first day, priced as if it applied on every day (never "1900-01-01").
    expect(r.out).not.toContain('1900');
    expect(r.out).toContain(
      'versie 2021-07 (geldig vanaf 2021-07-01; berekend alsof deze versie op alle dagen gold)',
    );
    expect(r.out).toContain(
      'versie 2022 (geldig vanaf 2022-01-01; berekend alsof deze versie op alle dagen gold)',
    );
    expect(r.out).toMatch(/Verschil: € [\d.]+,\d\d → € [\d.]+,\d\d: \+€ [\d.]+,\d\d \(\+4,\d\d %\)/);
    const none = await impact(file, '--uitleg', '999');
    expect(none.code).toBe(1);
    expect(none.err).toContain('Op regel 999');
  });

  it('--uitleg takes a line number as the report prints it (regel 1.001) and as digits', async () => {
    const big = 'rules/twents-model/voorbeelden/caseload-2000.jsonl';
    const dotted = await impact(big, '--uitleg', '1.001');
    expect(dotted.code).toBe(0);
    expect(dotted.out).toContain('── Variant: versie 2022 ──');
    expect((await impact(big, '--uitleg', '1001')).out).toBe(dotted.out);
    const odd = await impact(big, '--uitleg', '1.00');
    expect(odd.code).toBe(2);
    expect(odd.err).toContain(`niet '1.00'`);
  });

  it('a caseload saved as UTF-16 is named as such, not read as rows of bad JSON', async () => {
    const u16 = path.join(dir, 'unicode.jsonl');
    const text = cases.map((c) => JSON.stringify(c)).join('\n');
    await writeFile(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await impact(u16);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Het caseloadbestand '${u16}' is UTF-16; sla het op als UTF-8`);
    expect(r.out).not.toContain('geen geldige JSON');
  });

  it('--csv naming an existing file says it needs a folder (exit 2), nothing priced', async () => {
    const r = await impact(file, '--csv', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--csv neemt een map voor de CSV-bestanden, maar '${file}' is een bestand`);
    expect(r.err).not.toContain('EEXIST');
  });

  it('--csv writes a table per part', async () => {
    const out = path.join(dir, 'csv-uit');
    const r = await impact(file, '--csv', out);
    expect(r.code).toBe(0);
    const gemeenten = await readFile(path.join(out, 'per-gemeente.csv'), 'utf8');
    expect(gemeenten.split('\r\n')[0]).toBe('sleutel,naam,aantal,basis,variant,verschil,procent');
    const cells = await readFile(path.join(out, 'per-tariefcel.csv'), 'utf8');
    expect(cells).toMatch(
      /\n"weektarief\[(ontwikkelen|stabiliseren), OB\d, \w+, [A-D]\]","Weektarief ondersteuningsbehoefte: \w+ × OB\d, \w+\/[A-D]",\d+,\d+,\d+\.\d\d,/,
    );
  });

  it('wrong usage: an unknown version (exit 2, the known ones named), missing options, a missing file', async () => {
    const r = await cli(
      'impact',
      ...impactOptions({ regels: RULES, caseload: file, basis: '2018', variant: '2022' }),
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      "onbekende versie '2018' (basis). Bekende versies: 2019, 2020, 2021-01, 2021-07, 2022.",
    );
    const o = await cli(
      'impact',
      '--regels',
      RULES,
      '--caseload',
      file,
      '--basis',
      '2019-almelo',
      '--variant',
      '2022',
    );
    expect(o.err).toContain("kies de regionale versie ('2019')");
    expect((await cli('impact', '--regels', RULES)).code).toBe(2);
    const missing = await impact(path.join(dir, 'bestaat-niet.jsonl'), '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out)).toMatchObject({ ok: false, errors: 1 });
    for (const x of [r, o, missing]) expect(x.err + x.out).not.toMatch(STACK);
  });
});

describe('--variant-regels: the variant from another folder', () => {
  it('one changed weektarief cell moves money in exactly that cell; the same rules move nothing', async () => {
    const copy = path.join(dir, 'concept');
    await cp(RULES, copy, { recursive: true });
    const file2019 = path.join(copy, '2019.regels');
    const text = await readFile(file2019, 'utf8');
    const changed = text.replace(/(ontwikkelen\s+OB2\s+)71,80/, '$172,80');
    expect(changed).not.toBe(text);
    await writeFile(file2019, changed);
    const caseload = 'rules/twents-model/voorbeelden/caseload-2000.jsonl';
    const run = async (regels: string) => {
      const r = await cli(
        'impact',
        ...impactOptions({ regels: RULES, variantRegels: regels, caseload, basis: '2022', variant: '2022' }),
        '--json',
        '--threads',
        '1',
      );
      expect(r.code).toBe(0);
      return JSON.parse(r.out) as ImpactReport;
    };
    const report = await run(copy);
    const moved = report.perCell.filter((c) => c.difference !== '0.00');
    expect(moved.map((c) => c.key)).toEqual(['weektarief[ontwikkelen, OB2, licht, A]']);
    expect(moved[0]?.basisCount).toBeGreaterThan(0);
    expect(report.totals.difference).toBe(moved[0]?.difference);
    const same = await run(RULES);
    expect(same.totals.difference).toBe('0.00');
    expect(same.bands.find((b) => b.band === 'gelijk')?.count).toBe(2000);
  });
});

describe('the real bin (built CLI, its own worker file)', () => {
  it('prices the CSV sample like the in-process CLI', async () => {
    const sample = 'rules/twents-model/voorbeelden/caseload-voorbeeld.csv';
    const real = await bin(
      'impact',
      ...impactOptions({ regels: RULES, caseload: sample, basis: '2019', variant: '2022' }),
      '--json',
    );
    const here = await cli(
      'impact',
      ...impactOptions({ regels: RULES, caseload: sample, basis: '2019', variant: '2022' }),
      '--json',
    );
    expect(real.code).toBe(0);
    expect(JSON.parse(real.out)).toEqual(JSON.parse(here.out));
    expect(JSON.parse(real.out)).toMatchObject({ ok: true, counts: { priced: 12, bad: 0 } });
  });

  it('Ctrl-C stops a long run: exit 130, a Dutch message, nothing on stdout', async () => {
    const sample = await readFile('rules/twents-model/voorbeelden/caseload-2000.jsonl', 'utf8');
    const big = path.join(dir, 'groot.jsonl');
    await writeFile(big, sample.repeat(50));
    const child = spawn('node', [
      'bin/regelwerk.mjs',
      'impact',
      '--regels',
      RULES,
      '--caseload',
      big,
      '--basis',
      '2021-07',
      '--variant',
      '2022',
      '--voortgang',
    ]);
    let out = '';
    let err = '';
    let interrupted = false;
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      // The first progress line shows the run is under way (and Ctrl-C is handled): interrupt it then.
      if (!interrupted && err.includes('impact ')) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(err).toContain('Afgebroken: de impactanalyse is gestopt (Ctrl-C)');
    expect(out).toBe('');
  }, 60_000);
});

describe('regelwerk caseload genereer', () => {
  it('is deterministic for a seed, Enschede the largest gemeente, every case valid', async () => {
    const a = await cli('caseload', 'genereer', '--aantal', '2000', '--seed', '5');
    const b = await cli('caseload', 'genereer', '--aantal', '2000', '--seed', '5');
    const c = await cli('caseload', 'genereer', '--aantal', '2000', '--seed', '6');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(a.out).not.toBe(c.out);
    const lines = a.out.trim().split('\n');
    expect(lines).toHaveLength(2000);
    const count = new Map<string, number>();
    for (const l of lines) {
      const g = (JSON.parse(l) as Json)['gemeente'] as string;
      count.set(g, (count.get(g) ?? 0) + 1);
    }
    const sorted = [...count].sort((x, y) => y[1] - x[1]);
    expect(sorted[0]?.[0]).toBe('Enschede');
    expect(count.size).toBe(14);
    const file = path.join(dir, 'gegenereerd.jsonl');
    await writeFile(file, a.out);
    const { report } = await json(file);
    expect(report.counts).toMatchObject({ read: 2000, priced: 2000, bad: 0 });
  });

  it('the shipped samples are the generator output (the editor default caseload: 2,000, seed 1)', async () => {
    const sample = await readFile('rules/twents-model/voorbeelden/caseload-2000.jsonl', 'utf8');
    expect((await cli('caseload', 'genereer', '--aantal', '2000', '--seed', '1')).out).toBe(sample);
    const csv = await readFile('rules/twents-model/voorbeelden/caseload-voorbeeld.csv', 'utf8');
    expect((await cli('caseload', 'genereer', '--aantal', '12', '--seed', '2', '--formaat', 'csv')).out).toBe(
      csv,
    );
  });

  it('as CSV gives the same impact as JSON Lines', async () => {
    const j = await cli('caseload', 'genereer', '--aantal', '300', '--seed', '9');
    const c = await cli('caseload', 'genereer', '--aantal', '300', '--seed', '9', '--formaat', 'csv');
    const [fj, fc] = [path.join(dir, 'g.jsonl'), path.join(dir, 'g.csv')];
    await writeFile(fj, j.out);
    await writeFile(fc, c.out);
    const [rj, rc] = [(await json(fj)).report, (await json(fc)).report];
    expect(rc.counts).toEqual(rj.counts);
    expect(rc.totals).toEqual(rj.totals);
    expect(rc.perCell).toEqual(rj.perCell);
  });

  it('wrong usage is exit 2 with a Dutch message', async () => {
    for (const args of [['--aantal', '0'], ['--aantal', 'veel'], ['--aantal', '5', '--formaat', 'xml'], []]) {
      const r = await cli('caseload', 'genereer', ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^Verkeerd gebruik: /);
    }
    expect((await cli('caseload', 'maak')).code).toBe(2);
  });

  it('an --aantal out of range is quoted (not called missing); 1.000 is a thousand', async () => {
    const r = await cli('caseload', 'genereer', '--aantal', '1e12');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--aantal moet een heel getal van 1 tot en met 10.000.000 zijn`);
    expect(r.err).toContain(`niet '1e12'`);
    expect(r.err).not.toContain('verplicht');
    expect((await cli('caseload', 'genereer')).err).toContain('--aantal is verplicht');
    const dotted = await cli('caseload', 'genereer', '--aantal', '1.000', '--seed', '2');
    expect(dotted.code).toBe(0);
    expect(dotted.out.trim().split('\n')).toHaveLength(1000);
  });
});
