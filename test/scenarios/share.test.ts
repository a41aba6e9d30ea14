/** Coverage percentages are rounded to a tenth, not cut off; only all is 100 % and only none 0 %. */
import { describe, expect, it } from 'vitest';
import { formatShare, renderCoverage, type VersionCoverage } from '../../src/scenarios/coverage.js';

describe('formatShare', () => {
  it('rounds to a tenth, half up, in Dutch notation', () => {
    expect(formatShare(3, 11)).toBe('27,3 %'); // 27,27 %: cut off it would read 27,2 %
    expect(formatShare(2, 3)).toBe('66,7 %');
    expect(formatShare(1, 3)).toBe('33,3 %');
    expect(formatShare(1, 16)).toBe('6,3 %'); // 6,25 %
    expect(formatShare(1, 2)).toBe('50 %');
    expect(formatShare(11, 11)).toBe('100 %');
    expect(formatShare(0, 11)).toBe('0 %');
  });

  it('says 100 % only for all and 0 % only for none', () => {
    expect(formatShare(9999, 10000)).toBe('99,9 %');
    expect(formatShare(1, 10000)).toBe('0,1 %');
  });

  it('has no share of nothing', () => {
    expect(formatShare(0, 0)).toBe('–');
  });
});

describe('renderCoverage', () => {
  it('shows the rounded share', () => {
    const coverage: VersionCoverage = {
      version: '1',
      ruleset: 'T',
      file: 't.regels',
      rules: { total: 11, fired: ['a', 'b', 'c'], notFired: [], inheritedFrom: {} },
      modules: { total: 0, allowed: [], refused: [], untested: [] },
      cells: { total: 12, used: 1, unusedPerTable: {} },
    };
    const text = renderCoverage([coverage]);
    expect(text).toMatch(/regels: +3\/11 geraakt \(27,3 %\)/);
    expect(text).toMatch(/tariefcellen: 1\/12 gebruikt \(8,3 %\)/);
    expect(text).toMatch(/27,3 %/);
    expect(text).not.toMatch(/27,2 %/);
  });
});
