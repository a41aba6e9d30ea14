/**
 * CSV as advisors save it: Excel with Dutch settings separates columns with semicolons. Such a file gives the
 * same report as the comma file; a header row that cannot be read (a single line of more than 1 MiB) is named
 * as such, with the file, not called empty.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCaseloadText } from '../../src/impact/caseload/read-text.js';
import type { ImpactReport } from '../../src/impact/types.js';
import { cli, tmp } from '../support/cli.js';

const SAMPLE = 'rules/twents-model/voorbeelden/caseload-voorbeeld.csv';
const impact = (file: string) =>
  cli(
    'impact',
    ...[
      '--regels',
      'rules/twents-model',
      '--caseload',
      file,
      '--basis',
      '2021-07',
      '--variant',
      '2022',
      '--json',
    ],
  );

describe('CSV dialects', () => {
  it('reads a semicolon CSV (Excel, Dutch settings) into the same report as the comma CSV', async () => {
    const text = await readFile(SAMPLE, 'utf8');
    expect(text).not.toContain('"');
    const file = path.join(await tmp(), 'excel.csv');
    await writeFile(file, '\uFEFF' + text.replaceAll(',', ';').replaceAll('\n', '\r\n'));
    const comma = JSON.parse((await impact(SAMPLE)).out) as ImpactReport;
    const semi = await impact(file);
    expect(semi.err).toBe('');
    const report = JSON.parse(semi.out) as ImpactReport;
    expect(report.counts).toEqual(comma.counts);
    expect(report.totals).toEqual(comma.totals);
    expect(report.counts.priced).toBeGreaterThan(0);
  });

  it('the editor reads the same semicolon text', async () => {
    const text = (await readFile(SAMPLE, 'utf8')).replaceAll(',', ';');
    const r = readCaseloadText(text, 'csv', []);
    // Without programs every column but the required ones is unknown: the header is read with semicolons.
    expect(r.ok ? '' : r.message).toMatch(/^kolom 'gemeente' in de kopregel \(regel 1\)/);
  });

  it('names a header row too long to read, with the file, instead of calling the file empty', async () => {
    const file = path.join(await tmp(), 'lang.csv');
    await writeFile(file, 'beschikking,' + 'x'.repeat(2 * 1024 * 1024));
    const r = await impact(file);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toContain(
      `Caseload '${file}': De kopregel (regel 1) kan niet worden gelezen: de rij is te lang (meer dan 1 MiB).`,
    );
    expect(r.out + r.err).not.toMatch(/leeg/);
  });
});
