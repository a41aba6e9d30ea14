/**
 * The CLI's contract with people and programs: the context of an amending file, positions after a byte order
 * mark, a closed pipe, one JSON object with --json, Dutch argument errors, exit codes and Dutch numbers.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { casus as beschikking } from '../support/casus.js';
import { STACK, bin, cli, tmp } from '../support/cli.js';

const ENGLISH =
  /\b(Option|option argument|argument is|ambiguous|Did you|Unknown|Unexpected|does not take)\b|<value>/;
const EXAMPLES = 'rules/twents-model/voorbeelden';

/** A copy of the 2019 rules whose first total expectation is wrong; `bom` puts a byte order mark in front. */
async function brokenRules(bom: boolean): Promise<{ dir: string; file: string }> {
  const dir = await tmp();
  const src = await readFile('rules/twents-model/2019.regels', 'utf8');
  const m = /verwacht totaal = € ([\d.,]+)/.exec(src);
  expect(m).not.toBeNull();
  const file = path.join(dir, '2019.regels');
  await writeFile(file, (bom ? '\uFEFF' : '') + src.replace(m?.[0] ?? '', 'verwacht totaal = € 0,01'));
  return { dir, file };
}

interface JsonFailure {
  ok: false;
  errors: number;
  diagnostics: { message: string; severity: string; file?: string; line?: number; column?: number }[];
}

function jsonFailure(out: string): JsonFailure {
  const parsed = JSON.parse(out) as JsonFailure;
  expect(parsed.ok).toBe(false);
  expect(parsed.errors).toBeGreaterThan(0);
  expect(parsed.diagnostics.length).toBeGreaterThan(0);
  for (const d of parsed.diagnostics) {
    expect(d.severity).toBe('fout');
    expect(d.message).not.toMatch(ENGLISH);
  }
  return parsed;
}

describe('test, eval and explain load the context of an amending file, as check does', () => {
  it('tests one amending version file: its base is loaded, only its own scenarios run', async () => {
    const r = await cli('test', 'rules/twents-model/2020.regels');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/versie 2020 \(rules\/twents-model\/2020\.regels\)/);
    expect(r.out).not.toMatch(/versie 2019 \(/);
    expect(r.out).not.toMatch(/versie 2021-01 \(/);
    expect(r.out).toMatch(/\d+ scenario's: \d+ geslaagd, 0 mislukt/);
  });

  it('tests a municipal subfolder with the regional versions it builds on', async () => {
    const r = await cli('test', 'rules/twents-model/almelo');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/versie 2019-almelo/);
    expect(r.out).not.toMatch(/versie 2019 \(/);
  });

  it('explains and evaluates with --regels naming a subfolder or a single file', async () => {
    const casus = path.join(EXAMPLES, 'ob-enkelvoudig-almelo.json');
    const explain = await cli('explain', '--regels', 'rules/twents-model/almelo', '--casus', casus);
    expect(explain.err).toBe('');
    expect(explain.code).toBe(0);
    expect(explain.out).toMatch(/Versie: 2019-almelo/);
    const hengelo = path.join(EXAMPLES, 'ob-enkelvoudig-hengelo.json');
    const ev = await cli('eval', '--regels', 'rules/twents-model/2020.regels', '--casus', hengelo);
    expect(ev.err).toBe('');
    expect(ev.code).toBe(0);
    expect(ev.out).toMatch(/totaal: € /);
  });
});

describe('regelwerk test: positions of a failing expectation', () => {
  for (const bom of [false, true]) {
    it(`points at the expectation${bom ? ' in a file that starts with a byte order mark' : ''}`, async () => {
      const { dir } = await brokenRules(bom);
      const r = await cli('test', dir);
      expect(r.code).toBe(1);
      const lines = r.out.split('\n');
      const i = lines.findIndex((l) => /2019\.regels:\d+:\d+: verwacht totaal € 0,01/.test(l));
      expect(i).toBeGreaterThanOrEqual(0);
      const column = Number(/:\d+:(\d+):/.exec(lines[i] ?? '')?.[1]);
      const source = (lines[i + 1] ?? '').slice(6);
      const marker = (lines[i + 2] ?? '').slice(6);
      expect(source.slice(column - 1)).toMatch(/^verwacht totaal = € 0,01/);
      expect(marker.indexOf('^')).toBe(column - 1);
    });
  }

  it('gives line and column (1-based) of the expectation with --json, next to the offsets', async () => {
    const { dir, file } = await brokenRules(true);
    const r = await cli('test', '--json', dir);
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.out) as {
      ok: boolean;
      results: { failures: { start: number; end: number; line: number; column: number }[] }[];
    };
    expect(parsed.ok).toBe(false);
    const failure = parsed.results.flatMap((x) => x.failures)[0];
    expect(failure).toBeDefined();
    const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
    const line = text.split('\n')[(failure?.line ?? 0) - 1] ?? '';
    expect(line.slice((failure?.column ?? 0) - 1)).toMatch(/^verwacht totaal = € 0,01/);
    expect(text.slice(failure?.start, failure?.end)).toMatch(/^verwacht totaal/);
  });
});

describe('a closed stdout', () => {
  it('ends quietly when the reader goes away (| head), without a stack trace', async () => {
    const child = spawn('node', ['bin/regelwerk.mjs', 'test', 'rules/'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader leaves before the first line is written: every write meets a closed pipe (EPIPE).
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).not.toMatch(STACK);
    expect(err).not.toMatch(/EPIPE/);
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});

describe('--json: always one JSON object on stdout', () => {
  it('test and explain with rules that do not compile', async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, 'kapot.regels'), 'regelset "Proef"\nversie "2019"\nparameter x = \n');
    const test = await cli('test', '--json', dir);
    expect(test.code).toBe(1);
    const d = jsonFailure(test.out).diagnostics[0];
    expect(d?.file).toMatch(/kapot\.regels$/);
    expect(d?.line).toBeGreaterThan(0);
    expect(d?.column).toBeGreaterThan(0);
    const explain = await cli(
      'explain',
      '--json',
      '--regels',
      dir,
      '--casus',
      path.join(EXAMPLES, 'ob-enkelvoudig-hengelo.json'),
    );
    expect(explain.code).toBe(1);
    jsonFailure(explain.out);
  });

  it('eval and explain with an invalid or missing case file', async () => {
    const dir = await tmp();
    const bad = path.join(dir, 'casus.json');
    await writeFile(bad, '{ "gemeente": "Hengelo", ');
    for (const command of ['eval', 'explain']) {
      const r = await cli(command, '--json', '--regels', 'rules/twents-model', '--casus', bad);
      expect(r.code).toBe(1);
      const d = jsonFailure(r.out).diagnostics[0];
      expect(d?.message).toMatch(/geen geldige JSON/);
      expect(d).toMatchObject({ file: bad, line: 1 });
    }
    const missing = await cli(
      'eval',
      '--json',
      '--regels',
      'rules/twents-model',
      '--casus',
      path.join(dir, 'weg.json'),
    );
    expect(missing.code).toBe(1);
    expect(jsonFailure(missing.out).diagnostics[0]?.message).toMatch(/bestaat niet/);
  });

  it('test with a path that does not exist, and diff with rules that do not load', async () => {
    const test = await cli('test', '--json', 'bestaat/niet');
    expect(test.code).toBe(1);
    expect(jsonFailure(test.out).diagnostics[0]?.message).toMatch(/bestaat niet/);
    const diff = await cli('diff', '--json', '--regels', 'bestaat/niet', '2019', '2020');
    expect(diff.code).toBe(1);
    jsonFailure(diff.out);
  });

  it('diff with an unknown version, and wrong usage', async () => {
    const diff = await bin('diff', '--json', '--regels', 'rules/twents-model', '2019', '2030');
    expect(diff.code).toBe(2);
    expect(jsonFailure(diff.out).diagnostics[0]?.message).toMatch(
      /onbekende versie '2030'.*Bekende versies: 2019, /,
    );
    const pad = await bin('test', '--json', '--pad', 'traag');
    expect(pad.code).toBe(2);
    jsonFailure(pad.out);
    const value = await bin('explain', '--regels', 'rules/twents-model', '--casus', 'x.json', '--json=yes');
    expect(value.code).toBe(2);
    expect(jsonFailure(value.out).diagnostics[0]?.message).toMatch(/'--json' neemt geen waarde/);
  });
});

describe('argument errors are Dutch, exit 2', () => {
  const cases: [string[], RegExp][] = [
    [['explain', '--regels', 'rules/twents-model', '--casus', 'x.json', '--json=yes'], /--json/],
    [['explain', '--regels', '--casus', 'x.json'], /optie '--regels' heeft een waarde nodig/],
    [['test', '--pad'], /optie '--pad' heeft een waarde nodig/],
    [['test', '--pad', 'traag'], /--pad moet 'jre' of 'fast' zijn/],
    [['check', '--onzin'], /onbekende optie '--onzin'/],
    [['check', '-x'], /onbekende optie '-x'/],
    [['fmt', '--json'], /onbekende optie '--json'/],
  ];
  for (const [argv, message] of cases) {
    it(argv.join(' '), async () => {
      const r = await bin(...argv);
      expect(r.code).toBe(2);
      expect(r.out + r.err).toMatch(message);
      expect(r.out + r.err).toMatch(/Verkeerd gebruik: /);
      expect(r.out + r.err).not.toMatch(ENGLISH);
      expect(r.out + r.err).not.toMatch(STACK);
    });
  }
});

describe('exit codes of wrong usage', () => {
  const casus = path.join(EXAMPLES, 'ob-enkelvoudig-hengelo.json');

  it('an argument explain does not take is wrong usage, not ignored', async () => {
    const r = await bin('explain', '--regels', 'rules/twents-model', '--casus', casus, 'extra');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/'extra'/);
    expect(r.out).toBe('');
  });

  it('an empty path is wrong usage, not the whole repository', async () => {
    for (const argv of [
      ['eval', '--regels', '', '--casus', casus],
      ['explain', '--regels=', '--casus', casus],
      ['diff', '--regels', '', '2019', '2020'],
      ['test', ''],
      ['check', ''],
    ]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(/Verkeerd gebruik: .*leeg/);
    }
  });

  it('an unknown version named on the command line is wrong usage, with the known versions', async () => {
    const r = await bin('diff', '--regels', 'rules/twents-model', '2019', '2030');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /Verkeerd gebruik: onbekende versie '2030'\. Bekende versies: 2019, 2020, .*2019-almelo\./,
    );
    const both = await cli('diff', '--regels', 'rules/twents-model', '1999', '2030');
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/onbekende versies '1999' en '2030'/);
  });
});

describe('regelwerk eval: Dutch numbers', () => {
  it('writes quantities and hours with a decimal comma and the plural unit', async () => {
    const r = await cli(
      'eval',
      '--regels',
      'rules/twents-model',
      '--casus',
      path.join(EXAMPLES, 'ob-enkelvoudig-hengelo.json'),
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/25,857143 weken × € 136,20 = € 3\.521,74/);
    expect(r.out).toMatch(/40 ritten × € 12,50/);
    expect(r.out).not.toMatch(/\d\.\d{3,6} (week|weken)/);
  });

  it('writes the parts of a line across versions and its indicative hours in Dutch', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'uren.json');
    await writeFile(file, JSON.stringify(beschikking({ van: '2021-05-01', tot: '2022-02-28' })));
    const r = await cli('eval', '--regels', 'rules/twents-model', '--casus', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/43,428571 weken in 3 delen/);
    expect(r.out).toMatch(/indicatief \d+,\d+ uur directe tijd/);
    expect(r.out).toMatch(/versie 2022 2022-01-01 t\/m 2022-02-28: 8,428571 weken × € /);
    expect(r.out).not.toMatch(/\d\.\d{2,6} (uur|×)/);
  });

  it('names a module request without id once ("module 1"), not twice', async () => {
    const r = await cli(
      'eval',
      '--regels',
      'rules/twents-model',
      '--casus',
      path.join(EXAMPLES, 'ob-enkelvoudig-hengelo.json'),
    );
    expect(r.out).toMatch(/^ {2}module 1: vervoer\/rit$/m);
    expect(r.out).not.toMatch(/module module 1/);
  });
});
