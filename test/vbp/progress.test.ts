import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agreedVolumeProgress, SunshineInputError, timeProgress } from '../../src/index';

const Y2024 = { start: '2024-01-01', end: '2024-12-31' }; // 366 days

describe('timeProgress', () => {
  it('matches the JSDoc example', () => {
    expect(timeProgress({ start: '2024-01-01', end: '2024-12-31' }, '2024-06-30').toFixed(6)).toBe('0.497268');
  });
  it('counts the start day and asOf both (ganzhou-2023 §2(3))', () => {
    // Jan 31 + Feb 29 + Mar 31 + Apr 30 + May 31 + Jun 30 = 182 of 366 days
    expect(timeProgress(Y2024, '2024-06-30').times(366).toDecimalPlaces(40).toString()).toBe('182');
    // on the start day: 1/366
    expect(timeProgress(Y2024, '2024-01-01').times(366).toDecimalPlaces(40).toString()).toBe('1');
    // a non-leap year: 181/365 on 2025-06-30
    expect(timeProgress({ start: '2025-01-01', end: '2025-12-31' }, '2025-06-30').times(365).toDecimalPlaces(40).toString()).toBe('181');
  });
  it('is 0 before the start and 1 on and after the end', () => {
    expect(timeProgress(Y2024, '2023-12-31').toString()).toBe('0');
    expect(timeProgress(Y2024, '2024-12-31').toString()).toBe('1');
    expect(timeProgress(Y2024, '2025-03-01').toString()).toBe('1');
  });
  it('offers the month basis: the current month counted as elapsed', () => {
    // any day of June in a calendar-year cycle: 6/12
    expect(timeProgress(Y2024, '2024-06-01', { basis: 'months' }).toString()).toBe('0.5');
    expect(timeProgress(Y2024, '2024-06-30', { basis: 'months' }).toString()).toBe('0.5');
    // a cycle from 2024-03-15: 2024-04-14 is in month 1, 2024-04-15 starts month 2 (of 12)
    const c = { start: '2024-03-15', end: '2025-03-14' };
    expect(timeProgress(c, '2024-04-14', { basis: 'months' }).times(12).toString()).toBe('1');
    expect(timeProgress(c, '2024-04-15', { basis: 'months' }).times(12).toString()).toBe('2');
  });
  it('refuses an end before the start and malformed dates', () => {
    expect(() => timeProgress({ start: '2024-12-31', end: '2024-01-01' }, '2024-06-30')).toThrow('timeProgress: cycle.end expected a date on or after cycle.start (2024-12-31), got "2024-01-01"');
    expect(() => timeProgress(Y2024, '2024-6-30')).toThrow('timeProgress: asOf expected a real civil date');
    expect(() => timeProgress(Y2024, '2024-06-30', { basis: 'weeks' as never })).toThrow(SunshineInputError);
  });
});

describe('agreedVolumeProgress', () => {
  const at = (purchased: string, asOf = '2024-06-30', agreed = '366') => agreedVolumeProgress({ agreedQuantity: agreed, purchasedQuantity: purchased, cycle: Y2024, asOf });

  it('matches the JSDoc example', () => {
    expect(agreedVolumeProgress({ agreedQuantity: '1000', purchasedQuantity: '390', cycle: { start: '2024-01-01', end: '2024-12-31' }, asOf: '2024-06-30' }).status).toBe('warning');
  });

  it('is on track exactly at time progress', () => {
    // agreed 366, purchased 182 on day 182 of 366: completion = time progress = 182/366
    const r = at('182');
    expect(r.status).toBe('on-track');
    expect(r.label).toBe('符合序时进度');
    expect(r.gapPoints?.toDecimalPlaces(30).toString()).toBe('0');
    expect(r.elapsedDays).toBe(182);
    expect(r.totalDays).toBe(366);
  });

  it('is behind just below time progress, and at exactly 80% of it', () => {
    // 181.99 × 366 = 66608.34 < 182 × 366 = 66612
    expect(at('181.99').status).toBe('behind');
    // 80% of time progress: 0.8 × 182 = 145.6; 145.6 × 366 = 53289.6 = 0.8 × 66612, not below → behind
    expect(at('145.6').status).toBe('behind');
  });

  it('warns below 80% of time progress', () => {
    // 145.59 × 366 = 53285.94 < 53289.6
    expect(at('145.59').status).toBe('warning');
    // a warning ratio of 0.5: 145.59 is above 0.5 × 182 = 91 → behind
    expect(agreedVolumeProgress({ agreedQuantity: '366', purchasedQuantity: '145.59', cycle: Y2024, asOf: '2024-06-30', warningRatio: '0.5' }).status).toBe('behind');
  });

  it('takes the warning ratio from the policy data', () => {
    const r = agreedVolumeProgress({ agreedQuantity: '366', purchasedQuantity: '145.59', cycle: Y2024, asOf: '2024-06-30', policy: 'ganzhou-2023' });
    expect(r.warningRatio.toString()).toBe('0.8');
    expect(r.status).toBe('warning');
  });

  it('completes on the last day, and ends incomplete the day after', () => {
    expect(at('366', '2024-12-31').status).toBe('completed');
    // 365 of 366 on the last day: time progress 1, completion below it → behind (0.997 ≥ 0.8)
    expect(at('365', '2024-12-31').status).toBe('behind');
    const after = at('365', '2025-01-01');
    expect(after.status).toBe('ended-incomplete');
    expect(after.remainingQuantity.toString()).toBe('1');
    expect(after.requiredDailyQuantity).toBeNull();
    expect(after.warnings.map((w) => w.code)).toEqual(['cycle-ended-incomplete']);
  });

  it('has not started before the cycle, unless already complete', () => {
    const r = at('0', '2023-12-31');
    expect(r.status).toBe('not-started');
    expect(r.timeProgress.toString()).toBe('0');
    expect(r.projectedCompletionRate).toBeNull();
    // the whole cycle is left: 366 / 366 days = 1 a day
    expect(r.requiredDailyQuantity?.toString()).toBe('1');
    expect(at('366', '2023-12-31').status).toBe('completed');
  });

  it('gives no rate and status no-agreement for a zero agreed quantity', () => {
    const r = at('10', '2024-06-30', '0');
    expect(r.status).toBe('no-agreement');
    expect(r.completionRate).toBeNull();
    expect(r.gapPoints).toBeNull();
    expect(r.projectedCompletionRate).toBeNull();
    expect(r.overageQuantity.toString()).toBe('10');
  });

  it('projects, and gives the daily pace needed', () => {
    const r = agreedVolumeProgress({ agreedQuantity: '1000', purchasedQuantity: '400', cycle: Y2024, asOf: '2024-06-30' });
    // completion 0.4; projected 400 × 366 / (1000 × 182) = 146400 / 182000 = 0.80439560…
    expect(r.completionRate?.toString()).toBe('0.4');
    expect(r.projectedCompletionRate?.toFixed(8)).toBe('0.80439560');
    // 600 left over the 184 days from 2024-07-01 to 2024-12-31: 3.26086956…
    expect(r.remainingDays).toBe(184);
    expect(r.requiredDailyQuantity?.toFixed(8)).toBe('3.26086957');
    // gap: (0.4 − 182/366) × 100 = −9.7267759…
    expect(r.gapPoints?.toFixed(4)).toBe('-9.7268');
    // 400 × 366 = 146400 ≥ 0.8 × 182000 = 145600 → behind
    expect(r.status).toBe('behind');
  });

  it('reports the overage beyond the agreed volume (ganzhou-2023 §2(2), §2(5))', () => {
    const r = at('400');
    expect(r.status).toBe('completed');
    expect(r.overageQuantity.toString()).toBe('34');
    expect(r.remainingQuantity.toString()).toBe('0');
    expect(r.requiredDailyQuantity).toBeNull();
  });

  it.each([
    ['agreedQuantity', '-1'],
    ['purchasedQuantity', 'abc'],
    ['purchasedQuantity', Number.NaN],
    ['agreedQuantity', null],
  ])('refuses %s = %j', (field, value) => {
    const input = { agreedQuantity: '10', purchasedQuantity: '1', cycle: Y2024, asOf: '2024-06-30', [field]: value };
    expect(() => agreedVolumeProgress(input as never)).toThrow(`agreedVolumeProgress: ${field} expected a non-negative decimal quantity`);
  });

  it('refuses an unknown policy and a bad warning ratio', () => {
    expect(() => agreedVolumeProgress({ agreedQuantity: '1', purchasedQuantity: '1', cycle: Y2024, asOf: '2024-06-30', policy: 'nowhere' as never })).toThrow(SunshineInputError);
    expect(() => agreedVolumeProgress({ agreedQuantity: '1', purchasedQuantity: '1', cycle: Y2024, asOf: '2024-06-30', warningRatio: '1.5' })).toThrow('warningRatio expected a share between 0 and 1');
  });

  describe('properties', () => {
    const order = ['warning', 'behind', 'on-track', 'completed'];
    it('the status is monotone in the purchased quantity', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 0, max: 365 }), (agreed, a, b, day) => {
          const asOf = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
          const lo = agreedVolumeProgress({ agreedQuantity: agreed, purchasedQuantity: Math.min(a, b), cycle: Y2024, asOf }).status;
          const hi = agreedVolumeProgress({ agreedQuantity: agreed, purchasedQuantity: Math.max(a, b), cycle: Y2024, asOf }).status;
          expect(order.indexOf(hi)).toBeGreaterThanOrEqual(order.indexOf(lo));
        }),
      );
    });
  });
});
