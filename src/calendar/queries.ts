import { fromDayNumber } from '../_lib/dates';
import { CalendarCoverageError, DAY_KIND_LABELS, INDEX, KIND_CODES, weekdayOf, type DayKind, type WorkdayCalendar } from './calendar';
import { calendarOf, readCount, readCoveredDate } from './days';

/**
 * Whether a date is a working day: Monday to Friday unless a holiday notice gives it off,
 * and the make-up working days (调休) on weekends.
 *
 * @category Calendar
 * @param date - a civil date `YYYY-MM-DD`
 * @param calendar - the calendar; {@link cnWorkdayCalendar} by default
 * @returns true on a working day
 * @throws {SunshineInputError} for a malformed or impossible date
 * @throws {CalendarCoverageError} for a date outside the calendar's years
 * @example
 * isWorkday('2026-02-14') //=> true
 */
export function isWorkday(date: string, calendar?: WorkdayCalendar): boolean {
  const cal = calendarOf(calendar, 'isWorkday');
  const n = readCoveredDate(date, cal, 'isWorkday', 'date');
  const kind = cal[INDEX].kinds[n - cal[INDEX].start]!;
  return kind === 0 || kind === 3;
}

/** The detail of one day, from {@link describeDay}. */
export interface DayInfo {
  readonly date: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  readonly workday: boolean;
  readonly kind: DayKind;
  /** 工作日, 休息日, 节假日 or 调休上班. */
  readonly label: string;
  /** The holiday's name for a day off or make-up working day of a holiday arrangement (e.g. 春节). */
  readonly holiday: string | undefined;
}

/**
 * The detail of a day: working day, weekend rest day, day off in a holiday block (with the
 * holiday's name) or make-up working day.
 *
 * @category Calendar
 * @param date - a civil date `YYYY-MM-DD`
 * @param calendar - the calendar; {@link cnWorkdayCalendar} by default
 * @returns `{ date, weekday, workday, kind, label, holiday }`
 * @throws {SunshineInputError} for a malformed or impossible date
 * @throws {CalendarCoverageError} for a date outside the calendar's years
 * @example
 * describeDay('2026-02-17').holiday //=> '春节'
 */
export function describeDay(date: string, calendar?: WorkdayCalendar): DayInfo {
  const cal = calendarOf(calendar, 'describeDay');
  const n = readCoveredDate(date, cal, 'describeDay', 'date');
  const idx = cal[INDEX];
  const kind = KIND_CODES[idx.kinds[n - idx.start]!]!;
  return { date, weekday: weekdayOf(n), workday: kind === 'workday' || kind === 'makeup-workday', kind, label: DAY_KIND_LABELS[kind], holiday: idx.names.get(n) };
}

function beyond(cal: WorkdayCalendar, fn: string, count: number, date: string, forward: boolean): CalendarCoverageError {
  const year = forward ? cal.coverage.to + 1 : cal.coverage.from - 1;
  return new CalendarCoverageError(fn, 'n', count, year, cal.coverage, `a count of working days from ${date} whose result stays`);
}

/** addWorkdays on day numbers, for internal callers. @internal */
export function addWorkdaysTo(n: number, count: number, cal: WorkdayCalendar, fn: string, date: string): number {
  const idx = cal[INDEX];
  if (count === 0) return n;
  if (count > 0) {
    const k = idx.cum[n - idx.start + 1]! + count; // the k-th working day (1-based)
    if (k > idx.workdays.length) throw beyond(cal, fn, count, date, true);
    return idx.workdays[k - 1]!;
  }
  const k = idx.cum[n - idx.start]! + count; // 0-based index of the target
  if (k < 0) throw beyond(cal, fn, count, date, false);
  return idx.workdays[k]!;
}

/**
 * The date `n` working days after `date` (before it for negative `n`). The start day is not
 * counted, as China's Civil Code art. 201 counts periods: 7 working days from a Friday
 * purchase end on the Tuesday of the week after next. `addWorkdays(d, 0)` is `d`.
 *
 * @category Calendar
 * @param date - a civil date `YYYY-MM-DD`
 * @param n - a whole number of working days, negative to count back
 * @param calendar - the calendar; {@link cnWorkdayCalendar} by default
 * @returns the civil date reached, a working day when `n` is not 0
 * @throws {SunshineInputError} for a bad date or a non-integer `n`
 * @throws {CalendarCoverageError} when the date or the count leaves the calendar's years
 * @example
 * addWorkdays('2026-02-14', 1) //=> '2026-02-24'
 */
export function addWorkdays(date: string, n: number, calendar?: WorkdayCalendar): string {
  const fn = 'addWorkdays';
  const cal = calendarOf(calendar, fn);
  const day = readCoveredDate(date, cal, fn, 'date');
  const count = readCount(n, fn, 'n');
  return fromDayNumber(addWorkdaysTo(day, count, cal, fn, date));
}

/**
 * The number of working days after `start` through `end` (negative when `end` is before
 * `start`: minus the working days from `end` up to, not including, `start`), so that
 * `workdaysBetween(d, addWorkdays(d, n)) === n`.
 *
 * @category Calendar
 * @param start - a civil date `YYYY-MM-DD`, not counted
 * @param end - a civil date `YYYY-MM-DD`, counted
 * @param calendar - the calendar; {@link cnWorkdayCalendar} by default
 * @returns the signed count of working days
 * @throws {SunshineInputError} for a bad date
 * @throws {CalendarCoverageError} for a date outside the calendar's years
 * @example
 * workdaysBetween('2026-09-30', '2026-10-09') //=> 2
 */
export function workdaysBetween(start: string, end: string, calendar?: WorkdayCalendar): number {
  const fn = 'workdaysBetween';
  const cal = calendarOf(calendar, fn);
  const s = readCoveredDate(start, cal, fn, 'start');
  const e = readCoveredDate(end, cal, fn, 'end');
  const idx = cal[INDEX];
  if (e >= s) return idx.cum[e - idx.start + 1]! - idx.cum[s - idx.start + 1]!;
  return -(idx.cum[s - idx.start]! - idx.cum[e - idx.start]!);
}

/**
 * The first working day after `date` (the day itself not counted): `addWorkdays(date, 1)`.
 *
 * @category Calendar
 * @param date - a civil date `YYYY-MM-DD`
 * @param calendar - the calendar; {@link cnWorkdayCalendar} by default
 * @returns the next working day
 * @throws {SunshineInputError} for a bad date
 * @throws {CalendarCoverageError} for a date outside the calendar's years
 * @example
 * nextWorkday('2026-09-30') //=> '2026-10-08'
 */
export function nextWorkday(date: string, calendar?: WorkdayCalendar): string {
  const fn = 'nextWorkday';
  const cal = calendarOf(calendar, fn);
  const day = readCoveredDate(date, cal, fn, 'date');
  return fromDayNumber(addWorkdaysTo(day, 1, cal, fn, date));
}

/** The day itself when it is a working day, else the next one (Civil Code art. 203). @internal */
export function rollForward(n: number, cal: WorkdayCalendar, fn: string, date: string): number {
  const idx = cal[INDEX];
  const kind = idx.kinds[n - idx.start]!;
  if (kind === 0 || kind === 3) return n;
  return addWorkdaysTo(n, 1, cal, fn, date);
}
