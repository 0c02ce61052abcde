/**
 * checkTargets, reviewDemandReport and timeProgress at their edges: scope of level groups,
 * warnings with their wording, a forged measure, demand flags with their figures, month-based
 * time progress at the ends of a cycle, and refusals with their messages.
 * Rules: ganzhou-2023 annex 1 (targets for institutions and regions), §2(1) (报量审核);
 * jiangsu-2022 main text §1(3) (institution targets).
 */
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { aggregateRates, checkTargets, getPolicy, measureOnlineRates, reviewDemandReport, SunshineInputError, timeProgress, type InstitutionInput, type Policy } from '../../src/index';
import { line } from '../_helpers/lines';
import { plain } from '../_helpers/results';

const institutions: InstitutionInput[] = [
  { id: 'S', level: 'secondary', ownership: 'public', region: { city: '赣州市' } },
  { id: 'P', level: 'primary', ownership: 'public', region: { city: '赣州市' } },
];
const measures = measureOnlineRates([line({ institutionId: 'S', amount: '95' }), line({ institutionId: 'S', amount: '5', channel: 'offline' }), line({ institutionId: 'P', amount: '1' })], {
  policy: 'ganzhou-2023',
  institutions,
}).measures.filter((m) => m.measure === 'drug');

describe('checkTargets at its edges', () => {
  it('checks a level group only when every level in it is in the policy scope', () => {
    const ganzhou = getPolicy('ganzhou-2023');
    const upper: Policy = { ...ganzhou, scope: { ...ganzhou.scope, levels: ['tertiary', 'secondary'] } };
    const regional = aggregateRates(measures, { by: 'city', levelGroups: { mixed: ['secondary', 'primary'] } });
    // secondary (in scope) and the mixed group (primary is not): one regional check, for the secondary region
    const checks = checkTargets(regional, upper);
    expect(checks.map((c) => [c.subject.id, c.level])).toEqual([['赣州市|secondary', 'secondary']]);
    // under the policy itself, every level is in scope: secondary, primary and the group
    expect(checkTargets(regional, 'ganzhou-2023').map((c) => c.level)).toEqual(['secondary', 'mixed', 'primary']);
  });

  it('warns when measures of one policy are checked against another, and still checks', () => {
    const jiangsu = measureOnlineRates([line({ institutionId: 'S', amount: '95' }), line({ institutionId: 'S', amount: '5', channel: 'offline' })], { policy: 'jiangsu-2022', institutions }).measures.filter((m) => m.measure === 'drug');
    const [c] = checkTargets(jiangsu, 'ganzhou-2023');
    // 95 of 100 = 0.95 ≥ 0.9 (ganzhou-2023 annex 1)
    expect([c?.meets, c?.target.toFixed()]).toEqual([true, '0.9']);
    expect(c?.warnings).toEqual([{ code: 'policy-mismatch', message: '指标按 jiangsu-2022 计算，按 ganzhou-2023 考核 / measured under jiangsu-2022, checked against ganzhou-2023' }]);
  });

  it('never judges a measure marked inconsistent, even one that carries a rate', () => {
    const forged = { ...measures[0]!, status: 'inconsistent' as const, rate: new Decimal('0.95') };
    const [c] = checkTargets([forged], 'ganzhou-2023');
    expect([c?.meets, c?.marginPoints, c?.shortfallAmount, c?.shortfallScenarios]).toEqual([null, null, null, null]);
    expect(c?.warnings).toEqual([{ code: 'inconsistent-data', message: '数据不一致，无法考核 / the data are inconsistent; no check is possible' }]);
  });

  it('refuses what is not a list of measures, naming the element', () => {
    expect(() => checkTargets('x' as never, 'ganzhou-2023')).toThrow('checkTargets: measures expected an array of measures from measureOnlineRates or aggregateRates, got "x"');
    expect(() => checkTargets([measures[0]!, null as never], 'ganzhou-2023')).toThrow('checkTargets: measures[1] expected a measure from measureOnlineRates or aggregateRates, got null');
    expect(() => checkTargets([{ subject: { type: 'hospital' } } as never], 'ganzhou-2023')).toThrow('checkTargets: measures[0] expected a measure from measureOnlineRates or aggregateRates');
    expect(() => checkTargets(measures, 'ganzhou-2023', { compare: 'rounded' as never })).toThrow(SunshineInputError);
  });
});

describe('reviewDemandReport flags (ganzhou-2023 §2(1))', () => {
  const CITATION = { policyId: 'ganzhou-2023', document: '赣市医保字〔2023〕28号', clause: '§2(1)' };
  it('flags a report below last year and below 80 % of history, with the figures', () => {
    const r = reviewDemandReport({ reportedQuantity: '90', lastYearQuantity: '100', historicalQuantity: '120' });
    // 90 < 100; 90 < 0.8 × 120 = 96; 90 / 120 = 0.75
    expect(plain(r)).toEqual({
      reportedQuantity: '90',
      lastYearQuantity: '100',
      historicalQuantity: '120',
      shareOfHistory: '0.75',
      explainBelowShare: '0.8',
      flags: [
        { code: 'below-last-year', message: "报量 90 低于上一年度实际采购量 100 / below last year's purchases", citation: CITATION },
        { code: 'explanation-required', message: '报量低于历史采购量的 80%（96），须作出说明 / below 80% of history: an explanation is required', citation: CITATION },
      ],
      ok: false,
    });
  });
  it('flags a missing report only when there is a history', () => {
    expect(reviewDemandReport({ reportedQuantity: null, lastYearQuantity: '120' }).flags).toEqual([
      { code: 'not-reported', message: '有历史采购量（120）但未报量，需重点关注 / history of 120 but no report', citation: CITATION },
    ]);
    const none = reviewDemandReport({ reportedQuantity: null, lastYearQuantity: '0' });
    expect([none.flags, none.ok, none.shareOfHistory]).toEqual([[], true, null]);
  });
  it('refuses bad input, naming the field', () => {
    const fn = 'reviewDemandReport: ';
    expect(() => reviewDemandReport(null as never)).toThrow(`${fn}input expected an object { reportedQuantity, lastYearQuantity, historicalQuantity? }, got null`);
    expect(() => reviewDemandReport({ reportedQuantity: '1', lastYearQuantity: '1', policy: 'jiangsu-2022' })).toThrow(`${fn}policy expected a policy with vbp.demandReview, such as "ganzhou-2023", got "jiangsu-2022"`);
    expect(() => reviewDemandReport({ reportedQuantity: '1', lastYearQuantity: '1', historicalQuantity: '-3' })).toThrow(`${fn}historicalQuantity expected a non-negative decimal quantity`);
    expect(() => reviewDemandReport({ reportedQuantity: 'x', lastYearQuantity: '1' })).toThrow(`${fn}reportedQuantity expected a non-negative decimal quantity`);
    expect(() => reviewDemandReport({ reportedQuantity: '1', lastYearQuantity: undefined as never })).toThrow(`${fn}lastYearQuantity expected a non-negative decimal quantity`);
  });
});

describe('timeProgress by months (ganzhou-2023 §2(3) 序时进度)', () => {
  const cycle = { start: '2024-01-15', end: '2025-01-14' }; // twelve months
  it('counts the month a date falls in, from the start day', () => {
    // the first day opens month 1 of 12
    expect(timeProgress(cycle, '2024-01-15', { basis: 'months' }).toFixed(6)).toBe('0.083333');
    expect(timeProgress(cycle, '2024-01-14', { basis: 'months' }).toFixed()).toBe('0');
    // months before the start: still 0, never negative
    expect(timeProgress(cycle, '2023-06-01', { basis: 'months' }).toFixed()).toBe('0');
    // 2024-07-14 is still in month 6 (the 15th opens month 7): 6/12
    expect(timeProgress(cycle, '2024-07-14', { basis: 'months' }).toFixed()).toBe('0.5');
    expect(timeProgress(cycle, '2025-01-14', { basis: 'months' }).toFixed()).toBe('1');
    expect(timeProgress(cycle, '2026-01-01', { basis: 'months' }).toFixed()).toBe('1');
  });
  it('gives 0 and 1 exactly at the ends by days', () => {
    expect(timeProgress(cycle, '2024-01-14').toFixed()).toBe('0');
    expect(timeProgress(cycle, '2025-01-14').toFixed()).toBe('1');
    // 2024-01-15 to 2025-01-14 is 366 days (2024 is a leap year); the first day is 1/366 = 0.00273224043…
    expect(timeProgress(cycle, '2024-01-15').toFixed(10)).toBe('0.0027322404');
  });
  it('refuses an unknown basis', () => {
    expect(() => timeProgress(cycle, '2024-06-01', { basis: 'weeks' as never })).toThrow('timeProgress: options.basis expected one of "days", "months", got "weeks"');
  });
});
