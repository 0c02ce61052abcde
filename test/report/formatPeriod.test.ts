import { describe, expect, it } from 'vitest';
import { formatPeriod, reportingCompleteness, measureOnlineRates, SunshineInputError } from '../../src/index';

describe('formatPeriod', () => {
  it('matches the JSDoc example', () => {
    expect(formatPeriod({ from: '2024-01-01', to: '2024-03-31' })).toBe('2024年第一季度');
  });

  it('names calendar quarters, months, half years and years; anything else by its two dates', () => {
    expect(formatPeriod({ from: '2024-04-01', to: '2024-06-30' })).toBe('2024年第二季度');
    expect(formatPeriod({ from: '2024-07-01', to: '2024-09-30' })).toBe('2024年第三季度');
    expect(formatPeriod({ from: '2024-10-01', to: '2024-12-31' })).toBe('2024年第四季度');
    // February of a leap year ends on the 29th, of another year on the 28th
    expect(formatPeriod({ from: '2024-02-01', to: '2024-02-29' })).toBe('2024年2月');
    expect(formatPeriod({ from: '2023-02-01', to: '2023-02-28' })).toBe('2023年2月');
    expect(formatPeriod({ from: '2024-02-01', to: '2024-02-28' })).toBe('2024-02-01至2024-02-28');
    expect(formatPeriod({ from: '2024-12-01', to: '2024-12-31' })).toBe('2024年12月');
    expect(formatPeriod({ from: '2024-01-01', to: '2024-06-30' })).toBe('2024年上半年');
    expect(formatPeriod({ from: '2024-07-01', to: '2024-12-31' })).toBe('2024年下半年');
    expect(formatPeriod({ from: '2024-01-01', to: '2024-12-31' })).toBe('2024年');
    // three months that are not a calendar quarter, two months, a year across two calendar years, a day
    expect(formatPeriod({ from: '2024-02-01', to: '2024-04-30' })).toBe('2024-02-01至2024-04-30');
    expect(formatPeriod({ from: '2024-01-01', to: '2024-02-29' })).toBe('2024-01-01至2024-02-29');
    expect(formatPeriod({ from: '2024-04-01', to: '2024-09-30' })).toBe('2024-04-01至2024-09-30');
    expect(formatPeriod({ from: '2023-07-01', to: '2024-06-30' })).toBe('2023-07-01至2024-06-30');
    expect(formatPeriod({ from: '2024-01-02', to: '2024-03-31' })).toBe('2024-01-02至2024-03-31');
    expect(formatPeriod({ from: '2024-03-05', to: '2024-03-05' })).toBe('2024-03-05至2024-03-05');
    expect(formatPeriod({ from: '2023-12-01', to: '2024-12-31' })).toBe('2023-12-01至2024-12-31');
  });

  it('refuses what is not a period', () => {
    expect(() => formatPeriod({ from: '2024-03-31', to: '2024-01-01' })).toThrow('formatPeriod: period.to expected period.to on or after period.from');
    expect(() => formatPeriod('2024Q1' as never)).toThrow(SunshineInputError);
  });

  it('labels the periods of reportingCompleteness given as { from, to }', () => {
    const { measures } = measureOnlineRates([], { policy: 'ganzhou-2023', institutions: [{ id: 'A', level: 'primary', ownership: 'public' }] });
    const out = reportingCompleteness([{ period: { from: '2024-01-01', to: '2024-01-31' }, measures }]);
    expect(out.entries[0]!.period).toBe('2024年1月');
    expect(() => reportingCompleteness([{ period: { from: '2024-01-01' } as never, measures }])).toThrow('reportingCompleteness: periods[0].period.to expected');
  });
});
