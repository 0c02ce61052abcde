import { describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import { onlinePurchaseRate, SunshineInputError } from '../../src/index';

describe('onlinePurchaseRate', () => {
  it('matches the JSDoc example', () => {
    expect(onlinePurchaseRate({ platformAmount: '850', totalAmount: '1000' }).rate?.toFixed(2)).toBe('0.85');
  });

  it('divides the platform amount by the total (jiangsu-2022 annex 1 §1(1))', () => {
    // 1234.56 / 2000 = 0.61728
    const r = onlinePurchaseRate({ platformAmount: '1234.56', totalAmount: '2000' });
    expect(r.status).toBe('ok');
    expect(r.rate?.toString()).toBe('0.61728');
    expect(r.platformAmount.toString()).toBe('1234.56');
    expect(r.totalAmount.toString()).toBe('2000');
    expect(r.emergencyAmount.toString()).toBe('0');
  });

  it('keeps emergency purchases in the denominator (jiangsu-2022 annex 2)', () => {
    // total 1000 includes 100 of emergency purchases: 800 / 1000 = 0.8, not 800 / 900
    const r = onlinePurchaseRate({ platformAmount: '800', totalAmount: '1000', emergencyAmount: '100' });
    expect(r.rate?.toString()).toBe('0.8');
    expect(r.emergencyAmount.toString()).toBe('100');
  });

  it('gives no rate and status no-purchases for a zero total, never 0 or NaN', () => {
    const r = onlinePurchaseRate({ platformAmount: 0, totalAmount: '0.00' });
    expect(r.rate).toBeNull();
    expect(r.status).toBe('no-purchases');
    expect(r.warnings).toEqual([]);
  });

  it('flags platform above total as inconsistent, with a warning', () => {
    const r = onlinePurchaseRate({ platformAmount: '1001', totalAmount: '1000' });
    expect(r.status).toBe('inconsistent');
    expect(r.rate).toBeNull();
    expect(r.warnings.map((w) => w.code)).toEqual(['platform-exceeds-total']);
  });

  it('flags a negative total (returns larger than purchases) as inconsistent', () => {
    const r = onlinePurchaseRate({ platformAmount: '-50', totalAmount: '-20' });
    expect(r.status).toBe('inconsistent');
    expect(r.warnings.map((w) => w.code)).toEqual(['negative-total', 'negative-platform']);
  });

  it('flags a negative platform amount with a positive total as inconsistent', () => {
    const r = onlinePurchaseRate({ platformAmount: '-1', totalAmount: '100' });
    expect(r.status).toBe('inconsistent');
    expect(r.warnings.map((w) => w.code)).toEqual(['negative-platform']);
  });

  it('flags platform + emergency above the total as inconsistent', () => {
    // 900 + 200 = 1100 > 1000: the parts cannot exceed the whole
    const r = onlinePurchaseRate({ platformAmount: '900', totalAmount: '1000', emergencyAmount: '200' });
    expect(r.status).toBe('inconsistent');
    expect(r.warnings.map((w) => w.code)).toEqual(['parts-exceed-total']);
  });

  it('accepts a rate of exactly 1 and exactly 0', () => {
    expect(onlinePurchaseRate({ platformAmount: '5', totalAmount: '5' }).rate?.toString()).toBe('1');
    expect(onlinePurchaseRate({ platformAmount: '0', totalAmount: '5' }).rate?.toString()).toBe('0');
  });

  it('reads numbers by their shortest decimal form and Decimals exactly', () => {
    // 0.1 + 0.2 would be 0.30000000000000004 in binary floats; here 0.3 / 0.6 = 0.5 exactly
    const r = onlinePurchaseRate({ platformAmount: 0.3, totalAmount: new Decimal('0.6') });
    expect(r.rate?.toString()).toBe('0.5');
  });

  it('stays exact beyond 2^53 fen', () => {
    // 2^53 fen = 90071992547409.92 yuan; add one fen: a float would lose it
    const r = onlinePurchaseRate({ platformAmount: '90071992547409.93', totalAmount: '180143985094819.86' });
    // 90071992547409.93 × 2 = 180143985094819.86, so the rate is exactly 1/2
    expect(r.rate?.toString()).toBe('0.5');
    expect(r.platformAmount.toFixed(2)).toBe('90071992547409.93');
  });

  it.each([
    ['platformAmount', Number.NaN],
    ['platformAmount', Number.POSITIVE_INFINITY],
    ['platformAmount', '12,3'],
    ['platformAmount', '1e400'],
    ['platformAmount', ''],
    ['platformAmount', '¥100'],
    ['totalAmount', null],
    ['totalAmount', undefined],
  ])('refuses %s = %j with SunshineInputError naming the field', (fieldName, value) => {
    const input = { platformAmount: '1', totalAmount: '2', [fieldName]: value };
    expect(() => onlinePurchaseRate(input as never)).toThrow(SunshineInputError);
    expect(() => onlinePurchaseRate(input as never)).toThrow(new RegExp(`onlinePurchaseRate: ${fieldName} expected`));
  });

  it('refuses a NaN Decimal', () => {
    expect(() => onlinePurchaseRate({ platformAmount: new Decimal(NaN), totalAmount: '1' })).toThrow(SunshineInputError);
  });
});
