import { describe, expect, it } from 'vitest';
import {
  SharedDecimals,
  dec,
  dutch,
  isDec,
  moneyString,
  parseDecimal,
  roundDec,
  times,
} from '../../src/engine/decimal.js';
import { RuntimeCache, call } from '../../src/engine/builtins.js';
import { daysInclusive, isIsoDate, monthsFraction, wholeYears } from '../../src/calendar/dates.js';
import type { Value } from '../../src/engine/values.js';

const r = (s: string, decimals: number, mode: 'half_omhoog' | 'half_even' | 'omlaag' | 'omhoog') =>
  roundDec(dec(s), { decimals, mode }).toFixed();
const rc = new RuntimeCache(new SharedDecimals());
const q = (fn: 'dagen' | 'weken' | 'vierweken' | 'maanden' | 'etmalen', from: string, to: string): string => {
  const v: Value = call(fn, [{ from, to }], rc);
  return typeof v === 'object' && v !== null && 'toFixed' in v ? v.toFixed() : String(v);
};

describe('decimal and rounding', () => {
  it('rounds with the four declared modes', () => {
    expect(r('2.345', 2, 'half_omhoog')).toBe('2.35');
    expect(r('-2.345', 2, 'half_omhoog')).toBe('-2.35');
    expect(r('2.345', 2, 'half_even')).toBe('2.34');
    expect(r('2.355', 2, 'half_even')).toBe('2.36');
    expect(r('2.349', 2, 'omlaag')).toBe('2.34');
    expect(r('-2.341', 2, 'omlaag')).toBe('-2.35');
    expect(r('2.341', 2, 'omhoog')).toBe('2.35');
    expect(r('-2.349', 2, 'omhoog')).toBe('-2.34');
    expect(r('1234.5', 0, 'half_omhoog')).toBe('1235');
  });
  it('is exact where floats are not', () => {
    expect(dec('0.1').plus(dec('0.2')).eq(dec('0.3'))).toBe(true);
    expect(moneyString(dec('136.20').times(dec(181).div(7)))).toBe('3521.74');
    expect(moneyString(dec('1234.5'))).toBe('1234.50');
  });
  it('parses input decimals strictly', () => {
    expect(parseDecimal('12.50')?.toFixed()).toBe('12.5');
    expect(parseDecimal(40)?.toFixed()).toBe('40');
    expect(parseDecimal('12,50')).toBeUndefined();
    expect(parseDecimal('1e5')).toBeUndefined();
    expect(parseDecimal(Number.NaN)).toBeUndefined();
  });
  it('formats Dutch numbers', () => {
    expect(dutch(dec('3387.29'), 2)).toBe('3.387,29');
    expect(dutch(dec(181).div(7))).toBe('25,857143…');
    expect(dutch(dec('1250000'), 2)).toBe('1.250.000,00');
  });
});

describe('period conventions', () => {
  it('counts days inclusively, weeks and four-weeks exactly', () => {
    expect(q('dagen', '2019-01-01', '2019-01-01')).toBe('1');
    expect(q('dagen', '2019-01-01', '2019-06-30')).toBe('181');
    expect(q('weken', '2019-01-01', '2019-01-14')).toBe('2');
    expect(q('vierweken', '2019-01-01', '2019-01-28')).toBe('1');
    expect(q('etmalen', '2020-02-01', '2020-03-01')).toBe('30');
  });
  it('counts calendar months pro rata by days, leap years included', () => {
    expect(q('maanden', '2019-01-01', '2019-12-31')).toBe('12');
    expect(q('maanden', '2019-01-01', '2019-01-31')).toBe('1');
    expect(q('maanden', '2020-02-01', '2020-02-29')).toBe('1');
    expect(q('maanden', '2019-02-01', '2019-02-28')).toBe('1');
    // 15/29 (February 2024) + 5 months + 14/31 (August)
    const f = monthsFraction('2024-02-15', '2024-08-14');
    expect(
      dec(f.numerator)
        .div(f.denominator)
        .eq(dec(15).div(29).plus(5).plus(dec(14).div(31))),
    ).toBe(true);
    expect(q('maanden', '2019-01-16', '2019-02-14')).toBe(dec(16).div(31).plus(dec(14).div(28)).toFixed());
  });
  it('counts whole years as an age, 29 February included', () => {
    expect(wholeYears('2001-05-01', '2019-04-30')).toBe(17);
    expect(wholeYears('2001-05-01', '2019-05-01')).toBe(18);
    expect(wholeYears('2008-02-29', '2009-02-28')).toBe(0);
    expect(wholeYears('2008-02-29', '2009-03-01')).toBe(1);
    expect(wholeYears('2008-02-29', '2012-02-29')).toBe(4);
  });
  it('multiplies by a period quotient exactly (division last)', () => {
    const weeks = call('weken', [{ from: '2021-07-01', to: '2021-07-25' }], rc);
    if (!isDec(weeks)) throw new Error('weken gives a decimal');
    // 22,463 × 25/7 = 80,225 exactly; with 25/7 cut off at 40 digits the plain product is 80,22499…
    expect(dec('22.463').times(weeks).toDecimalPlaces(2, 1).toFixed()).toBe('80.22');
    expect(times(dec('22.463'), weeks).toFixed()).toBe('80.225');
    expect(times(weeks, dec('22.463')).toFixed()).toBe('80.225');
    expect(roundDec(times(dec('22.463'), weeks), { decimals: 2, mode: 'half_omhoog' }).toFixed()).toBe(
      '80.23',
    );
    expect(times(dec('2'), dec('3.5')).toFixed()).toBe('7');
  });
  it('knows real dates', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('2019-13-01')).toBe(false);
    expect(isIsoDate('2019-1-01')).toBe(false);
    expect(daysInclusive('2019-12-31', '2020-01-01')).toBe(2);
  });
});
