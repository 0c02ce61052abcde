import { describe, expect, it } from 'vitest';
import { definePolicy, getPolicy, isInForce, POLICIES, SunshineInputError } from '../../src/index';
import { resolvePolicy } from '../../src/policy/policies';
import { refusal } from '../_helpers/refusal';


describe('resolvePolicy: what the functions do with their policy option', () => {
  it('gives a built-in or a defined policy back as it is, and reads any other object once', () => {
    const builtin = POLICIES['jiangsu-2022'];
    expect(resolvePolicy(builtin, 'f')).toBe(builtin);
    expect(resolvePolicy('jiangsu-2022', 'f')).toBe(builtin);
    const defined = definePolicy({ ...builtin, id: 'my-city-2025' });
    expect(resolvePolicy(defined, 'f')).toBe(defined);
    // a copy is not the built-in: it is read (an equal, new object), and then remembered
    const copy = JSON.parse(JSON.stringify(builtin)) as typeof builtin;
    const read = resolvePolicy(copy, 'f');
    expect(read).not.toBe(copy);
    expect(read).toEqual(builtin);
    expect(resolvePolicy(read, 'f')).toBe(read);
    // an object that claims a built-in's id is not taken on its word
    expect(() => resolvePolicy({ id: 'jiangsu-2022' }, 'f')).toThrow(SunshineInputError);
  });

  it('names the caller, the field and what it expected', () => {
    expect(refusal(() => resolvePolicy('beijing-2030', 'f', 'options.policy'))).toBe(
      'f: options.policy expected a built-in policy id (jiangsu-2019, jiangsu-2022, nantong-2022, hunan-2023, ganzhou-2023, yushe-2020) or a policy object, got "beijing-2030"',
    );
    expect(refusal(() => resolvePolicy(undefined, 'f'))).toBe('f: policy expected a policy object or a built-in policy id such as "jiangsu-2022", got undefined');
    expect(refusal(() => resolvePolicy(7, 'f'))).toBe('f: policy expected a policy object or a built-in policy id such as "jiangsu-2022", got 7');
  });
});

describe('getPolicy with asOf', () => {
  it('gives the policy in force, and the latest of a family in force', () => {
    expect(getPolicy('jiangsu', { asOf: '2023-05-01' }).id).toBe('jiangsu-2022');
    // before 2022-06-02 only the 2019 notice is in force
    expect(getPolicy('jiangsu', { asOf: '2022-06-01' }).id).toBe('jiangsu-2019');
    expect(getPolicy('jiangsu', { asOf: '2022-06-02' }).id).toBe('jiangsu-2022');
    expect(getPolicy('hunan-2023', { asOf: '2028-10-31' }).id).toBe('hunan-2023');
  });

  it('says when a policy is in force, and what ids there are', () => {
    expect(refusal(() => getPolicy('hunan-2023', { asOf: '2028-11-01' }))).toBe('getPolicy: options.asOf expected a date when hunan-2023 is in force (from 2023-11-01 to 2028-10-31), got "2028-11-01"');
    expect(refusal(() => getPolicy('jiangsu-2022', { asOf: '2022-06-01' }))).toBe('getPolicy: options.asOf expected a date when jiangsu-2022 is in force (from 2022-06-02), got "2022-06-01"');
    expect(refusal(() => getPolicy('jiangsu-2022', { asOf: '2022-6-1' }))).toBe('getPolicy: options.asOf expected a real civil date "YYYY-MM-DD", got "2022-6-1"');
    expect(refusal(() => getPolicy('hunan', { asOf: '2020-01-01' }))).toMatch(/^getPolicy: id expected one of "jiangsu-2019", .* \(or, with \{ asOf \}, a family such as "jiangsu" with a policy in force\), got "hunan"$/);
    expect(refusal(() => getPolicy('jiangsu'))).toMatch(/^getPolicy: id expected one of /);
  });

  it('isInForce: both ends included, open ends always', () => {
    const hunan = POLICIES['hunan-2023'];
    expect(['2023-10-31', '2023-11-01', '2028-10-31', '2028-11-01'].map((d) => isInForce(hunan, d))).toEqual([false, true, true, false]);
    expect(isInForce({ ...hunan, effective: undefined } as never, '1900-01-01')).toBe(true);
    expect(isInForce({ ...hunan, effective: { clause: 'x' } } as never, '2999-01-01')).toBe(true);
  });
});

describe('definePolicy: shares and the checks across fields, in words', () => {
  const base = POLICIES['jiangsu-2022'];
  it('reads a share given as a number or as text, and refuses one outside 0–1 or of another type', () => {
    const p = definePolicy({ ...base, id: 'x-2025', targets: [{ ...base.targets[0], minimum: 0.9 }, { ...base.targets[1], minimum: '0.750' }] });
    expect(p.targets.map((t) => t.minimum)).toEqual(['0.9', '0.75']);
    for (const bad of [1.01, -0.1, '1.5', true, null, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(refusal(() => definePolicy({ ...base, id: 'x-2025', targets: [{ ...base.targets[0], minimum: bad }] }))).toContain('targets[0].minimum expected a decimal share between 0 and 1 such as "0.85"');
    }
  });

  it('refuses a volume share whose min exceeds its max, and a period of effect that ends before it starts', () => {
    const ganzhou = POLICIES['ganzhou-2023'];
    expect(refusal(() => definePolicy({ ...ganzhou, id: 'x-2025', vbp: { ...ganzhou.vbp, volumeShare: { min: '0.8', max: '0.6', clause: 'x' } } }))).toBe(
      'definePolicy: vbp.volumeShare.max expected at least min (0.8), got "0.6"',
    );
    expect(definePolicy({ ...ganzhou, id: 'x-2025', vbp: { ...ganzhou.vbp, volumeShare: { min: '0.6', max: '0.6', clause: 'x' } } }).vbp.volumeShare?.max).toBe('0.6');
    expect(refusal(() => definePolicy({ ...base, id: 'x-2025', effective: { from: '2025-01-02', to: '2025-01-01', clause: 'x' } }))).toBe(
      'definePolicy: effective.to expected a date on or after effective.from (2025-01-02), got "2025-01-01"',
    );
  });
});
