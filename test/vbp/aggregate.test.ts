import { describe, expect, it } from 'vitest';
import { aggregateVolumeProgress, institutionVolumeFile, SunshineInputError, type VolumeItem } from '../../src/index';

const Y2024 = { start: '2024-01-01', end: '2024-12-31' };

describe('aggregateVolumeProgress', () => {
  it('matches the JSDoc example', () => {
    expect(
      aggregateVolumeProgress(
        [
          { institutionId: 'H1', batch: 'B9', product: 'A', agreedQuantity: '100', purchasedQuantity: '90', cycle: { start: '2024-01-01', end: '2024-12-31' } },
          { institutionId: 'H1', batch: 'B9', product: 'B', agreedQuantity: '900', purchasedQuantity: '300', cycle: { start: '2024-01-01', end: '2024-12-31' } },
        ],
        { asOf: '2024-06-30', by: 'batch' },
      )[0]?.completionRate?.toString(),
    ).toBe('0.39');
  });

  const items: VolumeItem[] = [
    { institutionId: 'H1', batch: '第九批', product: 'A', agreedQuantity: '100', purchasedQuantity: '90', cycle: Y2024, region: { county: '东城区' } },
    { institutionId: 'H1', batch: '第九批', product: 'B', agreedQuantity: '900', purchasedQuantity: '300', cycle: Y2024, region: { county: '东城区' } },
    { institutionId: 'H2', batch: '第九批', product: 'A', agreedQuantity: '500', purchasedQuantity: '500', cycle: Y2024, region: { county: '西城区' } },
    { institutionId: 'H2', batch: '第八批', product: 'C', agreedQuantity: '0', purchasedQuantity: '20', cycle: Y2024, region: { county: '西城区' } },
  ];

  it('sums purchased over agreed, not a mean of completion rates (ganzhou-2023 §2(3))', () => {
    const [h1] = aggregateVolumeProgress(items, { asOf: '2024-06-30', by: 'institution' });
    // (90 + 300) / (100 + 900) = 0.39; the mean of 0.9 and 0.333… would be 0.6167
    expect(h1?.completionRate?.toString()).toBe('0.39');
    expect(h1?.agreedQuantity.toString()).toBe('1000');
    expect(h1?.remainingQuantity.toString()).toBe('610');
    // expected by 2024-06-30: 1000 × 182/366 = 497.267…; 390 is below 0.8 × 497.267… = 397.81 → warning
    expect(h1?.expectedQuantity.toFixed(3)).toBe('497.268');
    expect(h1?.status).toBe('warning');
    expect(h1?.statusCounts).toEqual({ 'on-track': 1, warning: 1 });
  });

  it('groups by batch, product and region', () => {
    expect(aggregateVolumeProgress(items, { asOf: '2024-06-30', by: 'batch' }).map((g) => [g.key, g.items, g.completionRate?.toString() ?? null])).toEqual([
      // (90 + 300 + 500) / (100 + 900 + 500) = 890 / 1500 = 0.59333…
      ['第九批', 3, expect.stringMatching(/^0\.59333/)],
      // nothing agreed in batch 8: no rate
      ['第八批', 1, null],
    ]);
    expect(aggregateVolumeProgress(items, { asOf: '2024-06-30', by: 'product' }).map((g) => g.key)).toEqual(['A', 'B', 'C']);
    expect(aggregateVolumeProgress(items, { asOf: '2024-06-30', by: 'county' }).map((g) => [g.key, g.agreedQuantity.toString()])).toEqual([
      ['东城区', '1000'],
      ['西城区', '500'],
    ]);
  });

  it('weights time progress by agreed quantity across different cycles, exactly', () => {
    // 366 agreed on 2024-01-01..12-31: 182/366 elapsed on 2024-06-30 → 182 expected;
    // 730 agreed on 2024-04-01..2025-03-31 (365 days): 91 elapsed → 730 × 91/365 = 182 expected; 364 in all
    const mixed: VolumeItem[] = [
      { institutionId: 'H', batch: 'X', product: 'P', agreedQuantity: '366', purchasedQuantity: '0', cycle: Y2024 },
      { institutionId: 'H', batch: 'X', product: 'Q', agreedQuantity: '730', purchasedQuantity: '364', cycle: { start: '2024-04-01', end: '2025-03-31' } },
    ];
    const [g] = aggregateVolumeProgress(mixed, { asOf: '2024-06-30', by: 'batch' });
    expect(g?.expectedQuantity.toDecimalPlaces(30).toString()).toBe('364');
    // 364 purchased = 364 expected → on track exactly
    expect(g?.status).toBe('on-track');
    expect(g?.warnings.map((w) => w.code)).toEqual(['mixed-cycles']);
  });

  it('refuses bad items and options', () => {
    expect(() => aggregateVolumeProgress(items, { asOf: '2024-06-30', by: 'ward' as never })).toThrow(SunshineInputError);
    expect(() => aggregateVolumeProgress([{ ...items[0]!, purchasedQuantity: '-3' }], { asOf: '2024-06-30', by: 'batch' })).toThrow('items[0].purchasedQuantity expected a non-negative decimal quantity');
    expect(() => aggregateVolumeProgress([{ ...items[0]!, batch: '' }], { asOf: '2024-06-30', by: 'batch' })).toThrow('items[0].batch expected a non-empty string');
  });
});

describe('institutionVolumeFile', () => {
  it('matches the JSDoc example', () => {
    expect(
      institutionVolumeFile([{ institutionId: 'H1', batch: 'B9', product: 'A', agreedQuantity: '100', purchasedQuantity: '100', cycle: { start: '2024-01-01', end: '2024-12-31' } }], {
        institutionId: 'H1',
        asOf: '2024-06-30',
      }).batches[0]?.products[0]?.status,
    ).toBe('completed');
  });

  it('lists each batch and product of one hospital with their sums (一院一档, ganzhou-2023 §2(3))', () => {
    const items: VolumeItem[] = [
      { institutionId: 'H1', batch: '第九批', product: 'A', agreedQuantity: '100', purchasedQuantity: '90', cycle: Y2024 },
      { institutionId: 'H2', batch: '第九批', product: 'A', agreedQuantity: '999', purchasedQuantity: '0', cycle: Y2024 },
      { institutionId: 'H1', batch: '第八批', product: 'C', agreedQuantity: '200', purchasedQuantity: '50', cycle: Y2024 },
      { institutionId: 'H1', batch: '第九批', product: 'B', agreedQuantity: '900', purchasedQuantity: '300', cycle: Y2024 },
    ];
    const file = institutionVolumeFile(items, { institutionId: 'H1', asOf: '2024-06-30' });
    expect(file.batches.map((b) => [b.batch, b.products.map((p) => p.product), b.total.completionRate?.toString()])).toEqual([
      ['第九批', ['A', 'B'], '0.39'],
      ['第八批', ['C'], '0.25'],
    ]);
    // 90/100 = 0.9 ≥ 182/366: on track; 50/200 = 0.25 < 0.8 × 0.4973 = 0.3978: warning
    expect(file.batches[0]?.products[0]?.status).toBe('on-track');
    expect(file.batches[1]?.products[0]?.status).toBe('warning');
    // the hospital: (90 + 300 + 50) / (100 + 900 + 200) = 440 / 1200 = 0.3666…
    expect(file.total.completionRate?.toFixed(4)).toBe('0.3667');
  });

  it('refuses an institution without items', () => {
    expect(() => institutionVolumeFile([], { institutionId: 'H9', asOf: '2024-06-30' })).toThrow('institutionVolumeFile: options.institutionId expected the id of an institution with agreed volumes in items, got "H9"');
  });
});
