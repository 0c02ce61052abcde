import { strictKeys } from '../_lib/options';
import type { Decimal } from 'decimal.js';
import { D } from '../_lib/decimal';
import { fromDayNumber, parseCivilDate } from '../_lib/dates';
import { inputError } from '../errors';
import { readDate } from '../calendar/days';
import { readCycle, type Cycle } from './quantity';

/** Options of {@link timeProgress}. */
export interface TimeProgressOptions {
  /**
   * `'days'` (default): elapsed days ÷ cycle days, counting the start day and `asOf` both.
   * `'months'`: the month of the cycle `asOf` falls in ÷ the cycle's months, the current month
   * counted as elapsed (the 序时进度 some bureaus use: at any day of the 6th month of a
   * 12-month cycle, 6/12).
   */
  readonly basis?: 'days' | 'months' | undefined;
}

/** The figures behind a time progress. @internal */
export interface TimeProgressFigures {
  readonly progress: Decimal;
  readonly elapsed: number;
  readonly total: number;
  readonly elapsedDays: number;
  readonly totalDays: number;
}

function monthIndex(startDate: string, date: string): number {
  // the k-th month of a cycle starting at startDate (1-based): months between the two dates,
  // plus one, less one when date's day of month is before the start's
  const s = parseCivilDate(startDate)!;
  const d = parseCivilDate(date)!;
  let k = (d.year - s.year) * 12 + (d.month - s.month) + 1;
  if (d.day < s.day) k -= 1;
  return k;
}

/** @internal */
export function timeProgressFigures(cycle: { start: number; end: number }, asOf: number, basis: 'days' | 'months'): TimeProgressFigures {
  const totalDays = cycle.end - cycle.start + 1;
  const elapsedDays = Math.min(Math.max(asOf - cycle.start + 1, 0), totalDays);
  if (basis === 'days') {
    const progress = new D(elapsedDays).dividedBy(totalDays); // exact 0 and 1 at the ends
    return { progress, elapsed: elapsedDays, total: totalDays, elapsedDays, totalDays };
  }
  const startDate = fromDayNumber(cycle.start);
  const total = monthIndex(startDate, fromDayNumber(cycle.end));
  // the month index grows with the date: at most 0 before the start, at least total after the end
  const k = Math.min(Math.max(monthIndex(startDate, fromDayNumber(asOf)), 0), total);
  const progress = new D(k).dividedBy(total);
  return { progress, elapsed: k, total, elapsedDays, totalDays };
}

/**
 * Time progress (序时进度): the elapsed share of a procurement cycle, an exact `Decimal` in
 * [0, 1]. Elapsed days run from the start day through `asOf`, both included: a 2024 cycle on
 * 2024-06-30 is 182/366. 0 before the start, 1 after the end.
 *
 * @category VBP
 * @see ganzhou-2023 §2(3) (序时采购进度); yushe-2020 §2(3) (a one-year cycle)
 * @param cycle - `{ start, end }`, civil dates, both included
 * @param asOf - the civil date to measure at
 * @param options - `{ basis = 'days' }` or `'months'`
 * @returns the share, 60 significant digits where it does not terminate
 * @throws {SunshineInputError} for a bad date or an end before the start
 * @example
 * timeProgress({ start: '2024-01-01', end: '2024-12-31' }, '2024-06-30').toFixed(6) //=> '0.497268' (182/366)
 */
export function timeProgress(cycle: Cycle, asOf: string, options: TimeProgressOptions = {}): Decimal {
  const fn = 'timeProgress';
  strictKeys(options, ['basis'], fn);
  const c = readCycle(cycle, fn, 'cycle');
  const at = readDate(asOf, fn, 'asOf');
  const basis = options.basis ?? 'days';
  if (basis !== 'days' && basis !== 'months') {
    throw inputError(fn, 'options.basis', basis, 'one of "days", "months"');
  }
  return timeProgressFigures(c, at, basis).progress;
}
