import { describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import { parseAmount, SunshineInputError } from '../../src/index';

describe('parseAmount', () => {
  it('matches the JSDoc example', () => {
    expect(parseAmount('１,２３４.５万元', { lenient: true }).toFixed()).toBe('12345000');
  });
  it('reads plain decimals strictly by default', () => {
    expect(parseAmount('-1234.56').toFixed()).toBe('-1234.56');
    expect(parseAmount(12.5).toFixed()).toBe('12.5');
    expect(parseAmount(new Decimal('0.001')).toFixed()).toBe('0.001');
    expect(() => parseAmount(' 12')).toThrow(SunshineInputError);
  });
  it.each([
    ['1,234.56', '1234.56'],
    [' ¥1,234.56 ', '1234.56'],
    ['￥1,234,567', '1234567'],
    ['RMB 12', '12'],
    ['-￥300元', '-300'],
    ['(1,234.00)', '-1234'],
    ['１２３．４５', '123.45'],
    ['－５', '-5'],
    ['1 234 567.8', '1234567.8'],
    // 万元: × 10,000 — 12.5 万元 = 125,000 元
    ['12.5万元', '125000'],
    ['3万', '30000'],
    ['0.0001万元', '1'],
  ])('reads %j leniently as %s 元', (text, yuan) => {
    expect(parseAmount(text, { lenient: true }).toFixed()).toBe(yuan);
  });
  it('reads a column in 万元', () => {
    // 3.5 万元 = 35,000 元
    expect(parseAmount('3.5', { unit: 'wan-yuan' }).toFixed()).toBe('35000');
  });
  it.each(['12,3', '1,2345', '1,23.4', '12..5', '¥', '', '万元', 'abc', '1e5'])('refuses %j even leniently', (text) => {
    expect(() => parseAmount(text, { lenient: true })).toThrow(SunshineInputError);
  });
  it('refuses an unknown unit', () => {
    expect(() => parseAmount('1', { unit: 'jiao' as never })).toThrow('parseAmount: options.unit expected one of "yuan", "wan-yuan", got "jiao"');
  });
});
