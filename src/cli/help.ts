/** The help text of the regelwerk command line (`regelwerk --help`, and after a wrong usage). */
export const USAGE = `Gebruik: regelwerk <opdracht> [opties]

Opdrachten:
  check [--json] [paden…]                 controleer regelbestanden (.regels); standaard: rules/
  fmt [--check] [paden…]                  maak regelbestanden op in de standaardopmaak
  ir [paden…]                             toon wat de compiler van de regels maakt (de IR, als tekst)
  test [--json] [--coverage] [paden…]     voer de scenario's uit [--pad jre|fast]
  eval --regels <pad> --casus <bestand>   bereken een geval (JSON) [--json] [--pad jre|fast]
  explain --regels <pad> --casus <bestand> leg elk bedrag en elke beslissing uit [--json] (ook: uitleg)
  diff --regels <pad> <van> <naar>        verschil tussen twee versies per tariefcel [--json | --csv]
  tarieven --regels <pad> <versie>        het tarievenblad van een versie: elke tabel en parameter zoals ze
                                          daar gelden [--tabel <naam>] [--herkomst] [--json]
  serve [--port n] [--host adres]         start de editor-server (standaard 127.0.0.1:5178)
        [--naam <hostnaam>]… [--regels <map>]… [--niet-bouwen]
        [--gebruikers <bestand>] [--achter-https]  teammodus: inloggen, rollen (zie README)
  bundle --regels <map> -o <bestand>      schrijf de bundel: alle versies, tabellen, casusschema, hash [--json]
  schema --regels <map>                   het JSON Schema van een casus; --bundel: van het bundelformaat
  api --bundel <bestand> | --regels <map> start de HTTP-API [--port n] [--host adres] [--naam <hostnaam>]…
                                          [--max-batch n] [--tijdslimiet s]; herladen met SIGHUP (zie README)
  toewijzing --regels <pad> --casus <bestand> [-o bericht.xml]
                                          schrijf de JW301/WMO301 van een geval [--vorige <eerder.xml>]
                                          [--tijdstip JJJJ-MM-DDTUU:MM:SS] [--xsd <map>] [--nummer-vanaf n]
  impact --regels <map> --caseload <bestand> --basis <versie> --variant <versie>
                                          wat een wijziging kost over een caseload [--variant-regels <map>]
                                          [--json] [--csv <map>] [--uitleg <regel>] [--threads n] [--voortgang]
  rapport --regels <map> --basis <versie> --variant <versie> --caseload <bestand> -o <rapport.html>
                                          rapport voor het college (HTML) [--pdf <rapport.pdf>]
  caseload genereer --aantal <n> --seed <s>  een gegenereerde (illustratieve) Twentse caseload
                                          [--jaar <jjjj>] [--formaat jsonl|csv]
  versie nieuw --basis <v> --naam <v> --vanaf <datum>
                                          een nieuwe versie (status concept), vastgelegd als commit
                                          [--gemeente <naam>] [--bericht <tekst>] [--regels <map>]
  versie lijst | ter-vaststelling <v> | vaststellen <v> --besluit <tekst> | terugsturen <v> --tekst <tekst>
        | geschiedenis <v>                de levensloop van een versie (vier ogen bij vaststellen)
  gebruiker toevoegen|wijzigen|verwijderen|lijst <naam> --gebruikers <bestand> [--rol lezer|opsteller|vaststeller]
                                          [--volledige-naam <naam>] [--email <adres>] [--wachtwoord]
                                          gebruikers van de teammodus (regelwerk serve --gebruikers)

Een pad is een map, een submap of één regelbestand; de bestanden waarop het voortbouwt, worden meegeladen.
Staat de basisversie in een andere map (een concept elders), geef dan meer paden of --regels meermaals
(eval, explain, diff, tarieven, bundle, schema, toewijzing, impact, rapport, api, serve), of zet een
projectbestand regelwerk.json boven de regels: { "regels": ["../rules/twents-model"] } (mappen ten opzichte
van dat bestand).
Afsluitcode: 0 in orde, 1 fouten gevonden, 2 verkeerd gebruik. Deze hulp: regelwerk --help; één opdracht:
regelwerk <opdracht> --help. De versie van regelwerk: regelwerk --version.`;

/** The commands, as the help names them (aliases included). */
export const COMMANDS = [
  'check',
  'fmt',
  'ir',
  'test',
  'eval',
  'explain',
  'uitleg',
  'diff',
  'tarieven',
  'serve',
  'bundle',
  'schema',
  'api',
  'toewijzing',
  'impact',
  'rapport',
  'caseload',
  'versie',
  'gebruiker',
] as const;

/** The help of one command: its lines of {@link USAGE} (with their continuation lines) and the closing notes. */
export function commandUsage(command: string): string {
  const name = command === 'uitleg' ? 'explain' : command;
  const lines = USAGE.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Opdrachten:'));
  const end = lines.findIndex((l, i) => i > start && l === '');
  const own: string[] = [];
  let inside = false;
  for (const l of lines.slice(start + 1, end)) {
    if (/^ {2}\S/.test(l)) inside = l.slice(2).split(' ')[0] === name;
    if (inside) own.push(l);
  }
  return [`Gebruik: regelwerk ${name} [opties]`, '', ...own, '', ...lines.slice(end + 1)].join('\n');
}
