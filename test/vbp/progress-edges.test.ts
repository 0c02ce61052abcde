/**
 * agreedVolumeProgress, the VBP parameters and the one-hospital file at their edges: whole
 * outputs with citations, cycle boundaries, the warning ratio's sources, and every refusal with
 * its message. Rules: ganzhou-2023 §2(2), §2(3); yushe-2020 §3(1)–§3(3).
 */
import { describe, expect, it } from 'vitest';
import { agreedVolumeProgress, getPolicy, institutionVolumeFile, minimumPrepayment, monitoringStart, SunshineInputError, vbpVolumeRange, type Policy } from '../../src/index';
import { plain } from '../_helpers/results';

const QUANTITY = 'a non-negative decimal quantity such as "1200" or "37.5" (packs, pieces)';
const cycle = { start: '2024-01-01', end: '2024-01-10' };
const CITATIONS = [
  { policyId: 'ganzhou-2023', document: '赣市医保字〔2023〕28号', clause: '§2(2) (完成约定采购量), §2(3) (约定采购量完成进度、序时采购进度)' },
  { policyId: 'yushe-2020', document: '榆社县推进药品耗材集中带量采购和使用工作实施方案', clause: '§3(3) (在1个采购周期内完成合同用量)' },
];

describe('agreedVolumeProgress, whole outputs', () => {
  it('gives every figure on the 4th of 10 days', () => {
    const r = agreedVolumeProgress({ agreedQuantity: '100', purchasedQuantity: '30', cycle, asOf: '2024-01-04' });
    // time 4/10 = 0.4; completion 30/100 = 0.3; gap −10 points; 70 remain over the 6 days left (5th–10th);
    // projection 30 × 10 / (100 × 4) = 0.75; status: 30 × 10 = 300 < 0.8 × 400 = 320: warning
    expect(plain({ ...r, requiredDailyQuantity: r.requiredDailyQuantity?.toFixed(4) })).toEqual({
      agreedQuantity: '100',
      purchasedQuantity: '30',
      completionRate: '0.3',
      timeProgress: '0.4',
      gapPoints: '-10',
      remainingQuantity: '70',
      overageQuantity: '0',
      projectedCompletionRate: '0.75',
      requiredDailyQuantity: '11.6667', // 70 / 6
      elapsedDays: 4,
      totalDays: 10,
      remainingDays: 6,
      warningRatio: '0.8',
      status: 'warning',
      label: '预警',
      warnings: [],
      citations: CITATIONS,
    });
  });

  it('warns when the cycle ended short, and asks nothing more per day', () => {
    const r = agreedVolumeProgress({ agreedQuantity: '100', purchasedQuantity: '30', cycle, asOf: '2024-01-11' });
    expect(plain([r.status, r.remainingDays, r.requiredDailyQuantity, r.projectedCompletionRate, r.warnings])).toEqual([
      'ended-incomplete',
      0,
      null,
      '0.3', // 30 × 10 / (100 × 10)
      [{ code: 'cycle-ended-incomplete', message: '采购周期已结束，尚余 70 未完成 / the cycle has ended with 70 still to buy' }],
    ]);
  });

  it('counts the first day as started and the day before as not', () => {
    // first day: 1 of 10 days passed, 0 bought < 0.8 × 10: warning
    expect(agreedVolumeProgress({ agreedQuantity: '100', purchasedQuantity: '0', cycle, asOf: '2024-01-01' }).status).toBe('warning');
    const before = agreedVolumeProgress({ agreedQuantity: '100', purchasedQuantity: '0', cycle, asOf: '2023-12-31' });
    // nothing elapsed: no projection; all 10 days remain, 100 / 10 = 10 a day
    expect(plain([before.status, before.projectedCompletionRate, before.remainingDays, before.requiredDailyQuantity])).toEqual(['not-started', null, 10, '10']);
  });

  it('reports an overage and no rate without an agreement', () => {
    const over = agreedVolumeProgress({ agreedQuantity: '100', purchasedQuantity: '120', cycle, asOf: '2024-01-05' });
    expect(plain([over.status, over.overageQuantity, over.remainingQuantity, over.requiredDailyQuantity])).toEqual(['completed', '20', '0', null]);
    const none = agreedVolumeProgress({ agreedQuantity: '0', purchasedQuantity: '0', cycle, asOf: '2024-01-05' });
    expect(plain([none.status, none.completionRate, none.gapPoints, none.projectedCompletionRate])).toEqual(['no-agreement', null, null, null]);
  });

  it('takes the warning ratio from the caller, else the policy, else 0.8', () => {
    const ganzhou = getPolicy('ganzhou-2023');
    const half: Policy = { ...ganzhou, vbp: { ...ganzhou.vbp, warningRatio: { value: '0.5', clause: 'test' } } };
    const at = { agreedQuantity: '100', purchasedQuantity: '30', cycle, asOf: '2024-01-04' };
    // 300 ≥ 0.5 × 400 = 200 but < 400: behind
    expect([agreedVolumeProgress({ ...at, policy: half }).status, agreedVolumeProgress({ ...at, policy: half }).warningRatio.toFixed()]).toEqual(['behind', '0.5']);
    // the caller's ratio wins over the policy's: 300 < 0.9 × 400 = 360: warning
    expect(agreedVolumeProgress({ ...at, policy: half, warningRatio: '0.9' }).status).toBe('warning');
    // yushe-2020 names no ratio: 0.8
    expect(agreedVolumeProgress({ ...at, policy: 'yushe-2020' }).warningRatio.toFixed()).toBe('0.8');
    // the bounds are allowed: 0 never warns, 1 warns below time progress
    expect(agreedVolumeProgress({ ...at, warningRatio: '0' }).status).toBe('behind');
    expect(agreedVolumeProgress({ ...at, warningRatio: 1 }).status).toBe('warning');
  });

  it('refuses bad input, naming the field', () => {
    const fn = 'agreedVolumeProgress: ';
    const ok = { agreedQuantity: '100', purchasedQuantity: '30', cycle, asOf: '2024-01-04' };
    const cases: [unknown, string][] = [
      [null, `${fn}input expected an object { agreedQuantity, purchasedQuantity, cycle, asOf }, got null`],
      ['100', `${fn}input expected an object { agreedQuantity, purchasedQuantity, cycle, asOf }, got "100"`],
      [{ ...ok, basis: 'weeks' }, `${fn}basis expected one of "days", "months", got "weeks"`],
      [{ ...ok, agreedQuantity: '-1' }, `${fn}agreedQuantity expected ${QUANTITY}, got "-1"`],
      [{ ...ok, purchasedQuantity: 'x' }, `${fn}purchasedQuantity expected ${QUANTITY}, got "x"`],
      [{ ...ok, cycle: null }, `${fn}cycle expected a cycle { start, end } of civil dates "YYYY-MM-DD", got null`],
      [{ ...ok, cycle: '2024' }, `${fn}cycle expected a cycle { start, end } of civil dates "YYYY-MM-DD", got "2024"`],
      [{ ...ok, cycle: { start: '2024-1-1', end: '2024-01-10' } }, `${fn}cycle.start expected a real civil date "YYYY-MM-DD", got "2024-1-1"`],
      [{ ...ok, cycle: { start: '2024-01-01', end: '' } }, `${fn}cycle.end expected a real civil date "YYYY-MM-DD", got ""`],
      [{ ...ok, cycle: { start: '2024-01-10', end: '2024-01-09' } }, `${fn}cycle.end expected a date on or after cycle.start (2024-01-10), got "2024-01-09"`],
      [{ ...ok, asOf: '2024-02-30' }, `${fn}asOf expected a real civil date "YYYY-MM-DD", got "2024-02-30"`],
      [{ ...ok, warningRatio: '-0.1' }, `${fn}warningRatio expected a share between 0 and 1 such as "0.8", got "-0.1"`],
      [{ ...ok, warningRatio: '1.01' }, `${fn}warningRatio expected a share between 0 and 1 such as "0.8", got "1.01"`],
      [{ ...ok, warningRatio: 'x' }, `${fn}warningRatio expected a share between 0 and 1 such as "0.8", got "x"`],
    ];
    for (const [input, message] of cases) {
      expect(() => agreedVolumeProgress(input as never)).toThrow(SunshineInputError);
      expect(() => agreedVolumeProgress(input as never)).toThrow(message);
    }
    // a one-day cycle is fine: start = end
    expect(agreedVolumeProgress({ ...ok, cycle: { start: '2024-01-04', end: '2024-01-04' } }).totalDays).toBe(1);
  });
});

describe('VBP parameters of the policies', () => {
  const YUSHE = '榆社县推进药品耗材集中带量采购和使用工作实施方案';
  it('gives the volume range and the prepayment with their citations (yushe-2020 §3(1), §3(2))', () => {
    // 50 % and 70 % of 1,000
    expect(plain(vbpVolumeRange('1000'))).toEqual({ min: '500', max: '700', minShare: '0.5', maxShare: '0.7', citation: { policyId: 'yushe-2020', document: YUSHE, clause: '§3(1) (不低于…年度使用量的50%—70%)' } });
    // 30 % of 100.01 = 30.003, rounded up to the fen: 30.01
    expect(plain(minimumPrepayment('100.01'))).toEqual({ minimum: '30.01', exact: '30.003', share: '0.3', citation: { policyId: 'yushe-2020', document: YUSHE, clause: '§3(2) (不低于采购金额的30%)' } });
    expect(minimumPrepayment('0').minimum.toFixed()).toBe('0');
  });
  it('starts monitoring in the 3rd month, across a year end (ganzhou-2023 §2(2))', () => {
    // November = month 1, December = 2, January = 3
    expect(monitoringStart('2024-11-15')).toBe('2025-01-01');
    expect(monitoringStart('2024-10-01')).toBe('2024-12-01');
    expect(monitoringStart('2024-12-31')).toBe('2025-02-01');
  });
  it('refuses a policy without the parameter, naming an example policy', () => {
    expect(() => vbpVolumeRange('1', 'jiangsu-2022')).toThrow('vbpVolumeRange: policy expected a policy with a VBP volume share (vbp.volumeShare), such as "yushe-2020", got "jiangsu-2022"');
    expect(() => minimumPrepayment('1', 'jiangsu-2022')).toThrow('minimumPrepayment: policy expected a policy with a minimum prepayment share (vbp.minimumPrepaymentShare), such as "yushe-2020", got "jiangsu-2022"');
    expect(() => monitoringStart('2024-01-01', 'jiangsu-2022')).toThrow('monitoringStart: policy expected a policy with a monitoring start month (vbp.monitoringStartMonth), such as "ganzhou-2023", got "jiangsu-2022"');
  });
  it('refuses bad amounts and dates', () => {
    expect(() => minimumPrepayment('-1')).toThrow('minimumPrepayment: amount expected a non-negative decimal amount in 元 such as "1234.56", got "-1"');
    expect(() => minimumPrepayment('1,0')).toThrow('minimumPrepayment: amount expected a non-negative decimal amount');
    expect(() => vbpVolumeRange('-5')).toThrow(`vbpVolumeRange: annualUsage expected ${QUANTITY}, got "-5"`);
    expect(() => monitoringStart('2024-13-01')).toThrow('monitoringStart: effectiveDate expected a real civil date "YYYY-MM-DD", got "2024-13-01"');
  });
});

describe('institutionVolumeFile refusals', () => {
  const items = [{ institutionId: 'H1', batch: 'B', product: 'P', agreedQuantity: '10', purchasedQuantity: '1', cycle }];
  it('names the field', () => {
    const fn = 'institutionVolumeFile: ';
    expect(() => institutionVolumeFile(items, null as never)).toThrow(`${fn}options expected an options object { institutionId, asOf }, got null`);
    expect(() => institutionVolumeFile(items, { institutionId: 'H9', asOf: '2024-01-05' })).toThrow(`${fn}options.institutionId expected the id of an institution with agreed volumes in items, got "H9"`);
    expect(() => institutionVolumeFile(items, { institutionId: 'H1', asOf: '2024/01/05' })).toThrow(`${fn}options.asOf expected a real civil date "YYYY-MM-DD", got "2024/01/05"`);
    expect(() => institutionVolumeFile(items, { institutionId: 'H1', asOf: '2024-01-05', warningRatio: 2 })).toThrow(`${fn}warningRatio expected a share between 0 and 1`);
  });
});
