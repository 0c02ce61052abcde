/**
 * The built script's cases against the source of the custom functions, so that the mutation run
 * (which does not rebuild dist/sheets) sees src/sheets too; Google Sheets' Date cells as well.
 */
import { describe, expect, it } from 'vitest';
import { createSheetFunctions } from '../../src/sheets';
import { excelCases } from './cases';

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
