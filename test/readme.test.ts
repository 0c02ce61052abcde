import { describe, expect, it } from 'vitest';
import { aggregateRates, checkTargets, formatRate, measureOnlineRates, SECONDARY_AND_ABOVE, SunshineInputError, type InstitutionInput, type PurchaseLineInput } from '../src/index';

describe('README usage example', () => {
  it('gives the figures the README shows', () => {
    const institutions: InstitutionInput[] = [
      { id: 'H01', name: '示例市第一人民医院', level: 'tertiary', ownership: 'public', region: { province: '江苏省', city: '南通市' } },
      { id: 'H02', name: '解放军某医院', level: 'secondary', ownership: 'military', region: { province: '江苏省', city: '南通市' } },
    ];
    const lines: PurchaseLineInput[] = [
      { institutionId: 'H01', receivedOn: '2024-01-05', category: 'drug', insuranceCode: 'XA01', channel: 'platform', amount: '850000.00' },
      { institutionId: 'H01', receivedOn: '2024-01-09', category: 'drug', insuranceCode: 'XA02', channel: 'emergency', amount: '20000.00' },
      { institutionId: 'H01', receivedOn: '2024-02-11', category: 'drug', kind: 'tcm-decoction-pieces', channel: 'offline', amount: '60000.00' },
      { institutionId: 'H02', receivedOn: '2024-03-01', category: 'consumable', insuranceCode: 'C01', channel: 'offline', amount: '1,200.00' },
    ];
    const { measures, ledger } = measureOnlineRates(lines, { policy: 'jiangsu-2022', institutions, period: { from: '2024-01-01', to: '2024-03-31' } });
    // 850000 / (850000 + 20000) = 0.977011… → 97.70%
    expect(formatRate(measures[0]!.rate)).toBe('97.70%');
    expect(ledger.excluded.byReason['excluded-kind'].lines).toBe(1);
    expect(ledger.excluded.byReason['excluded-kind'].amount.toString()).toBe('60000');
    expect(ledger.rejected.reasons[0]).toMatchObject({ index: 3, field: 'amount', value: '1,200.00' });
    const regions = aggregateRates(measures, { by: 'city', levelGroups: SECONDARY_AND_ABOVE });
    const checks = checkTargets([...measures, ...regions], 'jiangsu-2022');
    expect(checks[0]).toMatchObject({ meets: true, citation: { clause: 'main text §1(3)' } });
    expect(checks[0]!.target.toString()).toBe('0.85');
    // (0.977011… − 0.85) × 100 = 12.70…
    expect(checks[0]!.marginPoints!.toFixed(2)).toBe('12.70');
    expect(checks[0]!.shortfallAmount!.toString()).toBe('0');
  });
});

describe('README usage example (English)', () => {
  it('gives the figures, warnings and refusal the README shows', () => {
    const institutions: InstitutionInput[] = [{ id: 'H01', name: 'First People’s Hospital', level: 'tertiary', ownership: 'public', region: { province: '江苏省', city: '南通市' } }];
    const lines: PurchaseLineInput[] = [
      { institutionId: 'H01', receivedOn: '2024-01-05', category: 'drug', insuranceCode: 'XA01', channel: 'platform', amount: '850000.00' },
      { institutionId: 'H01', receivedOn: '2024-01-09', category: 'drug', insuranceCode: 'XA02', channel: 'offline', amount: '150000.00' },
    ];
    const { measures, ledger, warnings } = measureOnlineRates(lines, { policy: 'jiangsu-2022', institutions, period: { from: '2024-01-01', to: '2024-03-31' } });
    // 850000 / (850000 + 150000) = 0.85 exactly
    expect(formatRate(measures[0]!.rate)).toBe('85.00%');
    expect(ledger.balanced).toBe(true);
    expect(warnings).toEqual([]);
    // 0.85 ≥ 0.85 (jiangsu-2022 main text §1(3): 不低于)
    expect(checkTargets(measures, 'jiangsu-2022')[0]!.meets).toBe(true);
    const rows: unknown[] = JSON.parse('[{"institutionId":"H01","receivedOn":"2024/01/05","category":"drug","channel":"platform","amount":"1"}]');
    expect(measureOnlineRates(rows as PurchaseLineInput[], { policy: 'jiangsu-2022', institutions }).warnings[0]!.code).toBe('all-lines-rejected');
    expect(() => measureOnlineRates(lines, JSON.parse('{"policy":"jiangsu-2022","institutions":[],"peroid":{}}'))).toThrow(SunshineInputError);
    expect(() => measureOnlineRates(lines, JSON.parse('{"policy":"jiangsu-2022","institutions":[],"peroid":{}}'))).toThrow('measureOnlineRates: options.peroid is not an option; did you mean "period"?');
  });
});
