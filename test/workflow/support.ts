/** Test helpers for the workflow: a fresh copy of rules/ and the text of a 2023 that changes one cell. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A temporary folder with a copy of rules/ in `regels/` (not a git repository yet). */
export async function copyRules(prefix: string): Promise<{ dir: string; rules: string }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `regelwerk-${prefix}-`));
  const rules = path.join(dir, 'regels');
  await fs.cp(path.join(PROJECT_ROOT, 'rules'), rules, { recursive: true });
  return { dir, rules };
}

export const ANNA = { name: 'Anna Opsteller', email: 'anna@gemeente.example' };
export const BART = { name: 'Bart Vaststeller', email: 'bart@gemeente.example' };

/** What an opsteller writes below the header of 2023: OB2 midden/C € 188,41 → € 190,00, and a scenario. */
export const CHANGE_2023 = `
wijzig tabel weektarief "Weektarief ondersteuningsbehoefte" in € per week
  rijen perspectief, ondersteuningsbehoefte
  kolommen intensiteit/bandbreedte
                     licht/A  licht/B  midden/B  midden/C  zwaar/C  zwaar/D
  ontwikkelen   OB2    77,35   109,23    146,72    190,00   245,72   317,36

scenario "2023: OB2 midden/C kost € 190,00 per week"
  gegeven
    gemeente = Hengelo
    wet = jeugdwet
    geboortedatum = 2010-05-01
    ingangsdatum = 2023-01-01
    verwijzer = toegang
    resultaat r1: perspectief = ontwikkelen, ondersteuningsbehoefte = OB2, intensiteit = midden, bandbreedte = C, periode = 2023-01-01 tot 2023-01-28
  verwacht resultaat r1 = € 760,00
  verwacht geen fouten
`;
