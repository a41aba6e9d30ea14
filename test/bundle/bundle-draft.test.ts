/**
 * A bundle made from a draft beside the rules (found through regelwerk.json) names every file relative to the
 * folder it was found in, never by an absolute path, so the same sources in another place give the same bundle;
 * a bundle whose release is a concept says so on stderr.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tmp } from '../support/cli.js';

const DRAFT = `regelset "Twents Model"
versie "2023" op basis van "2022"
geldig vanaf 2023-01-01
status concept

indexeer alle tarieven met 3 %
`;

/** A draft folder and a copy of the Twents Model side by side, with a project file; returns the bundle. */
async function bundleIn(root: string, rulesName: string): Promise<{ text: string; err: string }> {
  await mkdir(path.join(root, 'concept'), { recursive: true });
  await writeFile(path.join(root, 'concept', '2023.regels'), DRAFT);
  await cp('rules/twents-model', path.join(root, rulesName), { recursive: true });
  await writeFile(path.join(root, 'regelwerk.json'), JSON.stringify({ regels: [rulesName] }));
  const out = path.join(root, 'b.json');
  const r = await cli('bundle', '--regels', path.join(root, 'concept'), '-o', out);
  expect(r.code).toBe(0);
  return { text: await readFile(out, 'utf8'), err: r.err };
}

describe('bundle of a draft beside the rules', () => {
  it('names files relative to their folders, the same wherever the folders are', async () => {
    const a = await bundleIn(await tmp(), 'regels');
    const b = await bundleIn(path.join(await tmp(), 'elders', 'dieper'), 'twents');
    const files = [...new Set([...a.text.matchAll(/"file":"([^"]*)"/g)].map((m) => m[1]))].sort();
    expect(files).toEqual([
      '2019.regels',
      '2020.regels',
      '2021-01.regels',
      '2021-07.regels',
      '2022.regels',
      '2023.regels',
      'almelo/2019-almelo.regels',
    ]);
    expect(a.text).not.toContain('/tmp/');
    expect(JSON.parse(b.text).hash).toBe(JSON.parse(a.text).hash);
  });

  it('warns that the release is a concept', async () => {
    const a = await bundleIn(await tmp(), 'regels');
    expect(a.err).toContain(
      'Let op: de bundel bevat een conceptversie (2023), nog niet vastgesteld; versie 2023 is de nieuwste en telt als release.',
    );
  });
});
