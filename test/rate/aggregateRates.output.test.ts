/**
 * aggregateRates, whole outputs pinned: region keys and fields, level groups, summed exclusions,
 * every warning with its bilingual wording. Rule: jiangsu-2022 annex 1 §1(2) (regional rate =
 * Σ platform ÷ Σ total over the region's institutions), main text §5(3) (二级以上 as a named group).
 */
import { describe, expect, it } from 'vitest';
import { aggregateRates, measureOnlineRates, SECONDARY_AND_ABOVE, SunshineInputError, type InstitutionInput, type InstitutionMeasure, type RegionalMeasure } from '../../src/index';
import { line } from '../_helpers/lines';
import { plain } from '../_helpers/results';

const NANTONG = { province: '江苏省', city: '南通市' };
const institutions: InstitutionInput[] = [
  { id: 'A', level: 'secondary', ownership: 'public', region: { ...NANTONG, county: '海安市' } },
  { id: 'B', level: 'secondary', ownership: 'public', region: { ...NANTONG, county: '如皋市' } },
  { id: 'C', level: 'tertiary', ownership: 'public', region: NANTONG },
  { id: 'D', level: 'secondary', ownership: 'public', region: {} },
];
const lines = [
  line({ institutionId: 'A', amount: '90' }),
  line({ institutionId: 'A', amount: '10', channel: 'offline' }),
  line({ institutionId: 'A', amount: '5', kind: 'narcotic' }), // excluded kind (annex 1 §2)
  line({ institutionId: 'A', amount: '2', insuranceCode: '' }), // no national code (annex 1 §2)
  line({ institutionId: 'B', amount: '50' }),
  line({ institutionId: 'B', amount: '50', channel: 'offline' }),
  line({ institutionId: 'B', amount: '1', kind: 'narcotic' }),
  line({ institutionId: 'C', amount: '30' }),
  line({ institutionId: 'C', amount: '-40', channel: 'offline' }), // a return larger than the purchases
  // D sends nothing
];
const all = measureOnlineRates(lines, { policy: 'jiangsu-2022', institutions }).measures;
const drug = all.filter((m) => m.measure === 'drug');

const CITATION = { policyId: 'jiangsu-2022', document: '苏医保发〔2022〕38号', clause: 'annex 1 §1(2)' };
const W = {
  negativeTotal: (t: string) => ({ code: 'negative-total', message: `总金额为负（${t}）：退货大于采购 / the total is negative: returns exceed purchases` }),
  platformExceeds: (p: string, t: string) => ({ code: 'platform-exceeds-total', message: `省平台采购金额（${p}）大于总金额（${t}） / the platform amount exceeds the total` }),
  inconsistent: (ids: string) => ({ code: 'inconsistent-members', message: `以下机构数据不一致，金额仍计入合计：${ids} / these institutions have inconsistent data; their amounts are still summed` }),
  notReported: (ids: string) => ({ code: 'institutions-not-reported', message: `以下机构未报送数据，不计为 0%：${ids} / these institutions sent no data and are not counted as 0 %` }),
  regionMissing: (by: string) => ({ code: 'region-missing', message: `这些机构缺少地区字段（${by}） / these institutions have no region for the grouping` }),
};

describe('aggregateRates, whole outputs', () => {
  it('groups by county: one region per county and level, institutions without a county apart', () => {
    expect(plain(aggregateRates(drug, { by: 'county' }))).toEqual([
      {
        subject: { type: 'region', id: '江苏省/南通市/海安市|secondary' },
        region: { ...NANTONG, county: '海安市', by: 'county', id: '江苏省/南通市/海安市' },
        level: 'secondary',
        levels: ['secondary'],
        measure: 'drug',
        label: '药品',
        // A: 90 of 90 + 10
        platformAmount: '90',
        totalAmount: '100',
        emergencyAmount: '0',
        rate: '0.9',
        status: 'ok',
        warnings: [],
        institutions: 1,
        institutionIds: ['A'],
        notReported: [],
        lines: 2,
        excluded: { 'excluded-kind': { lines: 1, amount: '5' }, 'missing-insurance-code': { lines: 1, amount: '2' } },
        policyId: 'jiangsu-2022',
        citation: CITATION,
      },
      {
        subject: { type: 'region', id: '江苏省/南通市/如皋市|secondary' },
        region: { ...NANTONG, county: '如皋市', by: 'county', id: '江苏省/南通市/如皋市' },
        level: 'secondary',
        levels: ['secondary'],
        measure: 'drug',
        label: '药品',
        // B: 50 of 100
        platformAmount: '50',
        totalAmount: '100',
        emergencyAmount: '0',
        rate: '0.5',
        status: 'ok',
        warnings: [],
        institutions: 1,
        institutionIds: ['B'],
        notReported: [],
        lines: 2,
        excluded: { 'excluded-kind': { lines: 1, amount: '1' } },
        policyId: 'jiangsu-2022',
        citation: CITATION,
      },
      {
        subject: { type: 'region', id: '(none)|tertiary' },
        region: { by: 'county', id: null },
        level: 'tertiary',
        levels: ['tertiary'],
        measure: 'drug',
        label: '药品',
        // C: 30 on the platform, 30 − 40 = −10 in total: no rate
        platformAmount: '30',
        totalAmount: '-10',
        emergencyAmount: '0',
        rate: null,
        status: 'inconsistent',
        warnings: [W.negativeTotal('-10'), W.platformExceeds('30', '-10'), W.inconsistent('C'), W.regionMissing('county')],
        institutions: 1,
        institutionIds: ['C'],
        notReported: [],
        lines: 2,
        excluded: {},
        policyId: 'jiangsu-2022',
        citation: CITATION,
      },
      {
        subject: { type: 'region', id: '(none)|secondary' },
        region: { by: 'county', id: null },
        level: 'secondary',
        levels: ['secondary'],
        measure: 'drug',
        label: '药品',
        platformAmount: '0',
        totalAmount: '0',
        emergencyAmount: '0',
        rate: null,
        status: 'no-purchases',
        warnings: [W.notReported('D'), W.regionMissing('county')],
        institutions: 1,
        institutionIds: ['D'],
        notReported: ['D'],
        lines: 0,
        excluded: {},
        policyId: 'jiangsu-2022',
        citation: CITATION,
      },
    ]);
  });

  it('groups by province with 二级以上 as a named group (main text §5(3))', () => {
    const r = aggregateRates(drug, { by: 'province', levelGroups: SECONDARY_AND_ABOVE });
    expect(r.map((m) => m.subject.id)).toEqual(['江苏省|secondary', '江苏省|secondary-and-above', '江苏省|tertiary', '(none)|secondary', '(none)|secondary-and-above']);
    const [secondary, above] = r as [RegionalMeasure, RegionalMeasure];
    // only the province is kept in the region of a province
    expect(secondary.region).toStrictEqual({ province: '江苏省', by: 'province', id: '江苏省' });
    // A + B: 90 + 50 = 140 of 100 + 100 = 200; exclusions summed: kind 5 + 1 = 6 (2 lines), code 2 (1 line)
    expect(plain([secondary.platformAmount, secondary.totalAmount, secondary.rate, secondary.lines, secondary.institutions, secondary.excluded])).toEqual([
      '140',
      '200',
      '0.7',
      4,
      2,
      { 'excluded-kind': { lines: 2, amount: '6' }, 'missing-insurance-code': { lines: 1, amount: '2' } },
    ]);
    // A + B + C: 170 of 190 = 0.894736…; C is inconsistent but its amounts are summed
    expect(above.levels).toEqual(['secondary', 'tertiary']);
    expect(above.institutionIds).toEqual(['A', 'B', 'C']);
    expect([above.platformAmount.toFixed(), above.totalAmount.toFixed(), above.rate?.toFixed(6), above.lines]).toEqual(['170', '190', '0.894737', 6]);
    expect(above.warnings).toEqual([W.inconsistent('C')]);
  });

  it('keeps province and city in a city region, and only what is known', () => {
    const measures = measureOnlineRates([line({ institutionId: 'E', amount: '1' })], {
      policy: 'jiangsu-2022',
      institutions: [...institutions, { id: 'E', level: 'secondary', ownership: 'public', region: { city: '南通市', county: '海安市' } }],
    }).measures.filter((m) => m.measure === 'drug');
    const r = aggregateRates(measures, { by: 'city' });
    expect(r.map((m) => m.region)).toStrictEqual([
      { ...NANTONG, by: 'city', id: '江苏省/南通市' },
      { ...NANTONG, by: 'city', id: '江苏省/南通市' },
      { by: 'city', id: null },
      { city: '南通市', by: 'city', id: '南通市' },
    ]);
    expect(r[2]?.warnings).toEqual([W.notReported('D'), W.regionMissing('city')]);
  });

  it('groups by a function; an empty or absent key is no region', () => {
    const by = (m: InstitutionMeasure) => (m.institutionId === 'A' ? '北片' : m.institutionId === 'B' ? '' : undefined);
    const r = aggregateRates(drug, { by });
    expect(r.map((m) => [m.subject.id, m.region, m.institutionIds])).toStrictEqual([
      ['北片|secondary', { by: 'custom', id: '北片' }, ['A']],
      ['(none)|secondary', { by: 'custom', id: null }, ['B', 'D']],
      ['(none)|tertiary', { by: 'custom', id: null }, ['C']],
    ]);
    expect(r[1]?.warnings).toEqual([W.notReported('D'), W.regionMissing('by')]);
  });

  it('warns when the measures come from different policies', () => {
    const ganzhou = measureOnlineRates([line({ institutionId: 'G', amount: '1' })], {
      policy: 'ganzhou-2023',
      institutions: [{ id: 'G', level: 'secondary', ownership: 'public', region: { ...NANTONG, county: '海安市' } }],
    }).measures.filter((m) => m.measure === 'drug');
    const [first] = aggregateRates([...drug.slice(0, 1), ...ganzhou], { by: 'county' });
    // A (90 of 100) + G (1 of 1): 91 of 101; the policy id is the first member's
    expect([first?.platformAmount.toFixed(), first?.totalAmount.toFixed(), first?.policyId]).toEqual(['91', '101', 'jiangsu-2022']);
    expect(first?.warnings).toEqual([{ code: 'mixed-policies', message: '机构指标来自不同政策（jiangsu-2022、ganzhou-2023） / the measures come from different policies' }]);
  });

  it('refuses what is not an array of institution measures, naming the element', () => {
    expect(() => aggregateRates('x' as never, { by: 'city' })).toThrow('aggregateRates: measures expected an array of institution measures from measureOnlineRates, got "x"');
    const regional = aggregateRates(drug, { by: 'city' })[0];
    for (const bad of [null, 7, regional, { ...drug[0], subject: undefined }, { ...drug[0], level: 'quaternary' }]) {
      expect(() => aggregateRates([drug[0]!, bad as never], { by: 'city' })).toThrow('aggregateRates: measures[1] expected an institution measure from measureOnlineRates');
    }
  });

  it('refuses bad options, naming the field', () => {
    expect(() => aggregateRates(drug, { by: 'town' as never })).toThrow(SunshineInputError);
    expect(() => aggregateRates(drug, { by: 'town' as never })).toThrow('options.by');
    expect(() => aggregateRates(drug, { by: 'city', levelGroups: { '': ['primary'] } })).toThrow(SunshineInputError);
    expect(() => aggregateRates(drug, { by: 'city', levelGroups: { g: [] } })).toThrow('expected at least one level');
  });
});

describe('who counts as not reported (DESIGN.md: missing is not 0 %)', () => {
  it('counts lines of any measure and exclusions other than the period, but not lines outside the period', () => {
    const people: InstitutionInput[] = ['X', 'Y', 'Z', 'W'].map((id) => ({ id, level: 'secondary', ownership: 'public', region: { city: '南通市' } }));
    const m = measureOnlineRates(
      [
        line({ institutionId: 'X', amount: '1', receivedOn: '2023-12-31' }), // outside the period only
        line({ institutionId: 'Y', amount: '1', kind: 'narcotic' }), // excluded kind only: it did send data
        line({ institutionId: 'Z', amount: '1', category: 'consumable' }), // consumables only
      ],
      { policy: 'jiangsu-2022', institutions: people, period: { from: '2024-01-01', to: '2024-12-31' } },
    ).measures;
    // given all the measures, an institution with data in either measure has reported
    const [drugRegion, consumableRegion] = aggregateRates(m, { by: 'city' });
    expect(drugRegion?.measure).toBe('drug');
    expect(drugRegion?.notReported).toEqual(['X', 'W']);
    expect(consumableRegion?.notReported).toEqual(['X', 'W']);
    // given the drug measures alone, Z's consumables are not in sight
    expect(aggregateRates(m.filter((x) => x.measure === 'drug'), { by: 'city' })[0]?.notReported).toEqual(['X', 'Z', 'W']);
  });
});
