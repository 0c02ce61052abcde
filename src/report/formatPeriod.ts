import { daysInMonth } from '../_lib/dates';
import { readPeriod, type Period } from '../_lib/period';
import { readOrThrow } from '../_lib/read';

const QUARTERS = ['一', '二', '三', '四'];

/**
 * A period as bulletins print it: a calendar quarter as `2024年第一季度`, a month as `2024年3月`, a
 * half year as `2024年上半年`, a year as `2024年`, anything else as its two dates
 * (`2024-01-10至2024-02-15`).
 *
 * @category Reports
 * @param period - `{ from, to }`, civil dates, both included
 * @returns the label
 * @throws {SunshineInputError} for a period that is not `{ from, to }` with `from` ≤ `to`
 * @example
 * formatPeriod({ from: '2024-01-01', to: '2024-03-31' }) //=> '2024年第一季度'
 */
export function formatPeriod(period: Period): string {
  return periodLabel(period, 'formatPeriod', 'period');
}

/** {@link formatPeriod} for the package's own functions: a refusal names the caller's function and field. @internal */
export function periodLabel(period: unknown, fn: string, path: string): string {
  const { from, to } = readOrThrow(readPeriod, period, fn, path);
  const year = from.slice(0, 4);
  const m1 = Number(from.slice(5, 7));
  const m2 = Number(to.slice(5, 7));
  // a run of whole months of one year: from the 1st of m1 to the last day of m2
  if (to.slice(0, 4) === year && from.endsWith('-01') && Number(to.slice(8)) === daysInMonth(Number(year), m2)) {
    const months = m2 - m1 + 1;
    if (months === 1) return `${year}年${m1}月`;
    if (months === 3 && m1 % 3 === 1) return `${year}年第${QUARTERS[(m1 - 1) / 3]}季度`;
    if (months === 6 && m1 % 6 === 1) return `${year}年${m1 === 1 ? '上' : '下'}半年`;
    if (months === 12) return `${year}年`;
  }
  return `${from}至${to}`;
}
