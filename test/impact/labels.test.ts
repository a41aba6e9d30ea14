/**
 * What a policy reader sees of the impact names modules, tariff cells, wetten and gemeenten by the labels the rules
 * declare, not by their technical keys; the keys stay in the JSON (and the CSV's key columns) for programs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ir } from '../../dsl/index.js';
import { diffPrograms } from '../../src/change/diff.js';
import { generateCaseload } from '../../src/impact/generate.js';
import { analyzeImpact, impactCsvFiles, renderImpactText } from '../../src/impact/index.js';
import { RuleLabels } from '../../src/impact/labels.js';
import { statusLabel } from '../../src/impact/report.js';
import type { ImpactReport } from '../../src/impact/types.js';
import { diffTexts } from '../../src/report/diff-texts.js';
import { changeSources } from '../../src/report/report-data.js';
import { loadTwentsModel } from '../support/twents-model.js';

let programs: Ir.Program[];
let labels: RuleLabels;
let report: ImpactReport;

const regional = (version: string): Ir.Program => {
  const p = programs.find((x) => x.version === version && x.municipality === undefined);
  if (!p) throw new Error(`geen versie ${version}`);
  return p;
};

beforeAll(async () => {
  const load = loadTwentsModel();
  expect(load.errors).toEqual([]);
  programs = load.programs;
  labels = new RuleLabels([regional('2022'), regional('2021-07')]);
  const cases = [...generateCaseload({ aantal: 300, seed: 5, jaar: 2022 })].map((casus, i) => ({
    kind: 'case' as const,
    line: i + 1,
    casus,
  }));
  const outcome = await analyzeImpact({
    basis: { programs, version: '2021-07' },
    variant: { programs, version: '2022' },
    cases,
  });
  if (!outcome.ok) throw new Error(outcome.message);
  report = outcome.report;
});

/** A technical key: a table cell in brackets, a module variant after a slash, or a name with an underscore. */
const TECHNICAL = /\w\[|[a-z]\/[a-z]|[a-z]_[a-z]/;

describe('labels from the rules', () => {
  it('name tariff cells, module variants, modules, wetten and gemeenten as the rules declare them', () => {
    expect(labels.cell('weektarief[ontwikkelen, OB2, midden, B]')).toBe(
      'Weektarief ondersteuningsbehoefte: ontwikkelen × OB2, midden/B',
    );
    expect(labels.cell('vervoer/rit')).toBe('Vervoer: Per rit');
    expect(labels.cell('wonen_verblijf/gezinshuis')).toBe('Wonen en verblijf: Gezinshuis');
    expect(labels.cell('consultatie_diagnostiek')).toBe('Consultatie & diagnostiek');
    expect(labels.cell('dagbesteding_groep')).toBe('Dagbesteding in een groep');
    expect(labels.cellValues('cd_tarief', ['ontwikkelen', 'OB1', 'licht'])).toBe('ontwikkelen × OB1, licht');
    expect(labels.value('wet', 'wmo')).toBe('Wet maatschappelijke ondersteuning 2015');
    expect(labels.value('gemeente', 'Hof_van_Twente')).toBe('Hof van Twente');
    // What the rules do not know stays as it is.
    expect(labels.cell('onbekend[x, y]')).toBe('onbekend[x, y]');
    expect(labels.cell('onbekend/x')).toBe('onbekend/x');
    expect(labels.module('onbekend')).toBe('onbekend');
  });
});

describe('the impact report for people', () => {
  it('labels every tariff cell and wet, and keeps the keys for programs', () => {
    expect(report.perCell.length).toBeGreaterThan(20);
    for (const c of report.perCell) expect(c.label).not.toMatch(TECHNICAL);
    const keys = report.perCell.map((c) => c.key);
    expect(keys).toContain('vervoer/rit');
    const rit = report.perCell.find((c) => c.key === 'vervoer/rit');
    expect(rit?.label).toBe('Vervoer: Per rit');
    expect(report.perWet.map((g) => [g.key, g.label])).toEqual([
      ['jeugdwet', 'Jeugdwet'],
      ['wmo', 'Wet maatschappelijke ondersteuning 2015'],
    ]);
  });

  it('names modules by their labels in a change of status', () => {
    expect(statusLabel('module_nieuw', 'dagbesteding_groep', (n) => labels.module(n))).toBe(
      'module Dagbesteding in een groep is nieuw in de variant (in de basis niet geprijsd)',
    );
    expect(statusLabel('module_geweigerd', 'vervoer', (n) => labels.module(n))).toBe(
      'module Vervoer nu geweigerd',
    );
    for (const s of report.statusChanges) expect(s.label).not.toMatch(TECHNICAL);
  });

  it('writes labels in the text, and a name column next to the key in the CSV', () => {
    const text = renderImpactText(report);
    const cells = text.slice(text.indexOf('Per tariefcel'), text.indexOf('Verandering per beschikking'));
    expect(cells).toContain('Weektarief ondersteuningsbehoefte: ');
    expect(cells).toContain('Vervoer: Per rit');
    expect(cells).not.toMatch(TECHNICAL);
    const wet = text.slice(text.indexOf('Per wet'));
    expect(wet).toMatch(/\n\s*Wet maatschappelijke ondersteuning 2015 /);

    const csv = impactCsvFiles(report)['per-tariefcel.csv'] ?? '';
    const [head, ...rows] = csv.split('\r\n');
    expect(head).toBe('tariefcel,naam,aantal_basis,aantal_variant,basis,variant,verschil,procent');
    expect(rows.filter((r) => r.startsWith('vervoer/rit,Vervoer: Per rit,'))).toHaveLength(1);
    expect(csv).toMatch(
      /\r\n"weektarief\[ontwikkelen, OB2, midden, B\]","Weektarief ondersteuningsbehoefte: ontwikkelen × OB2, midden\/B",\d+,/,
    );
    const largest = (impactCsvFiles(report)['grootste-veranderingen.csv'] ?? '').split('\r\n')[0];
    expect(largest).toBe('regel,beschikking,gemeente,gemeente_naam,basis,variant,verschil,procent');
  });
});

describe('what changes, for the board report', () => {
  it('names modules and tables by their labels and cells as the impact tables do', () => {
    const [basis, variant] = [regional('2021-07'), regional('2022')];
    const diff = diffPrograms(basis, variant);
    const t = diffTexts(diff, labels);
    const added = t.added.map((i) => i.text);
    expect(added).toContain('Module Dagbesteding in een groep');
    expect(added.join('\n')).not.toMatch(/dagbesteding_groep/);
    expect(t.changed.map((i) => i.text)).toContain('Module Consultatie & diagnostiek');
    const week = t.tables.find((x) => x.table === 'weektarief');
    expect(week?.label).toBe('Weektarief ondersteuningsbehoefte');
    expect(week?.cells[0]).toMatchObject({
      key: 'ontwikkelen/OB1/licht/A',
      label: 'ontwikkelen × OB1, licht/A',
    });

    // A module's new variant by its label (2019 → 2021-07 adds gezinshuis+).
    const older = diffTexts(
      diffPrograms(regional('2019'), regional('2021-07')),
      new RuleLabels([regional('2021-07'), regional('2019')]),
    );
    const wonen = older.changed.find((i) => i.text === 'Module Wonen en verblijf');
    expect(wonen?.details).toContain('variant "Gezinshuis+ (gezinshuis met dakje)" toegevoegd');
    expect(wonen?.details.join('\n')).not.toMatch(/gezinshuis_plus/);

    const subjects = changeSources(basis, variant, diff, labels).map((s) => s.subject);
    expect(subjects).toContain('Module Dagbesteding in een groep');
    expect(subjects).toContain('Tabel Weektarief ondersteuningsbehoefte');
    expect(subjects.filter((s) => s.startsWith('Module ') || s.startsWith('Tabel '))).not.toContainEqual(
      expect.stringMatching(/_/),
    );
  });
});
