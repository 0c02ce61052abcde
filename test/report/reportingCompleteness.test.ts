import { describe, expect, it } from 'vitest';
import { aggregateRates, measureOnlineRates, reportingCompleteness, SunshineInputError } from '../../src/index';
import { inst, line } from '../_helpers/lines';

const institutions = [inst('A', 'secondary', 'public', { city: '南通市' }), inst('B', 'secondary', 'public', { city: '南通市' }), inst('C', 'secondary', 'public', { city: '南通市' })];

describe('reportingCompleteness', () => {
  it('matches the JSDoc example', () => {
    const { measures } = measureOnlineRates([], { policy: 'ganzhou-2023', institutions: [{ id: 'A', level: 'primary', ownership: 'public' }] });
    expect(reportingCompleteness([{ period: '2024-01', measures }]).entries[0]?.status).toBe('not-reported');
  });

  // January: A buys drugs and consumables, B only drugs, C sends nothing
  const jan = measureOnlineRates(
    [line({ institutionId: 'A', amount: '90' }), line({ institutionId: 'A', amount: '10', channel: 'offline' }), line({ institutionId: 'A', amount: '5', category: 'consumable' }), line({ institutionId: 'B', amount: '40' })],
    { policy: 'jiangsu-2022', institutions },
  ).measures;

  it('tells reported, no purchases and not reported apart: missing is not zero', () => {
    const { entries } = reportingCompleteness([{ period: '2024-01', measures: jan }]);
    expect(entries.map((e) => [e.institutionId, e.measure, e.status])).toEqual([
      ['A', 'drug', 'reported'],
      ['A', 'consumable', 'reported'],
      ['B', 'drug', 'reported'],
      ['B', 'consumable', 'no-purchases'],
      ['C', 'drug', 'not-reported'],
      ['C', 'consumable', 'not-reported'],
    ]);
  });

  it('counts per region and level', () => {
    const { table } = reportingCompleteness([{ period: '2024-01', measures: jan }], { by: 'city' });
    // drugs: 3 expected, A and B reported, C not: (2 + 0) / 3 = 0.666…
    const drug = table.find((r) => r.measure === 'drug')!;
    expect([drug.region, drug.level, drug.expected, drug.reported, drug.noPurchases, drug.notReported, drug.notReportedIds]).toEqual(['南通市', 'secondary', 3, 2, 0, 1, ['C']]);
    expect(drug.shareReported?.toFixed(4)).toBe('0.6667');
    // consumables: A reported, B no purchases (it reported), C not: (1 + 1) / 3
    const cons = table.find((r) => r.measure === 'consumable')!;
    expect([cons.reported, cons.noPurchases, cons.notReported]).toEqual([1, 1, 1]);
    expect(cons.shareReported?.toFixed(4)).toBe('0.6667');
  });

  it('keeps periods apart', () => {
    const feb = measureOnlineRates([line({ institutionId: 'C', amount: '1', receivedOn: '2024-02-02' })], { policy: 'jiangsu-2022', institutions }).measures;
    const { table } = reportingCompleteness([
      { period: '2024-01', measures: jan },
      { period: '2024-02', measures: feb },
    ]);
    expect(table.filter((r) => r.measure === 'drug').map((r) => [r.period, r.notReportedIds])).toEqual([
      ['2024-01', ['C']],
      ['2024-02', ['A', 'B']],
    ]);
  });

  it('makes regional rates say which institutions did not report, without counting them as 0%', () => {
    const [drug] = aggregateRates(jan, { by: 'city' }).filter((r) => r.measure === 'drug');
    // (90 + 40) / (100 + 40) = 130 / 140 = 0.928…: C adds nothing to either sum
    expect(drug?.rate?.toFixed(4)).toBe('0.9286');
    expect(drug?.institutions).toBe(3);
    expect(drug?.notReported).toEqual(['C']);
    expect(drug?.warnings.map((w) => w.code)).toContain('institutions-not-reported');
  });

  it('refuses bad input', () => {
    expect(() => reportingCompleteness([{ period: 1 } as never])).toThrow(SunshineInputError);
    expect(() => reportingCompleteness([], { by: 'ward' as never })).toThrow('options.by expected one of');
  });
});
