/**
 * Dutch for the parts of Monaco an advisor sees (context menu, hovers, find, rename, peek, suggestions, the
 * problem widget). Monaco has no Dutch language pack: its ESM build looks each text up by number in
 * `globalThis._VSCODE_NLS_MESSAGES` (monaco-editor/esm/vs/nls.js) and falls back to the English text when a number
 * is missing. This module fills those numbers; it must be imported before Monaco itself (editor/monaco/setup.ts).
 *
 * Each entry is `[number, English text in monaco-editor 0.57, Dutch]`; test/editor/monaco-nl.test.ts checks that
 * every number still carries that English text in the installed Monaco, so an upgrade cannot silently shift them.
 * Features whose texts are not translated here (command palette, quick access, …) are not loaded at all.
 */
export const MONACO_NL: readonly (readonly [number, string, string])[] = [
  [1, 'input', 'invoer'],
  [2, 'Match Case', 'Hoofdlettergevoelig'],
  [3, 'Match Whole Word', 'Heel woord'],
  [4, 'Use Regular Expression', 'Reguliere expressie gebruiken'],
  [5, 'input', 'invoer'],
  [6, 'Preserve Case', 'Hoofdletters behouden'],
  [9, 'Error: {0}', 'Fout: {0}'],
  [10, 'Warning: {0}', 'Waarschuwing: {0}'],
  [11, 'Info: {0}', 'Informatie: {0}'],
  [14, 'Cleared Input', 'Invoer gewist'],
  [840, 'Command Palette', 'Opdrachtenlijst'],
  [842, 'Go to Symbol...', 'Ga naar onderdeel…'],
  [844, 'Editor content', 'Inhoud van de editor'],
  [865, 'Cut', 'Knippen'],
  [866, 'Cut', 'Knippen'],
  [867, 'Cut', 'Knippen'],
  [869, 'Copy', 'Kopiëren'],
  [870, 'Copy', 'Kopiëren'],
  [871, 'Copy', 'Kopiëren'],
  [873, 'Paste', 'Plakken'],
  [874, 'Paste', 'Plakken'],
  [875, 'Paste', 'Plakken'],
  [904, 'Quick Fix...', 'Snelle oplossing…'],
  [1018, 'Find / Replace', 'Zoeken / vervangen'],
  [1019, 'Find', 'Zoeken'],
  [1020, 'Find', 'Zoeken'],
  [1021, 'Previous Match', 'Vorige'],
  [1022, 'Next Match', 'Volgende'],
  [1023, 'Find in Selection', 'Zoeken in selectie'],
  [1024, 'Close', 'Sluiten'],
  [1025, 'Replace', 'Vervangen'],
  [1026, 'Replace', 'Vervangen'],
  [1027, 'Replace', 'Vervangen'],
  [1028, 'Replace All', 'Alles vervangen'],
  [1029, 'Toggle Replace', 'Vervangen tonen of verbergen'],
  [
    1030,
    'Only the first {0} results are highlighted, but all find operations work on the entire text.',
    'Alleen de eerste {0} resultaten zijn gemarkeerd; zoeken werkt op de hele tekst.',
  ],
  [1031, '{0} of {1}', '{0} van {1}'],
  [1032, 'No results', 'Geen resultaten'],
  [1033, '{0} found', '{0} gevonden'],
  [1034, "{0} found for '{1}'", "{0} gevonden voor '{1}'"],
  [1035, "{0} found for '{1}', at {2}", "{0} gevonden voor '{1}', bij {2}"],
  [1036, "{0} found for '{1}'", "{0} gevonden voor '{1}'"],
  [1072, 'Format Document', 'Document opmaken'],
  [1073, 'Format Selection', 'Selectie opmaken'],
  [1082, 'Error', 'Fout'],
  [1083, 'Warning', 'Waarschuwing'],
  [1084, 'Info', 'Informatie'],
  [1085, 'Hint', 'Tip'],
  [1086, '{0}: {1} at {2}. ', '{0}: {1} op {2}. '],
  [1087, '{0} of {1} problems', 'probleem {0} van {1}'],
  [1088, '{0} of {1} problem', 'probleem {0} van {1}'],
  [1096, 'Peek', 'Ter plekke bekijken'],
  [1097, 'Definitions', 'Definities'],
  [1098, "No definition found for '{0}'", "Geen definitie gevonden voor '{0}'"],
  [1099, 'No definition found', 'Geen definitie gevonden'],
  [1115, "No references found for '{0}'", "Geen verwijzingen gevonden naar '{0}'"],
  [1116, 'No references found', 'Geen verwijzingen gevonden'],
  [1118, 'References', 'Verwijzingen'],
  [1119, 'References', 'Verwijzingen'],
  [1120, 'Locations', 'Plaatsen'],
  [1121, "No results for '{0}'", "Geen resultaten voor '{0}'"],
  [1122, 'References', 'Verwijzingen'],
  [1123, 'Go to Definition', 'Ga naar definitie'],
  [1124, 'Open Definition to the Side', 'Definitie ernaast openen'],
  [1125, 'Peek Definition', 'Definitie ter plekke bekijken'],
  [1132, 'Go to References', 'Ga naar verwijzingen'],
  [1133, 'Peek References', 'Verwijzingen ter plekke bekijken'],
  [1137, 'Loading...', 'Laden…'],
  [1139, '{0} references', '{0} verwijzingen'],
  [1140, '{0} reference', '{0} verwijzing'],
  [1141, 'References', 'Verwijzingen'],
  [1142, 'no preview available', 'geen voorbeeld beschikbaar'],
  [1143, 'No results', 'Geen resultaten'],
  [1144, 'References', 'Verwijzingen'],
  [1145, 'in {0} on line {1} at column {2}', 'in {0} op regel {1}, kolom {2}'],
  [1146, '{0} in {1} on line {2} at column {3}', '{0} in {1} op regel {2}, kolom {3}'],
  [1149, 'No results found', 'Geen resultaten gevonden'],
  [1150, 'Found 1 symbol in {0}', '1 gevonden in {0}'],
  [1151, 'Found {0} symbols in {1}', '{0} gevonden in {1}'],
  [1152, 'Found {0} symbols in {1} files', '{0} gevonden in {1} bestanden'],
  [1186, 'Copy', 'Kopiëren'],
  [1187, 'Copied to clipboard', 'Gekopieerd'],
  [1195, 'View Problem', 'Probleem bekijken'],
  [1196, 'No quick fixes available', 'Geen snelle oplossing beschikbaar'],
  [1197, 'Checking for quick fixes...', 'Snelle oplossingen zoeken…'],
  [1198, 'No quick fixes available', 'Geen snelle oplossing beschikbaar'],
  [1199, 'Quick Fix...', 'Snelle oplossing…'],
  [1374, 'Change All Occurrences', 'Overal wijzigen'],
  [1383, 'Close', 'Sluiten'],
  [1447, 'Cannot edit in read-only input', 'Dit veld is alleen-lezen'],
  [1448, 'Cannot edit in read-only editor', 'Dit bestand is alleen-lezen'],
  [1449, 'No result.', 'Geen resultaat.'],
  [
    1450,
    'An unknown error occurred while resolving rename location',
    'Onbekende fout bij het bepalen van wat hernoemd moet worden',
  ],
  [1451, "Renaming '{0}' to '{1}'", "'{0}' wordt hernoemd naar '{1}'"],
  [1452, 'Renaming {0} to {1}', '{0} wordt hernoemd naar {1}'],
  [1453, "Successfully renamed '{0}' to '{1}'. Summary: {2}", "'{0}' hernoemd naar '{1}'. Samenvatting: {2}"],
  [1454, 'Rename failed to apply edits', 'Hernoemen kon de wijzigingen niet aanbrengen'],
  [1455, 'Rename failed to compute edits', 'Hernoemen kon de wijzigingen niet bepalen'],
  [1457, 'Rename Symbol', 'Naam wijzigen'],
  [1462, '{0} to Rename, {1} to Preview', '{0} om te hernoemen, {1} om eerst te bekijken'],
  [
    1464,
    'Rename input. Type new name and press Enter to commit.',
    'Nieuwe naam. Typ de naam en druk op Enter.',
  ],
  [1466, 'Cancel', 'Annuleren'],
  [1555, 'Loading...', 'Laden…'],
  [1556, 'No suggestions.', 'Geen suggesties.'],
  [1557, 'Suggest', 'Suggesties'],
  [1563, 'Close', 'Sluiten'],
  [1564, 'Close', 'Sluiten'],
  [1565, 'Loading...', 'Laden…'],
  [1567, 'Read More', 'Meer lezen'],
  [1607, 'Close Banner', 'Melding sluiten'],
  [
    1613,
    'The character {0} could be confused with the ASCII character {1}, which is more common in source code.',
    'Het teken {0} lijkt op het gewone teken {1}.',
  ],
  [
    1614,
    'The character {0} could be confused with the character {1}, which is more common in source code.',
    'Het teken {0} lijkt op het teken {1}.',
  ],
  [1615, 'The character {0} is invisible.', 'Het teken {0} is onzichtbaar.'],
  [1616, 'The character {0} is not a basic ASCII character.', 'Het teken {0} is geen gewoon teken.'],
  [1617, 'Adjust settings', 'Instellingen aanpassen'],
];

declare global {
  var _VSCODE_NLS_MESSAGES: (string | undefined)[] | undefined;
  var _VSCODE_NLS_LANGUAGE: string | undefined;
}

/** Installs the Dutch texts for Monaco (before Monaco's modules run: labels are read when they register). */
export function installMonacoDutch(): void {
  const messages: (string | undefined)[] = [];
  for (const [index, , dutch] of MONACO_NL) messages[index] = dutch;
  globalThis._VSCODE_NLS_MESSAGES = messages;
  globalThis._VSCODE_NLS_LANGUAGE = 'nl';
}

installMonacoDutch();
