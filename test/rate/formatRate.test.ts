import { describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import { formatRate, SunshineInputError } from '../../src/index';

describe('formatRate', () => {
  it('matches the JSDoc example', () => {
    expect(formatRate('0.849999')).toBe('85.00%');
  });
  it('rounds half up for display', () => {
    // 0.123450 × 100 = 12.345 → 12.35 (half up), where banker's rounding would give 12.34
    expect(formatRate(new Decimal('0.12345'))).toBe('12.35%');
    expect(formatRate('0.12344999')).toBe('12.34%');
    expect(formatRate('1')).toBe('100.00%');
    expect(formatRate(0)).toBe('0.00%');
  });
  it('takes the number of digits', () => {
    expect(formatRate('0.857142857', { digits: 0 })).toBe('86%');
    expect(formatRate('0.857142857', { digits: 4 })).toBe('85.7143%');
  });
  it('shows a missing rate as a dash', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(null, { empty: '无数据' })).toBe('无数据');
  });
  it('refuses bad input', () => {
    expect(() => formatRate('abc')).toThrow(SunshineInputError);
    expect(() => formatRate(Number.NaN)).toThrow(SunshineInputError);
    expect(() => formatRate('0.5', { digits: 2.5 })).toThrow('formatRate: options.digits expected an integer from 0 to 20, got 2.5');
  });
});
