/**
 * The built script's cases against the source of the custom functions, so that the mutation run
 * (which does not rebuild dist/sheets) sees src/sheets too; Google Sheets' Date cells as well.
 */
import { describe, expect, it } from 'vitest';
import { createSheetFunctions } from '../../src/sheets';
import { excelCases } from './cases';
import { thrown } from '../_helpers/refusal';

describe('src/sheets, called as Excel or WPS would (date serials)', () => excelCases(createSheetFunctions('serial') as never));

describe('src/sheets, called as Google Sheets would (Date cells and results)', () => {
  const g = createSheetFunctions('date') as unknown as Record<string, (...args: unknown[]) => unknown>;
  const cell = (civil: string) => new Date(`${civil}T00:00:00+08:00`);
  it('reads a Date cell as the civil date at +08:00 and answers with a Date at midnight +08:00', () => {
    expect(g.SUNSHINE_IS_WORKDAY!(cell('2026-02-14'))).toBe(true);
    const due = g.SUNSHINE_ADD_WORKDAYS!(cell('2026-02-14'), 1) as Date;
    expect(due.getTime()).toBe(Date.parse('2026-02-24T00:00:00+08:00'));
    expect((g.SUNSHINE_DUE!('jiangsu-2022', 'institution-monthly-report', cell('2026-01-20')) as Date).getTime()).toBe(Date.parse('2026-02-24T00:00:00+08:00'));
  });
});

describe('src/sheets: what each function says when it cannot answer', () => {
  const x = createSheetFunctions('serial') as unknown as Record<string, (...args: unknown[]) => unknown>;

  it('SUNSHINE_RATE: a zero total, inconsistent data', () => {
    expect(thrown(() => x.SUNSHINE_RATE!(0, 0))).toBe('院内采购金额为 0，无网采率 / the total is zero: there is no rate');
    expect(thrown(() => x.SUNSHINE_RATE!(1200, 1000))).toMatch(/^数据不一致：.+ \/ inconsistent data$/);
    expect(thrown(() => x.SUNSHINE_REGION_RATE!([[1], ['y']], [[2], [3]]))).toContain('参数 platformRange[2] 无效');
  });

  it('SUNSHINE_MEETS: measure names in both languages, a measure without a target, an unknown policy', () => {
    expect(x.SUNSHINE_MEETS!(0.75, 'jiangsu-2022', '医用耗材')).toBe(true);
    expect(x.SUNSHINE_MEETS!(0.7499, 'jiangsu-2022', '耗材')).toBe(false);
    expect(x.SUNSHINE_MEETS!('80%', 'ganzhou-2023', '高值耗材')).toBe(true);
    expect(x.SUNSHINE_MEETS!(0.79, 'ganzhou-2023', '高值医用耗材')).toBe(false);
    expect(thrown(() => x.SUNSHINE_MEETS!(0.9, 'jiangsu-2022', 'food'))).toBe('参数 measure 无效：应为 drug、consumable 或 consumable-high-value，实为 "food" / argument measure is invalid: expected drug, consumable or consumable-high-value, got "food"');
    expect(thrown(() => x.SUNSHINE_MEETS!(0.9, 'jiangsu-2022', 'consumable-high-value'))).toBe('参数 measure 无效：政策 jiangsu-2022 对该指标没有数值目标，实为 "consumable-high-value" / argument measure is invalid: policy jiangsu-2022 sets no numeric target for this measure, got "consumable-high-value"');
    expect(thrown(() => x.SUNSHINE_MEETS!(0.9, 'beijing-2030', 'drug'))).toBe('参数 policyId 无效：未知的政策 id（如 jiangsu-2022、ganzhou-2023），实为 "beijing-2030" / argument policyId is invalid: unknown policy id (e.g. jiangsu-2022, ganzhou-2023), got "beijing-2030"');
  });

  it('SUNSHINE_SHORTFALL: the target from 0 to 1, nothing owed at or above it', () => {
    // 0.75 × 1000 − 700 = 50; at 0 nothing; 1 × 1000 − 700 = 300
    expect([x.SUNSHINE_SHORTFALL!(700, 1000, '75%'), x.SUNSHINE_SHORTFALL!(700, 1000, 0), x.SUNSHINE_SHORTFALL!(700, 1000, 1), x.SUNSHINE_SHORTFALL!(750, 1000, 0.75)]).toEqual([50, 0, 300, 0]);
    expect(thrown(() => x.SUNSHINE_SHORTFALL!(1, 2, 1.01))).toBe('参数 target 无效：目标应在 0 到 1 之间（如 0.85 或 85%），实为 1.01 / argument target is invalid: expected a target from 0 to 1 (such as 0.85 or 85%), got 1.01');
    expect(() => x.SUNSHINE_SHORTFALL!(1, 2, -0.1)).toThrow('目标应在 0 到 1 之间');
  });

  it('passes the library’s refusals on in both languages, naming the field', () => {
    expect(thrown(() => x.SUNSHINE_TIME_PROGRESS!('2024-12-31', '2024-01-01', '2024-06-30'))).toMatch(/^参数无效：cycle\.end 应为 .+ \/ invalid input: timeProgress: cycle\.end expected /);
  });

  it('SUNSHINE_DUE: a period as a month, a quarter, a year or a date; what is available when the event is not', () => {
    const serial = (civil: string) => Date.parse(`${civil}T00:00:00Z`) / 86400000 + 25569;
    expect(x.SUNSHINE_DUE!('jiangsu-2022', 'institution-monthly-report', ' 2026-01 ')).toBe(serial('2026-02-24'));
    // a month of a yearly event: the year's
    expect(x.SUNSHINE_DUE!('ganzhou-2023', 'annual-report', '2024-05')).toBe(serial('2025-01-15'));
    expect(thrown(() => x.SUNSHINE_DUE!('jiangsu-2022', 'no-such-event', '2026-01'))).toMatch(/^参数 kind 无效：政策 jiangsu-2022 在 2026-01 没有该事项（可用：institution-monthly-report、.+），实为 "no-such-event" \/ argument kind is invalid: policy jiangsu-2022 has no such deadline for 2026-01 \(available: institution-monthly-report、/);
    expect(thrown(() => x.SUNSHINE_DUE!('jiangsu-2022', 'quarterly-bulletin', '2026-Q1'))).toMatch(/^文件未规定该事项的日期（.+） \/ the document gives no date for this event$/);
    expect(() => x.SUNSHINE_DUE!('jiangsu-2022', 'institution-monthly-report', '2026-13')).toThrow('参数 period 无效');
  });
});
