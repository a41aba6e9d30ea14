import { describe, expect, it } from 'vitest';
import { stripSpans } from '../../../dsl/ast/strip-spans.js';
import { formatText } from '../../../dsl/ast/print.js';
import { parse } from '../../../dsl/ast/parse.js';

const HEADER = 'regelset "T"\nversie "1"\ngeldig vanaf 2021-01-01\n';

const SOURCE = `${HEADER}
toewijzing resultaat "Resultaten (codes illustratief)" in euro's totaal
  bron "Regionale productcodelijst (illustratief)"
  rijen wet, perspectief
  jeugdwet ontwikkelen categorie 45 code "45A11"
  wmo stabiliseren categorie 02 code "02A12"

toewijzing module wonen_verblijf in etmalen totaal
  categorie 43
`;

describe('toewijzing (iStandaard mapping)', () => {
  it('parses the declaration with keys, rows, categories and codes', () => {
    const { ast, diagnostics } = parse(SOURCE, 't.regels');
    expect(diagnostics).toEqual([]);
    const [r, m] = ast.decls.map(stripSpans);
    expect(r).toMatchObject({
      kind: 'AllocationDecl',
      target: 'resultaat',
      unit: { text: "euro's" },
      keys: [{ text: 'wet' }, { text: 'perspectief' }],
      rows: [
        {
          keys: [{ text: 'jeugdwet' }, { text: 'ontwikkelen' }],
          category: { text: '45' },
          code: { value: '45A11' },
        },
        {
          keys: [{ text: 'wmo' }, { text: 'stabiliseren' }],
          category: { text: '02' },
          code: { value: '02A12' },
        },
      ],
    });
    expect(m).toMatchObject({
      target: 'module',
      module: { text: 'wonen_verblijf' },
      unit: { text: 'etmalen' },
    });
  });

  it('keeps `toewijzing`, `categorie` and `code` usable as names elsewhere', () => {
    const text = `${HEADER}invoer module\n  veld code: tekst optioneel\n  veld categorie: tekst optioneel\n  veld toewijzing: tekst optioneel\n`;
    expect(parse(text, 't').diagnostics).toEqual([]);
  });

  it('formats with aligned rows, idempotently', () => {
    const once = formatText(SOURCE, 't');
    if (!once.ok) throw new Error('opmaak');
    expect(once.text).toContain('  jeugdwet  ontwikkelen   categorie 45 code "45A11"\n');
    expect(once.text).toContain('toewijzing module wonen_verblijf in etmalen totaal\n  categorie 43\n');
    const twice = formatText(once.text, 't');
    expect(twice.ok && twice.text).toBe(once.text);
  });
});
