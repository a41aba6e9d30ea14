/**
 * Issue 15 item 9: a new version in another folder (a draft, a working copy) finds its base through more paths,
 * `--regels` given more than once, or a project file `regelwerk.json`; without them, the message for the unknown
 * base names the folders searched, never suggests the version itself, and no follow-up message claims that
 * `op basis van` is missing.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tmp } from '../support/cli.js';

const RULES = path.resolve('rules/twents-model');
const CASE = path.resolve('rules/twents-model/voorbeelden/ob-enkelvoudig-hengelo.json');

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
