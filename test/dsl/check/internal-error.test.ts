/**
 * A defect in regelwerk while checking one file (an exception in the checker) becomes RW9002 on that file; the
 * other files are still checked and reported (issue 9). The defect is simulated: no text can cause one.
 */
import { describe, expect, it, vi } from 'vitest';
import type * as CheckVersion from '../../../dsl/check/check-version.js';
import { compile } from '../../../dsl/index.js';

vi.mock('../../../dsl/check/check-version.js', async (importOriginal) => {
  const real = await importOriginal<typeof CheckVersion>();
  return {
    ...real,
    checkVersion: (...args: Parameters<typeof real.checkVersion>) => {
      if (args[0].file.path === 'kapot.regels') throw new RangeError('Maximum call stack size exceeded');
      return real.checkVersion(...args);
    },
  };
});

const file = (version: string, extra = ''): string =>
  `regelset "X"\nversie "${version}"\ngeldig vanaf ${version}-01-01\n\nparameter p = € 1,00\n${extra}`;

describe('an internal error in one file', () => {
  it('names that file and still checks the others', () => {
    const r = compile([
      { path: 'kapot.regels', text: file('2020') },
      { path: 'heel.regels', text: file('2021') },
    ]);
    expect(r.ok).toBe(false);
    const internal = r.diagnostics.filter((d) => d.code === 'RW9002');
    expect(internal.map((d) => d.file)).toEqual(['kapot.regels']);
    expect(internal[0]?.message).toContain('Maximum call stack size exceeded');
    expect(internal[0]?.message).toContain('De andere bestanden zijn wel gecontroleerd');
    // The other file was checked: its unused parameter is reported.
    expect(r.diagnostics.some((d) => d.file === 'heel.regels' && d.code === 'RW5101')).toBe(true);
  });
});
