/**
 * Every refusal of `toewijzing`, in Dutch, and the CLI writing nothing when it refuses or the XSD fails:
 * bad BSN, bad AGB code, too large an amount, an outcome with errors, a missing mapping, and the rest.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, type Ir } from '../../dsl/index.js';
import { createEngine } from '../../src/engine/evaluate.js';
import { buildToewijzing } from '../../src/istandaard/build.js';
import { checkMessage, isValidBsn } from '../../src/istandaard/checks.js';
import { readXml, writeXml } from '../../src/istandaard/xml.js';
import { cli, tmp } from '../support/cli.js';
import { loadTwentsModel } from '../support/twents-model.js';

const CASES = 'test/fixtures/istandaard/cases';
const FIXTURE = 'test/fixtures/check/good/toewijzing.regels';
const TIJDSTIP = { tijdstip: '2019-01-02T10:00:00' };

let twente: Ir.Program[] = [];
beforeAll(() => {
  twente = loadTwentsModel().programs;
});

const base = (): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(CASES, 'jeugdwet-een-resultaat.json'), 'utf8')) as Record<
    string,
    unknown
  >;

async function refuse(casus: Record<string, unknown>, programs = twente): Promise<string> {
  const evaluation = await createEngine(programs).evaluate(casus);
  const outcome = buildToewijzing(programs, casus, evaluation, TIJDSTIP);
  if (outcome.ok) throw new Error('verwacht een weigering');
  return outcome.errors.join('\n');
}

function fixture(edit: (text: string) => string = (t) => t): Ir.Program[] {
  const r = compile([{ path: 'toewijzing.regels', text: edit(readFileSync(FIXTURE, 'utf8')) }]);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.programs;
}

const fixtureCase = (extra: Record<string, unknown>): Record<string, unknown> => ({
  wet: 'jeugdwet',
  gemeente: 'Almelo',
  geboortedatum: '2010-01-01',
  bsn: '111222333',
  achternaam: 'Jansen',
  agb_aanbieder: '98123456',
  resultaten: [{ id: 'r1', perspectief: 'ontwikkelen', periode: { van: '2021-01-01', tot: '2021-03-31' } }],
  modules: [],
  ...extra,
});

describe('toewijzing refuses, in Dutch', () => {
  it('a BSN that fails the elfproef, or is missing', async () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(await refuse({ ...base(), bsn: '123456789' })).toContain(
      "Burgerservicenummer '123456789' is ongeldig: het heeft geen 9 cijfers of voldoet niet aan de elfproef.",
    );
    expect(await refuse({ ...base(), bsn: '12345' })).toContain("Burgerservicenummer '12345' is ongeldig");
    const { bsn: _, ...zonder } = base();
    expect(await refuse(zonder)).toContain(
      "Het geval noemt geen burgerservicenummer van de cliënt (veld 'bsn').",
    );
  });

  it('an AGB code that is not eight digits, or is missing', async () => {
    expect(await refuse({ ...base(), agb_aanbieder: '1234567' })).toContain(
      "AGB-code '1234567' van de aanbieder is ongeldig: een AGB-code heeft acht cijfers.",
    );
    const { agb_aanbieder: _, ...zonder } = base();
    expect(await refuse(zonder)).toContain(
      "Het geval noemt geen AGB-code van de aanbieder (veld 'agb_aanbieder').",
    );
  });

  it('a prorated number of a declared unit (12,857… dagdelen), in Dutch notation with the plural', async () => {
    const casus = base();
    // Ten days of 'ten hoogste 9 dagdelen per week': 9 × 10/7 = 12,857… dagdelen.
    casus['ingangsdatum'] = '2022-04-01';
    casus['resultaten'] = (casus['resultaten'] as Record<string, unknown>[]).map((r) => ({
      ...r,
      periode: { van: '2022-04-01', tot: '2022-06-30' },
    }));
    casus['modules'] = [
      { module: 'dagbesteding_groep', aantal: '20', periode: { van: '2022-04-04', tot: '2022-04-13' } },
    ];
    const message = await refuse(casus);
    expect(message).toContain('(12,857143 dagdelen) is geen heel aantal in de eenheid van de toewijzing');
    expect(message).not.toMatch(/12\.857/);
  });

  it('an amount above 99.999.999 eurocent', async () => {
    const casus = fixtureCase({
      resultaten: [
        { id: 'r1', perspectief: 'ontwikkelen', periode: { van: '2021-01-01', tot: '2022-12-31' } },
      ],
    });
    expect(
      await refuse(
        casus,
        fixture((t) => t.replace('€ 100,00 per week', '€ 10.000,00 per week')),
      ),
    ).toMatch(
      /^Het bedrag van resultaat r1 \(€ 1\.042\.857,14\) is groter dan € 999\.999,99: een toewijzing gaat tot 99\.999\.999 eurocent\.$/,
    );
  });

  it('an outcome with errors, and an invalid case', async () => {
    expect(await refuse({ ...base(), geboortedatum: '2000-05-01' })).toBe(
      [
        'De uitkomst heeft fouten; een toewijzing kan pas als die zijn opgelost:',
        '  Jeugdwet tot 18 jaar: Jeugdhulp na het 18e jaar kan alleen als verlengde jeugdhulp.',
      ].join('\n'),
    );
    expect(await refuse({ ...base(), wet: 'wlz' })).toMatch(
      /^Het geval is ongeldig en is niet berekend:\n {2}/,
    );
  });

  it('a missing mapping: no toewijzing in the rules, no row, or `categorie -`', async () => {
    const without = fixture((t) => t.slice(0, t.indexOf('\ntoewijzing ')));
    expect(await refuse(fixtureCase({}), without)).toContain(
      "Ontbrekende toewijzing: de regels geven geen CBS-gemeentecode voor gemeente 'Almelo' ('toewijzing gemeente').",
    );
    expect(await refuse(fixtureCase({}), without)).toContain(
      "Ontbrekende toewijzing: de resultaten in versie 1 hebben geen 'toewijzing' in de regels, dus resultaat r1 kan geen iStandaard-product worden.",
    );
    const verblijf = fixtureCase({
      wet: 'wmo',
      modules: [{ module: 'verblijf', id: 'v1', periode: { van: '2021-01-01', tot: '2021-01-31' } }],
    });
    expect(await refuse(verblijf, fixture())).toBe(
      "module v1 (wet = wmo) wordt volgens de regels niet toegewezen ('categorie -').",
    );
  });

  it('a client without a name, and an earlier message for someone else', async () => {
    const { achternaam: _, ...zonder } = base();
    expect(await refuse(zonder)).toContain(
      "Het geval noemt geen achternaam van de cliënt (veld 'achternaam').",
    );
    const casus = base();
    const evaluation = await createEngine(twente).evaluate(casus);
    const previous = readXml(readFileSync(path.join(CASES, 'wmo-gezin-meerdere-resultaten.xml'), 'utf8'));
    if (!previous.ok) throw new Error(previous.reason);
    const outcome = buildToewijzing(twente, casus, evaluation, { ...TIJDSTIP, vorige: previous.message });
    expect(outcome.ok ? '' : outcome.errors.join('\n')).toBe(
      'Het eerdere bericht (--vorige) hoort niet bij dit geval: het is een WMO301, dit geval vraagt een JW301; het is voor bsn 123456782, dit geval voor 111222333; de afzender is 0153, hier 0164.',
    );
  });

  it('the built-in checks catch what the standard forbids, so nothing invalid is written', () => {
    const read = readXml(readFileSync(path.join(CASES, 'jeugdwet-een-resultaat.xml'), 'utf8'));
    if (!read.ok) throw new Error(read.reason);
    const p = read.message.producten[0];
    if (!p) throw new Error('product');
    const m = {
      wet: 'jeugdwet' as const,
      header: {
        berichtCode: '436',
        berichtVersie: '3' as const,
        berichtSubversie: '2' as const,
        afzender: '164',
        ontvanger: '98123456',
        identificatie: 'X'.repeat(13),
        dagtekening: '2019-01-02',
      },
      client: {
        bsn: '111222333',
        geboortedatum: '2010-05-01',
        geslacht: '2' as const,
        achternaam: 'J',
        voorvoegsel: undefined,
        voorletters: undefined,
      },
      producten: [
        {
          ...p,
          code: '45O2MX',
          categorie: '02',
          omvang: { volume: '100000000', eenheid: '83' as const, frequentie: '6' },
        },
      ],
    };
    expect(checkMessage(m)).toEqual([
      "Afzender '164' is geen CBS-gemeentecode van vier cijfers.",
      "Identificatie 'XXXXXXXXXXXXX' heeft 13 tekens; toegestaan is 1 tot 12.",
      "Toewijzing 1: categorie '02' is geen productcategorie van de Jeugdwet.",
      "Toewijzing 1: productcode '45O2MX' heeft meer dan 5 tekens of andere tekens dan letters en cijfers.",
      'Toewijzing 1: het volume 100000000 is groter dan 99.999.999 (het maximum van de standaard).',
    ]);
  });

  it('escapes text in the XML and reads it back', () => {
    const read = readXml(readFileSync(path.join(CASES, 'jeugdwet-een-resultaat.xml'), 'utf8'));
    if (!read.ok) throw new Error(read.reason);
    const p = read.message.producten[0];
    if (!p) throw new Error('product');
    const xml = writeXml({
      wet: 'jeugdwet',
      header: {
        berichtCode: '436',
        berichtVersie: '3',
        berichtSubversie: '2',
        afzender: '0164',
        ontvanger: '98123456',
        identificatie: 'RW1',
        dagtekening: '2019-01-02',
      },
      client: {
        bsn: '111222333',
        geboortedatum: '2010-05-01',
        geslacht: '0',
        achternaam: "O'Brien & <Zn>\u0007",
        voorvoegsel: undefined,
        voorletters: '"A"',
      },
      producten: [{ ...p, commentaar: 'a < b & c > d' }],
    });
    expect(xml).toContain('<ijw:Achternaam>O&apos;Brien &amp; &lt;Zn&gt;</ijw:Achternaam>');
    expect(xml).toContain('<ijw:Voorletters>&quot;A&quot;</ijw:Voorletters>');
    const back = readXml(xml);
    expect(back.ok && back.message.producten[0]?.commentaar).toBe('a < b & c > d');
    expect(readXml('<geen xml')).toMatchObject({ ok: false });
    const bomb =
      '<!DOCTYPE b [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><Bericht>&b;</Bericht>';
    expect(readXml(bomb)).toEqual({
      ok: false,
      reason: 'een DOCTYPE of ENTITY hoort niet in een toewijzingsbericht',
    });
    expect(readXml('<a/>')).toEqual({
      ok: false,
      reason: 'geen toewijzingsbericht (Bericht met Header en Client)',
    });
  });
});

describe('regelwerk toewijzing (CLI)', () => {
  const args = (casus: string, ...rest: string[]) => [
    'toewijzing',
    '--regels',
    'rules/twents-model',
    '--casus',
    casus,
    '--tijdstip',
    '2019-01-02T10:00:00',
    ...rest,
  ];

  it('writes the golden message with -o, validated against an XSD folder', async () => {
    const dir = await tmp();
    const out = path.join(dir, 'bericht.xml');
    const r = await cli(
      ...args(
        path.join(CASES, 'jeugdwet-een-resultaat.json'),
        '--xsd',
        'test/fixtures/istandaard/xsd-jw',
        '-o',
        out,
      ),
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /^JW301 geschreven naar .*bericht\.xml: 1 toegewezen product\(en\), identificatie RW[0-9A-Z]{10}, gevalideerd tegen de XSD\.\n$/,
    );
    expect(readFileSync(out, 'utf8')).toBe(
      readFileSync(path.join(CASES, 'jeugdwet-een-resultaat.xml'), 'utf8'),
    );
  });

  it('writes nothing when it refuses or when the XSD fails', async () => {
    const dir = await tmp();
    const casus = path.join(dir, 'casus.json');
    await writeFile(casus, JSON.stringify({ ...base(), bsn: '123456789' }));
    const out = path.join(dir, 'bericht.xml');
    const refused = await cli(...args(casus, '-o', out));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Geen toewijzing geschreven.\nBurgerservicenummer');
    const wrongXsd = await cli(
      ...args(
        path.join(CASES, 'jeugdwet-een-resultaat.json'),
        '--xsd',
        'test/fixtures/istandaard/xsd-wmo',
        '-o',
        out,
      ),
    );
    expect(wrongXsd.code).toBe(1);
    expect(wrongXsd.err).toContain("In de XSD-map 'test/fixtures/istandaard/xsd-wmo' staat geen JW301.xsd.");
    expect(existsSync(out)).toBe(false);
  });

  it('says what is wrong with --vorige and --tijdstip', async () => {
    const dir = await tmp();
    const bad = path.join(dir, 'vorige.xml');
    await writeFile(
      bad,
      '<Bericht><Header><BerichtCode>999</BerichtCode></Header><Client><Bsn>1</Bsn></Client></Bericht>',
    );
    const r = await cli(...args(path.join(CASES, 'jeugdwet-een-resultaat.json'), '--vorige', bad));
    expect(r.code).toBe(1);
    expect(r.err).toContain("is onbruikbaar: BerichtCode '999' is geen JW301 (436) of WMO301 (414).");
    // A file that is no XML at all: where the parser stopped, in Dutch (not the parser's English).
    const notXml = path.join(dir, 'geen-xml.xml');
    await writeFile(notXml, '{"geen": "xml"}\n');
    const n = await cli(...args(path.join(CASES, 'jeugdwet-een-resultaat.json'), '--vorige', notXml));
    expect(n.code).toBe(1);
    expect(n.err).toMatch(/geen geldige XML \(regel 1, kolom 1\)/);
    expect(n.err).not.toMatch(/expected/);
    const t = await cli('toewijzing', '--regels', 'rules', '--casus', 'x.json', '--tijdstip', 'morgen');
    expect(t.code).toBe(2);
    expect(t.err).toContain("--tijdstip moet de vorm JJJJ-MM-DDTUU:MM:SS hebben, niet 'morgen'.");
    // The right form but no real moment: wrong usage too, saying which part does not exist.
    for (const [tijdstip, what] of [
      ['2022-13-01T10:00:00', 'maand 13 bestaat niet'],
      ['2023-02-29T10:00:00', 'dag 29 bestaat niet in 2023-02 (die maand heeft 28 dagen)'],
      ['2022-01-01T24:00:00', 'uur 24 bestaat niet'],
      ['2022-01-01T10:60:00', 'minuut 60 bestaat niet'],
      ['2022-01-01T10:00:61', 'seconde 61 bestaat niet'],
    ] as const) {
      const r = await cli('toewijzing', '--regels', 'rules', '--casus', 'x.json', '--tijdstip', tijdstip);
      expect(r.code).toBe(2);
      expect(r.err).toContain(
        `Verkeerd gebruik: --tijdstip '${tijdstip}' is geen bestaand tijdstip: ${what}`,
      );
    }
  });
});
