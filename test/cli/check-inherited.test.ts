/**
 * RW6016 from the command line: a draft beside the rules (found through regelwerk.json) withdraws a table the
 * inherited budget still reads. `check` on the draft's folder alone must fail, and point at the draft's
 * `vervalt` line, not at the (unchecked) base file; `check rules/` itself stays clean.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tmp } from '../support/cli.js';

const RULES = path.resolve('rules/twents-model');

const DRAFT = `regelset "Twents Model"
versie "2023" op basis van "2022"
geldig vanaf 2023-01-01
status concept

vervalt tabel weektarief
`;

describe('check on a draft that breaks what it inherits', () => {
  it('fails at the draft line that causes it, naming the inherited place', async () => {
    const root = await tmp();
    const dir = path.join(root, 'concept');
    await mkdir(dir);
    await writeFile(path.join(dir, '2023.regels'), DRAFT);
    await writeFile(
      path.join(root, 'regelwerk.json'),
      JSON.stringify({ regels: [path.relative(root, RULES)] }),
    );
    const r = await cli('check', '--json', dir);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out) as {
      ok: boolean;
      diagnostics: { code: string; file: string; line: number }[];
    };
    expect(out.ok).toBe(false);
    const codes = out.diagnostics.map((d) => [d.code, path.basename(d.file), d.line]);
    expect(codes.length).toBeGreaterThan(0);
    for (const c of codes) expect(c).toEqual(['RW6016', '2023.regels', 6]);
    const text = await cli('check', dir);
    expect(text.out).toMatch(/2021-07\.regels:41:10\): Onbekende tabel 'weektarief'\./);
  });

  it('leaves the Twents Model itself without errors', async () => {
    const r = await cli('check', RULES);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('RW6016');
  });
});
