import { describe, expect, it } from 'vitest';
import { aggregateRates, checkTargets, measureOnlineRates, SunshineInputError, type PolicyId } from '../../src/index';
import { inst, line } from '../_helpers/lines';

function drugOnly(platform: string, offline: string, level: 'tertiary' | 'secondary' | 'primary' = 'tertiary', policy: PolicyId = 'jiangsu-2022') {
  return measureOnlineRates([line({ institutionId: 'H', amount: platform }), line({ institutionId: 'H', amount: offline, channel: 'offline' })], {
    policy,
    institutions: [inst('H', level, 'public', { city: '南通市' })],
  }).measures;
}

describe('checkTargets', () => {
  it('matches the JSDoc example', () => {
    const { measures } = measureOnlineRates(
      [
        { institutionId: 'H1', receivedOn: '2024-01-05', category: 'drug', channel: 'platform', amount: '849999', insuranceCode: 'X' },
        { institutionId: 'H1', receivedOn: '2024-01-05', category: 'drug', channel: 'offline', amount: '150001', insuranceCode: 'X' },
      ],
      { policy: 'jiangsu-2022', institutions: [{ id: 'H1', level: 'tertiary', ownership: 'public' }] },
    );
    expect(checkTargets(measures, 'jiangsu-2022')[0]?.meets).toBe(false);
  });

  it('passes exactly 85% for drugs: 不低于 lets the target itself pass (jiangsu-2022 main text §1(3))', () => {
    // 850 / (850 + 150) = 0.85
    const [drug] = checkTargets(drugOnly('850', '150'), 'jiangsu-2022');
    expect(drug?.meets).toBe(true);
    expect(drug?.target.toString()).toBe('0.85');
    expect(drug?.marginPoints?.toString()).toBe('0');
    expect(drug?.shortfallAmount?.toString()).toBe('0');
    expect(drug?.citation).toEqual({ policyId: 'jiangsu-2022', document: '苏医保发〔2022〕38号', clause: 'main text §1(3)' });
    expect(drug?.subject).toEqual({ type: 'institution', id: 'H' });
    expect(drug?.by).toBe('2022-12-31');
  });

  it('fails 84.9999% though it shows as 85.00%', () => {
    // 849999 / 1000000 = 0.849999; shortfall 0.85 × 1000000 − 849999 = 1; margin (0.849999 − 0.85) × 100 = −0.0001
    const [drug] = checkTargets(drugOnly('849999', '150001'), 'jiangsu-2022');
    expect(drug?.meets).toBe(false);
    expect(drug?.shortfallAmount?.toString()).toBe('1');
    expect(drug?.marginPoints?.toString()).toBe('-0.0001');
    expect(drug?.comparison).toBe('exact');
  });

  it('compares the displayed value when asked', () => {
    // 84.9999% shows as 85.00% → passes; 84.994999% shows as 84.99% → fails
    expect(checkTargets(drugOnly('849999', '150001'), 'jiangsu-2022', { compare: 'display' })[0]?.meets).toBe(true);
    expect(checkTargets(drugOnly('84994999', '15005001'), 'jiangsu-2022', { compare: 'display' })[0]?.meets).toBe(false);
    // with 0 digits, 84.5% shows as 85% (half up) → passes
    expect(checkTargets(drugOnly('845', '155'), 'jiangsu-2022', { compare: 'display', digits: 0 })[0]?.meets).toBe(true);
    // the shortfall stays exact: 850 − 845 = 5
    expect(checkTargets(drugOnly('845', '155'), 'jiangsu-2022', { compare: 'display', digits: 0 })[0]?.shortfallAmount?.toString()).toBe('5');
  });

  it('names both ways to reach the target: move purchases, or add new ones (the total growing with them)', () => {
    // P = 800, T = 1000, t = 0.85: move 0.85 × 1000 − 800 = 50 onto the platform,
    // or buy x new on the platform: (800 + x) / (1000 + x) = 0.85 ⇒ x = 50 / 0.15 = 333.33…
    const [drug] = checkTargets(drugOnly('800', '200'), 'jiangsu-2022');
    expect(drug?.shortfallScenarios?.moveToPlatform.toString()).toBe('50');
    expect(drug?.shortfallScenarios?.addPlatformPurchases?.toFixed(4)).toBe('333.3333');
    // check: (800 + 333.33…) / (1000 + 333.33…) = 1133.33… / 1333.33… = 0.85
    const x = drug!.shortfallScenarios!.addPlatformPurchases!;
    expect(x.plus(800).dividedBy(x.plus(1000)).toDecimalPlaces(20).toString()).toBe('0.85');
    // met: both zero
    expect(checkTargets(drugOnly('900', '100'), 'jiangsu-2022')[0]?.shortfallScenarios).toEqual({ moveToPlatform: expect.anything(), addPlatformPurchases: expect.anything() });
    expect(checkTargets(drugOnly('900', '100'), 'jiangsu-2022')[0]?.shortfallScenarios?.addPlatformPurchases?.toString()).toBe('0');
  });

  it('checks consumables against 75% (jiangsu-2022 main text §1(3))', () => {
    const { measures } = measureOnlineRates(
      [line({ institutionId: 'H', amount: '740', category: 'consumable' }), line({ institutionId: 'H', amount: '260', category: 'consumable', channel: 'offline' })],
      { policy: 'jiangsu-2022', institutions: [inst('H', 'secondary')] },
    );
    const checks = checkTargets(measures, 'jiangsu-2022');
    // drugs: no lines → meets null; consumables: 740 / 1000 = 0.74 < 0.75, shortfall 750 − 740 = 10
    expect(checks.map((c) => [c.measure, c.meets, c.shortfallAmount?.toString() ?? null])).toEqual([
      ['drug', null, null],
      ['consumable', false, '10'],
    ]);
    expect(checks[1]?.marginPoints?.toString()).toBe('-1');
  });

  it('checks drugs ≥ 90% and high-value consumables ≥ 80% for institutions under ganzhou-2023 (annex 1)', () => {
    const { measures } = measureOnlineRates(
      [
        line({ institutionId: 'H', amount: '900' }),
        line({ institutionId: 'H', amount: '100', channel: 'offline' }),
        line({ institutionId: 'H', amount: '79', category: 'consumable', highValue: true }),
        line({ institutionId: 'H', amount: '21', category: 'consumable', highValue: true, channel: 'offline' }),
        line({ institutionId: 'H', amount: '500', category: 'consumable', channel: 'offline' }),
      ],
      { policy: 'ganzhou-2023', institutions: [inst('H', 'primary')] },
    );
    const checks = checkTargets(measures, 'ganzhou-2023');
    // drugs 900/1000 = 0.9 ≥ 0.9; high-value 79/100 = 0.79 < 0.8, shortfall 80 − 79 = 1; plain consumables have no target
    expect(checks.map((c) => [c.measure, c.meets, c.shortfallAmount?.toString()])).toEqual([
      ['drug', true, '0'],
      ['consumable-high-value', false, '1'],
    ]);
    expect(checks[1]?.citation.clause).toBe('annex 1 (高值医用耗材网采率≥80%)');
  });

  it('checks regions where the policy binds regions (ganzhou-2023 annex 1), not under jiangsu-2022', () => {
    const institutions = [inst('A', 'secondary', 'public', { city: '赣州市', county: '章贡区' }), inst('B', 'secondary', 'public', { city: '赣州市', county: '章贡区' })];
    const lines = [
      line({ institutionId: 'A', amount: '95' }),
      line({ institutionId: 'A', amount: '5', channel: 'offline' }),
      line({ institutionId: 'B', amount: '850' }),
      line({ institutionId: 'B', amount: '150', channel: 'offline' }),
    ];
    const gz = measureOnlineRates(lines, { policy: 'ganzhou-2023', institutions });
    const regions = aggregateRates(gz.measures, { by: 'county' });
    const drug = checkTargets(regions, 'ganzhou-2023').filter((c) => c.measure === 'drug');
    // (95 + 850) / (100 + 1000) = 945 / 1100 = 0.8590… < 0.9; shortfall 0.9 × 1100 − 945 = 990 − 945 = 45
    expect(drug).toHaveLength(1);
    expect(drug[0]?.subject).toEqual({ type: 'region', id: '赣州市/章贡区|secondary' });
    expect(drug[0]?.meets).toBe(false);
    expect(drug[0]?.shortfallAmount?.toString()).toBe('45');
    const js = measureOnlineRates(lines, { policy: 'jiangsu-2022', institutions });
    expect(checkTargets(aggregateRates(js.measures, { by: 'county' }), 'jiangsu-2022')).toEqual([]);
  });

  it('skips institutions outside the policy and warns when measures come from another policy', () => {
    const primary = drugOnly('90', '10', 'primary', 'ganzhou-2023');
    expect(checkTargets(primary, 'jiangsu-2022')).toEqual([]);
    const tertiary = drugOnly('90', '10', 'tertiary', 'ganzhou-2023');
    const [drug] = checkTargets(tertiary, 'jiangsu-2022');
    expect(drug?.meets).toBe(true);
    expect(drug?.warnings.map((w) => w.code)).toEqual(['policy-mismatch']);
  });

  it('gives meets null with a warning for inconsistent data', () => {
    const [drug] = checkTargets(drugOnly('100', '-300'), 'jiangsu-2022');
    expect(drug?.status).toBe('inconsistent');
    expect(drug?.meets).toBeNull();
    expect(drug?.shortfallAmount).toBeNull();
    expect(drug?.warnings.map((w) => w.code)).toEqual(['inconsistent-data']);
  });

  it('gives no checks for a policy without numeric targets (hunan-2023)', () => {
    expect(checkTargets(drugOnly('1', '1', 'tertiary', 'hunan-2023'), 'hunan-2023')).toEqual([]);
  });

  it('refuses bad input', () => {
    expect(() => checkTargets(drugOnly('1', '1'), 'nowhere-2020' as never)).toThrow(SunshineInputError);
    expect(() => checkTargets(drugOnly('1', '1'), 'jiangsu-2022', { compare: 'rounded' as never })).toThrow(
      'checkTargets: options.compare expected one of "exact", "display", got "rounded"',
    );
    expect(() => checkTargets([{}] as never, 'jiangsu-2022')).toThrow('checkTargets: measures[0] expected a measure');
  });
});
