import { describe, expect, it } from 'vitest';
import { definePolicy, getPolicy, measureOnlineRates, POLICIES, PolicySchema, SunshineInputError } from '../../src/index';

describe('POLICIES', () => {
  it('holds the six documents of DOMAIN.md', () => {
    expect(Object.keys(POLICIES)).toEqual(['jiangsu-2019', 'jiangsu-2022', 'nantong-2022', 'hunan-2023', 'ganzhou-2023', 'yushe-2020']);
  });

  it.each(Object.values(POLICIES))('$id parses with PolicySchema unchanged', (policy) => {
    expect(PolicySchema.parse(policy)).toEqual(policy);
  });

  it('every policy measures drugs and consumables', () => {
    for (const p of Object.values(POLICIES)) expect(p.measures.map((m) => m.id)).toEqual(expect.arrayContaining(['drug', 'consumable']));
  });

  it('records the document numbers of DOMAIN.md', () => {
    expect(Object.fromEntries(Object.values(POLICIES).map((p) => [p.id, p.document]))).toEqual({
      'jiangsu-2019': '苏医保发〔2019〕77号',
      'jiangsu-2022': '苏医保发〔2022〕38号',
      'nantong-2022': '通医保发〔2022〕38号',
      'hunan-2023': '湘医保发〔2023〕43号',
      'ganzhou-2023': '赣市医保字〔2023〕28号',
      'yushe-2020': '榆社县推进药品耗材集中带量采购和使用工作实施方案',
    });
  });

  it('jiangsu-2022: secondary and above, public and military, ten drug kinds and IVD out, code required, 85% / 75%', () => {
    const p = POLICIES['jiangsu-2022'];
    expect(p.scope.ownership).toEqual(['public', 'military']);
    expect(p.scope.levels).toEqual(['tertiary', 'secondary']);
    expect(p.exclusions).toHaveLength(11);
    expect(p.insuranceCode.requiredFor).toEqual(['drug', 'consumable']);
    expect(p.targets.map((t) => [t.measure, t.minimum, t.appliesTo])).toEqual([
      ['drug', '0.85', ['institution']],
      ['consumable', '0.75', ['institution']],
    ]);
  });

  it('nantong-2022 sets the same targets for its city', () => {
    expect(POLICIES['nantong-2022'].targets.map((t) => t.minimum)).toEqual(['0.85', '0.75']);
    expect(POLICIES['nantong-2022'].jurisdiction.city).toBe('南通市');
  });

  it('ganzhou-2023: every level, high-value consumables, 90% / 80% for institutions and regions, no exclusions', () => {
    const p = POLICIES['ganzhou-2023'];
    expect(p.scope.levels).toHaveLength(4);
    expect(p.measures.map((m) => m.id)).toEqual(['drug', 'consumable', 'consumable-high-value']);
    expect(p.exclusions).toEqual([]);
    expect(p.targets.map((t) => [t.measure, t.minimum, t.appliesTo])).toEqual([
      ['drug', '0.9', ['institution', 'region']],
      ['consumable-high-value', '0.8', ['institution', 'region']],
    ]);
  });

  it('hunan-2023 keeps IVD reagents in scope, requires a code for consumables and has no numeric target', () => {
    const p = POLICIES['hunan-2023'];
    expect(p.exclusions).toEqual([]);
    expect(p.insuranceCode.requiredFor).toEqual(['consumable']);
    expect(p.targets).toEqual([]);
    expect(p.effective).toMatchObject({ from: '2023-11-01', to: '2028-10-31' });
  });

  it('yushe-2020 holds the VBP parameters', () => {
    expect(POLICIES['yushe-2020'].vbp).toMatchObject({ volumeShare: { min: '0.5', max: '0.7' }, minimumPrepaymentShare: { value: '0.3' }, cycleYears: { value: 1 } });
  });
});

describe('getPolicy', () => {
  it('matches the JSDoc example', () => {
    expect(getPolicy('jiangsu-2022').document).toBe('苏医保发〔2022〕38号');
  });
  it('refuses an unknown id, listing the known ones', () => {
    expect(() => getPolicy('jiangsu-2099')).toThrow(SunshineInputError);
    expect(() => getPolicy('jiangsu-2099')).toThrow(/getPolicy: id expected one of "jiangsu-2019", .*got "jiangsu-2099"/);
    expect(() => getPolicy('toString')).toThrow(SunshineInputError);
  });
});

describe('definePolicy', () => {
  it('matches the JSDoc example', () => {
    expect(definePolicy({ ...getPolicy('jiangsu-2022'), id: 'my-city-2025', targets: [] }).id).toBe('my-city-2025');
  });

  it('accepts numbers for shares and keeps them as canonical strings', () => {
    const p = definePolicy({ ...getPolicy('jiangsu-2022'), id: 'x-2025', targets: [{ measure: 'drug', appliesTo: ['institution'], minimum: 0.95, clause: '§1' }] });
    expect(p.targets[0]?.minimum).toBe('0.95');
  });

  it('gives a policy the library then uses', () => {
    const p = definePolicy({ ...getPolicy('jiangsu-2022'), id: 'x-2025', exclusions: [], scope: { ownership: ['public', 'private'], levels: ['primary'], clause: '§1' } });
    const { measures, ledger } = measureOnlineRates(
      [{ institutionId: 'A', receivedOn: '2025-01-01', category: 'drug', kind: 'narcotic', channel: 'platform', amount: '1', insuranceCode: 'X' }],
      { policy: p, institutions: [{ id: 'A', level: 'primary', ownership: 'private' }] },
    );
    expect(measures[0]?.rate?.toString()).toBe('1');
    expect(ledger.excluded.lines).toBe(0);
  });

  it.each([
    ['a missing target minimum', { targets: [{ measure: 'drug', appliesTo: ['institution'], clause: 'x' }] }, 'targets[0].minimum expected a decimal share between 0 and 1'],
    ['a target above 1', { targets: [{ measure: 'drug', appliesTo: ['institution'], minimum: '85', clause: 'x' }] }, 'targets[0].minimum expected a decimal share between 0 and 1 such as "0.85", got "85"'],
    ['a target on a measure the policy lacks', { targets: [{ measure: 'consumable-high-value', appliesTo: ['region'], minimum: '0.8', clause: 'x' }] }, 'targets[0].measure expected one of the policy\'s measures (drug, consumable)'],
    ['no drug measure', { measures: [{ id: 'consumable', clause: 'x' }], targets: [] }, 'measures expected a "drug" measure'],
    ['an unknown ownership', { scope: { ownership: ['pub'], levels: ['primary'], clause: 'x' } }, 'scope.ownership[0] expected one of "public", "military", "private", got "pub"'],
    ['an unknown excluded kind', { exclusions: [{ kind: 'herbs', clause: 'x' }] }, 'exclusions[0].kind expected one of'],
    ['an impossible date', { issuedOn: '2022-02-30' }, 'issuedOn expected a real civil date "YYYY-MM-DD", got "2022-02-30"'],
  ])('refuses %s, naming the field', (_name, patch, message) => {
    expect(() => definePolicy({ ...getPolicy('jiangsu-2022'), ...patch })).toThrow(SunshineInputError);
    expect(() => definePolicy({ ...getPolicy('jiangsu-2022'), ...patch })).toThrow(message);
  });

  it('validates a policy object passed straight to a function', () => {
    expect(() => measureOnlineRates([], { policy: { ...getPolicy('jiangsu-2022'), targets: 'none' } as never, institutions: [] })).toThrow(
      'measureOnlineRates: options.policy.targets expected array',
    );
  });
});

describe('policy lifecycle', () => {
  it('matches the JSDoc example', () => {
    expect(getPolicy('jiangsu', { asOf: '2023-05-01' }).id).toBe('jiangsu-2022');
  });
  it('resolves the policy of a family in force on a date', () => {
    // jiangsu-2019 from 2019-09-27, jiangsu-2022 from 2022-06-02: the latest in force wins
    expect(getPolicy('jiangsu', { asOf: '2020-01-01' }).id).toBe('jiangsu-2019');
    expect(getPolicy('jiangsu', { asOf: '2022-06-02' }).id).toBe('jiangsu-2022');
    expect(getPolicy('hunan', { asOf: '2028-10-31' }).id).toBe('hunan-2023');
    expect(() => getPolicy('hunan', { asOf: '2028-11-01' })).toThrow(SunshineInputError);
    expect(() => getPolicy('jiangsu', { asOf: '2019-01-01' })).toThrow(/a family such as "jiangsu" with a policy in force/);
  });
  it('refuses a policy outside its period of effect (hunan-2023: 2023-11-01, 5 years)', () => {
    expect(getPolicy('hunan-2023', { asOf: '2023-11-01' }).id).toBe('hunan-2023');
    expect(() => getPolicy('hunan-2023', { asOf: '2023-10-31' })).toThrow('getPolicy: options.asOf expected a date when hunan-2023 is in force (from 2023-11-01 to 2028-10-31), got "2023-10-31"');
    expect(() => getPolicy('hunan-2023', { asOf: '2023-13-01' })).toThrow('options.asOf expected a real civil date');
  });
  it('warns when the measured period reaches outside the policy’s period of effect', () => {
    const institutions = [{ id: 'A', level: 'primary', ownership: 'public' }] as const;
    const inside = measureOnlineRates([], { policy: 'hunan-2023', institutions: [...institutions], period: { from: '2024-01-01', to: '2024-12-31' } });
    expect(inside.warnings).toEqual([]);
    const before = measureOnlineRates([], { policy: 'hunan-2023', institutions: [...institutions], period: { from: '2023-10-01', to: '2023-12-31' } });
    expect(before.warnings.map((w) => w.code)).toEqual(['policy-not-in-force']);
    expect(before.warnings[0]?.message).toContain('2023-11-01 – 2028-10-31');
    const after = measureOnlineRates([], { policy: 'hunan-2023', institutions: [...institutions], period: { from: '2028-10-01', to: '2028-12-31' } });
    expect(after.warnings.map((w) => w.code)).toEqual(['policy-not-in-force']);
  });
});
