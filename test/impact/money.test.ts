import { describe, expect, it } from 'vitest';
import { cents, moneyText, percentage } from '../../src/impact/money.js';
import { bandOf } from '../../src/impact/tally.js';

describe('impact money (bigint cents)', () => {
  it('reads and writes money strings exactly', () => {
    expect(cents('1234.50')).toBe(123450n);
    expect(cents('0.5')).toBe(50n);
    expect(cents('-12.05')).toBe(-1205n);
    expect(moneyText(-1205n)).toBe('-12.05');
    expect(moneyText(5n)).toBe('0.05');
    expect(moneyText(123456789012345678901n)).toBe('1234567890123456789.01');
    expect(() => cents('12.345')).toThrow();
  });

  it('rounds percentages half away from zero, null on a zero basis', () => {
    expect(percentage(474n, 10000n)).toBe('4.74');
    expect(percentage(1n, 3n)).toBe('33.33');
    expect(percentage(2n, 3n)).toBe('66.67');
    expect(percentage(-2n, 3n)).toBe('-66.67');
    expect(percentage(1n, 200000n)).toBe('0.00');
    expect(percentage(1n, 0n)).toBeNull();
  });

  it('puts a change in its band: ± 0,1 % equal, 5 % between small and large', () => {
    expect(bandOf(100000n, 100100n)).toBe('gelijk');
    expect(bandOf(100000n, 100101n)).toBe('hoger_tot_5');
    expect(bandOf(100000n, 105000n)).toBe('hoger_tot_5');
    expect(bandOf(100000n, 105001n)).toBe('hoger_meer_dan_5');
    expect(bandOf(100000n, 99900n)).toBe('gelijk');
    expect(bandOf(100000n, 99899n)).toBe('lager_tot_5');
    expect(bandOf(100000n, 94999n)).toBe('lager_meer_dan_5');
    expect(bandOf(0n, 0n)).toBe('gelijk');
    expect(bandOf(0n, 1n)).toBe('hoger_meer_dan_5');
  });
});
