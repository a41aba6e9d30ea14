/**
 * The constructs of issue 15 that lang1 added, on both evaluators (json-rules-engine and the fast path), which
 * must agree to the cent, explanations included: whole numbers (`aantal`), reductions (`met -3 %`), and a
 * deleted tariff counted as vervallen by the diff.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ir } from '../../dsl/index.js';
import { diffPrograms, summarize } from '../../src/change/diff.js';
import { diffCsv } from '../../src/change/diff-csv.js';
import { createEngine } from '../../src/engine/evaluate.js';
import { compileSources, compileOne } from '../support/compile.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const fixture = (p: string): string => readFileSync(join(FIXTURES, p), 'utf8');
const folder = (p: string): Ir.Program[] =>
  compileSources(
    readdirSync(join(FIXTURES, p))
      .filter((f) => f.endsWith('.regels'))
      .map((f) => ({ path: f, text: fixture(join(p, f)) })),
  );

/** Evaluates on both paths, demands the same answer, and returns it. */
async function both(programs: readonly Ir.Program[], casus: unknown) {
  const jre = await createEngine(programs, { path: 'jre' }).evaluate(casus, { explain: true });
  const fast = await createEngine(programs, { path: 'fast' }).evaluate(casus, { explain: true });
  expect(fast).toEqual(jre);
  return jre;
}

describe('aantal: a whole number', () => {
  const program = compileOne(fixture('check/good/aantal-geheel.regels'));
  const casus = (kinderen: unknown) => ({
    kinderen,
    factor: '2.5',
    resultaten: [{ id: 'r1', periode: { van: '2024-01-01', tot: '2024-01-07' } }],
  });

  it('accepts 3 and "3"', async () => {
    for (const k of [3, '3']) expect((await both([program], casus(k))).ok).toBe(true);
  });

  it('refuses 2.5 and -1 with a Dutch message naming the field', async () => {
    for (const k of [2.5, '2.5', -1]) {
      const ev = await both([program], casus(k));
      expect(ev.ok).toBe(false);
      const text = ev.diagnostics.map((d) => `${d.path ?? ''} ${d.message}`).join('\n');
      expect(text).toContain('kinderen');
      expect(text).toContain('geen aantal');
    }
  });

  it('a getal field still takes 2.5', async () => {
    const ev = await both([program], casus(2));
    expect(ev.ok).toBe(true);
  });
});

describe('indexeer … met -3 %', () => {
  const programs = folder('versions/good/indexatie-verlaging');
  it('lowers every cell by 3 % on both paths', async () => {
    const ev = await both(programs, {
      resultaten: [{ id: 'r1', ob: 'OB2', int: 'zwaar', periode: { van: '2024-01-01', tot: '2024-01-07' } }],
    });
    expect(ev.ok).toBe(true);
    if (ev.ok) expect(ev.total).toBe('3.88');
  });
});

describe("a '-' over a tariff in wijzig tabel", () => {
  const [a, b] = folder('versions/bad/tarief-verwijderd');
  it('is counted as vervallen by the diff, not as gewijzigd', () => {
    if (!a || !b) throw new Error('twee versies verwacht');
    const d = diffPrograms(a, b);
    const s = summarize(d);
    expect(s.removed).toBe(1);
    expect(s.changedCells).toBe(1);
    expect(diffCsv(d)).toMatch(/tariefcel,t,OB2\/zwaar,[^\n]*vervallen/);
  });
  it('leaves no tariff on both paths', async () => {
    const ev = await both(
      [a, b].filter((p): p is Ir.Program => p !== undefined),
      {
        resultaten: [
          { id: 'r1', ob: 'OB2', int: 'zwaar', periode: { van: '2024-01-01', tot: '2024-01-07' } },
        ],
      },
    );
    expect(ev.diagnostics.map((d) => d.message).join('\n')).toContain(
      "t[OB2, zwaar] is leeg ('-') in versie 2024",
    );
  });
});

describe('maximum 40 ritten per maand', () => {
  const program = compileOne(fixture('check/good/maximum-hoeveelheid.regels'));
  const casus = (variant: string, aantal: string, tot: string) => ({
    resultaten: [{ id: 'r1', periode: { van: '2024-01-01', tot: '2024-01-07' } }],
    modules: [{ module: 'vervoer', variant, aantal, periode: { van: '2024-01-01', tot } }],
  });
  const vervoer = (ev: Awaited<ReturnType<typeof both>>) =>
    ev.ok ? ev.lines.find((l) => l.kind === 'module') : undefined;

  it('caps the quantity at 40 per month of the request, on both paths, and the explanation says so', async () => {
    const ev = await both([program], casus('rit', '100', '2024-02-29'));
    const line = vervoer(ev);
    expect(line?.amount).toBe('1000.00');
    expect(line?.quantity).toBe('80');
    const text = JSON.stringify(ev.ok ? ev.explanation : undefined);
    expect(text).toContain('maximum 40 ritten per maand: 80 ritten in deze periode; aangevraagd 100 ritten');
  });

  it('applies a quantity maximum and a euro maximum together, in either order, and explains both', async () => {
    for (const module of ['taxi', 'bus']) {
      const ev = await both([program], {
        resultaten: [{ id: 'r1', periode: { van: '2024-01-01', tot: '2024-01-07' } }],
        modules: [{ module, aantal: '100', periode: { van: '2024-01-01', tot: '2024-02-29' } }],
      });
      const line = vervoer(ev);
      expect(line?.amount).toBe('600.00');
      expect(line?.quantity).toBe('80');
      const text = JSON.stringify(ev.ok ? ev.explanation : undefined);
      expect(text).toContain(
        'maximum 40 ritten per maand: 80 ritten in deze periode; aangevraagd 100 ritten',
      );
      expect(text).toContain('"calculation":"€ 1.000,00; maximum € 600,00: € 600,00"');
    }
  });

  it('leaves a smaller request and another unit alone', async () => {
    expect(vervoer(await both([program], casus('rit', '50', '2024-02-29')))?.amount).toBe('625.00');
    expect(vervoer(await both([program], casus('km', '1000', '2024-01-31')))?.amount).toBe('450.00');
  });
});

describe("an empty field in a module's tarief or hoeveelheid", () => {
  const program = compileOne(fixture('check/good/leeg-veld-in-tarief.regels'));

  it('names the empty field, on both paths', async () => {
    const periode = { van: '2024-01-01', tot: '2024-01-07' };
    const ev = await both([program], {
      resultaten: [{ id: 'r1', periode }],
      modules: [
        { module: 'vervoer', periode },
        { module: 'keuze', periode },
      ],
    });
    const messages = ev.ok ? ev.diagnostics.map((d) => d.message) : [];
    expect(messages).toContain('Geen hoeveelheid voor vervoer (module 1): het veld aantal is leeg');
    expect(messages).toContain('Geen tarief voor keuze in versie 2024: het veld soort is leeg');
  });
});
