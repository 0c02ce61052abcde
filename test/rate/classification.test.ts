import { describe, expect, it } from 'vitest';
import { EXCLUSION_REASONS, getPolicy, measureOnlineRates, REJECTION_LABELS, type InstitutionInput } from '../../src/index';
import { MEASURE_EXCLUSIONS } from '../../src/sql/columns';
import { lineClassification, stepOf } from '../../src/rate/classification';

/**
 * The one classification (src/rate/classification.ts) is read by the JavaScript engine and the
 * SQL compiler. The SQL `CASE` is written by walking its steps; the engine's line loop is written
 * by hand, so these tests pin its order to the steps': for every pair of steps, a line that fails
 * both must get the earlier step's reason.
 */

const policy = getPolicy('jiangsu-2022'); // codes required for drugs and consumables; IVD reagents excluded (annex 1 §2)
const period = { from: '2024-01-01', to: '2024-03-31' };
const institutions: InstitutionInput[] = [
  { id: 'A', level: 'tertiary', ownership: 'public' },
  { id: 'P', level: 'tertiary', ownership: 'private' }, // out of scope (main text §1(3): public institutions)
];
/** An included line: a consumable of A on the platform, in the period, with a code. */
const base = { institutionId: 'A', receivedOn: '2024-02-01', category: 'consumable', kind: null, highValue: null, insuranceCode: 'C01', channel: 'platform', amount: '10' };

/** For each step, the change to `base` that makes the line fail that step and no earlier one. */
const failures: Record<string, Partial<Record<keyof typeof base, unknown>>> = {
  'invalid:institutionId': { institutionId: '' },
  'invalid:receivedOn': { receivedOn: '2024-02-30' },
  'invalid:category': { category: 'device' },
  'invalid:kind': { kind: 'herbs' },
  'invalid:highValue': { highValue: 'yes' },
  'invalid:insuranceCode': { insuranceCode: 42 },
  'invalid:channel': { channel: 'fax' },
  'invalid:amount': { amount: '12,30' },
  'unknown-institution': { institutionId: 'Z' },
  'institution-out-of-scope': { institutionId: 'P' },
  'outside-period': { receivedOn: '2023-12-31' },
  'excluded-kind': { kind: 'ivd-reagent' },
  'missing-insurance-code': { insuranceCode: '  ' },
};

/** The reason key the engine gives one line. */
function engineKey(line: Record<string, unknown>): string {
  const { ledger } = measureOnlineRates([line as never], { policy, institutions, period });
  const rejected = ledger.rejected.reasons[0];
  if (rejected !== undefined) return rejected.reason === 'unknown-institution' ? 'unknown-institution' : `invalid:${rejected.field}`;
  const excluded = EXCLUSION_REASONS.find((r) => ledger.excluded.byReason[r].lines > 0);
  return excluded ?? 'included';
}

describe('lineClassification', () => {
  const steps = lineClassification(policy, period).steps;

  it('lists the rejections, then the exclusions in the order of EXCLUSION_REASONS (DESIGN.md "One reason per line")', () => {
    expect(steps.map((s) => s.key)).toEqual([
      'invalid:institutionId',
      'invalid:receivedOn',
      'invalid:category',
      'invalid:kind',
      'invalid:highValue',
      'invalid:insuranceCode',
      'invalid:channel',
      'invalid:amount',
      'unknown-institution',
      ...EXCLUSION_REASONS,
    ]);
  });

  it('labels every rejection reason in Chinese (REJECTION_LABELS, as its JSDoc example shows)', () => {
    expect(REJECTION_LABELS['unknown-institution']).toBe('机构不在名单中');
    expect(Object.keys(REJECTION_LABELS)).toEqual(steps.filter((s) => s.outcome === 'rejected').map((s) => s.key));
  });

  it('gives the SQL measures the exclusions of EXCLUSION_REASONS but the institution’s scope, in order', () => {
    expect([...MEASURE_EXCLUSIONS]).toEqual(EXCLUSION_REASONS.filter((r) => r !== 'institution-out-of-scope'));
  });

  it('reads the scope, kinds, code requirement and period from the policy', () => {
    const c = lineClassification(policy, period);
    expect(stepOf(c, 'institution-out-of-scope')).toMatchObject({ ownership: ['public', 'military'], levels: ['tertiary', 'secondary'] });
    expect(stepOf(c, 'excluded-kind').kinds).toContain('ivd-reagent');
    expect(stepOf(c, 'missing-insurance-code').categories).toEqual(['drug', 'consumable']);
    expect(stepOf(c, 'outside-period').period).toEqual(period);
    expect(stepOf(lineClassification(getPolicy('ganzhou-2023'), undefined), 'outside-period').period).toBeNull();
    expect(lineClassification(getPolicy('ganzhou-2023'), undefined).feeds.map((f) => [f.id, f.category, f.highValueOnly])).toEqual([
      ['drug', 'drug', false],
      ['consumable', 'consumable', false],
      ['consumable-high-value', 'consumable', true],
    ]);
  });

  it('has a failing line for every step, and the base line is included', () => {
    expect(Object.keys(failures).sort()).toEqual(steps.map((s) => s.key).sort());
    expect(engineKey(base)).toBe('included');
    for (const step of steps) expect(engineKey({ ...base, ...failures[step.key] }), step.key).toBe(step.key);
  });

  it('gives a line that fails two steps the earlier one, in the JavaScript engine, for every pair of steps on different fields', () => {
    let pairs = 0;
    steps.forEach((first, i) => {
      for (const later of steps.slice(i + 1)) {
        const a = failures[first.key]!;
        const b = failures[later.key]!;
        if (Object.keys(a).some((field) => field in b)) continue; // one field cannot fail two ways at once
        pairs++;
        expect(engineKey({ ...base, ...b, ...a }), `${first.key} before ${later.key}`).toBe(first.key);
      }
    });
    // 13 steps give 78 pairs; 6 pairs share a field (institutionId ×3, receivedOn, kind, insuranceCode), 72 are tried
    expect(pairs).toBe(72);
  });
});
