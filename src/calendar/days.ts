import { parseCivilDate, dayNumber, CIVIL_DATE } from '../_lib/dates';
import { inputError } from '../errors';
import { CalendarCoverageError, INDEX, type WorkdayCalendar } from './calendar';
import { cnWorkdayCalendar } from './cnWorkdayCalendar';

/** A calendar argument, checked: the built-in one when absent. @internal */
export function calendarOf(calendar: WorkdayCalendar | undefined, fn: string): WorkdayCalendar {
  if (calendar === undefined) return cnWorkdayCalendar;
  if (typeof calendar !== 'object' || calendar === null || (calendar as Partial<WorkdayCalendar>)[INDEX] === undefined) {
    throw inputError(fn, 'calendar', calendar, 'a calendar from createWorkdayCalendar, or nothing for cnWorkdayCalendar', 'invalid-type');
  }
  return calendar;
}

/** Reads a civil date into a day number, or throws naming the field. @internal */
export function readDate(value: unknown, fn: string, path: string): number {
  const p = parseCivilDate(value);
  if (p === null) {
    throw inputError(fn, path, value, CIVIL_DATE, 'invalid-date');
  }
  return dayNumber(p.year, p.month, p.day);
}

/** Reads a civil date that the calendar must cover. @internal */
export function readCoveredDate(value: unknown, calendar: WorkdayCalendar, fn: string, path: string): number {
  const n = readDate(value, fn, path);
  checkCovered(n, calendar, fn, path, value as string);
  return n;
}

/** Throws {@link CalendarCoverageError} when day `n` is outside the calendar. @internal */
export function checkCovered(n: number, calendar: WorkdayCalendar, fn: string, path: string, shown: string): void {
  const idx = calendar[INDEX];
  if (n < idx.start || n > idx.end) {
    const year = Number(shown.slice(0, 4));
    throw new CalendarCoverageError(fn, path, shown, year, calendar.coverage);
  }
}

/** Reads an integer count of days. @internal */
export function readCount(value: unknown, fn: string, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw inputError(fn, path, value, 'a whole number of working days, e.g. 7 or -3');
  }
  return value;
}
