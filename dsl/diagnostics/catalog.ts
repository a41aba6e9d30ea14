/**
 * The coded catalog of every diagnostic the language produces. Messages are Dutch, say what was expected,
 * what was found and what to do. `{0}`… are filled in by the reporter. Each code has an `uitleg` (one line,
 * for the language reference) and at least one golden fixture under test/fixtures.
 *
 * Ranges: RW1xxx lexer/parser, RW2xxx names, RW3xxx types and units, RW4xxx tables and bandwidths,
 * RW5xxx declarations (modules, rules, input, scenarios), RW6xxx versions, RW9xxx files.
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
  RW1001: entry('fout', 'lexer', "Onbekend teken '{0}'.", 'Een teken dat de taal niet kent.'),
  RW1002: entry(
    'fout',
    'lexer',
    "Ongeldig getal '{0}': gebruik een komma als decimaalteken en punten alleen tussen groepen van drie cijfers (1.234,56).",
    'Een getal in niet-Nederlandse notatie.',
  ),
  RW1003: entry('fout', 'lexer', 'Tekst zonder afsluitend aanhalingsteken.', 'Een tekst die niet wordt afgesloten met ".'),
  RW1004: entry('fout', 'lexer', "Ongeldige datum '{0}': gebruik JJJJ-MM-DD met een bestaande dag.", 'Een datum die niet bestaat of niet in ISO-notatie staat.'),
  RW1101: entry('fout', 'parser', 'Verwacht {0}, maar gevonden {1}.', 'De zin klopt niet: er staat iets anders dan de taal op die plek verwacht.'),
  RW1102: entry('fout', 'parser', 'Onverwacht {0}: hier verwacht ik {1}.', 'Een woord of teken op een plek waar het niet hoort.'),
  RW1103: entry('fout', 'parser', 'Het bestand begint niet met een kop: verwacht regelset "…", versie "…" en geldig vanaf ….', 'De kop (regelset, versie, geldig vanaf) ontbreekt.'),
  RW1104: entry('fout', 'parser', 'Onverwacht einde van het bestand: verwacht {0}.', 'Het bestand houdt op midden in een declaratie.'),
} as const satisfies Record<string, CatalogEntry>;

export type DiagnosticCode = keyof typeof CATALOG;
