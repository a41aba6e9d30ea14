/**
 * A case priced "as if" a version applied on every day (impact analysis, "Open in proefgeval") is explained with
 * that version's own first day and a Dutch note, never with the 1 January 1900 the impact analysis moves it to;
 * the amounts are those of the as-if pricing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateCase } from '../../editor/worker/evaluation.js';
import { createEngine } from '../../src/engine/evaluate.js';
import { renderExplanation } from '../../src/engine/explain.js';
import { selectVersion } from '../../src/impact/versions.js';
import { loadTwentsModel } from '../support/twents-model.js';

const CASE = 'test/fixtures/istandaard/cases/jeugdwet-modules-etmalen-euro.json';
const casus: unknown = JSON.parse(readFileSync(CASE, 'utf8'));

describe('explanation of a case priced as if a version applied on every day', () => {
  it('the playground shows the version’s real date and says it was priced as if it applied on all days', async () => {
    const { programs } = loadTwentsModel();
    const compiled = { ok: true as const, programs, diagnostics: [] };
    const r = await evaluateCase(compiled, 'rules/twents-model/2019.regels', casus, '2022');
    if (!r.ok) throw new Error(r.fout);
    const texts = r.explanation.map((s) => s.text).join('\n');
    expect(texts).not.toMatch(/1900/);
    expect(texts).toContain(
      'versie 2022 (geldig vanaf 1 januari 2022; berekend alsof deze versie op alle dagen gold)',
    );
    // The amounts are those of the version applied on every day.
    const sel = selectVersion(programs, '2022', 'proefgeval');
    if (!sel.ok) throw new Error(sel.message);
    const direct = await createEngine(sel.programs, { path: 'fast' }).evaluate(casus);
    expect(r.evaluation.ok && direct.ok && r.evaluation.total).toBe(direct.ok && direct.total);
    // Without a version: no note, the version of the case's dates.
    const plain = await evaluateCase(compiled, 'rules/twents-model/2019.regels', casus);
    if (!plain.ok) throw new Error(plain.fout);
    expect(plain.explanation.map((s) => s.text).join('\n')).not.toContain('alsof');
  });

  it('the engine’s explanation carries the real date and the as-if mark', async () => {
    const { programs } = loadTwentsModel();
    const sel = selectVersion(programs, '2021-07', 'basis');
    if (!sel.ok) throw new Error(sel.message);
    const ev = await createEngine(sel.programs).explain(casus);
    if (!ev.ok) throw new Error(JSON.stringify(ev.diagnostics));
    const parts = ev.explanation?.lines.flatMap((l) => l.parts) ?? [];
    expect(parts.length).toBeGreaterThan(0);
    for (const p of parts) expect([p.version, p.validFrom, p.asIf]).toEqual(['2021-07', '2021-07-01', true]);
    const text = renderExplanation(ev);
    expect(text).not.toMatch(/1900/);
    expect(text).toContain(
      'versie 2021-07 (geldig vanaf 2021-07-01; berekend alsof deze versie op alle dagen gold)',
    );
  });
});
