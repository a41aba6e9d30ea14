/**
 * What the explanation says of a cell in a draft: a cell written by `wijzig tabel` is credited to the draft's own
 * source (its header's `bron`), never to the base table's; a tariff indexed without rounding is shown with the
 * decimals it is computed with, not rounded to cents.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tmp } from '../support/cli.js';

const DRAFT = `regelset "Twents Model"
versie "2023" op basis van "2022"
geldig vanaf 2023-01-01
status concept
bron "Concept APK-week 2023 (illustratief)"

indexeer cd_tarief met -3 %

wijzig tabel weektarief in € per week
  rijen perspectief, ondersteuningsbehoefte
  kolommen intensiteit/bandbreedte
                         midden/B
  ontwikkelen   OB2        150,00
`;

const CASE = {
  gemeente: 'Enschede',
  wet: 'jeugdwet',
  geboortedatum: '2012-01-01',
  ingangsdatum: '2023-02-01',
  verwijzer: 'toegang',
  resultaten: [
    {
      id: 'r1',
      perspectief: 'ontwikkelen',
      ondersteuningsbehoefte: 'OB2',
      intensiteit: 'midden',
      bandbreedte: 'B',
      periode: { van: '2023-02-01', tot: '2023-05-31' },
    },
  ],
  modules: [
    { module: 'consultatie_diagnostiek', resultaat: 'r1', periode: { van: '2023-02-01', tot: '2023-03-31' } },
  ],
};

describe('the explanation of cells a draft writes or indexes', () => {
  it('credits a changed cell to the draft and shows an unrounded indexed tariff as computed', async () => {
    const root = await tmp();
    const dir = path.join(root, 'concept');
    await mkdir(dir);
    await writeFile(path.join(dir, '2023.regels'), DRAFT);
    const casus = path.join(root, 'geval.json');
    await writeFile(casus, JSON.stringify(CASE));
    const r = await cli('uitleg', '--regels', dir, '--regels', 'rules/twents-model', '--casus', casus);
    expect(r.err).toBe('');
    expect(r.out).toContain(
      'weektarief[ontwikkelen, OB2, midden, B] = € 150,00 per week (geschreven in versie 2023, geldig vanaf 2023-01-01); bron: Concept APK-week 2023 (illustratief)',
    );
    expect(r.out).not.toMatch(/versie 2023, geldig vanaf 2023-01-01\); bron: Tarievenblad/);
    const rate = /€ (\d+,\d{3,}) per traject × 1 traject/.exec(r.out)?.[1];
    expect(rate).toBeDefined();
    expect(r.out).toContain(`cd_tarief[ontwikkelen, OB2, midden] = € ${rate} per traject`);
  });
});
