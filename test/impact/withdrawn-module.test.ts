/**
 * A version that withdraws a module (`vervalt module vervoer`): impact leaves the transport requests out on the
 * variant side only. The results and the other modules of those beschikkingen are priced as before, so the
 * difference is exactly what transport cost in the basis; each case counts once as "module vervoer vervalt".
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ir } from '../../dsl/index.js';
import { compileRuleset } from '../../src/cli/ruleset.js';
import { generateCaseload } from '../../src/impact/generate.js';
import { analyzeImpact } from '../../src/impact/index.js';
import { cents } from '../../src/impact/money.js';
import type { ImpactReport } from '../../src/impact/types.js';
import { cli, tmp } from '../support/cli.js';

const WITHDRAWN = `regelset "Twents Model"
versie "2023" op basis van "2022"
geldig vanaf 2023-01-01
status concept

vervalt module vervoer
`;

let programs: Ir.Program[];
let folder: string;
const cases = [...generateCaseload({ aantal: 600, seed: 5, jaar: 2022 })];
const asksTransport = (c: unknown): boolean =>
  ((c as { modules?: { module?: string }[] }).modules ?? []).some((m) => m.module === 'vervoer');

beforeAll(async () => {
  folder = path.join(await tmp(), 'concept');
  await mkdir(folder);
  await writeFile(path.join(folder, '2023.regels'), WITHDRAWN);
  const load = await compileRuleset(['rules/twents-model', folder]);
  if (!load.ok) throw new Error(`rules do not compile: ${JSON.stringify(load.failure.errors.slice(0, 3))}`);
  programs = load.ruleset.programs;
});

async function report(): Promise<ImpactReport> {
  const outcome = await analyzeImpact({
    basis: { programs, version: '2022' },
    variant: { programs, version: '2023' },
    cases: cases.map((casus, i) => ({ kind: 'case' as const, line: i + 1, casus })),
  });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.report;
}

describe('impact of a withdrawn module', () => {
  it('costs exactly what the module cost in the basis, and nothing else changes', async () => {
    const r = await report();
    const transport = r.perModule.find((g) => g.key === 'vervoer');
    expect(transport && cents(transport.basis)).toBeGreaterThan(0n);
    expect(cents(transport?.variant ?? '1')).toBe(0n);
    expect(cents(r.totals.difference)).toBe(-cents(transport?.basis ?? '0'));
    for (const g of r.perModule.filter((m) => m.key !== 'vervoer')) expect(g.difference).toBe('0.00');
    for (const g of r.perPerspectiefOb) expect(g.difference).toBe('0.00');
    expect(r.counts.bad).toBe(0);
  });

  it('counts each beschikking that asked for it once, as "vervalt", and no case becomes invalid', async () => {
    const r = await report();
    const expected = cases.filter(asksTransport).length;
    expect(expected).toBeGreaterThan(10);
    const vervallen = r.statusChanges.filter((s) => s.kind === 'module_vervallen');
    expect(vervallen.every((s) => s.subject.startsWith('vervoer/'))).toBe(true);
    expect(vervallen.reduce((n, s) => n + s.count, 0)).toBeGreaterThanOrEqual(expected);
    expect(r.counts.statusChanged).toBe(expected);
    expect(r.statusChanges.some((s) => s.kind === 'ongeldig_geworden')).toBe(false);
    expect(vervallen[0]?.label).toMatch(/^module Vervoer: Per (rit|kilometer) vervalt in de variant/);
  });

  it('says so when one beschikking is explained (--uitleg)', async () => {
    const line = cases.findIndex(asksTransport) + 1;
    const file = path.join(await tmp(), 'c.jsonl');
    await writeFile(file, cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
    const args = ['--regels', 'rules/twents-model', '--regels', folder, '--caseload', file];
    const r = await cli('impact', ...args, '--basis', '2022', '--variant', '2023', '--uitleg', String(line));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /Niet geprijsd: versie 2023 heeft geen module "Vervoer: Per (rit|kilometer)" \(vervoer\/(rit|km)\); die aanvraag is hier weggelaten\./,
    );
    expect(r.out).not.toMatch(/onbekende module/);
  });
});
