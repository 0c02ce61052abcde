/**
 * The custom functions' cases as Excel and WPS call them (date serials), run against the built
 * script (sheets.test.ts) and against the source (source.test.ts, which the mutation run reads).
 */
import { expect, it } from 'vitest';

type Fn = (...args: unknown[]) => unknown;

/** A date serial as Excel and WPS pass it (days since 1899-12-30). */
export const serial = (civil: string) => Date.parse(`${civil}T00:00:00Z`) / 86400000 + 25569;

export function excelCases(x: Record<string, Fn>): void {
  it('SUNSHINE_RATE', () => {
    // 850 / 1000 = 0.85; numeric text and thousands separators are read too
    expect(x.SUNSHINE_RATE!(850, 1000)).toBe(0.85);
    expect(x.SUNSHINE_RATE!('1,700', '2,000')).toBe(0.85);
  });
  it('SUNSHINE_RATE takes the emergency amount, and refuses parts that exceed the total (issue 26)', () => {
    // 50 platform + 60 emergency = 110 > 90 total: inconsistent, not 50 / 90 = 0.5556
    expect(() => x.SUNSHINE_RATE!(50, 90, 60)).toThrow(/^数据不一致：.* \/ inconsistent data$/);
    // 50 + 30 ≤ 90: 50 / 90, emergency purchases stay in the total; a blank emergency cell is 0
    expect(x.SUNSHINE_RATE!(50, 90, 30)).toBeCloseTo(50 / 90, 12);
    expect(x.SUNSHINE_RATE!(850, 1000, '')).toBe(0.85);
    expect(() => x.SUNSHINE_RATE!(850, 1000, 'abc')).toThrow('参数 emergency 无效');
  });
  it('SUNSHINE_RATE_TEXT never writes a rate that misses its target as the target (issue 26)', () => {
    // 849,999 / 1,000,000 = 0.849999: 85.00% at two places, 84.9999% beside the 85% target
    expect(x.SUNSHINE_RATE_TEXT!(849999, 1000000)).toBe('85.00%');
    expect(x.SUNSHINE_RATE_TEXT!(849999, 1000000, '', '85%')).toBe('84.9999%');
    expect(x.SUNSHINE_RATE_TEXT!(850000, 1000000, 0, 0.85, 1)).toBe('85.0%');
    expect(() => x.SUNSHINE_RATE_TEXT!(1, 1, 0, 0.85, 11)).toThrow('参数 digits 无效');
  });
  it('SUNSHINE_REGION_RATE sums ranges and skips blanks (Σ/Σ)', () => {
    // (90 + 500) / (100 + 1000) = 0.536363…
    expect(x.SUNSHINE_REGION_RATE!([[90], [''], [500]], [[100], [null], [1000]])).toBeCloseTo(0.536364, 6);
  });
  it('SUNSHINE_MEETS compares exactly with the policy target', () => {
    expect(x.SUNSHINE_MEETS!(0.85, 'jiangsu-2022', 'drug')).toBe(true);
    expect(x.SUNSHINE_MEETS!(0.849999, 'jiangsu-2022', '药品')).toBe(false);
    expect(x.SUNSHINE_MEETS!(0.8, 'ganzhou-2023', 'consumable-high-value')).toBe(true);
  });
  it('SUNSHINE_SHORTFALL', () => {
    // 0.85 × 1000 − 800 = 50
    expect(x.SUNSHINE_SHORTFALL!(800, 1000, 0.85)).toBe(50);
    expect(x.SUNSHINE_SHORTFALL!(900, 1000, '85%')).toBe(0);
    // rounded up to the fen (issue 26): 0.85 × 95,000.01 − 75,000 = 5,750.0085 → 5,750.01, which moved reaches 85 %
    expect(x.SUNSHINE_SHORTFALL!(75000, 95000.01, 0.85)).toBe(5750.01);
    // a shortfall of a ten-thousandth of a fen is still a fen
    expect(x.SUNSHINE_SHORTFALL!(849.999999, 1000, 0.85)).toBe(0.01);
  });
  it('SUNSHINE_TIME_PROGRESS and SUNSHINE_VBP_STATUS', () => {
    // 182 / 366 on 2024-06-30
    expect(x.SUNSHINE_TIME_PROGRESS!(serial('2024-01-01'), serial('2024-12-31'), serial('2024-06-30'))).toBeCloseTo(182 / 366, 12);
    expect(x.SUNSHINE_VBP_STATUS!(366, 182, '2024-01-01', '2024-12-31', '2024-06-30')).toBe('符合序时进度');
    expect(x.SUNSHINE_VBP_STATUS!(1000, 390, '2024/1/1', '2024/12/31', serial('2024-06-30'))).toBe('预警');
  });
  it('SUNSHINE_IS_WORKDAY and SUNSHINE_ADD_WORKDAYS with serials', () => {
    expect(x.SUNSHINE_IS_WORKDAY!(serial('2026-02-14'))).toBe(true);
    expect(x.SUNSHINE_IS_WORKDAY!(serial('2026-02-17'))).toBe(false);
    expect(x.SUNSHINE_ADD_WORKDAYS!(serial('2026-02-14'), 1)).toBe(serial('2026-02-24'));
    expect(x.SUNSHINE_ADD_WORKDAYS!('2026-02-24', -1)).toBe(serial('2026-02-14'));
  });
  it('SUNSHINE_DUE rolls past the Spring Festival', () => {
    expect(x.SUNSHINE_DUE!('jiangsu-2022', 'institution-monthly-report', '2026-01')).toBe(serial('2026-02-24'));
    // any date in January means the January report
    expect(x.SUNSHINE_DUE!('jiangsu-2022', 'institution-monthly-report', serial('2026-01-20'))).toBe(serial('2026-02-24'));
    expect(x.SUNSHINE_DUE!('ganzhou-2023', 'annual-report', '2024')).toBe(serial('2025-01-15'));
  });
  it('gives the figures of the worked sheet in docs/spreadsheets.md', () => {
    // 542.35 / 620.35 = 0.874265…; 348 / 433.5 = 0.802768…; 375 / 450.6 = 0.832224…
    expect(x.SUNSHINE_RATE!(542.35, 620.35)).toBeCloseTo(0.874265, 6);
    expect(x.SUNSHINE_RATE!(348, 433.5)).toBeCloseTo(0.802768, 6);
    expect(x.SUNSHINE_MEETS!(x.SUNSHINE_RATE!(375, 450.6), 'jiangsu-2022', 'drug')).toBe(false);
    // 0.85 × 450.60 − 375.00 = 383.01 − 375.00 = 8.01
    expect(x.SUNSHINE_SHORTFALL!(375, 450.6, 0.85)).toBe(8.01);
  });
  it('throws a bilingual message naming the argument, never a silent 0 or NaN', () => {
    expect(() => x.SUNSHINE_RATE!('abc', 1000)).toThrow(/参数 platform 无效：应为数字或数字文本，实为 "abc" \/ argument platform is invalid/);
    expect(() => x.SUNSHINE_RATE!(0, 0)).toThrow(/院内采购金额为 0/);
    expect(() => x.SUNSHINE_MEETS!(0.9, 'beijing-2030', 'drug')).toThrow(/参数 policyId 无效/);
    expect(() => x.SUNSHINE_MEETS!(0.9, 'hunan-2023', 'drug')).toThrow(/没有数值目标/);
    expect(() => x.SUNSHINE_IS_WORKDAY!(serial('2031-05-06'))).toThrow(/2031 is not covered/);
    expect(() => x.SUNSHINE_ADD_WORKDAYS!('2026-03-02', 1.5)).toThrow(/参数 n 无效：应为整数/);
    expect(() => x.SUNSHINE_DUE!('jiangsu-2022', 'quarterly-bulletin', '2026-Q1')).toThrow(/文件未规定该事项的日期/);
    expect(() => x.SUNSHINE_IS_WORKDAY!(30)).toThrow(/日期序号应在 61/);
  });
}
