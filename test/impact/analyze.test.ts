/**
 * The in-process analysis (what the editor runs in a web worker) gives the same report as the worker-thread
 * pool of the CLI, reads CSV text like the streaming reader, and stops when cancelled.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ir } from '../../dsl/index.js';
import { CSV_COLUMNS, csvRows } from '../../src/cli/caseload.js';
import { compileRuleset } from '../../src/cli/ruleset.js';
import { readCaseloadText } from '../../src/impact/caseload/read-text.js';
import { generateCaseload } from '../../src/impact/generate.js';
import { analyzeImpact } from '../../src/impact/index.js';
import type { ImpactReport } from '../../src/impact/types.js';
import { cli, tmp } from '../support/cli.js';

let programs: Ir.Program[];
const cases = [...generateCaseload({ aantal: 400, seed: 21, jaar: 2022 })];
const jsonl = cases.map((c) => JSON.stringify(c)).join('\n') + '\n';
const csv = [CSV_COLUMNS.join(','), ...cases.flatMap((c, i) => csvRows(`b${i + 1}`, c))].join('\n') + '\n';

beforeAll(async () => {
  const load = await compileRuleset(['rules/twents-model']);
  if (!load.ok) throw new Error('rules do not compile');
  programs = load.ruleset.programs;
});

const request = () => ({
  basis: { programs, version: '2019' },
  variant: { programs, version: '2022' },
});

describe('analyzeImpact (in this thread)', () => {
  it('gives the report the CLI computes on worker threads', async () => {
    const text = readCaseloadText(jsonl, 'jsonl', programs);
    if (!text.ok) throw new Error(text.message);
    const outcome = await analyzeImpact({ ...request(), cases: text.entries });
    if (!outcome.ok) throw new Error(outcome.message);
    const file = path.join(await tmp(), 'c.jsonl');
    await writeFile(file, jsonl);
    const r = await cli(
      'impact',
      '--regels',
      'rules/twents-model',
      '--caseload',
      file,
      '--basis',
      '2019',
      '--variant',
      '2022',
      '--json',
    );
    const { ok, ...fromPool } = JSON.parse(r.out) as ImpactReport & { ok: boolean };
    expect(ok).toBe(true);
    expect(JSON.parse(JSON.stringify(outcome.report))).toEqual(fromPool);
    expect(outcome.report.basis.overrides).toEqual(['2019-almelo']);
  });

  it('reads a CSV text into the same beschikkingen as JSON Lines', async () => {
    const fromCsv = readCaseloadText(csv, 'csv', programs);
    const fromJsonl = readCaseloadText(jsonl, 'jsonl', programs);
    if (!fromCsv.ok || !fromJsonl.ok) throw new Error('unreadable');
    const [a, b] = await Promise.all([
      analyzeImpact({ ...request(), cases: fromCsv.entries }),
      analyzeImpact({ ...request(), cases: fromJsonl.entries }),
    ]);
    if (!a.ok || !b.ok) throw new Error('no report');
    expect(a.report.totals).toEqual(b.report.totals);
    expect(a.report.perCell).toEqual(b.report.perCell);
    expect(a.report.largest.map((l) => l.id)).toEqual(b.report.largest.map((l) => `b${l.line}`));
  });

  it('a CSV row without a beschikking id is its own bad row; the beschikkingen around it stay whole', () => {
    const [b1, b2] = [csvRows('b1', cases[0] as never), csvRows('b2', cases[1] as never)];
    const noId = (b1[0] as string).replace(/^b1,/, ',');
    const text = [CSV_COLUMNS.join(','), ...b1, noId, ...b2].join('\n');
    const read = readCaseloadText(text, 'csv', programs);
    if (!read.ok) throw new Error(read.message);
    const line = 2 + b1.length;
    expect(read.entries.map((e) => [e.kind, e.line, 'id' in e ? e.id : undefined])).toEqual([
      ['case', 2, 'b1'],
      ['bad', line, undefined],
      ['case', line + 1, 'b2'],
    ]);
    expect(read.entries[1]).toMatchObject({ message: `regel ${line}: de kolom 'beschikking' is leeg.` });
  });

  it('an unknown version is a Dutch message, not an exception', async () => {
    const outcome = await analyzeImpact({ ...request(), variant: { programs, version: '2030' }, cases: [] });
    expect(outcome).toEqual({
      ok: false,
      reason: 'versie',
      message: "onbekende versie '2030' (variant). Bekende versies: 2019, 2020, 2021-01, 2021-07, 2022.",
    });
  });

  it('stops when cancelled, and reports progress on the way', async () => {
    const text = readCaseloadText(jsonl, 'jsonl', programs);
    if (!text.ok) throw new Error(text.message);
    const controller = new AbortController();
    const seen: number[] = [];
    const outcome = await analyzeImpact({
      ...request(),
      cases: text.entries,
      step: 50,
      signal: controller.signal,
      onProgress: (done) => {
        seen.push(done);
        if (done >= 100) controller.abort();
      },
    });
    expect(outcome).toMatchObject({ ok: false, reason: 'afgebroken' });
    expect(seen).toEqual([50, 100]);
  });
});

describe('status changes of input warnings', () => {
  it('name an unknown field in words: which field, of what, unknown in that version', async () => {
    // 2019 does not declare groepsgrootte (2022 does): its warning goes away in the variant.
    const withGroup = cases.filter((c) =>
      (c['resultaten'] as Record<string, unknown>[]).some((r) => r['groepsgrootte'] !== undefined),
    );
    expect(withGroup.length).toBeGreaterThan(5);
    const text = readCaseloadText(withGroup.map((c) => JSON.stringify(c)).join('\n'), 'jsonl', programs);
    if (!text.ok) throw new Error(text.message);
    const outcome = await analyzeImpact({ ...request(), cases: text.entries });
    if (!outcome.ok) throw new Error(outcome.message);
    const subjects = outcome.report.statusChanges.map((s) => s.subject);
    expect(subjects).toContain('veld groepsgrootte van een resultaat: onbekend in deze versie, genegeerd');
    expect(subjects.filter((s) => s.includes('[…]'))).toEqual([]);
  });
});
