import { describe, expect, it } from 'vitest';
import { aggregateRates, measureOnlineRates, SECONDARY_AND_ABOVE, SunshineInputError } from '../../src/index';
import { inst, line } from '../_helpers/lines';

describe('aggregateRates', () => {
  it('matches the JSDoc example', () => {
    const { measures } = measureOnlineRates(
      [
        { institutionId: 'A', receivedOn: '2024-01-05', category: 'drug', channel: 'platform', amount: '90', insuranceCode: 'X' },
        { institutionId: 'A', receivedOn: '2024-01-05', category: 'drug', channel: 'offline', amount: '10', insuranceCode: 'X' },
        { institutionId: 'B', receivedOn: '2024-01-05', category: 'drug', channel: 'platform', amount: '500', insuranceCode: 'X' },
        { institutionId: 'B', receivedOn: '2024-01-05', category: 'drug', channel: 'offline', amount: '500', insuranceCode: 'X' },
      ],
      {
        policy: 'jiangsu-2022',
        institutions: [
          { id: 'A', level: 'secondary', ownership: 'public', region: { city: '南通市' } },
          { id: 'B', level: 'secondary', ownership: 'public', region: { city: '南通市' } },
        ],
      },
    );
    expect(aggregateRates(measures, { by: 'city' })[0]?.rate?.toFixed(4)).toBe('0.5364');
  });

  const NT = { province: '江苏省', city: '南通市', county: '海安市' };
  const NT2 = { province: '江苏省', city: '南通市', county: '如东县' };
  const YZ = { province: '江苏省', city: '扬州市' };
  const institutions = [
    inst('S1', 'secondary', 'public', NT), // 90 / 100
    inst('S2', 'secondary', 'military', NT2), // 500 / 1000
    inst('T1', 'tertiary', 'public', NT), // 7000 / 10000
    inst('S3', 'secondary', 'public', YZ), // 1 / 4
  ];
  const amounts: Record<string, [string, string]> = { S1: ['90', '10'], S2: ['500', '500'], T1: ['7000', '3000'], S3: ['1', '3'] };
  const lines = Object.entries(amounts).flatMap(([id, [p, o]]) => [line({ institutionId: id, amount: p }), line({ institutionId: id, amount: o, channel: 'offline' })]);
  const { measures } = measureOnlineRates(lines, { policy: 'jiangsu-2022', institutions });
  const drugOf = (rs: ReturnType<typeof aggregateRates>) => rs.filter((r) => r.measure === 'drug');

  it('sums amounts over same-level institutions: a ratio of sums, not a mean of rates (jiangsu-2022 annex 1 §1(2))', () => {
    const rs = drugOf(aggregateRates(measures, { by: 'city' }));
    const ntSecondary = rs.find((r) => r.region.id === '江苏省/南通市' && r.level === 'secondary');
    // Σ/Σ: (90 + 500) / (100 + 1000) = 590 / 1100 = 0.536363…; the mean of rates would be (0.9 + 0.5) / 2 = 0.7
    expect(ntSecondary?.platformAmount.toString()).toBe('590');
    expect(ntSecondary?.totalAmount.toString()).toBe('1100');
    expect(ntSecondary?.rate?.toFixed(6)).toBe('0.536364');
    expect(ntSecondary?.rate?.toFixed(1)).not.toBe('0.7');
    expect(ntSecondary?.institutions).toBe(2);
    expect(ntSecondary?.institutionIds).toEqual(['S1', 'S2']);
    expect(ntSecondary?.citation.clause).toBe('annex 1 §1(2)');
  });

  it('does not mix levels', () => {
    const rs = drugOf(aggregateRates(measures, { by: 'city' }));
    expect(rs.map((r) => [r.region.id, r.level, r.rate?.toString()])).toEqual([
      ['江苏省/南通市', 'secondary', expect.stringMatching(/^0\.53636/)],
      ['江苏省/南通市', 'tertiary', '0.7'],
      ['江苏省/扬州市', 'secondary', '0.25'],
    ]);
  });

  it('adds a combined group only when the caller names it (jiangsu-2022 main text §5(3))', () => {
    const rs = drugOf(aggregateRates(measures, { by: 'city', levelGroups: SECONDARY_AND_ABOVE }));
    const nt = rs.find((r) => r.region.id === '江苏省/南通市' && r.level === 'secondary-and-above');
    // (90 + 500 + 7000) / (100 + 1000 + 10000) = 7590 / 11100 = 0.683783…
    expect(nt?.rate?.toFixed(6)).toBe('0.683784');
    expect(nt?.levels).toEqual(['secondary', 'tertiary']);
    expect(rs).toHaveLength(3 + 2); // three single-level rows, two group rows
  });

  it('groups by county and by province', () => {
    const byCounty = drugOf(aggregateRates(measures, { by: 'county' }));
    expect(byCounty.map((r) => r.region.id)).toEqual(['江苏省/南通市/海安市', '江苏省/南通市/如东县', '江苏省/南通市/海安市', null]);
    expect(byCounty[3]?.warnings.map((w) => w.code)).toContain('region-missing');
    const byProvince = drugOf(aggregateRates(measures, { by: 'province' }));
    // secondary across the province: (90 + 500 + 1) / (100 + 1000 + 4) = 591 / 1104
    expect(byProvince.find((r) => r.level === 'secondary')?.totalAmount.toString()).toBe('1104');
  });

  it('groups by a function', () => {
    const rs = drugOf(aggregateRates(measures, { by: (m) => (m.institutionId.startsWith('S') ? 'S-group' : null) }));
    expect(rs.map((r) => [r.region.id, r.level, r.institutions])).toEqual([
      ['S-group', 'secondary', 3],
      [null, 'tertiary', 1],
    ]);
  });

  it('gives no rate for a region whose institutions bought nothing', () => {
    const rs = aggregateRates(measureOnlineRates([], { policy: 'jiangsu-2022', institutions }).measures, { by: 'city' });
    expect(rs.every((r) => r.status === 'no-purchases' && r.rate === null)).toBe(true);
  });

  it('refuses bad options', () => {
    expect(() => aggregateRates(measures, { by: 'town' as never })).toThrow(SunshineInputError);
    expect(() => aggregateRates(measures, { by: 'city', levelGroups: { x: ['top' as never] } })).toThrow(/options\.levelGroups\.x\[0\]/);
    expect(() => aggregateRates([{ foo: 1 }] as never, { by: 'city' })).toThrow('aggregateRates: measures[0] expected an institution measure');
  });
});
