/**
 * The coded catalog of every diagnostic the language produces. Messages are Dutch, say what was expected,
 * what was found and what to do. `{0}`… are filled in by the reporter. Each code has an `uitleg` (one line,
 * for the language reference) and at least one golden fixture under test/fixtures.
 *
 * Ranges: RW1xxx lexer/parser (RW12xx: limits), RW2xxx names, RW3xxx types and units, RW4xxx tables and bandwidths,
 * RW5xxx declarations (modules, rules, input, scenarios), RW6xxx versions, RW70xx iStandaard mappings
 * (toewijzing), RW9xxx files.
 */
import type { DiagnosticSeverity, Stage } from './diagnostic.js';

export interface CatalogEntry {
  readonly severity: DiagnosticSeverity;
  readonly stage: Stage;
  readonly message: string;
  /** One line for dsl/README.md. */
  readonly uitleg: string;
}

const entry = (
  severity: DiagnosticSeverity,
  stage: Stage,
  message: string,
  uitleg: string,
): CatalogEntry => ({ severity, stage, message, uitleg });

export const CATALOG = {
  RW1001: entry('fout', 'lexer', "Onbekend teken '{0}'{1}.", 'Een teken dat de taal niet kent.'),
  RW1002: entry(
    'fout',
    'lexer',
    "Ongeldig getal '{0}': gebruik een komma als decimaalteken en punten alleen tussen groepen van drie cijfers (1.234,56).",
    'Een getal in niet-Nederlandse notatie.',
  ),
  RW1003: entry(
    'fout',
    'lexer',
    'Tekst zonder afsluitend aanhalingsteken.',
    'Een tekst die niet wordt afgesloten met ".',
  ),
  RW1004: entry(
    'fout',
    'lexer',
    "Ongeldige datum '{0}': gebruik JJJJ-MM-DD met een bestaande dag.",
    'Een datum die niet bestaat of niet in ISO-notatie staat.',
  ),
  RW1101: entry(
    'fout',
    'parser',
    'Verwacht {0}, maar gevonden {1}.',
    'De zin klopt niet: er staat iets anders dan de taal op die plek verwacht.',
  ),
  RW1102: entry(
    'fout',
    'parser',
    'Onverwacht {0}: hier verwacht ik {1}.',
    'Een woord of teken op een plek waar het niet hoort.',
  ),
  RW1103: entry(
    'fout',
    'parser',
    'Het bestand begint niet met een kop: verwacht regelset "…", versie "…" en geldig vanaf ….',
    'De kop (regelset, versie, geldig vanaf) ontbreekt.',
  ),
  RW1104: entry(
    'fout',
    'parser',
    'Onverwacht einde van het bestand: verwacht {0}.',
    'Het bestand houdt op midden in een declaratie.',
  ),
  RW1201: entry(
    'fout',
    'parser',
    'De uitdrukking is hier te diep genest: meer dan {0} niveaus haakjes, als-uitdrukkingen, tabelsleutels of argumenten in elkaar. Splits haar op in berekeningen (bereken …) en gebruik die namen.',
    'Een uitdrukking met meer dan 64 niveaus haakjes of als-uitdrukkingen in elkaar.',
  ),
  RW1701: entry(
    'fout',
    'parser',
    'De uitdrukking is hier te lang: meer dan {0} termen achter elkaar (met +, -, ×, /, en, of). Splits haar op in berekeningen (bereken …) en tel die op.',
    'Een uitdrukking met meer dan 10.000 termen achter elkaar.',
  ),
  RW1202: entry(
    'fout',
    'parser',
    'Meer dan {0} syntaxfouten: dit lijkt geen regelbestand. De controle stopt hier; de rest van het bestand (vanaf regel {1}) is niet gelezen. Los eerst de fouten hierboven op.',
    'Een bestand met zo veel syntaxfouten dat de controle stopt.',
  ),
  // ── RW13xx: mistakes that used to give a misleading message (issue 15, item 10) ──
  RW1301: entry(
    'fout',
    'lexer',
    "Datum '{0}' staat niet in de vorm JJJJ-MM-DD: schrijf {1}.",
    'Een datum als 2023-1-2 of 1/3/2019: de taal schrijft datums als JJJJ-MM-DD (2023-01-02).',
  ),
  RW1302: entry(
    'fout',
    'lexer',
    "'x' is geen rekenteken: schrijf '×' of '*' tussen spaties, zoals '{0} × {1}'.",
    'Een vermenigvuldiging geschreven met de letter x (€ 4.332,56x7).',
  ),
  RW1303: entry(
    'fout',
    'parser',
    "Een indexatie schrijft u als 'indexeer alle tarieven met 2,5 %', 'indexeer alle tabellen met 2,5 %' of 'indexeer weektarief, cd_tarief met 2,5 %' (een verlaging: 'met -3 %'; een deel: 'indexeer weektarief voor ondersteuningsbehoefte OB2 met 2 %'); gevonden {0}.",
    'Een indexatie in een andere vorm (bijvoorbeeld met het percentage in woorden).',
  ),
  RW1304: entry(
    'fout',
    'parser',
    "Hier ontbreekt '{0}': schrijf '{0} {1}' (de domeinen van de {2}sleutel).",
    "Een tabel of gewijzigde tabel waarin het woord 'rijen' of 'kolommen' vóór de domeinen ontbreekt.",
  ),
  RW3301: entry(
    'fout',
    'controle',
    "Veld '{0}' is een aantal (een geheel getal, 0 of meer): {1} kan niet.",
    "Een scenario geeft een veld van type 'aantal' een waarde met decimalen of onder 0.",
  ),
  RW3302: entry(
    'fout',
    'controle',
    "'maximum … per {0}' kan niet: een maximum per periode is een hoeveelheid per dag, etmaal, week, vierweken of maand (zoals '{1}'); een maximum in euro's geldt per aanvraag.",
    'Een maximum per periode met een eenheid die geen periode is, of een bedrag per periode.',
  ),
  // Issue 15 review, item 1: at most one maximum of each kind per module.
  RW3801: entry(
    'fout',
    'controle',
    "Module '{0}' heeft al een maximum {1} ('{2}'): een module heeft ten hoogste één maximum op de hoeveelheid en één in euro's. Houd er één over.",
    "Een tweede maximum van dezelfde soort (op de hoeveelheid of in euro's) in een module.",
  ),
  RW3303: entry(
    'fout',
    'controle',
    "Het maximum van module '{0}' is in {1}, maar de module rekent in {2}: een maximum op de hoeveelheid staat in de eenheid van het tarief.",
    'Een maximum op de hoeveelheid in een andere eenheid dan het tarief van de module.',
  ),
  // Declared units (issue 15, item 1): `eenheid dagdeel meervoud dagdelen "Dagdeel (4 uur)" istandaard 16`.
  RW2501: entry(
    'fout',
    'controle',
    "Onbekende eenheid '{0}': de taal kent uur, dag, week, maand, vierweken, etmaal, km, rit, traject en jaar{1}. Een eigen eenheid declareert u met 'eenheid <naam> meervoud <meervoud> \"<omschrijving>\"'.",
    'Een eenheid die de taal niet kent en die de regels (of hun basisversie) niet declareren.',
  ),
  RW2502: entry(
    'fout',
    'controle',
    "'{0}' is al een ingebouwde eenheid{1}: een gedeclareerde eenheid heeft een eigen naam en meervoud.",
    'Een gedeclareerde eenheid met de naam of het meervoud van een ingebouwde eenheid.',
  ),
  RW2503: entry(
    'fout',
    'controle',
    "Eenheid '{0}': '{1}' is al de naam of het meervoud van eenheid '{2}'{3}. Kies een andere naam of een ander meervoud.",
    'Twee gedeclareerde eenheden met dezelfde naam of hetzelfde meervoud.',
  ),
  RW2504: entry(
    'fout',
    'controle',
    "'{0}' kan geen eenheid zijn: het is een woord van de taal. Kies een andere naam.",
    'Een gedeclareerde eenheid met als naam of meervoud een woord van de taal (tarief, totaal, …).',
  ),
  RW7501: entry(
    'fout',
    'controle',
    "Eenheid '{0}' heeft geen iStandaard-code: geef haar in de declaratie met 'istandaard <code>' (bijvoorbeeld 'istandaard 16' voor een dagdeel van 4 uur), of schrijf 'in euro's totaal'.",
    'Een toewijzing in een gedeclareerde eenheid zonder iStandaard-code.',
  ),
  RW7502: entry(
    'fout',
    'controle',
    "Onbekende iStandaard-eenheid '{0}' bij eenheid '{1}': een volume is in 01 (minuut), 04 (uur), 14 (etmaal), 16 (dagdeel, 4 uur) of 82 (stuks) (Eenheid, WJ756).",
    'Een gedeclareerde eenheid met een iStandaard-code die geen volume-eenheid van WJ756 is.',
  ),
  RW4301: entry(
    'waarschuwing',
    'controle',
    "De cel {0} van tabel '{1}' had een tarief ({2}, versie {3}); de '-' verwijdert het: vanaf deze versie is er voor {0} geen tarief meer. Bedoeld? Laat de cel anders weg (dan blijft het oude tarief) of schrijf het nieuwe bedrag.",
    "Een '-' in 'wijzig tabel' over een cel die een tarief had: het tarief vervalt.",
  ),
  // ── RW2xxx names (checker) ──
  RW2001: entry(
    'fout',
    'controle',
    "Onbekende naam '{0}': geen veld, berekening, parameter of domeinwaarde.",
    'Een naam die nergens is gedeclareerd.',
  ),
  RW2002: entry('fout', 'controle', "Onbekende module '{0}'.", 'Een module die niet bestaat.'),
  RW2003: entry(
    'fout',
    'controle',
    "Onbekende variant '{0}' van module '{1}'.",
    'Een variant die de module niet heeft.',
  ),
  RW2004: entry('fout', 'controle', "Onbekende tabel '{0}'.", 'Een tabel die niet bestaat.'),
  RW2005: entry(
    'fout',
    'controle',
    "Onbekende functie '{0}': gebruik weken, dagen, etmalen, maanden, vierweken, begin, einde, jaren, minimum of maximum.",
    'Een functie die de taal niet kent.',
  ),
  RW2006: entry(
    'fout',
    'controle',
    "Onbekend type of domein '{0}'.",
    'Een veldtype of sleuteldomein dat niet bestaat.',
  ),
  RW2007: entry(
    'fout',
    'controle',
    "'{0}' is een waarde van meerdere domeinen ({1}): hier is niet te zien welke bedoeld is. Vergelijk het met een veld van het juiste domein.",
    'Een domeinwaarde die in meer dan één domein voorkomt, zonder context.',
  ),
  RW2008: entry(
    'fout',
    'controle',
    "Dubbele declaratie: {0} '{1}' bestaat al in dit bestand.",
    'Twee declaraties van dezelfde soort met dezelfde naam.',
  ),
  RW2009: entry(
    'fout',
    'controle',
    "Kringverwijzing: '{0}' hangt van zichzelf af ({1}).",
    'Berekeningen of parameters die van elkaar afhangen.',
  ),
  RW2010: entry(
    'fout',
    'controle',
    "'{0}' wordt {1} berekend en is hier niet beschikbaar: gebruik het in een berekening of regel met 'voor {2}'.",
    'Een berekening per resultaat of module, gebruikt buiten die context.',
  ),
  RW2011: entry(
    'fout',
    'controle',
    "Onbekende waarde '{0}': verwacht een waarde van domein '{1}'.",
    'Een waarde die niet in het domein staat.',
  ),
  RW2012: entry(
    'fout',
    'controle',
    "Onbekend veld '{0}' bij {1}.",
    'Een scenario noemt een veld dat de invoer niet kent.',
  ),
  RW2013: entry(
    'fout',
    'controle',
    "Onbekende regel '{0}'.",
    'Een scenario verwacht een regel die niet bestaat.',
  ),
  // Issue 15 review, item 7: a module request naming a result the scenario does not give.
  RW2801: entry(
    'fout',
    'controle',
    "De aanvraag van module '{0}' noemt resultaat '{1}', maar dit scenario geeft geen resultaat met die naam (wel: {2}).",
    "Een module in een scenario noemt met 'resultaat = …' een resultaat dat het scenario niet geeft.",
  ),
  RW2014: entry(
    'fout',
    'controle',
    "Onbekend resultaat '{0}' in dit scenario: noem een resultaat uit 'gegeven'.",
    'Een verwachting voor een resultaat dat het scenario niet geeft.',
  ),
  RW2015: entry(
    'fout',
    'controle',
    "Dubbele waarde '{0}' in domein '{1}'.",
    'Een domein noemt dezelfde waarde twee keer.',
  ),
  // ── RW3xxx types and units ──
  RW3001: entry(
    'fout',
    'controle',
    'Verwacht {0}, maar gevonden {1}.',
    'Een uitdrukking van het verkeerde type.',
  ),
  RW3002: entry(
    'fout',
    'controle',
    'Een tarief per {0} kan niet worden vermenigvuldigd met {1}: gebruik {2}.',
    'Tarief en hoeveelheid hebben verschillende eenheden.',
  ),
  RW3003: entry(
    'fout',
    'controle',
    "De bewerking '{0}' past niet op {1} en {2}.",
    'Rekenen met typen die niet samengaan (bijvoorbeeld een bedrag plus een datum).',
  ),
  RW3004: entry(
    'fout',
    'controle',
    "{0} en {1} zijn niet te vergelijken met '{2}'.",
    'Een vergelijking tussen onvergelijkbare typen.',
  ),
  RW3005: entry(
    'fout',
    'controle',
    'Een voorwaarde moet ja/nee zijn, maar dit is {0}.',
    'Een voorwaarde die geen ja/nee oplevert.',
  ),
  RW3006: entry(
    'fout',
    'controle',
    'Het tarief van {0} moet een tarief zijn (€ per eenheid), maar dit is {1}.',
    'Een budget- of moduletarief dat geen tarief is.',
  ),
  RW3007: entry(
    'fout',
    'controle',
    'De hoeveelheid van {0} moet in {1} zijn (de eenheid van het tarief), maar dit is {2}.',
    'Hoeveelheid en tarief hebben verschillende eenheden.',
  ),
  RW3008: entry(
    'fout',
    'controle',
    "Het maximum van module '{0}' moet een bedrag zijn (maximum € 2.500,00) of een hoeveelheid in de eenheid van haar tarief (maximum 40 ritten per maand), maar dit is {1}.",
    'Een modulemaximum dat geen bedrag en geen hoeveelheid is.',
  ),
  RW3009: entry(
    'fout',
    'controle',
    "Een parameter moet een vaste waarde zijn, maar '{0}' hangt af van het geval: gebruik een berekening.",
    'Een parameter die velden, berekeningen of tabellen gebruikt.',
  ),
  RW3010: entry(
    'fout',
    'controle',
    "Functie '{0}' verwacht {1}, maar kreeg {2} argument(en).",
    'Een functie met het verkeerde aantal argumenten.',
  ),
  RW3012: entry(
    'fout',
    'controle',
    "De takken van 'als … dan … anders' hebben verschillende typen: {0} en {1}.",
    'Een keuze waarvan de uitkomsten niet hetzelfde type hebben.',
  ),
  RW3013: entry(
    'fout',
    'controle',
    'Alleen een bedrag, tarief, hoeveelheid of getal kan worden afgerond, niet {0}.',
    'Afronden van iets dat geen getal is.',
  ),
  RW3014: entry(
    'fout',
    'controle',
    'De indicatieve uren moeten een hoeveelheid in uren zijn, maar dit is {0}.',
    'Indicatieve uren die geen uren zijn.',
  ),
  // ── RW4xxx tables and bandwidths ──
  RW4001: entry(
    'fout',
    'controle',
    "Tabel '{0}' mist {1} cel(len), bijvoorbeeld {2}. Vul ze in, of zet '-' als de combinatie niet bestaat.",
    'Een tabel met een gat.',
  ),
  RW4002: entry(
    'fout',
    'controle',
    "Dubbele sleutel {0} in tabel '{1}'.",
    'Twee cellen voor dezelfde sleutel.',
  ),
  RW4003: entry(
    'fout',
    'controle',
    "Onbekende sleutelwaarde '{0}': verwacht een waarde van domein '{1}'.",
    'Een tabelsleutel die niet in zijn domein staat.',
  ),
  RW4004: entry(
    'fout',
    'controle',
    'Deze rij heeft {0} cel(len), maar de tabel heeft {1} kolom(men).',
    'Een rij met te veel of te weinig cellen.',
  ),
  RW4005: entry(
    'fout',
    'controle',
    'Deze rij heeft {0} sleutel(s), maar de tabel verwacht {1} ({2}).',
    'Een rij met te veel of te weinig sleutelwaarden.',
  ),
  RW4006: entry(
    'fout',
    'controle',
    "Kolomkop '{0}' past niet bij 'kolommen {1}': verwacht {2} waarde(n) gescheiden door '/'.",
    'Een kolomkop die niet bij de kolomdomeinen past.',
  ),
  RW4007: entry(
    'fout',
    'controle',
    "Tabel '{0}' verwacht {1} sleutel(s) ({2}), maar kreeg {3}.",
    'Een tabelopzoeking met het verkeerde aantal sleutels.',
  ),
  RW4008: entry(
    'fout',
    'controle',
    "Sleutel {0} van tabel '{1}' moet een waarde van domein '{2}' zijn, maar is {3}.",
    'Een tabelopzoeking met een sleutel van het verkeerde type.',
  ),
  RW4009: entry(
    'fout',
    'controle',
    "Tabel '{0}' heeft kolommen maar geen kolomkop: zet de kolomkop op de eerste regel na de kop.",
    'Een tabel met kolommen zonder kolomkop.',
  ),
  RW4010: entry(
    'fout',
    'controle',
    "Bandbreedte '{0}' hoort niet bij intensiteit '{1}' (zie de bandbreedte-regels).",
    'Een tabelkolom voor een combinatie die niet bestaat.',
  ),
  RW4101: entry(
    'fout',
    'controle',
    'Gat in de bandbreedtes bij {0}: van {1} tot {2} valt in geen enkele bandbreedte.',
    'Bandbreedtes van een intensiteit sluiten niet op elkaar aan.',
  ),
  RW4102: entry(
    'fout',
    'controle',
    'Bandbreedtes {0} en {1} bij {2} overlappen (van {3} tot {4}).',
    'Bandbreedtes van een intensiteit overlappen.',
  ),
  RW4103: entry(
    'fout',
    'controle',
    "Onbekende intensiteit '{0}' bij bandbreedte {1}.",
    'Een bandbreedte bij een intensiteit die niet bestaat.',
  ),
  RW4104: entry(
    'fout',
    'controle',
    "Bandbreedte {0} bij {1}: 'van' ({2}) moet kleiner zijn dan 'tot' ({3}).",
    'Een lege of omgekeerde bandbreedte.',
  ),
  RW4105: entry(
    'fout',
    'controle',
    "Het domein 'bandbreedte' volgt al uit de bandbreedte-regels: verwijder 'domein bandbreedte'.",
    'Bandbreedtes dubbel gedeclareerd.',
  ),
  RW4106: entry(
    'fout',
    'controle',
    'Bandbreedte {0} bij {1} staat er al.',
    'Dezelfde bandbreedte twee keer bij dezelfde intensiteit.',
  ),
  RW4107: entry(
    'fout',
    'controle',
    'Bandbreedte {0} bij {1} is in {2}, de andere bandbreedtes bij deze intensiteit in {3}.',
    'Bandbreedtes van één intensiteit met verschillende eenheden.',
  ),
  // ── RW5xxx declarations, input, scenarios ──
  RW5001: entry(
    'fout',
    'controle',
    "Het veld '{0}' bestaat altijd bij {1} en kan niet opnieuw worden gedeclareerd.",
    'Een vast veld opnieuw gedeclareerd.',
  ),
  RW5002: entry(
    'fout',
    'controle',
    "Het veld '{0}' is al gedeclareerd bij {1}.",
    'Een invoerveld dat twee keer voorkomt.',
  ),
  RW5003: entry(
    'fout',
    'controle',
    "Module '{0}' heeft geen tarief: geef 'tarief …' of varianten met een tarief.",
    'Een module zonder tarief.',
  ),
  RW5004: entry(
    'fout',
    'controle',
    "Module '{0}' heeft zowel een tarief als varianten: kies één van beide.",
    'Een module met tarief én varianten.',
  ),
  RW5005: entry(
    'fout',
    'controle',
    "Module '{0}' heeft geen hoeveelheid: geef 'hoeveelheid …'.",
    'Een module zonder hoeveelheid.',
  ),
  RW5006: entry(
    'fout',
    'controle',
    "Het veld '{0}' verwacht {1}, maar de waarde is {2}.",
    'Een scenariowaarde van het verkeerde type.',
  ),
  RW5007: entry(
    'fout',
    'controle',
    'In een scenario staat een vaste waarde (getal, bedrag, datum, domeinwaarde), geen berekening.',
    'Een scenariowaarde die geen vaste waarde is.',
  ),
  RW5008: entry(
    'fout',
    'controle',
    "Het resultaat '{0}' staat al in dit scenario.",
    'Twee resultaten met dezelfde naam in één scenario.',
  ),
  RW5009: entry(
    'fout',
    'controle',
    'Verwacht {0}, maar gevonden {1}.',
    'Een verwachting in een scenario met de verkeerde soort waarde.',
  ),
  RW5010: entry(
    'fout',
    'controle',
    "Het veld '{0}' staat twee keer in dit {1}.",
    'Een scenario dat een veld twee keer geeft.',
  ),
  RW5101: entry(
    'waarschuwing',
    'controle',
    "{0} '{1}' wordt nergens gebruikt.",
    'Een parameter, tabel of berekening die niets gebruikt.',
  ),
  RW5102: entry(
    'waarschuwing',
    'controle',
    "De voorwaarde van regel '{0}' hangt niet af van het geval: de regel geldt altijd of nooit.",
    'Een regel met een vaste voorwaarde.',
  ),
  RW5103: entry(
    'waarschuwing',
    'controle',
    "Het bedrag van {0} wordt niet afgerond: de uitkomst toont centen, maar telt de onafgeronde bedragen op, zodat de regels niet altijd optellen tot het totaal. Schrijf bijvoorbeeld 'afgerond op centen'.",
    "Een budget of module met een bedrag zonder 'afgerond op …'.",
  ),
  // ── RW54xx empty fields and scenarios, RW24xx references across results (issue 15, lang2) ──
  RW2401: entry(
    'fout',
    'controle',
    "'{0}' kan hier niet: 'resultaat.<veld>' leest in een module het resultaat dat de aanvraag noemt, en 'dit.<veld>' leest binnen 'aantal resultaten met (…)' in een regel voor elk resultaat het resultaat dat de regel beoordeelt.",
    "Een verwijzing 'resultaat.<veld>' of 'dit.<veld>' buiten een module of buiten 'aantal resultaten met (…)'.",
  ),
  RW5401: entry(
    'waarschuwing',
    'controle',
    "Deze voorwaarde leest het optionele veld '{0}'{1} zonder te zeggen wat een leeg veld betekent: een vergelijking met een leeg veld is onbepaald (niet waar en niet onwaar), en de uitkomst meldt dan 'niet te beoordelen'. Schrijf bijvoorbeeld '{0} is leeg of …' of '{0} is niet leeg en …'.",
    "Een regel of modulevoorwaarde die een optioneel veld leest zonder 'is leeg'.",
  ),
  RW5402: entry(
    'fout',
    'controle',
    "De module '{1}' kan niet geweigerd worden met de reden \"{0}\": die tekst staat in geen van haar 'anders'-redenen.",
    'Een scenario verwacht een weigeringsreden die de module niet heeft.',
  ),
  // ── RW6xxx versions ──
  RW6001: entry(
    'fout',
    'versies',
    "Onbekende basisversie '{0}' van regelset '{1}' (gezocht in: {2}). {3}",
    'Een versie bouwt voort op een versie die niet bestaat.',
  ),
  RW6002: entry(
    'fout',
    'versies',
    'Kringverwijzing tussen versies: {0}.',
    'Versies die (via andere) op zichzelf voortbouwen.',
  ),
  RW6003: entry(
    'fout',
    'versies',
    "Versie '{0}' van regelset '{1}' bestaat al in {2}.",
    'Twee bestanden met dezelfde versie.',
  ),
  RW6004: entry(
    'fout',
    'versies',
    "Versie '{0}' (vanaf {1}) overlapt met versie '{2}' (vanaf {3} tot en met {4}): laat de eerste eindigen vóór de volgende begint.",
    'Versies van dezelfde regelset gelden tegelijk.',
  ),
  RW6005: entry(
    'fout',
    'versies',
    "Er is geen {0} '{1}' in de basisversie om te laten vervallen.",
    'Iets laten vervallen dat niet bestaat.',
  ),
  RW6006: entry(
    'fout',
    'versies',
    "Er is geen tabel '{0}' in de basisversie om te wijzigen: schrijf 'tabel' in plaats van 'wijzig tabel' voor een nieuwe tabel.",
    'Een tabel wijzigen die niet bestaat.',
  ),
  RW6007: entry(
    'fout',
    'versies',
    "De gewijzigde tabel '{0}' moet dezelfde {1} hebben als in de basisversie ({2}), maar heeft {3}.",
    'Een gewijzigde tabel met andere sleutels of eenheid.',
  ),
  RW6008: entry(
    'fout',
    'versies',
    "Tabel '{0}' bevat {1}: alleen tabellen met bedragen of tarieven kunnen worden geïndexeerd.",
    'Een indexatie van een tabel zonder bedragen.',
  ),
  RW6009: entry(
    'fout',
    'versies',
    "Deze versie bouwt niet voort op een andere ('op basis van' ontbreekt): '{0}' kan alleen in een versie die een basis wijzigt.",
    'Vervallen, wijzigen of indexeren zonder basisversie.',
  ),
  RW6010: entry(
    'fout',
    'versies',
    "Een gemeentelijke afwijking moet 'op basis van' een versie van de regelset zijn.",
    'Een gemeentelijke afwijking zonder basisversie.',
  ),
  RW6011: entry(
    'fout',
    'versies',
    "Er is geen tabel of parameter '{0}' om te indexeren.",
    'Een indexatie van iets dat geen tabel of parameter is.',
  ),
  RW6012: entry(
    'fout',
    'versies',
    "Parameter '{0}' is {1}: alleen parameters met een geschreven bedrag of tarief (zoals € 12,50 per rit) kunnen worden geïndexeerd.",
    'Een indexatie van een parameter zonder vast bedrag of tarief.',
  ),
  RW6013: entry(
    'waarschuwing',
    'versies',
    "Parameter '{0}' krijgt in deze versie zelf een waarde: een indexatie geldt alleen voor waarden uit een eerdere versie, dus deze waarde blijft {1}.",
    'Een indexatie van een parameter die dezelfde versie opnieuw schrijft.',
  ),
  RW6014: entry(
    'fout',
    'versies',
    "Gemeente '{0}' staat niet in het domein '{1}' van het invoerveld gemeente: een beschikking kan die gemeente niet hebben, dus deze afwijking wordt nooit gebruikt. Schrijf de gemeente precies zoals in het domein.",
    'Een gemeentelijke afwijking voor een gemeente die niet in het domein van het veld gemeente staat.',
  ),
  RW6015: entry(
    'waarschuwing',
    'versies',
    "De afwijking voor {0} heeft geen 'geldig tot' en blijft daarom gelden tot een volgende afwijking voor {0} begint: de latere regionale versie '{1}' (vanaf {2}) geldt zo niet voor {0}. Schrijf 'geldig tot {3}' of maak een nieuwe afwijking voor {0} op basis van '{1}'.",
    'Een gemeentelijke afwijking zonder einddatum die een latere regionale versie verdringt.',
  ),
  RW6016: entry(
    'fout',
    'versies',
    'Wat versie {0} erft, klopt in deze versie niet meer ({1}): {2} Vervang die geërfde declaratie in deze versie of laat haar ook vervallen, of herstel wat ze gebruikt.',
    'Een versie die iets laat vervallen of vervangt dat een geërfde declaratie nog gebruikt.',
  ),
  // ── RW66xx a partial indexation (indexeer … voor <domein> <waarde> …) ──
  RW6601: entry(
    'fout',
    'versies',
    "'{0}' is geen sleutel van {1}: een indexatie van een deel kiest cellen op een domein van de rijen of kolommen ({2}).",
    'Een indexatie van een deel op een domein dat geen rij- of kolomsleutel van de tabel is.',
  ),
  RW6602: entry(
    'fout',
    'versies',
    "Domein '{0}' staat twee keer in de selectie: zet de waarden bij elkaar, '{0} {1}'.",
    'Een indexatie van een deel die hetzelfde domein twee keer noemt.',
  ),
  RW6603: entry(
    'fout',
    'versies',
    "'{0}' is een parameter: die heeft geen rijen of kolommen, dus 'voor …' kan er geen deel van kiezen. Indexeer de parameter in een eigen regel zonder 'voor'.",
    "Een indexatie van een deel ('voor …') van een parameter.",
  ),
  RW6604: entry(
    'waarschuwing',
    'versies',
    "De selectie 'voor {0}' raakt {1}: deze indexatie verandert{2} niets.",
    'Een indexatie van een deel die geen cel met een tarief kiest.',
  ),
  RW6605: entry(
    'fout',
    'versies',
    "Na 'voor' komt eerst een domein en dan zijn waarden: {0}.",
    "Een indexatie van een deel met een waarde zonder domein ('voor OB2') of een domein zonder waarden.",
  ),
  // Issue 15 review, item 2: a reduction that leaves no tariff.
  RW6801: entry(
    'fout',
    'versies',
    "Een indexatie met {0} maakt elk tarief nul of negatief: een verlaging is kleiner dan 100 % (bijvoorbeeld 'met -3 %').",
    'Een indexatie met -100 % of minder: de tarieven zouden nul of negatief worden.',
  ),
  // ── RW70xx iStandaard mapping (toewijzing) ──
  RW7001: entry(
    'fout',
    'controle',
    "{0} heeft geen toewijzing: deze regelset legt voor andere onderdelen vast welk iStandaard-product ze worden, dus ook voor dit. Schrijf 'toewijzing {1} in euro's totaal' met een rij per combinatie.",
    'Een resultaat of module zonder toewijzing, terwijl de regelset wel toewijzingen heeft.',
  ),
  RW7002: entry(
    'fout',
    'controle',
    "Module '{0}' bestaat niet in deze versie: een toewijzing hoort bij een module van de regelset.",
    'Een toewijzing voor een module die niet bestaat (of een toewijzing resultaat zonder budget).',
  ),
  RW7003: entry(
    'fout',
    'controle',
    "Productcode '{0}' is {1} tekens lang: een regionale productcode heeft hoogstens 5 tekens (letters en cijfers).",
    'Een productcode die langer is dan 5 tekens of andere tekens dan letters en cijfers heeft.',
  ),
  RW7004: entry(
    'fout',
    'controle',
    "Categorie '{0}' is geen productcategorie {1}. Bekende categorieën: {2}.",
    'Een productcategorie die niet in de codelijst van de wet staat (iJw JZ020, iWmo WMO020).',
  ),
  RW7005: entry(
    'fout',
    'controle',
    "Onbekende eenheid '{0}': een toewijzing is in euro's, minuten, uren, etmalen, dagdelen of stuks.",
    'Een eenheid die de iStandaard (Eenheid, WJ756) niet kent.',
  ),
  RW7006: entry(
    'fout',
    'controle',
    "Een toewijzing in {0} past niet bij {1}, dat geteld wordt in {2}: {0} tellen alleen {3}. Schrijf 'in euro's totaal' of een eenheid die {2} telt.",
    'Een eenheid die niet past bij de eenheid van het tarief (etmalen bij een weektarief).',
  ),
  RW7007: entry(
    'fout',
    'controle',
    "'{0}' kan geen sleutel van deze toewijzing zijn: gebruik een invoerveld met een domein ({1}){2}.",
    'Een sleutel van een toewijzing die geen invoerveld met een domein is.',
  ),
  RW7008: entry(
    'fout',
    'controle',
    '{0}',
    'Een toewijzing of rij die niet klopt: verkeerde of dubbele sleutelwaarden, geen categorie of geen eenheid.',
  ),
  RW7009: entry(
    'fout',
    'controle',
    "De toewijzing mist {0}: {1}. Voeg een rij toe; wordt een combinatie van een resultaat of module niet toegewezen, schrijf dan 'categorie -'.",
    'Een combinatie van sleutelwaarden zonder rij in de toewijzing.',
  ),
  RW7010: entry(
    'fout',
    'controle',
    "Een toewijzing heeft het invoerveld 'wet' van de beschikking nodig, met de waarden jeugdwet en/of wmo: {0}.",
    'Een regelset met toewijzingen zonder (bruikbaar) veld wet.',
  ),
  RW7011: entry(
    'fout',
    'controle',
    'CBS-gemeentecode \'{0}\' voor {1} is geen code van vier cijfers (zoals "0141" voor Almelo).',
    'Een CBS-gemeentecode in toewijzing gemeente die niet uit vier cijfers bestaat.',
  ),
  RW7012: entry(
    'fout',
    'controle',
    "De regelset heeft toewijzingen maar geen 'toewijzing gemeente' met de CBS-gemeentecodes: die code is de Afzender van het bericht.",
    'Toewijzingen zonder de CBS-gemeentecodes van de gemeenten.',
  ),
  RW8001: entry(
    'fout',
    'bestand',
    "Dit bestand is gewijzigd nadat versie {0} is vastgesteld (tag {1}). Een vastgestelde versie verandert niet meer: zet de wijziging in een nieuwe versie, of zet het bestand terug met 'git checkout {1} -- {2}'.",
    'Een bestand van een vastgestelde versie is gewijzigd na de tag van de vaststelling (git).',
  ),
  RW9001: entry(
    'fout',
    'bestand',
    "Kan '{0}' niet lezen: {1}.",
    'Een bestand dat niet als tekst gelezen kan worden (binair, geen UTF-8, te groot, geen leesrechten).',
  ),
  RW9002: entry(
    'fout',
    'bestand',
    'Interne fout in regelwerk bij het controleren van dit bestand: {0}. De andere bestanden zijn wel gecontroleerd. Meld dit alstublieft met dit bestand.',
    'Een fout in regelwerk zelf bij één bestand; de andere bestanden worden wel gecontroleerd.',
  ),
} as const satisfies Record<string, CatalogEntry>;

export type DiagnosticCode = keyof typeof CATALOG;
