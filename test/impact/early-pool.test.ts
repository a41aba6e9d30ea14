/**
 * Workers started before the rules are compiled (`ImpactPool.early`, what `regelwerk impact` does) wait for the
 * selected versions and then price exactly as a pool started on them; closed without versions (an unknown
 * version, Ctrl-C while compiling) they stop at once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ir } from '../../dsl/index.js';
import { compileRuleset } from '../../src/cli/ruleset.js';
import { generateCaseload } from '../../src/impact/generate.js';
import { ImpactPool, analyzeImpactOnPool } from '../../src/impact/node/pool.js';
import type { CaseloadPiece } from '../../src/impact/types.js';

let programs: Ir.Program[];
const bytes = new TextEncoder().encode(
  [...generateCaseload({ aantal: 300, seed: 5, jaar: 2022 })].map((c) => JSON.stringify(c)).join('\n'),
);
const entries = (): CaseloadPiece[] => [{ kind: 'chunk', line: 1, bytes: bytes.slice() }];

beforeAll(async () => {
  const load = await compileRuleset(['rules/twents-model']);
  if (!load.ok) throw new Error('rules do not compile');
  programs = load.ruleset.programs;
});

const request = (variant: string) => ({
  basis: { programs, version: '2021-07' },
  variant: { programs, version: variant },
  threads: 2,
});

describe('a pool started before the versions are known', () => {
  it('prices as a pool started on them', async () => {
    const early = ImpactPool.early({ threads: 2 });
    const fromEarly = await analyzeImpactOnPool({ ...request('2022'), early, entries: entries() });
    const direct = await analyzeImpactOnPool({ ...request('2022'), entries: entries() });
    if (!fromEarly.ok || !direct.ok) throw new Error('analysis failed');
    expect(fromEarly.report).toEqual(direct.report);
    expect(fromEarly.report.counts.priced).toBe(300);
  }, 60_000);

  it('says which version is unknown, and stops its waiting workers', async () => {
    const early = ImpactPool.early({ threads: 2 });
    const outcome = await analyzeImpactOnPool({ ...request('2099'), early, entries: entries() });
    expect(outcome).toMatchObject({ ok: false, reason: 'versie' });
    // (Closed already by the analysis; closing again does nothing. A hang here fails on the test's timeout.)
    await early.close();
  }, 60_000);

  it('closes without ever being given versions', async () => {
    const early = ImpactPool.early({ threads: 2 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await early.close();
    await early.close();
  }, 60_000);
});
