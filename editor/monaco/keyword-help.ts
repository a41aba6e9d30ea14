/**
 * Help on the language's keywords: hovering `tabel`, `budget`, `indexeer`, … explains the keyword with an example
 * taken from the language reference (dsl/README.md). test/editor/keyword-help.test.ts checks that every example
 * still stands in that reference, word for word, so the help cannot drift from it.
 */
export interface KeywordHelp {
  /** One or two sentences in Dutch. */
  readonly uitleg: string;
  /** Lines copied from dsl/README.md. */
  readonly voorbeeld: string;
  /** The section of dsl/README.md. */
  readonly hoofdstuk: string;
}

const KOP = 'Kop van een bestand';

export const KEYWORD_HELP: Readonly<Record<string, KeywordHelp>> = {
  regelset: {
    uitleg:
      'De naam van de regelset waar dit bestand een versie van is. Verplicht, de eerste regel van de kop.',
    voorbeeld: 'regelset "Twents Model"',
    hoofdstuk: KOP,
  },
  versie: {
    uitleg:
      'De naam van deze versie; met `op basis van` bouwt ze voort op een andere versie en noemt ze alleen wat verandert.',
    voorbeeld: 'versie "2021-07" op basis van "2021-01"',
    hoofdstuk: KOP,
  },
  geldig: {
    uitleg:
      'Vanaf (en eventueel tot en met) welke dag deze versie geldt. Een beschikking rekent per dag met de versie die dan geldt.',
    voorbeeld: 'geldig vanaf 2021-07-01\ngeldig tot 2021-12-31',
    hoofdstuk: KOP,
  },
  status: {
    uitleg: '`concept` (nog in bewerking) of `vastgesteld` (besloten).',
    voorbeeld: 'status concept',
    hoofdstuk: KOP,
  },
  bron: {
    uitleg:
      'Waar de waarden vandaan komen (besluit, tarievenblad); bij de kop, parameters, tabellen en modules.',
    voorbeeld: 'bron "Doorontwikkeling Twents Model, APK-week juni 2021"',
    hoofdstuk: KOP,
  },
  gemeente: {
    uitleg:
      'Maakt van dit bestand een gemeentelijke afwijking: het geldt alleen voor beschikkingen van die gemeente.',
    voorbeeld: 'gemeente "Almelo"',
    hoofdstuk: KOP,
  },
  domein: {
    uitleg:
      'Een geordende lijst waarden, elk met een omschrijving. `<` en `>` vergelijken waarden op hun plaats in het domein.',
    voorbeeld:
      'domein perspectief "Perspectief"\n  ontwikkelen "Ontwikkelen: groei, afname van de ondersteuningsvraag"',
    hoofdstuk: 'Domeinen: de woordenlijst als gegevens',
  },
  bandbreedte: {
    uitleg:
      'Koppelt een bandbreedte aan een intensiteit met een bereik (`van` inclusief, `tot` exclusief). Een beschikking met een bandbreedte die niet bij haar intensiteit hoort is ongeldig.',
    voorbeeld:
      'bandbreedte A bij licht van 0 tot 2 uur per week\nbandbreedte B bij licht van 2 tot 4 uur per week',
    hoofdstuk: 'Bandbreedtes',
  },
  invoer: {
    uitleg:
      'De vorm van een beschikking: de velden van `beschikking`, van elk `resultaat` en van elke aangevraagde `module`.',
    voorbeeld: 'invoer beschikking\n  veld gemeente: gemeente\n  veld wet: wet\n  veld geboortedatum: datum',
    hoofdstuk: 'Invoer: de vorm van een beschikking',
  },
  veld: {
    uitleg:
      'Een veld van de invoer met zijn type: een domeinnaam, `datum`, `periode`, `tekst`, `ja/nee`, `getal`, `aantal`, `bedrag` of `hoeveelheid`; eventueel `optioneel`.',
    voorbeeld: '  veld maatregel: maatregel optioneel',
    hoofdstuk: 'Invoer: de vorm van een beschikking',
  },
  parameter: {
    uitleg: 'Een vaste waarde met een naam (een bedrag, tarief of percentage), eventueel met zijn bron.',
    voorbeeld: 'parameter uurtarief = € 68,40 per uur\nparameter norm_indirect = 22 %',
    hoofdstuk: 'Parameters',
  },
  tabel: {
    uitleg:
      '`in` geeft de eenheid van alle cellen; `rijen` en `kolommen` noemen de domeinen van de sleutels. Elke cel is een tarief.',
    voorbeeld:
      'tabel weektarief "Weektarief ondersteuningsbehoefte" in € per week\n  rijen perspectief, ondersteuningsbehoefte\n  kolommen intensiteit/bandbreedte',
    hoofdstuk: 'Tabellen',
  },
  bereken: {
    uitleg:
      'Een berekening met een naam; met `voor elk resultaat` of `voor elke module` per resultaat of aanvraag.',
    voorbeeld:
      'bereken leeftijd = jaren(geboortedatum, ingangsdatum)\nbereken duur voor elk resultaat = weken(periode)',
    hoofdstuk: 'Berekeningen',
  },
  budget: {
    uitleg: 'Het budget van elk resultaat: `tarief × hoeveelheid`, afgerond zoals opgegeven.',
    voorbeeld:
      'budget voor elk resultaat\n  tarief weektarief[perspectief, ondersteuningsbehoefte, intensiteit, bandbreedte]\n  hoeveelheid weken(periode)\n  afgerond op centen',
    hoofdstuk: 'Budget per resultaat',
  },
  module: {
    uitleg:
      'Een aanvullende module met haar tarief (of varianten), hoeveelheid, maximum en de voorwaarden waaronder ze mag.',
    voorbeeld:
      'module vervoer "Vervoer"\n  variant rit "Per rit" tarief vervoer_per_rit\n  hoeveelheid aantal\n  maximum € 2.500,00',
    hoofdstuk: 'Modules',
  },
  variant: {
    uitleg:
      'Een variant van een module met een eigen tarief; een aanvraag moet dan een bestaande variant noemen.',
    voorbeeld: '  variant km "Per kilometer" tarief € 0,45 per km',
    hoofdstuk: 'Modules',
  },
  toegestaan: {
    uitleg:
      'Wanneer een module mag; `anders` geeft de reden als het niet mag. Een geweigerde module telt niet mee in het totaal.',
    voorbeeld:
      '  toegestaan als aantal is niet leeg\n  anders "Geef bij vervoer het aantal ritten of kilometers op."',
    hoofdstuk: 'Modules',
  },
  maximum: {
    uitleg: 'Begrenst het bedrag per aanvraag van een module.',
    voorbeeld: '  maximum € 2.500,00',
    hoofdstuk: 'Modules',
  },
  afgerond: {
    uitleg: 'Rondt een bedrag of uitkomst af (op centen, of op een aantal decimalen).',
    voorbeeld: '  afgerond op centen',
    hoofdstuk: 'Budget per resultaat',
  },
  regel: {
    uitleg:
      "Meldt een `fout` of `waarschuwing` als de voorwaarde klopt; de naam identificeert de regel, ook in scenario's.",
    voorbeeld:
      'regel "Jeugdwet tot 18 jaar"\n  als wet = jeugdwet en leeftijd >= 18 jaar en verlengde_jeugdhulp <> ja\n  dan fout "Jeugdhulp na het 18e jaar kan alleen als verlengde jeugdhulp."',
    hoofdstuk: 'Regels',
  },
  voorziening: {
    uitleg:
      'Een contractbudget (beschikbaarheidsvoorziening), geen tarief per geval: telt nooit mee in een beschikking.',
    voorbeeld: 'voorziening crisisopvang "Crisisopvang jeugd, 24/7" budget € 1.250.000,00 per jaar',
    hoofdstuk: 'Beschikbaarheidsvoorzieningen',
  },
  indexeer: {
    uitleg:
      'Verhoogt (of met een negatief percentage verlaagt) tarieven van de basisversie: alle tarieven, de genoemde tabellen en parameters, of met ‘voor …’ een deel van een tabel (rijen of kolommen op sleutel).',
    voorbeeld:
      'indexeer alle tarieven met 2,85 % afgerond op centen\nindexeer weektarief, vervoer_per_rit met 2 %\nindexeer weektarief voor ondersteuningsbehoefte OB2 met -3 % afgerond op centen',
    hoofdstuk: 'Versies',
  },
  wijzig: {
    uitleg: 'Vervangt de genoemde rijen (of kolommen) van een tabel uit de basisversie; de rest blijft.',
    voorbeeld: 'wijzig tabel weektarief "Weektarief, gewijzigd" in € per week',
    hoofdstuk: 'Versies',
  },
  vervalt: {
    uitleg: 'Laat een regel, module of andere declaratie van de basisversie in deze versie vervallen.',
    voorbeeld:
      'vervalt regel "Geen consultatie en diagnostiek naast wonen en verblijf"\nvervalt module vervoer',
    hoofdstuk: 'Versies',
  },
  scenario: {
    uitleg:
      'Een voorbeeldgeval met wat eruit moet komen; `regelwerk test` en de editor rekenen het bij elke wijziging na.',
    voorbeeld:
      'scenario "OB2 ontwikkelen midden/B met vervoer, een half jaar"\n  gegeven\n    gemeente = Hengelo',
    hoofdstuk: "Scenario's",
  },
  gegeven: {
    uitleg:
      'Het geval van een scenario: velden van de beschikking, elk resultaat en elke aangevraagde module.',
    voorbeeld:
      '    resultaat r1: perspectief = ontwikkelen, ondersteuningsbehoefte = OB2, intensiteit = midden, bandbreedte = B, periode = 2019-01-01 tot 2019-06-30',
    hoofdstuk: "Scenario's",
  },
  verwacht: {
    uitleg:
      'Wat het scenario moet opleveren: totaal, bedrag per resultaat of module, beslissingen en meldingen.',
    voorbeeld: '  verwacht totaal = € 4.021,74\n  verwacht module vervoer toegestaan',
    hoofdstuk: "Scenario's",
  },
  toewijzing: {
    uitleg: 'Hoe een resultaat of module een iStandaard-product wordt (productcode per tariefcel, eenheid).',
    voorbeeld:
      'toewijzing resultaat "Resultaat als toegewezen product (codes illustratief)" in euro\'s totaal',
    hoofdstuk: 'Toewijzing: resultaten en modules als iStandaard-product',
  },
};

/** The hover text (Markdown) for a keyword, or undefined when the word is no keyword with help. */
export function keywordHover(word: string): string | undefined {
  const help = Object.hasOwn(KEYWORD_HELP, word) ? KEYWORD_HELP[word] : undefined;
  if (help === undefined) return undefined;
  return [
    `**${word}** — ${help.uitleg}`,
    '',
    'Voorbeeld:',
    '',
    '```',
    help.voorbeeld,
    '```',
    '',
    `_Taalbeschrijving (dsl/README.md): ${help.hoofdstuk}_`,
  ].join('\n');
}
