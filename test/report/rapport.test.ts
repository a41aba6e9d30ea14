/**
 * `regelwerk rapport` as a user runs it: one self-contained HTML file and a PDF printed by Chromium whose text
 * (pdftotext, poppler-utils) holds the headline difference and the version names; the headline agrees with
 * `regelwerk impact --json` on the same caseload. Wrong usage and a missing caseload give Dutch messages.
 */
import { execFile } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCaseload } from '../../src/impact/generate.js';
import type { ImpactReport } from '../../src/impact/types.js';
import { euro, signedPercent } from '../../views/format.js';
import { STACK, bin, cli, impactOptions, tmp } from '../support/cli.js';

const run = promisify(execFile);
const RULES = 'rules/twents-model';

let dir: string;
let caseload: string;

/** Text with every run of white space (no-break spaces included) as one space. */
const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();

async function pdfText(file: string): Promise<string> {
  try {
    const r = await run('pdftotext', ['-layout', file, '-']);
    return r.stdout;
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ENOENT')
      throw new Error(
        "pdftotext ontbreekt: deze test leest de PDF met poppler-utils. Installeer het met 'sudo apt-get install -y poppler-utils'.",
        { cause: e },
      );
    throw e;
  }
}

beforeAll(async () => {
  dir = await tmp();
  caseload = path.join(dir, 'caseload.jsonl');
  const lines = [...generateCaseload({ aantal: 300, seed: 11 })].map((c) => JSON.stringify(c));
  await writeFile(caseload, lines.join('\n') + '\n');
});

describe('regelwerk rapport', () => {
  it('writes the HTML report and a PDF whose text has the headline difference and the versions', async () => {
    const html = path.join(dir, 'rapport.html');
    const pdf = path.join(dir, 'rapport.pdf');
    const run = impactOptions({ regels: RULES, caseload, basis: '2021-07', variant: '2022' });
    const r = await bin('rapport', ...run, '-o', html, '--pdf', pdf);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Rapport geschreven: ${html}`);
    expect(r.out).toContain(`PDF geschreven: ${pdf}`);

    // The same caseload through `regelwerk impact --json`: the report's headline must say these figures.
    const imp = await cli('impact', ...run, '--json', '--threads', '1');
    const report = JSON.parse(imp.out) as ImpactReport;
    const t = report.totals;
    expect(t.difference.startsWith('-')).toBe(false);
    const headline = flat(
      `Versie 2022 kost ${euro(t.difference)} meer dan versie 2021-07 (${signedPercent(t.percentage)}): ` +
        `${euro(t.variant)} in plaats van ${euro(t.basis)} voor 300 beschikkingen.`,
    );
    expect(flat(r.out)).toContain(headline);

    const layout = await pdfText(pdf);
    // Modules, tariff cells and wetten by the labels the rules declare, never by their technical keys; a cell's
    // label stays whole on its line; differences signed as the CLI signs them ("+€ 1.234,50").
    const section = (from: string, to: string): string => {
      const at = layout.indexOf(from);
      expect(at).toBeGreaterThanOrEqual(0);
      return layout.slice(at, layout.indexOf(to, at));
    };
    const modules = section('\nModules\n', 'Per wet');
    expect(modules).toMatch(/^Consultatie & diagnostiek +20 /m);
    expect(modules).not.toMatch(/_/);
    const wet = section('Per wet', 'Tariefcellen');
    expect(flat(wet)).toMatch(/Jeugdwet [\d.]+ € .*Wet maatschappelijke .*ondersteuning 2015/);
    expect(wet).not.toMatch(/\b(wmo|jeugdwet)\b/);
    const cells = section('Tariefcellen die geld verschuiven', 'De 20 grootste');
    expect(cells).toMatch(
      /^Weektarief ondersteuningsbehoefte: (ontwikkelen|stabiliseren) × OB\d, \w+\/[A-D] +\d/m,
    );
    expect(cells).toMatch(/^Vervoer: Per (rit|kilometer) +\d/m);
    expect(cells).not.toMatch(/\w\[|[a-z]_[a-z]|vervoer\/|^\s*[A-D]\s/m);
    const changes = section('Wat verandert er', 'Wat kost het');
    expect(changes).toMatch(/^\s*Module Consultatie & diagnostiek$/m);
    expect(changes).toMatch(/^\s*Weektarief ondersteuningsbehoefte \(in € per week\)$/m);
    expect(changes).toMatch(/^\s*ontwikkelen × OB2, midden\/B +140,08 +146,72 /m);
    expect(changes).not.toMatch(/Module \w+_\w+|Tabel weektarief|ontwikkelen\/OB/);
    expect(section('Bronnen', 'Status van de versie')).not.toMatch(/(Module|Tabel) \w+_/);
    expect(layout).toMatch(/\+€\s[\d.]+,\d\d/);
    expect(layout).not.toMatch(/\+\s+€/);
    const text = flat(layout);
    expect(text).toContain(headline);
    expect(text).toContain('Versie 2022 tegenover versie 2021-07');
    expect(text).toMatch(/Wat verandert er/);
    expect(text).toMatch(/Wat kost het/);
    expect(text).toMatch(/Welke scenario's bewijzen de bedoeling/);
    expect(text).toContain('Indexatie tarieven Twents Model 2022 (percentage illustratief)');
    expect(text).toMatch(/Status van de versie/);

    const page = await readFile(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>\n<html lang="nl">/);
    expect(page).toContain('<svg');
    expect(page).toContain('@media print');
    // Self-contained: nothing loaded from anywhere, no script.
    expect(page).not.toMatch(/<script|<link |<img |src=|url\(/i);
    expect(flat(page)).toContain(headline);
    // The 2022 scenarios all pass, and the report says so.
    expect(page).toMatch(/Alle \d+ geslaagd\./);
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000);

  it('needs its options, and says so in Dutch', async () => {
    const r = await cli('rapport', '--regels', RULES, '--basis', '2021-07', '--variant', '2022');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/rapport heeft --regels <map>, --basis <versie>, --variant <versie>, --caseload/);
    const same = await cli(
      'rapport',
      ...impactOptions({ regels: RULES, caseload, basis: '2021-07', variant: '2022' }),
      ...['-o', path.join(dir, 'x.html'), '--pdf', path.join(dir, 'x.html')],
    );
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/verschillende bestanden/);
  });

  it('refuses an unknown version as wrong usage, naming the known ones', async () => {
    const r = await cli(
      'rapport',
      ...impactOptions({ regels: RULES, caseload, basis: '2021-07', variant: '2099' }),
      ...['-o', path.join(dir, 'y.html')],
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/onbekende versie '2099' \(variant\)\. Bekende versies: .*2022/);
  });

  it('reports a missing caseload file without a stack trace, and writes nothing', async () => {
    const out = path.join(dir, 'z.html');
    const r = await bin(
      'rapport',
      ...['--regels', RULES, '--basis', '2021-07', '--variant', '2022'],
      ...['--caseload', path.join(dir, 'bestaat-niet.jsonl'), '-o', out],
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bestaat niet of kan niet worden gelezen/);
    expect(r.err).not.toMatch(STACK);
    await expect(readFile(out)).rejects.toThrow();
  });

  it('refuses a PDF or report path in a folder that does not exist, before pricing, and creates nothing', async () => {
    const missing = path.join(dir, 'bestaat-niet');
    const args = impactOptions({ regels: RULES, caseload, basis: '2021-07', variant: '2022' });
    const pdf = await cli(
      'rapport',
      ...args,
      '-o',
      path.join(dir, 'r.html'),
      '--pdf',
      path.join(missing, 'r.pdf'),
    );
    expect(pdf.code).toBe(1);
    expect(pdf.err).toContain(`Kan de PDF niet schrijven naar '${path.join(missing, 'r.pdf')}': de map`);
    await expect(stat(missing)).rejects.toThrow();
    const html = await cli('rapport', ...args, '-o', path.join(missing, 'r.html'));
    expect(html.code).toBe(1);
    expect(html.err).toMatch(/^Kan het rapport niet schrijven naar .*: de map .* bestaat niet\.$/m);
    await expect(stat(missing)).rejects.toThrow();
  });

  it('says in one Dutch line that Chromium could not start, without its English call log', async () => {
    const before = process.env['REGELWERK_CHROMIUM'];
    process.env['REGELWERK_CHROMIUM'] = '/bin/false';
    try {
      const out = path.join(dir, 'kapot.html');
      const r = await cli(
        'rapport',
        ...impactOptions({ regels: RULES, caseload, basis: '2021-07', variant: '2022' }),
        ...['-o', out, '--pdf', path.join(dir, 'kapot.pdf')],
      );
      expect(r.code).toBe(1);
      expect(r.err.trim()).toBe(
        "De PDF is niet gemaakt (het HTML-rapport wel): Chromium (/bin/false) kon niet starten; controleer de installatie ('sudo apt-get install -y chromium') of REGELWERK_CHROMIUM.",
      );
      expect(r.err).not.toMatch(/Call log|browserType/);
      await expect(stat(path.join(dir, 'kapot.pdf'))).rejects.toThrow();
    } finally {
      if (before === undefined) delete process.env['REGELWERK_CHROMIUM'];
      else process.env['REGELWERK_CHROMIUM'] = before;
    }
  });
});
