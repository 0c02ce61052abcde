/** `--period` as people write it, and the period that covers a span of dates (the page's choice, issue 27). */
import { describe, expect, it } from 'vitest';
import { parsePeriod, periodCovering } from '../../cli/period';
import { CliError } from '../../cli/errors';

describe('parsePeriod', () => {
  it('reads quarters, months, halves, years and two dates', () => {
    expect(parsePeriod('2024Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(parsePeriod('2024q4')).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    // 2024 is a leap year, 2023 is not
    expect(parsePeriod('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(parsePeriod('2023-02')).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(parsePeriod('2024H2')).toEqual({ from: '2024-07-01', to: '2024-12-31' });
    expect(parsePeriod(' 2024 ')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(parsePeriod('2024-01-10..2024-02-15')).toEqual({ from: '2024-01-10', to: '2024-02-15' });
  });

  it('refuses what is not a period, as a usage error (exit 2) that says what is accepted', () => {
    for (const bad of ['2024Q5', '2024-13', '2024H3', '24Q1', '2024-02-01..2024-02-30', '2024-03-01..2024-02-01', '一季度']) {
      let caught: unknown;
      try {
        parsePeriod(bad);
      } catch (e) {
        caught = e;
      }
      expect(caught, bad).toBeInstanceOf(CliError);
      expect((caught as CliError).exitCode, bad).toBe(2);
      expect((caught as CliError).message, bad).toContain('expected 2024Q1 (a quarter)');
    }
  });
});

describe('periodCovering', () => {
  it('is the month, else the quarter, else the year of the dates, else the dates themselves', () => {
    expect(periodCovering('2024-03-02', '2024-03-30')).toEqual({ from: '2024-03-01', to: '2024-03-31' });
    expect(periodCovering('2024-01-05', '2024-03-08')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(periodCovering('2024-03-05', '2024-04-08')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(periodCovering('2023-12-30', '2024-01-02')).toEqual({ from: '2023-12-30', to: '2024-01-02' });
  });
});
