/**
 * Issue 15 item 9: a new version in another folder (a draft, a working copy) finds its base through more paths,
 * `--regels` given more than once, or a project file `regelwerk.json`; without them, the message for the unknown
 * base names the folders searched, never suggests the version itself, and no follow-up message claims that
 * `op basis van` is missing.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { ImpactReport } from '../../src/impact/types.js';
import { startApi } from '../api/harness.js';
import { cli, impactOptions, tmp } from '../support/cli.js';

const RULES = path.resolve('rules/twents-model');
const CASE = path.resolve('rules/twents-model/voorbeelden/ob-enkelvoudig-hengelo.json');
const CASELOAD = path.resolve('rules/twents-model/voorbeelden/caseload-voorbeeld.csv');

const DRAFT = `regelset "Twents Model"
versie "2023" op basis van "2022"
geldig vanaf 2023-01-01
status concept

indexeer alle tarieven met 3 %
`;

async function draft(): Promise<{ root: string; dir: string }> {
  const root = await tmp();
  const dir = path.join(root, 'concept');
  await mkdir(dir);
  await writeFile(path.join(dir, '2023.regels'), DRAFT);
  return { root, dir };
}

describe('a version whose base lives in another folder', () => {
  it('without the base: names the folders searched, no self-suggestion, no RW6009 follow-up', async () => {
    const { dir } = await draft();
    const r = await cli('check', dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      "fout RW6001: Onbekende basisversie '2022' van regelset 'Twents Model' (gezocht in:",
    );
    expect(r.out).toContain(dir);
    expect(r.out).not.toMatch(/Bedoelt u '2023'/);
    expect(r.out).not.toContain('RW6009');
    expect(r.out).not.toMatch(/'op basis van' ontbreekt/);
    expect(r.out).toMatch(/1 fout,/);
  });

  it('finds the base given as a second path (check, test) or with --regels twice (eval, diff)', async () => {
    const { dir } = await draft();
    const check = await cli('check', dir, RULES);
    expect(check.out).toMatch(/0 fouten/);
    const diff = await cli('diff', '--regels', dir, '--regels', RULES, '2022', '2023');
    expect(diff.code).toBe(0);
    expect(diff.out).toContain('Verschil van versie 2022 naar versie 2023');
    const ev = await cli('eval', '--regels', dir, '--regels', RULES, '--casus', CASE);
    expect(ev.code).toBe(0);
    expect(ev.out).toContain('€ 3.521,74');
  });

  it('finds the base through a project file regelwerk.json above the draft', async () => {
    const { root, dir } = await draft();
    await writeFile(
      path.join(root, 'regelwerk.json'),
      JSON.stringify({ regels: [path.relative(root, RULES)] }),
    );
    const check = await cli('check', dir);
    expect(check.out).toMatch(/^1 bestand gecontroleerd: 0 fouten/m);
    expect(check.code).toBe(0);
    const diff = await cli('diff', '--regels', dir, '2022', '2023');
    expect(diff.code).toBe(0);
    expect(diff.out).toMatch(/tariefcellen: \d+ gewijzigd/);
  });

  it('explains a broken project file in Dutch', async () => {
    const { root, dir } = await draft();
    await writeFile(path.join(root, 'regelwerk.json'), '{"regels": "rules"}');
    const r = await cli('check', dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('het projectbestand moet een lijst mappen noemen');
    await writeFile(path.join(root, 'regelwerk.json'), '{"regels": ["bestaat-niet"]}');
    const missing = await cli('check', dir);
    expect(missing.out).toContain('de map \'bestaat-niet\' in "regels" bestaat niet');
  });
});

describe('impact, rapport and api take --regels more than once', () => {
  const draftRun = (regels: string[], variantRegels?: string[]) =>
    impactOptions({ regels, variantRegels, caseload: CASELOAD, basis: '2022', variant: '2023' });
  const impactArgs = (regels: string[], variantRegels?: string[]) => [
    'impact',
    ...draftRun(regels, variantRegels),
    ...['--threads', '1'],
  ];

  it('impact: the draft with the folder of its base prices the caseload (3 % more)', async () => {
    const { dir } = await draft();
    const r = await cli(...impactArgs([dir, RULES]), '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as ImpactReport;
    expect(report.counts.priced).toBeGreaterThan(0);
    expect(report.totals.percentage?.startsWith('2.9') || report.totals.percentage?.startsWith('3.0')).toBe(
      true,
    );
    // The text report's explain command repeats both folders.
    const text = await cli(...impactArgs([dir, RULES]));
    expect(text.out).toContain(`--regels ${dir} --regels ${RULES} --caseload`);
  });

  it('impact without the base: RW6001 names the folders searched', async () => {
    const { dir } = await draft();
    const r = await cli(...impactArgs([dir]));
    expect(r.code).toBe(1);
    expect(r.err).toContain("RW6001: Onbekende basisversie '2022' van regelset 'Twents Model' (gezocht in:");
    expect(r.err).toContain(dir);
    expect(r.err).not.toMatch(/Bedoelt u '2023'/);
  });

  it('impact: --variant-regels may be repeated too', async () => {
    const { dir } = await draft();
    const r = await cli(...impactArgs([RULES], [dir, RULES]));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('--variant-regels');
  });

  it('rapport: the draft with the folder of its base', async () => {
    const { root, dir } = await draft();
    const html = path.join(root, 'rapport.html');
    const rapport = (...regels: string[]) =>
      cli('rapport', ...draftRun(regels), ...['-o', html, '--threads', '1']);
    const r = await rapport(dir, RULES);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const page = await readFile(html, 'utf8');
    expect(page).toContain('Versie 2023 tegenover versie 2022');
    const bare = await rapport(dir);
    expect(bare.code).toBe(1);
    expect(bare.err).toContain('gezocht in:');
  });

  it('an empty --regels among several is wrong usage (exit 2), in Dutch', async () => {
    const r = await cli(...impactArgs([RULES, '']));
    expect(r.code).toBe(2);
    expect(r.err).toContain('bij impact mag geen optie een lege waarde hebben');
  });

  it('api: serves the draft with the folder of its base', async () => {
    const { dir } = await draft();
    const api = await startApi(['--regels', dir, '--regels', RULES]);
    try {
      const res = await fetch(`${api.url}/v1/versies`);
      expect(res.status).toBe(200);
      const body = JSON.stringify(await res.json());
      expect(body).toContain('"2023"');
      expect(body).toContain('"2022"');
    } finally {
      await api.stop();
    }
  });
});
