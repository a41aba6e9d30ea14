import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  completions,
  definition,
  diagnostics,
  documentSymbols,
  foldingRanges,
  format,
  highlightLine,
  hover,
  references,
  rename,
  Workspace,
} from '../../../dsl/service/index.js';

const DIR = path.resolve('rules/twents-model');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.regels'))
  .map((f) => ({ path: `twents-model/${f}`, text: readFileSync(path.join(DIR, f), 'utf8') }));
const FILE = 'twents-model/2019.regels';
const text = files.find((f) => f.path === FILE)?.text ?? '';
const ws = () => new Workspace(files);
const at = (needle: string, from = 0, delta = 0): number => {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`niet gevonden: ${needle}`);
  return i + delta;
};

describe('language service on the Twents Model', () => {
  it('reports no errors for the shipped rules, and a Dutch coded error for a typo', () => {
    const w = ws();
    expect(diagnostics(w).filter((d) => d.severity === 'fout')).toEqual([]);
    w.update(FILE, text.replace('status vastgesteld', 'status misschien'));
    const errors = diagnostics(w).filter((d) => d.severity === 'fout');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.code).toMatch(/^RW\d{4}$/);
    expect(errors[0]?.file).toBe(FILE);
  });

  it('completes OB1–OB4 in the second key of a weektarief row', () => {
    const row = at('  ontwikkelen   OB2');
    const offset = text.indexOf('OB2', row);
    const labels = completions(ws(), FILE, offset).map((c) => c.label);
    expect(labels).toEqual(['OB1', 'OB2', 'OB3', 'OB4']);
  });

  it('completes perspectives in the first key of a row', () => {
    const row = at('  ontwikkelen   OB2');
    const labels = completions(ws(), FILE, row + 4).map((c) => c.label);
    expect(labels).toEqual(['ontwikkelen', 'stabiliseren']);
  });

  it('completes bandwidths after a comparison and domain values in a scenario', () => {
    const w = ws();
    const edited = text + '\nregel "x"\n  voor elk resultaat\n  als bandbreedte > ';
    w.update(FILE, edited);
    expect(completions(w, FILE, edited.length).map((c) => c.label)).toEqual(['A', 'B', 'C', 'D']);
    const edited2 = text + '\nscenario "y"\n  gegeven\n    wet = ';
    w.update(FILE, edited2);
    expect(completions(w, FILE, edited2.length).map((c) => c.label)).toEqual(['jeugdwet', 'wmo']);
  });

  it('offers declarations and snippets at the start of a line', () => {
    const items = completions(ws(), FILE, text.length);
    const labels = items.map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(['tabel', 'regel', 'module', 'scenario']));
    expect(items.filter((i) => i.snippet === true).map((i) => i.label)).toEqual(
      expect.arrayContaining([
        'tabel (nieuw)',
        'regel (nieuw)',
        'module (nieuw)',
        'scenario (nieuw)',
        'toewijzing (nieuw)',
      ]),
    );
  });

  it('hovers a tariff cell with value, unit, version, date and bron', () => {
    const row = at('  ontwikkelen   OB2');
    const h = hover(ws(), FILE, text.indexOf('136,20', row) + 1);
    expect(h?.markdown).toContain('weektarief**[ontwikkelen, OB2, midden, B] = **€ 136,20 per week**');
    expect(h?.markdown).toMatch(/Versie \*\*2019\*\*.*geldig vanaf 2019-01-01/);
    expect(h?.markdown).toMatch(/Bron: Tarievenblad/);
  });

  it('hovers a toewijzing: the category from the code list, the product code, the Eenheid', () => {
    const row = at('  jeugdwet  gezinshuis');
    const h = hover(ws(), FILE, text.indexOf('44', row) + 1);
    expect(h?.markdown).toBe(
      '**Productcategorie 44**: Jeugdhulp verblijf (excl. behandeling) (iJw)\n\nProductcode 44GH1 (regionaal afgesproken)',
    );
    const unit = hover(
      ws(),
      FILE,
      text.indexOf('etmalen totaal', at('toewijzing module wonen_verblijf')) + 2,
    );
    expect(unit?.markdown).toMatch(/^\*\*Eenheid 14\*\* \(etmalen\), Frequentie 6/);
    const none = hover(ws(), FILE, text.indexOf('categorie -', at('toewijzing module wonen_verblijf')) + 10);
    expect(none?.markdown).toBe('**categorie -**: deze combinatie wordt niet toegewezen.');
  });

  it('hovers a parameter with its value and bron', () => {
    const use = text.indexOf('vervoer_per_rit', at('module vervoer'));
    const h = hover(ws(), FILE, use + 2);
    expect(h?.markdown).toMatch(/parameter \*\*vervoer_per_rit\*\* = `€ 12,50 per rit`/);
    expect(h?.markdown).toMatch(/Bron:/);
  });

  it('goes to the definition of a table and finds its references; rename edits them all', () => {
    const w = ws();
    const use = at('weektarief[');
    const defs = definition(w, FILE, use + 1);
    expect(defs).toEqual([{ file: FILE, span: { start: at('weektarief "'), end: at('weektarief "') + 10 } }]);
    const refs = references(w, FILE, use + 1);
    expect(refs.length).toBeGreaterThan(1);
    const renamed = rename(w, FILE, use + 1, 'weekbedrag');
    expect('edits' in renamed && renamed.edits.length).toBe(refs.length);
    expect(rename(w, FILE, use + 1, '1abc')).toMatchObject({
      fout: expect.stringMatching(/geen geldige naam/),
    });
  });

  it('keeps a field and a domain of the same name apart in references and rename', () => {
    const w = ws();
    const slice = (s: { start: number; end: number }) => text.slice(s.start, s.end);
    const lineOf = (offset: number) =>
      text.slice(text.lastIndexOf('\n', offset) + 1, text.indexOf('\n', offset));
    // `veld intensiteit: intensiteit`: the field first, its type (the domain) second.
    const field = at('veld intensiteit', 0, 'veld '.length + 1);
    const domainType = at(': intensiteit', field, 3);
    const fieldRefs = references(w, FILE, field).filter((l) => l.file === FILE);
    const domainRefs = references(w, FILE, domainType).filter((l) => l.file === FILE);
    expect(fieldRefs.length).toBeGreaterThan(0);
    expect(domainRefs.length).toBeGreaterThan(1);
    const fieldStarts = new Set(fieldRefs.map((l) => l.span.start));
    expect(domainRefs.some((l) => fieldStarts.has(l.span.start))).toBe(false);
    expect(domainRefs.map((l) => lineOf(l.span.start))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^domein intensiteit/),
        expect.stringMatching(/kolommen intensiteit/),
      ]),
    );
    expect(fieldRefs.map((l) => lineOf(l.span.start))).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^domein intensiteit/)]),
    );
    expect(definition(w, FILE, domainType).map((d) => lineOf(d.span.start))).toEqual([
      expect.stringMatching(/^domein intensiteit/),
    ]);
    // Renaming the field `bandbreedte` leaves the type `bandbreedte` (and the table key) alone.
    const bw = at('veld bandbreedte', 0, 'veld '.length + 1);
    const renamed = rename(w, FILE, bw, 'band');
    expect('edits' in renamed).toBe(true);
    if (!('edits' in renamed)) return;
    const own = renamed.edits.filter((e) => e.file === FILE);
    expect(own.every((e) => slice(e.span) === 'bandbreedte')).toBe(true);
    const typeAt = at(': bandbreedte', bw, 2);
    expect(own.some((e) => e.span.start === typeAt)).toBe(false);
    expect(own.some((e) => lineOf(e.span.start).includes('kolommen'))).toBe(false);
    expect(own.some((e) => e.span.start === bw - 1)).toBe(true);
  });

  it('gives an outline, folding ranges and formatting', () => {
    const w = ws();
    const names = documentSymbols(w, FILE).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Twents Model 2019', 'weektarief', 'vervoer']));
    expect(foldingRanges(w, FILE).length).toBeGreaterThan(10);
    expect(format(w, FILE)).toBe(text);
  });

  it('highlights, hovers, completes and finds a declared unit (eenheid dagdeel, 2022)', () => {
    const file = 'twents-model/2022.regels';
    const t = files.find((f) => f.path === file)?.text ?? '';
    const w = ws();
    // Highlighting: a name after a number or `per`, and the names of the declaration, are units.
    expect(highlightLine('  maximum 9 dagdelen per week').map((s) => s.cls)).toEqual([
      'keyword',
      'number',
      'unit',
      'keyword',
      'unit',
    ]);
    expect(
      highlightLine('eenheid dagdeel meervoud dagdelen "Dagdeel (4 uur)" istandaard 16').map((s) => s.cls),
    ).toEqual(['keyword', 'unit', 'keyword', 'unit', 'string', 'keyword', 'number']);
    expect(highlightLine('  veld eenheid: tekst')[1]?.cls).toBe('identifier');
    // Hover on the plural in the maximum, and on the unit of the parameter.
    const max = t.indexOf('9 dagdelen per week') + 4;
    expect(hover(w, file, max)?.markdown).toMatch(
      /^eenheid \*\*dagdeel\*\* \(meervoud dagdelen\) — Dagdeel \(4 uur\)\n\niStandaard-eenheid 16/,
    );
    expect(hover(w, file, t.indexOf('€ 38,75 per dagdeel') + 14)?.markdown).toContain('eenheid **dagdeel**');
    // A built-in unit says it is one.
    expect(hover(w, file, t.indexOf('dagdelen per week') + 15)?.markdown).toMatch(
      /^ingebouwde eenheid \*\*week\*\* \(meervoud weken\)/,
    );
    // Go to definition from `dagdelen` lands on the declaration.
    const decl = t.indexOf('eenheid dagdeel');
    const [def] = definition(w, file, max);
    expect(def?.file).toBe(file);
    expect(def && t.slice(def.span.start, def.span.end)).toBe('dagdelen');
    expect(def && def.span.start > decl && def.span.start < t.indexOf('\n', decl)).toBe(true);
    // Completion: the plural after a number, the singular after `per`, built-in units too.
    const afterNumber = completions(w, file, t.indexOf('dagdelen per week'));
    expect(afterNumber.filter((c) => c.kind === 'unit').map((c) => c.label)).toEqual(
      expect.arrayContaining(['dagdelen', 'weken', 'ritten']),
    );
    const afterPer = completions(w, file, t.indexOf('dagdeel\n', t.indexOf('€ 38,75 per')));
    expect(afterPer.filter((c) => c.kind === 'unit').map((c) => c.label)).toEqual(
      expect.arrayContaining(['dagdeel', 'week', 'rit']),
    );
    expect(afterPer.find((c) => c.label === 'dagdeel')?.documentation).toBe('Dagdeel (4 uur)');
  });

  it('highlights a line from the token categories', () => {
    const spans = highlightLine('  tarief weektarief[perspectief] × 52,10 per week // x');
    expect(spans.map((s) => s.cls)).toEqual([
      'keyword',
      'identifier',
      'operator',
      'identifier',
      'operator',
      'operator',
      'number',
      'keyword',
      'unit',
      'comment',
    ]);
  });
});
