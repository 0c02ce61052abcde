import { describe, expect, it } from 'vitest';
import { comparePeers, measureOnlineRates, mostImproved, SunshineInputError } from '../../src/index';
import { inst, line } from '../_helpers/lines';
import { refusal } from '../_helpers/refusal';

const ids = ['A', 'B', 'C', 'D', 'E'];
const institutions = ids.map((id) => inst(id, 'secondary', 'public', { city: '南通市' }));
const measuresOf = (amounts: Record<string, [string, string]>, receivedOn = '2024-01-15') =>
  measureOnlineRates(
    Object.entries(amounts).flatMap(([id, [p, o]]) => [line({ institutionId: id, amount: p, receivedOn }), line({ institutionId: id, amount: o, channel: 'offline', receivedOn })]),
    { policy: 'jiangsu-2022', institutions },
  ).measures;

// rates: A 90/100 = 0.9, B 50/100 = 0.5, C 70/100 = 0.7, D 70/100 = 0.7; E has no purchases
const jan = measuresOf({ A: ['90', '10'], B: ['50', '50'], C: ['70', '30'], D: ['70', '30'] });

describe('comparePeers', () => {
  it('matches the JSDoc example', () => {
    const { measures } = measureOnlineRates(
      [['A', '90', '10'], ['B', '50', '50'], ['C', '70', '30']].flatMap(([id, p, o]) => [
        { institutionId: id!, receivedOn: '2024-01-05', category: 'drug', channel: 'platform', amount: p!, insuranceCode: 'X' },
        { institutionId: id!, receivedOn: '2024-01-05', category: 'drug', channel: 'offline', amount: o!, insuranceCode: 'X' },
      ]),
      { policy: 'jiangsu-2022', institutions: ['A', 'B', 'C'].map((id) => ({ id, level: 'secondary', ownership: 'public', region: { city: '南通市' } })) },
    );
    expect(comparePeers(measures, { by: 'city' })[0]?.ranked.map((r) => r.institutionId)).toEqual(['A', 'C', 'B']);
  });

  // ranked inside each test, so that the mutation run sees it as the test's own
  const group = () => comparePeers(jan, { by: 'city', policy: 'jiangsu-2022' })[0];

  it('ranks by exact rate, ties sharing a rank', () => {
    expect(group()?.ranked.map((r) => [r.institutionId, r.rank])).toEqual([
      ['A', 1],
      ['C', 2],
      ['D', 2],
      ['B', 4],
    ]);
  });

  it('gives percentiles: the share of other peers with a lower rate', () => {
    // A: 3 of 3 lower = 1; C: 1 of 3 (B) = 0.333…; B: 0
    expect(group()?.ranked.map((r) => r.percentile?.toFixed(4))).toEqual(['1.0000', '0.3333', '0.3333', '0.0000']);
  });

  it('gives the median and quartiles by linear interpolation (QUARTILE.INC)', () => {
    // sorted 0.5, 0.7, 0.7, 0.9; median h = 1.5 → 0.7; Q1 h = 0.75 → 0.5 + 0.75 × 0.2 = 0.65; Q3 h = 2.25 → 0.7 + 0.25 × 0.2 = 0.75
    expect([group()?.lowerQuartile?.toString(), group()?.median?.toString(), group()?.upperQuartile?.toString()]).toEqual(['0.65', '0.7', '0.75']);
  });

  it('gives the potential for improvement: to the median and to the target', () => {
    // B: 0.7 × 100 − 50 = 20 to the median; 0.85 × 100 − 50 = 35 to the target; C: 0 and 15
    const b = group()?.ranked.find((r) => r.institutionId === 'B');
    const c = group()?.ranked.find((r) => r.institutionId === 'C');
    expect([b?.toMedianAmount.toString(), b?.toTargetAmount?.toString(), c?.toMedianAmount.toString(), c?.toTargetAmount?.toString()]).toEqual(['20', '35', '0', '15']);
  });

  it('lists institutions without a rate apart, never ranked', () => {
    expect(group()?.unranked).toEqual([{ institutionId: 'E', status: 'no-purchases' }]);
  });

  it('gives an empty ranking for an empty group, not an error or NaN', () => {
    expect(comparePeers([], { by: 'city' })).toEqual([]);
    const none = comparePeers(measuresOf({}), { by: 'city' });
    expect(none[0]?.ranked).toEqual([]);
    expect(none[0]?.median).toBeNull();
  });

  it('refuses bad options', () => {
    expect(() => comparePeers(jan, { by: 'ward' as never })).toThrow(SunshineInputError);
    expect(() => comparePeers(jan, { by: 'city', measure: 'vaccines' as never })).toThrow('options.measure expected one of');
  });
});

describe('mostImproved', () => {
  it('matches the JSDoc example', () => {
    expect(mostImproved({ period: { from: '2024-01-01', to: '2024-01-31' }, measures: [] }, { period: { from: '2024-02-01', to: '2024-02-29' }, measures: [] }, { allowDifferentLengths: true }).ranked).toEqual([]);
  });
  it('ranks the change in percentage points between two periods of equal length', () => {
    // March: A 80/100 = 0.8 (−10 points), B 75/100 = 0.75 (+25), C and D unchanged
    const mar = measuresOf({ A: ['80', '20'], B: ['75', '25'], C: ['70', '30'], D: ['70', '30'] }, '2024-03-15');
    const r = mostImproved({ period: { from: '2024-01-01', to: '2024-01-31' }, measures: jan }, { period: { from: '2024-03-01', to: '2024-03-31' }, measures: mar });
    expect(r.ranked.map((x) => [x.institutionId, x.changePoints.toString()])).toEqual([
      ['B', '25'],
      ['C', '0'],
      ['D', '0'],
      ['A', '-10'],
    ]);
    expect(r.unranked).toEqual(['E']);
  });
  it('refuses periods of different length unless asked', () => {
    expect(() => mostImproved({ period: { from: '2024-01-01', to: '2024-01-31' }, measures: jan }, { period: { from: '2024-02-01', to: '2024-02-29' }, measures: jan })).toThrow(
      'mostImproved: after.period expected a period as long as before.period (31 days, this one has 29)',
    );
  });
});

describe('comparePeers and mostImproved: what they refuse, in words', () => {
  it('names the option or the measure at fault', () => {
    expect(refusal(() => comparePeers(jan, { by: 'town' as never }))).toBe('comparePeers: options.by expected one of "province", "city", "county", got "town"');
    expect(refusal(() => comparePeers(jan, null as never))).toBe('comparePeers: options.by expected one of "province", "city", "county", got undefined');
    expect(refusal(() => comparePeers(jan, { by: 'city', measure: 'food' as never }))).toBe('comparePeers: options.measure expected one of "drug", "consumable", "consumable-high-value", got "food"');
    expect(refusal(() => comparePeers('all' as never, { by: 'city' }))).toBe('comparePeers: measures expected institution measures from measureOnlineRates, got "all"');
    expect(refusal(() => comparePeers(jan, { by: 'city', policy: 'nowhere-2099' as never }))).toMatch(/^comparePeers: options\.policy expected a built-in policy id/);
    expect(refusal(() => mostImproved({ period: { from: '2024-01-31', to: '2024-01-01' }, measures: [] }, { period: { from: '2024-02-01', to: '2024-02-29' }, measures: [] }))).toBe('mostImproved: before.period.to expected period.to on or after period.from, got "2024-01-01"');
    expect(refusal(() => mostImproved({ period: { from: '2024-01-01', to: '2024-01-31' }, measures: [] }, {} as never))).toMatch(/^mostImproved: after\.period/);
  });

  it('ranks consumables against the consumable target when asked, and leaves out a measure without a rate', () => {
    // consumables: A 60/100, B 80/100: B first; the target 0.75 → A short 0.75 × 100 − 60 = 15, B none
    const ms = measureOnlineRates(
      [
        line({ institutionId: 'A', amount: '60', category: 'consumable' }),
        line({ institutionId: 'A', amount: '40', category: 'consumable', channel: 'offline' }),
        line({ institutionId: 'B', amount: '80', category: 'consumable' }),
        line({ institutionId: 'B', amount: '20', category: 'consumable', channel: 'offline' }),
      ],
      { policy: 'jiangsu-2022', institutions },
    ).measures;
    const [g] = comparePeers(ms, { by: 'city', measure: 'consumable', policy: 'jiangsu-2022' });
    expect(g!.ranked.map((r) => [r.institutionId, r.rank, r.toTargetAmount?.toString()])).toEqual([
      ['B', 1, '0'],
      ['A', 2, '15'],
    ]);
    // the drugs of the same institutions: none has a rate, none is ranked
    expect(comparePeers(ms, { by: 'city' })[0]!.ranked).toEqual([]);
  });
});
