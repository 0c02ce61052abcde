/**
 * How the custom functions read what a sheet passes and say what is wrong (src/sheets/cells.ts),
 * worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { argumentError, readDate, readInteger, readNumber, readRange, readText, writeDate } from '../../src/sheets/cells';
import { thrown } from '../_helpers/refusal';


describe('reading cells', () => {
  it('reads numbers to 15 digits, numeric text with separators, full-width digits and a percent sign', () => {
    // 0.1 + 0.2 is 0.30000000000000004 as a double: a cell holds 15 digits, 0.3
    expect(readNumber(0.1 + 0.2, 'x').toString()).toBe('0.3');
    expect(readNumber(' 1,234.5 ', 'x').toString()).toBe('1234.5');
    expect(readNumber('85%', 'x').toString()).toBe('0.85');
    expect(readNumber('８５％', 'x').toString()).toBe('0.85');
    expect(readNumber('1.2万', 'x').toString()).toBe('12000');
    for (const bad of ['', '  ', 'abc', '%', null, undefined, Number.NaN, Number.POSITIVE_INFINITY, true, {}]) expect(() => readNumber(bad, 'x')).toThrow('参数 x 无效：应为数字或数字文本');
  });

  it('flattens a range, skips blank cells and numbers the cell at fault from 1', () => {
    expect(readRange([[1, '2'], [' ', null], [3]], 'r').map(String)).toEqual(['1', '2', '3']);
    expect(readRange(5, 'r').map(String)).toEqual(['5']);
    expect(() => readRange([[1], ['x']], 'r')).toThrow('参数 r[2] 无效');
    expect(readRange([], 'r')).toEqual([]);
  });

  it('says which cell of a range is wrong', () => {
    // the cells [[1], [''], ['x']] flattened: 'x' is the third
    expect(thrown(() => readRange([[1], [''], ['x']], 'platformRange'))).toBe('参数 platformRange[3] 无效：应为数字或数字文本，实为 "x" / argument platformRange[3] is invalid: expected a number or numeric text, got "x"');
  });

  it('reads dates: Date cells at +08:00, serials from 61 to 2958465 (the time of day ignored), and text', () => {
    expect(readDate(new Date('2024-03-05T23:59:59+08:00'), 'd')).toBe('2024-03-05');
    expect(readDate(new Date('2024-03-05T00:00:00+08:00'), 'd')).toBe('2024-03-05');
    // serial 61 is 1900-03-01, 45356 is 2024-03-05, 2958465 is 9999-12-31
    expect([readDate(61, 'd'), readDate(45356.75, 'd'), readDate(2958465, 'd')]).toEqual(['1900-03-01', '2024-03-05', '9999-12-31']);
    expect(thrown(() => readDate(60, 'd'))).toBe('参数 d 无效：日期序号应在 61（1900-03-01）到 2958465 之间，实为 60 / argument d is invalid: expected a date serial from 61 (1900-03-01) to 2958465, got 60');
    expect(() => readDate(2958466, 'd')).toThrow('日期序号应在 61');
    expect([readDate(' 2024/3/5 ', 'd'), readDate('2024年3月5日', 'd'), readDate('2024.3.5', 'd')]).toEqual(['2024-03-05', '2024-03-05', '2024-03-05']);
    expect(thrown(() => readDate('x2024-03-05', 'd'))).toBe('参数 d 无效：应为日期、日期序号或“YYYY-MM-DD”文本，实为 "x2024-03-05" / argument d is invalid: expected a date, a date serial or "YYYY-MM-DD" text, got "x2024-03-05"');
    expect(() => readDate('2024-03-05x', 'd')).toThrow('应为日期');
    expect(() => readDate(Number.NaN, 'd')).toThrow('应为日期');
    expect(thrown(() => readDate(new Date(Number.NaN), 'd'))).toBe('参数 d 无效：日期无效，实为 Invalid Date / argument d is invalid: the date is invalid, got Invalid Date');
  });

  it('reads whole numbers and texts, and refuses the rest in both languages', () => {
    expect([readInteger(3, 'n'), readInteger(' -2 ', 'n'), readInteger('7', 'n')]).toEqual([3, -2, 7]);
    expect(thrown(() => readInteger('1.5', 'n'))).toBe('参数 n 无效：应为整数，实为 "1.5" / argument n is invalid: expected a whole number, got "1.5"');
    expect(() => readInteger('', 'n')).toThrow('应为整数');
    expect(() => readInteger(null, 'n')).toThrow('应为整数');
    expect(readText('  jiangsu-2022 ', 't')).toBe('jiangsu-2022');
    expect(thrown(() => readText('  ', 't'))).toBe('参数 t 无效：应为文本，实为 "  " / argument t is invalid: expected text, got "  "');
    expect(() => readText(5, 't')).toThrow('应为文本');
  });

  it('cuts a long text in a message to 40 characters', () => {
    expect(argumentError('a', '错', 'wrong', 'x'.repeat(41)).message).toBe(`参数 a 无效：错，实为 "${'x'.repeat(40)}…" / argument a is invalid: wrong, got "${'x'.repeat(40)}…"`);
    expect(argumentError('a', '错', 'wrong', 'x'.repeat(40)).message).toContain(`"${'x'.repeat(40)}"`);
    expect(argumentError('a', '错', 'wrong', 12).message).toBe('参数 a 无效：错，实为 12 / argument a is invalid: wrong, got 12');
  });

  it('writes dates back as a Date at midnight +08:00 or as a serial', () => {
    expect((writeDate('2024-03-05', 'date') as Date).toISOString()).toBe('2024-03-04T16:00:00.000Z');
    expect(writeDate('2024-03-05', 'serial')).toBe(45356);
  });
});
