/**
 * Finding one's way on the command line: `--version`, the help of one command, the Dutch `uitleg` next to
 * `explain`, a suggestion for a mistyped command, and an option given twice refused instead of silently
 * keeping the last value.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const CASE = 'rules/twents-model/voorbeelden/ob-enkelvoudig-hengelo.json';

describe('command line help', () => {
  it('--version prints the version of package.json', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    const r = await cli('--version');
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(`regelwerk ${pkg.version}`);
  });

  it('<opdracht> --help shows that command only, exit 0', async () => {
    const r = await cli('impact', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Gebruik: regelwerk impact \[opties\]/);
    expect(r.out).toContain('--caseload <bestand>');
    expect(r.out).not.toMatch(/^ {2}check /m);
  });

  it('uitleg is explain', async () => {
    const a = await cli('uitleg', '--regels', 'rules/twents-model', '--casus', CASE);
    const b = await cli('explain', '--regels', 'rules/twents-model', '--casus', CASE);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(a.out).toContain('Totaal: € 4.021,74');
    const ev = await cli('eval', '--regels', 'rules/twents-model', '--casus', CASE);
    expect(ev.out).toMatch(/^Versie 2019\n/);
  });

  it('suggests the command meant', async () => {
    const r = await cli('chek', 'rules');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Onbekende opdracht 'chek'\. Bedoelt u 'check'\?/);
  });

  it('refuses an option with one value given twice', async () => {
    const r = await cli('eval', '--regels', 'rules/twents-model', '--casus', CASE, '--casus', CASE);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--casus staat er twee keer; geef het één keer.');
    const many = await cli(
      'eval',
      '--regels',
      'rules/twents-model',
      '--regels',
      'rules/twents-model',
      '--casus',
      CASE,
    );
    expect(many.code).toBe(0);
  });
});
