/**
 * VBP aggregation and shares at their edges: whole outputs pinned (statuses, counts, warnings,
 * citations), cycle boundaries, and every refusal with its message. Rules: ganzhou-2023 §2(2),
 * §2(3) (序时进度, 按项目、批次、品种监测, 中选产品占比), annex 1 (约定采购比例).
 */
import { describe, expect, it } from 'vitest';
import { aggregateVolumeProgress, selectedProductShare, SunshineInputError, type VolumeItem } from '../../src/index';
import { plain } from '../_helpers/results';

const item = (patch: Partial<VolumeItem> = {}): VolumeItem => ({
  institutionId: 'H1',
  batch: '第九批',
  product: 'A',
  agreedQuantity: '100',
  purchasedQuantity: '50',
  cycle: { start: '2024-01-01', end: '2024-01-10' },
  ...patch,
});

describe('aggregateVolumeProgress, whole outputs', () => {
  it('weights two cycles by agreed quantity and counts the items by status', () => {
    const [g, ...rest] = aggregateVolumeProgress(
      [item(), item({ product: 'B', agreedQuantity: '300', purchasedQuantity: '30', cycle: { start: '2024-01-01', end: '2024-01-20' } })],
      { asOf: '2024-01-05', by: 'institution' },
    );
    expect(rest).toEqual([]);
    // A: 5 of 10 days, expected 100 × 5/10 = 50, bought 50: on track (50 × 10 ≥ 100 × 5)
    // B: 5 of 20 days, expected 300 × 5/20 = 75, bought 30: 30 × 20 = 600 < 0.8 × 1500 = 1200: warning
    // group: agreed 400, bought 80, expected 50 + 75 = 125; completion 80/400 = 0.2, time 125/400 = 0.3125,
    // gap (0.2 − 0.3125) × 100 = −11.25; 80 < 0.8 × 125 = 100: warning; 400 − 80 = 320 remain
    expect(plain(g)).toEqual({
      key: 'H1',
      items: 2,
      agreedQuantity: '400',
      purchasedQuantity: '80',
      completionRate: '0.2',
      expectedQuantity: '125',
      timeProgress: '0.3125',
      gapPoints: '-11.25',
      remainingQuantity: '320',
      status: 'warning',
      label: '预警',
      statusCounts: { 'on-track': 1, warning: 1 },
      warnings: [{ code: 'mixed-cycles', message: '各项采购周期不同：序时进度按约定量加权 / the items have different cycles: time progress is weighted by agreed quantity' }],
    });
  });

  it('counts the first and the last day of a cycle as inside it', () => {
    // on its first day 1 of 10 days have passed: expected 10, bought 0 < 0.8 × 10: warning, not "not started"
    expect(aggregateVolumeProgress([item({ purchasedQuantity: '0' })], { asOf: '2024-01-01', by: 'product' })[0]?.status).toBe('warning');
    // on its last day the whole 100 is expected; 90 ≥ 0.8 × 100: behind, not "ended incomplete"
    expect(aggregateVolumeProgress([item({ purchasedQuantity: '90' })], { asOf: '2024-01-10', by: 'product' })[0]?.status).toBe('behind');
    // a day before and a day after
    const before = aggregateVolumeProgress([item({ purchasedQuantity: '0' }), item({ product: 'B', purchasedQuantity: '0' })], { asOf: '2023-12-31', by: 'batch' })[0];
    expect([before?.status, before?.expectedQuantity.toFixed(), before?.statusCounts]).toEqual(['not-started', '0', { 'not-started': 2 }]);
    const after = aggregateVolumeProgress([item({ purchasedQuantity: '90' }), item({ product: 'B', purchasedQuantity: '99' })], { asOf: '2024-01-11', by: 'batch' })[0];
    expect([after?.status, after?.label, after?.remainingQuantity.toFixed()]).toEqual(['ended-incomplete', '到期未完成', '11']);
    // one item started, one not: the group is not "not started"
    const mixed = aggregateVolumeProgress([item({ purchasedQuantity: '0' }), item({ product: 'B', purchasedQuantity: '0', cycle: { start: '2024-02-01', end: '2024-02-10' } })], { asOf: '2024-01-10', by: 'batch' })[0];
    expect(mixed?.statusCounts).toEqual({ warning: 1, 'not-started': 1 });
    expect(mixed?.status).toBe('warning');
  });

  it('gives no rates and no gap when nothing was agreed', () => {
    const [g] = aggregateVolumeProgress([item({ agreedQuantity: '0', purchasedQuantity: '5' })], { asOf: '2024-01-05', by: 'product' });
    expect(plain([g?.completionRate, g?.timeProgress, g?.gapPoints, g?.status, g?.remainingQuantity, g?.warnings])).toEqual([null, null, null, 'no-agreement', '0', []]);
  });

  it('groups by region fields and by a function; items without the field share one group', () => {
    const items = [
      item({ region: { province: '江西省', city: '赣州市' } }),
      item({ product: 'B', region: { province: '江西省' } }),
      item({ product: 'C' }),
      item({ product: 'D', region: { province: '江西省', city: '赣州市' } }),
    ];
    expect(aggregateVolumeProgress(items, { asOf: '2024-01-05', by: 'city' }).map((g) => [g.key, g.items])).toEqual([
      ['赣州市', 2],
      ['(未指定)', 2],
    ]);
    expect(aggregateVolumeProgress(items, { asOf: '2024-01-05', by: 'province' }).map((g) => [g.key, g.items])).toEqual([
      ['江西省', 3],
      ['(未指定)', 1],
    ]);
    expect(aggregateVolumeProgress(items, { asOf: '2024-01-05', by: (i) => (i.product === 'A' ? 1 : 2) as never }).map((g) => [g.key, g.items])).toEqual([
      ['1', 1],
      ['2', 3],
    ]);
  });

  it('refuses bad items and options, naming the field', () => {
    const fn = 'aggregateVolumeProgress: ';
    const ok = { asOf: '2024-01-05', by: 'batch' } as const;
    const cases: [() => unknown, string][] = [
      [() => aggregateVolumeProgress([item()], null as never), `${fn}options expected an options object { asOf, by }, got null`],
      [() => aggregateVolumeProgress([item()], 'batch' as never), `${fn}options expected an options object { asOf, by }, got "batch"`],
      [() => aggregateVolumeProgress([item()], { asOf: '2024-01-05', by: 'hospital' as never }), `${fn}options.by expected one of "institution", "batch", "product", "province", "city", "county", or a function, got "hospital"`],
      [() => aggregateVolumeProgress([item()], { asOf: '2024-1-5', by: 'batch' }), `${fn}options.asOf expected`],
      [() => aggregateVolumeProgress('items' as never, ok), `${fn}items expected an array of agreed volumes { institutionId, batch, product, agreedQuantity, purchasedQuantity, cycle }, got "items"`],
      [() => aggregateVolumeProgress([item(), null as never], ok), `${fn}items[1] expected an agreed volume object, got null`],
      [() => aggregateVolumeProgress([item(), 'x' as never], ok), `${fn}items[1] expected an agreed volume object, got "x"`],
      [() => aggregateVolumeProgress([item({ institutionId: '' })], ok), `${fn}items[0].institutionId expected a non-empty string, got ""`],
      [() => aggregateVolumeProgress([item({ batch: 9 as never })], ok), `${fn}items[0].batch expected a non-empty string, got 9`],
      [() => aggregateVolumeProgress([item({ product: undefined as never })], ok), `${fn}items[0].product expected a non-empty string, got undefined`],
      [() => aggregateVolumeProgress([item({ agreedQuantity: '-1' })], ok), `${fn}items[0].agreedQuantity expected`],
      [() => aggregateVolumeProgress([item({ purchasedQuantity: 'x' })], ok), `${fn}items[0].purchasedQuantity expected`],
      [() => aggregateVolumeProgress([item({ cycle: { start: '2024-01-10', end: '2024-01-01' } })], ok), `${fn}items[0].cycle`],
      [() => aggregateVolumeProgress([item()], { ...ok, warningRatio: '1.5' }), `${fn}warningRatio expected a share between 0 and 1 such as "0.8", got "1.5"`],
    ];
    for (const [call, message] of cases) {
      expect(call).toThrow(SunshineInputError);
      expect(call).toThrow(message);
    }
  });
});

describe('selectedProductShare, whole outputs', () => {
  const CITATIONS = [
    { policyId: 'ganzhou-2023', document: '赣市医保字〔2023〕28号', clause: '§2(3) (中选产品采购数量占比、采购金额占比、采购非中选产品情况)' },
    { policyId: 'ganzhou-2023', document: '赣市医保字〔2023〕28号', clause: 'annex 1 (集采中选药品使用比例达到约定采购比例)' },
  ];
  it('gives shares, the gap to the agreed proportion and the non-selected products', () => {
    const r = selectedProductShare(
      [
        { genericName: '阿托伐他汀钙片', product: '甲厂 20mg', selected: true, quantity: '60', amount: '120' },
        { genericName: '阿托伐他汀钙片', product: '乙厂 20mg', selected: false, quantity: '30', amount: '150' },
        { genericName: '阿托伐他汀钙片', product: '乙厂 20mg', selected: false, quantity: '10', amount: '50' },
        { genericName: '阿托伐他汀钙片', product: '丙厂 10mg', selected: false, quantity: '0', amount: '0' },
      ],
      { agreedProportions: { 阿托伐他汀钙片: '0.7' } },
    );
    // quantity 60 of 100 = 0.6 < 0.7: gap −10 points; amount 120 of 320 = 0.375
    expect(plain(r)).toEqual([
      {
        genericName: '阿托伐他汀钙片',
        selectedQuantity: '60',
        totalQuantity: '100',
        quantityShare: '0.6',
        selectedAmount: '120',
        totalAmount: '320',
        amountShare: '0.375',
        agreedProportion: '0.7',
        meetsAgreedProportion: false,
        gapPoints: '-10',
        nonSelected: [
          { product: '乙厂 20mg', quantity: '40', amount: '200', lines: 2 },
          { product: '丙厂 10mg', quantity: '0', amount: '0', lines: 1 },
        ],
        citations: CITATIONS,
      },
    ]);
  });

  it('has no shares without purchases and no verdict without an agreed proportion', () => {
    const [g] = selectedProductShare([{ genericName: 'X', product: 'p', selected: true, quantity: '0', amount: '0' }], { agreedProportions: { X: '0.5' } });
    expect(plain([g?.quantityShare, g?.amountShare, g?.meetsAgreedProportion, g?.gapPoints, g?.nonSelected])).toEqual([null, null, null, null, []]);
    const [h] = selectedProductShare([{ genericName: 'Y', product: 'p', selected: true, quantity: '2', amount: '4' }]);
    expect(plain([h?.quantityShare, h?.agreedProportion, h?.meetsAgreedProportion, h?.gapPoints])).toEqual(['1', null, null, null]);
  });

  it('refuses bad purchases and proportions, naming the field', () => {
    const fn = 'selectedProductShare: ';
    const p = { genericName: 'X', product: 'p', selected: true, quantity: '1', amount: '1' };
    const cases: [() => unknown, string][] = [
      [() => selectedProductShare('x' as never), `${fn}purchases expected an array of { genericName, product, selected, quantity, amount }, got "x"`],
      [() => selectedProductShare([p, null as never]), `${fn}purchases[1].genericName expected a non-empty generic name, got undefined`],
      [() => selectedProductShare([p, 'X' as never]), `${fn}purchases[1].genericName expected a non-empty generic name, got undefined`],
      [() => selectedProductShare([{ ...p, genericName: '' }]), `${fn}purchases[0].genericName expected a non-empty generic name, got ""`],
      [() => selectedProductShare([{ ...p, genericName: 5 as never }]), `${fn}purchases[0].genericName expected a non-empty generic name, got 5`],
      [() => selectedProductShare([{ ...p, selected: 'yes' as never }]), `${fn}purchases[0].selected expected true for a selected (中选) product, false otherwise, got "yes"`],
      [() => selectedProductShare([{ ...p, quantity: '-1' }]), `${fn}purchases[0].quantity expected`],
      [() => selectedProductShare([{ ...p, amount: '1,0' }]), `${fn}purchases[0].amount expected a finite decimal amount such as "1234.56", got "1,0"`],
      [() => selectedProductShare([p], { agreedProportions: { X: '1.01' } }), `${fn}options.agreedProportions.X expected a share between 0 and 1 such as "0.7", got "1.01"`],
      [() => selectedProductShare([p], { agreedProportions: { X: '-0.1' } }), `${fn}options.agreedProportions.X expected a share between 0 and 1`],
    ];
    for (const [call, message] of cases) {
      expect(call).toThrow(SunshineInputError);
      expect(call).toThrow(message);
    }
  });
});

describe('small edges', () => {
  it('lists a non-selected purchase without a product under an empty name', () => {
    const [g] = selectedProductShare([{ genericName: 'X', product: undefined as never, selected: false, quantity: '2', amount: '3' }]);
    expect(plain(g?.nonSelected)).toEqual([{ product: '', quantity: '2', amount: '3', lines: 1 }]);
  });
});
