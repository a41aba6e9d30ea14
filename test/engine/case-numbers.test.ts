/**
 * Numbers in a JSON case (issue 9): a text that reads differently as JSON and as the Dutch `.regels` notation
 * ("1.200", "12,50") is refused with the JSON notation in the message; values beyond the documented range or
 * precision are refused; -0 and "-0" are both 0.
 */
import { describe, expect, it } from 'vitest';
import { caseNumber, CASE_MAX_DECIMALS, CASE_MAX_INTEGER_DIGITS } from '../../src/engine/casus.js';
import { createEngine } from '../../src/engine/evaluate.js';
import { compileOne } from '../support/compile.js';
import { BASE_RULES } from '../support/pathological.js';

const program = compileOne(BASE_RULES);

const casus = (aantal: unknown): Record<string, unknown> => ({
  wet: 'jeugdwet',
  geboortedatum: '2010-05-01',
  ingangsdatum: '2024-01-01',
  resultaten: [
    {
      id: 'r1',
      perspectief: 'ontwikkelen',
      intensiteit: 'licht',
      bandbreedte: 'A',
      periode: { van: '2024-01-01', tot: '2024-06-30' },
    },
  ],
  modules: [{ module: 'vervoer', aantal, periode: { van: '2024-01-01', tot: '2024-06-30' } }],
});

async function messages(aantal: unknown): Promise<string[]> {
  const ev = await createEngine([program]).evaluate(casus(aantal));
  return ev.diagnostics.map((d) => d.message);
}

describe('numbers in a case', () => {
  it('refuses "1.200" with the JSON notation', async () => {
    const ms = await messages('1.200');
    expect(ms.join('\n')).toContain('"1.200" is dubbelzinnig');
    expect(ms.join('\n')).toContain('"1200"');
    expect(ms.join('\n')).toContain('"1.2"');
  });

  it('refuses a decimal comma with the JSON notation', async () => {
    expect((await messages('12,50')).join('\n')).toContain('schrijf "12.50"');
    expect(caseNumber('1.234,56')).toContain('schrijf "1234.56"');
  });

  it('accepts plain JSON numbers and texts, and prices them', async () => {
    for (const aantal of [10, '10', '10.0', ' 10 ']) {
      const ev = await createEngine([program]).evaluate(casus(aantal));
      expect(ev.ok, JSON.stringify(ev.diagnostics)).toBe(true);
      if (ev.ok) expect(ev.total).toBe('1425.00');
    }
    expect(caseNumber('0.500')?.toString()).toBe('0.5');
  });

  it('refuses values beyond the range or precision a case can hold', async () => {
    const sixty = '1'.repeat(60);
    expect((await messages(sixty)).join('\n')).toContain('valt buiten wat een geval kan bevatten');
    expect((await messages(1e60)).join('\n')).toContain('valt buiten');
    expect(caseNumber('1'.repeat(CASE_MAX_INTEGER_DIGITS))).not.toBeTypeOf('string');
    expect(caseNumber('1'.repeat(CASE_MAX_INTEGER_DIGITS + 1))).toBeTypeOf('string');
    expect(caseNumber(`0.${'1'.repeat(CASE_MAX_DECIMALS)}`)).not.toBeTypeOf('string');
    expect(caseNumber(`0.${'1'.repeat(CASE_MAX_DECIMALS + 1)}`)).toBeTypeOf('string');
  });

  it('a JSON number too large for a double (1e400) is named as written, never "Infinity"', async () => {
    for (const [text, said] of [
      ['1e400', 'een getal van 1e309 of meer (geschreven als bijvoorbeeld 1e400)'],
      ['-1e400', 'een getal van -1e309 of minder'],
    ] as const) {
      const ms = (await messages(JSON.parse(text) as unknown)).join('\n');
      expect(ms).toContain(said);
      expect(ms).toContain('is geen getal dat regelwerk kan gebruiken');
      expect(ms).not.toContain('Infinity');
    }
  });

  it('treats -0 and "-0" the same: as 0', async () => {
    const a = await createEngine([program]).evaluate(casus(-0));
    const b = await createEngine([program]).evaluate(casus('-0'));
    expect(a.ok).toBe(true);
    expect(b).toEqual(a);
  });
});
