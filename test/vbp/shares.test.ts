import { describe, expect, it } from 'vitest';
import { minimumPrepayment, monitoringStart, reviewDemandReport, selectedProductShare, SunshineInputError, vbpVolumeRange } from '../../src/index';

describe('selectedProductShare', () => {
  it('matches the JSDoc example', () => {
    expect(
      selectedProductShare(
        [
          { genericName: '阿托伐他汀钙片', product: '中选A', selected: true, quantity: '700', amount: '70' },
          { genericName: '阿托伐他汀钙片', product: '原研B', selected: false, quantity: '300', amount: '930' },
        ],
        { agreedProportions: { 阿托伐他汀钙片: '0.7' } },
      )[0]?.meetsAgreedProportion,
    ).toBe(true);
  });

  it('gives the quantity and amount shares and lists non-selected purchases (ganzhou-2023 §2(3))', () => {
    const [s] = selectedProductShare(
      [
        { genericName: '氨氯地平片', product: '中选甲', selected: true, quantity: '600', amount: '60.00' },
        { genericName: '氨氯地平片', product: '原研乙', selected: false, quantity: '250', amount: '500.00' },
        { genericName: '氨氯地平片', product: '原研乙', selected: false, quantity: '50', amount: '100.00' },
        { genericName: '氨氯地平片', product: '仿制丙', selected: false, quantity: '100', amount: '40.00' },
      ],
      { agreedProportions: { 氨氯地平片: 0.7 } },
    );
    // quantity: 600 / 1000 = 0.6; amount: 60 / 700 = 0.0857…
    expect(s?.quantityShare?.toString()).toBe('0.6');
    expect(s?.amountShare?.toFixed(4)).toBe('0.0857');
    // 0.6 < 0.7: short of the agreed proportion by 10 points
    expect(s?.meetsAgreedProportion).toBe(false);
    expect(s?.gapPoints?.toString()).toBe('-10');
    expect(s?.nonSelected.map((n) => [n.product, n.quantity.toString(), n.amount.toString(), n.lines])).toEqual([
      ['原研乙', '300', '600', 2],
      ['仿制丙', '100', '40', 1],
    ]);
  });

  it('passes exactly at the agreed proportion, and has no verdict without one', () => {
    const lines = [
      { genericName: 'X', product: 'a', selected: true, quantity: '7', amount: '1' },
      { genericName: 'X', product: 'b', selected: false, quantity: '3', amount: '1' },
    ];
    expect(selectedProductShare(lines, { agreedProportions: { X: '0.7' } })[0]?.meetsAgreedProportion).toBe(true);
    expect(selectedProductShare(lines)[0]?.meetsAgreedProportion).toBeNull();
  });

  it('refuses bad input', () => {
    expect(() => selectedProductShare([{ genericName: 'X', product: 'a', selected: 'yes' as never, quantity: '1', amount: '1' }])).toThrow('purchases[0].selected expected true');
    expect(() => selectedProductShare([{ genericName: 'X', product: 'a', selected: true, quantity: '-1', amount: '1' }])).toThrow('purchases[0].quantity expected a non-negative');
    expect(() => selectedProductShare([], { agreedProportions: { X: '70%' } })).toThrow(SunshineInputError);
  });
});

describe('reviewDemandReport (ganzhou-2023 §2(1))', () => {
  it('matches the JSDoc example', () => {
    expect(reviewDemandReport({ reportedQuantity: '790', lastYearQuantity: '1000' }).flags.map((f) => f.code)).toEqual(['below-last-year', 'explanation-required']);
  });
  it('passes exactly 80% of history, though below last year', () => {
    const r = reviewDemandReport({ reportedQuantity: '800', lastYearQuantity: '1000' });
    expect(r.flags.map((f) => f.code)).toEqual(['below-last-year']);
    expect(r.shareOfHistory?.toString()).toBe('0.8');
    expect(r.flags[0]?.citation.clause).toBe('§2(1)');
  });
  it('compares with the historical quantity where given', () => {
    // 900 ≥ last year 850, but 900 < 0.8 × 1200 = 960
    expect(reviewDemandReport({ reportedQuantity: '900', lastYearQuantity: '850', historicalQuantity: '1200' }).flags.map((f) => f.code)).toEqual(['explanation-required']);
    expect(reviewDemandReport({ reportedQuantity: '1000', lastYearQuantity: '1000' }).ok).toBe(true);
  });
  it('flags an institution with history that did not report', () => {
    expect(reviewDemandReport({ reportedQuantity: null, lastYearQuantity: '120' }).flags.map((f) => f.code)).toEqual(['not-reported']);
    expect(reviewDemandReport({ reportedQuantity: null, lastYearQuantity: '0' }).ok).toBe(true);
  });
  it('refuses a policy without the rule and bad quantities', () => {
    expect(() => reviewDemandReport({ reportedQuantity: '1', lastYearQuantity: '1', policy: 'jiangsu-2022' })).toThrow('reviewDemandReport: policy expected a policy with vbp.demandReview');
    expect(() => reviewDemandReport({ reportedQuantity: '-1', lastYearQuantity: '1' })).toThrow('reportedQuantity expected a non-negative decimal quantity');
  });
});

describe('VBP parameters from policy data', () => {
  it('vbpVolumeRange: 50%–70% of yearly usage (yushe-2020 §3(1))', () => {
    expect(vbpVolumeRange('10000').max.toString()).toBe('7000');
    const r = vbpVolumeRange('12345.6');
    // 0.5 × 12345.6 = 6172.8; 0.7 × 12345.6 = 8641.92
    expect([r.min.toString(), r.max.toString(), r.citation.clause]).toEqual(['6172.8', '8641.92', '§3(1) (不低于…年度使用量的50%—70%)']);
    expect(() => vbpVolumeRange('100', 'jiangsu-2022')).toThrow('vbpVolumeRange: policy expected a policy with a VBP volume share');
  });
  it('minimumPrepayment: 30%, rounded up to the fen (yushe-2020 §3(2))', () => {
    expect(minimumPrepayment('1000.05').minimum.toFixed(2)).toBe('300.02');
    // 0.3 × 1000.05 = 300.015 exactly; rounding half up would also give 300.02, so check a case where it differs: 0.3 × 0.01 = 0.003 → 0.01
    expect(minimumPrepayment('0.01').minimum.toFixed(2)).toBe('0.01');
    expect(minimumPrepayment('1000.01').exact.toString()).toBe('300.003');
    expect(minimumPrepayment('1000.01').minimum.toFixed(2)).toBe('300.01');
    expect(minimumPrepayment('1000').minimum.toFixed(2)).toBe('300.00');
    expect(() => minimumPrepayment('-5')).toThrow(SunshineInputError);
  });
  it('monitoringStart: from the 3rd month, the month of effect being month 1 (ganzhou-2023 §2(2))', () => {
    expect(monitoringStart('2024-05-15')).toBe('2024-07-01');
    expect(monitoringStart('2024-05-01')).toBe('2024-07-01');
    expect(monitoringStart('2024-11-30')).toBe('2025-01-01');
    expect(monitoringStart('2024-12-01')).toBe('2025-02-01');
    expect(() => monitoringStart('2024-13-01')).toThrow('monitoringStart: effectiveDate expected a real civil date');
    expect(() => monitoringStart('2024-05-15', 'yushe-2020')).toThrow('policy expected a policy with a monitoring start month');
  });
});
