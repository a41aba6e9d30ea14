/** The editor worker's playground answer carries the toewijzing a case would give, next to the amounts. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../dsl/index.js';
import { evaluateCase } from '../../editor/worker/evaluation.js';
import { loadTwentsModel } from '../support/twents-model.js';

const CASE = 'test/fixtures/istandaard/cases/jeugdwet-modules-etmalen-euro.json';

describe('playground toewijzing', () => {
  it('gives the JW301 products of a case with client data', async () => {
    const { programs } = loadTwentsModel();
    const casus: unknown = JSON.parse(readFileSync(CASE, 'utf8'));
    const r = await evaluateCase(
      { ok: true, programs, diagnostics: [] },
      'rules/twents-model/2019.regels',
      casus,
    );
    if (!r.ok) throw new Error(r.fout);
    expect(r.toewijzing).toMatchObject({ ok: true, bericht: 'JW301' });
    if (!r.toewijzing?.ok) throw new Error('geen toewijzing');
    expect(r.toewijzing.producten.map((p) => [p.code, p.omvang?.volume, p.omvang?.eenheid])).toEqual([
      // Almelo's own weektarief (68,40) × 181/7 weken = € 1.768,63.
      ['45S2L', '176863', '83'],
      ['44GH1', '89', '14'],
      ['42VV1', '15750', '83'],
    ]);
    expect(r.toewijzing.xml).toContain('<jw301:Bericht');
  });

  it('says why there is no toewijzing, and shows none for rules without one', async () => {
    const { programs } = loadTwentsModel();
    const casus = JSON.parse(readFileSync(CASE, 'utf8')) as Record<string, unknown>;
    const r = await evaluateCase({ ok: true, programs, diagnostics: [] }, 'rules/twents-model/2019.regels', {
      ...casus,
      bsn: '123456789',
    });
    expect(r.ok && r.toewijzing).toEqual({
      ok: false,
      errors: [
        "Burgerservicenummer '123456789' is ongeldig: het heeft geen 9 cijfers of voldoet niet aan de elfproef.",
      ],
    });
    const plain = compile([
      {
        path: 'p.regels',
        text: 'regelset "P"\nversie "1"\ngeldig vanaf 2019-01-01\n\ninvoer beschikking\n  veld x: getal optioneel\n',
      },
    ]);
    if (!plain.ok) throw new Error('compile');
    const none = await evaluateCase(plain, 'p.regels', {});
    expect(none.ok && 'toewijzing' in none).toBe(false);
  });
});
